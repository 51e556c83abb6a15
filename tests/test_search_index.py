"""The search index, built by Pagefind's service from pages handed over one by one."""

import json

import pytest

from pressroom.search_index import OUTPUT, SearchIndexer, SearchIndexError, SearchIndexes


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
