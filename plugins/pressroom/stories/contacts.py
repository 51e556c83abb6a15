"""The press contacts: who answers journalists' questions, as the editor lists them in a
registry (seeds/contacts.yml), shown on the contacts pages, the front page and under every
story, each with a vCard.

A contact gives its id, name, role per language, the languages it answers in, its e-mail and,
optionally, its phone; ``press: true`` makes it a press contact (front page and stories).
``placeholder: true`` marks example details that stand in until the real ones are known: the
pages mark them as placeholders and the build reports them as the option ``placeholders``
asks, as it does the placeholders of the hand-written pages.

An entry with a missing key, a malformed e-mail, an implausible phone or an unknown language
is left out with an error naming the file and its line; the other contacts are shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale

from ..language import LANGUAGES
from ..problems import Problem
from ..sources.registry_files import Record, RecordError, load_entries, text_per_language

REQUIRED = ("id", "name", "role", "languages", "email")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Plain addresses only: no display names, quotes or brackets, which a mailto: link would carry.
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
# E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# What people write between the digits of a phone number: "+49 30 1234-5678".
_PHONE_SEPARATORS = re.compile(r"[\s\-./()]")
# Babel's English names of languages: the codes a contact may answer in.
_KNOWN_LANGUAGES = frozenset(Locale("en").languages)


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    role: Mapping[str, str] = field(hash=False)
    languages: tuple[str, ...]
    email: str
    phone: str | None = None  # as the editor wrote it
    press: bool = False
    placeholder: bool = False
    line: int = 0

    @property
    def dialled(self) -> str | None:
        """The phone in E.164 form ("+4930123456"), as a tel: link and a vCard give it."""
        return dialled(self.phone) if self.phone is not None else None


def dialled(phone: str) -> str:
    return _PHONE_SEPARATORS.sub("", phone)


def load_contacts(path: Path, named: bool = False) -> tuple[list[Contact], list[Problem]]:
    """The contacts registry; ``named`` when the configuration names it (it must then exist)."""
    return load_entries(path, named, "contacts registry", "the pages show no press contact",
                        "contact", _contact, ": the contact is left out")


def press_contacts(contacts: list[Contact]) -> list[Contact]:
    """The contacts the front page and every story show."""
    return [contact for contact in contacts if contact.press]


def _contact(record: Record) -> Contact:
    missing = [key for key in REQUIRED if record.get(key) in (None, "", [], {})]
    if missing:
        raise RecordError(f"a contact needs {', '.join(REQUIRED)}; this one lacks "
                           f"{', '.join(missing)}", record.line)
    contact_id = str(record["id"])
    if not _ID.match(contact_id):
        raise RecordError(f"contact id {contact_id!r} is not lowercase letters, digits and "
                           "hyphens", record.line)
    return Contact(
        id=contact_id, name=_text(record, "name", contact_id), role=_roles(record, contact_id),
        languages=_languages(record, contact_id), email=_email(record, contact_id),
        phone=_phone(record, contact_id), press=_flag(record, "press", contact_id),
        placeholder=_flag(record, "placeholder", contact_id), line=record.line)


def _line(record: Record, key: str) -> int:
    """The line of a key's value where it is a mapping of its own, else the entry's."""
    return getattr(record.get(key), "line", record.line)


def _text(record: Record, key: str, contact_id: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"contact {contact_id!r}: {key!r} must be a text", record.line)
    return value.strip()


def _roles(record: Record, contact_id: str) -> dict[str, str]:
    value = record["role"]
    if not text_per_language(value):
        raise RecordError(f"contact {contact_id!r}: 'role' needs a text for each of "
                           f"{', '.join(LANGUAGES)}", _line(record, "role"))
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def _languages(record: Record, contact_id: str) -> tuple[str, ...]:
    value = record["languages"]
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise RecordError(f"contact {contact_id!r}: 'languages' must be a list of language "
                           "codes (en, de, fr, …)", record.line)
    unknown = [code for code in value if code not in _KNOWN_LANGUAGES]
    if unknown:
        raise RecordError(f"contact {contact_id!r}: {', '.join(map(repr, unknown))} is not a "
                           "language code (ISO 639: en, de, fr, …)", record.line)
    return tuple(dict.fromkeys(value))


def _email(record: Record, contact_id: str) -> str:
    value = record["email"]
    if not isinstance(value, str) or not _EMAIL.match(value.strip()):
        raise RecordError(f"contact {contact_id!r}: e-mail {value!r} is not an address like "
                           "press@example.org", record.line)
    return value.strip()


def _phone(record: Record, contact_id: str) -> str | None:
    value = record.get("phone")
    if value is None:
        return None
    if not isinstance(value, str):  # YAML reads +4930123456 as a number, without its plus
        raise RecordError(f"contact {contact_id!r}: write the phone in quotes, as text "
                           f"(\"+49 30 1234567\"), not {value!r}", record.line)
    if not _E164.match(dialled(value.strip())):
        raise RecordError(f"contact {contact_id!r}: phone {value!r} is not an international "
                           "number (+, country code, number: \"+49 30 1234567\")", record.line)
    return value.strip()


def _flag(record: Record, key: str, contact_id: str) -> bool:
    value: Any = record.get(key, False)
    if not isinstance(value, bool):
        raise RecordError(f"contact {contact_id!r}: {key!r} must be true or false",
                           record.line)
    return value
