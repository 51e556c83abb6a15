"""make bench: the press room against a default Material project, on synthetic archives.

For each size N it writes an archive of N stories (most in English and German, some in one
language only, noisy like the seeds: bylines, captions, meta descriptions, tag lines,
disclaimers, share widgets), a taxonomy and a case registry citing some of them; and a plain
Material project with as many pages and the same body text. It builds both, alternating,
several times, and prints and writes (tests/bench/results.md) the median build times, their
ratio, time per page, peak memory, site size, the plugin's time by stage, and what the first
search costs a reader in Chromium (bytes transferred, time to the first results).

Usage: python tests/bench/run.py [N ...]   (default 1000 5000 10000; BENCH_REPEATS=3)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from pressroom.language.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).resolve().parent / "results.md"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
# Edit-to-reload in `mkdocs serve --dirty` is measured up to this many stories, and without
# --dirty (every page rebuilt at every save, a minute at 10,000) up to FULL_SERVE_UP_TO.
SERVE_UP_TO = 10000
FULL_SERVE_UP_TO = 1000
BILINGUAL_SHARE = 0.7
TAGS = [(f"topic-{n}", f"Topic {n}", f"Thema {n}") for n in range(40)]

EN_NOUNS = [
    "court",
    "ruling",
    "company",
    "statement",
    "platform",
    "blogger",
    "account",
    "campaign",
    "review",
    "brand",
]
EN_ADJ = ["false", "public", "detailed", "new", "organised", "online", "local", "final"]
EN_VERB = [
    "reported",
    "confirmed",
    "rejected",
    "published",
    "examined",
    "questioned",
    "supported",
    "described",
]
DE_NOUNS = [
    "Gericht",
    "Urteil",
    "Unternehmen",
    "Erklärung",
    "Plattform",
    "Konto",
    "Kampagne",
    "Bewertung",
    "Marke",
]
DE_ADJ = ["falsche", "öffentliche", "neue", "organisierte", "lokale", "endgültige", "genaue"]
DE_VERB = ["meldete", "bestätigte", "prüfte", "veröffentlichte", "beschrieb", "unterstützte"]
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"


# Sentences of several shapes, as news reports write them (statements, quotes, figures,
# dates, courts and file numbers), with the function words of each language at their usual
# rates. Every name, figure and date is the story's own, shared by its two languages.
TEMPLATES = {
    "en": [
        "{name} said on {weekday} that the {noun} had been {verb} by the court in {city}.",
        "“The {noun} is {adj} and {adj2},” a spokesperson for {name} told reporters, adding "
        "that the company would appeal if necessary.",
        "According to the filing, {name2} posted {count} {noun2}s between {month} {year} and "
        "{month2} {year2}.",
        "The court (file no. {docket}) ordered {name2} to pay {amount} in damages and to take "
        "the {noun2}s down within {days} days.",
        "{name2} has denied the claims, which its lawyers described as {adj} and unfounded.",
        "It is the {ordinal} ruling of its kind this year, after a similar case in {city}.",
        "Lawyers for {name} argued that the {noun2}s had reached more than {count} readers "
        "before they were removed.",
        "The judges found that the {noun} could not be proven and that {name2} had not "
        "checked it before publishing.",
        "An appeal is possible within {days} days; neither side would say whether one is "
        "planned.",
        "Observers in {city} see the case as a test of how platforms handle {adj} content.",
    ],
    "de": [
        "{name} erklärte am {weekday}, die {noun} sei vom Gericht in {city} {verb} worden.",
        "„Die {noun} ist {adj} und {adj2}“, sagte ein Sprecher von {name}; man werde notfalls "
        "in Berufung gehen.",
        "Laut der Klageschrift veröffentlichte {name2} zwischen {month} {year} und {month2} "
        "{year2} insgesamt {count} {noun2}.",
        "Das Gericht (Az. {docket}) verurteilte {name2} zu {amount} Schadensersatz und zur "
        "Löschung der {noun2} binnen {days} Tagen.",
        "{name2} weist die Vorwürfe zurück; die Anwälte sprechen von {adj3} Behauptungen.",
        "Es ist das {ordinal} Urteil dieser Art in diesem Jahr, nach einem ähnlichen Fall in "
        "{city}.",
        "Die Anwälte von {name} machten geltend, die {noun2} hätten vor ihrer Löschung mehr "
        "als {count} Leser erreicht.",
        "Die Richter stellten fest, die {noun} sei nicht belegt und {name2} habe sie vor der "
        "Veröffentlichung nicht geprüft.",
        "Gegen das Urteil kann binnen {days} Tagen Berufung eingelegt werden; ob dies geplant "
        "ist, sagten beide Seiten nicht.",
        "Beobachter in {city} sehen in dem Fall einen Test dafür, wie Plattformen mit "
        "{adj3} Inhalten umgehen.",
    ],
}
WORDS = {
    "en": {"noun": ["statement", "review", "account", "post", "campaign", "claim"],
           "noun2": ["review", "post", "video", "comment", "article"],
           "adj": ["false", "misleading", "defamatory", "organised", "baseless"],
           "verb": ["confirmed", "examined", "rejected", "upheld", "questioned"],
           "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
           "city": ["Hamburg", "Cologne", "Shanghai", "Vienna", "Dublin", "Lyon"],
           "ordinal": ["second", "third", "fourth", "fifth"]},
    "de": {"noun": ["Erklärung", "Bewertung", "Darstellung", "Kampagne", "Behauptung"],
           "noun2": ["Bewertungen", "Beiträge", "Videos", "Kommentare", "Artikel"],
           "adj": ["falsch", "irreführend", "ehrverletzend", "haltlos", "gezielt"],
           "adj3": ["haltlosen", "unbelegten", "falschen", "überzogenen"],
           "verb": ["bestätigt", "geprüft", "zurückgewiesen", "beanstandet"],
           "weekday": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
           "city": ["Hamburg", "Köln", "Shanghai", "Wien", "Dublin", "Lyon"],
           "ordinal": ["zweite", "dritte", "vierte", "fünfte"]},
}
MONTHS = {"en": MONTHS_EN.split(), "de": MONTHS_DE.split()}
# Page furniture of the kinds scrapers keep, one line each, where pages have it: the menu
# and the cookie notice above the article, widgets and links between its paragraphs, credits
# and bylines below it; the cleaner removes them. With the paragraphs' length, how many there
# are calibrates what a kilobyte costs to clean and infer (`tests/bench/text_cost.py`).
NOISE = {
    "en": {
        "top": ["Home | News | Business | Legal | Contact",
                "We use cookies to improve your experience. Accept | Settings"],
        "middle": ["Share on Facebook | Share on X | Email",
                   "Related: {name} wins second case in {city}",
                   "Sign up for our newsletter", "Advertisement"],
        "bottom": ["Photo: {name} press office", "By Jordan Vale, Legal Correspondent",
                   "Updated {day} {month} {year}, 14:05"],
    },
    "de": {
        "top": ["Startseite | Nachrichten | Wirtschaft | Recht | Kontakt",
                "Wir verwenden Cookies. Akzeptieren | Einstellungen"],
        "middle": ["Teilen: Facebook, WhatsApp, E-Mail",
                   "Mehr zum Thema: {name} gewinnt zweites Verfahren in {city}",
                   "Newsletter abonnieren", "Anzeige"],
        "bottom": ["Foto: Pressestelle {name}", "Von Jana Vell, Rechtsredaktion",
                   "Aktualisiert am {day}. {month} {year}, 14:05 Uhr"],
    },
}
# Paragraphs of two or three sentences and furniture lines per place: with them a kilobyte
# of the archive costs, to clean and infer, within 20 % of what a kilobyte of real clippings
# costs (CPU time in one process, per language; `tests/bench/text_cost.py` prints both).
PARAGRAPHS = 3
NOISE_LINES = {"top": 1, "middle": 3, "bottom": 2}


def sentence(lang: str, rng: random.Random, story: dict[str, str], template: str) -> str:
    words = {kind: rng.choice(choices) for kind, choices in WORDS[lang].items()}
    return template.format(**words, **story, adj2=rng.choice(WORDS[lang]["adj"]),
                           count=rng.randrange(2, 900), days=rng.choice([3, 7, 14]))


# Company names made of syllables, one pair of names per story and no digits in a name (a
# name with digits looks like a handle or a file number to the cleaner, and costs what real
# names do not). The first syllable is shared by a tenth of the stories, the first two by a
# hundredth: what the search benchmark types.
FIRST = ["Vel", "Kor", "Nim", "Tal", "Bre", "Sor", "Dav", "Lun", "Mar", "Quen"]
SECOND = ["tra", "do", "vi", "ke", "ra", "mo", "ne", "si", "lu", "pa"]
ENDINGS = [consonant + vowel for consonant in ("x", "n", "th", "m", "s", "l", "r", "k", "v", "z")
           for vowel in ("ia", "on", "ex", "ar", "um", "is", "en", "or", "al", "et")]
PARTNER = ["Nord", "Ost", "Wend", "Birk", "Hald", "Lind", "Rot", "Grun", "Falk", "Stein"]
PARTNER_END = ["werk", "bau", "hof", "tal", "feld", "berg", "mark", "haus", "land", "dorf"]


def company_names(number: int) -> tuple[str, str]:
    """The story's two companies: unique for up to 10,000 stories."""
    first, second, third = number % 10, number // 10 % 10, number // 100 % 100
    name = FIRST[first] + SECOND[second] + ENDINGS[third]
    partner = PARTNER[first] + PARTNER_END[second] + ENDINGS[third]
    return name, partner


def _story_facts(number: int, day: dt.date, rng: random.Random, lang: str) -> dict[str, str]:
    """The facts both versions of a story share, written the way each language writes them."""
    figure = rng.randrange(10_000, 900_000)
    later = day + dt.timedelta(days=rng.randrange(30, 300))
    amount = f"EUR {figure:,}" if lang == "en" else f"{figure:,} Euro".replace(",", ".")
    name, partner = company_names(number)
    return {"name": name, "name2": partner,
            "docket": f"{number % 90 + 10} O {number % 400}/{day.year % 100}",
            "amount": amount, "day": str(day.day), "month": MONTHS[lang][day.month - 1],
            "year": str(day.year), "month2": MONTHS[lang][later.month - 1],
            "year2": str(later.year)}


def _body(lang: str, rng: random.Random, facts: dict[str, str]) -> list[str]:
    """Paragraphs with furniture above, between and below them, as scrapers leave it."""
    state = random.Random(rng.random())  # both languages' furniture from the same draw
    noise = {place: [line.format(**facts, city=state.choice(WORDS[lang]["city"]))
                     for line in state.sample(NOISE[lang][place], count)]
             for place, count in NOISE_LINES.items()}
    between = dict(zip(state.sample(range(1, PARAGRAPHS + 1), len(noise["middle"])),
                       noise["middle"], strict=False))
    lines = [part for line in noise["top"] for part in ("", line)]
    # A report says each thing once: no sentence shape twice in a story (a repeated one is
    # what the cleaner looks for in injected spam, and would cost what real text does not).
    templates = iter(rng.sample(TEMPLATES[lang], len(TEMPLATES[lang])))
    for place in range(PARAGRAPHS):
        shapes = [template for template, _ in zip(templates, range(rng.choice([2, 2, 3])),
                                                  strict=False)]
        lines += ["", " ".join(sentence(lang, rng, facts, shape) for shape in shapes)]
        if place + 1 in between:
            lines += ["", between[place + 1]]
    return lines + [part for line in noise["bottom"] for part in ("", line)]


def story_texts(number: int, rng: random.Random) -> tuple[str, str, dt.date, list[int]]:
    day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
    tags = rng.sample(range(len(TAGS)), 3)
    shared = rng.random()
    en_facts = _story_facts(number, day, random.Random(shared), "en")
    de_facts = _story_facts(number, day, random.Random(shared), "de")
    name, name2, amount = en_facts["name"], en_facts["name2"], en_facts["amount"]
    en = [
        f"{name} Wins Case Number {number} Against {name2}",
        "",
        "Legal Wire",
        "",
        f"On {en_facts['month']} {day.day}, {day.year}, the court ruled for {name} and "
        f"awarded {amount} in the case against {name2}.",
    ]
    de = [
        f"Am {day.day}. {de_facts['month']} {day.year} entschied das Gericht zugunsten von "
        f"{name} und sprach {de_facts['amount']} im Verfahren gegen {name2} zu."
    ]
    body_rng = rng.random()
    en += _body("en", random.Random(body_rng), en_facts)
    de += _body("de", random.Random(body_rng), de_facts)
    caption = f"{name} court victory"
    en += [
        "",
        caption,
        "",
        f"{caption} is the result of the case that the company brought to the court in the "
        f"spring of {day.year}, and the first of its kind for {name}.",
        "",
        "Disclaimer: This article is for general information purposes only and does "
        "not constitute legal advice.",
        "",
        "Tags: " + ", ".join(TAGS[tag][1] for tag in tags),
        "",
        "Source",
    ]
    de += [
        "Dieser Artikel stellt keine Rechtsberatung dar und dient ausschließlich "
        "Informationszwecken."
    ] + [f"{TAGS[tag][2]}," for tag in tags]
    return "\n".join(en) + "\n", "\n".join(de) + "\n", day, tags


def write_archive(size: int, folder: Path) -> dict[str, int]:
    """The press room's project for N stories; returns counts for the baseline."""
    rng = random.Random(size)
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder)
    shutil.copytree(ROOT / "docs", folder / "docs")
    cases = []
    for number in range(size):
        en, de, day, _ = story_texts(number, rng)
        languages = ["en", "de"] if rng.random() < BILINGUAL_SHARE else [rng.choice(["en", "de"])]
        if "en" in languages:
            (seeds / f"{number:05d}-en.txt").write_text(en, encoding="utf-8")
        if "de" in languages:
            (seeds / f"{number:05d}-de.txt").write_text(de, encoding="utf-8")
        if number % 50 == 0 and "en" in languages:
            cases.append(_case(number, day))
    shutil.copy(ROOT / "seeds" / "contacts.yml", seeds)  # the press office, as the seeds'
    (seeds / "taxonomy.yml").write_text(
        "".join(f"- id: {tag_id}\n  labels: {{en: {en}, de: {de}}}\n" for tag_id, en, de in TAGS)
    )
    (seeds / "cases.yml").write_text(json.dumps(cases, ensure_ascii=False, indent=1))
    return {"stories": size}


def _case(number: int, day: dt.date) -> dict[str, object]:
    month_en = MONTHS_EN.split()[day.month - 1]
    name, partner = company_names(number)
    story = slugify(f"{name} Wins Case Number {number} Against {partner}")
    quote = f"On {month_en} {day.day}, {day.year}, the court ruled for {name}"
    source = {"file": f"{number:05d}-en.txt", "line": 5, "quote": quote}
    return {
        "id": f"case-{number}",
        "title": {"en": f"Case {number}", "de": f"Verfahren {number}"},
        "kind": "civil-defamation-suit",
        "status": "decided",
        "final": None,
        "updated": day.isoformat(),
        "outcome": {"basis": "reported", "en": "Ruling for the company.",
                    "de": "Urteil für das Unternehmen."},
        "outcome_source": source,
        "parties": [],
        "remedies": [],
        "events": [
            {
                "date": day.isoformat(),
                "kind": "ruling",
                "basis": "reported",
                "text": {"en": "Ruling.", "de": "Urteil."},
                "source": source,
            }
        ],
        "related": [],
        "stories": [story],
    }


class _Blocks(HTMLParser):
    """The text of an article's blocks (headings, paragraphs, list items) as Markdown."""

    BLOCKS: ClassVar[dict[str, str]] = {
        "h1": "# ", "h2": "## ", "h3": "### ", "p": "", "li": "- ", "td": ""}

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BLOCKS:
            self._open = tag
            self.lines.append(self.BLOCKS[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and self.lines:
            self.lines[-1] += " ".join(data.split()) + " "


def write_baseline(press: Path, folder: Path) -> None:
    """A default Material project, its search included (what a user would otherwise run):
    as many pages as the press room's build, with the same text as Markdown (headings,
    paragraphs, lists), and the same short navigation."""
    docs = folder / "docs"
    for page in (press / "site").rglob("index.html"):
        relative = page.parent.relative_to(press / "site")
        if str(relative).startswith(("pagefind", "assets")):
            continue
        target = docs / relative / "index.md" if str(relative) != "." else docs / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        article = page.read_text(encoding="utf-8")
        blocks = _Blocks()
        blocks.feed(article[article.find("<article") : article.find("</article>")])
        target.write_text("\n\n".join(line.strip() for line in blocks.lines if line.strip())
                          + "\n", encoding="utf-8")
    nav = "\n".join(f"  - {lang}/index.md" for lang in ("en", "de"))
    (folder / "mkdocs.yml").write_text(
        f"site_name: Baseline\ntheme:\n  name: material\n  font: false\nplugins: [search]\n"
        f"nav:\n{nav}\n"
    )


# The build, reporting the peak memory of its own process and of the largest process it
# started (Pagefind, cleaning workers) apart: the kernel reports the larger of the two.
MEASURED_BUILD = """
import resource, runpy, sys
sys.argv = ["mkdocs", "build", "-q"]
try:
    runpy.run_module("mkdocs", run_name="__main__")
finally:
    peaks = [resource.getrusage(who).ru_maxrss
             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    print("peak-kib", *peaks, file=sys.stderr)
"""
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
# What the machine must hold at once is the build and its helpers together: their resident
# memory is summed every tenth of a second (pages a worker shares with the build counted
# twice, so the sum errs high).
SAMPLE_S = 0.1


@dataclasses.dataclass
class Build:
    seconds: float
    peak_kib: int  # the build's own process
    helper_peak_kib: int  # the largest process it started
    together_peak_kib: int  # all of them at once, sampled


def resident_kib(pid: int) -> int:
    """The resident memory of a process and all its descendants, now."""
    total, pending = 0, [pid]
    while pending:
        process = Path("/proc") / str(pending.pop())
        try:
            total += int((process / "statm").read_text().split()[1]) * PAGE_KIB
            for task in (process / "task").iterdir():
                pending += map(int, (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):  # it ended meanwhile
            continue
    return total


def build(folder: Path, env: dict[str, str]) -> Build:
    """One build: its time, and its peak memory."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen([sys.executable, "-c", MEASURED_BUILD], cwd=folder, env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors, text=True)
        together = 0
        while process.poll() is None:
            together = max(together, resident_kib(process.pid))
            time.sleep(SAMPLE_S)
        seconds = time.perf_counter() - start
        errors.seek(0)
        messages = errors.read()
    if process.returncode != 0:
        raise SystemExit(f"build failed in {folder}: {messages[-2000:]}")
    peaks = messages.strip().splitlines()[-1].split()
    return Build(seconds, int(peaks[1]), int(peaks[2]), together)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition: Callable[[], bool], limit: float) -> float:
    """Seconds until condition holds (polled every 50 ms); fails past the limit."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise SystemExit(f"gave up waiting after {limit:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def ctrl_c_stops_it() -> None:
    """In the server's process, before MkDocs starts: Ctrl-C stops it, as it stops an editor's
    server. A run started in the background (`make bench &`) has SIGINT ignored, and
    everything it starts inherits that: the server would never stop."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# An editor reads the page before saving again; a save within the seconds the search index
# takes after a reload waits for it (`mkdocs serve --dirty` indexes after the reload).
EDIT_PAUSE = 3.0


def serve_times(press: Path, env: dict[str, str], dirty: bool = True,
                size: int = 0) -> dict[str, float]:
    """`mkdocs serve`: seconds from saving a change until the page shows it (median of
    REPEATS, one change after the other in one server, EDIT_PAUSE apart): a source edited
    ("edit"); with ``dirty`` (as `make serve` runs it), also a new source ("new", its story's
    page showing) and the taxonomy edited ("taxonomy", a tag's page showing its new label).
    Without, every page is rebuilt, and only the edit is measured. ``size`` numbers the new
    stories after the archive's."""
    port = free_port()
    seeds = press / "seeds"
    source = sorted(seeds.glob("*-en.txt"))[0]
    text = source.read_text(encoding="utf-8")
    taxonomy = seeds / "taxonomy.yml"
    registry = taxonomy.read_text(encoding="utf-8")
    address = f"http://127.0.0.1:{port}/en/"
    url = f"{address}stories/{slugify(text.split(chr(10), 1)[0])}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
         *(["--dirty"] if dirty else [])],
        cwd=press, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=ctrl_c_stops_it,
    )
    added: list[Path] = []

    def shown(change: Callable[[], None], page: str, words: str) -> float:
        change()
        seconds = wait_for(lambda: words in (fetch(page) or ""), limit=1800)
        time.sleep(EDIT_PAUSE)
        return seconds

    def new_source(number: int) -> float:
        english = story_texts(number, random.Random(number))[0]
        headline = english.split("\n", 1)[0]
        added.append(seeds / f"{number:05d}-en.txt")
        return shown(lambda: added[-1].write_text(english, encoding="utf-8"),
                     f"{address}stories/{slugify(headline)}/", headline)

    try:
        wait_for(lambda: fetch(url) is not None, limit=1800)
        times = {"edit": statistics.median(
            shown(lambda edit=edit: source.write_text(text.replace(
                "awarded EUR", f"awarded, on appeal number {edit}, EUR", 1), encoding="utf-8"),
                url, f"on appeal number {edit}") for edit in range(REPEATS))}
        if not dirty:
            return times
        times["new"] = statistics.median(new_source(number)
                                         for number in range(size, size + REPEATS))
        tag_id, label = TAGS[0][0], TAGS[0][1]
        times["taxonomy"] = statistics.median(
            shown(lambda edit=edit: taxonomy.write_text(registry.replace(
                f"en: {label},", f"en: {label} edited {edit},", 1), encoding="utf-8"),
                f"{address}tags/{tag_id}/", f"{label} edited {edit}") for edit in range(REPEATS))
        return times
    finally:
        server.send_signal(signal.SIGINT)  # as an editor stops it: its temporary site goes too
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            raise SystemExit("mkdocs serve did not stop on Ctrl-C (SIGINT)") from None
        source.write_text(text, encoding="utf-8")
        taxonomy.write_text(registry, encoding="utf-8")
        for path in added:
            path.unlink()


# The reader's first search: a German story page in a fresh browser, one query typed into the
# header's box at once. Pagefind ranks every page a word stands on, so the time grows with
# how common the word is: the start of company names in 1 % and 10 % of the stories, and a
# word in every German story.
SEARCH_QUERIES = (FIRST[1] + SECOND[2], FIRST[1], "Gericht")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEARCH_REPEATS = 3


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def first_search(press: Path) -> dict[str, dict[str, float]]:
    """Per query: bytes the browser fetches for it (after the page has loaded), bytes of the
    page load, milliseconds from the query to the first results shown, and how many results;
    medians over fresh browser contexts. Served without compression, as an upper bound."""
    from playwright.sync_api import sync_playwright  # the test extras; only `make bench`

    handler = functools.partial(_QuietHandler, directory=str(press / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    story = sorted((press / "site" / "de" / "artikel").iterdir())[0].name
    url = f"http://127.0.0.1:{httpd.server_address[1]}/de/artikel/{story}/"
    found = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            for query in SEARCH_QUERIES:
                runs = [_one_first_search(browser, url, query) for _ in range(SEARCH_REPEATS)]
                found[query] = {name: statistics.median(run[name] for run in runs)
                                for name in runs[0]}
            browser.close()
    finally:
        httpd.shutdown()
    return found


def _one_first_search(browser: Any, url: str, query: str) -> dict[str, float]:
    context = browser.new_context()
    tab = context.new_page()
    requests: list[Any] = []
    tab.on("requestfinished", lambda request: requests.append(request))
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    page_requests = len(requests)
    # The newest stories' ranking shows first; the whole ranking follows with the count.
    first, complete = tab.evaluate("""query => new Promise((resolve, reject) => {
        const list = document.querySelector(".md-search .md-search-result__list");
        const meta = document.querySelector(".md-search .md-search-result__meta");
        const input = document.querySelector(".md-search__input");
        const start = performance.now();
        let first = null;
        // A search that never finishes fails the benchmark, with what the box says.
        setTimeout(() => reject(new Error("no results after 60 s: " + meta.textContent)), 60000);
        new MutationObserver(() => {
            if (first === null && list.children.length) first = performance.now() - start;
            if (/\\d/.test(meta.textContent)) resolve([first, performance.now() - start]);
        }).observe(meta.parentNode, { childList: true, subtree: true, characterData: true });
        input.focus();
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
    })""", query)
    tab.wait_for_load_state("networkidle")
    count = tab.locator(".md-search .md-search-result__meta").inner_text()

    def kilobytes(finished: list[Any]) -> float:
        sizes = [request.sizes() for request in finished]
        return sum(size["responseBodySize"] + size["responseHeadersSize"]
                   for size in sizes) / 1024

    result = {"query_kb": kilobytes(requests[page_requests:]),
              "page_kb": kilobytes(requests[:page_requests]),
              "first_results_ms": first,
              "all_results_ms": complete,
              "results": int("".join(char for char in count if char.isdigit()) or 0)}
    context.close()
    return result


def stage_times(press: Path) -> dict[str, float]:
    return json.loads((press / "build" / "editor-report.json").read_text())["timings"]


def site_size(folder: Path) -> tuple[int, int, int]:
    """Bytes of the whole site, bytes of its HTML pages, and the number of pages."""
    files = [path for path in (folder / "site").rglob("*") if path.is_file()]
    pages = [path for path in files if path.name == "index.html"]
    return (sum(path.stat().st_size for path in files),
            sum(path.stat().st_size for path in pages), len(pages))


def gzip_kb_per_page(folder: Path, every: int = 10) -> float:
    """What a reader downloads per HTML page when the host compresses (GitHub Pages sends
    gzip): every tenth page compressed, averaged."""
    pages = sorted((folder / "site").rglob("index.html"))[::every]
    return sum(len(gzip.compress(page.read_bytes(), 6)) for page in pages) / 1024 / len(pages)


def progress(size: int, step: str) -> None:
    """Where a long run is (on stderr): a step that hangs shows which it is."""
    print(f"{time.strftime('%H:%M:%S')} {size:,} stories: {step}", file=sys.stderr, flush=True)


def measure(size: int, work: Path) -> dict[str, object]:
    press, baseline = work / f"press-{size}", work / f"baseline-{size}"
    progress(size, "writing the archive, first build")
    write_archive(size, press)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build(press, env)  # warm the file cache and produce the pages the baseline copies
    write_baseline(press, baseline)
    runs: dict[str, list[Build]] = {"press": [], "warm": [], "baseline": []}
    stages = {}
    for _ in range(REPEATS):
        runs["baseline"].append(build(baseline, env))
        shutil.rmtree(press / "build" / "cache", ignore_errors=True)
        runs["press"].append(build(press, env))  # cold: every source read, cleaned, inferred
        stages["cold"] = stage_times(press)
        runs["warm"].append(build(press, env))  # warm: the sources unchanged since the last
        stages["warm"] = stage_times(press)
    press_bytes, press_html, press_pages = site_size(press)
    progress(size, "builds done; the reader's first search")
    search = first_search(press)
    if size <= SERVE_UP_TO:
        progress(size, "mkdocs serve")
    reloads = serve_times(press, env, size=size) if size <= SERVE_UP_TO else None
    full_reload = serve_times(press, env, dirty=False) if size <= FULL_SERVE_UP_TO else None
    base_bytes, base_html, base_pages = site_size(baseline)
    median = {name: statistics.median(run.seconds for run in items)
              for name, items in runs.items()}
    press_runs = runs["press"] + runs["warm"]
    return {
        "stories": size,
        "pages": press_pages,
        "baseline_pages": base_pages,
        "press_s": median["press"],
        "baseline_s": median["baseline"],
        "ratio": median["press"] / median["baseline"],
        "warm_s": median["warm"],
        "warm_ratio": median["warm"] / median["baseline"],
        "ms_per_page": 1000 * median["press"] / press_pages,
        "baseline_ms_per_page": 1000 * median["baseline"] / base_pages,
        "peak_mb": max(run.peak_kib for run in press_runs) / 1024,
        "helper_peak_mb": max(run.helper_peak_kib for run in press_runs) / 1024,
        "together_peak_mb": max(run.together_peak_kib for run in press_runs) / 1024,
        "baseline_peak_mb": max(run.peak_kib for run in runs["baseline"]) / 1024,
        "site_kb_per_page": press_bytes / 1024 / press_pages,
        "baseline_kb_per_page": base_bytes / 1024 / base_pages,
        "html_kb_per_page": press_html / 1024 / press_pages,
        "baseline_html_kb_per_page": base_html / 1024 / base_pages,
        "html_gzip_kb_per_page": gzip_kb_per_page(press),
        "baseline_html_gzip_kb_per_page": gzip_kb_per_page(baseline),
        "stages": stages,
        "search": search,
        "reloads": reloads,
        "full_reload_s": full_reload["edit"] if full_reload else None,
    }


def table(results: list[dict[str, object]]) -> str:
    lines = [
        f"Measured {dt.date.today().isoformat()} on this project's machine kind (2 cores), "
        f"median of {REPEATS} builds each, press room and baseline alternating.",
        "",
        "| stories | pages | press room s (cold) | warm s | baseline s | cold ratio "
        "| warm ratio | ms/page (cold) | ms/page (warm) | baseline ms/page |",
        "|" + " ---: |" * 10,
    ]
    for r in results:
        lines.append(
            f"| {r['stories']:,} | {r['pages']:,} | {r['press_s']:.1f} | {r['warm_s']:.1f} "
            f"| {r['baseline_s']:.1f} | {r['ratio']:.2f} | {r['warm_ratio']:.2f} "
            f"| {r['ms_per_page']:.2f} | {1000 * r['warm_s'] / r['pages']:.2f} "
            f"| {r['baseline_ms_per_page']:.2f} |"
        )
    lines += [
        "",
        "Peak memory (MB): the build's own process; the largest process it started "
        "(Pagefind's service, or a cleaning worker); and all of them at once, the figure the "
        "target is for (their resident memory summed every 0.1 s). Site size (KB per "
        "page): HTML pages only, the same gzipped as the host sends them (every tenth page), "
        "and the whole site (with search index, feeds and exports; the baseline has none of "
        "these).",
        "",
        "| stories | peak MB | helper peak MB | together peak MB | baseline peak MB "
        "| HTML KB/page "
        "| baseline HTML KB/page | HTML ratio | gzipped KB/page | baseline gzipped "
        "| gzipped ratio | site KB/page | baseline site KB/page |",
        "|" + " ---: |" * 13,
    ]
    for r in results:
        lines.append(
            f"| {r['stories']:,} | {r['peak_mb']:.0f} | {r['helper_peak_mb']:.0f} "
            f"| {r['together_peak_mb']:.0f} | {r['baseline_peak_mb']:.0f} "
            f"| {r['html_kb_per_page']:.1f} "
            f"| {r['baseline_html_kb_per_page']:.1f} "
            f"| {r['html_kb_per_page'] / r['baseline_html_kb_per_page']:.2f} "
            f"| {r['html_gzip_kb_per_page']:.1f} | {r['baseline_html_gzip_kb_per_page']:.1f} "
            f"| {r['html_gzip_kb_per_page'] / r['baseline_html_gzip_kb_per_page']:.2f} "
            f"| {r['site_kb_per_page']:.1f} | {r['baseline_kb_per_page']:.1f} |"
        )
    names = list(dict.fromkeys(name for r in results for build in ("cold", "warm")
                                for name in r["stages"][build]))
    lines += [
        "",
        "The plugin's own time by stage (seconds, last cold and warm build; cleaning and "
        "inference are CPU seconds summed over the worker processes):",
        "",
        "| stories | build | " + " | ".join(names) + " |",
        "|" + " ---: |" * (len(names) + 2),
    ]
    for r in results:
        for build_kind in ("cold", "warm"):
            times = r["stages"][build_kind]
            lines.append(f"| {r['stories']:,} | {build_kind} | " + " | ".join(
                f"{times[name]:.2f}" if name in times else "–" for name in names) + " |")
    lines += [
        "",
        "Search in Chromium: a German story page, then the first query typed into the header's "
        f"box; median of {SEARCH_REPEATS} fresh browser contexts each, served from 127.0.0.1 "
        "without compression. KB for the page load before it, then per query: results, KB "
        "the query fetched, milliseconds to the first results shown (the newest stories' "
        "ranking) and to the whole ranking.",
        "",
        "| stories | page load KB | " + " | ".join(
            f"{query}: results, KB, ms first, ms all" for query in SEARCH_QUERIES) + " |",
        "|" + " ---: |" * (2 + len(SEARCH_QUERIES)),
    ]
    for r in results:
        search = r["search"]
        page_kb = search[SEARCH_QUERIES[0]]["page_kb"]
        lines.append(f"| {r['stories']:,} | {page_kb:.0f} | " + " | ".join(
            f"{search[query]['results']:,}, {search[query]['query_kb']:.0f}, "
            f"{search[query]['first_results_ms']:.0f}, {search[query]['all_results_ms']:.0f}"
            for query in SEARCH_QUERIES) + " |")
    served = [r for r in results if r["reloads"] is not None]
    if served:
        lines += ["", f"`mkdocs serve --dirty` (as `make serve` runs it: only what a change "
                  f"affects rendered again), one server per size: median seconds of {REPEATS} "
                  "changes each from saving until the page shows it: a source edited (its "
                  "story's page), a new source (its page), the taxonomy edited (a tag's page "
                  f"with its new label); the changes {EDIT_PAUSE:.0f} s apart. Without "
                  "`--dirty`, every page rebuilt: the edit only.",
                  "", "| stories | edit s | new source s | taxonomy s | edit s (every page) "
                  "| cold build s | warm build s |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {r['stories']:,} | {r['reloads']['edit']:.1f} | {r['reloads']['new']:.1f} "
                  f"| {r['reloads']['taxonomy']:.1f} | "
                  + (f"{r['full_reload_s']:.1f}" if r["full_reload_s"] is not None else "–")
                  + f" | {r['press_s']:.1f} | {r['warm_s']:.1f} |" for r in served]
    return "\n".join(lines) + "\n"


def main(sizes: list[int]) -> None:
    results = []
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-") as work:
        for size in sizes:
            results.append(measure(size, Path(work)))
            print(table(results), flush=True)
    RESULTS.write_text("# Benchmark\n\n" + table(results), encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [1000, 5000, 10000])
