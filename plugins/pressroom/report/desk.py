"""The editor's report: every source, what was inferred and from where, what was removed.

Written as JSON on every build, and shown as a page in `mkdocs serve`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..addresses import Addresses, LinkTo
from ..inference.anchors import readable
from ..language import LANGUAGES
from ..model import Inferred
from ..pages.html_text import Headings, RenderedBody, escape_attribute, escape_text
from ..problems import Problem
from ..reuse import Reuse
from ..sources.ingest import Ingested, Outcome
from ..stories.grouping import Story


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
    paired: Sequence[dict[str, Any]] = (), reuse: Reuse | None = None,
) -> dict[str, Any]:
    """The report as plain data; ``pages`` gives each published source's page path; each
    source's entry is the last build's where ``reuse`` has it."""

    def shown(path: Path) -> str:
        return _shown(path, root)

    reuse = reuse or Reuse()
    statuses = {outcome.path: report_status(outcome, pages) for outcome in ingested.outcomes}
    pages = pages or {}
    return {
        "sources": [reuse(_source_entry, outcome, root, pages.get(outcome.path),
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


def _shown(path: Path, root: Path | None) -> str:
    return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)


def _source_entry(
    outcome: Outcome, root: Path | None, page: str | None, status: str
) -> dict[str, Any]:
    def shown(path: Path) -> str:
        return _shown(path, root)

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

# What needs an editor first, in that order: each source is flagged with every kind it has.
ATTENTION = {
    "error": "Errors",
    "warning": "Warnings",
    "guessed": "Headline or date guessed by a rule",
    "missing": "Headline or date not found",
    "untranslated": "Missing translations",
    "unknown-tag": "Unknown tags",
}
# The fields whose guess an editor checks before a story goes out.
CHECKED_FIELDS = ("title", "date")
# Items of one kind listed on the page itself; the table below has them all.
ATTENTION_SHOWN = 50
# The desk's script and styles, in the press room's theme.
DESK_ASSETS = "assets/pressroom/report-desk"
# Sources per details file: opening one source loads one small file, not the archive.
DETAILS_CHUNK = 200


def report_folder(report_page: str) -> str:
    """Where the desk's data files lie: beside the page, under its name."""
    return report_page.removesuffix(".md")


def attention_of(entry: dict[str, Any], untranslated: set[str], unknown_tags: set[str]
                 ) -> list[str]:
    """The kinds of attention one source needs (keys of ATTENTION)."""
    severities = {problem["severity"] for problem in entry["problems"]}
    kinds = [kind for kind in ("error", "warning")
             if kind in severities or (kind == "error" and entry["status"] == "error")]
    origins = [entry["fields"][name]["origin"] for name in CHECKED_FIELDS
               if name in entry["fields"]]
    if "rule" in origins:
        kinds.append("guessed")
    if "none" in origins:
        kinds.append("missing")
    if entry["path"] in untranslated:
        kinds.append("untranslated")
    if entry["path"] in unknown_tags:
        kinds.append("unknown-tag")
    return kinds


def desk_rows(data: dict[str, Any], addresses: Addresses) -> list[dict[str, Any]]:
    """One compact row per source for the desk's table (the details stay in their files)."""
    untranslated = {entry["source"] for entry in data["missing_translations"]}
    unknown_tags = {source for entry in data["tag_candidates"] for source in entry["sources"]}
    rows = []
    for entry in data["sources"]:
        fields = entry["fields"]
        rows.append({
            "path": entry["path"], "status": entry["status"],
            "attention": attention_of(entry, untranslated, unknown_tags),
            "problems": len(entry["problems"]),
            "title": fields.get("title", {}).get("value"),
            "date": fields.get("date", {}).get("value"),
            "page": addresses.url(entry["page"]) if entry["page"] else None,
        })
    return rows


def desk_files(data: dict[str, Any], folder: str, addresses: Addresses,
               reuse: Reuse | None = None) -> dict[str, str]:
    """The desk's data: the rows, and every source's details in files of DETAILS_CHUNK (a
    file whose entries are all the last build's, as ``reuse`` has them, is as it was)."""
    reuse = reuse or Reuse()
    files = {f"{folder}/desk.json": _json({"chunk": DETAILS_CHUNK,
                                           "rows": desk_rows(data, addresses)})}
    sources = data["sources"]
    for start in range(0, len(sources), DETAILS_CHUNK):
        files[f"{folder}/sources-{start // DETAILS_CHUNK}.json"] = reuse(
            _entries_json, tuple(sources[start:start + DETAILS_CHUNK]))
    return files


def _entries_json(entries: tuple[dict[str, Any], ...]) -> str:
    return _json(list(entries))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def report_body(data: dict[str, Any], link: LinkTo, folder: str = "editor-report"
                ) -> RenderedBody:
    """The report as the editor's desk, written as HTML: what needs attention first, then a
    table of every source, filtered and paged in the browser from ``desk.json``, each
    source's details loaded when it is opened. The page stays small at any archive size."""
    headings = Headings()
    counts = ", ".join(f"{count} {status}" for status, count in data["summary"].items()
                       if count or status == "published")
    blocks = [headings.add(1, REPORT_TITLE), f"<p>Sources: {escape_text(counts)}.</p>"]
    blocks += _section(headings, "Registries and stories",
                       [_problem_item(problem) for problem in data["site_problems"]])
    blocks += _attention_sections(headings, data)
    blocks += _section(headings, "Tag candidates (not in the taxonomy)", [
        escape_text(f"{entry['tag']}: {', '.join(entry['sources'])}")
        for entry in data["tag_candidates"]])
    blocks += _section(headings, "Paired automatically", [
        escape_text(f"{entry['story']}: {' + '.join(entry['sources'])}, paired automatically: "
                    f"score {entry['score']:.1f} (needs {entry['needed']:.1f}), "
                    f"{', '.join(entry['anchors'])}")
        for entry in data["paired_automatically"]])
    blocks += [headings.add(2, "All sources"), _desk(link, folder)]
    return RenderedBody("\n".join(blocks) + "\n", headings.found)


def _attention_sections(headings: Headings, data: dict[str, Any]) -> list[str]:
    """Each kind of attention with its first sources and what they need (the problems, or
    the guessed fields and their rules), so that the page alone is enough to start."""
    untranslated = {entry["source"]: entry for entry in data["missing_translations"]}
    unknown_tags = {source for entry in data["tag_candidates"] for source in entry["sources"]}
    by_kind: dict[str, list[dict[str, Any]]] = {kind: [] for kind in ATTENTION}
    for entry in data["sources"]:
        for kind in attention_of(entry, set(untranslated), unknown_tags):
            by_kind[kind].append(entry)
    blocks = []
    for kind, entries in by_kind.items():
        items = [_attention_item(kind, entry, untranslated) for entry in entries[:ATTENTION_SHOWN]]
        if len(entries) > ATTENTION_SHOWN:
            items.append(escape_text(f"… and {len(entries) - ATTENTION_SHOWN} more: filter the "
                                     "table of all sources by this kind."))
        heading = f"{ATTENTION[kind]} ({len(entries)})"
        blocks += _section(headings, heading, items)
    return blocks


def _attention_item(kind: str, entry: dict[str, Any], untranslated: dict[str, Any]) -> str:
    if kind in ("error", "warning"):
        details = [_problem_item({**problem, "path": None}) for problem in entry["problems"]
                   if problem["severity"] == kind]
        return escape_text(entry["path"]) + (_list(details) if details else "")
    if kind in ("guessed", "missing"):
        fields = entry["fields"]
        said = [f"{name} {fields[name]['provenance']}" for name in CHECKED_FIELDS
                if name in fields and fields[name]["origin"] == ("rule" if kind == "guessed"
                                                                  else "none")]
        return escape_text(f"{entry['path']}: {'; '.join(said)}")
    if kind == "untranslated":
        missing = untranslated[entry["path"]]
        return escape_text(f"{entry['path']}: story {missing['story']} has no "
                           f"{', '.join(missing['missing'])} version")
    return escape_text(entry["path"])


def _desk(link: LinkTo, folder: str) -> str:
    """The table's frame: its script fills it from the data files (as text, never markup)."""
    options = "".join(f'<option value="{kind}">{escape_text(label)}</option>'
                      for kind, label in ATTENTION.items())
    statuses = "".join(f'<option value="{status}">{escape_text(status)}</option>'
                       for status in STATUSES)
    return (
        f'<link rel="stylesheet" href="{escape_attribute(link(DESK_ASSETS + ".css"))}">\n'
        f'<div class="pressroom-desk" data-desk="{escape_attribute(link(folder + "/desk.json"))}"'
        # The rows' page addresses are from the site's root: the folder's depth above it.
        f' data-root="{"../" * (folder.count("/") + 1)}">\n'
        '<p class="pressroom-desk__filters">'
        '<label>Find <input type="search" name="text" placeholder="file, headline"></label> '
        f'<label>Needs <select name="attention"><option value="">anything</option>{options}'
        '</select></label> '
        f'<label>Status <select name="status"><option value="">any</option>{statuses}'
        '</select></label></p>\n'
        '<p class="pressroom-desk__count" aria-live="polite"></p>\n'
        '<table class="pressroom-desk__table"><thead><tr><th>Source</th><th>Status</th>'
        '<th>Needs</th><th>Headline</th><th>Date</th></tr></thead><tbody></tbody></table>\n'
        '<p class="pressroom-desk__pages"></p>\n'
        "<noscript><p>The table of all sources needs JavaScript; the same report is written "
        "as JSON on every build (report_file).</p></noscript>\n"
        f'</div>\n<script src="{escape_attribute(link(DESK_ASSETS + ".js"))}"></script>'
    )


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
