"""`mkdocs serve` after an editor's changes publishes exactly what a fresh full build of the
same sources publishes: a source added, edited, its story renamed, a registry's source edited,
the source deleted, one after the other in one running server.

After each change, every file the fresh build writes is fetched from the server and compared
byte for byte (the server's reload script taken out of its pages), and every file an earlier
state had and this one has not must be gone from the server: no stale page, listing, feed
entry or search file is left behind. Both run at one fixed clock and with the server's
address as the site's, so nothing else may differ. This is what rebuilding only what a change
affects must keep (issue #27).
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import sitebuild
from sitebuild import build, make_project, serving

pytestmark = pytest.mark.build

NOW = "2026-12-01T12:00:00+00:00"
# The script `mkdocs serve` puts into every page it serves, to reload it after a rebuild.
RELOAD_SCRIPT = re.compile(rb"<script>[^<]*livereload[^<]*</script>")
# A rebuild is over when its last file is written: until then the comparison is repeated.
SETTLE_SECONDS = 90
NEW_SOURCE = "zz-bakery-ruling.txt"
TAXONOMY_EDIT = "a tag's label edited"
JUNHE = "en/stories/junhe-represented-xiaomi-corporation-to-obtain-an-injunction-from-beijing/"
ABOUT_LINKS = f"""

See the [stories on Xiaomi](tags/xiaomi.md) and [the ruling in Beijing]({JUNHE[3:-1]}.md).
"""
BAKERY = """---
title: Sampleton court bars invented reviews of a family bakery
lang: en
date: 2025-06-02
publisher: Sampleton Courier
story: {story}
tags: [Xiaomi]
---
A regional court in Sampleton has ordered a review portal to delete a series of reviews of a
family bakery, finding that their authors had never visited the shop.

The owners said they would now ask the court to order the portal to name the accounts that
posted the reviews within a few days of each other last spring.
"""


def fetch(address: str, path: str) -> bytes | None:
    """The file as the server sends it, its reload script taken out; None when it has none."""
    try:
        with urllib.request.urlopen(address + path, timeout=10) as response:
            return RELOAD_SCRIPT.sub(b"", response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def fresh_build(project: Path, address: str, scratch: Path) -> dict[str, bytes]:
    """Every file a full build of the project's sources writes, by its path in the site."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(project, scratch, ignore=shutil.ignore_patterns("site", ".cache*"))
    result = build(scratch, site_url=address, now=NOW)
    assert result.returncode == 0, result.stderr
    site = scratch / "site"
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def differences(address: str, expected: dict[str, bytes], gone: set[str]) -> list[str]:
    found = []
    for path, content in expected.items():
        served = fetch(address, path)
        if served is None:
            found.append(f"missing: {path}")
        elif served != content:
            found.append(f"differs: {path}")
    found += [f"stale: {path}" for path in sorted(gone) if fetch(address, path) is not None]
    return found


def settled(address: str, expected: dict[str, bytes], gone: set[str]) -> list[str]:
    """The differences once the rebuild is over (none, if it publishes what it should);
    what still differs after SETTLE_SECONDS."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while (found := differences(address, expected, gone)) and time.monotonic() < deadline:
        time.sleep(1)
    return found


@pytest.mark.parametrize("dirty", [False, True], ids=["full-rebuilds", "dirty"])
def test_serve_publishes_after_every_change_what_a_full_build_does(tmp_path, monkeypatch,
                                                                   dirty):
    monkeypatch.setitem(sitebuild.ENV, "PRESSROOM_NOW", NOW)  # the server's clock too
    project = make_project(tmp_path)
    # A hand-written page (rendered at every rebuild) links generated pages an edit leaves
    # alone: the engine must still find where they are.
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + ABOUT_LINKS, encoding="utf-8")
    seeds = project / "seeds"
    english = seeds / "003_08990eb7b52fc2ed.txt"
    taxonomy = seeds / "taxonomy.yml"
    changes = [
        ("a new source", lambda: (seeds / NEW_SOURCE).write_text(
            BAKERY.format(story="bakery-ruling"), encoding="utf-8"),
         "en/stories/bakery-ruling/", "family bakery"),
        # Saved again as soon as the first save shows, while the search index of that
        # rebuild may still be written.
        ("the source edited", lambda: edited("village bakery") and edited("corner bakery"),
         "en/stories/bakery-ruling/", "corner bakery"),
        # A label is in the tag's pages and feeds, and in every export entry of its stories.
        (TAXONOMY_EDIT, lambda: taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
            "labels: {en: Xiaomi,", "labels: {en: Xiaomi Devices,", 1), encoding="utf-8"),
         "en/tags/xiaomi/", "Xiaomi Devices"),
        ("its story renamed", lambda: (seeds / NEW_SOURCE).write_text(
            BAKERY.format(story="sampleton-bakery-ruling"), encoding="utf-8"),
         "en/stories/sampleton-bakery-ruling/", "family bakery"),
        ("a source the case registry cites, edited", lambda: english.write_text(
            english.read_text(encoding="utf-8").replace(
                "also attached great importance", "also attached much importance", 1),
            encoding="utf-8"), JUNHE, "attached much importance"),
        ("the new source deleted", lambda: (seeds / NEW_SOURCE).unlink(), None, None),
    ]
    def edited(words: str) -> str:
        (seeds / NEW_SOURCE).write_text(BAKERY.format(story="bakery-ruling").replace(
            "family bakery", words), encoding="utf-8")
        return served.showing("en/stories/bakery-ruling/", words)

    states, kept = {}, {}
    with serving(project, watch=True, dirty=dirty) as served:
        served("en/")
        address = served.address
        scratch = tmp_path / "fresh"
        expected = fresh_build(project, address, scratch)
        assert settled(address, expected, set()) == [], "before any change"
        for name, change, page, words in changes:
            change()
            if page:
                served.showing(page, words)
            previous, expected = expected, fresh_build(project, address, scratch)
            gone = set(previous) - set(expected)
            assert settled(address, expected, gone) == [], name
            states[name] = set(expected)
            report = json.loads((project / "build" / "editor-report.json").read_text("utf-8"))
            kept[name] = report["pages_kept"]
    # What the changes were meant to do, so that the comparisons above compared something.
    about_page = (scratch / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../tags/xiaomi/"' in about_page and f'href="../{JUNHE[3:]}"' in about_page
    story, renamed = "en/stories/bakery-ruling/index.html", \
        "en/stories/sampleton-bakery-ruling/index.html"
    assert story in states["a new source"] and story in states["the source edited"]
    assert story not in states["its story renamed"] and renamed in states["its story renamed"]
    assert not {story, renamed} & states["the new source deleted"]
    # With --dirty, every change to a source renders again only what it affects (the pages
    # that list or link a source added, renamed or deleted among them); a registry's, and
    # without --dirty every change, everything.
    assert kept.pop(TAXONOMY_EDIT) == 0
    assert all(count > 0 for count in kept.values()) is dirty, kept
    assert dirty or not any(kept.values()), kept
