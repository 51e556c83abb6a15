"""Editions made in process for the unit tests of the later stages: invented sources and
registries written into a scratch project, then read, ingested and prepared as the build
does it (build.py's _ingest_seeds and _prepare_edition), with no engine and no process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from pressroom.problems import Severity
from pressroom.sources.ingest import Ingested, ingest
from pressroom.stories.case_documents import document_paths
from pressroom.stories.cases import load_cases
from pressroom.stories.edition import Edition, prepare_edition
from pressroom.stories.taxonomy import Taxonomy, load_taxonomy

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def made_edition(folder: Path, sources: Mapping[str, str], *, taxonomy: str | None = None,
                 cases: str | None = None, press_room: str | Mapping[str, str],
                 ) -> tuple[Ingested, Edition]:
    """The sources (name -> text, below seeds/) and the registries' YAML, if given, which
    must read without a problem: a test of what comes after is only worth its data."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in sources.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    tags, loaded = Taxonomy(), []
    if taxonomy is not None:
        (folder / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
        tags, problems = load_taxonomy(folder / "taxonomy.yml")
        assert problems == []
    if cases is not None:
        (folder / "cases.yml").write_text(cases, encoding="utf-8")
        loaded, problems = load_cases(folder / "cases.yml")
        assert problems == []
    ingested = ingest(seeds, skip=document_paths(loaded, seeds))
    edition = prepare_edition(
        ingested, tags, loaded, now=NOW, preview=False, require_translations=False,
        seeds=seeds, cases_file=folder / "cases.yml", press_room=press_room)
    return ingested, edition


def errors_of(edition: Edition) -> list[str]:
    return [str(problem) for problem in edition.problems if problem.severity is Severity.ERROR]
