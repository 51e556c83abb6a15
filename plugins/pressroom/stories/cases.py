"""The case registry: one record per legal matter, every fact with the sentence it rests on.

Facts on a legal page are a liability, so a record is checked against the sources when the
site is built: a quote that its source line does not say, a story or case that does not
exist, a value outside the vocabulary, each is an error naming the registry file and line.

Every statement also says how its source states it (its basis): reported, announced or
alleged by someone, suspected, or found by a court at an instance. A claim a party announces
is not a court's finding, and the pages word each accordingly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..language import LANGUAGES
from ..language.i18n import N_
from ..problems import Problem, error
from ..sources.registry_files import Record, RecordError, load_entries, text_per_language

# The vocabularies, with the label each value shows (translated in the reader's language).
KINDS = {
    # Translators: proceedings over defamatory content whose civil or criminal nature the
    # source does not give (de: "Gerichtsverfahren wegen Rufschädigung"; "Verleumdung" is the
    # criminal offence of § 187 StGB and is not used for defamatory content in general).
    "defamation-suit": N_("Defamation suit"),
    "civil-defamation-suit": N_("Civil defamation suit"),
    "criminal-investigation": N_("Criminal investigation"),
    # What the sources call criminal without naming an investigation or a charge.
    "criminal-matter": N_("Criminal matter"),
    # Translators: interim relief in civil proceedings (de: "Einstweiliger Rechtsschutz";
    # "einstweilige Anordnung" belongs to family, administrative and constitutional law).
    "injunction": N_("Injunction"),
    # A suit the other side brings separately, in another court: not a counterclaim in the
    # same proceedings.
    # Translators: never "Gegenklage" or "Widerklage", which are counterclaims in the same
    # proceedings (de: "Klage der Gegenseite (gesondertes Verfahren)").
    "counter-suit": N_("Separate suit by the other side"),
    # Translators: an appeal of unknown kind (de: "Rechtsmittelverfahren"; "Berufung" is an
    # appeal against a judgment, "Beschwerde" one against a ruling).
    "appeal": N_("Appeal"),
    "lawsuits": N_("Lawsuits"),
    "legal-action": N_("Legal action"),
}
STATUSES = {
    "pending": N_("Pending"),
    "ongoing": N_("Ongoing"),
    "decided": N_("Decided"),
    "decided-first-instance": N_("Decided at first instance"),
    "dismissed": N_("Dismissed"),
    "dismissed-first-instance": N_("Dismissed at first instance"),
    "concluded": N_("Concluded"),
}
ROLES = {
    # Translators: neutral as to gender and number, since parties are often companies
    # (de: "Klagende Partei", "Beklagte Partei").
    "plaintiff": N_("Plaintiff"),
    "defendant": N_("Defendant"),
    "complainant": N_("Complainant"),
    # Translators: a suspicion only (de: "Tatverdächtige"; "Beschuldigte" is a formal
    # procedural status no source reports).
    "suspect": N_("Suspect"),
    "claimant": N_("Claimant"),
    # Translators: the other side of an application (de: "Antragsgegner").
    "respondent": N_("Respondent"),
    "issuer": N_("Issuer"),
    "target": N_("Target of the campaign"),
    "originator": N_("Behind the campaign"),
    # Where a source tells who acted against whom but not in what procedural role.
    "acting": N_("Took legal action"),
    "opposing": N_("Opposing party"),
    "party": N_("Party"),
}
REMEDIES = {
    "apology": N_("Apology"),
    "deletion": N_("Deletion of the content"),
    "damages": N_("Damages"),
    # Translators: a sum a court ordered paid, when the source does not say what it covers.
    "payment": N_("Payment"),
    "injunction": N_("Injunction"),
}
# How a source states a fact. "announced" and "alleged" name who says so ("by"), "found" the
# instance of the court that found it.
BASES = ("reported", "announced", "alleged", "suspected", "found")
INSTANCES = {
    "first": N_("first instance"),
    "appeal": N_("on appeal"),
}
RELATIONS = {
    "counter-suit": N_("Separate suit by the other side"),
    # Translators: the proceedings a separate suit of the other side answers
    # (de: "Ausgangsverfahren").
    "counter-suit-to": N_("Original proceedings"),
    "appeal": N_("Appeal"),
    "appeal-of": N_("Appeal of"),
}
EVENT_KINDS = ("filed", "objection", "injunction", "ruling", "appeal", "announcement",
               "campaign", "resolution", "hearing")
# What a case's document is, with the label it shows.
DOCUMENT_KINDS = {
    "ruling": N_("Ruling"),
    "complaint": N_("Complaint"),
    # Translators: a court's own press release (de: "Pressemitteilung des Gerichts").
    "court-press-release": N_("Court press release"),
    "filing": N_("Filing"),
}
# The forms a document is published in: a PDF, or plain text; never a page of HTML, which
# could carry scripts onto the site.
DOCUMENT_TYPES = {".pdf": "application/pdf", ".txt": "text/plain"}
# A language tag (BCP 47's common forms): a ruling may be in a language the site is not.
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: a year, a month, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class SourceRef:
    """The sentence a fact rests on: a quote of a line of a source file. ``versions`` are the
    same sentence in other languages' versions of the story, by language."""

    file: str
    line: int
    quote: str
    versions: tuple[tuple[str, SourceRef], ...] = ()
    at: int = 0  # the registry's line that cites it, for errors about it

    def in_language(self, lang: str) -> SourceRef | None:
        return dict(self.versions).get(lang)


@dataclass(frozen=True)
class Basis:
    """How the source states a fact: reported, announced or alleged by someone, suspected,
    or found by a court at an instance."""

    kind: str
    by: Mapping[str, str] | None = field(default=None, hash=False)
    instance: str | None = None


@dataclass(frozen=True)
class Statement:
    text: Mapping[str, str] = field(hash=False)
    basis: Basis


@dataclass(frozen=True)
class Party:
    name: Mapping[str, str] = field(hash=False)
    role: str
    source: SourceRef
    counsel: str | None = None
    # Whose account gives the party its role, where a party says so of another.
    basis: Basis | None = None


@dataclass(frozen=True)
class StatusAsOf:
    """A status some party stated, on a day where the source gives it ("awaiting court
    hearings"): it holds as of that day, by that account, and what came later is not
    reported."""

    date: PartialDate | None
    basis: Basis


@dataclass(frozen=True)
class Remedy:
    kind: str
    source: SourceRef
    basis: Basis
    amount: int | None = None
    currency: str | None = None
    text: Mapping[str, str] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Event:
    """A step of the case. ``date`` is the step's own date, ``announced`` the day a party
    announced it and ``reported`` the day a source reported it, each only as the sources
    give it: an announcement's date is not a ruling's."""

    kind: str
    text: Mapping[str, str] = field(hash=False)
    source: SourceRef
    basis: Basis
    date: PartialDate | None = None
    announced: PartialDate | None = None
    reported: dt.date | None = None
    line: int = 0
    # What the sources say about the date where they do not give it plainly ("the year
    # from the article's context", "the source dates the victory, not the ruling").
    date_note: Mapping[str, str] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class CaseDocument:
    """A document of the case (a ruling, a complaint, a court's press release): a file in
    the seeds folder, published under the case; ``line`` is the registry's line naming it."""

    file: str
    kind: str
    title: Mapping[str, str] = field(hash=False)
    language: str
    date: PartialDate | None = None
    line: int = 0

    @property
    def name(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    @property
    def media_type(self) -> str:
        return DOCUMENT_TYPES[Path(self.file).suffix.lower()]


@dataclass(frozen=True)
class Case:
    id: str
    title: Mapping[str, str] = field(hash=False)
    line: int = 0
    context: bool = False
    kind: str | None = None
    jurisdiction: str | None = None
    court: Mapping[str, str] | None = field(default=None, hash=False)
    docket: str | None = None
    parties: tuple[Party, ...] = ()
    status: str | None = None
    status_as_of: StatusAsOf | None = None
    final: bool | None = None
    outcome: Statement | None = None
    remedies: tuple[Remedy, ...] = ()
    events: tuple[Event, ...] = ()
    related: tuple[tuple[str, str], ...] = ()
    stories: tuple[str, ...] = ()
    sources: Mapping[str, SourceRef] = field(default_factory=dict, hash=False)
    # The day the record was last checked against its sources, as the editor states it.
    updated: dt.date | None = None
    documents: tuple[CaseDocument, ...] = ()

    @property
    def last_event(self) -> Event | None:
        return self.events[-1] if self.events else None

    def final_for(self, basis: Basis) -> bool | None:
        """What the record's finality says of one court statement. A final decision is that
        of the case's last instance: where a court found at first instance and another on
        appeal, only the appeal's finding is final (the first was appealed), and a finding
        whose instance is not stated is not called final either."""
        if not self.final or basis.kind != "found":
            return self.final
        instances = {court.instance for court in self._court_bases()}
        return len(instances) == 1 or basis.instance == "appeal"

    def _court_bases(self) -> list[Basis]:
        bases = [*(event.basis for event in self.events),
                 *(remedy.basis for remedy in self.remedies),
                 *(party.basis for party in self.parties if party.basis is not None),
                 *(statement.basis for statement in (self.outcome, self.status_as_of)
                   if statement is not None)]
        return [basis for basis in bases if basis.kind == "found"]

    def references(self) -> list[SourceRef]:
        """Every source reference in the record and their other languages' versions, for
        checking against the sources."""
        refs = [*self.sources.values(), *(p.source for p in self.parties),
                *(r.source for r in self.remedies), *(e.source for e in self.events)]
        return [*refs, *(version for ref in refs for _, version in ref.versions)]


def load_cases(path: Path, named: bool = False) -> tuple[list[Case], list[Problem]]:
    """The case registry; ``named`` when the configuration names it (it must then exist)."""
    return load_entries(path, named, "case registry", "the case summary lists no cases",
                        "case", _case)


def _case(record: Record) -> Case:
    case_id = _required(record, "id")
    context = bool(record.get("context"))
    # The timeline stands in the order the registry gives, which is the order of the sources:
    # an undated step stays where its source puts it between dated ones.
    events = tuple(_event(item, case_id) for item in _entries(record, "events", case_id))
    _check_order(events, case_id)
    return Case(
        id=case_id,
        title=_texts(record, "title", case_id),
        line=record.line,
        context=context,
        kind=None if context else _choice(record, "kind", KINDS, case_id),
        jurisdiction=_text(record, "jurisdiction", case_id),
        court=_texts(record, "court", case_id, optional=True),
        docket=_text(record, "docket", case_id),
        parties=tuple(_party(item, case_id) for item in _entries(record, "parties", case_id)),
        status=None if context or record.get("status") is None
        else _choice(record, "status", STATUSES, case_id),
        status_as_of=_status_as_of(record, case_id),
        final=_final(record, case_id),
        outcome=_statement(record, "outcome", case_id),
        remedies=tuple(_remedy(item, case_id)
                       for item in _entries(record, "remedies", case_id)),
        events=events,
        related=tuple((_required(item, "case"), _choice(item, "relation", RELATIONS, case_id))
                      for item in _entries(record, "related", case_id)),
        stories=_story_ids(record, case_id),
        sources={key.removesuffix("_source"): _source(value, record, case_id)
                 for key, value in record.items()
                 if isinstance(key, str) and key.endswith("_source")},
        updated=_day(record.get("updated"), record, case_id, "updated"),
        documents=_documents(record, case_id),
    )


def _documents(record: Record, case_id: str) -> tuple[CaseDocument, ...]:
    documents = tuple(_document(item, case_id) for item in _entries(record, "documents", case_id))
    names: dict[str, int] = {}
    for document in documents:
        if document.name in names:
            raise RecordError(f"case {case_id!r}: two documents are named {document.name!r} "
                              f"(also at line {names[document.name]}): rename one",
                              document.line)
        names[document.name] = document.line
    return documents


def _document(item: Record, case_id: str) -> CaseDocument:
    """A document's entry: a file of the seeds folder, named as from there."""
    file = item.get("file")
    where = f"case {case_id!r}: document {file!r}"
    if not isinstance(file, str) or not file.strip():
        raise RecordError(f"case {case_id!r}: a document needs its 'file' (in the seeds "
                          "folder)", item.line)
    parts = file.split("/")
    if file.startswith("/") or "\\" in file or any(part in ("", ".", "..") or
                                                      part.startswith(".") for part in parts):
        raise RecordError(f"{where} is not a file of the seeds folder: name it as from there "
                          "(documents/ruling.pdf), without '..', a leading '/' or hidden "
                          "folders", item.line)
    if Path(file).suffix.lower() not in DOCUMENT_TYPES:
        raise RecordError(f"{where}: documents are published as PDF or plain text "
                          f"({', '.join(DOCUMENT_TYPES)}); a page of HTML could carry scripts",
                          item.line)
    language = item.get("language")
    if not isinstance(language, str) or not _LANGUAGE_TAG.match(language):
        raise RecordError(f"{where}: 'language' {language!r} is not a language tag (de, en, "
                          "zh, pt-BR)", item.line)
    return CaseDocument(file, _choice(item, "kind", DOCUMENT_KINDS, case_id),
                        _texts(item, "title", case_id), language,
                        _partial_date(item.get("date"), item, case_id), item.line)


def _required(record: Record, key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"{key!r} is missing", record.line)
    return value.strip()


def _entries(record: Record, key: str, case_id: str) -> list[Record]:
    """A list of mappings (parties, events, ...); empty when the key is."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, Record) for item in value):
        raise RecordError(f"case {case_id!r}: {key!r} must be a list of entries", record.line)
    return value


def _text(record: Record, key: str, case_id: str) -> str | None:
    """One plain text (a number is read as one: a docket may be written 123); or none."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"case {case_id!r}: {key!r} must be a text", record.line)
    return str(value)


def _story_ids(record: Record, case_id: str) -> tuple[str, ...]:
    stories = record.get("stories") or []
    if not isinstance(stories, list) or not all(isinstance(story, str) for story in stories):
        raise RecordError(f"case {case_id!r}: 'stories' must be a list of story ids",
                          record.line)
    return tuple(stories)


def _choice(record: Record, key: str, vocabulary: Mapping[str, str], case_id: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or value not in vocabulary:
        raise RecordError(f"case {case_id!r}: {key} {value!r} is not one of "
                          f"{', '.join(vocabulary)}", record.line)
    return str(value)


def _texts(record: Record, key: str, case_id: str, optional: bool = False) -> Any:
    value = record.get(key)
    if value is None and optional:
        return None
    if not text_per_language(value):
        raise RecordError(f"case {case_id!r}: {key!r} needs a text in each of "
                          f"{', '.join(LANGUAGES)}", getattr(value, "line", record.line))
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def _final(record: Record, case_id: str) -> bool | None:
    value = record.get("final")
    if value is not None and not isinstance(value, bool):
        raise RecordError(f"case {case_id!r}: final must be true, false or empty", record.line)
    return value


def _source(value: Any, record: Record, case_id: str) -> SourceRef:
    if not isinstance(value, dict) or not all(value.get(key) for key in ("file", "line", "quote")):
        raise RecordError(f"case {case_id!r}: a source needs file, line and quote",
                          getattr(value, "line", record.line))
    if not isinstance(value["line"], int) or isinstance(value["line"], bool):
        raise RecordError(f"case {case_id!r}: a source's line must be a number",
                          getattr(value, "line", record.line))
    # The same sentence in another language's version: {file, line, quote} under "de" or "en".
    versions = tuple((lang, _source(value[lang], record, case_id))
                     for lang in LANGUAGES if lang in value)
    return SourceRef(str(value["file"]), value["line"], str(value["quote"]), versions,
                     getattr(value, "line", record.line))


def _names(item: Record, key: str, case_id: str) -> Mapping[str, str]:
    """A name as each language writes it: one text for a proper name ("Xiaomi"), a text per
    language for a description ("A user", "Ein Nutzer")."""
    value = item.get(key)
    if isinstance(value, str) and value.strip():
        return {lang: value.strip() for lang in LANGUAGES}
    return _texts(item, key, case_id)


def _basis(item: Record, case_id: str) -> Basis:
    kind = item.get("basis")
    if not isinstance(kind, str) or kind not in BASES:
        raise RecordError(f"case {case_id!r}: 'basis' {kind!r} is not one of "
                          f"{', '.join(BASES)} (how the source states it)", item.line)
    by = _names(item, "by", case_id) if kind in ("announced", "alleged") else None
    instance = _choice(item, "instance", INSTANCES, case_id) if kind == "found" else None
    return Basis(str(kind), by, instance)


def _statement(record: Record, key: str, case_id: str) -> Statement | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, Record):
        raise RecordError(f"case {case_id!r}: {key!r} needs a text per language and its "
                          "basis", record.line)
    return Statement(_texts(record, key, case_id), _basis(value, case_id))


def _party(item: Record, case_id: str) -> Party:
    basis = _basis(item, case_id) if "basis" in item else None
    return Party(_names(item, "name", case_id), _choice(item, "role", ROLES, case_id),
                 _source(item.get("source"), item, case_id), _text(item, "counsel", case_id),
                 basis)


def _status_as_of(record: Record, case_id: str) -> StatusAsOf | None:
    value = record.get("status_as_of")
    if value is None:
        return None
    if not isinstance(value, Record):
        raise RecordError(f"case {case_id!r}: 'status_as_of' needs its basis",
                          record.line)
    return StatusAsOf(_partial_date(value.get("date"), value, case_id), _basis(value, case_id))


def _remedy(item: Record, case_id: str) -> Remedy:
    amount = item.get("amount")
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int | float)):
        raise RecordError(f"case {case_id!r}: amount must be a number", item.line)
    return Remedy(_choice(item, "kind", REMEDIES, case_id),
                  _source(item.get("source"), item, case_id), _basis(item, case_id),
                  amount, _text(item, "currency", case_id),
                  _texts(item, "text", case_id, optional=True))


def _event(item: Record, case_id: str) -> Event:
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in EVENT_KINDS:
        raise RecordError(f"case {case_id!r}: event kind {kind!r} is not one of "
                          f"{', '.join(EVENT_KINDS)}", item.line)
    return Event(str(kind), _texts(item, "text", case_id),
                 _source(item.get("source"), item, case_id), _basis(item, case_id),
                 date=_partial_date(item.get("date"), item, case_id),
                 announced=_partial_date(item.get("announced"), item, case_id),
                 reported=_day(item.get("reported"), item, case_id, "reported"),
                 line=item.line, date_note=_texts(item, "date_note", case_id, optional=True))


def _check_order(events: Sequence[Event], case_id: str) -> None:
    """Dated steps in the registry's order must be in time order: the order is the timeline."""
    dated = [(event.date, event.line) for event in events if event.date is not None]
    for (earlier, _), (later, line) in pairwise(dated):
        if _start(later) < _start(earlier):
            raise RecordError(f"case {case_id!r}: the events stand in the order of the "
                              f"timeline, and {later.iso()} comes before {earlier.iso()}", line)


def _start(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _partial_date(value: Any, item: Record, case_id: str) -> PartialDate | None:
    if value is None:
        return None
    match = _DATE.match(str(value))
    if not match:
        raise RecordError(f"case {case_id!r}: date {value!r} is not YYYY, YYYY-MM or "
                          "YYYY-MM-DD", item.line)
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise RecordError(f"case {case_id!r}: date {value!r} does not exist", item.line) from exc
    return PartialDate(year, month, day)


def _day(value: Any, item: Record, case_id: str, key: str) -> dt.date | None:
    date = _partial_date(value, item, case_id)
    if date is None:
        return None
    if date.day is None:
        raise RecordError(f"case {case_id!r}: {key!r} must be a full date", item.line)
    return dt.date(date.year, date.month or 1, date.day)


def check_cases(
    cases: Sequence[Case], path: Path, story_ids: set[str],
    source_lines: Mapping[str, Mapping[int, str]],
) -> list[Problem]:
    """Every story and case a record names exists; every quote stands on its source line."""
    problems = []
    ids = {case.id for case in cases}
    for case in cases:
        problems += [error(path, f"case {case.id!r} names story {story!r}, which does not exist",
                           case.line) for story in case.stories if story not in story_ids]
        problems += [error(path, f"case {case.id!r} is related to {other!r}, which is not in "
                                 "the registry", case.line)
                     for other, _ in case.related if other not in ids]
        for ref in case.references():
            line = source_lines.get(ref.file, {}).get(ref.line)
            if line is None:
                problems.append(error(path, f"case {case.id!r} cites {ref.file} line {ref.line}, "
                                            "which is not a line of a published source",
                                      ref.at or case.line))
            elif _plain(ref.quote) not in _plain(line):
                problems.append(error(path, f"case {case.id!r}: {ref.file} line {ref.line} does "
                                            f"not say {ref.quote!r}", ref.at or case.line))
    return problems


def _plain(text: str) -> str:
    return " ".join(text.split())
