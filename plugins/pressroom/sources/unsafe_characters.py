"""Characters no page or feed can carry, taken out where text enters the press room.

XML 1.0 forbids the C0 control characters other than tab, newline and carriage return, the
noncharacters U+FFFE and U+FFFF, and surrogates: one of them in a title or a body makes the
Atom feed not well-formed, and a feed reader refuses all of it. HTML calls each of them, DEL
and the other noncharacters a parse error. None of them is text anyone meant to publish, so
they go, and what went is told (as a repair, with the line) instead of vanishing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Noncharacters: U+FDD0-U+FDEF and the last two code points of every plane.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff{_NONCHARACTERS}]")
# A form feed or a vertical tab parts two words as a space does: it becomes one.
_SEPARATORS = {"\x0b": " ", "\x0c": " "}
# A pair of surrogates written as two escapes ("\ud83d\ude00" in YAML) is one character.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
# A message names this many of the characters taken out, not a whole line of them.
MAX_NAMED = 4


def safe_text(text: str) -> tuple[str, list[str]]:
    """The text without the characters no page or feed can carry, and those it had."""
    if not _UNSAFE.search(text):
        return text, []
    text = _SURROGATE_PAIR.sub(_joined_pair, text)
    removed = _UNSAFE.findall(text)
    if not removed:
        return text, []
    return _UNSAFE.sub(lambda found: _SEPARATORS.get(found.group(), ""), text), removed


def safe_lines(text: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The text made safe, and what was taken out of each line (numbered from 1)."""
    if not _UNSAFE.search(text):
        return text, []
    lines, removals = [], []
    for number, line in enumerate(text.split("\n"), 1):
        safe, removed = safe_text(line)
        lines.append(safe)
        if removed:
            removals.append((number, removed))
    return "\n".join(lines), removals


def shown(text: str) -> str:
    """The text with each such character replaced by U+FFFD: how a name that holds them (a
    file name's bytes that are not UTF-8 come as lone surrogates) is told to an editor."""
    return _UNSAFE.sub("\ufffd", text)


def removal_note(removed: Iterable[str]) -> str:
    """What a repair message says: how many characters went, and which."""
    removed = list(removed)
    distinct = list(dict.fromkeys(removed))
    named = ", ".join(f"U+{ord(char):04X} ({_kind(char)})" for char in distinct[:MAX_NAMED])
    more = f" and {len(distinct) - MAX_NAMED} others" if len(distinct) > MAX_NAMED else ""
    count = len(removed)
    return (f"took out {count} character{'s' if count != 1 else ''} that pages and feeds "
            f"cannot carry: {named}{more}")


def _kind(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return "lone surrogate"
    return "control character" if char <= "\x7f" else "noncharacter"


def _joined_pair(pair: re.Match[str]) -> str:
    return pair.group().encode("utf-16", "surrogatepass").decode("utf-16")
