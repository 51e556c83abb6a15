"""The plugin's setup in mkdocs.yml: what would build a wrong site without a word is an error
that names the option, before anything is built."""

from __future__ import annotations

import re

import pytest

from sitebuild import build, make_project

pytestmark = pytest.mark.build


def _edited(project, pattern: str, replacement: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    edited = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert edited != text, f"mkdocs.yml has no {pattern!r}"
    config.write_text(edited, encoding="utf-8")


def _fails_with(project, message: str) -> None:
    result = build(project)
    assert result.returncode != 0
    assert message in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "en").exists()  # nothing was built


def test_a_seeds_folder_that_does_not_exist_is_an_error(tmp_path):
    project = make_project(tmp_path)
    _edited(project, r"^(\s+)seeds_dir: seeds$", r"\1seeds_dir: clippings")
    _fails_with(project, "pressroom: mkdocs.yml: seeds_dir: 'clippings' is not a folder")


def test_a_theme_other_than_material_is_an_error_naming_it(tmp_path):
    project = make_project(tmp_path)
    (project / "plain").mkdir()
    (project / "plain" / "main.html").write_text("<html>{{ page.content }}</html>\n",
                                                 encoding="utf-8")
    _edited(project, r"^  name: material$", "  name: null\n  custom_dir: plain")
    _fails_with(project, "pressroom: mkdocs.yml: theme: the press room's pages are made for "
                         "Material for MkDocs")


def test_the_theme_s_search_beside_the_press_room_is_an_error(tmp_path):
    project = make_project(tmp_path)
    _edited(project, r"^plugins:$", "plugins:\n  - material/search")
    _fails_with(project, "pressroom: mkdocs.yml: plugins: 'material/search' would index the "
                         "site beside the press room's own search")
