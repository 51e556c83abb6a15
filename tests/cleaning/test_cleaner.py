import pytest

from clipping_noise import NOISE
from conftest import CLIPPINGS, SEEDS, body_of, lines_of
from pressroom.cleaning import clean, clean_source
from pressroom.sources.reading import read_source

# Our own clippings, with the noise we put in them and the rule that must take each line out
# (clipping_noise.py).


@pytest.mark.parametrize("name", sorted(NOISE))
def test_own_clippings_lose_exactly_their_noise(name):
    text = body_of(CLIPPINGS / name)
    cleaned = clean(lines_of(text))
    removed = {r.text: r.rule for r in cleaned.removals}
    assert removed == NOISE[name]
    kept = [line for line in text.split("\n") if line.strip() and line not in NOISE[name]]
    assert [line.text for line in cleaned.lines if line.text] == kept


@pytest.mark.parametrize("name", sorted(NOISE))
def test_removals_name_the_source_line(name):
    text = body_of(CLIPPINGS / name)
    numbered = dict(enumerate(text.split("\n"), 1))
    for removal in clean(lines_of(text)).removals:
        assert numbered[removal.line] == removal.text


SOURCES = sorted(SEEDS.glob("*.txt")) + sorted(CLIPPINGS.glob("*.txt"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_cleaning_is_idempotent(path):
    once = clean(lines_of(body_of(path)))
    twice = clean(lines_of(once.text))
    assert twice.text == once.text
    assert twice.removals == ()


def test_editor_keeps_a_line_the_cleaner_dropped_and_drops_one_it_kept(write):
    body = body_of(CLIPPINGS / "en_court_ruling.txt")
    path = write("a.txt", "---\nkeep: ['Photo: Legal']\ndrop: [What Happens Next]\n---\n" + body)
    source, problems = read_source(path)
    assert problems == []
    cleaned = clean_source(source)
    assert "Photo: Legal Times archive" in cleaned.text
    assert "What Happens Next" not in cleaned.text
    (dropped,) = [r for r in cleaned.removals if r.rule == "editor-drop"]
    assert dropped.text == "What Happens Next" and dropped.line == 21


def test_editor_can_name_lines_by_number(write):
    body = "A first paragraph that is long enough to be real text.\nSource"
    source, _ = read_source(write("a.txt", f"---\nkeep: [6]\ndrop: [5]\n---\n{body}"))
    assert clean_source(source).text == "Source"


def test_a_kept_line_is_not_repaired_either():
    text = body_of(CLIPPINGS / "en_court_ruling.txt").replace("the", "Spin Win")
    lines = clean(lines_of(text), keep=[7]).lines
    (kept,) = [line for line in lines if line.number == 7]
    assert kept.text.startswith("On March 3, 2025, Spin Win Regional Court")
    (repaired,) = [line for line in lines if line.number == 10]
    assert repaired.text.startswith("According to the judgment, the posts")


# A scraper's image token over the text, which the page frame takes away, repeated twice
# further down: once the frame has taken the top copy, the copies below are captions, in the
# same cleaning (a second cleaning used to find them).
REPEATED_FURNITURE = [
    "P1C",
    "What the court found",
    "A regional court has ordered an online portal to delete a series of reviews about a "
    "family bakery in Sampleton, finding that the reviewers had never visited the shop and "
    "that the portal had ignored repeated complaints from the owners over several months.",
    "P1C",
    "P1C",
    "The owners said they would now ask the court to order the portal to name the accounts "
    "behind the reviews, which had appeared within a few days of each other last spring.",
]


def test_copies_of_a_line_the_frame_takes_away_go_in_the_same_cleaning():
    once = clean(lines_of("\n".join(REPEATED_FURNITURE)))
    assert "P1C" not in once.text
    assert {(removal.line, removal.rule) for removal in once.removals} == {
        (1, "page-top"), (4, "caption"), (5, "caption")}
    assert clean(lines_of(once.text), lang=once.language_hint).text == once.text


# A line repaired in place (a scraper's marker cut from a token) between two paragraphs: it
# still stands there, so it must not count as a removed line when the frame measures the gap
# between them (it did, and cleaning the result again took the heading over the headline).
REPAIRED_BETWEEN_PARAGRAPHS = [
    "- Posting invented reviews: praising a rival's bakery while running down the family shop.",
    "How the Reviews Were Written",
    "Wie eine Bäckerei sich gegen erfundene Bewertungen wehrt",
    "7QX¹",
    "Die Inhaber einer Bäckerei in Musterstadt haben rechtliche Schritte gegen mehrere Konten "
    "angekündigt, die im Verdacht stehen, erfundene Bewertungen veröffentlicht zu haben. Am "
    "Montag schrieben sie auf ihrer Website: „Wir haben Belege gegen diese Konten gesammelt "
    "und Klage beim Landgericht eingereicht, das nun über die Löschung entscheiden soll.“",
]


def test_a_line_repaired_in_place_is_no_gap_for_the_frame():
    once = clean(lines_of("\n".join(REPAIRED_BETWEEN_PARAGRAPHS)))
    assert {(removal.line, removal.rule) for removal in once.removals} == {
        (4, "spam-fragment"), (2, "page-top")}
    assert clean(lines_of(once.text), lang=once.language_hint).text == once.text


def test_a_line_taken_away_between_paragraphs_is_judged_as_a_second_cleaning_would():
    # The frame counts a line the detectors took away as a gap between paragraphs; the text
    # cleaned again has no such line. What the frame would take without that evidence goes
    # in the first cleaning.
    lines = [*REPAIRED_BETWEEN_PARAGRAPHS[:3], "0", "0000", REPAIRED_BETWEEN_PARAGRAPHS[4]]
    once = clean(lines_of("\n".join(lines)))
    assert {(removal.line, removal.rule) for removal in once.removals} == {
        (4, "empty-list"), (2, "page-top")}
    assert clean(lines_of(once.text), lang=once.language_hint).text == once.text


# A short question over the headline, as a site labels its explainers, and the same label
# again at the foot of the page. The repeat once lifted the label over the headline in a
# first cleaning (repeated on the page, though a kicker) and a second cleaning, without the
# repeat, took it as furniture above the headline.
KICKER_REPEATED_AT_THE_FOOT = [
    "Worum geht es?",
    "How a Bakery Took On a Wave of Invented Reviews",
    "A family bakery in Sampleton has gone to court over dozens of reviews that, its owners "
    "say, were written by people who never visited the shop, and has asked the portal that "
    "carried them to hand over the names behind the accounts.",
    "Worum geht es?",
]


def test_a_kicker_repeated_at_the_foot_stays_no_headline():
    once = clean(lines_of("\n".join(KICKER_REPEATED_AT_THE_FOOT)))
    assert once.headline is not None
    assert once.headline.text == KICKER_REPEATED_AT_THE_FOOT[1]
    assert "Worum geht es?" not in once.text
    assert clean(lines_of(once.text), lang=once.language_hint).text == once.text
