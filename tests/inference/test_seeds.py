"""The seeds as received, and what the press room must make of them."""

import datetime as dt
import hashlib

import pytest

from conftest import SEEDS
from pressroom.language.language_id import PRESS_LANGUAGES, identify
from pressroom.sources.ingest import ingest

RECEIVED = dict(
    reversed(line.split("  ")) for line in
    (SEEDS.parent / "tests" / "data" / "seed-bodies.sha256").read_text().splitlines()
)


def body_bytes(raw: bytes) -> bytes:
    """The bytes after the editor's frontmatter block (all of them when there is none)."""
    if raw.startswith(b"---\n"):
        return raw[raw.index(b"\n---\n", 3) + len(b"\n---\n"):]
    return raw


TRANSLATIONS = {"000_b899426bec3aca79-de.txt", "003_08990eb7b52fc2ed-de.txt",
                "004_e53124b072d22cea-de.txt"}


def test_seeds_are_the_received_clippings_and_our_translations():
    assert sorted(path.name for path in SEEDS.glob("*.txt")) == sorted({*RECEIVED, *TRANSLATIONS})


@pytest.mark.parametrize("name", sorted(RECEIVED))
def test_seed_bodies_are_byte_for_byte_as_received(name):
    body = body_bytes((SEEDS / name).read_bytes())
    assert hashlib.sha256(body).hexdigest() == RECEIVED[name]


EXPECTED = {
    "000": ("en", "Xiaomi Secures Legal Victory Against Online Defamation", dt.date(2025, 5, 14),
            None),
    "001": ("en", None, dt.date(2025, 5, 15), None),
    "002": ("de", None, dt.date(2025, 5, 15), "XiaomiWelt"),
    "003": ("en", "JunHe Represented Xiaomi Corporation to Obtain an Injunction from Beijing "
                  "Internet Court and Fully win the First Instance", dt.date(2023, 5, 30), "JunHe"),
    "004": ("en", "Lei Jun Announces Legal Action Against False Information Campaigns",
            dt.date(2025, 9, 13), "Deep News"),
}


@pytest.fixture(scope="module")
def seed_articles():
    result = ingest(SEEDS)
    assert [o.status for o in result.outcomes] == ["published"] * 8
    assert result.problems == ()
    return {article.source.name[:3]: article for article in result.articles
            if article.source.name in RECEIVED}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_fields(seed_articles, seed):
    lang, title, date, publisher = EXPECTED[seed]
    article = seed_articles[seed]
    assert article.lang.value == lang
    assert article.date.value == date
    assert article.publisher.value == publisher
    if title is not None:
        assert article.title.value == title
        assert article.title.provenance.rule == "headline"


@pytest.mark.parametrize("seed", ["001", "002"])
def test_seeds_without_a_headline_carry_a_real_one_from_the_editor(seed_articles, seed):
    article = seed_articles[seed]
    assert article.title.provenance.origin == "frontmatter"
    first_sentence = article.body[0].text.split(". ")[0]
    assert article.title.value != first_sentence
    assert len(article.title.value.split()) <= 12
    assert identify(article.title.value, PRESS_LANGUAGES)[0] == article.lang.value


def test_tags_and_summaries_of_the_seeds(seed_articles):
    assert "online defamation" in seed_articles["000"].tags.value
    assert seed_articles["001"].tags.value[:2] == ("Xiaomi", "YU7")
    assert seed_articles["002"].tags.value == ("Xiaomi", "Redmi", "Poco", "YU7 SUV")
    assert seed_articles["000"].summary.provenance.rule == "meta-description"
    assert seed_articles["001"].summary.value.startswith("Xiaomi’s recent legal triumph")
