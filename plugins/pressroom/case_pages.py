"""The case summary, per language: a table of the cases, then each case with its timeline,
parties, remedies and coverage; every fact links the story whose sentence it rests on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from babel.dates import format_date, format_skeleton

from .cases import (
    KINDS,
    RELATIONS,
    REMEDIES,
    ROLES,
    STATUSES,
    Case,
    Event,
    PartialDate,
    Remedy,
    SourceRef,
)
from .i18n import N_, format_day, format_number, translate
from .listings import story_listing
from .rendering import escape_markdown, with_frontmatter
from .site import SitePage
from .stories import Story

CASES_PAGE = "cases.md"
TITLE = N_("Case summary")
INTRO = N_("The legal matters the coverage reports. Every fact links the story it is taken "
           "from; what the coverage does not say is marked as unknown.")
HEADINGS = (N_("Case"), N_("Court"), N_("Kind"), N_("Status"), N_("Last event"), N_("Outcome"))
UNKNOWN = N_("unknown")
FINAL = N_("final")
NOT_FINAL = N_("not final")
NOT_REPORTED_FINAL = N_("not final (no final judgment reported)")
DATE_UNKNOWN = N_("date unknown")
REPORTED_ON = N_("reported on {date}")
LABELS = {
    "kind": N_("Kind"), "court": N_("Court"), "docket": N_("Docket number"),
    "jurisdiction": N_("Jurisdiction"), "status": N_("Status"), "outcome": N_("Outcome"),
    "parties": N_("Parties"), "timeline": N_("Timeline"), "remedies": N_("Remedies"),
    "related": N_("Related cases"), "coverage": N_("Coverage"), "counsel": N_("counsel: {name}"),
    "source": N_("source"), "context": N_("Context"),
}
CONTEXT_NOTE = N_("Not a legal case: background that the coverage reports.")

# Where a source file's story page is, from the case page of a language: "stories/x.md".
StoryLink = Callable[[str], str | None]


def case_pages(
    cases: Sequence[Case], stories: Mapping[str, Story], story_of_source: Mapping[str, Story],
    langs: Sequence[str],
) -> list[SitePage]:
    return [case_page(lang, cases, stories, story_of_source) for lang in langs]


def case_page(
    lang: str, cases: Sequence[Case], stories: Mapping[str, Story],
    story_of_source: Mapping[str, Story],
) -> SitePage:
    def t(message: str, **values: object) -> str:
        return escape_markdown(translate(lang, message, **values))

    def cite(ref: SourceRef) -> str:
        story = story_of_source.get(ref.file)
        if story is None:
            return ""
        # The quote the fact rests on is the link's title: the reader sees the sentence.
        quote = escape_markdown(ref.quote.replace('"', "'"))
        return f' <sup>[{t(LABELS["source"])}](stories/{story.id}.md "{quote}")</sup>'

    legal = [case for case in cases if not case.context]
    context = [case for case in cases if case.context]
    titles = {case.id: case.title[lang] for case in cases}
    lines = [f"# {t(TITLE)}", "", t(INTRO), "", _table(lang, legal, t), ""]
    for case in legal:
        lines += _case_section(lang, case, stories, t, cite, titles)
    if context:
        lines += [f"## {t(LABELS['context'])}", "", t(CONTEXT_NOTE), ""]
        for case in context:
            lines += _case_section(lang, case, stories, t, cite, titles, level="###")
    meta = {"title": translate(lang, TITLE), "lang": lang}
    return SitePage(f"{lang}/{CASES_PAGE}", lang,
                    markdown=with_frontmatter(meta, "\n".join(lines) + "\n"))


def _table(lang: str, cases: Sequence[Case], t: Callable[..., str]) -> str:
    rows = ["| " + " | ".join(t(heading) for heading in HEADINGS) + " |",
            "|" + " --- |" * len(HEADINGS)]
    for case in cases:
        last = case.last_event
        cells = [
            f"[{escape_markdown(case.title[lang])}](#{case.id})",
            escape_markdown(case.court[lang]) if case.court else t(UNKNOWN),
            t(KINDS[case.kind]) if case.kind else t(UNKNOWN),
            _status(lang, case, t),
            (f"{_when(lang, last, t)}: {escape_markdown(last.text[lang])}" if last else t(UNKNOWN)),
            escape_markdown(case.outcome[lang]) if case.outcome else t(UNKNOWN),
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


# Only a decision can be final; for these statuses the finality is always shown, and shown as
# "not final" unless a source reports the decision final.
DECISIONS = ("decided", "dismissed")


def _status(lang: str, case: Case, t: Callable[..., str]) -> str:
    status = t(STATUSES[case.status]) if case.status else t(UNKNOWN)
    if case.status not in DECISIONS:
        return status
    finality = {True: FINAL, False: NOT_FINAL, None: NOT_REPORTED_FINAL}[case.final]
    return f"{status}, {t(finality)}"


def _case_section(
    lang: str, case: Case, stories: Mapping[str, Story], t: Callable[..., str],
    cite: Callable[[SourceRef], str], titles: Mapping[str, str], level: str = "##",
) -> list[str]:
    def fact(key: str, value: str | None) -> str:
        source = case.sources.get(key)
        shown = value if value else t(UNKNOWN)
        return f"- **{t(LABELS[key])}:** {shown}{cite(source) if source and value else ''}"

    lines = [f"{level} {escape_markdown(case.title[lang])} {{: #{case.id} }}", ""]
    if not case.context:
        lines += [
            fact("kind", t(KINDS[case.kind]) if case.kind else None),
            fact("court", escape_markdown(case.court[lang]) if case.court else None),
            fact("docket", escape_markdown(case.docket) if case.docket else None),
            fact("jurisdiction", escape_markdown(case.jurisdiction) if case.jurisdiction else None),
            f"- **{t(LABELS['status'])}:** {_status(lang, case, t)}",
        ]
    outcome = escape_markdown(case.outcome[lang]) if case.outcome else None
    lines += [fact("outcome", outcome), ""]
    lines += _list(t(LABELS["parties"]), [
        f"{escape_markdown(p.name)} ({t(ROLES[p.role])}"
        + (f"; {t(LABELS['counsel'], name=p.counsel)}" if p.counsel else "") + ")" + cite(p.source)
        for p in case.parties])
    lines += _list(t(LABELS["timeline"]), [
        f"{_when(lang, event, t)}: {escape_markdown(event.text[lang])}{cite(event.source)}"
        for event in case.events])
    lines += _list(t(LABELS["remedies"]), [_remedy(lang, remedy, t) + cite(remedy.source)
                                           for remedy in case.remedies])
    lines += _list(t(LABELS["related"]), [
        f"{t(RELATIONS[relation])}: [{escape_markdown(titles.get(other, other))}](#{other})"
        for other, relation in case.related])
    lines += _list(t(LABELS["coverage"]), [
        story_listing(stories[story], lang, f"stories/{story}.md", with_summary=False)[2:]
        for story in case.stories if story in stories])
    return lines


def _list(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {item}" for item in items), ""]


def _remedy(lang: str, remedy: Remedy, t: Callable[..., str]) -> str:
    """ "Damages: RMB 251.100 (Ersatz des wirtschaftlichen Schadens und der Auslagen)"."""
    text = t(REMEDIES[remedy.kind])
    if remedy.amount is not None:
        amount = format_number(remedy.amount, lang)
        text += f": {escape_markdown(remedy.currency or '')} {amount}".rstrip()
    if remedy.text:
        text += f" ({escape_markdown(remedy.text[lang])})"
    return text


def _when(lang: str, event: Event, t: Callable[..., str]) -> str:
    if event.date is not None:
        return escape_markdown(format_partial(event.date, lang))
    if event.reported is not None:
        return f"{t(DATE_UNKNOWN)} ({t(REPORTED_ON, date=format_day(event.reported, lang))})"
    return t(DATE_UNKNOWN)


def format_partial(date: PartialDate, lang: str) -> str:
    """ "14. Mai 2025", "Oktober 2024", "2021": as precise as the source."""
    if date.day and date.month:
        return format_day(dt.date(date.year, date.month, date.day), lang)
    if date.month:
        return format_skeleton("yMMMM", dt.date(date.year, date.month, 1), locale=lang)
    return format_date(dt.date(date.year, 1, 1), "y", locale=lang)
