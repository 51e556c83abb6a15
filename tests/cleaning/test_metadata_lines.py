"""Metadata lines leave the body with their rule; paragraphs and headlines stay.

Every clipping here is invented, in the manner of scraped pages."""

import datetime as dt

import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.cleaning.metadata_lines import metadata_rule
from pressroom.inference.infer import infer
from pressroom.model import Source

PARAGRAPH = ("The regional court ordered the operator of a review site to delete forty posts "
             "that it found to be false and harmful to the bakery chain's reputation.")
ABSATZ = ("Das Landgericht untersagte dem Betreiber eines Bewertungsportals, die gefälschten "
          "Bewertungen über die Bäckereikette weiter zu verbreiten.")


def removed(text: str, lang: str = "en") -> dict[str, str]:
    return {removal.text: removal.rule for removal in clean(lines_of(text), lang=lang).removals}


def body(text: str, lang: str = "en") -> list[str]:
    return [line.text for line in clean(lines_of(text), lang=lang).lines if line.text]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Posted on 3 March 2024 Written by Harriet Vale", "dateline"),
        ("Veröffentlicht: 04.02.2023 | Geschrieben von: Lena Hartmann | Letzte Aktualisierung: "
         "09.05.2023", "dateline"),
        ("Mittwoch, 06.03.2024 | 09:15", "dateline"),
        ("| 18:40 Uhr", "dateline"),
        ("— April 2, 2024", "dateline"),
        ("12 Feb 2023 / Courts Archive", "dateline"),
        ("08.11.24 – Verbraucherrecht", "dateline"),
        ("Posted: 3rd May 2021", "dateline"),
        ("veröffentlicht am 2. Juni 2022", "dateline"),
        ("14. Mai 2025/in Aktuelles /von redaktion", "dateline"),
        ("05/21/2024 | Press release | Distributed by Wirehouse on 05/21/2024 10:02",
         "dateline"),
        ("Press Release No. 12/2024 of 3 May 2024", "dateline"),
        ("Aktualisiert am 09.05.2023", "update-stamp"),
        ("Last updated: 9 May 2023, 14:20", "update-stamp"),
        ("Written by Harriet Vale", "byline"),
        ("By Harriet Vale and Tom Brandt", "byline"),
        ("Von Lena Hartmann", "byline"),
        ("Autorin: Lena Hartmann", "byline"),
        ("4 min read", "reading-time"),
        ("Time to read: 7 minutes", "reading-time"),
        ("Lesezeit: 3 Minuten", "reading-time"),
    ],
)
def test_metadata_lines_and_their_rules(line, rule):
    assert metadata_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "On 3 March 2024 the court ruled for the claimant.",
        "Am 4. Juni 2023 entschied das Landgericht über die Klage.",
        "Urteil vom 4. Mai 2016",
        "Beschlüsse vom 2. Mai 2021 - 1 BvR 100/21, 1 BvR 101/21",
        "Orders of 2 May 2021 - 1 BvR 100/21",
        "Harbour Bakery – 3 May 2025",
        "By the Sea",
        "By Design",
        "Von Anfang an",
        "10.50",
        "May 2024",
        "Harriet Vale Senior Reporter / Courts",
        PARAGRAPH,
    ],
)
def test_lines_of_the_body_are_no_metadata(line):
    assert metadata_rule(line) is None


def test_the_head_of_a_clipping_loses_its_metadata_and_keeps_its_headline():
    text = ("Review Site Must Delete Fake Reviews, Court Rules\n\n"
            "Harriet Vale, Tom Brandt\n12 Feb 2023\nTime to read: 4 minutes\n\n"
            f"{PARAGRAPH}\n\nShe said the ruling of 3 January 2023 was final.")
    assert removed(text) == {"Harriet Vale, Tom Brandt": "byline", "12 Feb 2023": "dateline",
                             "Time to read: 4 minutes": "reading-time"}
    assert body(text) == ["Review Site Must Delete Fake Reviews, Court Rules", PARAGRAPH,
                          "She said the ruling of 3 January 2023 was final."]


def test_a_dateline_with_its_author_and_an_update_stamp_goes_whole():
    line = ("Veröffentlicht: 04.02.2023 | Geschrieben von: Lena Hartmann | "
            "Letzte Aktualisierung: 09.05.2023")
    text = f"Verbraucherrecht\n\nBäckereikette gewinnt gegen Bewertungsportal\n\n{line}\n{ABSATZ}"
    # The category label above the headline is the page frame's.
    assert removed(text, "de") == {line: "dateline", "Verbraucherrecht": "page-top"}
    assert ABSATZ in body(text, "de")


def test_the_dateline_and_byline_under_the_headline_go_and_are_read_back(tmp_path):
    text = f"Bäckereikette gewinnt vor Gericht\n\n03.03.2025\nVon Stadtkurier\n\n{ABSATZ}"
    assert removed(text, "de") == {"03.03.2025": "dateline", "Von Stadtkurier": "byline"}
    source = Source(tmp_path / "a.txt", text.encode(), "utf-8", tuple(lines_of(text)))
    article, _ = infer(source, clean(source.body, lang="de"))
    assert article.title.value == "Bäckereikette gewinnt vor Gericht"
    assert article.date.value == dt.date(2025, 3, 3)
    assert article.date.provenance.rule == "dateline"
    assert article.publisher.value == "Stadtkurier"


def test_a_chronology_of_dates_stays():
    text = (f"Harbour Bakery Wins Its Case\n\n{PARAGRAPH}\n\n"
            "12.03.2024 – Klage eingereicht\n20.06.2024 – Urteil verkündet")
    assert removed(text) == {}


def test_a_date_above_a_calendar_is_the_day_the_page_was_shown():
    text = (f"03.02.2026\nMo Di Mi Do Fr Sa So\n1 2 3 4 5 6 7\n\n"
            f"Bäckereikette gewinnt gegen Bewertungsportal\n\n{ABSATZ}\n03.02.2026")
    rules = removed(text, "de")
    assert rules["03.02.2026"] == "page-date"
    assert "03.02.2026" not in body(text, "de")


@pytest.mark.parametrize("notice", ["This article is more than 2 years old",
                                    "Dieser Beitrag ist älter als ein Jahr"])
def test_a_notice_of_the_pages_age_goes(notice):
    assert removed(f"{notice}\n\nHarbour Bakery Wins Its Case\n\n{PARAGRAPH}") == {
        notice: "age-notice"}


def test_a_sentence_about_an_age_stays():
    sentence = "This article is more than a summary of the ruling, it explains its reasons."
    assert removed(f"Harbour Bakery Wins Its Case\n\n{PARAGRAPH}\n{sentence}") == {}


def test_an_agency_note_goes():
    note = "Inhalt bereitgestellt von Nordwire. Die Redaktion hat ihn nicht bearbeitet."
    text = f"{note}\n\nBäckereikette gewinnt gegen Bewertungsportal\n\n{ABSATZ}"
    assert removed(text, "de") == {note: "agency-line"}


def test_a_sentence_that_starts_like_an_agency_note_stays():
    sentence = ("Supplied by a former employee, the recordings show how the reviews were "
                "written in bulk at night.")
    assert removed(f"Harbour Bakery Wins Its Case\n\n{PARAGRAPH}\n{sentence}") == {}


AUTHOR_BOX = ["Harriet Vale Senior Reporter / Courts",
              "Harriet Vale is the senior courts reporter at Harbour Ledger. She has covered "
              "media law for a decade.",
              "Expertise Media law, defamation and consumer protection.",
              "Harriet Vale"]


def test_an_author_box_goes_whole():
    text = "\n".join(["Review Site Must Delete Fake Reviews", "Bakery wins in court.",
                      *AUTHOR_BOX, "3 min read", "", PARAGRAPH])
    rules = removed(text)
    assert [rules[line] for line in AUTHOR_BOX] == ["author-box"] * 4
    assert body(text) == ["Review Site Must Delete Fake Reviews", "Bakery wins in court.",
                          PARAGRAPH]


def test_a_caption_naming_a_person_above_a_paragraph_about_her_stays():
    about_her = ("Mara Lind is the founder of the bakery chain. She said the fake reviews had "
                 "cost her shops a third of their customers.")
    text = f"Review Site Must Delete Fake Reviews\n\nMara Lind\n{about_her}\n{PARAGRAPH}"
    assert removed(text) == {}


def test_a_labelled_author_box_with_contact_details_goes_and_what_follows_stays():
    box = ["Autorin", "Lena Hartmann", "Rechtsanwältin", "Fachanwältin für Medienrecht",
           "E-Mail: hartmann@kanzlei-beispiel.de"]
    after = ABSATZ.replace("Landgericht", "Gericht")
    text = "\n".join(["Bäckereikette gewinnt gegen Bewertungsportal", ABSATZ, *box,
                      "Hintergrund", after])
    rules = removed(text, "de")
    assert [rules.get(line) for line in box] == ["author-box"] * 5
    assert body(text, "de")[-2:] == ["Hintergrund", after]


def test_an_author_label_without_contact_details_leaves_the_heading_after_the_name():
    text = "\n".join(["Bäckereikette gewinnt gegen Bewertungsportal", ABSATZ, "Autor",
                      "Jonas Weber", "Hintergrund", ABSATZ.replace("Landgericht", "Gericht")])
    rules = removed(text, "de")
    assert rules.get("Autor") == "author-box" and rules.get("Jonas Weber") == "author-box"
    assert "Hintergrund" in body(text, "de")


def test_a_masthead_above_the_headline_goes_and_the_headline_stays():
    text = f"Vale Stone LLP\n\nHarbour Bakery Wins Its Defamation Case\n\n{PARAGRAPH}"
    assert removed(text) == {"Vale Stone LLP": "masthead"}
    assert body(text)[0] == "Harbour Bakery Wins Its Defamation Case"


def test_a_firm_name_that_is_the_only_headline_stays():
    text = f"Bakery Sues Vale Stone LLP\n\n{PARAGRAPH}"
    assert removed(text) == {}


def test_a_person_above_their_own_byline_is_the_masthead_of_their_own_site():
    text = ("Mara Lind\n\nHow We Fought Fake Reviews\n\n"
            f"Posted on May 3, 2024 Written by Mara Lind\n\n{PARAGRAPH}")
    assert removed(text) == {"Mara Lind": "masthead",
                             "Posted on May 3, 2024 Written by Mara Lind": "dateline"}


def test_the_about_block_at_the_foot_goes():
    about = "Nordlicht ist ein Vergleichsportal für Reisen mit Sitz in Kiel."
    text = f"Nordlicht gewinnt vor dem Bundesgerichtshof\n\n{ABSATZ}\n\nÜber Nordlicht\n{about}"
    assert removed(text, "de") == {"Über Nordlicht": "about-publisher",
                                   about: "about-publisher"}


def test_cleaning_a_cleaned_clipping_changes_nothing():
    text = "\n".join(["Vale Stone LLP", "Review Site Must Delete Fake Reviews",
                      "Harriet Vale, Tom Brandt", "12 Feb 2023", "4 min read", PARAGRAPH])
    once = clean(lines_of(text), lang="en")
    twice = clean(lines_of(once.text), lang="en")
    assert twice.text == once.text and twice.removals == ()
