"""The contacts registry: good entries read with their lines, each bad one left out with an
error naming the file and its line, the others kept."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from pressroom.problems import Severity
from pressroom.stories.contacts import load_contacts, press_contacts

GOOD = """\
- id: press-office
  name: Ada Example
  role: {en: Head of press, de: Pressesprecherin}
  languages: [de, en]
  email: press@example.org
  phone: "+44 20 7946-0123"
  press: true
- id: legal
  name: Ben Example
  role: {en: Legal affairs, de: Rechtsfragen}
  languages: [fr]
  email: legal@example.org
"""


def registry(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    return path


def entry(line_for: str, value: str) -> str:
    """The good first entry with one line replaced (or dropped, for an empty value)."""
    lines = GOOD.splitlines()[:7]
    index = next(i for i, line in enumerate(lines) if line.lstrip(" -").startswith(line_for))
    prefix = "- " if index == 0 else "  "
    lines[index] = f"{prefix}{line_for}: {value}" if value else "  x-dropped: 1"
    return "\n".join(lines) + "\n"


def test_the_registry_reads_every_field_with_its_line(tmp_path):
    contacts, problems = load_contacts(registry(tmp_path, GOOD))
    assert problems == []
    first, second = contacts
    assert (first.id, first.name, first.role["de"], first.languages, first.email) == \
        ("press-office", "Ada Example", "Pressesprecherin", ("de", "en"), "press@example.org")
    assert first.phone == "+44 20 7946-0123" and first.dialled == "+442079460123"
    assert first.press and not first.placeholder and first.line == 1
    assert second.phone is None and second.dialled is None and second.line == 8
    assert press_contacts(contacts) == [first]


def test_the_seeds_contacts_are_example_details_marked_as_placeholders():
    contacts, problems = load_contacts(SEEDS / "contacts.yml")
    assert problems == [] and contacts
    assert all(contact.placeholder and contact.email.endswith("@example.org")
               for contact in contacts)
    # Ofcom's drama range, London: 020 7946 0000 to 0999.
    assert all(contact.dialled is not None and contact.dialled.startswith("+442079460")
               and len(contact.dialled) == 13 for contact in contacts)
    assert press_contacts(contacts)


def bad(tmp_path: Path, first_entry: str, expected: str, line: int = 1) -> None:
    """The first entry is left out with an error at its line (or its value's, for a
    mapping); the second is kept."""
    text = first_entry + GOOD[GOOD.index("- id: legal"):]
    contacts, problems = load_contacts(registry(tmp_path, text))
    assert [contact.id for contact in contacts] == ["legal"]
    (problem,) = problems
    assert problem.severity is Severity.ERROR and problem.line == line, problem
    assert problem.path.name == "contacts.yml"
    assert expected in problem.message and "left out" in problem.message, problem.message


def test_a_missing_key_is_named(tmp_path):
    bad(tmp_path, entry("email", ""), "lacks email")


def test_a_malformed_e_mail_is_an_error(tmp_path):
    for address in ("press.example.org", "press@example", '"Press" <press@example.org>',
                    "press@exa mple.org"):
        bad(tmp_path, entry("email", repr(address)), "is not an address")


def test_a_phone_that_is_not_an_international_number_is_an_error(tmp_path):
    for phone in ('"030 1234567"', '"+0 30 1234567"', '"+49 30 12 34 56 78 90 12 34"',
                  '"+49 (30) call us"'):
        bad(tmp_path, entry("phone", phone), "not an international number")


def test_a_phone_written_as_a_number_asks_for_quotes(tmp_path):
    bad(tmp_path, entry("phone", "+4930123456"), "write the phone in quotes")


def test_an_unknown_language_code_is_an_error(tmp_path):
    bad(tmp_path, entry("languages", "[de, xx]"), "'xx' is not a language code")


def test_a_role_needs_every_language(tmp_path):
    bad(tmp_path, entry("role", "{en: Head of press}"), "'role' needs a text for each", line=3)


def test_press_must_be_true_or_false(tmp_path):
    bad(tmp_path, entry("press", "often"), "'press' must be true or false")


def test_a_second_entry_of_one_id_is_left_out_at_its_line(tmp_path):
    text = GOOD + GOOD.split("- id: legal")[0].replace("Ada", "Eve")
    contacts, (problem,) = load_contacts(registry(tmp_path, text))
    assert [contact.name for contact in contacts] == ["Ada Example", "Ben Example"]
    assert problem.line == 13 and "given twice (also at line 1)" in problem.message


def test_a_missing_registry_is_a_warning_unless_named(tmp_path):
    (_, (unnamed,)) = load_contacts(tmp_path / "none.yml")
    (_, (named,)) = load_contacts(tmp_path / "none.yml", named=True)
    assert unnamed.severity is Severity.WARNING and named.severity is Severity.ERROR


def test_broken_yaml_is_an_error_at_its_line(tmp_path):
    contacts, (problem,) = load_contacts(registry(tmp_path, "- id: a\n  name: [x\n"))
    assert contacts == [] and problem.severity is Severity.ERROR and problem.line
