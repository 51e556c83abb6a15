"""The site check (`python -m pressroom.publishing.check_site SITE`): the press room's own
site passes; a site built without the plugin, as an engine that ignores plugins builds it,
fails, and so does a site that lost a page the plugin makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pressroom.publishing.check_site import problems, theme_assets
from sitebuild import build, make_project

pytestmark = pytest.mark.build


def check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pressroom.publishing.check_site", str(site)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def damaged(site, tmp_path) -> Path:
    """A copy of the seeds' site to take things out of."""
    return Path(shutil.copytree(site, tmp_path / "site"))


def test_the_press_rooms_site_passes(site):
    result = check(site)
    assert result.returncode == 0, result.stderr
    # The press room's pages, not those forwarding from former addresses ("has moved").
    pages = [page for page in site.rglob("*.html")
             if 'name="pressroom-moved"' not in page.read_text(encoding="utf-8")]
    assert 40 < len(pages) < sum(1 for _ in site.rglob("*.html"))
    assert result.stdout.strip() == f"{site}: the press room's site, {len(pages)} pages"
    assert result.stderr == ""


def test_a_site_built_without_the_plugin_fails(tmp_path):
    """What an engine that drops the plugin publishes: the hand-written pages in the theme's
    own look, without a word from the build (it is not --strict that would catch it)."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("plugins:\n")
    end = text.index("\n\n", start)
    config.write_text(text[:start] + "plugins: []" + text[end:], encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "en" / "about" / "index.html").is_file()

    checked = check(site)
    assert checked.returncode == 1
    found = checked.stderr.splitlines()
    assert found[0].startswith(f"{site}: not the press room's site (")
    for expected in ("api/articles.json: not the press room's export",
                     "en/index.html: missing (the language's landing page)",
                     "de/feed.xml: missing (the language's feed)",
                     "pagefind/de/pagefind-entry.json: missing (the language's search)",
                     "en/about/index.html: not rendered with the press room's theme",
                     "assets/pressroom/pressroom.css: missing (a file of the press room's theme)"):
        assert any(line.strip().startswith(expected) for line in found), expected


def test_a_missing_story_page_is_named(site, damaged):
    (story,) = [page for page in (damaged / "de" / "artikel").iterdir()
                if page.name.startswith("xiaomi-secures-legal-victory")]
    shutil.rmtree(story)
    found = problems(damaged)
    assert len(found) == 2, found  # the export's link to it, and the sitemap's
    assert found[0].startswith(f"api/articles.json: story '{story.name}' in de: no page at ")
    assert found[1] == f"sitemap.xml: no page at https://pressroom.example.org/de/artikel/{story.name}/"
    assert problems(site) == []


def test_a_missing_search_index_or_theme_file_is_named(damaged):
    (damaged / "pagefind" / "en" / "pagefind-entry.json").unlink()
    (damaged / theme_assets()[0]).unlink()
    assert problems(damaged) == [
        f"{theme_assets()[0]}: missing (a file of the press room's theme)",
        "pagefind/en/pagefind-entry.json: missing (the language's search)",
    ]


def test_a_page_without_the_press_rooms_theme_is_named(damaged):
    page = damaged / "en" / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("assets/pressroom/", "assets/"),
                    encoding="utf-8")
    assert problems(damaged) == ["en/about/index.html: not rendered with the press room's theme"]


def test_a_folder_that_is_not_there_fails(tmp_path):
    result = check(tmp_path / "site")
    assert result.returncode == 1
    assert f"{tmp_path / 'site'}: no such folder" in result.stderr
