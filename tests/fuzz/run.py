"""`make fuzz`: hostile sources through the whole build, bounded in time.

Each round writes a batch of generated clippings (control characters, markup, broken and
hostile frontmatter, huge and odd lines, scripts of other languages; saved pages, messages
and PDFs made hostile in their own ways) into a scratch project
beside the seeds, adds generated entries to its taxonomy and case registry (copies of real
entries with a field made hostile: wrong types, markup, control characters, deep nesting,
aliases, unknown tags, keys twice) and now and then replaces a registry by garbage, builds it
without --strict, and checks what a reader and an editor get:

- no traceback (the build ends, and every problem is a message naming a file), and no fault
  of the press room's own contained as an error against one file;
- no leak: no marker of the generated markup reaches a page as markup;
- well-formed outputs: every feed and the sitemap parse as XML;
- nothing silently lost: every generated source is in the editor's report, published with a
  page or with a problem that says why not; every generated registry entry is published (its
  tag page, its case in the API) or has a problem at one of its lines, or its whole file is
  refused with a problem.

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
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import yaml

ROOT = Path(__file__).resolve().parents[2]
BATCH = 25
MARKER = "fz7q"  # in every generated tag: found in a page's markup, it leaked
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The engine `make ... ENGINE=` chose (tests/sitebuild.py says more).
ENGINE = os.environ.get("PRESSROOM_ENGINE", "mkdocs")

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


DATES = ["2025-02-30", "x", "2025-05-14", "９９９９-01-01"]


def page(rng: random.Random) -> bytes:
    """A saved page: hostile markup, JSON-LD and meta values, charsets that lie, nesting."""
    value = rng.choice([*PIECES, *FRONTMATTER])(rng).replace('"', "'")
    charset = rng.choice(["utf-8", "windows-1252", "x-bogus", "utf-16", "iso-8859-1", ""])
    body = "".join(f"<{rng.choice(['p', 'div', 'td', 'li', 'h1', 'span'])}>"
                   f"{rng.choice(PIECES)(rng) if rng.random() < 0.5 else rng.choice(PROSE)}"
                   for _ in range(rng.randint(1, 30)))
    head = (f'<meta charset="{charset}"><title>{value}</title>'
            f'<meta property="og:title" content="{value}">'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": '
            f'{json.dumps(value)}, "datePublished": "{rng.choice(DATES)}",'
            f' "author": {json.dumps([value] * rng.randint(0, 3))}}}</script>')
    nesting = "<div>" * rng.choice([0, 10, 300, 3000])
    text = f"<html lang='{rng.choice(['en', 'de', 'xx', value[:20]])}'><head>{head}</head>" \
           f"<body>{nesting}<article>{body}</article></body></html>"
    encoding = rng.choice(["utf-8", "cp1252", "utf-16"])
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def message(rng: random.Random) -> bytes:
    """A forwarded alert: hostile headers, an HTML or plain part, attachments named to climb
    out of their folder or to collide, and now and then bytes that are no message at all."""
    if rng.random() < 0.1:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 2000)))
    from email.message import EmailMessage

    mail = EmailMessage()
    headers = {"From": rng.choice(["Desk <desk@example.org>", rng.choice(PIECES)(rng)[:200], ""]),
               "Subject": rng.choice([*PROSE, "=?utf-8?b?!!!?=", f"<{MARKER}>s</{MARKER}>"])}
    for name, value in headers.items():
        try:  # what the package refuses to write, no mail program sends either
            mail[name] = value
        except ValueError:
            mail[name] = " ".join(value.split())[:60] or "x"
    if rng.random() < 0.5:
        mail.set_content(page(rng).decode("utf-8", "replace"), subtype="html")
    else:
        mail.set_content("\n".join(rng.choice(PROSE) for _ in range(rng.randint(1, 8))))
    for _ in range(rng.randint(0, 3)):
        name = rng.choice(["../../x.txt", "a#b.html", "clip.txt", "clip.txt", "p.pdf",
                           f"{MARKER}.png", "\u202eevil.txt"])
        mail.add_attachment(clipping(rng) if name.endswith(".txt") else page(rng),
                            maintype="application", subtype="octet-stream", filename=name)
    return mail.as_bytes()


def pdf(rng: random.Random) -> bytes:
    """A PDF with hostile text in one or two columns, or its bytes cut short or spoiled."""
    from fpdf import FPDF

    document = FPDF()
    for _ in range(rng.randint(1, 3)):
        document.add_page()
        document.set_font("Helvetica", size=rng.choice([6, 10, 24]))
        for row in range(rng.randint(0, 40)):
            text = (rng.choice(PIECES)(rng) if rng.random() < 0.3 else rng.choice(PROSE))
            text = text[:300].encode("latin-1", "replace").decode("latin-1")
            document.set_xy(rng.choice([10, 110]), 10 + row * 6)
            document.cell(90, 6, text)
    data = bytes(document.output())
    spoil = rng.random()
    if spoil < 0.15:
        return data[:rng.randint(0, len(data))]
    if spoil < 0.3:
        data = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            data[rng.randrange(len(data))] = rng.randint(0, 255)
        return bytes(data)
    return data


# Each batch's sources: mostly text clippings, and the other forms they arrive in.
FORMS = [(".txt", clipping)] * 5 + [(".html", page), (".eml", message), (".pdf", pdf)] * 2


def sources_of(rng: random.Random, first: int) -> dict[str, bytes]:
    sources = {}
    for number in range(first, first + BATCH):
        suffix, make = rng.choice(FORMS)
        sources[f"fuzz_{number:05d}{suffix}"] = make(rng)
    return sources


HOSTILE_VALUES = [
    lambda r: None,
    lambda r: r.randint(-10**30, 10**30),
    lambda r: [r.choice(PROSE)] * r.randint(0, 5),
    lambda r: {"en": {"de": [1, 2]}, "xx": None},
    lambda r: f"<script>alert('{MARKER}')</script> <{MARKER}>b</{MARKER}>",
    lambda r: "".join(chr(r.choice([1, 8, 12, 27, 127, 0xFFFE, 0xFDD0])) for _ in range(3)),
    lambda r: "x" * r.randint(200, 20000),
    lambda r: "2026-13-45",
    lambda r: True,
]
# Raw YAML lines put inside a generated entry, past what a value can say.
HOSTILE_LINES = [
    lambda r: "  deep: " + "[" * r.randint(60, 400) + "]" * r.randint(60, 400),
    lambda r: "  bomb: &a [x, x, x, x, x, x, x, x, x, x]\n  bomb2: [*a, *a, *a, *a, *a, *a]",
    lambda r: "  evil: !!python/name:os.system",
    lambda r: "  local: !thing {a: 1}",
    lambda r: "  id: twice",
    lambda r: "  <<: {id: merged}",
    lambda r: "  ? [a, list]\n  : as a key",
]
GARBAGE = [
    lambda r: "[" * 3000,
    lambda r: "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
              "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
    lambda r: "".join(chr(r.randint(0, 0x2FF)) for _ in range(r.randint(10, 3000))),
    lambda r: "just: a mapping\n",
    lambda r: "- " * 5000,
]


def _entry_text(rng: random.Random, template: dict, entry_id: str, kind: str) -> str:
    """One registry entry as YAML: a real entry under a new id, with a field made hostile."""
    entry = json.loads(json.dumps(template, default=str))  # a deep copy, dates as text
    entry["id"] = entry_id
    if kind == "tag":
        entry["labels"] = {"en": entry_id.title(), "de": entry_id.title() + " de"}
    if rng.random() < 0.7:
        field = rng.choice([*entry, "unknown_key"])
        if field != "id":
            entry[field] = rng.choice(HOSTILE_VALUES)(rng)
    text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10**6)
    if rng.random() < 0.3:
        text += rng.choice(HOSTILE_LINES)(rng) + "\n"
    return text


def registry_entries(rng: random.Random, project: Path, tags_used: list[str]) -> dict:
    """Appends generated entries to both registries (or replaces one by garbage); returns,
    for each registry, its entries' ids and line ranges, and whether it is garbage now."""
    written: dict[str, dict] = {}
    for name, kind in (("taxonomy.yml", "tag"), ("cases.yml", "case")):
        path = project / "seeds" / name
        if rng.random() < 0.08:
            path.write_text(rng.choice(GARBAGE)(rng), encoding="utf-8", errors="surrogatepass")
            written[name] = {"garbage": True, "entries": {}}
            continue
        text = path.read_text(encoding="utf-8")
        templates = yaml.safe_load(text) or []
        entries = {}
        for _ in range(rng.randint(1, 6)):
            entry_id = f"{MARKER}{kind}{len(entries)}x{rng.randint(0, 10**6)}"
            first = text.count("\n") + 1
            text += _entry_text(rng, rng.choice(templates), entry_id, kind)
            entries[entry_id] = (first, text.count("\n"))
            if kind == "tag":
                tags_used.append(entry_id.title())
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        written[name] = {"garbage": False, "entries": entries}
    return written


def check_registries(project: Path, written: dict, report: dict, counts: dict[str, int],
                     failures: list[str]) -> None:
    site = project / "site"
    problems: dict[str, list[int | None]] = {}
    for problem in report["site_problems"]:
        problems.setdefault(Path(problem["path"]).name, []).append(problem["line"])
    cases = json.loads((site / "api" / "cases.json").read_text(encoding="utf-8"))["cases"]
    published = {"cases.yml": {case["id"] for case in cases},
                 "taxonomy.yml": {path.name for tags in ("en/tags", "de/schlagwoerter")
                                  for path in (site / tags).iterdir() if path.is_dir()}}
    for name, registry in written.items():
        counts["registry entries"] += len(registry["entries"]) or 1
        lines = problems.get(name, [])
        if registry["garbage"]:
            if not lines:
                counts["silent losses"] += 1
                failures.append(f"{name}: garbage without a problem")
            continue
        for entry_id, (first, last) in registry["entries"].items():
            if entry_id in published[name] or any(line is None or first <= line <= last
                                                  for line in lines):
                continue
            refused_whole = bool(lines) and not published[name] - set(registry["entries"])
            if not refused_whole:
                counts["silent losses"] += 1
                failures.append(f"{name}: entry {entry_id} (lines {first}-{last}) neither "
                                "published nor named in a problem")


def make_project(folder: Path, sources: dict[str, bytes]) -> Path:
    project = folder / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    for name, content in sources.items():
        (project / "seeds" / name).write_bytes(content)
    return project


def tagged_story(tags: list[str], rng: random.Random) -> str:
    """A plain story that carries the generated tags: each tag the taxonomy accepts gets a
    page, so that an entry left out without a word shows as missing."""
    lines = "\n".join([*rng.sample(PROSE, 2), rng.choice(PROSE).replace(".", " again.")])
    return f"---\ntitle: Tagged {rng.randint(0, 10**9)}\ndate: 2026-03-01\n" \
           f"tags: {json.dumps(tags)}\n---\n{lines}\n"


class _Leaks(HTMLParser):
    """Generated markup that a page carries as markup: an element named with the marker, an
    event handler or a script that names it. (Its text, escaped, is text: a source may
    quote "onerror=" and a spoiled PDF shows what it likes.)"""

    def __init__(self) -> None:
        super().__init__()
        self.found = False
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        handlers = (value or "" for name, value in attrs if name.startswith("on"))
        if MARKER in tag or any(MARKER in value for value in handlers):
            self.found = True
        kind = dict(attrs).get("type") or ""
        self._script = tag == "script" and kind != "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and MARKER in data:
            self.found = True


def leaked_markup(text: str) -> bool:
    parser = _Leaks()
    parser.feed(text)
    return parser.found


def check(project: Path, names: list[str], result: subprocess.CompletedProcess[str],
          counts: dict[str, int], failures: list[str]) -> dict | None:
    """Checks the built site; returns the editor's report when there was a build."""
    if result.returncode != 0 or "Traceback" in result.stderr:
        counts["crashes"] += 1
        failures.append(result.stderr[-2000:])
        return None
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
                leaked_markup(text):
            counts["leaks"] += 1
            failures.append(f"markup reached {page.relative_to(site)}")
    report = json.loads((project / "build" / "editor-report.json").read_text(encoding="utf-8"))
    # A fault the build contained (an entry or a source left out with "a fault in the press
    # room") is still a crash of ours: counted with them.
    for problem in [*report["site_problems"],
                    *(problem for entry in report["sources"] for problem in entry["problems"])]:
        if "a fault in the press room" in problem["message"]:
            counts["crashes"] += 1
            failures.append(problem["message"])
    entries = {Path(entry["path"]).name: entry for entry in report["sources"]}
    for name in names:
        entry = entries.get(name)
        if entry is None or (entry["status"] == "published" and not entry["page"]) or (
                entry["status"] not in ("published", "duplicate") and not entry["problems"]):
            counts["silent losses"] += 1
            failures.append(f"{name}: {entry['status'] if entry else 'not in the report'}")
    return report


def main() -> int:
    seconds = float(os.environ.get("FUZZ_SECONDS", "120"))
    seed = int(os.environ.get("FUZZ_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    counts = {"inputs": 0, "registry entries": 0, "builds": 0, "crashes": 0, "leaks": 0,
              "malformed outputs": 0, "silent losses": 0}
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sources = sources_of(rng, counts["inputs"])
        with tempfile.TemporaryDirectory() as scratch:
            project = make_project(Path(scratch), sources)
            tags: list[str] = []
            written = registry_entries(rng, project, tags)
            (project / "seeds" / "fuzz_tagged.txt").write_text(tagged_story(tags, rng),
                                                               encoding="utf-8")
            result = subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project,
                                    env=ENV, capture_output=True, text=True, timeout=900)
            report = check(project, [*sources, "fuzz_tagged.txt"], result, counts, failures)
            if report is not None:
                check_registries(project, written, report, counts, failures)
        counts["inputs"] += BATCH
        counts["builds"] += 1
    print(f"fuzz (seed {seed}): " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
