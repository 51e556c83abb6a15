"""`mkdocs serve` rebuilds: the previous build's site is moved aside, and deleted once the new
one is written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pressroom.serving import TRASH_PREFIX, PreviousBuilds


def _old_site(folder: Path) -> Path:
    site = folder / "site"
    (site / "en" / "stories").mkdir(parents=True)
    (site / "en" / "stories" / "index.html").write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    return site


@pytest.mark.build
def test_the_previous_site_is_moved_aside_and_deleted_in_the_background(tmp_path):
    site = _old_site(tmp_path)
    builds = PreviousBuilds()

    builds.set_aside(site)
    assert site.is_dir() and not any(site.iterdir())  # empty at once, ready for the build
    builds.finish()
    assert [path.name for path in tmp_path.iterdir()] == ["site"]  # nothing left beside it


@pytest.mark.build
def test_the_previous_site_waits_until_the_build_is_over(tmp_path):
    site = _old_site(tmp_path)
    builds = PreviousBuilds()
    builds.set_aside(site)
    (aside,) = tmp_path.glob(f"{TRASH_PREFIX}*")
    time.sleep(1)  # a deletion started now would have removed these two files by then
    assert (aside / "en" / "stories" / "index.html").read_text(encoding="utf-8") == "old"

    builds.delete()  # the build is written
    builds.finish()
    assert not aside.exists()


def test_an_empty_or_missing_site_is_left_alone(tmp_path):
    builds = PreviousBuilds()
    builds.set_aside(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    builds.set_aside(tmp_path / "empty")
    builds.finish()
    assert [path.name for path in tmp_path.iterdir()] == ["empty"]
    assert not list(tmp_path.glob(f"{TRASH_PREFIX}*"))
