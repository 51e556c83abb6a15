"""The case summary, per language: a table of the cases, then each case with its timeline,
parties, remedies and coverage; every fact links the story whose sentence it rests on.

Every statement is worded by its basis ("According to Xiaomi:", "Court finding (first
instance):"), every date by its kind (the step's own, announced, reported), and what the
sources do not say is shown as not reported, never filled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from babel.dates import format_date, format_skeleton

from ..addresses import Address, Kind, relative_path, story_address
from ..language.i18n import N_, format_day, format_number, language_name, translate
from ..language.sizes import format_size
from ..stories.case_documents import PublishedDocument
from ..stories.cases import (
    DOCUMENT_KINDS,
    INSTANCES,
    KINDS,
    RELATIONS,
    REMEDIES,
    ROLES,
    STATUSES,
    Basis,
    Case,
    Event,
    PartialDate,
    Party,
    Remedy,
    SourceRef,
)
from ..stories.decisions import latest_decision, newest_first
from ..stories.grouping import Story
from .feed_links import feed_offer_markdown
from .html_text import anchor, escape_attribute, escape_text
from .listings import story_listing
from .rendering import escape_markdown, with_frontmatter
from .site import SitePage
from .story_html import line_anchor

TITLE = N_("Case summary")
INTRO = N_("The legal matters the coverage reports. Every fact is introduced by how its source "
           "states it and links the sentence it rests on; what the coverage does not say is "
           "marked as not reported.")
# The overview's columns: what a journalist compares across cases at a glance; the kind, the
# timeline and the outcome are in each case's section, with their sources.
HEADINGS = (N_("Case"), N_("Decision date"), N_("Court"), N_("Status"), N_("Amount"))
TABLE_ORDER = N_("The legal matters, newest first: by the day of the latest decision, or of "
                 "the latest step where no decision is reported; where the sources give a "
                 "step no date of its own, by the day it was announced or reported, else by "
                 "the date of its source. Cases without any such day come last.")
NO_AMOUNT = N_("none reported")
DESCRIPTION = N_("The legal matters in the press room's coverage: courts, parties, timelines "
                 "and outcomes, each fact with its source.")
UNKNOWN = N_("not reported")
STATUS_UNKNOWN = N_("status not reported")
AS_OF = N_("{basis}, as of {date}; later status not reported")
FACTS_IN = N_("the facts of this case are in its {language} version")
FINAL = N_("final")
NOT_FINAL = N_("not final")
FINALITY_UNKNOWN = N_("finality not reported")
DATE_UNKNOWN = N_("date not reported")
ANNOUNCED_ON = N_("announced on {date}")
REPORTED_ON = N_("reported on {date}")
# How each statement is introduced, by its basis.
BASIS_LABELS = {
    "reported": N_("Reported:"),
    "announced": N_("According to {by}:"),
    "alleged": N_("Alleged by {by}:"),
    "suspected": N_("Suspected:"),
    "found": N_("Court finding ({instance}):"),
    "found-final": N_("Court finding (final):"),
    # A remedy a court found due is its order.
    "ordered": N_("Ordered by the court ({instance}):"),
    "ordered-final": N_("Ordered by the court (final):"),
}
IN_LANGUAGE = N_("in {language}")
LABELS = {
    "kind": N_("Kind"), "court": N_("Court"), "docket": N_("Docket number"),
    "jurisdiction": N_("Jurisdiction"), "status": N_("Status"), "outcome": N_("Outcome"),
    "parties": N_("Parties"), "timeline": N_("Timeline"), "remedies": N_("Remedies"),
    "related": N_("Related cases"), "coverage": N_("Coverage"), "counsel": N_("counsel: {name}"),
    "source": N_("source"), "context": N_("Context"), "documents": N_("Documents"),
}
# A document's line: what it is, its date, its language, its form and its size.
DOCUMENT_DETAILS = N_("{kind}, {date}; in {language}, {form}, {size}")
# "PDF" is the same word in every language, and no message.
DOCUMENT_FORMS = {"text/plain": N_("plain text")}
CONTEXT_NOTE = N_("Not a legal case: background that the coverage reports.")
PAGE_UPDATED = N_("Last updated: {date}. The summary is written by the press room from the "
                  "coverage; it is not legal advice.")
CASE_UPDATED = N_("Record last checked against its sources: {date}")
NOT_STATED = N_("not stated")
PERMALINK = N_("Permanent link to this entry")

def case_pages(
    cases: Sequence[Case], stories: Mapping[str, Story], story_of_source: Mapping[str, Story],
    langs: Sequence[str], documents: Sequence[PublishedDocument] = (), *,
    source_day: Callable[[str], dt.date | None],
) -> list[SitePage]:
    return [case_page(lang, cases, stories, story_of_source, documents, source_day=source_day)
            for lang in langs]


def case_page(
    lang: str, cases: Sequence[Case], stories: Mapping[str, Story],
    story_of_source: Mapping[str, Story], documents: Sequence[PublishedDocument] = (), *,
    source_day: Callable[[str], dt.date | None],
) -> SitePage:
    """``source_day`` gives the day of a source file: it orders what the registry gives no
    day of its own (``decisions.newest_first``)."""
    def t(message: str, **values: object) -> str:
        return escape_markdown(translate(lang, message, **values))

    def cite(ref: SourceRef) -> str:
        return citation(lang, ref, story_of_source, t)

    legal = newest_first([case for case in cases if not case.context], source_day)
    context = [case for case in cases if case.context]
    titles = {case.id: case.title[lang] for case in cases}
    lines = [f"# {t(TITLE)}", "", t(INTRO), ""]
    newest = last_updated(cases)
    if newest:
        lines += [f"*{t(PAGE_UPDATED, date=format_day(newest, lang))}*", ""]
    if legal:
        lines += [overview_table(lang, legal, source_day), ""]
    lines.append(feed_offer_markdown(lang, Address(Kind.FEED, lang), Address(Kind.CASES, lang)))
    lines.append("")
    for case in legal:
        lines += _case_section(lang, case, stories, t, cite, titles)
        lines += _documents(lang, [doc for doc in documents if doc.case == case.id], t)
    if context:
        lines += [f"## {t(LABELS['context'])}", "", t(CONTEXT_NOTE), ""]
        for case in context:
            lines += _case_section(lang, case, stories, t, cite, titles, level="###")
            lines += _documents(lang, [doc for doc in documents if doc.case == case.id], t)
    meta = {"title": translate(lang, TITLE), "lang": lang,
            "description": translate(lang, DESCRIPTION)}
    return SitePage(Address(Kind.CASES, lang),
                    markdown=with_frontmatter(meta, "\n".join(lines) + "\n"))


def last_updated(cases: Sequence[Case]) -> dt.date | None:
    """The day the newest record was last checked: when the summary last changed."""
    return max((case.updated for case in cases if case.updated), default=None)


def overview_table(lang: str, cases: Sequence[Case],
                   source_day: Callable[[str], dt.date | None]) -> str:
    """The cases side by side, in the order given, as an HTML table (a raw block in the
    page's Markdown, so every text is escaped for HTML and nothing in it is Markdown). Each
    cell carries its column's name, which a phone's narrow screen shows beside it when the
    rows become cards. Written on lines without a blank one, so Markdown keeps it whole."""
    def t(message: str, **values: object) -> str:
        return escape_text(translate(lang, message, **values))

    labels = [t(heading) for heading in HEADINGS]
    head = "".join(f'<th scope="col" role="columnheader">{label}</th>' for label in labels)
    lines = ['<table class="pressroom-cases" role="table">',
             f"<caption>{t(TABLE_ORDER)}</caption>",
             f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>',
             '<tbody role="rowgroup">']
    for case in cases:
        decision = latest_decision([case], source_day)
        cells = [
            event_when(lang, decision.event, t, escape_text) if decision else t(UNKNOWN),
            escape_text(case.court[lang]) if case.court else t(UNKNOWN),
            case_status(lang, case, t, escape_text),
            _amounts(lang, case) or t(NO_AMOUNT),
        ]
        title = anchor(f"#{case.id}", case.title[lang])
        row = "".join(f'<td role="cell" data-label="{escape_attribute(label)}">{cell}</td>'
                      for label, cell in zip(labels[1:], cells, strict=True))
        lines.append(f'<tr role="row"><th scope="row" role="rowheader">{title}</th>{row}</tr>')
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def _amounts(lang: str, case: Case) -> str:
    """The remedies with an amount, each introduced by its basis and followed by what the
    registry says of it: "<em>Ordered by the court (first instance):</em> Payment: EUR
    251,100 (…)", one a line; empty where none has one."""
    return "<br>".join(
        f"<em>{escape_text(basis_label(lang, remedy.basis, case, court='ordered'))}</em> "
        f"{escape_text(translate(lang, REMEDIES[remedy.kind]))}: "
        f"{escape_text(_sum(lang, remedy))}"
        + (f" ({escape_text(remedy.text[lang])})" if remedy.text else "")
        for remedy in case.remedies if remedy.amount is not None)


def _sum(lang: str, remedy: Remedy) -> str:
    """ "EUR 251,100", in the reader's number format; the amount alone where the registry
    names no currency."""
    amount = format_number(remedy.amount, lang) if remedy.amount is not None else ""
    return " ".join(part for part in (remedy.currency, amount) if part)


# Only a decision can be final; for these statuses the finality is always shown, as the
# sources report it: a first-instance judgment is not final, and not proven unfinal either.
DECISIONS = ("decided", "decided-first-instance", "dismissed", "dismissed-first-instance")


def case_status(lang: str, case: Case, t: Callable[..., str],
                escape: Callable[[str], str] = escape_markdown) -> str:
    """ "Decided, finality not reported"; "Pending (according to Lei Jun, as of 13 September
    2025; later status not reported)". ``t`` translates and escapes a message, ``escape``
    escapes other text, for Markdown or for HTML."""
    status = t(STATUSES[case.status]) if case.status else t(STATUS_UNKNOWN)
    as_of = case.status_as_of
    if as_of is not None:
        who = _lowered(basis_label(lang, as_of.basis, case).rstrip(":"))
        if as_of.date is None:
            status += f" ({escape(who)})"
        else:
            day = format_partial(as_of.date, lang)
            status += f" ({t(AS_OF, basis=who, date=day)})"
    if case.status not in DECISIONS:
        return status
    finality = {True: FINAL, False: NOT_FINAL, None: FINALITY_UNKNOWN}[case.final]
    return f"{status}, {t(finality)}"


def _worded(lang: str, text: Mapping[str, str], basis: Basis, case: Case) -> str:
    """The statement introduced by how its source states it: "According to Xiaomi: …"."""
    label = escape_markdown(basis_label(lang, basis, case))
    return f"*{label}* {escape_markdown(text[lang])}"


def outcome_text(lang: str, case: Case) -> str | None:
    """The outcome as plain text, introduced by its basis: for data other tools read."""
    if case.outcome is None:
        return None
    return f"{basis_label(lang, case.outcome.basis, case)} {case.outcome.text[lang]}"


def basis_label(lang: str, basis: Basis, case: Case, court: str = "found") -> str:
    """How a statement of the case is introduced, as plain text; ``court`` names what a
    court's part is called ("found" for a finding, "ordered" for a remedy). A finding is
    called final only where the case's finality is its instance's (``Case.final_for``)."""
    if basis.kind == "found":
        if case.final_for(basis):
            return translate(lang, BASIS_LABELS[f"{court}-final"])
        instance = translate(lang, INSTANCES[basis.instance or ""])
        return translate(lang, BASIS_LABELS[court], instance=instance)
    return translate(lang, BASIS_LABELS[basis.kind], by=basis.by[lang] if basis.by else "")


def citation(lang: str, ref: SourceRef, story_of_source: Mapping[str, Story],
             t: Callable[..., str]) -> str:
    """A link to the story version whose sentence carries the fact, in the reader's language
    where that version has the sentence; the sentence is the link's tooltip, marked with its
    language, and a link to the other language says so."""
    ref = ref.in_language(lang) or ref
    story = story_of_source.get(ref.file)
    if story is None:
        return ""
    version = next((code for code, article in story.versions.items()
                    if article.source.name == ref.file), lang)
    path = relative_path(story_address(version, story.id).at(line_anchor(ref.line)),
                         Address(Kind.CASES, lang).path)
    label = t(LABELS["source"])
    marks = ""
    if version != lang:
        label += f" ({t(IN_LANGUAGE, language=language_name(version, lang))})"
        marks = f'{{: hreflang="{version}" }}'
    quote = escape_attribute(ref.quote)
    link = f'<span lang="{lang}">[{label}]({path}){marks}</span>'
    return f' <sup lang="{version}" title="{quote}">{link}</sup>'


def _case_section(
    lang: str, case: Case, stories: Mapping[str, Story], t: Callable[..., str],
    cite: Callable[[SourceRef], str], titles: Mapping[str, str], level: str = "##",
) -> list[str]:
    def fact(key: str, value: str | None) -> str:
        source = case.sources.get(key)
        shown = value if value else t(UNKNOWN)
        return f"- **{t(LABELS[key])}:** {shown}{cite(source) if source and value else ''}"

    updated = format_day(case.updated, lang) if case.updated else translate(lang, NOT_STATED)
    lines = [f"{level} {escape_markdown(case.title[lang])} {{: #{case.id} }}", "",
             f"*{t(CASE_UPDATED, date=updated)}* · [{t(PERMALINK)}](#{case.id})", ""]
    if not case.context:
        lines += [
            fact("kind", t(KINDS[case.kind]) if case.kind else None),
            fact("court", escape_markdown(case.court[lang]) if case.court else None),
            fact("docket", escape_markdown(case.docket) if case.docket else None),
            fact("jurisdiction", escape_markdown(case.jurisdiction) if case.jurisdiction else None),
            f"- **{t(LABELS['status'])}:** {case_status(lang, case, t)}",
        ]
    outcome = _worded(lang, case.outcome.text, case.outcome.basis, case) \
        if case.outcome else None
    lines += [fact("outcome", outcome), ""]
    lines += _list(t(LABELS["parties"]), [_party(lang, party, case, t) + cite(party.source)
                                          for party in case.parties])
    lines += _list(t(LABELS["timeline"]), [
        f"{event_when(lang, event, t)}: {_worded(lang, event.text, event.basis, case)}"
        f"{cite(event.source)}" for event in case.events])
    lines += _list(t(LABELS["remedies"]), [_remedy(lang, remedy, case, t) + cite(remedy.source)
                                           for remedy in case.remedies])
    lines += _list(t(LABELS["related"]), [
        f"{t(RELATIONS[relation])}: [{escape_markdown(titles.get(other, other))}](#{other})"
        for other, relation in case.related])
    lines += _list(t(LABELS["coverage"]), [
        _coverage(lang, case, stories[story], t) for story in case.stories if story in stories])
    return lines


def _documents(lang: str, documents: Sequence[PublishedDocument],
               t: Callable[..., str]) -> list[str]:
    """The case's documents, each linked with its language (hreflang) and media type, and
    said: "Ruling, 11 March 2025; in German, PDF, 48 KB"."""
    items = []
    for published in documents:
        document = published.document
        date = format_partial(document.date, lang) if document.date else t(DATE_UNKNOWN)
        details = t(DOCUMENT_DETAILS, kind=translate(lang, DOCUMENT_KINDS[document.kind]),
                    date=date, language=language_name(document.language, lang),
                    form=translate(lang, DOCUMENT_FORMS[document.media_type])
                    if document.media_type in DOCUMENT_FORMS else "PDF",
                    size=format_size(published.size, lang))
        path = relative_path(published.path, Address(Kind.CASES, lang).path)
        link = (f"[{escape_markdown(document.title[lang])}]({path})"
                f'{{: hreflang="{document.language}" type="{document.media_type}" }}')
        items.append(f"{link}: {details}")
    return _list(t(LABELS["documents"]), items)


def _party(lang: str, party: Party, case: Case, t: Callable[..., str]) -> str:
    """ "Xiaomi Corporation (Plaintiff; counsel: JunHe)"; "A group (Behind the campaign,
    according to Xiaomi)" where the role is one party's account."""
    role = t(ROLES[party.role])
    if party.basis is not None:
        role += ", " + escape_markdown(_lowered(basis_label(lang, party.basis, case).rstrip(":")))
    if party.counsel:
        role += f"; {t(LABELS['counsel'], name=party.counsel)}"
    return f"{escape_markdown(party.name[lang])} ({role})"


def _lowered(label: str) -> str:
    """A label inside a sentence: "according to Xiaomi", "nach Angaben von Xiaomi" (its
    first word, a preposition, is not a German noun)."""
    return label[:1].lower() + label[1:]


def _coverage(lang: str, case: Case, story: Story, t: Callable[..., str]) -> str:
    """The story in the reader's language; where only another language's version carries the
    case's facts, a link to that version too, saying so."""
    here = Address(Kind.CASES, lang).path
    link = relative_path(story_address(lang, story.id).path, here)
    item = story_listing(story, lang, link, with_summary=False)[2:]
    cited = {code for code, article in story.versions.items()
             if article.source.name in {ref.file for ref in case.references()}}
    if not cited or lang in cited:
        return item
    other = sorted(cited)[0]
    note = t(FACTS_IN, language=language_name(other, lang))
    there = relative_path(story_address(other, story.id).path, here)
    return (f"{item}  \n  [{note}]({there})"
            f'{{: hreflang="{other}" }}')


def _list(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {item}" for item in items), ""]


def _remedy(lang: str, remedy: Remedy, case: Case, t: Callable[..., str]) -> str:
    """ "Court finding (first instance): Payment: RMB 251.100 (…)"."""
    label = escape_markdown(basis_label(lang, remedy.basis, case, court="ordered"))
    text = f"*{label}* {t(REMEDIES[remedy.kind])}"
    if remedy.amount is not None:
        text += f": {escape_markdown(_sum(lang, remedy))}"
    if remedy.text:
        text += f" ({escape_markdown(remedy.text[lang])})"
    return text


def event_when(lang: str, event: Event, t: Callable[..., str],
               escape: Callable[[str], str] = escape_markdown) -> str:
    """The step's own date; else that it is not reported, with the day it was announced or
    reported where a source gives one (that day is not the step's); and what the sources say
    about the date where they say it less plainly. ``t`` and ``escape`` as for
    ``case_status``."""
    if event.date is not None:
        when = escape(format_partial(event.date, lang))
    elif event.announced is not None:
        day = format_partial(event.announced, lang)
        when = f"{t(DATE_UNKNOWN)} ({t(ANNOUNCED_ON, date=day)})"
    elif event.reported is not None:
        when = f"{t(DATE_UNKNOWN)} ({t(REPORTED_ON, date=format_day(event.reported, lang))})"
    else:
        when = t(DATE_UNKNOWN)
    if event.date_note:
        when += f" ({escape(event.date_note[lang])})"
    return when


def format_partial(date: PartialDate, lang: str) -> str:
    """ "14. Mai 2025", "Oktober 2024", "2021": as precise as the source."""
    if date.day and date.month:
        return format_day(dt.date(date.year, date.month, date.day), lang)
    if date.month:
        return format_skeleton("yMMMM", dt.date(date.year, date.month, 1), locale=lang)
    return format_date(dt.date(date.year, 1, 1), "y", locale=lang)
