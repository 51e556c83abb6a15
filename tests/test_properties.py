"""Properties that hold for any text, not only for the clippings we have seen."""

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLIPPINGS, SEEDS, body_of, lines_of
from pressroom.cleaning import clean
from pressroom.decoding import UndecodableError, decode
from pressroom.inference import infer
from pressroom.model import Source

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
    from pressroom.reading import read_source

    try:
        source, _ = read_source(Path("any.txt"), raw=raw)
    except SourceError as exc:
        assert all(problem.message for problem in exc.problems)
    else:
        assert source.body
