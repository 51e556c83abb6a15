"""Pairing an English and a German report of one event: by translation or by two outlets,
weighed by how rare what they share is in the archive. Every company, person, court and
figure here is invented."""

import datetime as dt

from conftest import lines_of, make_article
from pressroom.inference.anchors import is_specific, translation_anchors
from pressroom.report.desk import paired_list, report_body
from pressroom.stories.grouping import group_stories
from pressroom.stories.pairing import (
    MAX_DAYS_APART,
    PAIR_SCORE,
    STRONG_PAIR_SCORE,
    Archive,
    candidate_pairs,
)

DAY = dt.date(2024, 3, 14)
# The press room's own company, its chief executive and its home town: in every story.
COMPANY = ("Brightwell Tools, its chief executive Oskar Lindqvist and the plant in "
           "Harrowgate")
FIRMA = "Brightwell Tools, sein Chef Oskar Lindqvist und das Werk in Harrowgate"

# One event, reported by an English trade paper and a German daily in their own words: what
# they share is the regulator's fine, the number of complaints and the cartel's name.
FINE_EN = ("Regulators fined the Velmora cartel 2,400,000 euros on Tuesday after 318 "
           "complaints from hardware shops, the authority said. "
           f"Among those who had complained were {COMPANY}.")
FINE_DE = ("Die Wettbewerbsbehörde verhängte gegen das Velmora-Kartell eine Strafe von "
           "2.400.000 Euro. Vorausgegangen waren 318 Beschwerden von Baumärkten; die "
           "Behörde nannte keine Namen der Händler.")

# Two other stories about the company in the same week: a recall and a lawsuit.
RECALL_EN = (f"A recall of cordless drills was announced by {COMPANY}. The model Kestrel "
             "overheats, and owners can return it to any dealer, the company said.")
LAWSUIT_DE = (f"Eine Klage gegen {FIRMA} wegen einer Werbeaussage hat ein Verband "
              "eingereicht. Die Schreiner sehen ihre Kunden getäuscht.")

# A court's ruling, reported in both languages by pages that show no date.
RULING_EN = ("The Regional Court of Westerhaven ruled on March 12, 2024 (file no. 4 O 117/23) "
             "that Marta Okonkwo-Feld must pay damages of 1,250,000 euros to Palisade Foods "
             "for the false reviews she had bought.")
RULING_DE = ("Das Landgericht Westerhaven hat am 12. März 2024 (Az. 4 O 117/23) entschieden, "
             "dass Marta Okonkwo-Feld an Palisade Foods Schadenersatz von 1.250.000 Euro "
             "zahlen muss, weil sie falsche Bewertungen gekauft hatte.")


def background(count: int = 24) -> list:
    """Earlier stories of the press room, in both languages: each names the company, its
    chief and its town, and something of its own."""
    articles = []
    for number in range(count):
        day = DAY - dt.timedelta(days=30 + 9 * number)
        lang = "en" if number % 2 else "de"
        own = f"Item{number}x"
        text = (f"On that day {COMPANY} presented {own}." if lang == "en"
                else f"An diesem Tag stellten {FIRMA} {own} vor.")
        articles.append(make_article(lang, text, date=day, title=f"Earlier {number}",
                                     source=f"earlier-{number}.txt"))
    return articles


def pairs_of(stories) -> set[frozenset[str]]:
    return {frozenset(str(article.source) for article in story.versions.values())
            for story in stories if len(story.versions) == 2}


def test_an_anchor_every_story_has_weighs_little_and_one_only_the_pair_has_weighs_one():
    en = make_article("en", FINE_EN, date=DAY, source="fine-en.txt")
    de = make_article("de", FINE_DE, date=DAY, source="fine-de.txt")
    archive = Archive([en, de, *background()])
    assert archive.weights["#2400000"] == 1.0 == archive.weights["velmora"]
    assert archive.weights["brightwell"] < 0.3
    assert "brightwell" not in archive.rare and "#318" in archive.specific


def test_names_every_story_has_do_not_pair_two_stories_of_one_week():
    """A recall and a lawsuit share the company, its chief and its town: five names, enough
    for a count, which would have taken them for one story."""
    recall = make_article("en", RECALL_EN, date=DAY, title="Recall", source="recall-en.txt")
    lawsuit = make_article("de", LAWSUIT_DE, date=DAY + dt.timedelta(days=1), title="Klage",
                           source="klage-de.txt")
    assert len(recall.anchors & lawsuit.anchors) >= 5
    stories, _ = group_stories([recall, lawsuit, *background()])
    assert not any({"recall-en.txt", "klage-de.txt"} & pair for pair in pairs_of(stories))


def test_two_outlets_reports_of_one_event_pair_by_their_rare_figures_and_names():
    en = make_article("en", FINE_EN, date=DAY, title="Cartel Fined", source="fine-en.txt")
    de = make_article("de", FINE_DE, date=DAY + dt.timedelta(days=1), title="Kartellstrafe",
                      source="fine-de.txt")
    # Not a translation: three anchors in common, a small share of either.
    assert len(en.anchors & de.anchors) == 3
    stories, problems = group_stories([en, de, *background()])
    assert problems == []
    (story,) = [story for story in stories if "en" in story.versions
                and story.versions["en"] is en]
    assert story.versions.get("de") is de
    assert story.pairing is not None and story.pairing.needed == PAIR_SCORE
    assert {anchor for anchor, _ in story.pairing.carried()} == {"#2400000", "#318", "velmora"}


def test_the_same_reports_four_days_apart_are_not_paired_three_days_apart_they_are():
    def paired(days_apart: int) -> bool:
        en = make_article("en", FINE_EN, date=DAY, title="Cartel Fined", source="fine-en.txt")
        de = make_article("de", FINE_DE, date=DAY + dt.timedelta(days=days_apart),
                          title="Kartellstrafe", source="fine-de.txt")
        return frozenset({"fine-en.txt", "fine-de.txt"}) in pairs_of(
            group_stories([en, de, *background()])[0])

    assert MAX_DAYS_APART == 3
    assert paired(3) and paired(-3)
    assert not paired(4) and not paired(-4)


def test_undated_reports_pair_on_a_file_number_a_date_and_a_figure():
    en = make_article("en", RULING_EN, date=None, title="Reviews Cost Damages", source="r-en.txt")
    de = make_article("de", RULING_DE, date=None, title="Schadenersatz", source="r-de.txt")
    assert {"§117/23", "@2024-03-12", "#1250000"} <= en.anchors & de.anchors
    stories, _ = group_stories([en, de, *background()])
    (story,) = [story for story in stories if story.versions.get("en") is en]
    assert story.versions.get("de") is de
    assert story.pairing is not None and story.pairing.needed == STRONG_PAIR_SCORE
    assert story.pairing.score >= STRONG_PAIR_SCORE


def test_an_undated_report_pairs_with_a_dated_one_on_strong_evidence_whatever_the_dates():
    en = make_article("en", RULING_EN, date=DAY + dt.timedelta(days=40), source="r-en.txt")
    de = make_article("de", RULING_DE, date=None, source="r-de.txt")
    stories, _ = group_stories([en, de, *background()])
    assert frozenset({"r-en.txt", "r-de.txt"}) in pairs_of(stories)


def test_undated_reports_sharing_names_alone_are_not_paired():
    """Six rare names and no date, figure or file number: a dated pair would have enough."""
    en_text = ("The Regional Court of Westerhaven heard Marta Okonkwo-Feld and Palisade Foods, "
               "with Judge Ilse Brandauer presiding.")
    de_text = ("Das Landgericht Westerhaven hörte Marta Okonkwo-Feld und Palisade Foods an; "
               "den Vorsitz hatte Ilse Brandauer.")
    en = make_article("en", en_text, date=None, source="h-en.txt")
    de = make_article("de", de_text, date=None, source="h-de.txt")
    shared = en.anchors & de.anchors
    assert len(shared) >= 6 and not any(map(is_specific, shared))
    assert pairs_of(group_stories([en, de, *background()])[0]) == set()
    dated = [make_article("en", en_text, date=DAY, source="h-en.txt"),
             make_article("de", de_text, date=DAY, source="h-de.txt")]
    assert pairs_of(group_stories([*dated, *background()])[0]) == {
        frozenset({"h-en.txt", "h-de.txt"})}


def test_undated_reports_sharing_one_figure_and_little_else_are_not_paired():
    en = make_article("en", "The grocer Palisade Foods said it had sold 1,250,000 jars.",
                      source="j-en.txt")
    de = make_article("de", "Laut Palisade Foods stieg der Umsatz auf 1.250.000 Euro.",
                      source="j-de.txt")
    assert {"#1250000", "palisade", "foods"} == en.anchors & de.anchors
    assert pairs_of(group_stories([en, de, *background()])[0]) == set()


def test_a_date_that_is_the_day_of_publication_is_no_evidence():
    """Two stories of one day whose datelines stayed in the text: that date is not the
    specific anchor that two names in common would need."""
    en = make_article("en", "Published on March 14, 2024. Brightwell Tools opened a depot in "
                            "Dunmore, run by Edda Kestrel.", date=DAY, source="d-en.txt")
    de = make_article("de", "Veröffentlicht am 14. März 2024. Brightwell Tools verklagt "
                            "einen Händler in Dunmore; Edda Kestrel sagte aus.", date=DAY,
                      source="d-de.txt")
    assert {"@2024-03-14", "dunmore", "edda", "kestrel"} <= en.anchors & de.anchors
    assert pairs_of(group_stories([en, de, *background()])[0]) == set()
    # Published the next day, both of them: the date is one they report, and it counts.
    later = [make_article(article.lang.value, article.body[0].text,
                          date=DAY + dt.timedelta(days=1), source=str(article.source))
             for article in (en, de)]
    assert pairs_of(group_stories([*later, *background()])[0]) == {
        frozenset({"d-en.txt", "d-de.txt"})}


def test_the_best_pair_wins_and_each_article_joins_one_other():
    """A German translation and a German report of the same ruling: the translation shares
    more and is the English version's partner; the report stays a story of its own."""
    en = make_article("en", RULING_EN, date=DAY, title="Reviews Cost Damages", source="r-en.txt")
    translation = make_article("de", RULING_DE, date=DAY, title="Schadenersatz",
                               source="r-de.txt")
    report = make_article("de", "Wegen gekaufter Bewertungen muss Marta Okonkwo-Feld "
                                "1.250.000 Euro zahlen (Az. 4 O 117/23).", date=DAY,
                          title="Teure Bewertungen", source="report-de.txt")
    stories, _ = group_stories([report, en, translation, *background()])
    assert pairs_of(stories) == {frozenset({"r-en.txt", "r-de.txt"})}


def test_two_reports_an_editor_keyed_as_different_stories_never_pair():
    en = make_article("en", FINE_EN, date=DAY, story="cartel-fine", source="fine-en.txt")
    de = make_article("de", FINE_DE, date=DAY, story="kartell", source="fine-de.txt")
    stories, _ = group_stories([en, de, *background()])
    assert {"cartel-fine", "kartell"} <= {story.id for story in stories}
    assert pairs_of(stories) == set()


def test_an_editors_key_joins_without_evidence_and_keeps_its_versions_from_pairing():
    en = make_article("en", FINE_EN, date=DAY, story="cartel-fine", source="fine-en.txt")
    chosen = make_article("de", "Ein ganz anderer Text.", date=DAY, story="cartel-fine",
                          source="chosen-de.txt")
    report = make_article("de", FINE_DE, date=DAY, source="fine-de.txt")
    stories, problems = group_stories([en, chosen, report, *background()])
    assert problems == []
    (story,) = [story for story in stories if story.id == "cartel-fine"]
    assert story.versions == {"en": en, "de": chosen} and story.pairing is None
    assert "fine-de.txt" not in {name for pair in pairs_of(stories) for name in pair}


def test_a_keyed_report_pairs_with_an_unkeyed_one_and_names_the_story():
    en = make_article("en", FINE_EN, date=DAY, story="cartel-fine", source="fine-en.txt")
    de = make_article("de", FINE_DE, date=DAY, source="fine-de.txt")
    stories, _ = group_stories([en, de, *background()])
    (story,) = [story for story in stories if story.id == "cartel-fine"]
    assert story.versions == {"en": en, "de": de} and story.pairing is not None


def test_reports_in_one_language_never_pair():
    first = make_article("en", RULING_EN, date=DAY, title="One", source="a.txt")
    second = make_article("en", RULING_EN, date=DAY, title="Two", source="b.txt")
    assert pairs_of(group_stories([first, second, *background()])[0]) == set()


def test_undated_articles_are_looked_up_by_their_specific_anchors_only():
    """A thousand undated clippings, two by two with a rare name in common: an undated
    article could pair with any, so only a date, a figure or a file number makes it a
    candidate."""
    def name(number: int) -> str:  # letters only: a figure in a name would be one
        return "Thing" + "".join(chr(ord("a") + int(digit)) for digit in str(number))

    articles = [make_article("en" if number % 2 else "de",
                             f"{COMPANY if number % 2 else FIRMA} and {name(number // 2)}.",
                             source=f"{number}.txt")
                for number in range(1000)]
    groups = [{article.lang.value: article} for article in articles]
    assert list(candidate_pairs(groups)) == []
    # Dated, they are looked up by every rare anchor within the window.
    dated = [{article.lang.value: make_article(article.lang.value, article.body[0].text,
                                               date=DAY, source=str(article.source))}
             for article in articles]
    assert len(list(candidate_pairs(dated))) == 500


def test_what_a_translation_changes_is_read_alike_in_both_languages():
    english = translation_anchors(lines_of(
        "It sued in Italy and Munich on 19th of May 2020 and on May 3, under I ZR 94/13."))
    german = translation_anchors(lines_of(
        "Sie klagte in Italien und München am 19. Mai 2020 und am 3. Mai, Az. I ZR 94/13."))
    assert {"italy", "munich", "@2020-05-19", "@05-03", "§94/13"} <= english & german
    assert "mai" not in german and "may" not in english  # months are read in the dates
    compound = translation_anchors(lines_of("Die Palisade-Kunden in Europas Norden"))
    assert {"palisade", "europe"} <= compound


def test_the_editors_report_says_why_a_story_was_paired_automatically():
    en = make_article("en", FINE_EN, date=DAY, title="Cartel Fined", source="fine-en.txt")
    de = make_article("de", FINE_DE, date=DAY, source="fine-de.txt")
    keyed = [make_article(lang, text, date=DAY, story="ruling", source=f"ruling-{lang}.txt")
             for lang, text in (("en", RULING_EN), ("de", RULING_DE))]
    stories, _ = group_stories([en, de, *keyed, *background()])
    (entry,) = paired_list(stories)
    assert entry["story"] == "cartel-fined"
    assert entry["sources"] == ["fine-en.txt", "fine-de.txt"]
    assert entry["needed"] == PAIR_SCORE and entry["score"] >= PAIR_SCORE
    assert entry["anchors"][:3] == ["2400000", "318", "velmora"]
    data = {"summary": {}, "site_problems": [], "tag_candidates": [], "missing_translations": [],
            "paired_automatically": [entry], "sources": []}
    html = report_body(data, lambda path: path).html
    assert "Paired automatically" in html
    assert ("cartel-fined: fine-en.txt + fine-de.txt, paired automatically: score 3.0 "
            "(needs 2.5), 2400000, 318, velmora") in html
