"""Each media kit as one ZIP: its files and nothing else, under one folder, the same bytes for
the same files whatever the clock, the order they were read in or the system."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

from pressroom.addresses import media_kit_zip
from pressroom.outputs.media_kit_zip import ENTRY_TIME, zipped_media_kit
from pressroom.sources.media_kit_files import KitFile, MediaKit, read_media_kit

FILES = (KitFile("en/media-kit/fact-sheet.txt", "fact-sheet.txt", b"Facts.\n" * 40),
         KitFile("en/media-kit/logos/print.png", "logos/print.png", b"\x89PNG" + bytes(300)),
         KitFile("en/media-kit/press-room-logo.svg", "press-room-logo.svg", b"<svg/>"))


def opened(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_the_zip_holds_the_kits_files_under_one_folder_named_like_it():
    for lang, folder in (("en", "media-kit"), ("de", "pressemappe")):
        archive = opened(zipped_media_kit(MediaKit(lang, FILES), media_kit_zip(lang)))
        assert archive.namelist() == [f"{folder}/{file.name}" for file in FILES]
        for file in FILES:
            assert archive.read(f"{folder}/{file.name}") == file.data
        assert archive.testzip() is None


def test_no_entry_names_an_absolute_path_or_leaves_its_folder():
    archive = opened(zipped_media_kit(MediaKit("en", FILES), media_kit_zip("en")))
    for name in archive.namelist():
        assert not name.startswith("/") and ".." not in name.split("/") and ":" not in name


def test_every_entry_carries_the_same_time_and_permissions():
    archive = opened(zipped_media_kit(MediaKit("en", FILES), media_kit_zip("en")))
    for entry in archive.infolist():
        assert entry.date_time == ENTRY_TIME == (1980, 1, 1, 0, 0, 0)
        assert entry.create_system == 3 and entry.external_attr >> 16 == 0o100644
        assert entry.compress_type == zipfile.ZIP_DEFLATED


def test_the_same_files_give_the_same_bytes_read_at_any_time_in_any_order(tmp_path: Path):
    first = tmp_path / "one" / "en" / "media-kit"
    second = tmp_path / "two" / "en" / "media-kit"
    for folder, order in ((first, FILES), (second, FILES[::-1])):
        for file in order:  # written in another order, at another time
            path = folder / file.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(file.data)
            os.utime(path, (time.time() - len(order) * 1000, time.time()))
        time.sleep(0.01)
    one = read_media_kit(tmp_path / "one", "en", ())
    two = read_media_kit(tmp_path / "two", "en", ())
    assert zipped_media_kit(one, media_kit_zip("en")) == zipped_media_kit(two,
                                                                          media_kit_zip("en"))
    # And a changed file changes them.
    changed = MediaKit("en", (*FILES[:2], KitFile(FILES[2].path, FILES[2].name, b"<svg />")))
    assert zipped_media_kit(changed, media_kit_zip("en")) != zipped_media_kit(
        one, media_kit_zip("en"))


def test_refused_files_are_not_in_the_zip(tmp_path: Path):
    kit_folder = tmp_path / "docs" / "en" / "media-kit"
    kit_folder.mkdir(parents=True)
    (kit_folder / "logo.svg").write_bytes(b"<svg/>")
    (tmp_path / "secret.txt").write_text("outside docs", encoding="utf-8")
    (kit_folder / "linked.txt").symlink_to(tmp_path / "secret.txt")
    (kit_folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    os.mkfifo(kit_folder / "pipe.txt")
    kit = read_media_kit(tmp_path / "docs", "en", ())
    archive = opened(zipped_media_kit(kit, media_kit_zip("en")))
    assert archive.namelist() == ["media-kit/logo.svg"]
    named = sorted(problem.path.name for problem in kit.problems)
    assert named == [".hidden.txt", "linked.txt", "pipe.txt"]
