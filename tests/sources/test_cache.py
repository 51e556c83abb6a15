"""The source cache: unchanged sources are not processed again, and every change shows."""

from __future__ import annotations

import json
import os
import pickle
import re

import pytest

from conftest import SEEDS
from pressroom.sources.ingest import Outcome
from pressroom.sources.source_cache import SourceCache, code_fingerprint
from sitebuild import build, make_project, serving


def report(project):
    return json.loads((project / "build" / "editor-report.json").read_text(encoding="utf-8"))


def page(project, url):
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


STORY = "en/stories/xiaomi-secures-legal-victory-against-online-defamation/"


@pytest.mark.build
def test_a_rebuild_reuses_unchanged_sources_and_sees_every_change(tmp_path):
    project = make_project(tmp_path)
    assert build(project, "--strict").returncode == 0
    assert report(project)["cache"] == {"unchanged": 0, "sources": 8}
    cache_file = project / "build" / "cache" / "sources.pickle"
    written = cache_file.stat().st_mtime_ns

    assert build(project, "--strict").returncode == 0
    assert report(project)["cache"] == {"unchanged": 8, "sources": 8}
    assert cache_file.stat().st_mtime_ns == written  # nothing changed: not written again

    # An edited source is read again, and the change is on its page.
    source = project / "seeds" / "000_b899426bec3aca79.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "This case underscores", "This case clearly underscores"), encoding="utf-8")
    assert build(project, "--strict").returncode == 0
    assert report(project)["cache"] == {"unchanged": 7, "sources": 8}
    assert "This case clearly underscores" in page(project, STORY)
    assert cache_file.stat().st_mtime_ns != written

    # The registries are read every build: a new tag label and a new case title show
    # everywhere they are used, with every source from the cache.
    taxonomy = project / "seeds" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        "{en: Minzhili, de: Minzhili}", "{en: Minzhili platform, de: Plattform Minzhili}"),
        encoding="utf-8")
    cases = project / "seeds" / "cases.yml"
    cases.write_text(cases.read_text(encoding="utf-8").replace(
        "en: Xiaomi v. Minzhili (“Network One Soldier”)", "en: Xiaomi against Minzhili"),
        encoding="utf-8")
    assert build(project, "--strict").returncode == 0
    assert report(project)["cache"] == {"unchanged": 8, "sources": 8}
    assert "Minzhili platform" in page(project, STORY)
    assert "Plattform Minzhili" in page(project, "de/schlagwoerter/minzhili/")
    assert "Xiaomi against Minzhili" in page(project, "en/cases/")
    assert "Xiaomi against Minzhili" in page(project, STORY)
    feed = (project / "site/en/tags/minzhili/feed.xml").read_text(encoding="utf-8")
    assert 'label="Minzhili platform"' in feed
    assert re.search(r'"Minzhili platform"', (project / "site/api/articles.json").read_text())


@pytest.mark.build
def test_a_removed_source_leaves_the_site_and_the_cache(tmp_path):
    project = make_project(tmp_path)
    assert build(project).returncode == 0
    (project / "seeds" / "004_e53124b072d22cea-de.txt").unlink()
    assert build(project).returncode == 0
    assert report(project)["cache"] == {"unchanged": 7, "sources": 7}
    assert "Dieser Artikel liegt nur auf Englisch vor" in page(
        project, "de/artikel/lei-jun-announces-legal-action-against-false-information-campaigns/")
    assert SEEDS.exists()


@pytest.mark.build
def test_serve_keeps_the_cache_in_memory_and_writes_it_when_it_stops(tmp_path):
    project = make_project(tmp_path)
    assert build(project).returncode == 0
    cache_file = project / "build" / "cache" / "sources.pickle"
    written = cache_file.stat().st_mtime_ns
    source = project / "seeds" / "000_b899426bec3aca79.txt"
    with serving(project, watch=True) as fetch:
        fetch(STORY)
        source.write_text(source.read_text(encoding="utf-8").replace(
            "This case underscores", "This case clearly underscores"), encoding="utf-8")
        fetch.showing(STORY, "This case clearly underscores")
        assert cache_file.stat().st_mtime_ns == written  # not rewritten at every edit
    assert cache_file.stat().st_mtime_ns != written  # but when the server stops
    assert build(project).returncode == 0
    assert report(project)["cache"] == {"unchanged": 8, "sources": 8}


def test_a_cache_file_another_version_wrote_is_a_miss_not_a_failure(tmp_path):
    """Outcomes are pickled with their classes' module paths, which move between versions:
    a file whose fingerprint is not this code's is not unpickled past it."""
    path = tmp_path / "sources.pickle"
    # A class of a module this code no longer has, under this code's fingerprint and under
    # another; a file in the layout of before (one tuple); a file that is not a cache.
    moved = b"cpressroom.gone\nOutcome\n."
    # The layout of before, (fingerprint, outcomes) in one pickle, whose outcomes name a
    # module that has moved: unpickling it raises ModuleNotFoundError.
    moved_in_one = b"(Vother\ncpressroom.gone\nOutcome\nt."
    for content in (pickle.dumps(code_fingerprint()) + moved, pickle.dumps("other") + moved,
                    moved_in_one, pickle.dumps(("other", {})), b"not a pickle at all"):
        path.write_bytes(content)
        cache = SourceCache(path)
        assert cache.get(tmp_path / "a.txt", "digest") is None
        assert cache.hits == 0


def _outcomes(path):
    return (Outcome(path),)


def test_in_serve_a_source_no_change_was_noticed_to_is_not_read_again(tmp_path):
    source, image = tmp_path / "one.txt", tmp_path / "two.pdf"
    source.write_text("A headline\n", encoding="utf-8")
    image.write_bytes(b"%PDF-")
    cache = SourceCache(None, serving=True)

    def read_all(changed):
        """One build: what it takes unread, by name; the others put as read."""
        cache.known_changes(changed)
        taken = set()
        for path in (source, image):
            if cache.unchanged(path) is not None:
                taken.add(path.name)
            else:
                cache.put(path, path.read_text("latin-1"), _outcomes(path))
        cache.next_build()
        return taken

    assert read_all(None) == set()  # the first build reads everything
    assert read_all(frozenset()) == {"one.txt", "two.pdf"}
    assert read_all(None) == set()  # changes not known: everything read
    assert read_all({source}) == {"two.pdf"}
    assert read_all({tmp_path / "two.pdf.yml"}) == {"one.txt"}  # its sidecar
    # A write no notice named (one lost, or made before watching began): its size and
    # times are not the ones read, though the time it gives itself is.
    written = source.stat()
    source.write_text("A headline!\n", encoding="utf-8")
    os.utime(source, ns=(written.st_atime_ns, written.st_mtime_ns))
    assert read_all(frozenset()) == {"two.pdf"}
    assert read_all(frozenset()) == {"one.txt", "two.pdf"}
    source.unlink()
    cache.known_changes(frozenset())
    assert cache.unchanged(source) is None  # gone, though no notice said so
    # Outside `mkdocs serve`, every build reads every source.
    plain = SourceCache(None)
    plain.put(image, "x", _outcomes(image))
    plain.next_build()
    plain.known_changes(frozenset())
    assert plain.unchanged(image) is None
