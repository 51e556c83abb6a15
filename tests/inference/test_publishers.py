"""The publisher from what a page shows of it; an author is not a publisher.

Every clipping here is invented, in the manner of scraped pages."""

import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.inference.header import head_of
from pressroom.inference.publisher import infer_publisher

PARAGRAPH = ("The regional court ordered the operator of a review site to delete forty posts "
             "that it found to be false and harmful to the bakery chain's reputation.")
ABSATZ = ("Das Landgericht untersagte dem Betreiber eines Bewertungsportals, die gefälschten "
          "Bewertungen über die Bäckereikette weiter zu verbreiten.")
HEADLINE = "Harbour Bakery Wins Its Defamation Case"
SCHLAGZEILE = "Bäckereikette gewinnt gegen Bewertungsportal"


def publisher_of(text: str, lang: str = "en"):
    cleaned = clean(lines_of(text), lang=lang)
    return infer_publisher(head_of(cleaned), cleaned)


def found(text: str, lang: str = "en") -> tuple[str | None, str | None]:
    publisher = publisher_of(text, lang)
    return publisher.value, publisher.provenance.rule


@pytest.mark.parametrize(
    "head",
    ["By Harriet Vale", "Written by Harriet Vale", "Posted on May 3, 2024 Written by Harriet Vale",
     "Harriet Vale, Tom Brandt\n12 Feb 2023"],
)
def test_an_author_is_no_publisher(head):
    assert found(f"{HEADLINE}\n\n{head}\n\n{PARAGRAPH}") == (None, None)


@pytest.mark.parametrize("label", ["Contact", "Arbeitsrecht"])
def test_a_label_under_the_headline_is_no_publisher(label):
    text = f"Startseite › Arbeitsrecht › {SCHLAGZEILE}\n{label}\n\n{ABSATZ}"
    assert found(text, "de") == (None, None)


def test_an_outlets_byline_names_the_publisher():
    assert found(f"{HEADLINE}\n\nBy Harbour Times\n\n{PARAGRAPH}") == ("Harbour Times", "byline")
    assert found(f"{SCHLAGZEILE}\n\n03.03.2025\nVon Stadtkurier\n\n{ABSATZ}", "de") == (
        "Stadtkurier", "byline")


def test_a_domain_masthead_with_its_tagline():
    text = f"HarbourLedger.com  ·  Courts, Business & Media\n\nCourts\n\n{HEADLINE}\n\n{PARAGRAPH}"
    assert found(text) == ("HarbourLedger.com", "masthead")


def test_a_firm_name_alone_above_the_headline():
    text = f"Vale & Stone Rechtsanwälte\n\n{SCHLAGZEILE}\n\n{ABSATZ}"
    assert found(text, "de") == ("Vale & Stone Rechtsanwälte", "masthead")


def test_a_person_above_their_own_byline_publishes_their_own_site():
    text = (f"Mara Lind\n\n{HEADLINE}\n\nPosted on May 3, 2024 Written by Mara Lind\n\n"
            f"{PARAGRAPH}")
    assert found(text) == ("Mara Lind", "own-site")


def test_the_issuer_a_distribution_service_names():
    text = (f"{HEADLINE}\n\n{PARAGRAPH}\n\nDisclaimer: Vale Stone LLP published this content "
            "on 3 May 2024; the service carries it as it was sent.")
    assert found(text) == ("Vale Stone LLP", "issuer")


def test_the_agency_that_provided_the_content():
    note = "Inhalt bereitgestellt von Nordwire. Die Redaktion hat ihn nicht bearbeitet."
    assert found(f"{note}\n\n{SCHLAGZEILE}\n\n{ABSATZ}", "de") == ("Nordwire", "agency-line")


def test_an_agency_tag_before_the_first_paragraph():
    text = f"{SCHLAGZEILE}\n\nKIEL nwa | {ABSATZ}"
    assert found(text, "de") == ("nwa", "agency-tag")
    assert found(f"{HEADLINE}\n\nHAMBURG (Wirex) – {PARAGRAPH}") == ("Wirex", "agency-tag")


def test_the_court_of_its_own_press_release():
    text = ("Pressemitteilung Nr. 12/2024 vom 3. Mai 2024\n\n"
            "Kein Anspruch auf Löschung einer Hotelbewertung\n\n"
            "Der 3. Zivilsenat des Oberlandesgerichts hat heute entschieden, dass das Portal "
            "nicht haftet.")
    assert found(text, "de") == ("Oberlandesgericht", "press-release")
    english = ("No Claim to the Deletion of a Hotel Review\n\n"
               "Press Release No. 7/2023 of 2 May 2023\n\n"
               "Today the Regional Labour Court ruled that the portal is not liable.")
    assert found(english) == ("Regional Labour Court", "press-release")


def test_a_court_named_in_a_text_that_is_no_press_release_publishes_nothing():
    text = f"{HEADLINE}\n\nToday the Regional Labour Court ruled that the portal is not liable."
    assert found(text) == (None, None)


def test_the_about_block_at_the_foot():
    text = (f"{SCHLAGZEILE}\n\n{ABSATZ}\n\nÜber Nordlicht\n"
            "Nordlicht ist ein Vergleichsportal für Reisen mit Sitz in Kiel.")
    assert found(text, "de") == ("Nordlicht", "about-publisher")


def test_the_employer_an_author_box_names():
    box = ("Harriet Vale Senior Reporter / Courts\n"
           "Harriet Vale is the senior courts reporter at Harbour Ledger. She has covered media "
           "law for a decade.\nExpertise Media law and defamation.\nHarriet Vale\n3 min read")
    assert found(f"{HEADLINE}\n\nBakery wins in court.\n\n{box}\n\n{PARAGRAPH}") == (
        "Harbour Ledger", "author-box")


def test_the_site_a_cookie_banner_names():
    text = (f"Cookies on Harbourledger.org\nWe set a few necessary cookies so "
            f"that the site works.\nAccept cookies\n\n{HEADLINE}\n\n{PARAGRAPH}")
    assert found(text) == ("Harbourledger.org", "cookie-notice")


def test_the_owner_of_a_copyright_line_but_not_of_a_photo_credit():
    text = f"{HEADLINE}\n\n{PARAGRAPH}\n\n© 2024 Harbour Ledger. All rights reserved."
    assert found(text) == ("Harbour Ledger", "copyright")
    credit = f"{HEADLINE}\n\n{PARAGRAPH}\n\n©janeroe/photoagency.com"
    assert found(credit) == (None, None)


def test_the_line_of_each_rule_is_recorded():
    text = f"Vale Stone LLP\n\n{HEADLINE}\n\n{PARAGRAPH}"
    assert publisher_of(text).provenance.line == 1
