"""Hostile and broken input: huge files, floods of noise, and properties that hold for any
text: nothing real is lost, clean text comes out unchanged."""


import os
import re
import sys
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLIPPINGS, body_of, lines_of
from pressroom.cleaning import clean
from pressroom.ingest import process
from pressroom.problems import Problem, Severity, SourceError
from pressroom.reading import MAX_SOURCE_BYTES, read_source, source_paths
from pressroom.slugs import slugify
from pressroom.taxonomy import load_taxonomy
from sitebuild import build, make_project
from test_build import GOOD
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


# Sources that are not regular files in seeds/ (issue 23, finding 1): refused by name, never
# opened, so that nothing outside the repository is read and no read blocks.

def _errors_of(path: Path) -> list[Problem]:
    outcome = process(path)
    return [problem for problem in outcome.problems if problem.severity is Severity.ERROR]


def test_links_pipes_and_links_to_folders_are_listed_for_reading_to_refuse(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "a.txt").write_text("A clipping.\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("Outside.\n", encoding="utf-8")
    (seeds / "dangling.txt").symlink_to(tmp_path / "nothing.txt")
    (seeds / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    os.mkfifo(seeds / "sub" / "pipe.md")
    listed = [path.relative_to(seeds).as_posix() for path in source_paths(seeds)]
    # The folder link is listed (to be refused), not followed: elsewhere/b.txt is not there.
    assert listed == ["a.txt", "dangling.txt", "linked", "sub/pipe.md"]


def test_a_link_to_a_file_outside_the_seeds_is_refused_unread(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("---\ntitle: Secret\ndate: 2025-05-14\n---\nroot:x:0:0\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    link = tmp_path / "seeds" / "p.txt"
    link.symlink_to(secret)
    (problem,) = _errors_of(link)
    assert problem.path == link and "symbolic link" in problem.message
    assert "root:x" not in str(problem) and str(secret) not in str(problem)
    assert process(link).source is None


def test_a_link_inside_the_seeds_is_refused_too(tmp_path):
    # Decided: every link is refused, wherever it points. A link to another clipping would
    # only publish it twice; one rule (regular files only) leaves no target to check and no
    # time between the check and the read for the target to change.
    original = tmp_path / "original.txt"
    original.write_text("---\ntitle: One\n---\nA clipping with a body.\n", encoding="utf-8")
    link = tmp_path / "again.txt"
    link.symlink_to(original)
    (problem,) = _errors_of(link)
    assert problem.path == link and "symbolic link" in problem.message
    assert "to nothing" not in problem.message


def test_a_dangling_link_is_an_error_naming_it(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    (problem,) = _errors_of(link)
    assert problem.path == link and "symbolic link to nothing" in problem.message


def test_a_pipe_named_like_a_clipping_is_refused_without_opening_it(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    outcomes: list = []
    reader = threading.Thread(target=lambda: outcomes.append(process(pipe)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # blocked opening the pipe: a writer lets it go, and the test fails
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        raise AssertionError("reading a named pipe blocked the build")
    (problem,) = [p for p in outcomes[0].problems if p.severity is Severity.ERROR]
    assert problem.path == pipe and "named pipe" in problem.message


def test_links_pipes_and_dangling_links_are_errors_and_nothing_outside_is_read(tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("---\ntitle: Leaked Accounts\ndate: 2025-05-14\n---\n"
                      "root:x:0:0:root:/root:/bin/bash is a line that no site may carry.\n",
                      encoding="utf-8")
    project = make_project(tmp_path, {"good.txt": GOOD})
    seeds = project / "seeds"
    (seeds / "p.txt").symlink_to(secret)
    (seeds / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(seeds / "pipe.txt")
    plain = build(project)
    assert plain.returncode == 0, plain.stderr
    for name, words in (("p.txt", "symbolic link"), ("gone.txt", "symbolic link to nothing"),
                        ("pipe.txt", "named pipe")):
        assert f"seeds/{name}: is a {words}" in plain.stderr
    published = "".join(path.read_text(encoding="utf-8", errors="replace")
                        for path in (project / "site").rglob("*") if path.is_file())
    assert "root:x:0:0" not in published and "Leaked Accounts" not in published
    assert "xiaomi-secures-legal-victory" in published
    strict = build(project, "--strict")
    assert strict.returncode != 0 and "seeds/p.txt" in strict.stderr


# Slugs bounded in bytes and never empty (finding 2).

def test_a_slug_is_cut_at_a_word_to_fit_its_bound():
    from pressroom.slugs import MAX_SLUG_BYTES

    word = "verwaltungsgerichtsentscheidungsbegruendungen"  # 45 letters
    slug = slugify(" ".join([word.capitalize()] * 10))
    assert len(slug.encode()) <= MAX_SLUG_BYTES < 143  # encrypted home folders allow 143
    assert slug == f"{word}-{word}"  # two whole words fit, a third would not


def test_a_single_word_longer_than_the_bound_is_cut_inside_it():
    from pressroom.slugs import MAX_SLUG_BYTES

    assert slugify("a" * 260) == "a" * MAX_SLUG_BYTES


def test_a_story_without_latin_letters_is_known_by_a_digest_of_its_file_name():
    from pressroom.slugs import story_slug

    slug = story_slug("小米起诉诽谤者胜诉", "小米胜诉")
    assert re.fullmatch(r"story-[0-9a-f]{12}", slug)
    assert story_slug("小米起诉诽谤者胜诉", "小米胜诉") == slug  # the same in every build
    assert story_slug("小米起诉诽谤者胜诉", "小米败诉") != slug
    assert story_slug("Xiaomi wins", "小米胜诉") == "xiaomi-wins"
    assert story_slug("小米", "2025-05-14 court") == "2025-05-14-court"
    assert story_slug("", "") .startswith("story-")
    assert len(story_slug("a" * 300, "x")) <= 100


def test_a_story_key_too_long_for_a_file_name_is_an_error_naming_its_line(write):
    path = write("a.txt", "---\ntitle: A\nstory: " + "-".join(["word"] * 60) + "\n---\nText\n")
    try:
        read_source(path)
    except SourceError as exc:
        (problem,) = exc.problems
        assert problem.path == path and problem.line == 3
        assert "'story'" in problem.message and "at most 100" in problem.message
    else:
        raise AssertionError("a story id of 299 characters was accepted")


def test_a_tag_id_too_long_for_a_file_name_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "taxonomy.yml"
    path.write_text("- id: " + "-".join(["tag"] * 40) + "\n  labels: {en: T, de: T}\n",
                    encoding="utf-8")
    _, (problem,) = load_taxonomy(path)
    assert problem.severity is Severity.ERROR and problem.line == 1
    assert "at most 100 (it names a page)" in problem.message


def test_a_long_title_or_story_key_does_not_stop_the_build(tmp_path):
    long_title = " ".join(["Bundesverfassungsgerichtsbeschluss"] * 8)
    project = make_project(tmp_path, {
        "good.txt": GOOD,
        "long.txt": _variant(1, f"title: {long_title}\n"),
        "key.txt": _variant(2, "story: " + "x" * 300 + "\n"),
    })
    plain = build(project)
    assert plain.returncode == 0, plain.stderr
    assert "seeds/key.txt:2: frontmatter 'story'" in plain.stderr
    (page,) = (project / "site" / "en" / "stories").glob("bundesverfassungs*")
    assert len(page.name) <= 100 and (page / "index.html").exists()
    strict = build(project, "--strict")
    assert strict.returncode != 0 and "seeds/key.txt:2" in strict.stderr


def _variant(number: int, frontmatter: str, body_change: tuple[str, str] | None = None) -> bytes:
    """The good clipping again, told apart from it (a word of its own), with frontmatter."""
    text = GOOD.decode("utf-8").replace("a landmark victory", f"a landmark victory ({number})")
    if body_change:
        text = text.replace(*body_change)
    return f"---\n{frontmatter}---\n{text}".encode()

