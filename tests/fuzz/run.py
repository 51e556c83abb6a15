"""`make fuzz`: hostile sources through the whole build, bounded in time.

Each round writes a batch of generated clippings (control characters, markup, broken and
hostile frontmatter, huge and odd lines, scripts of other languages) into a scratch project
beside the seeds, builds it without --strict, and checks what a reader and an editor get:

- no traceback (the build ends, and every problem is a message naming a file);
- no leak: no marker of the generated markup reaches a page as markup;
- well-formed outputs: every feed and the sitemap parse as XML;
- nothing silently lost: every generated source is in the editor's report, published with a
  page or with a problem that says why not.

Not part of `make test`: it is a search for failures, not a check of known behaviour.
`FUZZ_SECONDS` bounds it (default 120), `FUZZ_SEED` makes a run repeatable.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
BATCH = 25
MARKER = "fz7q"  # in every generated tag: found in a page's markup, it leaked
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

PROSE = [
    "The chamber ruled on Monday that the platform must take the reviews down.",
    "Das Gericht entschied am Montag, dass die Plattform die Bewertungen löschen muss.",
    "A spokesperson said the company would appeal the decision within a month.",
    "Die Kanzlei kündigte an, gegen das Urteil Berufung einzulegen.",
]
PIECES = [
    lambda r: f"<script>alert('{MARKER}')</script>",
    lambda r: f'<img src=x onerror="{MARKER}()">',
    lambda r: f"<{MARKER}>bold</{MARKER}> &amp;amp; &#8217; &lt;b&gt;",
    lambda r: "".join(chr(r.choice([0, 1, 8, 11, 12, 27, 127, 0xFFFE, 0xFFFF, 0xFDD0]))
                      for _ in range(r.randint(1, 5))),
    lambda r: " " * r.randint(1000, 20000) + "x",
    lambda r: "." * r.randint(1000, 30000),
    lambda r: "- " * r.randint(500, 5000),
    lambda r: "Word " * r.randint(2000, 8000),
    lambda r: "新闻 発表 기사 " * r.randint(1, 200),
    lambda r: "🙂" * r.randint(1, 300),
    lambda r: "https://" + "a" * r.randint(100, 3000) + ".example",
    lambda r: "x@" * r.randint(100, 3000),
    lambda r: "Tags: " + ", ".join(f"t{n}" for n in range(r.randint(1, 400))),
    lambda r: "\u202e\u200b\u00ad reversed",
    lambda r: r.choice(PROSE),
]
FRONTMATTER = [
    lambda r: "",
    lambda r: "---\ntitle: " + "Long " * r.randint(50, 120) + "\n---\n",
    lambda r: "---\ntitle: \"\\x01\\u0000\\uFFFE escaped\"\n---\n",
    lambda r: "---\ntags: " + "[" * r.randint(60, 600) + "]" * r.randint(60, 600) + "\n---\n",
    lambda r: "---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
              "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
    lambda r: "---\ntitle: !!python/object/apply:os.system ['true']\n---\n",
    lambda r: "---\ntitle: one\ntitle: two\n---\n",
    lambda r: "---\nstory: " + "s" * r.randint(200, 400) + "\n---\n",
    lambda r: "---\ndate: 2026-02-30\nlang: xx\n---\n",
    lambda r: "---\ndrop: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n---\n",
    lambda r: "---\ntitle: [unclosed\n---\n",
]


def clipping(rng: random.Random) -> bytes:
    head = rng.choice(FRONTMATTER)(rng)
    lines = [rng.choice(PIECES)(rng) if rng.random() < 0.6 else rng.choice(PROSE)
             for _ in range(rng.randint(1, 12))]
    text = head + "\n".join(lines) + "\n"
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "latin-1"])
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def make_project(folder: Path, sources: dict[str, bytes]) -> Path:
    project = folder / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    for name, content in sources.items():
        (project / "seeds" / name).write_bytes(content)
    return project


def check(project: Path, names: list[str], result: subprocess.CompletedProcess[str],
          counts: dict[str, int], failures: list[str]) -> None:
    if result.returncode != 0 or "Traceback" in result.stderr:
        counts["crashes"] += 1
        failures.append(result.stderr[-2000:])
        return
    site = project / "site"
    for path in [*site.rglob("feed.xml"), site / "sitemap.xml"]:
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as exc:
            counts["malformed outputs"] += 1
            failures.append(f"{path.relative_to(site)}: {exc}")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        if f"<script>alert('{MARKER}')" in text or f"<{MARKER}>" in text or \
                f'onerror="{MARKER}' in text:
            counts["leaks"] += 1
            failures.append(f"markup reached {page.relative_to(site)}")
    report = json.loads((project / "build" / "editor-report.json").read_text(encoding="utf-8"))
    entries = {Path(entry["path"]).name: entry for entry in report["sources"]}
    for name in names:
        entry = entries.get(name)
        if entry is None or (entry["status"] == "published" and not entry["page"]) or (
                entry["status"] not in ("published", "duplicate") and not entry["problems"]):
            counts["silent losses"] += 1
            failures.append(f"{name}: {entry['status'] if entry else 'not in the report'}")


def main() -> int:
    seconds = float(os.environ.get("FUZZ_SECONDS", "120"))
    seed = int(os.environ.get("FUZZ_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    counts = {"inputs": 0, "builds": 0, "crashes": 0, "leaks": 0, "malformed outputs": 0,
              "silent losses": 0}
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sources = {f"fuzz_{counts['inputs'] + n:05d}.txt": clipping(rng) for n in range(BATCH)}
        with tempfile.TemporaryDirectory() as scratch:
            project = make_project(Path(scratch), sources)
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                                    env=ENV, capture_output=True, text=True, timeout=900)
            check(project, list(sources), result, counts, failures)
        counts["inputs"] += BATCH
        counts["builds"] += 1
    print(f"fuzz (seed {seed}): " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
