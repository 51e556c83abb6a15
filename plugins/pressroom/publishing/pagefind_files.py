"""Pagefind's files for an index, made the same bytes whenever the pages are the same.

Pagefind 1.5 gathers an index's filters in hash maps, which Rust seeds at random in every
process: each build lists a filter's values in another order, so the filter files' bytes and
names (a hash of those bytes) change, and with them the metadata file that names the filters
(in an order of their own too), its name, and the entry file that names it. Everything else
it writes follows the order the pages came in, which is the build's own. Here a filter's
values are sorted, and so are the metadata's filters; a file that changed is named as Pagefind
names it, by a digest of its bytes, so that a name still changes when and only when its
content does. The browser finds everything by those names; the search page sorts its facets
itself, so the order of a filter's values was never shown.

The files are Pagefind's ``pagefind_dcd`` records: gzip around that marker and a CBOR item
(RFC 8949) of arrays, text and numbers, which ``_decode`` and ``_encode`` read and write
(the few kinds Pagefind uses; anything else is an error, not a guess).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping
from typing import Any

MARKER = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_FOLDER = "filter/"
# Where the metadata record lists the filters: [name, hash] pairs.
META_FILTERS = 3


class PagefindFormatError(ValueError):
    """Pagefind wrote something this module does not know how to read."""


def in_fixed_order(path: str) -> bool:
    """Whether ``canonical_files`` needs the file at this path of an index (the others it
    leaves as they are)."""
    return (path.startswith(FILTER_FOLDER) or path == ENTRY
            or (path.startswith("pagefind.") and path.endswith(".pf_meta")))


def canonical_files(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """An index's filter, metadata and entry files (path in the index -> bytes), with the
    filters and their values in a fixed order and the files that changed renamed after
    their new bytes."""
    result = dict(files)
    renamed: dict[str, str] = {}  # old hash -> new hash, for the filters
    taken: set[str] = set()
    for path in sorted(path for path in files if path.startswith(FILTER_FOLDER)):
        record = _read(files[path])
        name, values = record
        new_record = [name, sorted(values, key=lambda value: value[0])]
        old_hash = path.removeprefix(FILTER_FOLDER).removesuffix(".pf_filter")
        data = _record_bytes(new_record)
        new_hash = _new_hash(old_hash, data, taken)
        del result[path]
        result[f"{FILTER_FOLDER}{new_hash}.pf_filter"] = _gzipped(data)
        renamed[old_hash] = new_hash
    _rename_meta(result, renamed)
    return result


def _rename_meta(files: dict[str, bytes], renamed: Mapping[str, str]) -> None:
    """The metadata with its filters sorted and renamed, named after its new bytes, and the
    entry file naming it."""
    metas = [path for path in files if path.startswith("pagefind.") and path.endswith(".pf_meta")]
    if len(metas) != 1 or ENTRY not in files:
        raise PagefindFormatError(f"an index has one metadata and one entry file: {metas}")
    old_path = metas[0]
    meta = _read(files.pop(old_path))
    meta[META_FILTERS] = sorted(([name, renamed.get(old, old)] for name, old in
                                 meta[META_FILTERS]), key=lambda pair: pair[0])
    data = _record_bytes(meta)
    old_hash = old_path.removeprefix("pagefind.").removesuffix(".pf_meta")
    new_hash = _new_hash(old_hash, data, set())
    files[f"pagefind.{new_hash}.pf_meta"] = _gzipped(data)
    files[ENTRY] = _entry_naming(files[ENTRY], old_hash, new_hash)


def _entry_naming(entry: bytes, old_hash: str, new_hash: str) -> bytes:
    """The entry file with the metadata's new name, and otherwise Pagefind's own bytes."""
    languages = json.loads(entry)["languages"]
    if [language["hash"] for language in languages.values()] != [old_hash]:
        raise PagefindFormatError(f"the entry file does not name {old_hash} alone")
    quoted = json.dumps(old_hash).encode()
    return entry.replace(quoted, json.dumps(new_hash).encode(), 1)


def _new_hash(old_hash: str, data: bytes, taken: set[str]) -> str:
    """'en_' and as many hex digits of the digest as Pagefind's name had (more on a clash)."""
    prefix, _, digits = old_hash.rpartition("_")
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    length = len(digits)
    while f"{prefix}_{digest[:length]}" in taken:
        length += 1
    taken.add(name := f"{prefix}_{digest[:length]}")
    return name


def _read(compressed: bytes) -> Any:
    data = gzip.decompress(compressed)
    if not data.startswith(MARKER):
        raise PagefindFormatError("a Pagefind record without its marker")
    item, end = _decode(data, len(MARKER))
    if end != len(data):
        raise PagefindFormatError("bytes after a Pagefind record")
    if _record_bytes(item) != data:  # the reading must give back Pagefind's own bytes
        raise PagefindFormatError("a Pagefind record that does not read back as written")
    return item


def _record_bytes(item: Any) -> bytes:
    return MARKER + _encode(item)


def _gzipped(data: bytes) -> bytes:
    # No time in the header: the same bytes in, the same file out.
    return gzip.compress(data, compresslevel=9, mtime=0)


# CBOR's major types, the three bits above the five of a head's argument.
_UNSIGNED, _NEGATIVE, _BYTES, _TEXT, _ARRAY, _MAP, _TAG, _SIMPLE = range(8)
_SIMPLE_VALUES = {20: False, 21: True, 22: None}


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at ``at`` and where it ends."""
    major, argument, at = _head(data, at)
    if major == _UNSIGNED:
        return argument, at
    if major == _NEGATIVE:
        return -1 - argument, at
    if major in (_BYTES, _TEXT):
        raw = data[at:at + argument]
        return (raw if major == _BYTES else raw.decode("utf-8")), at + argument
    if major == _ARRAY:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == _MAP:
        mapping = {}
        for _ in range(argument):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    if major == _SIMPLE and argument in _SIMPLE_VALUES:
        return _SIMPLE_VALUES[argument], at
    raise PagefindFormatError(f"a CBOR item of kind {major}/{argument} at byte {at}")


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """A head's major type, its argument and where what follows begins."""
    if at >= len(data):
        raise PagefindFormatError("a Pagefind record cut short")
    major, short = data[at] >> 5, data[at] & 0x1F
    if short < 24:
        return major, short, at + 1
    if short > 27:  # indefinite lengths and reserved values: Pagefind writes none
        raise PagefindFormatError(f"a CBOR head Pagefind does not write at byte {at}")
    size = 1 << (short - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _encode(item: Any) -> bytes:
    """CBOR in its shortest form, as Pagefind writes it."""
    if isinstance(item, bool) or item is None:
        return bytes([_SIMPLE << 5 | {False: 20, True: 21, None: 22}[item]])
    if isinstance(item, int):
        return _head_bytes(_UNSIGNED, item) if item >= 0 else _head_bytes(_NEGATIVE, -1 - item)
    if isinstance(item, bytes):
        return _head_bytes(_BYTES, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head_bytes(_TEXT, len(raw)) + raw
    if isinstance(item, list):
        return _head_bytes(_ARRAY, len(item)) + b"".join(_encode(value) for value in item)
    if isinstance(item, dict):
        return _head_bytes(_MAP, len(item)) + b"".join(
            _encode(key) + _encode(value) for key, value in item.items())
    raise PagefindFormatError(f"cannot write {type(item).__name__} as CBOR")


def _head_bytes(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for short, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | short]) + argument.to_bytes(size, "big")
    raise PagefindFormatError(f"a number too large for CBOR: {argument}")
