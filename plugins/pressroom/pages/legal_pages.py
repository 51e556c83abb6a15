"""The legal pages editors write in each language (legal notice and privacy), and the
placeholders a hand-written page carries until an editor fills it in.

A placeholder is written ``[[PLACEHOLDER: what goes here]]``. The page shows it marked, in
its own language ("Platzhalter: …"), and every build names each one left, as the option
``placeholders`` asks: an error (the build fails), a warning (``--strict`` fails) or a note.
A site whose legal notice still says "company name" must not go out without a word; a
preview of it may.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from pathlib import Path

from ..language import LANGUAGES
from ..language.i18n import N_, translate
from ..problems import Problem, error, note, warning
from .html_text import escape_text

# The legal pages, by file name in docs/<lang>/, with the label the footer gives them.
# Translators: the page that names who runs the site (§ 5 DDG; de: "Impressum").
LEGAL_NOTICE = N_("Legal notice")
# Translators: the page on how the site handles personal data (de: "Datenschutz").
PRIVACY = N_("Privacy")
LEGAL_PAGES = {"legal-notice.md": LEGAL_NOTICE, "privacy.md": PRIVACY}

PLACEHOLDER_POLICIES = ("error", "warn", "note")
_PROBLEM: dict[str, Callable[..., Problem]] = {"error": error, "warn": warning, "note": note}
_PLACEHOLDER = re.compile(r"\[\[\s*PLACEHOLDER:\s*(?P<what>[^\]\n]*?)\s*\]\]")
# How a page shows a placeholder, in its language.
SHOWN = N_("Placeholder: {what}")


def placeholders(markdown: str) -> list[tuple[int, str]]:
    """Each placeholder of a page: its line (of the file, frontmatter included) and what it
    stands for."""
    return [(markdown.count("\n", 0, found.start()) + 1, found["what"])
            for found in _PLACEHOLDER.finditer(markdown)]


def placeholder_problems(path: Path, markdown: str, policy: str) -> list[Problem]:
    """The placeholders left in a page: one problem, of the severity ``policy`` names, at
    the first of them and naming the lines of the others (a legal page has a dozen)."""
    found = placeholders(markdown)
    if not found:
        return []
    (line, first), others = found[0], found[1:]
    what = repr(first)
    if others:
        what += f" and {len(others)} more, on lines {', '.join(str(at) for at, _ in others)}"
    return [placeholder_problem(path, what, policy, line)]


def placeholder_problem(path: Path, what: str, policy: str, line: int | None) -> Problem:
    """A placeholder left (in a page or a registry), of the severity ``policy`` names."""
    return _PROBLEM[policy](path, f"placeholders still to be filled in: {what} (option "
                                  f"placeholders: {policy})", line)


def marked_placeholders(markdown: str, lang: str) -> str:
    """The page with each placeholder shown as one, marked and in the page's language."""
    def shown(found: re.Match[str]) -> str:
        label = escape_text(translate(lang, SHOWN, what=found["what"]))
        return f'<mark class="pressroom-placeholder">{label}</mark>'
    return _PLACEHOLDER.sub(shown, markdown)


# Every language's legal pages: one click from every page, and no search results (a search
# for the company's name would list its address first).
LEGAL_PATHS = frozenset(f"{lang}/{name}" for lang in LANGUAGES for name in LEGAL_PAGES)


def missing_legal_pages(documents: Container[str]) -> list[str]:
    """The legal pages some language folder lacks."""
    return sorted(path for path in LEGAL_PATHS if path not in documents)


def hand_written_problems(pages: Mapping[str, str], docs: Path, policy: str) -> list[Problem]:
    """What the hand-written pages (docs path -> Markdown) leave to do: their placeholders, as
    ``policy`` asks, and each legal page a language lacks (a warning)."""
    problems = [problem for path, markdown in pages.items()
                for problem in placeholder_problems(docs / path, markdown, policy)]
    return problems + [warning(docs / path, "is missing: every page links the legal pages of "
                                            "its language from its footer")
                       for path in missing_legal_pages(pages)]
