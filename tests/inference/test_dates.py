import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lines_of
from pressroom.inference import dates
from pressroom.inference.dates import find_dates, is_dateline, iter_dates, publication_date
from pressroom.model import Line


def first_date(text: str) -> dt.date | None:
    choice = publication_date(find_dates(lines_of(text)))
    return choice.date if choice else None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On May 14, 2025, Xiaomi won.", dt.date(2025, 5, 14)),
        ("On May 14th, 2025 the court ruled.", dt.date(2025, 5, 14)),
        ("Published 14 May 2025 in Beijing.", dt.date(2025, 5, 14)),
        ("Am 15. Mai 2025 gab das Unternehmen bekannt.", dt.date(2025, 5, 15)),
        ("Am 3. März 2024 entschied das Gericht.", dt.date(2024, 3, 3)),
        ("Stand: 2025-05-14", dt.date(2025, 5, 14)),
        ("2023.05.30", dt.date(2023, 5, 30)),
        ("Köln, 03.03.2025 – Das Landgericht", dt.date(2025, 3, 3)),
        ("On Sept. 13, 2025 Lei Jun posted.", dt.date(2025, 9, 13)),
        ("Am 1. Dez. 2024 wurde Klage erhoben.", dt.date(2024, 12, 1)),
    ],
)
def test_written_dates_in_english_and_german(text, date):
    assert first_date(text) == date


def test_a_day_without_a_year_takes_the_year_of_an_anchor_in_the_same_month():
    text = "On September 13th morning he posted.\nStarting September 2025, a campaign runs."
    assert first_date(text) == dt.date(2025, 9, 13)


def test_a_lone_year_in_the_text_anchors_a_yearless_day():
    assert first_date("Am 4. Juli sprach er.\nDas Verfahren läuft seit März 2024.") == dt.date(
        2024, 7, 4)


def test_a_day_without_a_year_and_no_anchor_gives_no_date():
    assert first_date("On September 13th he posted on Weibo.") is None


def test_conflicting_years_without_a_same_month_anchor_give_no_date():
    assert first_date("On May 3 he spoke.\nIn June 2023 and in July 2024 courts ruled.") is None


@pytest.mark.parametrize("text", ["February 30, 2025", "2025-02-30", "31.04.2024", "2025.13.01"])
def test_impossible_dates_are_not_dates(text):
    assert first_date(text) is None


def test_month_words_that_are_ordinary_words_need_a_day():
    assert first_date("Companies may encourage others to act.") is None


def test_datelines():
    assert is_dateline("2023.05.30")
    assert is_dateline(" 14. Mai 2025 ")
    assert not is_dateline("On May 14, 2025, Xiaomi won.")
    assert not is_dateline("September 2025")


DATE_FORMS = ["{m} {d}, {y}", "{m}. {d}th", "{d}. {m} {y}", "{d} of {m}", "{m}, {y}",
              "{y}-{n}-{d}", "{y}/{n}/{d}", "{d}.{n}.{y}", "{d}.{n}.{y}x", "{n}.{d}"]
MONTH_NAMES = sorted(dates._month_numbers())


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(DATE_FORMS), st.sampled_from(MONTH_NAMES),
       st.sampled_from(["1", "07", "15", "31", "32"]), st.sampled_from(["01", "9", "12", "13"]),
       st.sampled_from(["1899", "1999", "2024", "2100", "2101"]),
       st.text(alphabet="ab 0123456789.,-/", max_size=12), st.text(max_size=12))
def test_lines_are_skipped_only_where_no_pattern_could_match(form, month, day, number, year,
                                                             before, after):
    """Patterns are tried only on lines with what they need (a year's digits, a month's
    name): the mentions found are those of every pattern on every line."""
    text = before + form.format(m=month, d=day, n=number, y=year) + after
    everywhere = [mention for candidate in dates._patterns()
                  for match in candidate.pattern.finditer(text)
                  if (mention := dates._mention(1, match)) is not None]
    assert find_dates([Line(1, text)]) == dates._longest_first(everywhere)


def test_the_first_complete_date_ends_the_search():
    """Most texts name their date first: the lines after it are not searched."""
    def lines_then_nothing_more():
        yield from lines_of("Xiaomi gewinnt\nAm 3. Mai 2024 begann es.")
        raise AssertionError("the text was searched past its first complete date")

    choice = publication_date(iter_dates(lines_then_nothing_more()))
    assert choice is not None and choice.date == dt.date(2024, 5, 3)


def test_a_day_without_a_year_still_finds_its_anchor_further_on():
    choice = publication_date(iter_dates(lines_of("Am 3. Mai begann es.\nIm Mai 2024 endete es.")))
    assert choice is not None and choice.date == dt.date(2024, 5, 3)
    assert choice.anchor is not None and choice.anchor.line == 2
