"""The case summary says what its sources say, no more, in both languages.

Checked as a fact-checker would on the site built from the seeds: finality as reported,
every statement introduced by how its source states it, dates of one kind never shown as
another, timelines in the sources' order, a German page in German, and every source link
landing on a page that carries the sentence it quotes.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import SEEDS, at
from pressroom.stories.cases import load_cases
from sitebuild import article_text, read_page

CASES = load_cases(SEEDS / "cases.yml")[0]
BASIS_STARTS = {
    "en": ("Reported:", "According to ", "Alleged by ", "Suspected:", "Court finding ("),
    "de": ("Berichtet:", "Nach Angaben von ", "Vorwurf von ", "Verdacht:",
           "Feststellung des Gerichts ("),
}
# English words that German text does not use: a German page showing one outside an element
# marked English shows English text.
# ("Social Media" is a German word too.)
ENGLISH_WORDS = {"the", "of", "and", "using", "user", "accounts", "with", "hundreds", "group",
                 "source", "reported", "according", "court", "finding", "plaintiff", "not"}


class _Page(HTMLParser):
    """The article of a page: its text outside elements marked English, the title attributes
    outside them and every source link with its quote."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.langs: list[str | None] = []
        self.text: list[str] = []
        self.titles: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (href, quote, language of the quote)
        self._quote: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.depth = 1
        elif self.depth and tag not in self.VOID:
            self.depth += 1
        if not self.depth:
            return
        if tag not in self.VOID:
            self.langs.append(values.get("lang"))
        if values.get("title") and not self._english():
            self.titles.append(values["title"] or "")
        if tag == "sup" and values.get("title"):
            self._quote = (values["title"] or "", values.get("lang") or "")
        if tag == "a" and self._quote:
            self.links.append((values.get("href") or "", *self._quote))

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in self.VOID:
            return
        self.depth -= 1
        if self.langs:
            self.langs.pop()
        if tag == "sup":
            self._quote = None

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        if not self._english():
            self.text.append(data)

    def _english(self) -> bool:
        marked = [lang for lang in self.langs if lang]
        return bool(marked) and marked[-1] == "en"


def parsed(site: Path, path: str) -> _Page:
    page = _Page()
    page.feed(read_page(site, path))
    return page


def section(site: Path, lang: str, case_id: str) -> str:
    """The text of a case's own section: from its heading to the next."""
    page = read_page(site, f"{at(lang, 'cases')}/")
    start = page.index(f'id="{case_id}"')
    end = page.find("<h2", start)
    markup = page[start:end if end > 0 else None]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.parametrize(("lang", "unknown", "invented"), [
    ("en", "finality not reported", "not final"),
    ("de", "Rechtskraft nicht bekannt", "nicht rechtskräftig"),
])
@pytest.mark.build
def test_finality_no_source_reports_is_shown_as_not_reported(site, lang, unknown, invented):
    text = article_text(site / at(lang, "cases") / "index.html")
    decided = [case for case in CASES if case.status in ("decided", "dismissed")]
    assert decided and all(case.final is None for case in decided)
    assert text.count(unknown) >= 2 * len(decided)  # table and section of each
    assert invented not in text.replace(unknown, "")


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_every_outcome_says_how_its_source_states_it(site, lang):
    label = {"en": "Outcome: ", "de": "Ergebnis: "}[lang]
    outcomes = {case.id: section(site, lang, case.id).split(label, 1)[1]
                for case in CASES if not case.context}
    unknown = {"en": "not reported", "de": "nicht genannt"}[lang]
    assert all(outcome.startswith((*BASIS_STARTS[lang], unknown))
               for outcome in outcomes.values()), outcomes
    # Where the registry has an outcome, it is worded by its basis.
    assert all(outcomes[case.id].startswith(BASIS_STARTS[lang])
               for case in CASES if not case.context and case.outcome)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_the_overview_orders_the_cases_by_the_days_their_sources_give(site, lang):
    """Newest first. The Minzhili ruling has no day of its own and its source no publication
    date: it is ordered by the first date its text names (May 14, 2025), after the Black PR
    announcement of May 15. The two LING cases were reported the same day: the registry's
    order. The user's apology (October 2024) is no decision: its step orders it."""
    page = read_page(site, f"{at(lang, 'cases')}/")
    order = re.findall(r'<th scope="row" role="rowheader"><a href="#([^"]+)"', page)
    assert order == ["accounts-lawsuits-2025", "black-pr-network", "xiaomi-v-minzhili",
                     "user-apology-2024", "xiaomi-v-ling", "ling-v-xiaomi"]


@pytest.mark.parametrize(("lang", "case_id", "words"), [
    ("en", "xiaomi-v-minzhili", "According to Xiaomi’s legal team: A Chinese court ruled"),
    ("en", "black-pr-network", "According to Xiaomi: The operation was dismantled"),
    ("en", "xiaomi-v-ling", "Court finding (first instance): Mr. LING had infringed"),
    ("en", "accounts-lawsuits-2025", "suspected of spreading false information"),
    ("de", "xiaomi-v-ling", "Feststellung des Gerichts (erste Instanz): Herr LING habe"),
    ("de", "accounts-lawsuits-2025", "im Verdacht stehen, Falschinformationen zu verbreiten"),
    ("de", "black-pr-network", "Nach Angaben von Xiaomi: Die Kampagne sei"),
    ("en", "black-pr-network", "Behind the campaign, according to Xiaomi"),
    ("en", "black-pr-network", "Ongoing (according to Xiaomi, as of May 15, 2025; later status not "
                               "reported)"),
    ("de", "accounts-lawsuits-2025", "Anhängig (nach Angaben von Lei Jun, Stand 13. September "
                                     "2025; späterer Stand nicht bekannt)"),
    ("en", "xiaomi-v-minzhili", "Decided (according to Xiaomi’s legal team), finality not "
                                "reported"),
])
@pytest.mark.build
def test_claims_findings_and_suspicions_keep_their_modality(site, lang, case_id, words):
    assert words in section(site, lang, case_id)


def test_a_party_is_only_given_the_role_its_source_gives():
    black_pr = next(case for case in CASES if case.id == "black-pr-network")
    assert "complainant" not in {party.role for party in black_pr.parties}


@pytest.mark.parametrize(("lang", "announced", "shown_as_ruled"), [
    ("en", "date not reported (the source dates Xiaomi’s “victory” to May 14, 2025; the dates "
           "of the ruling and of the statement are not reported)", "May 14, 2025: "),
    ("de", "Datum nicht angegeben (die Quelle datiert Xiaomis „Sieg“ auf den 14. Mai 2025",
     "14. Mai 2025: "),
])
@pytest.mark.build
def test_an_announcements_date_is_not_shown_as_the_rulings(site, lang, announced,
                                                            shown_as_ruled):
    minzhili = section(site, lang, "xiaomi-v-minzhili")
    assert announced in minzhili
    assert shown_as_ruled not in minzhili


@pytest.mark.parametrize(("lang", "filed", "undated"), [
    ("en", "2021: Reported: The case is placed on file", "date not reported: "),
    ("de", "2021: Berichtet: Das Gericht nimmt die Klage an", "Datum nicht angegeben: "),
])
@pytest.mark.build
def test_undated_steps_stand_where_the_source_puts_them(site, lang, filed, undated):
    ling = section(site, lang, "xiaomi-v-ling")
    assert ling.index(filed) < ling.index(undated)


@pytest.mark.build
def test_the_amount_is_worded_as_the_source_words_it(site):
    english = section(site, "en", "xiaomi-v-ling")
    assert "compensate for economic loss and pay expenses of RMB 251,100" in english
    assert "the source does not say" in english
    assert "Damages" not in english


@pytest.mark.build
def test_the_german_case_page_has_no_english_text_outside_elements_marked_english(site):
    page = parsed(site, "de/verfahren/")
    words = {word.casefold() for word in re.findall(r"[A-Za-z]+", " ".join(page.text))}
    assert not words & ENGLISH_WORDS, words & ENGLISH_WORDS
    titles = {word.casefold() for title in page.titles for word in re.findall(r"[A-Za-z]+",
                                                                               title)}
    assert not titles & ENGLISH_WORDS, titles & ENGLISH_WORDS
    meta = re.search(r'<meta name="description" content="([^"]*)"',
                     read_page(site, "de/verfahren/"))
    assert meta and "Rechtssachen" in meta.group(1)


@pytest.mark.build
def test_german_text_uses_german_quotation_marks(site):
    page = parsed(site, "de/verfahren/")
    assert "”" not in "".join(page.text)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_every_source_link_lands_on_a_page_that_carries_its_sentence(site, lang):
    page = parsed(site, f"{at(lang, 'cases')}/")
    assert len(page.links) >= 30
    base = f"https://site.test/{at(lang, 'cases')}/"
    in_own_language = 0
    for href, quote, quote_lang in page.links:
        address = urlsplit(urljoin(base, href))
        target = address.path.strip("/")
        # The link lands on the paragraph that carries the sentence, not at the page's top.
        paragraph = re.search(rf'<(p|li) id="{re.escape(address.fragment)}">(.*?)</\1>',
                              read_page(site, target), re.S)
        assert address.fragment and paragraph, href
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", paragraph.group(2))).split())
        assert " ".join(quote.split()) in text, (href, quote)
        assert target.startswith(f"{quote_lang}/"), (href, quote_lang)
        in_own_language += target.startswith(f"{lang}/")
    # A German reader is sent to a German page wherever a German version carries the fact.
    assert in_own_language >= len(page.links) * 0.8


@pytest.mark.build
def test_the_english_page_marks_a_link_to_a_german_source(site):
    page = read_page(site, "en/cases/")
    assert re.search(r'<sup lang="de" title="[^"]*Im Oktober 2024[^"]*"><span lang="en">'
                     r'<a href="../../de/artikel/[^"]+" hreflang="de">source \(in German\)</a>',
                     page)


@pytest.mark.parametrize(("lang", "updated", "permalink"), [
    ("en", "Last updated: December 2, 2026.", "Permanent link to this entry"),
    ("de", "Zuletzt aktualisiert: 2. Dezember 2026.", "Dauerhafter Link zu diesem Eintrag"),
])
@pytest.mark.build
def test_the_summary_says_when_it_was_updated_and_each_case_has_a_permalink(
        site, lang, updated, permalink):
    page = read_page(site, f"{at(lang, 'cases')}/")
    assert updated in article_text(site / at(lang, "cases") / "index.html")
    for case in CASES:
        assert f'<a href="#{case.id}">{permalink}</a>' in page


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "the facts of this case are in its German version"),
    ("de", None),
])
@pytest.mark.build
def test_coverage_points_to_the_version_that_carries_the_cases_facts(site, lang, note):
    apology = section(site, lang, "user-apology-2024")
    if note:
        assert note in apology
    else:
        assert "Fassung auf" not in apology


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_the_case_page_describes_its_cases_in_structured_data(site, lang):
    page = read_page(site, f"{at(lang, 'cases')}/")
    (data,) = [json.loads(block) for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
    assert data["@type"] == "WebPage" and data["inLanguage"] == lang
    assert data["dateModified"] == "2026-12-02"
    assert [item["identifier"][0]["value"] for item in data["about"]] == [c.id for c in CASES]
    for item in data["about"]:
        assert item["url"].endswith(f"/{at(lang, 'cases')}/#{item['identifier'][0]['value']}")
        assert f'id="{item["identifier"][0]["value"]}"' in page
    minzhili = data["about"][0]["description"]
    assert minzhili.startswith(BASIS_STARTS[lang][1])  # "According to …" / "Nach Angaben von …"
