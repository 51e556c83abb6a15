"""The search index, built by Pagefind's service from pages handed over one by one."""

import json
import time

import pytest

from pressroom.search_index import (
    OUTPUT,
    SearchIndexer,
    SearchIndexError,
    SearchIndexes,
    searchable_document,
)


def page(lang: str, title: str, text: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
            f"<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>")


def test_pages_handed_over_become_one_index_per_language(tmp_path):
    indexes = SearchIndexes()
    indexes.add("en", "/en/stories/ruling/", page("en", "Ruling", "The court ruled for it."))
    indexes.add("de", "/de/stories/urteil/", page("de", "Urteil", "Das Gericht entschied."))
    indexes.add("de", "/de/stories/klage/", page("de", "Klage", "Die Klage wurde eingereicht."))
    summaries = indexes.write(tmp_path)
    for lang, count in (("en", 1), ("de", 2)):
        entry = json.loads((tmp_path / OUTPUT / lang / "pagefind-entry.json").read_text())
        assert {name: data["page_count"] for name, data in entry["languages"].items()} == {
            lang: count}
        # What the browser loads is there; Pagefind's own interfaces, unused here, are not.
        assert (tmp_path / OUTPUT / lang / "pagefind.js").is_file()
        assert (tmp_path / OUTPUT / lang / "pagefind-worker.js").is_file()
        assert not list((tmp_path / OUTPUT / lang).glob("pagefind*ui*"))
    assert [summary.split(" pages")[0] for summary in summaries] == ["2", "1"]


def test_an_index_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("a file where the site folder should be")
    indexer = SearchIndexer()
    indexer.add("/en/a/", page("en", "A", "Text."))
    with pytest.raises(SearchIndexError, match="Not a directory"):
        indexer.write(blocker / OUTPUT)


def test_a_language_is_written_once_its_last_page_is_in(tmp_path):
    """While MkDocs renders the next language, the finished one's index is written."""
    indexes = SearchIndexes(tmp_path, {"de": 2, "en": 1})
    entry = tmp_path / OUTPUT / "de" / "pagefind-entry.json"
    indexes.add("de", "/de/stories/urteil/", page("de", "Urteil", "Das Gericht entschied."))
    indexes.add("de", "/de/stories/klage/", page("de", "Klage", "Die Klage wurde eingereicht."))
    indexes.add("en", "/en/stories/ruling/", page("en", "Ruling", "The court ruled for it."))
    deadline = time.monotonic() + 20
    while not entry.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert entry.exists(), "the German index waited for the end of the build"
    # A page more than counted would be missing from an index already written: an error.
    with pytest.raises(SearchIndexError, match="after the de index was written"):
        indexes.add("de", "/de/stories/spaet/", page("de", "Spät", "Zu spät."))
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
