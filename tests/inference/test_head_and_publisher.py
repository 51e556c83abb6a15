import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.cleaning.page_frame import headline_text
from pressroom.inference.header import byline_name, head_of
from pressroom.inference.publisher import infer_publisher

PARAGRAPH = "The court ruled on Monday that the posts were false and ordered their deletion."


def publisher_of(text: str):
    cleaned = clean(lines_of(text), lang="en")
    return infer_publisher(head_of(cleaned), cleaned)


def test_headline_byline_and_dateline_are_split_off():
    text = f"Court Rules for Xiaomi\n\nDeep News\n2025-09-13\n\n{PARAGRAPH}"
    cleaned = clean(lines_of(text), lang="en")
    head = head_of(cleaned)
    assert head.headline.text == "Court Rules for Xiaomi"
    # The metadata rules take the dateline out (inference reads it back); an outlet's name
    # under the headline is the head's byline.
    assert {r.text: r.rule for r in cleaned.removals} == {"2025-09-13": "dateline"}
    assert head.byline.text == "Deep News"
    assert [line.text for line in head.body] == [PARAGRAPH]


def test_a_first_line_that_is_a_sentence_is_no_headline():
    head = head_of(clean(lines_of(f"{PARAGRAPH}\nSecond paragraph follows here."), lang="en"))
    assert head.headline is None and head.byline is None
    assert len(head.body) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lei Jun Announces Legal Action Against False Information Campaigns", True),
     ("Was steckt hinter der Kampagne?", True),
     ("The court ruled for Xiaomi.", False),
     ("Breaking", False),
     ("- a list item that is not a headline", False)],
)
def test_headlines(text, expected):
    assert (headline_text(text) is not None) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [("Deep News", "Deep News"), ("By Legal Times", "Legal Times"),
     ("Von Rheinische Wirtschaftsnachrichten", "Rheinische Wirtschaftsnachrichten"),
     ("the court ruled", None), ("2023.05.30", None), ("A Very Long Name Of Five Words", None)],
)
def test_byline_names(text, name):
    assert byline_name(text) == name


def test_publisher_from_a_byline():
    found = publisher_of(f"Court Rules for Xiaomi\nDeep News\n{PARAGRAPH}")
    assert found.value == "Deep News"
    assert found.provenance.rule == "byline" and found.provenance.line == 2


def test_publisher_from_a_law_firm_reporting_its_own_case():
    found = publisher_of(f"Hengtai Advised Xiaomi on Its Defamation Claim\n{PARAGRAPH}")
    assert (found.value, found.provenance.rule) == ("Hengtai", "law-firm-report")
    found = publisher_of(f"{PARAGRAPH}\nKing Partners’ team represented the client in court.")
    assert (found.value, found.provenance.rule) == ("King Partners", "law-firm-report")


def test_publisher_from_a_source_line():
    found = publisher_of(f"{PARAGRAPH}\nSource: Legal Tribune Online")
    assert (found.value, found.provenance.rule) == ("Legal Tribune Online", "source-line")


def test_publisher_from_a_self_description():
    found = publisher_of(f"{PARAGRAPH}\nTechBlick ist ein unabhängiges Onlinemagazin.")
    assert (found.value, found.provenance.rule) == ("TechBlick", "self-description")


def test_publisher_from_a_site_named_in_its_disclaimer():
    text = (f"{PARAGRAPH}\nDisclaimer: MarketPulse is not responsible for the accuracy or "
            "completeness of this information.")
    found = publisher_of(text)
    assert (found.value, found.provenance.rule) == ("MarketPulse", "disclaimer")


def test_no_publisher_stated_is_no_publisher():
    found = publisher_of(f"Xiaomi Wins in Court\n\n{PARAGRAPH}\nXiaomi’s legal team confirmed it.")
    assert found.value is None and not found.found


def test_a_german_date_does_not_end_a_sentence():
    from pressroom.language.text import sentences

    assert sentences("Xiaomi hat gewonnen. Am 15. Mai 2025 gab es Neues. Dann mehr.") == (
        "Xiaomi hat gewonnen.", "Am 15. Mai 2025 gab es Neues.", "Dann mehr.")
    assert sentences("The figure rose to 15. More came.") == ("The figure rose to 15.",
                                                              "More came.")
