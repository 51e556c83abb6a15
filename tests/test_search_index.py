"""The search index, built by Pagefind's service from pages handed over one by one."""

import json

import pytest

from pressroom.search_index import OUTPUT, SearchIndexer, SearchIndexError


def page(lang: str, title: str, text: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
            f"<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>")


def test_pages_handed_over_become_one_index_per_language(tmp_path):
    indexer = SearchIndexer()
    indexer.add("/en/stories/ruling/", page("en", "Ruling", "The court ruled for the company."))
    indexer.add("/de/stories/urteil/", page("de", "Urteil", "Das Gericht entschied."))
    indexer.add("/de/stories/klage/", page("de", "Klage", "Die Klage wurde eingereicht."))
    summary = indexer.write(tmp_path)
    entry = json.loads((tmp_path / OUTPUT / "pagefind-entry.json").read_text())
    counts = {lang: data["page_count"] for lang, data in entry["languages"].items()}
    assert counts == {"en": 1, "de": 2}
    assert (tmp_path / OUTPUT / "pagefind-ui.js").is_file()
    assert summary.startswith("3 pages indexed")


def test_an_index_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("a file where the site folder should be")
    indexer = SearchIndexer()
    indexer.add("/en/a/", page("en", "A", "Text."))
    with pytest.raises(SearchIndexError, match="Not a directory"):
        indexer.write(blocker)
