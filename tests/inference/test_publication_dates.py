"""The publication date: the page's dateline first, never a date the text reports.

Every clipping here is invented, in the manner of scraped pages."""

import datetime as dt

import pytest

from conftest import lines_of
from pressroom.inference.dates import find_dates, publication_date
from pressroom.model import Line
from pressroom.sources.ingest import process

PARAGRAPH = ("The regional court ordered the operator of a review site to delete forty posts "
             "that it found to be false and harmful to the bakery chain's reputation.")
ABSATZ = ("Das Landgericht untersagte dem Betreiber eines Bewertungsportals, die gefälschten "
          "Bewertungen über die Bäckereikette weiter zu verbreiten.")


def dates_in(text: str) -> list[dt.date | None]:
    return [mention.as_date() for mention in find_dates([Line(1, text)])]


def first_date(text: str) -> dt.date | None:
    choice = publication_date(find_dates(lines_of(text)))
    return choice.date if choice else None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Filed 09/14/2021 in Delaware", dt.date(2021, 9, 14)),  # the month first (US)
        ("Eingereicht am 14/09/2021", dt.date(2021, 9, 14)),  # the day first
        ("21.10.25 – Messe", dt.date(2025, 10, 21)),
        ("Stand 03.01.26", dt.date(2026, 1, 3)),
    ],
)
def test_slashed_dates_and_two_digit_years(text, date):
    assert dates_in(text) == [date]


@pytest.mark.parametrize("text", ["03/04/2021", "Version 1.2.10", "31.13.25", "Paragraph 12.5"])
def test_dates_that_could_be_read_two_ways_or_none_are_no_dates(text):
    assert dates_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mit Urteil vom 4. Mai 2016 hat das Gericht die Klage abgewiesen.",
        "Das OLG (Urt. v. 02.11.2018 – Az. 5 U 7/18) sah das anders.",
        "Das Urteil des 2. Strafsenats vom 7.4.2017 ist rechtskräftig.",
        "In the judgment of July 8, 2016 the court dismissed the claim.",
        "The hearing on 4 May 2024 lasted an hour.",
        "The claim was decided on 2 June 2023.",
        "Anmeldungen sind noch bis zum 30. Juni 2026 möglich.",
        "Entries are open until 30 June 2026.",
        "Der Beschluss12.01.2022 wurde zugestellt.",
        "Er verwies auf die Mitteilung vom 9. Februar 2022.",
    ],
)
def test_a_date_the_text_reports_is_no_publication_date(text):
    assert dates_in(text) != []  # the date is read …
    assert first_date(text) is None  # … and not taken for the page's


def test_a_verb_after_the_date_does_not_make_it_reported():
    assert first_date("Am 3. März 2024 entschied das Landgericht.") == dt.date(2024, 3, 3)
    assert first_date("On May 2, 2025 the court ruled for the bakery.") == dt.date(2025, 5, 2)


def test_a_reported_date_still_gives_a_yearless_day_its_year():
    text = "Am 4. Juli begann die Verhandlung.\nDas Urteil vom 3. Juli 2024 wurde bestätigt."
    assert first_date(text) == dt.date(2024, 7, 4)


def infer_date(write, text: str):
    return process(write("clipping.txt", text)).article.date


def test_the_dateline_wins_over_a_decision_date_in_the_text(write):
    text = ("Bäckereikette gewinnt gegen Bewertungsportal\n\n"
            "Veröffentlicht: 04.02.2023 | Geschrieben von: Lena Hartmann | "
            "Letzte Aktualisierung: 09.05.2023\n\n"
            f"Mit Urteil vom 1. Dezember 2022 hat das Landgericht entschieden. {ABSATZ}")
    date = infer_date(write, text)
    assert date.value == dt.date(2023, 2, 4)
    assert (date.provenance.rule, date.provenance.line) == ("dateline", 3)


def test_a_lead_before_the_headline_does_not_date_the_page(write):
    text = ("In the judgment of July 8, 2016 the court held the bakery not liable.\n"
            "Bakery Not Liable for Its Advertising\nNovember 2, 2016\n"
            f"{PARAGRAPH}")
    date = infer_date(write, text)
    assert date.value == dt.date(2016, 11, 2) and date.provenance.rule == "dateline"


def test_a_distribution_header_in_us_format_dates_the_page(write):
    text = ("Vale Stone LLP\n\n05/21/2024 | Press release | Distributed by Wirehouse on "
            f"05/21/2024 10:02\n\nHarbour Bakery Wins Its Defamation Case\n\n{PARAGRAPH}")
    date = infer_date(write, text)
    assert date.value == dt.date(2024, 5, 21) and date.provenance.line == 3


def test_a_two_digit_year_in_a_dateline_with_a_topic(write):
    text = f"08.11.24 – Verbraucherrecht\n\nBäckereikette gewinnt vor Gericht\n\n{ABSATZ}"
    assert infer_date(write, text).value == dt.date(2024, 11, 8)


def test_only_reported_dates_give_no_date_and_a_warning(write):
    text = (f"Bäckereikette gewinnt vor Gericht\n\n{ABSATZ} Das Urteil vom 3. Mai 2024 ist "
            "noch nicht rechtskräftig.")
    outcome = process(write("clipping.txt", text))
    assert outcome.article.date.value is None and not outcome.article.date.found
    assert any("no publication date" in problem.message for problem in outcome.problems)


def test_the_day_a_page_was_shown_is_no_publication_date(write):
    text = (f"03.02.2026\nMo Di Mi Do Fr Sa So\n1 2 3 4 5 6 7\n\n"
            f"Bäckereikette gewinnt vor Gericht\n\n{ABSATZ}\n\n"
            "Mit Beschluss vom 12. Januar 2022 bestätigte das Gericht die Verfügung.")
    assert infer_date(write, text).value is None


def test_an_update_stamp_dates_the_page_only_when_nothing_else_does(write):
    text = f"Bäckereikette gewinnt vor Gericht\n\n{ABSATZ}\n\nAktualisiert am 09.05.2023"
    date = infer_date(write, text)
    assert date.value == dt.date(2023, 5, 9) and date.provenance.rule == "update-stamp"
    with_dateline = text.replace("\n\nAktualisiert", "\n\nveröffentlicht am 2. Mai 2023\n"
                                                     "Aktualisiert")
    assert infer_date(write, with_dateline).value == dt.date(2023, 5, 2)
