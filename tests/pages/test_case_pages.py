"""The case summary, per language: every fact worded as its source states it (a claim is no
finding, a first-instance judgment neither final nor proven unfinal, an announcement's day no
ruling's), what the registry does not give shown as not reported, each case at its anchor."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from functools import partial
from pathlib import Path

import markdown as md
import pytest

from conftest import make_article
from pressroom.language.i18n import translate
from pressroom.pages.case_pages import (
    case_page,
    case_status,
    format_partial,
    format_size,
    last_updated,
)
from pressroom.stories.case_documents import PublishedDocument
from pressroom.stories.cases import (
    Basis,
    Case,
    CaseDocument,
    PartialDate,
    SourceRef,
    load_cases,
)
from pressroom.stories.grouping import Story

REGISTRY = """\
- id: roe-v-example
  updated: 2026-03-01
  title:
    en: Jane Roe v. Example GmbH
    de: Jane Roe gegen Example GmbH
  kind: civil-defamation-suit
  jurisdiction: Germany
  court:
    en: Regional Court of Sampleton
    de: Landgericht Musterstadt
  docket: 2 O 17/25
  parties:
    - name: Jane Roe
      role: plaintiff
      counsel: Doe & Partner
      source:
        file: roe-en.txt
        line: 2
        quote: Jane Roe sued
        de: {file: roe-de.txt, line: 2, quote: Jane Roe klagte}
    - name: Example GmbH
      role: defendant
      source: {file: roe-en.txt, line: 2, quote: Example GmbH}
  status: decided-first-instance
  final:
  outcome:
    basis: found
    instance: first
    en: The posts were unlawful.
    de: Die Beiträge waren rechtswidrig.
  outcome_source: {file: roe-en.txt, line: 3, quote: unlawful}
  remedies:
    - kind: payment
      amount: 251100
      currency: EUR
      basis: found
      instance: first
      text:
        en: the source does not say what for
        de: wofür, sagt die Quelle nicht
      source: {file: roe-en.txt, line: 3, quote: "EUR 251,100"}
  events:
    - kind: filed
      date: 2024-10
      basis: reported
      text: {en: The suit is filed., de: Die Klage wird eingereicht.}
      source: {file: roe-en.txt, line: 2, quote: sued}
    - kind: ruling
      basis: announced
      by: Example GmbH
      announced: 2025-05-14
      text: {en: The court rules., de: Das Gericht entscheidet.}
      source: {file: roe-en.txt, line: 3, quote: rules}
    - kind: appeal
      basis: alleged
      by: {en: A spokesperson, de: Ein Sprecher}
      reported: 2025-06-02
      text: {en: An appeal is lodged., de: Berufung wird eingelegt.}
      source: {file: roe-en.txt, line: 4, quote: appeal}
  related:
    - case: example-v-roe
      relation: counter-suit
  stories: [roe-ruling]

- id: example-v-roe
  title: {en: Example GmbH v. Jane Roe, de: Example GmbH gegen Jane Roe}
  kind: counter-suit
  status: pending
  status_as_of:
    date: 2025-05-15
    basis: announced
    by: Example GmbH
  events:
    - kind: hearing
      basis: suspected
      text: {en: A hearing may follow., de: Eine Anhörung könnte folgen.}
      source: {file: roe-en.txt, line: 5, quote: hearing}
  related:
    - case: roe-v-example
      relation: counter-suit-to

- id: smear-background
  context: true
  updated: 2025-12-24
  title: {en: Smear posts about Example GmbH, de: Schmähbeiträge über Example GmbH}
  outcome:
    basis: reported
    en: The posts spread widely.
    de: Die Beiträge verbreiteten sich weit.
  outcome_source: {file: roe-en.txt, line: 5, quote: spread}
"""

LEGAL = ("roe-v-example", "example-v-roe")


@pytest.fixture
def cases(tmp_path: Path) -> list[Case]:
    path = tmp_path / "cases.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    loaded, problems = load_cases(path)
    assert not problems and [case.id for case in loaded] == [*LEGAL, "smear-background"]
    return loaded


def roe_story() -> Story:
    english = make_article("en", "Head\nJane Roe sued Example GmbH.", date=dt.date(2025, 5, 20),
                           title="Roe wins against Example GmbH", story="roe-ruling",
                           source="roe-en.txt")
    german = make_article("de", "Kopf\nJane Roe klagte.", date=dt.date(2025, 5, 21),
                          title="Roe gewinnt gegen Example GmbH", story="roe-ruling",
                          source="roe-de.txt")
    return Story("roe-ruling", {"en": english, "de": german})


def page(lang: str, cases: list[Case], story: Story | None = None, **options) -> str:
    """The page's Markdown, without its frontmatter."""
    story = story or roe_story()
    sources = {version.source.name: story for version in story.versions.values()}
    days = {version.source.name: version.date.value for version in story.versions.values()}
    markdown = case_page(lang, cases, {story.id: story}, sources, source_day=days.get,
                         **options).markdown
    assert markdown is not None
    return markdown.split("\n---\n", 1)[1]


def section(markdown: str, case_id: str) -> str:
    """A case's own section: from its heading to the next heading of a case or part."""
    start = markdown.index(f"{{: #{case_id} }}")
    following = re.search(r"^#{2,3} ", markdown[start:], re.M)
    return markdown[start:start + following.start()] if following else markdown[start:]


def table_cells(markdown: str, case_id: str) -> list[str]:
    """The overview's row of a case, cell by cell as HTML: case, decision, court, status,
    amount."""
    (row,) = [line for line in markdown.split("\n")
              if line.startswith("<tr") and f'<a href="#{case_id}">' in line]
    return re.findall(r"<t[hd] [^>]*>(.*?)</t[hd]>", row)


def table_order(markdown: str) -> list[str]:
    return re.findall(r'<tr role="row"><th scope="row" role="rowheader"><a href="#([^"]+)">',
                      markdown)


# Finality and status.

@pytest.mark.parametrize(("lang", "status", "invented"), [
    ("en", "Decided at first instance, finality not reported", "not final"),
    ("de", "Erstinstanzlich entschieden, Rechtskraft nicht bekannt", "nicht rechtskräftig"),
])
def test_a_first_instance_decision_is_neither_called_final_nor_unfinal(cases, lang, status,
                                                                       invented):
    markdown = page(lang, cases)
    assert table_cells(markdown, "roe-v-example")[3] == status
    assert f":** {status}\n" in section(markdown, "roe-v-example")
    assert invented not in markdown


@pytest.mark.parametrize(("status", "final", "en", "de"), [
    ("decided", True, "Decided, final", "Entschieden, rechtskräftig"),
    ("decided", False, "Decided, not final", "Entschieden, nicht rechtskräftig"),
    ("decided", None, "Decided, finality not reported", "Entschieden, Rechtskraft nicht bekannt"),
    # Only a decision can be final: a pending case says nothing of finality.
    ("pending", None, "Pending", "Anhängig"),
    (None, None, "status not reported", "Stand nicht bekannt"),
])
def test_the_status_and_finality_are_shown_as_the_registry_states_them(status, final, en, de):
    case = Case("c", {"en": "C", "de": "C"}, kind="appeal", status=status, final=final)
    assert case_status("en", case, partial(translate, "en")) == en
    assert case_status("de", case, partial(translate, "de")) == de


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Pending (according to Example GmbH, as of May 15, 2025; later status not reported)"),
    ("de", "Anhängig (nach Angaben von Example GmbH, Stand 15. Mai 2025; späterer Stand nicht "
           "bekannt)"),
])
def test_a_status_a_party_states_says_whose_account_it_is_and_as_of_when(cases, lang, words):
    assert f"** {words}\n" in section(page(lang, cases), "example-v-roe")


# Statements and their dates.

@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["October 2024: *Reported:* The suit is filed.",
            "*According to Example GmbH:* The court rules.",
            "*Alleged by A spokesperson:* An appeal is lodged.",
            "**Outcome:** *Court finding (first instance):* The posts were unlawful."]),
    ("de", ["Oktober 2024: *Berichtet:* Die Klage wird eingereicht.",
            "*Nach Angaben von Example GmbH:* Das Gericht entscheidet.",
            "*Vorwurf von Ein Sprecher:* Berufung wird eingelegt.",
            "**Ergebnis:** *Feststellung des Gerichts (erste Instanz):* Die Beiträge waren "
            "rechtswidrig."]),
])
def test_each_statement_is_introduced_by_how_its_source_states_it(cases, lang, expected):
    roe = section(page(lang, cases), "roe-v-example")
    for words in expected:
        assert words in roe, words
    # A ruling a party announces is not given as the court's finding.
    assert not re.search(r"(Court finding|Feststellung des Gerichts)[^\n]*(rules|entscheidet)",
                         roe)
    suspected = "*Suspected:* A hearing" if lang == "en" else "*Verdacht:* Eine Anhörung"
    assert suspected in section(page(lang, cases), "example-v-roe")


@pytest.mark.parametrize(("lang", "announced", "reported", "as_the_steps"), [
    ("en", "date not reported (announced on May 14, 2025): ",
     "date not reported (reported on June 2, 2025): ", ("- May 14, 2025:", "- June 2, 2025:")),
    ("de", "Datum nicht angegeben (bekannt gegeben am 14. Mai 2025): ",
     "Datum nicht angegeben (berichtet am 2. Juni 2025): ",
     ("- 14. Mai 2025:", "- 2. Juni 2025:")),
])
def test_the_day_a_step_was_announced_or_reported_is_not_given_as_its_own(
        cases, lang, announced, reported, as_the_steps):
    roe = section(page(lang, cases), "roe-v-example")
    assert announced in roe and reported in roe
    assert not any(words in roe for words in as_the_steps)
    # The table's decision is the ruling, dated as its step is, and nothing more.
    assert table_cells(page(lang, cases), "roe-v-example")[1] == announced.removesuffix(": ")


@pytest.mark.parametrize(("date", "en", "de"), [
    (PartialDate(2021), "2021", "2021"),
    (PartialDate(2024, 10), "October 2024", "Oktober 2024"),
    (PartialDate(2025, 5, 14), "May 14, 2025", "14. Mai 2025"),
])
def test_a_date_is_as_precise_as_its_source_in_the_readers_language(date, en, de):
    assert format_partial(date, "en") == en
    assert format_partial(date, "de") == de


# What is not reported, and amounts.

@pytest.mark.parametrize(("lang", "label", "unknown", "not_stated"), [
    ("en", "Court", "not reported", "not stated"),
    ("de", "Gericht", "nicht genannt", "nicht angegeben"),
])
def test_what_the_registry_does_not_give_shows_as_not_reported(cases, lang, label, unknown,
                                                              not_stated):
    markdown = page(lang, cases)
    counter_suit = section(markdown, "example-v-roe")
    assert f"- **{label}:** {unknown}\n" in counter_suit
    # Court, docket, jurisdiction and outcome: four unknown facts, none with a citation.
    assert counter_suit.count(f":** {unknown}\n") == 4
    assert f": {not_stated}*" in counter_suit  # the record's last check
    # No ruling and no court reported; no amount either, which is not said to be unknown.
    cells = table_cells(markdown, "example-v-roe")
    assert cells[1] == cells[2] == unknown
    assert cells[4] == {"en": "none reported", "de": "keiner genannt"}[lang]


@pytest.mark.parametrize(("lang", "remedy"), [
    ("en", "*Ordered by the court (first instance):* Payment: EUR 251,100 (the source does not "
           "say what for)"),
    ("de", "*Vom Gericht angeordnet (erste Instanz):* Zahlung: EUR 251.100 (wofür, sagt die "
           "Quelle nicht)"),
])
def test_an_amount_is_worded_as_its_source_words_it_in_the_readers_number_format(
        cases, lang, remedy):
    roe = section(page(lang, cases), "roe-v-example")
    assert f"- {remedy} <sup" in roe
    assert "Damages" not in roe and "Schadenersatz" not in roe  # "payment" is not "damages"


# Anchors, links and citations.

@pytest.mark.parametrize(("lang", "permalink"), [
    ("en", "Permanent link to this entry"), ("de", "Dauerhafter Link zu diesem Eintrag")])
def test_every_case_has_its_anchor_a_permalink_and_a_row_linking_it(cases, lang, permalink):
    markdown = page(lang, cases)
    for case in cases:
        heading = "###" if case.context else "##"
        assert f"\n{heading} {case.title[lang]} {{: #{case.id} }}\n" in markdown
        assert f"· [{permalink}](#{case.id})" in section(markdown, case.id)
    # Newest first: the counter-suit's latest step (its source's day, May 20) is newer than
    # the ruling (announced on May 14).
    assert table_order(markdown) == ["example-v-roe", "roe-v-example"]


def test_related_cases_link_each_others_entry(cases):
    markdown = page("en", cases)
    assert ("- Separate suit by the other side: [Example GmbH v. Jane Roe](#example-v-roe)"
            in section(markdown, "roe-v-example"))
    assert ("- Original proceedings: [Jane Roe v. Example GmbH](#roe-v-example)"
            in section(markdown, "example-v-roe"))


def test_a_citation_links_the_sentence_in_the_readers_language_where_a_version_has_it(cases):
    roe = section(page("de", cases), "roe-v-example")
    # Jane Roe's role rests on a sentence the German version has: cited there.
    assert ('- Jane Roe (Klagende Partei; vertreten durch Doe &amp; Partner) '
            '<sup lang="de" title="Jane Roe klagte"><span lang="de">'
            "[Quelle](artikel/roe-ruling.md#line-2)</span></sup>") in roe
    # Example GmbH's only in the English version: the link says so, marked English.
    assert ('- Example GmbH (Beklagte Partei) <sup lang="en" title="Example GmbH">'
            '<span lang="de">[Quelle (auf Englisch)](../en/stories/roe-ruling.md#line-2)'
            '{: hreflang="en" }</span></sup>') in roe


def test_a_fact_without_a_published_source_is_shown_without_a_dead_citation(cases):
    # No story carries these sources: the facts stand, without a link to nowhere.
    markdown = page("en", cases, Story("other", {"en": make_article("en", "x", source="o.txt")}))
    assert "Jane Roe (Plaintiff; counsel: Doe &amp; Partner)\n" in markdown
    assert "<sup" not in markdown


def test_names_statements_and_quotes_with_markup_are_escaped():
    hostile = Case(
        "hostile", {"en": "<script>alert(1)</script> v. Roe & Co", "de": "x"}, kind="appeal",
        court={"en": "[Court](javascript:alert(1)) | *Chamber*", "de": "x"},
        sources={"court": SourceRef("q.txt", 1, 'He said "<b>no</b>" & left')})
    story = Story("q", {"en": make_article("en", "Line.", story="q", source="q.txt")})
    markdown = page("en", [hostile], story)
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; v. Roe &amp; Co" in markdown
    # In the table (HTML, which Markdown leaves alone) the court's text stays text.
    assert table_cells(markdown, "hostile")[2] == "[Court](javascript:alert(1)) | *Chamber*"
    assert 'title="He said &quot;&lt;b&gt;no&lt;/b&gt;&quot; &amp; left"' in markdown
    # Rendered as the site renders it, the table's court is still one cell of plain text.
    html = render(markdown)
    assert "javascript:" not in re.sub(r"<td[^>]*>\[Court\]\(javascript:alert\(1\)\) \| "
                                       r"\*Chamber\*</td>", "", html, count=1).split(
        "<h2")[0]
    assert "<em>Chamber</em>" not in html.split("<h2")[0]


# The overview: columns, order, amounts, and the feed.

def render(markdown: str) -> str:
    """The page's Markdown as the site's configuration renders it."""
    return md.markdown(markdown, extensions=["admonition", "attr_list", "md_in_html", "tables",
                                             "toc"])


def dated_case(case_id: str, *events: str, **fields) -> Case:
    """A case whose steps are written in the registry's words: "ruling 2025-05", "filed"."""
    registry = [{"id": case_id, "title": {"en": case_id, "de": case_id}, "kind": "appeal",
                 "events": []}]
    for step in events:
        kind, _, date = step.partition(" ")
        event = {"kind": kind, "basis": "reported", "text": {"en": kind, "de": kind},
                 "source": {"file": f"{case_id}.txt", "line": 1, "quote": kind}}
        if date:
            event["date"] = date
        registry[0]["events"].append(event)
    registry[0].update(fields)
    return registry[0]


def load(tmp_path: Path, records: list[dict]) -> list[Case]:
    path = tmp_path / "cases.yml"
    path.write_text(json.dumps(records), encoding="utf-8")  # JSON is YAML
    loaded, problems = load_cases(path)
    assert not problems, problems
    return loaded


def test_the_overview_lists_the_newest_decision_first_and_the_undated_last(tmp_path):
    cases = load(tmp_path, [
        dated_case("undated", "filed"),
        dated_case("old-ruling", "ruling 2023-02-01"),
        dated_case("month-ruling", "ruling 2025-05"),
        dated_case("late-filing", "filed 2025-04-30"),
        dated_case("day-ruling", "filed 2024-01-01", "ruling 2025-05-02"),
        dated_case("also-undated", "hearing"),
    ])
    # No source day known: an undated step stays undated. "2025-05" counts from May 1st.
    markdown = page("en", cases, Story("none", {"en": make_article("en", "x", source="n.txt")}))
    assert table_order(markdown) == ["day-ruling", "month-ruling", "late-filing", "old-ruling",
                                     "undated", "also-undated"]
    # The sections follow the table's order.
    headings = re.findall(r"^## .* \{: #([a-z-]+) \}$", markdown, re.M)
    assert headings == table_order(markdown)
    assert table_cells(markdown, "month-ruling")[1] == "May 2025"
    assert table_cells(markdown, "late-filing")[1] == "not reported"  # a filing is no ruling


@pytest.mark.parametrize(("lang", "headings", "amount"), [
    ("en", ["Case", "Decision date", "Court", "Status", "Amount"],
     "<em>Ordered by the court (first instance):</em> Payment: EUR 251,100 (the source does "
     "not say what for)<br>"
     "<em>Reported:</em> Damages: 12,000"),
    ("de", ["Verfahren", "Datum der Entscheidung", "Gericht", "Stand", "Betrag"],
     "<em>Vom Gericht angeordnet (erste Instanz):</em> Zahlung: EUR 251.100 (wofür, sagt "
     "die Quelle nicht)<br>"
     "<em>Berichtet:</em> Schadenersatz: 12.000"),
])
def test_the_overview_names_its_columns_and_each_amount_with_its_basis(cases, lang, headings,
                                                                       amount):
    roe = cases[0]
    extra = replace(roe.remedies[0], kind="damages", amount=12000, currency=None,
                    basis=Basis("reported"), text=None)
    cases = [replace(roe, remedies=(*roe.remedies, extra)), *cases[1:]]
    markdown = page(lang, cases)
    assert re.findall(r'<th scope="col" role="columnheader">([^<]+)</th>', markdown) == headings
    cells = table_cells(markdown, "roe-v-example")
    assert cells[4] == amount
    # On a phone each cell shows its column's name: the labels are the headings.
    assert re.findall(r'data-label="([^"]+)"', markdown.split("</tr>")[1]) == headings[1:]
    # The caption says how the rows are ordered, in the page's language.
    caption = re.search(r"<caption>(.+)</caption>", markdown).group(1)
    assert caption.startswith({"en": "The legal matters, newest first",
                               "de": "Die Verfahren, das neueste zuerst"}[lang])


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "New stories in your feed reader: [Atom feed (English)](feed.xml)"),
    ("de", "Neue Artikel in Ihrem Feedreader: [Atom-Feed (Deutsch)](feed.xml)"),
])
def test_the_case_summary_offers_its_languages_feed(cases, lang, words):
    """A Markdown link, beside the page's own in its language's folder: MkDocs checks it and
    makes it the page's URL's relative address."""
    markdown = page(lang, cases)
    assert f'{words}{{: type="application/atom+xml" hreflang="{lang}" }}' in markdown
    offer = re.search(r'<p class="pressroom-feed">(.+?)</p>', render(markdown)).group(1)
    assert 'href="feed.xml"' in offer and f'hreflang="{lang}"' in offer


def test_no_legal_case_no_overview(cases):
    markdown = page("en", [case for case in cases if case.context])
    assert "<table" not in markdown and "pressroom-feed" in markdown


# Background, coverage, documents, dates of the page.

def test_background_records_stand_apart_from_the_legal_cases(cases):
    markdown = page("en", cases)
    assert sorted(table_order(markdown)) == sorted(LEGAL)  # not in the table
    context = markdown[markdown.index("\n## Context\n"):]
    assert context.startswith("\n## Context\n\nNot a legal case: background that the coverage "
                              "reports.\n\n### Smear posts about Example GmbH")
    background = section(markdown, "smear-background")
    assert "**Outcome:** *Reported:* The posts spread widely." in background
    assert "**Kind:**" not in background and "**Status:**" not in background


def test_coverage_points_to_the_version_that_carries_the_cases_facts():
    german_only = SourceRef("roe-de.txt", 2, "Jane Roe klagte")
    case = Case("c", {"en": "C", "de": "C"}, kind="appeal", stories=("roe-ruling",),
                sources={"court": german_only}, court={"en": "A court", "de": "Ein Gericht"})
    english = page("en", [case])
    assert ("- [Roe wins against Example GmbH](stories/roe-ruling.md)  \n  May 20, 2025  \n  "
            "[the facts of this case are in its German version](../de/artikel/roe-ruling.md)"
            '{: hreflang="de" }') in english
    assert "Fassung auf" not in page("de", [case])


def test_a_document_is_listed_with_its_kind_date_language_form_and_size():
    ruling = CaseDocument("documents/ruling.pdf", "ruling",
                          {"en": "Judgment of the regional court", "de": "Urteil des LG"}, "de",
                          PartialDate(2025, 3, 11))
    published = PublishedDocument("c", ruling, b"%" * (48 * 1024))
    case = Case("c", {"en": "C", "de": "C"}, kind="appeal")
    assert ("- [Judgment of the regional court](../cases/c/ruling.pdf)"
            '{: hreflang="de" type="application/pdf" }: Ruling, March 11, 2025; in German, '
            "PDF, 48 KB") in page("en", [case], documents=[published])
    assert "Entscheidung, 11. März 2025; auf Deutsch, PDF, 48 KB" in page(
        "de", [case], documents=[published])
    assert (format_size(1536 * 1024, "en"), format_size(1536 * 1024, "de")) == ("1.5 MB",
                                                                                "1,5 MB")
    assert format_size(10, "en") == "1 KB"  # never "0 KB"


def test_the_summary_is_dated_by_its_most_recently_checked_record(cases):
    assert last_updated(cases) == dt.date(2026, 3, 1)
    assert "*Last updated: March 1, 2026. The summary" in page("en", cases)
    assert "*Zuletzt aktualisiert: 1. März 2026." in page("de", cases)
    undated = [Case("c", {"en": "C", "de": "C"}, kind="appeal")]
    assert last_updated(undated) is None and "Last updated" not in page("en", undated)



def test_in_a_final_case_only_the_last_instances_finding_is_called_final(cases):
    """Finality is the last instance's: a first-instance finding that was appealed is not
    final because the appeal's is; with one instance, its finding is the final one."""
    roe = next(case for case in cases if case.id == "roe-v-example")
    first = Basis("found", instance="first")
    ruling = roe.events[-1]
    appealed = replace(roe, status="decided", final=True, remedies=(), events=(
        replace(ruling, basis=first, text={"en": "The court finds for Roe.", "de": "x"}),
        replace(ruling, basis=Basis("found", instance="appeal"),
                text={"en": "The appeal court confirms.", "de": "y"})))
    text = section(page("en", [appealed]), "roe-v-example")
    assert "*Court finding (first instance):* The court finds for Roe." in text
    assert "*Court finding (final):* The appeal court confirms." in text
    assert "(final):* The court finds for Roe." not in text
    alone = replace(roe, status="decided", final=True, remedies=(), events=(
        replace(ruling, basis=first, text={"en": "The court finds for Roe.", "de": "x"}),))
    assert "*Court finding (final):* The court finds for Roe." in section(
        page("en", [alone]), "roe-v-example")
