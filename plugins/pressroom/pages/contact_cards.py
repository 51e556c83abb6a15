"""The press contacts as HTML cards: name, role and languages in the page's language, the
e-mail as a mailto: link, the phone as a tel: link (dialled in E.164 form, shown as written),
and the contact's vCard to download.

Shown on each language's contacts page (all contacts, where the editor's page has the marker
``<!-- contacts -->``, else at its end), in the front page's press-contact panel and under
every story (the press contacts). Every text from the registry is escaped; a contact that
holds example details is marked as the legal pages mark a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from ..addresses import LinkTo, vcard
from ..language.i18n import N_, language_name, translate
from ..outputs.vcards import VCARD_TYPE
from ..problems import Problem
from ..stories.contacts import Contact, dialled
from .html_text import anchor, escape_attribute, escape_text
from .legal_pages import SHOWN, placeholder_problem

MARKER = re.compile(r"<!--\s*contacts\s*-->")
# The heading over the press contacts on the front page and under every story.
PRESS_CONTACT = N_("Press contact")
# Translators: what a placeholder contact stands for until the press office's are known.
EXAMPLE_DETAILS = N_("example contact details")
LANGUAGES_LABEL = N_("Languages")
EMAIL_LABEL = N_("E-mail")
PHONE_LABEL = N_("Phone")
DOWNLOAD_VCARD = N_("Download contact card (vCard)")


def contact_card(contact: Contact, lang: str, link: LinkTo) -> str:
    """One contact, for a reader of ``lang``."""
    def label(message: str) -> str:
        return escape_text(translate(lang, message))

    parts = []
    if contact.placeholder:
        shown = translate(lang, SHOWN, what=translate(lang, EXAMPLE_DETAILS))
        parts.append(f'<p><mark class="pressroom-placeholder">{escape_text(shown)}</mark></p>')
    names = ", ".join(language_name(code, lang) for code in contact.languages)
    parts += [f'<p class="pressroom-contact__name"><strong>{escape_text(contact.name)}'
              "</strong></p>",
              f'<p class="pressroom-contact__role">{escape_text(contact.role[lang])}</p>',
              f"<p>{label(LANGUAGES_LABEL)}: {escape_text(names)}</p>",
              f"<p>{label(EMAIL_LABEL)}: {anchor(mailto(contact.email), contact.email)}</p>"]
    if contact.phone is not None:
        parts.append(f"<p>{label(PHONE_LABEL)}: "
                     f"{anchor('tel:' + dialled(contact.phone), contact.phone)}</p>")
    card = anchor(link(vcard(lang, contact.id).path), translate(lang, DOWNLOAD_VCARD),
                  f' type="{VCARD_TYPE}" download')
    parts.append(f'<p class="pressroom-contact__vcard">{card}</p>')
    return (f'<address class="pressroom-contact" id="contact-{escape_attribute(contact.id)}">\n'
            + "\n".join(parts) + "\n</address>")


def mailto(email: str) -> str:
    """A mailto: link to the address (validated when read, quoted all the same)."""
    return "mailto:" + quote(email, safe="@.+-_")


def contact_cards(contacts: Sequence[Contact], lang: str, link: LinkTo) -> str:
    return ('<div class="pressroom-contacts">\n'
            + "\n".join(contact_card(contact, lang, link) for contact in contacts) + "\n</div>")


def with_contact_cards(markdown: str, cards: str) -> str:
    """The editors' contacts page with the cards where its marker is (the first), or at its
    end."""
    block = f"\n\n{cards}\n\n"
    if MARKER.search(markdown):
        return MARKER.sub(lambda _: block, markdown, count=1)
    return f"{markdown.rstrip()}{block}"


def contact_placeholder_problems(contacts: Sequence[Contact], path: Path,
                                 policy: str) -> list[Problem]:
    """Each contact that holds example details, as the option ``placeholders`` asks."""
    return [placeholder_problem(path, f"contact {contact.id!r} holds example details",
                                policy, contact.line)
            for contact in contacts if contact.placeholder]
