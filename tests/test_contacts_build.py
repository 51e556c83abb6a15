"""The press contacts on the built site: a vCard per contact and language that parses and
names the contact, cards with mailto:/tel: links on the contacts pages, the front pages and
every story, and the example contacts reported as placeholders, an error where asked."""

from __future__ import annotations

import html

import pytest
import vobject

from conftest import SEEDS
from pressroom.publishing.check_site import problems as site_problems
from pressroom.stories.contacts import load_contacts, press_contacts
from sitebuild import build, make_project, read_page

pytestmark = pytest.mark.build

CONTACTS, _ = load_contacts(SEEDS / "contacts.yml")
ROLES = {"en": "Head of press", "de": "Pressesprecherin"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_contact_has_a_vcard_that_parses_and_names_it(site, lang):
    assert len(CONTACTS) >= 2
    for contact in CONTACTS:
        card = vobject.readOne((site / lang / "contacts" / f"{contact.id}.vcf")
                               .read_text(encoding="utf-8"))
        assert card.fn.value == contact.name
        assert card.title.value == contact.role[lang]
        assert card.email.value == contact.email and card.tel.value == contact.dialled


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_contacts_page_shows_every_contact_where_the_marker_is(site, lang):
    page = html.unescape(read_page(site, f"{lang}/contacts"))
    for contact in CONTACTS:
        assert f'href="mailto:{contact.email}">{contact.email}</a>' in page
        assert f'href="tel:{contact.dialled}">{contact.phone}</a>' in page
        assert f'href="{contact.id}.vcf"' in page
    assert "<!-- contacts -->" not in page and "press-contact" not in page
    assert page.count('class="pressroom-placeholder"') >= len(CONTACTS)


@pytest.mark.parametrize(("lang", "story"), [("en", "en/stories"), ("de", "de/artikel")])
def test_the_front_page_and_every_story_show_the_press_contact(site, lang, story):
    (press,) = press_contacts(CONTACTS)
    pages = [read_page(site, lang), *(path.read_text(encoding="utf-8")
                                      for path in (site / story).glob("*/index.html"))]
    assert len(pages) > 2
    for page in pages:
        page = html.unescape(page)
        assert f'href="tel:{press.dialled}"' in page and f'href="mailto:{press.email}"' in page
        assert ROLES[lang] in page
        assert "vcard" in page


def test_the_site_checks_clean(site):
    assert site_problems(site) == []


def test_example_contacts_stop_a_deploy_that_forbids_placeholders(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "!ENV [PRESSROOM_PLACEHOLDERS, note]", "error"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "seeds/contacts.yml:10: placeholders still to be filled in: contact 'head-of-press'" \
        in result.stderr


def test_a_broken_contact_is_reported_at_its_line_and_the_others_shown(tmp_path):
    project = make_project(tmp_path)
    registry = project / "seeds" / "contacts.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("verfahren@example.org", "verfahren.example.org"),
                        encoding="utf-8")
    result = build(project)
    assert "seeds/contacts.yml:21: contact 'legal-press': e-mail" in result.stderr
    site = project / "site"
    assert (site / "en" / "contacts" / "head-of-press.vcf").is_file()
    assert not (site / "en" / "contacts" / "legal-press.vcf").exists()
    page = read_page(site, "en/contacts")
    assert "Erika Mustermann" in page and "Max Mustermann" not in page
