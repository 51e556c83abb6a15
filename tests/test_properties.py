"""Properties that hold for any text, not only for the clippings we have seen."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLIPPINGS, SEEDS, body_of, lines_of
from pressroom.cleaning import clean
from pressroom.inference import anchors, infer
from pressroom.language import text as text_facts
from pressroom.language.text import FOREIGN_LETTER, foreign_share
from pressroom.model import Source
from pressroom.pages.html_text import without_layout_whitespace
from pressroom.sources.decoding import UndecodableError, decode

REAL_LINES = [line for path in [*SEEDS.glob("*.txt"), *CLIPPINGS.glob("*.txt")]
              for line in body_of(path).split("\n")]
text_lines = st.one_of(st.sampled_from(REAL_LINES), st.text(max_size=80))


@settings(max_examples=150, deadline=None)
@given(st.lists(text_lines, min_size=1, max_size=30))
def test_cleaning_never_fails_and_is_idempotent(lines):
    once = clean(lines_of("\n".join(lines)))
    twice = clean(lines_of(once.text), lang=once.language_hint)
    assert twice.text == once.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_a_clear_refusal(raw):
    try:
        text, _ = decode(raw)
    except UndecodableError as exc:
        assert str(exc)
    else:
        assert "\r" not in text


@settings(max_examples=100, deadline=None)
@given(st.lists(text_lines, min_size=1, max_size=20))
def test_inference_never_fails(lines):
    from pathlib import Path

    text = "\n".join(lines)
    if not text.strip():
        return
    source = Source(Path("x.txt"), text.encode(), "utf-8", tuple(lines_of(text)))
    article, _ = infer(source, clean(source.body))
    assert article.lang.value in ("en", "de")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_reading_any_bytes_gives_a_source_or_a_clear_error(raw):
    from pathlib import Path

    from pressroom.problems import SourceError
    from pressroom.sources.reading import read_source

    try:
        source, _ = read_source(Path("any.txt"), raw=raw)
    except SourceError as exc:
        assert all(problem.message for problem in exc.problems)
    else:
        assert source.body


# Characters YAML treats specially inside quotes or refuses outright, next to ordinary text.
awkward_text = st.text(alphabet=st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from("\x85\u2028\u2029\x7f\x9f\ufeff\ufffe\uffff\"'\\:#{}[]&<>-\n\t"),
), max_size=60)


@settings(max_examples=200, deadline=None)
@given(title=awkward_text, publisher=awkward_text, tags=st.lists(awkward_text, max_size=4))
def test_frontmatter_reads_back_as_written(title, publisher, tags):
    """MkDocs reads a generated page's frontmatter with its own YAML reader; whatever the
    text, every value comes back (title escaped for the theme, which prints it raw)."""
    import html
    import importlib

    from pressroom.engine import NAME
    from pressroom.pages.rendering import with_frontmatter

    get_data = importlib.import_module(f"{NAME}.utils.meta").get_data

    meta = {"title": title, "lang": "de", "publisher": publisher, "tags": tags, "flag": True}
    body, read = get_data(with_frontmatter(meta, "Body\n"))
    assert read == {**meta, "title": html.escape(title)}
    assert body.strip() == "Body"


@settings(max_examples=150, deadline=None)
@given(st.lists(text_lines, min_size=1, max_size=20))
def test_a_story_page_shows_every_text_as_text(lines):
    """Whatever a clipping holds, the story page's HTML has only the elements the renderer
    writes, and every body line comes out as the same text."""
    from html.parser import HTMLParser
    from pathlib import Path

    from pressroom.pages.story_html import StoryExtras, story_body

    text = "\n".join(lines)
    if not text.strip():
        return
    source = Source(Path("x.txt"), text.encode(), "utf-8", tuple(lines_of(text)))
    article, _ = infer(source, clean(source.body))
    extras = StoryExtras(tags=[("<b>tag</b>", "de/schlagwoerter/t.md")],
                         cases=[("a & b", "de/c.md#x")])
    rendered = story_body(article, "de", "1. Mai 2025 · <i>X</i>", extras, lambda path: path)

    class Elements(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.text = ""

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.tags.add(tag)

        def handle_data(self, data: str) -> None:
            self.text += data

    parsed = Elements()
    parsed.feed(rendered.html)
    assert parsed.tags <= {"h1", "h2", "p", "ul", "li", "div", "nav", "a", "strong"}
    for line in article.body:
        assert line.text.strip().lstrip("-•*· ").strip() in parsed.text
    assert "<b>tag</b>" in parsed.text and "<i>X</i>" in parsed.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_foreign_share_is_the_share_of_letters_outside_the_latin_script(text):
    """Counted one letter at a time, as the definition says (the code counts faster)."""
    letters = [char for char in text if re.fullmatch(r"[^\W\d_]", char)]
    foreign = [char for char in letters if FOREIGN_LETTER.fullmatch(char)]
    expected = len(foreign) / len(letters) if letters else 0.0
    assert foreign_share(text) == expected
    assert foreign_share("Xiaomi 小米 ist") == 2 / 11


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/ab= \n\t", max_size=120))
def test_only_layout_whitespace_leaves_template_markup(markup):
    """What a browser shows stays the same: whitespace runs collapse to one space anyway."""
    compact = without_layout_whitespace(markup)
    assert compact.split() == markup.split()
    assert [bool(run.strip(" \t")) for run in re.findall(r"\s+", compact)] == [
        bool(run.strip(" \t")) for run in re.findall(r"\s+", markup)]  # a line break stays one
    assert not re.search(r"\n[\n \t]", compact)


def test_whitespace_that_is_content_is_left_alone():
    markup = "<nav>\n  <ul>\n    <li>x</li>\n  </ul>\n</nav>\n<pre>\n  code\n</pre>\n"
    assert without_layout_whitespace(markup) == markup
    assert without_layout_whitespace("<nav>\n  <ul>\n\n  </ul>") == "<nav>\n<ul>\n</ul>"


before_a_break = st.lists(st.sampled_from(
    ["Mr", "Mrs", "Sept", "Corp", "z.B", "u.a", "etc", "A", "é", "15", "3", "2025", ".", " ",
     "x", "Xiaomi", "Am", "’", "("]), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(before_a_break)
def test_what_stands_right_before_a_break_decides_it_as_the_whole_text_would(head):
    """The sentence splitter looks only at the last few characters before a full stop."""
    for pattern in (text_facts._ABBREVIATIONS, text_facts._ORDINAL_DAY):
        tail = head[-text_facts._BEFORE_BREAK:]
        assert bool(pattern.search(tail)) == bool(pattern.search(head))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="AaZÄöÜ1-_ ,;:)“”\".\n", max_size=40))
def test_names_for_pairing_are_capitalised_words_after_a_word_and_a_space(text):
    """The name pattern, written capital first for speed, finds what its definition says."""
    definition = re.compile(r"(?<=[\w,;:)“”\"] )[A-ZÄÖÜ][\w\-]+")
    assert anchors._NAME.findall(text) == definition.findall(text)
