"""The editor's report: every source, what was inferred and from where, what was removed.

Written as JSON on every build, and shown as a page in `mkdocs serve`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .editor_keys import LANGUAGES
from .html_text import Headings, LinkTo, RenderedBody, anchor, escape_text
from .inference.anchors import readable
from .ingest import Ingested, Outcome
from .model import Inferred
from .problems import Problem
from .stories import Story


def missing_translation_list(stories: Sequence[Story]) -> list[dict[str, Any]]:
    return [{"story": story.id, "languages": sorted(story.versions),
             "missing": list(story.missing), "source": str(story.original.source)}
            for story in stories if story.missing]


def paired_list(stories: Sequence[Story]) -> list[dict[str, Any]]:
    """The stories whose versions were paired automatically, and the evidence: the score, what
    it had to reach, and the shared names and numbers that weighed most."""
    return [{"story": story.id, "sources": [str(story.versions[lang].source) for lang in LANGUAGES],
             "score": round(story.pairing.score, 2), "needed": story.pairing.needed,
             "anchors": [readable(anchor) for anchor, _ in story.pairing.carried()]}
            for story in stories if story.pairing is not None]


def report_data(
    ingested: Ingested, pages: Mapping[Path, str] | None = None, root: Path | None = None,
    missing: Sequence[dict[str, Any]] = (), site_problems: Sequence[Problem] = (),
    tag_candidates: Mapping[str, Sequence[str]] | None = None,
    paired: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The report as plain data; ``pages`` gives each published source's page path."""

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)

    statuses = {outcome.path: report_status(outcome, pages) for outcome in ingested.outcomes}
    pages = pages or {}
    return {
        "sources": [_source_entry(outcome, shown, pages.get(outcome.path),
                                  statuses[outcome.path])
                    for outcome in ingested.outcomes],
        "site_problems": [
            {"severity": p.severity.value, "path": shown(p.path), "line": p.line,
             "message": p.message} for p in site_problems
        ],
        "tag_candidates": [
            {"tag": tag, "sources": [shown(Path(source)) for source in sources]}
            for tag, sources in sorted((tag_candidates or {}).items())
        ],
        "missing_translations": [
            {**entry, "source": shown(Path(entry["source"]))} for entry in missing
        ],
        "paired_automatically": [
            {**entry, "sources": [shown(Path(source)) for source in entry["sources"]]}
            for entry in paired
        ],
        "summary": {status: count for status in STATUSES
                    if (count := list(statuses.values()).count(status))
                    or status not in OCCASIONAL_STATUSES},
    }


# What became of a source, in the order the report counts them ("attachments": a message
# whose own text is no clipping, read for the clippings attached to it).
STATUSES = ("published", "draft", "embargoed", "not published", "duplicate", "attachments",
            "error")
# Counted only where there are some: only messages have it.
OCCASIONAL_STATUSES = frozenset({"attachments"})


def report_status(outcome: Outcome, pages: Mapping[Path, str] | None) -> str:
    """A source read and described without errors is published only where the edition gave
    it a page: a draft, one under embargo or one whose story could not be placed (a collision
    of addresses, named among the problems) is not, and the report says so."""
    if outcome.status != "published" or pages is None or outcome.path in pages:
        return outcome.status
    article = outcome.article
    if article is not None and article.draft:
        return "draft"
    if article is not None and article.embargo is not None:
        return "embargoed"
    return "not published"


def _source_entry(
    outcome: Outcome, shown: Callable[[Path], str], page: str | None, status: str
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": shown(outcome.path),
        "status": status,
        "page": page,
        "encoding": outcome.source.encoding if outcome.source else None,
        "format": outcome.source.format if outcome.source else None,
        "duplicate_of": shown(outcome.duplicate_of) if outcome.duplicate_of else None,
        "problems": [
            {"severity": problem.severity.value, "line": problem.line, "message": problem.message}
            for problem in outcome.problems
        ],
        "fields": {},
        "removals": [],
    }
    if outcome.article is not None:
        entry["fields"] = {name: _field(value) for name, value in outcome.article.fields().items()}
        entry["removals"] = [asdict(removal) for removal in outcome.article.removals]
    entry["stated"] = _stated(outcome)
    return entry


def _stated(outcome: Outcome) -> list[dict[str, Any]]:
    """What a page's markup, a message's headers or a PDF's running lines stated, where, and
    whether the article took it (a value lower in trust, or after the text's rules, is listed
    and left)."""
    if outcome.source is None:
        return []
    fields = outcome.article.fields() if outcome.article else {}
    key = {"publisher": "publisher"}
    stated = []
    for found in outcome.source.found:
        field = fields.get(key.get(found.field, found.field))
        used = (field is not None and field.provenance.origin == "markup"
                and field.provenance.rule == found.where and field.provenance.line == found.line)
        value = found.value.isoformat() if isinstance(found.value, dt.date) else found.value
        stated.append({"field": found.field, "value": value, "where": found.where,
                       "line": found.line, "used": used})
    return stated


def _field(field: Inferred[Any]) -> dict[str, Any]:
    value = field.value
    if isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, tuple):
        value = list(value)
    return {"value": value, "provenance": str(field.provenance),
            "origin": field.provenance.origin, "rule": field.provenance.rule,
            "line": field.provenance.line}


def write_report(data: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not indented: Python writes indented JSON with its slow encoder (seconds at 10,000
    # stories); tools and the report page read it, people read the page.
    path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


# How the report names the forms a source came in.
FORMAT_NAMES = {"html": "a saved page (its main text extracted)",
                "email": "an e-mail (its article part)", "pdf": "a PDF (its text layer)"}
REPORT_TITLE = "Editor's report"
REPORT_META = {"title": REPORT_TITLE}


def report_body(data: dict[str, Any], link: LinkTo) -> RenderedBody:
    """The report as a page, written as HTML: with thousands of sources it is the largest
    page of the site, rebuilt on every edit in `mkdocs serve`."""
    headings = Headings()
    counts = ", ".join(f"{count} {status}" for status, count in data["summary"].items()
                       if count or status == "published")
    blocks = [headings.add(1, REPORT_TITLE), f"<p>Sources: {escape_text(counts)}.</p>"]
    blocks += _section(headings, "Registries and stories",
                       [_problem_item(problem) for problem in data["site_problems"]])
    blocks += _section(headings, "Tag candidates (not in the taxonomy)", [
        escape_text(f"{entry['tag']}: {', '.join(entry['sources'])}")
        for entry in data["tag_candidates"]])
    blocks += _section(headings, "Missing translations", [
        escape_text(f"{entry['story']}: no {', '.join(entry['missing'])} version "
                    f"({entry['source']})") for entry in data["missing_translations"]])
    blocks += _section(headings, "Paired automatically", [
        escape_text(f"{entry['story']}: {' + '.join(entry['sources'])}, paired automatically: "
                    f"score {entry['score']:.1f} (needs {entry['needed']:.1f}), "
                    f"{', '.join(entry['anchors'])}")
        for entry in data["paired_automatically"]])
    for entry in data["sources"]:
        blocks += _source_section(headings, entry, link)
    return RenderedBody("\n".join(blocks) + "\n", headings.found)


def _section(headings: Headings, heading: str, items: list[str]) -> list[str]:
    """A heading and a list of items (already HTML); nothing when there are no items."""
    return [headings.add(2, heading), _list(items)] if items else []


def _list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def _problem_item(problem: dict[str, Any]) -> str:
    """ "warning: seeds/a.txt (line 3): …" (the path only where the section does not say it)."""
    where = f" {problem['path']}" if problem.get("path") else ""
    line = f" (line {problem['line']})" if problem["line"] else ""
    return escape_text(f"{problem['severity']}:{where}{line}: {problem['message']}")


def _cell(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return escape_text(text) if value not in (None, "", []) else "—"


def _table(header: Sequence[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{escape_text(name)}</th>" for name in header)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>"
                     for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _source_section(headings: Headings, entry: dict[str, Any], link: LinkTo) -> list[str]:
    status = f"Status: <strong>{escape_text(entry['status'])}</strong>"
    if entry.get("format") not in (None, "text"):
        status += f", read as {escape_text(FORMAT_NAMES.get(entry['format'], entry['format']))}"
    if entry["encoding"]:
        status += f", encoding {escape_text(entry['encoding'])}"
    if entry["page"]:
        status += f", page {anchor(link(entry['page']), entry['page'])}"
    blocks = [headings.add(2, entry["path"]), f"<p>{status}</p>"]
    if entry["problems"]:
        blocks.append(_list([_problem_item(problem) for problem in entry["problems"]]))
    if entry["fields"]:
        blocks.append(_table(("field", "value", "from"), [
            [name, field["value"], field["provenance"]]
            for name, field in entry["fields"].items()]))
    if entry.get("stated"):
        blocks.append(_table(("stated", "value", "where", "taken"), [
            [item["field"], item["value"],
             item["where"] + (f" (line {item['line']})" if item["line"] else ""),
             "yes" if item["used"] else "no"] for item in entry["stated"]]))
    if entry["removals"]:
        blocks.append(_table(("line", "rule", "removed", "now reads"), [
            [removal["line"], removal["rule"], removal["text"], removal["replacement"]]
            for removal in entry["removals"]]))
    return blocks
