import datetime as dt
import random

from conftest import SEEDS, make_article
from pressroom.problems import Severity
from pressroom.sources.ingest import ingest
from pressroom.stories.grouping import group_stories
from pressroom.stories.pairing import candidate_pairs

DAY = dt.date(2025, 5, 15)
EN = ("Xiaomi said on Monday that its YU7 SUV and the Xring O1 chip were targeted by 10,000 "
      "fake accounts. The company worked with the police in Beijing and Lei Jun thanked them.")
DE = ("Xiaomi teilte am Montag mit, dass sein YU7 SUV und der Xring O1 Chip von 10.000 "
      "gefälschten Konten angegriffen wurden. Das Unternehmen arbeitete mit der Polizei in "
      "Beijing zusammen, und Lei Jun dankte ihr.")
OTHER_DE = ("Ein Gericht in Hamburg verurteilte am Montag einen Blogger zu einer Strafe von "
            "40.000 Euro wegen falscher Behauptungen über Nordlicht und Sonnenwerk.")


def test_the_seeds_make_four_stories_in_both_languages():
    stories, problems = group_stories(ingest(SEEDS).articles)
    assert problems == []
    assert len(stories) == 4
    assert all(sorted(story.versions) == ["de", "en"] for story in stories)
    paired = {story.versions["en"].source.name[:3]: story.versions["de"].source.name
              for story in stories}
    assert paired == {"000": "000_b899426bec3aca79-de.txt", "001": "002_e28e95a5c29f9fca.txt",
                      "003": "003_08990eb7b52fc2ed-de.txt", "004": "004_e53124b072d22cea-de.txt"}
    assert [story.date for story in stories] == sorted((s.date for s in stories), reverse=True)


def test_translations_are_paired_by_their_names_and_numbers():
    en = make_article("en", EN, date=DAY, title="Xiaomi Fights Fake Accounts", source="en.txt")
    de = make_article("de", DE, date=DAY + dt.timedelta(days=1), source="de.txt")
    other = make_article("de", OTHER_DE, date=DAY, title="Gericht", source="other.txt")
    stories, problems = group_stories([en, other, de])
    assert problems == []
    (pair,) = [story for story in stories if len(story.versions) == 2]
    assert pair.versions == {"en": en, "de": de}
    assert pair.id == "xiaomi-fights-fake-accounts"


def test_articles_far_apart_in_time_or_in_one_language_are_not_paired():
    en = make_article("en", EN, date=DAY, title="One", source="a.txt")
    late = make_article("de", DE, date=DAY + dt.timedelta(days=5), title="Zwei", source="b.txt")
    english_twin = make_article("en", EN, date=DAY, title="Three", source="c.txt")
    stories, _ = group_stories([en, late, english_twin])
    assert all(len(story.versions) == 1 for story in stories)


def test_the_editors_story_key_joins_and_names_the_story():
    en = make_article("en", "Unrelated words.", date=DAY, story="ruling-2025", source="a.txt")
    de = make_article("de", "Ganz andere Worte.", date=None, story="ruling-2025", source="b.txt")
    (story,), problems = group_stories([en, de])
    assert problems == [] and story.id == "ruling-2025" and set(story.versions) == {"en", "de"}


def test_a_keyed_version_pairs_with_its_unkeyed_translation():
    en = make_article("en", EN, date=DAY, story="fake-accounts", source="a.txt")
    de = make_article("de", DE, date=DAY, source="b.txt")
    (story,), _ = group_stories([en, de])
    assert story.id == "fake-accounts" and set(story.versions) == {"en", "de"}


def test_two_stories_named_differently_by_editors_are_never_merged():
    en = make_article("en", EN, date=DAY, story="one", source="a.txt")
    de = make_article("de", DE, date=DAY, story="two", source="b.txt")
    stories, _ = group_stories([en, de])
    assert sorted(story.id for story in stories) == ["one", "two"]


def test_one_story_key_twice_in_one_language_is_an_error_naming_both():
    first = make_article("en", "Text.", story="same", source="a.txt")
    second = make_article("en", "Other text.", story="same", source="b.txt")
    stories, (problem,) = group_stories([first, second])
    assert problem.severity is Severity.ERROR
    assert str(problem.path) == "b.txt" and "a.txt" in problem.message
    assert len(stories) == 1


def test_two_stories_with_the_same_address_is_an_error_naming_both():
    first = make_article("en", "Text one.", title="Court Rules", date=DAY, source="a.txt")
    second = make_article("en", "Text two.", title="Court rules!", date=DAY, source="b.txt")
    stories, (problem,) = group_stories([first, second])
    assert len(stories) == 1
    assert problem.severity is Severity.ERROR and "court-rules" in problem.message
    assert {str(problem.path), problem.message.split(" as ")[1].split(":")[0]} == {"a.txt",
                                                                                  "b.txt"}


def synthetic_archive(stories: int, seed: int = 7):
    """English and German versions of many stories over four years, with their own names."""
    rng = random.Random(seed)
    articles = []
    for number in range(stories):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        names = " ".join(f"Name{rng.randrange(10**6)}" for _ in range(6))
        figure = f"{rng.randrange(1000, 99999):,}"
        en = f"On that day the court said that {names} owed {figure} yuan in damages."
        german_figure = figure.replace(",", ".")
        de = f"An diesem Tag sagte das Gericht, dass {names} {german_figure} Yuan schulden."
        articles.append(make_article("en", en, date=day, title=f"Story {number}",
                                     source=f"{number}-en.txt"))
        articles.append(make_article("de", de, date=day, title=f"Artikel {number}",
                                     source=f"{number}-de.txt"))
    rng.shuffle(articles)
    return articles


def test_ten_thousand_sources_pair_correctly_without_comparing_all_with_all():
    articles = synthetic_archive(5_000)
    groups = [{article.lang.value: article} for article in articles]
    compared = sum(1 for _ in candidate_pairs(groups))
    # All-with-all would be 50 million pairs; narrowed by day, it is a few per source.
    assert compared < 10 * len(articles)
    stories, problems = group_stories(articles)
    assert problems == []
    assert len(stories) == 5_000
    for story in stories:
        assert story.versions["en"].source.name.split("-")[0] == \
            story.versions["de"].source.name.split("-")[0]
