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

from .ingest import Ingested, Outcome
from .model import Inferred
from .problems import Problem
from .rendering import escape_markdown, with_frontmatter
from .stories import Story


def missing_translation_list(stories: Sequence[Story]) -> list[dict[str, Any]]:
    return [{"story": story.id, "languages": sorted(story.versions),
             "missing": list(story.missing), "source": str(story.original.source)}
            for story in stories if story.missing]


def report_data(
    ingested: Ingested, pages: Mapping[Path, str] | None = None, root: Path | None = None,
    missing: Sequence[dict[str, Any]] = (), site_problems: Sequence[Problem] = (),
    tag_candidates: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The report as plain data; ``pages`` gives each published source's page path."""

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)

    pages = pages or {}
    return {
        "sources": [_source_entry(outcome, shown, pages.get(outcome.path))
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
        "summary": {
            status: sum(1 for outcome in ingested.outcomes if outcome.status == status)
            for status in ("published", "duplicate", "error")
        },
    }


def _source_entry(
    outcome: Outcome, shown: Callable[[Path], str], page: str | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": shown(outcome.path),
        "status": outcome.status,
        "page": page,
        "encoding": outcome.source.encoding if outcome.source else None,
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
    return entry


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
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def report_markdown(data: dict[str, Any]) -> str:
    counts = ", ".join(f"{count} {status}" for status, count in data["summary"].items())
    parts = ["# Editor's report", "", f"Sources: {counts}.", ""]
    parts += _section("Registries and stories",
                      [_problem_item(problem) for problem in data["site_problems"]])
    parts += _section("Tag candidates (not in the taxonomy)", [
        f"- {escape_markdown(entry['tag'])}: {escape_markdown(', '.join(entry['sources']))}"
        for entry in data["tag_candidates"]])
    parts += _section("Missing translations", [
        f"- {escape_markdown(entry['story'])}: no {', '.join(entry['missing'])} version "
        f"({escape_markdown(entry['source'])})" for entry in data["missing_translations"]])
    for entry in data["sources"]:
        parts += _source_section(entry)
    return with_frontmatter({"title": "Editor's report", "search": {"exclude": True}},
                            "\n".join(parts) + "\n")


def _section(heading: str, items: list[str]) -> list[str]:
    return [f"## {heading}", "", *items, ""] if items else []


def _problem_item(problem: dict[str, Any]) -> str:
    """ "- warning: seeds/a.txt (line 3): …" (the path only where the section does not say it)."""
    where = f" {escape_markdown(problem['path'])}" if problem.get("path") else ""
    line = f" (line {problem['line']})" if problem["line"] else ""
    return f"- {problem['severity']}:{where}{line}: {escape_markdown(problem['message'])}"


def _cell(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return escape_markdown(text).replace("\n", " ") if value not in (None, "", []) else "—"


def _source_section(entry: dict[str, Any]) -> list[str]:
    status = f"Status: **{entry['status']}**"
    if entry["encoding"]:
        status += f", encoding {entry['encoding']}"
    if entry["page"]:
        status += f", page [{escape_markdown(entry['page'])}]({entry['page']})"
    lines = [f"## {escape_markdown(entry['path'])}", "", status, ""]
    if entry["problems"]:
        lines += [_problem_item(problem) for problem in entry["problems"]]
        lines.append("")
    if entry["fields"]:
        lines += ["| field | value | from |", "| --- | --- | --- |"]
        lines += [f"| {name} | {_cell(field['value'])} | {_cell(field['provenance'])} |"
                  for name, field in entry["fields"].items()]
        lines.append("")
    if entry["removals"]:
        lines += ["| line | rule | removed | now reads |", "| --- | --- | --- | --- |"]
        lines += [f"| {removal['line']} | {removal['rule']} | {_cell(removal['text'])} "
                  f"| {_cell(removal['replacement'])} |" for removal in entry["removals"]]
        lines.append("")
    return lines
