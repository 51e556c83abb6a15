"""The press room's own words in English and German: gettext catalogs, read with Babel.

Messages are marked with ``N_`` where they are defined and translated where they are shown,
in the language of the page. The catalogs (``locales/<lang>/LC_MESSAGES/pressroom.po``) are
compiled with Babel when a build first needs them, so there is no compiled file to forget.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "pressroom"
# The language messages are written in; it needs no catalog.
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, in the page's language."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form; translated later with the count."""
    return singular, plural


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    path = catalog_path(lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translated(lang: str, message: str) -> str:
    """A message in ``lang`` with its placeholders left in it: for a caller that fills them
    with markup (a link) and escapes the words around them itself."""
    return translations(lang).gettext(message)


def translate(lang: str, message: str, **values: object) -> str:
    return translated(lang, message).format(**values)


def translate_plural(lang: str, message: tuple[str, str], count: int, **values: object) -> str:
    text = translations(lang).ngettext(*message, count)
    return text.format(count=format_number(count, lang), **values)


def language_name(code: str, in_lang: str) -> str:
    """A language's name in the reader's language: "Englisch" for a German reader."""
    name = Locale.parse(code).get_language_name(in_lang) or code
    return name[:1].upper() + name[1:]


@cache  # every listing repeats its stories' dates; Babel takes tens of microseconds each
def format_day(day: dt.date, lang: str) -> str:
    """ "May 14, 2025" / "14. Mai 2025"."""
    return format_date(day, format="long", locale=lang)


def format_number(number: float, lang: str) -> str:
    """ "251,100" / "251.100"."""
    return format_decimal(number, locale=lang)
