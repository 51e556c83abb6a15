"""The contacts' vCards: what is written parses with vobject and names the contact, its role
in the card's language, its e-mail and phone; the same contact gives the same bytes."""

from __future__ import annotations

import vobject

from pressroom.outputs.vcards import vcard_files, vcard_text
from pressroom.stories.contacts import Contact

CONTACT = Contact(id="press-office", name="Ada Example; Jr., <b>",
                  role={"en": "Head of press", "de": "Pressesprecherin"},
                  languages=("de", "en"), email="press@example.org",
                  phone="+44 20 7946 0123", press=True)


def test_a_vcard_parses_and_carries_every_field():
    card = vobject.readOne(vcard_text(CONTACT, "de"))
    assert card.version.value == "3.0"
    assert card.fn.value == "Ada Example; Jr., <b>"  # escaped in the file, whole when read
    assert card.title.value == "Pressesprecherin"
    assert card.email.value == "press@example.org"
    assert card.tel.value == "+442079460123"
    assert card.note.value == "Beantwortet Fragen auf: Deutsch, Englisch"
    assert card.uid.value.startswith("urn:uuid:")
    assert "rev" not in card.contents  # no timestamp: the same registry, the same bytes


def test_each_language_has_its_role_and_one_uid():
    english, german = (vobject.readOne(vcard_text(CONTACT, lang)) for lang in ("en", "de"))
    assert english.title.value == "Head of press"
    assert english.note.value == "Answers questions in: German, English"
    assert english.uid.value == german.uid.value


def test_a_contact_without_phone_has_no_tel_and_the_files_are_stable():
    quiet = Contact(id="legal", name="Ben", role={"en": "Legal", "de": "Recht"},
                    languages=("en",), email="legal@example.org")
    assert "tel" not in vobject.readOne(vcard_text(quiet, "en")).contents
    files = vcard_files([CONTACT, quiet])
    assert list(files) == ["en/contacts/press-office.vcf", "de/contacts/press-office.vcf",
                           "en/contacts/legal.vcf", "de/contacts/legal.vcf"]
    assert files == vcard_files([CONTACT, quiet])
