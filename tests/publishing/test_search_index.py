"""The search index, built by Pagefind's service from pages handed over one by one."""

import base64
import json
import time
from pathlib import Path

import pytest

from pressroom.publishing.search_index import (
    ENTRY_FILE,
    OUTPUT,
    PARTS_FILE,
    SearchIndexer,
    SearchIndexError,
    SearchIndexes,
    searchable_document,
    write_index_files,
)
from sitebuild import broken_index_files


def page(lang: str, title: str, text: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
            f"<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>")


@pytest.mark.build
def test_pages_handed_over_become_one_index_per_language(tmp_path):
    indexes = SearchIndexes()
    indexes.add("en", "/en/stories/ruling/", page("en", "Ruling", "The court ruled for it."))
    indexes.add("de", "/de/artikel/urteil/", page("de", "Urteil", "Das Gericht entschied."))
    indexes.add("de", "/de/artikel/klage/", page("de", "Klage", "Die Klage wurde eingereicht."))
    summaries = indexes.write(tmp_path)
    for lang, count in (("en", 1), ("de", 2)):
        entry = json.loads((tmp_path / OUTPUT / lang / "pagefind-entry.json").read_text())
        assert {name: data["page_count"] for name, data in entry["languages"].items()} == {
            lang: count}
        # What the browser loads is there; Pagefind's own interfaces, unused here, are not.
        assert (tmp_path / OUTPUT / lang / "pagefind.js").is_file()
        assert (tmp_path / OUTPUT / lang / "pagefind-worker.js").is_file()
        assert not list((tmp_path / OUTPUT / lang).glob("pagefind*ui*"))
        assert parts_listed(tmp_path, lang) == []  # one part: nothing to merge
    assert [summary.split(" pages")[0] for summary in summaries] == ["2", "1"]


def parts_listed(site: Path, lang: str) -> list[str]:
    return json.loads((site / OUTPUT / lang / PARTS_FILE).read_text(encoding="utf-8"))["parts"]


def page_count(folder: Path) -> int:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def wait_for_file(path: Path) -> bool:
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.exists()


@pytest.mark.build
def test_a_large_index_is_written_in_parts_as_they_fill(tmp_path):
    """Pagefind holds a whole index in memory while it writes it: a language's pages go into
    parts of a fixed size, each written once full, which the browser merges."""
    indexes = SearchIndexes(tmp_path, {"en": 5}, part_pages=2)
    for number in range(1, 4):
        indexes.add("en", f"/en/stories/{number}/", page("en", f"S{number}", f"Ruling {number}."))
    # The first part is written while the rest of the language is still coming.
    assert wait_for_file(tmp_path / OUTPUT / "en" / "pagefind-entry.json")
    assert not (tmp_path / OUTPUT / "en" / PARTS_FILE).exists()
    for number in range(4, 6):
        indexes.add("en", f"/en/stories/{number}/", page("en", f"S{number}", f"Ruling {number}."))
    summaries = indexes.write(tmp_path)
    first = tmp_path / OUTPUT / "en"
    assert parts_listed(tmp_path, "en") == ["part-2/", "part-3/"]
    assert [page_count(first / part) for part in (".", "part-2", "part-3")] == [2, 2, 1]
    assert [summary.split(" pages")[0] for summary in summaries] == ["2", "2", "1"]
    # The merged parts are searched with the first part's script, worker and wasm.
    assert {"pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"} <= {
        path.name for path in first.iterdir()}
    for part in ("part-2", "part-3"):
        names = {path.name for path in (first / part).iterdir()}
        assert "pagefind-entry.json" in names and "fragment" in names
        assert not names & {"pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"}, names


@pytest.mark.build
def test_parts_are_written_once_when_the_counts_are_not_known(tmp_path):
    """Full parts are written as they fill; the end of the build adds the last, and only it."""
    indexes = SearchIndexes(tmp_path, {}, part_pages=2)
    for number in range(1, 6):
        indexes.add("de", f"/de/artikel/{number}/", page("de", f"G{number}", "Das Gericht."))
    assert wait_for_file(tmp_path / OUTPUT / "de" / "part-2" / "pagefind-entry.json")
    assert [summary.split(" pages")[0] for summary in indexes.write(tmp_path)] == ["2", "2", "1"]
    assert parts_listed(tmp_path, "de") == ["part-2/", "part-3/"]


@pytest.mark.build
def test_every_file_of_an_index_is_whole_when_writing_returns(tmp_path):
    """Right after `write`, the service is gone: what it made must already be on disk, whole
    (written by the service itself, pagefind-entry.json was sometimes left empty)."""
    for round_ in range(3):
        site = tmp_path / str(round_)
        indexes = SearchIndexes(site, {"en": 6, "de": 6}, part_pages=4)
        for number in range(6):
            for lang, word in (("en", "Ruling"), ("de", "Urteil")):
                indexes.add(lang, f"/{lang}/stories/{number}/",
                            page(lang, f"{word} {number}", f"{word} number {number}. " * 50))
        indexes.write(site)
        assert broken_index_files(site / OUTPUT) == []
        for lang in ("en", "de"):
            assert [page_count(site / OUTPUT / lang / part) for part in (".", "part-2")] == [4, 2]
    # The check itself finds a cut file.
    chunk = next((tmp_path / "0" / OUTPUT / "en" / "fragment").iterdir())
    chunk.write_bytes(chunk.read_bytes()[:-8])
    assert [line.split(":")[0] for line in broken_index_files(tmp_path / "0" / OUTPUT)] == [
        str(chunk.relative_to(tmp_path / "0" / OUTPUT))]


def test_the_entry_file_is_written_last_and_nothing_outside_the_index(tmp_path):
    encoded = base64.b64encode(b"{}").decode()
    files = [{"path": ENTRY_FILE, "content": encoded},
             {"path": "fragment/a.pf_fragment", "content": encoded}]
    write_index_files(tmp_path / "whole", files)
    assert sorted(str(path.relative_to(tmp_path / "whole"))
                  for path in (tmp_path / "whole").rglob("*.*")) == [
        "fragment/a.pf_fragment", ENTRY_FILE]
    # Writing stopped by an error: without its entry file, the part is not read as whole.
    (tmp_path / "cut" / "fragment" / "a.pf_fragment").mkdir(parents=True)
    with pytest.raises(SearchIndexError, match="cannot be written"):
        write_index_files(tmp_path / "cut", files)
    assert not (tmp_path / "cut" / ENTRY_FILE).exists()
    for outside in ("../escaped.json", str(tmp_path / "escaped.json")):
        with pytest.raises(SearchIndexError, match="outside its index"):
            write_index_files(tmp_path / "index", [{"path": outside, "content": encoded}])
    assert not (tmp_path / "escaped.json").exists()


@pytest.mark.build
def test_an_index_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("a file where the site folder should be")
    indexer = SearchIndexer()
    indexer.add("/en/a/", page("en", "A", "Text."))
    with pytest.raises(SearchIndexError, match="Not a directory"):
        indexer.write(blocker / OUTPUT)


@pytest.mark.build
def test_a_language_is_written_once_its_last_page_is_in(tmp_path):
    """While MkDocs renders the next language, the finished one's index is written."""
    indexes = SearchIndexes(tmp_path, {"de": 2, "en": 1})
    entry = tmp_path / OUTPUT / "de" / "pagefind-entry.json"
    indexes.add("de", "/de/artikel/urteil/", page("de", "Urteil", "Das Gericht entschied."))
    indexes.add("de", "/de/artikel/klage/", page("de", "Klage", "Die Klage wurde eingereicht."))
    indexes.add("en", "/en/stories/ruling/", page("en", "Ruling", "The court ruled for it."))
    assert wait_for_file(entry), "the German index waited for the end of the build"
    # A page more than counted would be missing from an index already written: an error.
    with pytest.raises(SearchIndexError, match="after the de index was written"):
        indexes.add("de", "/de/artikel/spaet/", page("de", "Spät", "Zu spät."))
    assert [summary.split(" pages")[0] for summary in indexes.write(tmp_path)] == ["2", "1"]
    assert json.loads(entry.read_text())["languages"]["de"]["page_count"] == 2


def test_searchable_document_keeps_the_language_and_the_content():
    document = searchable_document("de", "Urteil <gegen> X", "<p>Das Gericht.</p>")
    assert '<html lang="de">' in document
    assert "<h1>Urteil &lt;gegen&gt; X</h1>" in document  # the title stands in for a heading
    assert "<div data-pagefind-body><h1>" in document and "<p>Das Gericht.</p>" in document
    assert document.count("<h1") == 1
    with_heading = searchable_document("en", "T", '<h1 id="t">Ruling</h1><p>Text.</p>')
    assert with_heading.count("<h1") == 1
