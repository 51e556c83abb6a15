import datetime as dt

import pytest

from pressroom.problems import Severity, SourceError
from pressroom.sources.reading import read_source, source_paths


def test_body_lines_keep_their_numbers_in_the_file(write):
    path = write("a.txt", "---\ntitle: Headline\nlang: de\n---\nFirst line\n\nThird body line\n")
    source, problems = read_source(path)
    assert problems == []
    assert source.body[0].number == 5
    assert source.body[0].text == "First line"
    assert [line.number for line in source.body if line.text == "Third body line"] == [7]
    assert source.editor("title").value == "Headline"
    assert source.editor("title").line == 2
    assert source.editor("lang").value == "de"


def test_body_after_frontmatter_is_kept_byte_for_byte(write):
    body = "Erste Zeile\n\n  eingerückt\nletzte"
    source, _ = read_source(write("a.md", f"---\ndate: 2025-05-14\n---\n{body}"))
    assert source.text == body
    assert source.editor("date").value == dt.date(2025, 5, 14)


def test_txt_and_md_without_frontmatter(write):
    for name in ("a.txt", "b.md"):
        source, _ = read_source(write(name, "Just a clipping.\n"))
        assert source.frontmatter == {}
        assert source.body[0].number == 1


def test_tags_as_list_or_comma_string(write):
    source, _ = read_source(write("a.txt", "---\ntags: [Xiaomi, Minzhili]\n---\nText\n"))
    assert source.editor("tags").value == ("Xiaomi", "Minzhili")
    source, _ = read_source(write("b.txt", "---\ntags: Xiaomi, Redmi\n---\nText\n"))
    assert source.editor("tags").value == ("Xiaomi", "Redmi")


def _errors(path):
    with pytest.raises(SourceError) as caught:
        read_source(path)
    return caught.value.problems


@pytest.mark.parametrize(
    ("frontmatter", "line", "words"),
    [
        ("title: ok\nlang: fr\n", 3, "'fr' is not a language"),
        ("date: 2025-02-30\n", 2, "not a date that exists"),
        ("date: 14.05.2025\n", 2, "YYYY-MM-DD"),
        ("title: ok\nstory: ../../etc\n", 3, "not a story id"),
        ("story: /absolute\n", 2, "not a story id"),
        ("story: ..\n", 2, "not a story id"),
        ("embargo: tomorrow\n", 2, "ISO date-time"),
        ("draft: maybe\n", 2, "true or false"),
        ("source_url: javascript:alert(1)\n", 2, "http"),
    ],
)
def test_impossible_values_are_errors_naming_file_and_line(write, frontmatter, line, words):
    path = write("bad.txt", f"---\n{frontmatter}---\nBody text\n")
    problems = _errors(path)
    assert len(problems) == 1
    assert problems[0].severity is Severity.ERROR
    assert problems[0].path == path
    assert problems[0].line == line
    assert words in problems[0].message


def test_malformed_frontmatter_names_the_line(write):
    path = write("bad.txt", "---\ntitle: fine\ntags: [unclosed\nlang: en\n---\nBody\n")
    (problem,) = _errors(path)
    assert "malformed frontmatter" in problem.message
    assert problem.line in (3, 4, 5)
    assert str(path) in str(problem)


def test_unclosed_frontmatter(write):
    (problem,) = _errors(write("bad.txt", "---\ntitle: never closed\nBody\n"))
    assert "never closed" in problem.message
    assert problem.line == 1


def test_frontmatter_cannot_construct_objects(write):
    path = write("evil.txt", "---\ntitle: !!python/object/apply:os.system ['true']\n---\nBody\n")
    (problem,) = _errors(path)
    assert "frontmatter refused" in problem.message and "!!python/object" in problem.message
    assert problem.line == 2


def test_unknown_key_is_a_warning_not_an_error(write):
    source, problems = read_source(write("a.txt", "---\ntitel: Tippfehler\n---\nBody\n"))
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "titel" in problems[0].message and problems[0].line == 2
    assert source.editor("titel") is None


@pytest.mark.parametrize("content", [b"", b"---\ntitle: only\n---\n", b"  \n\n \n"])
def test_sources_without_text_are_errors(write, content):
    (problem,) = _errors(write("empty.txt", content))
    assert problem.severity is Severity.ERROR


def test_binary_file_is_an_error_naming_it(write):
    path = write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (problem,) = _errors(path)
    assert problem.path == path and "binary" in problem.message


def test_source_paths_finds_txt_and_md_in_order(write, tmp_path):
    write("b.md", "x")
    write("a.txt", "x")
    write("notes.json", "{}")
    write(".hidden/c.txt", "x")
    assert [p.name for p in source_paths(tmp_path)] == ["a.txt", "b.md"]


def test_a_repaired_line_is_a_note_naming_the_line_and_both_readings(write):
    broken = "Grüße aus München".encode().decode("cp1252")
    source, problems = read_source(write("a.txt", f"---\ntitle: T\n---\nFirst\n{broken}\n"))
    assert source.body[1].text == "Grüße aus München"
    notes = [problem for problem in problems if problem.severity is Severity.NOTE]
    assert [(note.line, note.message) for note in notes] == [
        (5, "repaired mojibake: “GrÃ¼ÃŸe aus MÃ¼nchen” now reads “Grüße aus München”")]
