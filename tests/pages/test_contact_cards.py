"""The contact cards: every text escaped, mailto: and tel: links, the vCard of the page's
language, placeholders marked, and the cards where the contacts page's marker is."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import make_article
from pressroom.pages.contact_cards import (
    contact_card,
    contact_placeholder_problems,
    with_contact_cards,
)
from pressroom.pages.front_page import Desk, front_page_body
from pressroom.pages.site_frame import brand
from pressroom.pages.story_html import StoryExtras, story_body
from pressroom.problems import Severity
from pressroom.stories.contacts import Contact

HOSTILE = Contact(id="press-office", name='<script>alert("x")</script> & Co',
                  role={"en": "Head <b>of</b> press", "de": "Presse <img src=x onerror=1>"},
                  languages=("de", "fr"), email="press+desk@example.org",
                  phone="+44 20 7946-0123", press=True)


def link(path: str) -> str:
    return f"/site/{path}"


def test_names_and_roles_are_escaped():
    html = contact_card(HOSTILE, "de", link)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co" in html
    assert "Presse &lt;img src=x onerror=1&gt;" in html


def test_e_mail_and_phone_are_links_and_the_vcard_is_the_pages_language():
    html = contact_card(HOSTILE, "de", link)
    assert '<a href="mailto:press+desk@example.org">press+desk@example.org</a>' in html
    assert '<a href="tel:+442079460123">+44 20 7946-0123</a>' in html
    assert re.search(r'<a type="text/vcard" download href="/site/de/contacts/press-office\.vcf">'
                     r"Kontaktkarte herunterladen \(vCard\)</a>", html)
    assert "Sprachen: Deutsch, Französisch" in html and "Telefon:" in html
    english = contact_card(HOSTILE, "en", link)
    assert "Languages: German, French" in english and "Download contact card (vCard)" in english
    assert "Head &lt;b&gt;of&lt;/b&gt; press" in english


def test_a_placeholder_contact_is_marked_and_reported_as_the_policy_asks():
    example = Contact(**{**HOSTILE.__dict__, "placeholder": True, "line": 7})
    assert '<mark class="pressroom-placeholder">Platzhalter: Beispiel-Kontaktdaten</mark>' \
        in contact_card(example, "de", link)
    assert "pressroom-placeholder" not in contact_card(HOSTILE, "de", link)
    path = Path("seeds/contacts.yml")
    (problem,) = contact_placeholder_problems([example, HOSTILE], path, "error")
    assert problem.severity is Severity.ERROR and problem.line == 7 and problem.path == path
    assert "placeholders still to be filled in" in problem.message
    (warned,) = contact_placeholder_problems([example], path, "warn")
    assert warned.severity is Severity.WARNING


def test_the_cards_go_where_the_marker_is_else_at_the_end():
    assert with_contact_cards("# Contacts\n\n<!-- contacts -->\n\nAfter.", "CARDS") == \
        "# Contacts\n\n\n\nCARDS\n\n\n\nAfter."
    assert with_contact_cards("# Contacts\n", "CARDS").endswith("# Contacts\n\nCARDS\n\n")


def test_a_story_shows_its_press_contact_after_the_boilerplate():
    article = make_article("de", "Erster Absatz des Artikels.")
    extras = StoryExtras(boilerplate_html="<p>Über das Unternehmen.</p>", contacts=[HOSTILE])
    html = story_body(article, "de", "", extras, link).html
    about, contact = html.index("Über das Unternehmen."), html.index("pressroom-contact")
    label = html.index("<strong>Pressekontakt</strong>")
    assert html.index("Erster Absatz") < about < label < contact
    assert 'href="tel:+442079460123"' in html and 'href="mailto:press+desk@example.org"' in html
    without = story_body(article, "de", "", StoryExtras(), link).html
    assert "pressroom-contact" not in without and "Pressekontakt" not in without


def test_the_front_page_panel_shows_the_press_contacts():
    desk = Desk(brand(), [HOSTILE], frozenset({"en/contacts.md"}))
    html = front_page_body("en", [], [], {}.get, desk, link).html
    panel = html[html.index(">Press contact</h2>"):]
    panel = panel[:panel.index("</section>")]
    assert 'href="mailto:press+desk@example.org"' in panel and 'href="tel:+442079460123"' in panel
    assert 'href="/site/en/contacts/press-office.vcf"' in panel
    assert "All media contacts" in panel
