"""The media kit as the built site offers it: each language's ZIP holds exactly the files of
docs/<lang>/media-kit/, its page links each with its size, and what is not a regular file of
the kit is a warning and never reaches the site."""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from pressroom.language.sizes import format_size
from pressroom.publishing.check_site import problems as site_problems
from sitebuild import build, make_project, read_page

pytestmark = pytest.mark.build

HOSTILE = "logo <i onclick=alert(1)>.svg"
ZIPS = {"en": ("media-kit.zip", "media-kit"), "de": ("pressemappe.zip", "pressemappe")}


def kit_files(docs: Path, lang: str) -> dict[str, bytes]:
    folder = docs / lang / "media-kit"
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_zip_holds_exactly_the_media_kits_files(site, lang):
    name, folder = ZIPS[lang]
    expected = kit_files(ROOT / "docs", lang)
    assert len(expected) >= 2
    with zipfile.ZipFile(site / lang / name) as archive:
        assert archive.namelist() == [f"{folder}/{file}" for file in sorted(expected)]
        assert {entry[len(folder) + 1:]: archive.read(entry) for entry in archive.namelist()} \
            == expected
    for file, data in expected.items():  # and the site publishes each file as it is
        assert (site / lang / "media-kit" / file).read_bytes() == data


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_media_kit_page_links_the_zip_and_every_file_with_its_size(site, lang):
    page = html.unescape(read_page(site, f"{lang}/media-kit"))
    page = page[page.index('<h1 id="'):page.index("</article>")]  # without the contents
    name, _ = ZIPS[lang]
    size = format_size((site / lang / name).stat().st_size, lang)
    label = {"en": f"Download the whole media kit (ZIP, {size})",
             "de": f"Die ganze Pressemappe herunterladen (ZIP, {size})"}[lang]
    assert f'href="../{name}">{label}</a>' in page
    for file, data in kit_files(ROOT / "docs", lang).items():
        link = re.search(rf'<a type="[^"]+" href="{re.escape(file)}">([^<]+)</a> '
                         r'<span class="pressroom-meta">([^<]+)</span>', page)
        assert link is not None, file
        assert link[2].endswith(f", {format_size(len(data), lang)}"), link[2]
    # Where the editors' page puts it: under their heading, before the next section.
    heading = {"en": "Files of the media kit", "de": "Dateien der Pressemappe"}[lang]
    assert page.index(heading) < page.index(label) < page.index(
        {"en": "Citing the case summary", "de": "Zitieren der Fallübersicht"}[lang])
    front = html.unescape(read_page(site, lang))
    assert f'href="{name}">{label}</a>' in front


def test_the_site_check_accepts_the_site_with_its_media_kits(site):
    assert site_problems(site) == []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The seeds' project with a media kit an editor got wrong, and no marker on its page."""
    tmp = tmp_path_factory.mktemp("kit")
    project = make_project(tmp)
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not for the site\n", encoding="utf-8")
    kit = project / "docs" / "en" / "media-kit"
    (kit / "secret.txt").symlink_to(outside / "secret.txt")
    (kit / "folder").symlink_to(outside, target_is_directory=True)
    (kit / ".notes.txt").write_text("hidden\n", encoding="utf-8")
    os.mkfifo(kit / "pipe.txt")
    (kit / HOSTILE).write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    page = project / "docs" / "en" / "media-kit.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- media-kit-files -->", ""),
                    encoding="utf-8")
    return project, build(project), build(project, "--strict")


def test_links_hidden_files_and_pipes_are_warnings_and_never_published(hostile):
    project, result, strict = hostile
    assert result.returncode == 0, result.stderr
    for name in ("secret.txt", "folder", ".notes.txt", "pipe.txt"):
        assert re.search(rf"WARNING.*docs/en/media-kit/{re.escape(name)}: ", result.stderr), name
    assert strict.returncode != 0
    site = project / "site"
    published = {path.relative_to(site / "en" / "media-kit").as_posix()
                 for path in (site / "en" / "media-kit").rglob("*")}
    assert published == {"index.html", "fact-sheet.txt", "press-room-logo.svg",
                         HOSTILE}
    assert not any(b"not for the site" in path.read_bytes()
                   for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(io.BytesIO((site / "en" / "media-kit.zip").read_bytes())) as archive:
        assert archive.namelist() == ["media-kit/fact-sheet.txt", f"media-kit/{HOSTILE}",
                                      "media-kit/press-room-logo.svg"]


def test_a_page_without_the_marker_gets_the_list_at_its_end_and_names_stay_text(hostile):
    project, _, _ = hostile
    page = read_page(project / "site", "en/media-kit")
    assert "<i onclick" not in page
    assert ('href="logo%20%3Ci%20onclick%3Dalert%281%29%3E.svg">Logo &lt;i onclick=alert(1)&gt;'
            "</a>") in page
    article = page[page.index('<h1 id="media-kit"'):page.index("</article>")]
    assert article.index("Citing the case summary") < article.index(
        '<h2 id="files-to-download">Files to download</h2>') < article.index(
        "Download the whole media kit")
