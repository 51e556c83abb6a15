"""Pagefind's filter and metadata files in a fixed order, whatever order Pagefind wrote."""

from __future__ import annotations

import gzip
import json

import pytest

from pressroom.publishing.pagefind_files import (
    MARKER,
    PagefindFormatError,
    _decode,
    _encode,
    canonical_files,
    in_fixed_order,
)


def record(item: object) -> bytes:
    return gzip.compress(MARKER + _encode(item))


def index_files(values: list[list[object]], filters: list[list[str]]) -> dict[str, bytes]:
    """An index as Pagefind writes it: a filter file named by hash, the metadata naming it
    (with another filter), and the entry naming the metadata."""
    pages = [["en_1111111", 12], ["en_2222222", 40]]
    meta = ["1.5.2", pages, [["a", "z", "en_3333333"]], filters, [], ["title"]]
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_4444444444", "wasm": "en",
                                                      "page_count": 2}}}
    return {"filter/en_5555555.pf_filter": record(["tag", values]),
            "filter/en_6666666.pf_filter": record(["year", [["2025", [0, 1]]]]),
            "pagefind.en_4444444444.pf_meta": record(meta),
            "pagefind-entry.json": json.dumps(entry, separators=(",", ":")).encode()}


TAGS = [["Court", [0]], ["Appeal", [0, 1]], ["Zoll", [1]]]
FILTERS = [["tag", "en_5555555"], ["year", "en_6666666"]]


def test_any_order_of_values_and_filters_gives_the_same_files():
    one = canonical_files(index_files(TAGS, FILTERS))
    other = canonical_files(index_files(TAGS[::-1], FILTERS[::-1]))
    assert one == other
    assert sorted(one) != sorted(index_files(TAGS, FILTERS))  # renamed after the new bytes


def test_the_files_name_each_other_and_read_back():
    files = canonical_files(index_files(TAGS[::-1], FILTERS[::-1]))
    entry = json.loads(files["pagefind-entry.json"])
    meta_hash = entry["languages"]["en"]["hash"]
    meta = _decode(gzip.decompress(files[f"pagefind.{meta_hash}.pf_meta"]), len(MARKER))[0]
    assert [name for name, _ in meta[3]] == ["tag", "year"]
    tags = _decode(gzip.decompress(files[f"filter/{meta[3][0][1]}.pf_filter"]), len(MARKER))[0]
    assert tags == ["tag", sorted(TAGS)]
    assert meta[1] == [["en_1111111", 12], ["en_2222222", 40]]  # the pages as they came


def test_other_content_gets_another_name():
    one = canonical_files(index_files(TAGS, FILTERS))
    other = canonical_files(index_files([*TAGS, ["Urteil", [1]]], FILTERS))
    assert {path for path in one if path.startswith("filter/")} != {
        path for path in other if path.startswith("filter/")}


def test_gzip_carries_no_time():
    files = canonical_files(index_files(TAGS, FILTERS))
    assert all(data[4:8] == bytes(4) for path, data in files.items() if path.endswith(".pf_filter"))


def test_only_filters_metadata_and_entry_are_rewritten():
    assert in_fixed_order("filter/en_5555555.pf_filter")
    assert in_fixed_order("pagefind.en_4444444444.pf_meta")
    assert in_fixed_order("pagefind-entry.json")
    assert not in_fixed_order("fragment/en_1111111.pf_fragment")
    assert not in_fixed_order("index/en_3333333.pf_index")


@pytest.mark.parametrize("item", [0, 23, 24, 255, 256, 70000, 2**40, -1, -500, "",
                                  "Grüße “x”", b"\x00\x01", [], [1, [2, ["a"]]],
                                  {"k": [True, False, None]}])
def test_cbor_reads_back_what_it_wrote(item):
    data = _encode(item)
    assert _decode(data, 0) == (item, len(data))


def test_what_pagefind_does_not_write_is_an_error_not_a_guess():
    with pytest.raises(PagefindFormatError):
        _decode(bytes([0xF9, 0x3C, 0x00]), 0)  # a half-precision float
    with pytest.raises(PagefindFormatError):
        _decode(bytes([0x9F, 0x01, 0xFF]), 0)  # an array of indefinite length
    with pytest.raises(PagefindFormatError):
        canonical_files({"filter/en_1.pf_filter": gzip.compress(b"not a record")})
