"""Web debris inside or beside real paragraphs: entities, markup, image files and credits,
glued alt texts, teaser links. Invented clippings only."""

import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.cleaning.web_debris import web_debris

ARTICLE = (
    "The regional court in Linden ruled on Monday that the reviews of the Kettlewell bakery "
    "were false.\n"
    "Der Betreiber des Portals muss die Bewertungen löschen und die Kosten des Verfahrens "
    "tragen, so das Gericht."
)
FIRST, SECOND = ARTICLE.split("\n")


def removed(noise: str, rule: str) -> None:
    """The noise line goes, by the named rule, and the article around it stays whole."""
    cleaned = clean(lines_of(f"{ARTICLE}\n\n{noise}\n"))
    assert cleaned.text == ARTICLE
    assert {r.rule for r in cleaned.removals} == {rule}, cleaned.removals


def repaired(paragraph: str, expected: str, rule: str, cut: str) -> None:
    """The paragraph stays, without its debris, and the removal records what was cut."""
    cleaned = clean(lines_of(f"{paragraph}\n{SECOND}"))
    assert cleaned.text == f"{expected}\n{SECOND}"
    (removal,) = cleaned.removals
    assert (removal.line, removal.rule, removal.text, removal.replacement) == (
        1, rule, cut, expected)


def untouched(prose: str) -> None:
    cleaned = clean(lines_of(f"{prose}\n{SECOND}"))
    assert cleaned.removals == ()
    assert cleaned.text == f"{prose}\n{SECOND}"


# --- HTML entities -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "expected", "cut"),
    [
        ("The court fined Brightwater &amp; Sons for the reviews it had bought in bulk.",
         "The court fined Brightwater & Sons for the reviews it had bought in bulk.", "&amp;"),
        ("The judge called the reviews &quot;invented&quot; and ordered them deleted.",
         'The judge called the reviews "invented" and ordered them deleted.', "&quot;"),
        ("The bakery&#8217;s owner said she had lost half of her customers that year.",
         "The bakery’s owner said she had lost half of her customers that year.", "&#8217;"),
        ("The bakery&#x2019;s owner said she had lost half of her customers that year.",
         "The bakery’s owner said she had lost half of her customers that year.", "&#x2019;"),
        ("The court&nbsp;in Linden heard the case of the Kettlewell bakery in March.",
         "The court\u00a0in Linden heard the case of the Kettlewell bakery in March.", "&nbsp;"),
    ],
)
def test_entities_are_decoded_in_place(paragraph, expected, cut):
    repaired(paragraph, expected, "html-entity", cut)


@pytest.mark.parametrize(
    ("paragraph", "expected", "cut"),
    [
        ("The bakery&amp;#8217;s owner said she had lost half of her customers that year.",
         "The bakery’s owner said she had lost half of her customers that year.",
         "&amp;#8217;"),
        ("The court fined Brightwater &amp;amp; Sons for the reviews it had bought in bulk.",
         "The court fined Brightwater & Sons for the reviews it had bought in bulk.",
         "&amp;amp;"),
    ],
)
def test_an_entity_escaped_twice_is_decoded_to_its_character(paragraph, expected, cut):
    repaired(paragraph, expected, "html-entity", cut)


def test_a_line_of_nothing_but_a_no_break_space_entity_goes():
    removed("&nbsp;", "html-entity")


@pytest.mark.parametrize(
    "prose",
    [
        "The supplier A&B Ltd and the bakery settled the dispute over the reviews in May.",
        "Spending on R&D fell, the bakery's accountant told the court in Linden on Monday.",
        "The forum user wrote &lol; under every review, which the court found irrelevant.",
        # Without its semicolon a name is no entity, though a browser might read it as one.
        "The copy shop Print&copy in Linden printed the flyers with the false reviews.",
        # Three escapes are one too many for a scraper: the text writes about escaping.
        "The tutorial on the portal showed &amp;amp;amp; as an example of escaping gone wrong.",
    ],
)
def test_an_ampersand_that_is_no_entity_stays(prose):
    untouched(prose)


# --- markup --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "noise",
    [
        '<script src="/assets/reviews.js"></script>',
        "<script>window.slots = [];</script>",
        '<div class="wp-caption">',
        "</p>",
        '<img src="/media/court.jpg" alt="Courthouse in Linden">',
        "<!-- advertisement slot 3 -->",
        '<div class="caption"><span>Lawyers at a desk</span></div>',
    ],
)
def test_lines_of_markup_go(noise):
    removed(noise, "markup")


@pytest.mark.parametrize(
    ("paragraph", "expected", "cut"),
    [
        ("The court ruled that <b>all</b> of the reviews were false and had to be deleted.",
         "The court ruled that all of the reviews were false and had to be deleted.",
         "<b> </b>"),
        ("<p>The court ruled that all of the reviews were false and had to be deleted.</p>",
         "The court ruled that all of the reviews were false and had to be deleted.",
         "<p> </p>"),
        ('The court published <a href="https://court.example/decisions/2024/linden-12-o-345">'
         "its judgment</a> on Monday.",
         "The court published its judgment on Monday.",
         '<a href="https://court.example/decisions/2024/linden-12-o-345"> </a>'),
        ("The court ruled that the reviews were false.<br>The portal has appealed.",
         "The court ruled that the reviews were false. The portal has appealed.", "<br>"),
        # A script goes with its code.
        ("The court ruled that the reviews were false<script>track('ruling')</script> and had "
         "to be deleted.",
         "The court ruled that the reviews were false and had to be deleted.",
         "<script>track('ruling')</script>"),
    ],
)
def test_tags_inside_a_paragraph_are_cut(paragraph, expected, cut):
    repaired(paragraph, expected, "markup", cut)


@pytest.mark.parametrize(
    "prose",
    [
        'The expert said that every page of the portal starts with "<html>" and ends with '
        '"</html>".',
        "The expert explained that the <title> element of the page named the bakery twice.",
        "Fewer than <5 percent of the reviews were genuine, and the court said 3 < 4 proved it.",
    ],
)
def test_prose_that_mentions_markup_stays(prose):
    untouched(prose)


# --- image files ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "noise",
    ["IMG_1234.jpg", "photo-court-2024.webp", "header.png",
     "https://cdn.example.org/2024/05/kettlewell-bakery.JPEG"],
)
def test_an_image_file_name_alone_goes(noise):
    removed(noise, "image-file")


def test_an_image_file_name_at_the_end_of_a_paragraph_is_cut():
    repaired(f"{FIRST} IMG_0042.jpg", FIRST, "image-file", "IMG_0042.jpg")


@pytest.mark.parametrize(
    "prose",
    [
        "The blogger posted a picture of the bakery under the file name storefront.jpg.",
        "The picture (storefront.jpg) showed the bakery on a day when it was closed, she said.",
        "The file storefront.jpg showed the bakery on a day when it was closed, she said.",
    ],
)
def test_a_file_name_inside_a_sentence_stays(prose):
    untouched(prose)


# --- image credits -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "noise",
    ["Mara Lindqvist/Northgate Daily", "Harbour Images/Tom Ashby", "Tom Ashby/NGD",
     "Mara Lindqvist/Northgate Daily Protesters outside the court in Linden",
     "Protesters outside the court in Linden. Mara Lindqvist/Northgate Daily"],
)
def test_a_photo_credit_goes_alone_or_with_its_caption(noise):
    removed(noise, "image-credit")


@pytest.mark.parametrize(
    "prose",
    [
        "Customers and/or suppliers may claim damages, the court in Linden ruled on Monday.",
        "The van drove at 80 km/h past the bakery, a witness told the court in Linden.",
        "The ruling applies to every seller in the EU/EEA market, the court said on Monday.",
        "The court cited its earlier decision I ZR 12/24 and dismissed the appeal on Monday.",
    ],
)
def test_slashes_inside_prose_stay(prose):
    untouched(prose)


@pytest.mark.parametrize("line", ["Pros/Cons", "EU/EEA", "EU/EEA rules", "Kläger/Beklagte",
                                  "Questions and/or answers", "Linden/Harbour Times readers",
                                  "Court/Tribunal Fees", "Mieter/Vermieter Streit eskaliert",
                                  "Amtsgericht Linden/Landgericht Hamm",
                                  "Bakery reviews in the news/media"])
def test_a_short_line_of_text_with_a_slash_is_no_credit(line):
    assert web_debris(line) is None


# --- alt text glued to a paragraph ---------------------------------------------------------

GERMAN_PARAGRAPH = ("Das Landgericht Linden hat am Montag entschieden, dass die Bewertungen "
                    "gelöscht werden müssen.")


@pytest.mark.parametrize(
    ("alt_text", "paragraph"),
    [("Lawyers at a desk", FIRST), ("Anwälte vor dem Gerichtsgebäude", GERMAN_PARAGRAPH)],
)
def test_an_alt_text_glued_to_a_paragraph_is_cut(alt_text, paragraph):
    repaired(f"{alt_text}{paragraph}", paragraph, "glued-alt-text", alt_text)


@pytest.mark.parametrize(
    "prose",
    [
        "Customers who paid with PayPal or bought on eBay posted the reviews from an iPhone.",
        "The McDonald family said the YouTube channel had copied the reviews word for word.",
        "The lawyers discussed the ruling on LinkedIn and their post was shared by many readers.",
        "Die neue BahnCard kostet mehr als bisher, teilte das Unternehmen am Montag mit.",
        "Customers of GoWith said on Monday that they had never written a single review.",
        # Too short for an alt text, or no sentence after the junction.
        "At deskThe court ruled on Monday that the reviews of the bakery were false.",
        "Lawyers at a deskThe court ruled",
        # Past a caption's length the words before the junction are a sentence of the text.
        "Lawyers of the bakery met in the old office of their firm near the town hall of "
        "LindenThe court ruled on Monday that the reviews were false.",
    ],
)
def test_camel_case_names_are_no_glued_alt_text(prose):
    assert web_debris(prose) is None


# --- "Read more" ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (" Read more", ""), (" Read more »", ""), (" [Read more]", ""), (" Weiterlesen", ""),
        (" Mehr lesen →", ""), (" Continue reading", ""),
    ],
)
def test_a_read_more_tail_is_cut(tail, kept):
    repaired(f"{FIRST}{tail}", FIRST + kept, "read-more", tail.strip())


def test_more_after_an_ellipsis_is_a_tail():
    teaser = FIRST.removesuffix(" were false.")
    repaired(f"{teaser} […] more", teaser, "read-more", "[…] more")
    repaired(f"{teaser} … mehr", f"{teaser} …", "read-more", "mehr")


@pytest.mark.parametrize(
    "prose",
    [
        "Read more about this in our report on the ruling of the regional court in Linden.",
        "The judge asked the jury to read more of the reviews before they decided on Monday.",
        "The bakery sells bread, cakes and pies, coffee and a lot more",
        "Readers of the portal who wanted to know why could read more",
        "The bakery advertised its bread with the slogan Less Is More",
    ],
)
def test_the_words_of_a_link_inside_prose_stay(prose):
    assert web_debris(prose) is None


@pytest.mark.parametrize("label", ["Mehr erfahren", "Zum Artikel", "Continue reading →",
                                   "Learn more"])
def test_a_link_label_alone_goes(label):
    removed(label, "link-label")


@pytest.mark.parametrize(("label", "rule"), [("Read more", "related-posts"),
                                             ("Click here", "widget")])
def test_labels_of_other_rules_are_left_to_them(label, rule):
    """ "Read more" alone announces links, and the related-posts rule takes them with it."""
    removed(label, rule)
    assert web_debris(label) is None


# --- all together --------------------------------------------------------------------------

CLIPPING = "\n".join([
    "Bakery wins case over invented reviews",
    "Lawyers at a deskThe regional court in Linden ruled on Monday that the reviews of the "
    "Kettlewell bakery were false.",
    "IMG_2081.jpg",
    "Mara Lindqvist/Northgate Daily",
    "The portal&#8217;s operator must delete the reviews and pay the <b>costs</b> of the "
    "proceedings. Read more",
    '<div class="share-bar"></div>',
    "Mehr erfahren",
])
CLEAN = "\n".join([
    "Bakery wins case over invented reviews",
    "The regional court in Linden ruled on Monday that the reviews of the Kettlewell bakery "
    "were false.",
    "The portal’s operator must delete the reviews and pay the costs of the proceedings.",
])


def test_a_clipping_loses_its_debris_and_cleaning_it_again_changes_nothing():
    once = clean(lines_of(CLIPPING))
    assert once.text == CLEAN
    assert sorted({r.rule for r in once.removals}) == [
        "glued-alt-text", "html-entity", "image-credit", "image-file", "link-label", "markup",
        "read-more"]
    twice = clean(lines_of(once.text))
    assert twice.text == once.text and twice.removals == ()
