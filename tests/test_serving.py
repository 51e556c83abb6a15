"""`mkdocs serve` rebuilds: the previous build's site is moved aside, and deleted once the new
one is written."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from conftest import make_article
from pressroom.addresses import story_address
from pressroom.pages.site import SitePage
from pressroom.reuse import Reuse
from pressroom.serving import (
    TRASH_PREFIX,
    ChangeStamp,
    LastBuild,
    PreviousBuilds,
    file_digests,
    frame_key,
    page_key,
    page_keys,
    stale_outputs,
)


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


# What `mkdocs serve --dirty` compares a rebuild with.

def _page(path: str = "en/stories/a.md", markdown: str = "---\ntitle: A\n---\n",
          *body_args: object) -> SitePage:
    return SitePage(story_address("en", path),
                    markdown=markdown, body=partial(_body, *body_args) if body_args else None)


def _body(*values: object) -> str:
    return repr(values)


def test_a_page_made_of_the_same_values_has_the_same_key():
    assert page_key(_page("a", "x", ("one", 2))) == page_key(_page("a", "x", ("one", 2)))
    assert page_key(_page("a", "x", ("one", 2))) != page_key(_page("a", "x", ("one", 3)))
    assert page_key(_page("a", "x")) != page_key(_page("a", "y"))
    assert page_key(_page("a", "x")) != page_key(_page("b", "x"))


@dataclass(frozen=True)
class Label:
    text: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Caption:  # a Label's fields, but another kind of value
    text: str
    aliases: tuple[str, ...] = ()


def test_a_frozen_value_stands_for_its_kind_and_fields_wherever_it_is():
    shared = Label("Courts", ("Court",))
    keys = page_keys([_page("a", "x", [shared, "one"]), _page("b", "x", [shared, shared]),
                      _page("c", "x", [Label("Courts", ("Court",)), "one"]),
                      _page("d", "x", [Label("Courts", ("Courts",)), "one"]),
                      _page("e", "x", [Caption("Courts", ("Court",)), "one"])])
    assert page_key(_page("a", "x", [Label("Courts", ("Court",)), "one"])) == \
        keys[_page("a").path]
    assert page_key(_page("a", "x", [shared, "one"])) != page_key(
        _page("a", "x", [Label("Courts", ("Courts",)), "one"]))
    assert page_key(_page("a", "x", [shared, "one"])) != page_key(
        _page("a", "x", [Caption("Courts", ("Court",)), "one"]))
    assert len(set(keys.values())) == len(keys)


def test_a_value_that_cannot_be_pickled_makes_the_page_rebuilt_every_time():
    # A function made in a call has no name to pickle it by: its page is never kept (slower,
    # not wrong), not even against itself.
    made = lambda: None  # noqa: E731
    assert page_key(_page("a", "x", made)) != page_key(_page("a", "x", made))


def test_the_frame_follows_the_files_and_the_values(tmp_path):
    registry = tmp_path / "cases.yml"
    registry.write_text("[]\n", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "about.md").write_text("# About\n", encoding="utf-8")
    first = frame_key([registry, docs], "name")
    assert frame_key([registry, docs], "name") == first
    assert frame_key([registry, docs], "other name") != first
    (docs / "en" / "about.md").write_text("# About us\n", encoding="utf-8")
    assert frame_key([registry, docs], "name") != first
    assert frame_key([registry, tmp_path / "missing"], "name") != first


def test_only_pages_whose_key_and_frame_are_the_last_builds_are_kept():
    last = LastBuild("frame", {"a": "1", "b": "2"}, documents={
        "a": ("en", "/a/", "<p>a</p>"), "b": ("en", "/b/", "<p>b</p>")})
    assert last.kept("frame", {"a": "1", "b": "3", "c": "4"}) == {"a"}
    assert last.kept("another frame", {"a": "1", "b": "2"}) == frozenset()
    following = last.next("frame", {"a": "1", "b": "3"}, frozenset({"a"}), frozenset(),
                          {})
    # The kept page's search document is carried over; the other is recorded when rendered.
    assert following.documents == {"a": ("en", "/a/", "<p>a</p>")}
    assert (following.frame, following.keys) == ("frame", {"a": "1", "b": "3"})


def test_a_file_beside_the_pages_is_kept_where_its_contents_are_the_last_builds():
    written = {"en/feed.xml": "<feed/>", "de/feed.xml": "<feed/>", "api/a.json": b"{}"}
    last = LastBuild("frame", files=file_digests(written))
    now = file_digests({**written, "de/feed.xml": "<feed>new</feed>", "en/new.xml": "<x/>"})
    assert last.unchanged_files("frame", now) == {"en/feed.xml", "api/a.json"}
    assert last.unchanged_files("another frame", now) == frozenset()


def test_an_article_is_keyed_by_what_it_says_wherever_it_is_shown():
    one = make_article("en", "First line.\nSecond line.", title="One", source="one.txt")
    same = make_article("en", "First line.\nSecond line.", title="One", source="one.txt")
    edited = make_article("en", "First line.\nSecond line, edited.", title="One",
                          source="one.txt")
    story, listing = _page("one", "x", one), _page("all", "x", [one, one])
    assert page_keys([story, listing]) == page_keys([_page("one", "x", same),
                                                     _page("all", "x", [same, same])])
    changed = page_keys([_page("one", "x", edited), _page("all", "x", [edited, one])])
    assert changed["en/stories/one.md"] != page_key(story)
    assert changed["en/stories/all.md"] != page_key(listing)


def test_an_article_the_last_build_digested_is_not_pickled_again():
    article = make_article("en", "First line.\nSecond line.", title="One", source="one.txt")
    other = make_article("en", "First line.\nOther line.", title="One", source="one.txt")
    reuse = Reuse()
    key = page_key(_page("one", "x", article), reuse)
    # Made unpicklable: pickled again, it would get a digest of chance.
    object.__setattr__(article, "image", lambda: None)
    reuse.next_build()
    assert page_key(_page("one", "x", article), reuse) == key
    assert page_key(_page("one", "x", other), reuse) != key
    reuse.next_build()
    assert page_key(_page("one", "x", article), reuse) == key  # kept while still in use
    assert page_key(_page("one", "x", article), Reuse()) != key


def test_the_files_of_pages_gone_are_removed_with_the_folders_they_leave_empty(tmp_path):
    site = tmp_path / "site"
    for name in ("en/stories/gone/index.html", "en/stories/kept/index.html", "en/feed.xml"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    stale_outputs(site, {"en/stories/gone/index.html", "en/never-written.xml"})
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*")) == [
        "en", "en/feed.xml", "en/stories", "en/stories/kept", "en/stories/kept/index.html"]


def _stamp_after(stamp: ChangeStamp, seconds: float = 0.5) -> str:
    time.sleep(seconds)  # the notice comes from the system, on a thread of the observer's
    assert stamp.stamp is not None
    return stamp.stamp.read_text(encoding="utf-8")


def test_a_change_to_the_sources_writes_the_stamp_and_reading_them_does_not(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    source = seeds / "sub" / "one.txt"
    source.write_text("A headline\n", encoding="utf-8")
    stamp = ChangeStamp()
    assert stamp.start([seeds])
    written = stamp.folder
    try:
        assert _stamp_after(stamp) == ""
        source.read_bytes()  # as every build reads every source
        assert _stamp_after(stamp) == ""
        source.write_text("A headline, edited\n", encoding="utf-8")
        edited = _stamp_after(stamp)
        assert edited != ""
        (seeds / "two.txt").write_text("Another\n", encoding="utf-8")
        added = _stamp_after(stamp)
        assert added != edited
        source.unlink()
        assert _stamp_after(stamp) != added
    finally:
        stamp.stop()
    assert stamp.stamp is None and written is not None and not written.exists()


def test_the_stamp_names_the_files_changed_since_the_last_take(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    one, two = seeds / "one.txt", seeds / "two.txt"
    one.write_text("A headline\n", encoding="utf-8")
    stamp = ChangeStamp()
    assert stamp.take() is None  # not watching: nothing is known
    assert stamp.start([seeds])
    try:
        assert stamp.take() == frozenset()
        one.write_text("A headline, edited\n", encoding="utf-8")
        two.write_text("Another\n", encoding="utf-8")
        _stamp_after(stamp)
        assert stamp.take() == {one, two}
        assert stamp.take() == frozenset()  # each change is taken once
        two.rename(seeds / "three.txt")
        _stamp_after(stamp)
        assert stamp.take() == {two, seeds / "three.txt"}
        (seeds / "folder").mkdir()  # what a folder holds may come without a notice of its own
        _stamp_after(stamp)
        assert stamp.take() is None
        assert stamp.take() == frozenset()
    finally:
        stamp.stop()
    assert stamp.take() is None
