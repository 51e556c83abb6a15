"""The pipeline's stages know nothing of MkDocs: only the adapter does, and the adapter takes
the engine's classes from one module, so it runs under MkDocs or ProperDocs alike."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "pressroom"
# The only module that imports an engine (or its theme's package).
ENGINE = "engine.py"
# The modules that know the engine, through ENGINE.
ADAPTER = {"plugin.py", "config.py", "theme_adapter.py"}
ENGINE_PACKAGES = ("mkdocs", "properdocs", "material")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of what a module imports, its relative imports resolved
    (`from .engine import X` in the package is `pressroom.engine`)."""
    package = ["pressroom", *path.parent.relative_to(PACKAGE).parts]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1])
            if node.module:
                names.add(f"{base}.{node.module}")
            else:  # from . import engine
                names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def top_level(path: Path) -> bool:
    return path.parent == PACKAGE


def test_only_the_engine_module_imports_mkdocs():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    for path in modules:
        uses_engine = any(name.split(".")[0] in ENGINE_PACKAGES
                          for name in imported_modules(path))
        assert uses_engine == (path.name == ENGINE and top_level(path)), path


def test_engine_module_imports_both_engines():
    imported = {name.split(".")[0] for name in imported_modules(PACKAGE / ENGINE)}
    assert {"mkdocs", "properdocs"} <= imported


def test_only_the_adapter_imports_the_engine_module():
    for path in sorted(PACKAGE.rglob("*.py")):
        uses_engine = "pressroom.engine" in imported_modules(path)
        assert uses_engine == (path.name in ADAPTER and top_level(path)), path


def readme_pipeline() -> str:
    readme = (PACKAGE.parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("## The pipeline\n", 1)[1].split("\n## ", 1)[0]


def test_the_readmes_pipeline_names_every_module_where_it_lies():
    """The README's pipeline and the folders say the same thing: every module of a stage
    package is named in its row, every top-level module in the section, and nothing it names
    is missing."""
    section = readme_pipeline()
    rows = {row.split("`")[1].rstrip("/"): row for row in section.splitlines()
            if row.startswith("| ") and "`" in row.split("|")[2]}
    for package in sorted(path for path in PACKAGE.iterdir() if (path / "__init__.py").exists()):
        if package.name in ("cleaning", "inference", "report"):
            continue  # named as folders: a module per kind of noise, per field, the report
        row = rows.get(package.name) or section
        for module in sorted(package.rglob("*.py")):
            if module.name != "__init__.py":
                assert f"`{module.name}`" in row, f"{module.relative_to(PACKAGE)} is not in its row"
    for module in sorted(PACKAGE.glob("*.py")):
        if module.name != "__init__.py":
            assert f"`{module.name}`" in section, f"{module.name} is not in the pipeline"
    named = {name for name in section.split("`") if name.endswith(".py")}
    existing = {path.name for path in PACKAGE.rglob("*.py")}
    assert named <= existing, f"named but not there: {sorted(named - existing)}"
