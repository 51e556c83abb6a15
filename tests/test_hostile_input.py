"""Hostile and broken input: huge files, floods of noise, and properties that hold for any
text: nothing real is lost, clean text comes out unchanged."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLIPPINGS, body_of, lines_of
from pressroom.cleaning import clean
from pressroom.problems import SourceError
from pressroom.reading import MAX_SOURCE_BYTES, read_source
from test_cleaner import NOISE

ARTICLE = body_of(CLIPPINGS / "en_court_ruling.txt")


def test_a_ten_megabyte_clipping_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes((ARTICLE + "\n").encode() * (10_000_000 // len(ARTICLE)))
    assert path.stat().st_size > 10_000_000 > MAX_SOURCE_BYTES
    try:
        read_source(path)
    except SourceError as exc:
        (problem,) = exc.problems
        assert "MB" in problem.message and "refused" in problem.message and problem.path == path
    else:
        raise AssertionError("a 10 MB clipping was accepted")


def work_done(noise_lines: int) -> int:
    """Function calls made to clean the article with that many noise lines: a count, not a
    time, so that it says the same on a busy machine."""
    noise = list(NOISE["en_court_ruling.txt"])
    text = ARTICLE + "\n" + "\n".join(noise[i % len(noise)] for i in range(noise_lines))
    lines = lines_of(text)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        cleaned = clean(lines, lang="en")
    finally:
        sys.setprofile(None)
    assert "Regional Court of Hamburg" in cleaned.text
    return calls


def test_thousands_of_lines_of_noise_are_cleaned_in_linear_work():
    small, large = work_done(1_000), work_done(4_000)
    # Four times the noise: about four times the work (quadratic work would be sixteen).
    assert large < 5.5 * small, (small, large)


CLEAN = {
    name: [line for line in body_of(CLIPPINGS / name).split("\n")
           if len(line.split()) >= 12 and line not in NOISE[name]]
    for name in NOISE
}
NOISE_LINES = {name: [line for line in NOISE[name] if line != "Source"] for name in NOISE}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(CLEAN)), st.data())
def test_a_clipping_without_noise_comes_out_unchanged(name, data):
    paragraphs = data.draw(st.lists(st.sampled_from(CLEAN[name]), min_size=1, max_size=6,
                                    unique=True))
    text = "\n\n".join(paragraphs)
    cleaned = clean(lines_of(text))
    assert cleaned.text == text
    assert cleaned.removals == ()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(CLEAN)), st.data())
def test_no_clean_paragraph_is_lost_when_noise_surrounds_it(name, data):
    paragraphs = data.draw(st.lists(st.sampled_from(CLEAN[name]), min_size=1, max_size=5,
                                    unique=True))
    lines = list(paragraphs)
    for noise in data.draw(st.lists(st.sampled_from(NOISE_LINES[name]), max_size=8)):
        lines.insert(data.draw(st.integers(0, len(lines))), noise)
    kept = {line.text for line in clean(lines_of("\n".join(lines))).lines}
    for paragraph in paragraphs:
        assert paragraph in kept
