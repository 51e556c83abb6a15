"""A PDF's pages as the lines a reader reads, in order: pure geometry on lines of text.

PDFium gives characters with their boxes, in the order the file draws them; a newspaper's page
may draw its columns row by row. Lines are rebuilt from the boxes (a wide gap on one baseline
parts two columns' lines), columns found where no narrow line crosses a vertical strip, and
the page read band by band (a headline across both columns parts the bands), column by
column. Running headers and footers are the lines at a page's top and bottom that repeat
across pages (digits aside) or that are page numbers. Paragraphs are rebuilt from the lines:
a wider gap, a change of type size, an indent or a short line that ends a sentence begins
one; a word hyphenated at a line's end is joined, unless what follows begins with a capital
("Marken-Rechte") or the document writes it with its hyphen elsewhere.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

# A gap on one baseline wider than this many times the type size parts two runs of text
# (two columns, or a header's left and right parts); a word space is a third of it.
RUN_GAP = 1.2
# Two characters stand on one line when their middles are this close, in type sizes.
SAME_LINE = 0.5
# Where running headers and footers are looked for: this share of the page at its top and
# bottom, and no more than this many lines there.
MARGIN_SHARE = 0.12
MARGIN_LINES = 2
# A line that repeats (digits aside) on this share of the pages, and on two at least, runs.
RUNNING_SHARE = 0.4
# A column is a strip with at least this many lines, parted from the next by a gutter.
COLUMN_LINES = 3
NARROW_SHARE = 0.6
# A paragraph break: a baseline distance this much above the usual, a type size this much
# off, an indent of this many type sizes, a last line this much short of its column.
GAP_FACTOR = 1.4
SIZE_CHANGE = 0.15
INDENT = 0.8
SHORT_LINE = 0.85

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:(?:page|seite|s\.|p\.)\s*)?\d{1,4}"
                          r"(?:\s*(?:/|of|von|from)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;…“”\"»«)]$")
_HYPHENATED = re.compile(r"(\w+)[-\u00ad]$")
_DIGITS = re.compile(r"\d+")


@dataclass
class Run:
    """A line of text on a page (or the part of one in a column), with its box in points
    from the page's bottom left, and its type size."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    page: int = 0
    block: int = field(default=0, compare=False)  # which column of which band it stands in
    left: float = field(default=0.0, compare=False)  # its column's edges
    right: float = field(default=0.0, compare=False)

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


Char = tuple[str, float, float, float, float, float]  # text, left, bottom, right, top, size


def runs_of(chars: Sequence[Char], page: int) -> list[Run]:
    """The page's characters (in the order drawn) as runs: a run ends where the next
    character stands on another line or beyond a wide gap."""
    runs: list[Run] = []
    current: Run | None = None
    for text, left, bottom, right, top, size in chars:
        if text in "\r\n":
            current = None
            continue
        if text.isspace():
            if current is not None and not current.text.endswith(" "):
                current.text += " "
            continue
        size = size or (top - bottom) or 1.0
        if current is not None and _continues(current, left, bottom, top, size):
            current.text += text
            current.x1 = max(current.x1, right)
            current.bottom, current.top = min(current.bottom, bottom), max(current.top, top)
            continue
        current = Run(text, left, right, bottom, top, size, page)
        runs.append(current)
    for run in runs:
        run.text = " ".join(run.text.split())
    return [run for run in runs if run.text]


def _continues(run: Run, left: float, bottom: float, top: float, size: float) -> bool:
    same_line = abs((bottom + top) / 2 - run.middle) <= SAME_LINE * max(size, run.size)
    return same_line and -size < left - run.x1 <= RUN_GAP * max(size, run.size)


def running_lines(pages: list[list[Run]], height: Sequence[float]) -> tuple[list[list[Run]],
                                                                            list[str]]:
    """The pages without their running headers, footers and page numbers, and the texts
    taken out (one each)."""
    candidates = [_margin_runs(runs, height[index]) for index, runs in enumerate(pages)]
    counts: dict[str, int] = {}
    for page in candidates:
        for key in {_key(run.text) for run in page}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, RUNNING_SHARE * len(pages))
    taken: dict[str, str] = {}
    kept_pages = []
    for runs, margin in zip(pages, candidates, strict=True):
        drop = {id(run) for run in margin
                if counts[_key(run.text)] >= needed or _PAGE_NUMBER.match(run.text)}
        for run in margin:
            if id(run) in drop:
                taken.setdefault(_key(run.text), run.text)
        kept_pages.append([run for run in runs if id(run) not in drop])
    return kept_pages, list(taken.values())


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.casefold().split()))


def _margin_runs(runs: list[Run], height: float) -> list[Run]:
    """The runs of the first and last lines of a page, where they stand in its margins."""
    baselines = sorted({round(run.middle) for run in runs}, reverse=True)
    top_lines, bottom_lines = set(baselines[:MARGIN_LINES]), set(baselines[-MARGIN_LINES:])
    return [run for run in runs
            if (round(run.middle) in top_lines and run.bottom >= height * (1 - MARGIN_SHARE))
            or (round(run.middle) in bottom_lines and run.top <= height * MARGIN_SHARE)]


def reading_order(runs: list[Run], first_block: int = 0) -> tuple[list[Run], int]:
    """A page's runs in reading order, each marked with its block (a column of a band) and
    its column's edges; and how many columns the page has."""
    if not runs:
        return [], 1
    columns = _columns(runs)
    spanning = sorted((run for run in runs if _column_of(run, columns) is None),
                      key=lambda run: -run.top)
    ordered: list[Run] = []
    block = first_block
    bands: list[list[Run]] = [[] for _ in range(len(spanning) + 1)]
    for run in runs:
        if _column_of(run, columns) is not None:
            bands[sum(1 for span in spanning if span.middle > run.middle)].append(run)
    left, right = min(run.x0 for run in runs), max(run.x1 for run in runs)
    for index, band in enumerate(bands):
        for number, (start, end) in enumerate(columns):
            column = sorted((run for run in band if _column_of(run, columns) == number),
                            key=lambda run: -run.top)
            for run in column:
                run.block, run.left, run.right = block, start, end
            ordered += column
            block += 1
        if index < len(spanning):
            span = spanning[index]
            span.block, span.left, span.right = block, left, right
            ordered.append(span)
            block += 1
    return ordered, len(columns)


def _columns(runs: list[Run]) -> list[tuple[float, float]]:
    """The page's columns as (left, right) strips: where narrow runs stand, parted by
    strips that none of them crosses. One column when there are no such gutters."""
    left, right = min(run.x0 for run in runs), max(run.x1 for run in runs)
    narrow = sorted((run for run in runs if run.x1 - run.x0 < NARROW_SHARE * (right - left)),
                    key=lambda run: run.x0)
    strips: list[list[float]] = []
    counts: list[int] = []
    for run in narrow:
        if strips and run.x0 <= strips[-1][1]:
            strips[-1][1] = max(strips[-1][1], run.x1)
            counts[-1] += 1
        else:
            strips.append([run.x0, run.x1])
            counts.append(1)
    found = [[start, end] for (start, end), count in zip(strips, counts, strict=True)
             if count >= COLUMN_LINES]
    if len(found) < 2:
        return [(left, right)]
    # A column wider than the rest has full lines that are not narrow: each widens the
    # column it starts in, up to the next one's start.
    for run in runs:
        for number, strip in enumerate(found):
            limit = found[number + 1][0] if number + 1 < len(found) else right + 1
            if strip[0] - 1 <= run.x0 <= strip[1] and run.x1 < limit:
                strip[1] = max(strip[1], run.x1)
    return [(start, end) for start, end in found]


def _column_of(run: Run, columns: list[tuple[float, float]]) -> int | None:
    """The column a run stands in, or None for a run across a gutter (a headline)."""
    if len(columns) == 1:
        return 0
    for number, (start, end) in enumerate(columns):
        if run.x0 >= start - 1 and run.x1 <= end + 1:
            return number
    return None


def paragraphs(lines: list[Run]) -> tuple[list[str], int]:
    """Paragraphs rebuilt from lines in reading order, and how many words hyphenated at a
    line's end were joined."""
    if not lines:
        return [], 0
    leading = _usual_leading(lines)
    words = _document_words(lines)
    texts: list[str] = [lines[0].text]
    joined = 0
    for previous, line in pairwise(lines):
        if _breaks(previous, line, leading):
            texts.append(line.text)
            continue
        text, hyphen_joined = join_lines(texts[-1], line.text, words)
        texts[-1] = text
        joined += hyphen_joined
    return texts, joined


def _usual_leading(lines: list[Run]) -> float:
    distances = [previous.bottom - line.bottom for previous, line in pairwise(lines)
                 if previous.block == line.block and previous.bottom > line.bottom
                 and abs(previous.size - line.size) <= SIZE_CHANGE * line.size]
    return statistics.median(distances) if distances else 0.0


def _breaks(previous: Run, line: Run, leading: float) -> bool:
    if abs(previous.size - line.size) > SIZE_CHANGE * max(previous.size, line.size):
        return True
    ends = bool(_SENTENCE_END.search(previous.text))
    width = (previous.right - previous.left) or 1.0
    short = (previous.x1 - previous.left) < SHORT_LINE * width
    if previous.block != line.block or previous.page != line.page:
        # A column, band or page begins: a paragraph goes on from a full line, even one
        # that ends a sentence (few paragraphs end on a full line, most columns do).
        return ends and short and not line.text[:1].islower()
    if leading and previous.bottom - line.bottom > GAP_FACTOR * leading:
        return True
    if line.x0 - line.left > INDENT * line.size and previous.x0 - previous.left < 1:
        return True
    return ends and short


def _document_words(lines: list[Run]) -> set[str]:
    """Every word of the document as written (hyphenated compounds too), folded."""
    return {word.casefold().strip(".,;:!?()„“”\"'«»") for line in lines
            for word in line.text.split()}


def join_lines(first: str, second: str, words: set[str]) -> tuple[str, int]:
    """Two lines of one paragraph as one text; a word hyphenated across them joined
    (``Ver-`` + ``leumdung``), unless it goes on with a capital or a digit (``Marken-`` +
    ``Rechte``, ``2024-`` + ``2025``) or the document writes it with its hyphen elsewhere.
    The second value says whether a hyphenation was undone."""
    match = _HYPHENATED.search(first)
    if match is None or not second[:1].isalpha():
        return f"{first} {second}", 0
    if first.endswith("\u00ad"):
        return first[:-1] + second, 1
    head = match.group(1)
    tail = re.match(r"[\w]+", second)
    tail_word = tail.group(0) if tail else ""
    compound = f"{head}-{tail_word}".casefold()
    if second[:1].isupper() or head.isdigit() or compound in words:
        return first + second, 0
    return first[:-1] + second, 1
