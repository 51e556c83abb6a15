"""A vCard (3.0, written with vobject) per contact and language, beside the contacts page.

One per language, since the role is the editor's per language and an address book keeps one
title per card: a German journalist saves "Pressesprecherin", an English one "Head of press".
The same contact has the same UID in every language, so that an address book that has both
sees one person. Reproducible: no revision date, the fields in vobject's fixed order.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import vobject

from ..addresses import vcard
from ..language import LANGUAGES
from ..language.i18n import N_, language_name, translate
from ..stories.contacts import Contact

VCARD_TYPE = "text/vcard"
# Translators: a contact card's note: the languages the contact answers questions in.
ANSWERS_IN = N_("Answers questions in: {languages}")
# The namespace of the contacts' UIDs: one contact id, one UID, on every build.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "pressroom:contacts")


def vcard_text(contact: Contact, lang: str) -> str:
    """The contact's card with its role in ``lang``."""
    card = vobject.vCard()
    card.add("uid").value = f"urn:uuid:{uuid.uuid5(_NAMESPACE, contact.id)}"
    card.add("fn").value = contact.name
    # vCard 3.0 requires N; the name is not split, since which part is the family name is
    # not for the press room to guess.
    card.add("n").value = vobject.vcard.Name(family=contact.name)
    card.add("title").value = contact.role[lang]
    email = card.add("email")
    email.value = contact.email
    email.type_param = "INTERNET"
    if contact.dialled is not None:
        phone = card.add("tel")
        phone.value = contact.dialled
        phone.type_param = ["WORK", "VOICE"]
    names = ", ".join(language_name(code, lang) for code in contact.languages)
    card.add("note").value = translate(lang, ANSWERS_IN, languages=names)
    return card.serialize()


def vcard_files(contacts: Sequence[Contact]) -> dict[str, str]:
    """Every contact's card in every language, by docs path, in the registry's order."""
    return {vcard(lang, contact.id).path: vcard_text(contact, lang)
            for contact in contacts for lang in LANGUAGES}
