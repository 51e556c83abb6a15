import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.cleaning.attribution import leading_name, self_described_name
from pressroom.cleaning.tag_lines import tags_of

ARTICLE = (
    "The court heard the case in March and ruled that the posts were false and defamatory.\n"
    "It ordered the blogger to delete the posts and to publish an apology within ten days."
)


def rules_and_text(noise: str):
    cleaned = clean(lines_of(f"{ARTICLE}\n{noise}"))
    return [r.rule for r in cleaned.removals], cleaned.text


@pytest.mark.parametrize("label", ["Source", "Source:", "Quelle", "Quelle:", "Via"])
def test_a_dangling_source_label_at_the_end(label):
    rules, text = rules_and_text(label)
    assert rules == ["dangling-source"] and text == ARTICLE


def test_a_source_line_with_a_name_is_removed_and_kept_for_the_publisher():
    rules, text = rules_and_text("Source: Legal Tribune Online")
    assert rules == ["source-line"] and text == ARTICLE


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("XiaomiWelt verkauft oder vertreibt keine Produkte.", "XiaomiWelt"),
        ("TechBlick ist ein unabhängiges Onlinemagazin.", "TechBlick"),
        ("Phone Arena Daily is not affiliated with any manufacturer.", "Phone Arena Daily"),
        ("GadgetPost does not sell any of the products it reviews.", "GadgetPost"),
    ],
)
def test_self_descriptions_at_the_foot_name_the_publisher(line, name):
    rules, text = rules_and_text(line)
    assert rules == ["self-description"] and text == ARTICLE
    assert self_described_name(line) == name


def test_a_sentence_about_the_company_in_the_body_is_no_self_description():
    assert self_described_name("The court found that Xiaomi had been defamed.") is None
    assert leading_name("Die Seite XiaomiWelt berichtet.") == "Seite XiaomiWelt"


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Tags: Xiaomi, Minzhili, online defamation", ["Xiaomi", "Minzhili", "online defamation"]),
        ("Tags: Xiaomi,YU7,Xring O1", ["Xiaomi", "YU7", "Xring O1"]),
        ("Schlagwörter: Landgericht; Verleumdung", ["Landgericht", "Verleumdung"]),
        ("Stichworte: Xiaomi | Redmi", ["Xiaomi", "Redmi"]),
        ("#defamation #courts", ["defamation", "courts"]),
    ],
)
def test_tag_lines(line, tags):
    rules, text = rules_and_text(line)
    assert rules == ["tag-line"] and text == ARTICLE
    assert tags_of(line) == tags


def test_a_trailing_column_of_comma_words_is_a_tag_line():
    cleaned = clean(lines_of(f"{ARTICLE}\nXiaomi,\nRedmi,\nYU7 SUV,"))
    assert cleaned.text == ARTICLE
    assert [r.text for r in cleaned.removals if r.rule == "tag-line"] == [
        "YU7 SUV,", "Redmi,", "Xiaomi,"]


def test_a_sentence_with_tags_in_it_is_not_a_tag_line():
    text = f"{ARTICLE}\nThe tags: they were never the point, the judge said in her ruling."
    assert clean(lines_of(text)).text == text


def test_caption_and_meta_description_at_the_end():
    caption = "Blogger fined for defamation"
    description = "A court fined a blogger for defamation after a year of false posts about it."
    text = f"{ARTICLE}\n{caption}\n{ARTICLE}\n{caption}\n{description}\nTags: a, b"
    cleaned = clean(lines_of(text))
    assert cleaned.text == f"{ARTICLE}\n{ARTICLE}"
    rules = [r.rule for r in cleaned.removals]
    assert rules.count("caption") == 2 and rules.count("meta-description") == 1


def test_a_heading_and_a_closing_sentence_are_not_caption_and_description():
    text = f"{ARTICLE}\nConclusion\nThe case is closed and the company has moved on."
    assert clean(lines_of(text)).text == text


@pytest.mark.parametrize(
    "credit",
    ["Photo: Reuters", "Foto: dpa/Marcus Brandt", "Bild: Xiaomi", "(Image credit: Xiaomi)",
     "Bildquelle: Sonnenwerk"],
)
def test_photo_credits_are_captions(credit):
    rules, text = rules_and_text(credit)
    assert rules == ["caption"] and text == ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "热议股票",
        "Читайте также: другие новости",
        "Le tribunal de Hambourg a condamné un blogueur à verser des dommages et intérêts.",
        "La empresa alemana ganó el juicio contra el vendedor en línea por difamación.",
    ],
)
def test_text_in_a_third_language(line):
    rules, text = rules_and_text(line)
    assert rules == ["third-language"] and text == ARTICLE


def test_english_and_german_lines_full_of_names_are_not_a_third_language():
    text = (f"{ARTICLE}\nJunHe Represented Xiaomi Corporation to Obtain an Injunction from Beijing "
            "Internet Court\nDer CEO Lei Jun betonte die Bedeutung rechtlicher Schritte.")
    assert clean(lines_of(text)).text == text
