"""The pipeline's stages know nothing of MkDocs: only the adapter does."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "pressroom"
ADAPTER = {"plugin.py", "config.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_only_the_adapter_imports_mkdocs():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    for path in modules:
        uses_mkdocs = any(name.split(".")[0] in ("mkdocs", "material")
                          for name in imported_modules(path))
        assert uses_mkdocs == (path.name in ADAPTER and path.parent == PACKAGE), path
