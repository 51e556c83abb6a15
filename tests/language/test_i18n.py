import datetime as dt
import re
import string

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from pressroom.language.i18n import (
    LOCALES,
    catalog_path,
    format_day,
    format_number,
    language_name,
    translate,
)

PACKAGE = LOCALES.parent


def messages_in_code() -> set[str]:
    found = extract_from_dir(str(PACKAGE), keywords={"N_": None, "NP_": (1, 2)}, comment_tags=())
    return {message if isinstance(message, str) else message[0]
            for _, _, message, _, _ in found}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_template_holds_exactly_the_messages_in_the_code():
    with (LOCALES / "pressroom.pot").open("rb") as pot:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    assert template == messages_in_code()
    assert len(template) >= 6


def test_every_message_has_a_german_translation_with_the_same_placeholders():
    with catalog_path("de").open("rb") as po:
        catalog = read_po(po, locale="de")
    translated = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    assert set(translated) == messages_in_code()
    for key, message in translated.items():
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        german = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(german) and german != english, key
        assert {name for text in german for name in placeholders(text)} == {
            name for text in english for name in placeholders(text)}


def test_messages_come_out_in_the_page_language():
    notice = "This story is only available in {language}. The original follows."
    assert translate("de", notice, language=language_name("en", "de")) == (
        "Dieser Artikel liegt nur auf Englisch vor. Es folgt das Original.")
    assert translate("en", notice, language=language_name("de", "en")) == (
        "This story is only available in German. The original follows.")


def test_dates_and_numbers_follow_the_locale():
    assert format_day(dt.date(2025, 5, 14), "de") == "14. Mai 2025"
    assert format_day(dt.date(2025, 5, 14), "en") == "May 14, 2025"
    assert f"RMB {format_number(251100, 'de')}" == "RMB 251.100"
    assert f"RMB {format_number(251100, 'en')}" == "RMB 251,100"


def test_no_template_of_the_theme_carries_words_of_its_own():
    """Every word a reader sees comes from a catalog: the press room's or the theme's."""
    for template in (PACKAGE / "theme").rglob("*.html"):
        text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}|<[^>]+>", " ", template.read_text(), flags=re.S)
        assert not re.search(r"[A-Za-z]{3,}", text), template
