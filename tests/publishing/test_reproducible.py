"""Reproducible builds: the same sources, code and clock give the same bytes, file for file,
so that a deploy can tell that nothing changed."""

from __future__ import annotations

import datetime as dt
import filecmp
import subprocess
from pathlib import Path

import pytest

from pressroom.clock import ClockError, build_now
from sitebuild import ENGINE_COMMAND, ENV, make_project

# A moment after every seed's date, fixed by the variable reproducible builds share.
EPOCH = str(int(dt.datetime(2025, 11, 1, 9, 30, tzinfo=dt.UTC).timestamp()))


def build_with(project: Path, **variables: str) -> None:
    """A strict build of the project with these variables (and no PRESSROOM_NOW from the
    caller's environment, which would win over SOURCE_DATE_EPOCH)."""
    env = {name: value for name, value in ENV.items() if name != "PRESSROOM_NOW"}
    done = subprocess.run([*ENGINE_COMMAND, "build", "--strict"], cwd=project,
                          env={**env, **variables}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def differences(one: Path, other: Path) -> list[str]:
    """Every file that is not byte for byte the same in both folders (or only in one)."""
    found: list[str] = []
    compared = filecmp.dircmp(one, other)
    pending = [(compared, Path())]
    while pending:
        folder, where = pending.pop()
        found += [f"{where / name} (only in one)" for name in folder.left_only + folder.right_only]
        found += [str(where / name) for name in folder.common_files
                  if not filecmp.cmp(one / where / name, other / where / name, shallow=False)]
        found += [str(where / name) for name in folder.common_funny]
        pending += [(sub, where / name) for name, sub in folder.subdirs.items()]
    return sorted(found)


def file_count(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file())


@pytest.mark.build
def test_two_builds_of_the_same_sources_give_the_same_bytes(tmp_path):
    # Separate projects, and Python's string hashing seeded differently in each, so that an
    # order taken from a set or a hash map, Pagefind's own among them, shows up here.
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = make_project(tmp_path / "one"), make_project(tmp_path / "two")
    build_with(first, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="1")
    build_with(second, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="2")
    assert file_count(first / "site") > 100
    differ = differences(first / "site", second / "site")
    assert not differ, "these files differ:\n" + "\n".join(differ)
    # Rebuilt warm, from the source cache the first build left, as the deploy builds.
    cold = first / "cold-site"
    (first / "site").rename(cold)
    build_with(first, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="3")
    differ = differences(cold, first / "site")
    assert not differ, "these files differ warm and cold:\n" + "\n".join(differ)


def test_the_comparison_sees_a_changed_file(tmp_path):
    one, other = tmp_path / "one", tmp_path / "two"
    for folder in (one, other):
        (folder / "pagefind" / "en").mkdir(parents=True)
        (folder / "pagefind" / "en" / "meta").write_bytes(b"same")
    (other / "pagefind" / "en" / "meta").write_bytes(b"sane")
    (other / "pagefind" / "extra").write_bytes(b"")
    assert differences(one, other) == ["pagefind/en/meta", "pagefind/extra (only in one)"]


def test_the_clock_is_fixed_by_pressroom_now_or_source_date_epoch():
    moment = dt.datetime(2025, 11, 1, 9, 30, tzinfo=dt.UTC)
    assert build_now({"SOURCE_DATE_EPOCH": EPOCH}) == moment
    assert build_now({"PRESSROOM_NOW": "2025-11-01T09:30:00"}) == moment
    # PRESSROOM_NOW, the press room's own, wins over the shared variable.
    assert build_now({"PRESSROOM_NOW": "2024-01-02T00:00:00+01:00",
                      "SOURCE_DATE_EPOCH": EPOCH}).isoformat() == "2024-01-02T00:00:00+01:00"
    before = dt.datetime.now(dt.UTC)
    assert before <= build_now({}) <= dt.datetime.now(dt.UTC)


@pytest.mark.parametrize("variables", [{"SOURCE_DATE_EPOCH": "yesterday"},
                                       {"SOURCE_DATE_EPOCH": "-5"},
                                       {"PRESSROOM_NOW": "soon"}])
def test_a_clock_that_is_not_a_time_is_an_error_naming_it(variables):
    name = next(iter(variables))
    with pytest.raises(ClockError, match=name):
        build_now(variables)


@pytest.mark.build
def test_an_embargo_follows_source_date_epoch(tmp_path):
    """The fixed clock is the build's clock: an embargo ends at SOURCE_DATE_EPOCH's moment."""
    story = ("---\ntitle: A later ruling\nlang: en\ndate: 2025-10-30\n"
             "embargo: 2025-11-01T09:00:00+00:00\n---\n"
             "The court ruled on the appeal on Thursday, the company said in a statement.\n")
    project = make_project(tmp_path, {"late.txt": story.encode()})
    env = {name: value for name, value in ENV.items() if name != "PRESSROOM_NOW"}
    before = str(int(dt.datetime(2025, 11, 1, 8, 0, tzinfo=dt.UTC).timestamp()))
    for epoch, published in ((before, False), (EPOCH, True)):
        subprocess.run([*ENGINE_COMMAND, "build"], cwd=project, capture_output=True, timeout=300,
                       env={**env, "SOURCE_DATE_EPOCH": epoch}, check=True)
        assert (project / "site" / "en" / "stories" / "a-later-ruling").is_dir() is published
