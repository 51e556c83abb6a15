import shutil

import pytest

from conftest import CLIPPINGS
from pressroom.problems import Severity
from pressroom.sources.ingest import ingest

EN = CLIPPINGS / "en_court_ruling.txt"


def test_a_byte_identical_copy_is_one_article_and_a_warning_names_both(tmp_path):
    shutil.copy(EN, tmp_path / "a.txt")
    shutil.copy(EN, tmp_path / "b.txt")
    result = ingest(tmp_path)
    assert len(result.articles) == 1
    (duplicate,) = [o for o in result.outcomes if o.status == "duplicate"]
    assert duplicate.duplicate_of == tmp_path / "a.txt"
    (warning,) = duplicate.problems
    assert "a.txt" in warning.message and str(tmp_path / "b.txt") in str(warning)


def test_the_same_text_after_cleaning_is_a_duplicate(tmp_path):
    """Received twice: once as UTF-8, once as a Windows-1252 file with CRLF and more widgets."""
    text = (CLIPPINGS / "de_landgericht.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    noisier = text.replace("vor 3 Stunden", "vor 3 Stunden\nJetzt teilen\n© 2024 Jemand")
    (tmp_path / "b.txt").write_bytes(noisier.replace("\n", "\r\n").encode("cp1252"))
    result = ingest(tmp_path)
    assert [o.status for o in result.outcomes] == ["published", "duplicate"]
    assert result.outcomes[1].source.encoding == "cp1252"
    assert result.outcomes[1].duplicate_of == tmp_path / "a.txt"


def test_bad_sources_are_reported_and_the_rest_published(tmp_path):
    shutil.copy(EN, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "badlang.txt").write_text("---\nlang: fr\n---\nTexte\n", encoding="utf-8")
    (tmp_path / "baddate.txt").write_text("---\ndate: 2025-02-30\n---\nText\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("---\ntitle: [oops\n---\nText\n", encoding="utf-8")
    result = ingest(tmp_path)
    assert len(result.articles) == 1
    statuses = {o.path.name: o.status for o in result.outcomes}
    assert statuses == {"good.txt": "published", "empty.txt": "error", "binary.md": "error",
                        "badlang.txt": "error", "baddate.txt": "error", "broken.txt": "error"}
    errors = {p.path.name: p for p in result.problems if p.severity is Severity.ERROR}
    assert set(errors) == set(statuses) - {"good.txt"}
    assert errors["badlang.txt"].line == 2 and errors["baddate.txt"].line == 2
    assert errors["broken.txt"].line is not None


def test_many_sources_are_processed_on_every_core_with_the_same_outcomes(tmp_path, monkeypatch):
    """Past PARALLEL_FROM sources, worker processes clean and infer; what comes out is what
    one process makes, in the same order, with every stage's time counted."""
    from pressroom.sources import ingest as ingest_module
    from pressroom.timing import Timings

    texts = [CLIPPINGS / "en_court_ruling.txt", CLIPPINGS / "de_landgericht.txt"]
    for number in range(ingest_module.PARALLEL_FROM + 10):
        text = texts[number % 2].read_text(encoding="utf-8")
        (tmp_path / f"{number:04d}.txt").write_text(f"{text}\nCase {number}.\n", encoding="utf-8")
    (tmp_path / "0007.txt").write_bytes(b"\xff\xfe\x00broken")
    timings = Timings()
    spread = ingest(tmp_path, timings)
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM", 10**9)
    alone = ingest(tmp_path)
    assert [o.path for o in spread.outcomes] == [o.path for o in alone.outcomes]
    assert [o.status for o in spread.outcomes] == [o.status for o in alone.outcomes]
    assert spread.outcomes[7].status == "error"
    assert spread.articles == alone.articles
    assert spread.problems == alone.problems
    assert timings.seconds["clean"] > 0 and timings.seconds["infer"] > 0


@pytest.mark.build
def test_when_workers_cannot_start_one_process_does_the_work(tmp_path):
    """A build launched from a script without a main guard: each worker would run the script
    again and dies; the sources are still all processed."""
    import subprocess
    import sys

    from pressroom.sources.ingest import PARALLEL_FROM

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (CLIPPINGS / "en_court_ruling.txt").read_text(encoding="utf-8")
    for number in range(PARALLEL_FROM + 1):
        (seeds / f"{number:04d}.txt").write_text(
            f"{text}\nThe court heard case number {number} on the same day.\n", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text("from pathlib import Path\nfrom pressroom.sources.ingest import ingest\n"
                      f"print(len(ingest(Path({str(seeds)!r})).articles))\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == str(PARALLEL_FROM + 1)
