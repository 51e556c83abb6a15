"""How well main-text extractors tell an article from its page, on the test pages.

For each page of tests/sources/labels.yml (pages written to imitate news sites and law firms:
navigation, cookie banners, related links, share buttons, author boxes, disclaimers) and each
extractor, it counts the article's paragraphs that come out (text kept) and the pieces of
furniture that do not (furniture gone); then the same after the press room's cleaning, and
the metadata fields inference gets right from the page's markup, against trafilatura's own
metadata. Not part of `make test` (the test suite checks the chosen pipeline's figures).

Usage: python tests/bench/extraction.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

SOURCES = Path(__file__).resolve().parent.parent / "sources"
FIELDS = ("title", "date", "publisher", "author", "lang", "source_url")


def _page_text(path: Path) -> str:
    from pressroom.sources.formats.html_page import decode_page

    page, _ = decode_page(path, path.read_bytes())
    return page.text


def _made(name: str, folder: Path) -> Path:
    """A labelled source the tests make (the alert) written where it can be read."""
    sys.path.insert(0, str(SOURCES.parent))
    from made_sources import newsletter_alert

    path = folder / name
    path.write_bytes(newsletter_alert())
    return path


def _html_of(path: Path) -> str:
    if path.suffix != ".eml":
        return _page_text(path)
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    return message.get_body(preferencelist=("html",)).get_content()


def block_text(html: str) -> str:
    from pressroom.sources.formats.block_text import block_lines
    from pressroom.sources.formats.page_metadata import parse_page

    return "\n".join(block_lines(parse_page(html)))


def block_text_cleaned(html: str) -> str:
    from pressroom.cleaning import clean_source
    from pressroom.model import Line, Source

    lines = tuple(Line(number, line) for number, line in enumerate(block_text(html).split("\n"),
                                                                   1))
    return clean_source(Source(Path("page.html"), b"", "utf-8", lines)).text


def trafilatura_with(**options: bool) -> Callable[[str], str]:
    import trafilatura

    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=False, deduplicate=False,
                                   **options) or ""
    return extract


def trafilatura_prepared(html: str) -> str:
    """trafilatura on the page as the press room hands it over: layout tables taken apart,
    menus in tables dropped."""
    import trafilatura

    from pressroom.sources.formats.html_page import without_layout_tables
    from pressroom.sources.formats.page_metadata import parse_page

    return trafilatura.extract(without_layout_tables(parse_page(html)), include_comments=False,
                               deduplicate=False) or ""


def readability(html: str) -> str:
    import lxml.html
    from readability import Document

    return lxml.html.fromstring(Document(html).summary()).text_content()


def justext_of(language: str) -> Callable[[str], str]:
    import justext

    def extract(html: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist(language))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return extract


def pipeline(path: Path) -> str:
    from pressroom.sources.ingest import process

    outcome = process(path)
    return outcome.cleaned.text if outcome.cleaned else ""


def _plain(text: str) -> str:
    return " ".join(text.split())


def score(text: str, labels: dict) -> tuple[int, int, int, int]:
    """(paragraphs kept, of, furniture gone, of)."""
    plain = _plain(text)
    kept = sum(_plain(fragment) in plain for fragment in labels["kept"])
    gone = sum(_plain(fragment) not in plain for fragment in labels["gone"])
    return kept, len(labels["kept"]), gone, len(labels["gone"])


def metadata_right(path: Path, fields: dict) -> tuple[int, int, int]:
    """(fields the press room gets right, fields trafilatura's metadata gets right, of)."""
    import trafilatura

    from pressroom.sources.ingest import process

    article = process(path).article
    ours = article.fields() if article else {}
    theirs = trafilatura.bare_extraction(_page_text(path), with_metadata=True)
    names = {"publisher": "sitename", "lang": "language", "source_url": "url"}
    right_ours = right_theirs = 0
    for name, expected in fields.items():
        value = ours[name].value if name in ours else None
        right_ours += str(value) == str(expected)
        other = getattr(theirs, names.get(name, name), None) if theirs else None
        right_theirs += str(other or "").split("-")[0] == str(expected).split("-")[0] \
            if name == "lang" else str(other) == str(expected)
    return right_ours, right_theirs, len(fields)


def main() -> int:
    labels = yaml.safe_load((SOURCES / "labels.yml").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    folder = Path(tempfile.mkdtemp())
    for name, page in labels.items():
        path = SOURCES / name if (SOURCES / name).exists() else _made(name, folder)
        html = _html_of(path)
        language = "German" if page["fields"].get("lang") == "de" else "English"
        extractors: dict[str, Callable[[str], str]] = {
            "trafilatura": trafilatura_with(),
            "trafilatura (precision)": trafilatura_with(favor_precision=True),
            "trafilatura (recall)": trafilatura_with(favor_recall=True),
            "trafilatura, layout tables taken apart": trafilatura_prepared,
            "readability-lxml": readability,
            "jusText": justext_of(language),
            "every block a line": block_text,
            "press room (every block a line, then cleaning)": block_text_cleaned,
        }
        for label, extract in extractors.items():
            _add(totals, label, score(extract(html), page))
        _add(totals, "press room (as built: trafilatura, then cleaning)",
             score(pipeline(path), page))
        print(name, {label: score(extract(html), page) for label, extract in extractors.items()})
        _add(totals, "metadata: press room, trafilatura, fields",
             metadata_right(path, page["fields"]))
    print(f"{len(labels)} pages")
    for label, figures in totals.items():
        if label.startswith("metadata"):
            print(f"{label}: {figures[0]}, {figures[1]}, {figures[2]}")
        else:
            print(f"{label}: kept {figures[0]}/{figures[1]} paragraphs, "
                  f"gone {figures[2]}/{figures[3]} pieces of furniture")
    return 0


def _add(totals: dict[str, list[int]], label: str, figures: tuple[int, ...]) -> None:
    current = totals.setdefault(label, [0] * len(figures))
    for index, figure in enumerate(figures):
        current[index] += figure


if __name__ == "__main__":
    sys.exit(main())
