"""The media kit's files: regular files of docs/<lang>/media-kit/ in the order of their names;
links, hidden files, pipes and what cannot be read are warnings naming them, never opened or
followed, and withheld from the site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pressroom.problems import Severity
from pressroom.sources import media_kit_files
from pressroom.sources.media_kit_files import read_media_kit


def published(docs: Path) -> set[str]:
    """The docs paths the engine finds, following links as it does."""
    return {Path(folder, name).relative_to(docs).as_posix()
            for folder, _, names in os.walk(docs, followlinks=True) for name in names}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    kit = tmp_path / "docs" / "en" / "media-kit"
    (kit / "logos").mkdir(parents=True)
    (kit / "press-room-logo.svg").write_bytes(b"<svg/>")
    (kit / "fact-sheet.txt").write_bytes(b"Facts.\n")
    (kit / "logos" / "print.png").write_bytes(b"\x89PNG")
    return tmp_path / "docs"


def messages(kit) -> list[str]:
    return [f"{problem.path.name}: {problem.message}" for problem in kit.problems]


def test_the_kit_is_its_regular_files_in_the_order_of_their_names_folders_too(docs):
    kit = read_media_kit(docs, "en", published(docs))
    assert [file.name for file in kit.files] == ["fact-sheet.txt", "logos/print.png",
                                                 "press-room-logo.svg"]
    assert [file.path for file in kit.files][1] == "en/media-kit/logos/print.png"
    assert kit.files[2].data == b"<svg/>" and kit.files[2].size == 6
    assert kit.problems == () and kit.withheld == frozenset()


def test_a_language_without_a_kit_folder_has_an_empty_kit(docs):
    kit = read_media_kit(docs, "de", published(docs))
    assert kit.files == () and kit.problems == () and kit.withheld == frozenset()


def test_a_link_is_refused_unfollowed_and_withheld_wherever_it_points(docs, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the site", encoding="utf-8")
    kit_folder = docs / "en" / "media-kit"
    (kit_folder / "outside.txt").symlink_to(outside)
    (kit_folder / "inside.svg").symlink_to(kit_folder / "press-room-logo.svg")
    (kit_folder / "gone.pdf").symlink_to(tmp_path / "nothing-here.pdf")
    kit = read_media_kit(docs, "en", published(docs))
    assert "outside.txt" not in [file.name for file in kit.files]
    assert all(file.data != b"not for the site" for file in kit.files)
    found = messages(kit)
    for name in ("gone.pdf", "inside.svg", "outside.txt"):
        assert any(message.startswith(f"{name}: is a symbolic link") and "not followed" in message
                   for message in found), (name, found)
    assert {problem.severity for problem in kit.problems} == {Severity.WARNING}
    # The engine found what the links point to; the site publishes none of it.
    assert {"en/media-kit/outside.txt", "en/media-kit/inside.svg"} <= kit.withheld


def test_a_link_to_a_folder_is_not_followed_and_nothing_under_it_is_published(docs, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "private.txt").write_text("private", encoding="utf-8")
    (docs / "en" / "media-kit" / "more").symlink_to(elsewhere, target_is_directory=True)
    kit = read_media_kit(docs, "en", published(docs))
    assert [file.name for file in kit.files] == ["fact-sheet.txt", "logos/print.png",
                                                 "press-room-logo.svg"]
    assert any(message.startswith("more: is a symbolic link") for message in messages(kit))
    assert kit.withheld == {"en/media-kit/more/private.txt"}


def test_a_kit_folder_that_is_a_link_is_not_read(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "logo.svg").write_bytes(b"<svg/>")
    (tmp_path / "docs" / "de").mkdir(parents=True)
    (tmp_path / "docs" / "de" / "media-kit").symlink_to(elsewhere, target_is_directory=True)
    kit = read_media_kit(tmp_path / "docs", "de", published(tmp_path / "docs"))
    assert kit.files == ()
    assert "is a symbolic link to a folder" in messages(kit)[0]
    assert kit.withheld == {"de/media-kit/logo.svg"}


def test_hidden_files_and_folders_are_left_out_with_a_warning(docs):
    kit_folder = docs / "en" / "media-kit"
    (kit_folder / ".DS_Store").write_bytes(b"\0\0")
    (kit_folder / ".drafts").mkdir()
    (kit_folder / ".drafts" / "next-logo.svg").write_bytes(b"<svg/>")
    kit = read_media_kit(docs, "en", published(docs))
    assert len(kit.files) == 3
    assert ".DS_Store: is a hidden file; it is left out of the media kit and not published" \
        in messages(kit)
    assert any(message.startswith(".drafts: is a hidden folder") for message in messages(kit))
    assert kit.withheld == {"en/media-kit/.DS_Store", "en/media-kit/.drafts/next-logo.svg"}


def test_a_named_pipe_is_refused_without_being_opened(docs):
    pipe = docs / "en" / "media-kit" / "stream.txt"
    os.mkfifo(pipe)
    # Opening a pipe without a writer would block: the test would hang, not fail.
    kit = read_media_kit(docs, "en", published(docs))
    assert "stream.txt" not in [file.name for file in kit.files]
    assert any(message.startswith("stream.txt: is a named pipe") for message in messages(kit))
    assert "en/media-kit/stream.txt" in kit.withheld


def test_empty_and_too_large_files_are_left_out(docs, monkeypatch):
    monkeypatch.setattr(media_kit_files, "MAX_KIT_FILE_BYTES", 100)
    (docs / "en" / "media-kit" / "empty.pdf").write_bytes(b"")
    (docs / "en" / "media-kit" / "video.mp4").write_bytes(b"x" * 101)
    kit = read_media_kit(docs, "en", published(docs))
    assert {file.name for file in kit.files} == {"fact-sheet.txt", "logos/print.png",
                                                 "press-room-logo.svg"}
    found = messages(kit)
    assert "empty.pdf: is empty; it is left out of the media kit and not published" in found
    assert any(message.startswith("video.mp4: is 0.0 MB: files of the media kit larger than")
               for message in found), found
    assert kit.withheld == {"en/media-kit/empty.pdf", "en/media-kit/video.mp4"}


def test_a_name_no_page_can_carry_is_left_out(docs):
    (docs / "en" / "media-kit" / "bell\x07.txt").write_bytes(b"ding")
    kit = read_media_kit(docs, "en", published(docs))
    assert len(kit.files) == 3
    assert any("U+0007" in message and "rename the file" in message
               for message in messages(kit))
    assert kit.withheld == {"en/media-kit/bell\x07.txt"}


def test_a_markdown_file_stays_a_page_and_is_not_part_of_the_kit(docs):
    (docs / "en" / "media-kit" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    kit = read_media_kit(docs, "en", published(docs))
    assert "notes.md" not in [file.name for file in kit.files]
    assert any(message.startswith("notes.md: is a page, not a file of the media kit")
               for message in messages(kit))
    assert kit.withheld == frozenset()  # the engine renders it, as any page
