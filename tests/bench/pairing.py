"""Pairing on synthetic archives (not part of `make test`): how long grouping takes, and how
many of the known pairs it finds and how many it invents.

The archive is a press room's: one company in every story, its executives, products and
places recurring at the rates of a long tail, German nouns that English never shares, and per
story its own people, figures, dates and file numbers. Most stories are translated, some are
reported by another outlet in the other language (a few names and figures in common, a day or
three apart), some exist in one language only, and some clippings carry no date.

Usage: python tests/bench/pairing.py [N ...] [--against FILE] [--repeats R]
N is the number of articles (default 10000 20000). With --against, FILE is another version of
stories.py, timed in alternation with this one on the same archive; the medians and their
ratio are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from babel.dates import get_month_names

from pressroom.collector import FullCollectionsHeld
from pressroom.inference.anchors import translation_anchors
from pressroom.model import NOT_FOUND, Article, Inferred, Line, by_rule
from pressroom.stories import grouping as stories

START = dt.date(2021, 1, 1)
YEARS = 4
TRANSLATED, OTHER_OUTLET, ONE_LANGUAGE = 0.6, 0.15, 0.25
UNDATED = 0.1
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "fel", "gor", "hin",
             "jas", "kur", "lem", "mor", "nis", "pol", "quin")


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize()


class Vocabulary:
    """Names that recur across the archive, each drawn from a long tail (Zipf-like)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.company = "Veltrax"
        self.pools = {kind: [invented_name(rng) for _ in range(size)]
                      for kind, size in (("executive", 30), ("product", 150), ("place", 300),
                                         ("partner", 3000))}
        self.nouns = [invented_name(rng) + suffix for suffix in ("ung", "heit", "keit", "schaft")
                      for _ in range(500)]

    def recurring(self, kind: str) -> str:
        pool = self.pools[kind]
        return pool[min(int(self.rng.paretovariate(1.0)) - 1, len(pool) - 1)]


def number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", "." if lang == "de" else ",")


def date_text(day: dt.date, lang: str) -> str:
    month = get_month_names("wide", locale=lang)[day.month]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{month} {day.day}, {day.year}"


def facts(vocabulary: Vocabulary, day: dt.date) -> list[tuple[str, object]]:
    """What a story is about: the recurring cast and its own names, figures, dates."""
    rng = vocabulary.rng
    found: list[tuple[str, object]] = [("name", vocabulary.company)]
    found += [("name", vocabulary.recurring("executive")) for _ in range(rng.randrange(0, 2))]
    found += [("name", vocabulary.recurring("product")) for _ in range(rng.randrange(1, 3))]
    found += [("name", vocabulary.recurring("place")) for _ in range(rng.randrange(1, 3))]
    found += [("name", vocabulary.recurring("partner")) for _ in range(rng.randrange(1, 4))]
    found += [("name", invented_name(rng)) for _ in range(rng.randrange(1, 4))]
    found += [("figure", rng.choice((rng.randrange(10, 100), rng.randrange(100, 10**6))))
              for _ in range(rng.randrange(1, 4))]
    found.append(("figure", day.year))
    if rng.random() < 0.5:
        found.append(("date", day - dt.timedelta(days=rng.randrange(0, 20))))
    if rng.random() < 0.2:
        found.append(("file", f"{rng.randrange(1, 999)}/{rng.randrange(10, 26)}"))
    return found


def write(lang: str, told: Sequence[tuple[str, object]], vocabulary: Vocabulary) -> str:
    """Sentences that mention each fact, in the middle of a sentence, as news text does."""
    rng = vocabulary.rng
    sentences = []
    for kind, value in told:
        if kind == "figure":
            shown = number(int(value), lang)  # type: ignore[call-overload]
        elif kind == "date":
            shown = date_text(value, lang)  # type: ignore[arg-type]
        else:
            shown = str(value)
        if lang == "en":
            sentences.append(f"The statement said that {shown} was part of the matter.")
        else:
            noun = rng.choice(vocabulary.nouns)
            sentences.append(f"Die {noun} betraf laut {rng.choice(vocabulary.nouns)} auch "
                             f"{shown} in der Sache.")
    rng.shuffle(sentences)
    return " ".join(sentences)


def article(lang: str, text: str, day: dt.date | None, number: int) -> Article:
    body = tuple(Line(index, line) for index, line in enumerate(text.split("\n"), 1))
    known = by_rule("synthetic")
    return Article(
        source=Path(f"{number:06d}-{lang}.txt"), lang=Inferred(lang, known),
        title=Inferred(f"Story {number} {lang}", known), date=Inferred(day, known),
        publisher=Inferred(None, NOT_FOUND), tags=Inferred((), NOT_FOUND),
        summary=Inferred(None, NOT_FOUND), body=body, removals=(),
        story=Inferred(None, NOT_FOUND), anchors=translation_anchors(body))


def archive(size: int, seed: int = 11) -> tuple[list[Article], set[frozenset[str]]]:
    """About ``size`` articles, and the pairs (by source name) that belong together."""
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    articles: list[Article] = []
    pairs: set[frozenset[str]] = set()
    number = 0
    while len(articles) < size:
        number += 1
        day = START + dt.timedelta(days=rng.randrange(YEARS * 365))
        told = facts(vocabulary, day)
        roll = rng.random()
        if roll < ONE_LANGUAGE:
            lang = rng.choice(("en", "de"))
            articles.append(article(lang, write(lang, told, vocabulary), _dated(rng, day),
                                    number))
            continue
        other = told
        other_day = day
        if roll < ONE_LANGUAGE + OTHER_OUTLET:
            other = [fact for fact in told if rng.random() < 0.5] + facts(vocabulary, day)[3:]
            other_day = day + dt.timedelta(days=rng.randrange(0, 4))
        en = article("en", write("en", told, vocabulary), _dated(rng, day), number)
        de = article("de", write("de", other, vocabulary), _dated(rng, other_day), number)
        articles += [en, de]
        pairs.add(frozenset((en.source.name, de.source.name)))
    rng.shuffle(articles)
    return articles, pairs


def _dated(rng: random.Random, day: dt.date) -> dt.date | None:
    return None if rng.random() < UNDATED else day


def found_pairs(grouped: Sequence[stories.Story]) -> set[frozenset[str]]:
    return {frozenset(version.source.name for version in story.versions.values())
            for story in grouped if len(story.versions) == 2}


def seconds(group: Callable[[Sequence[Article]], object], articles: Sequence[Article]) -> float:
    """CPU seconds: on a shared machine, what other processes take does not count."""
    started = time.process_time()
    group(articles)
    return time.process_time() - started


def load(path: Path) -> ModuleType:
    """Another version of stories.py, as a module of the package (its imports are relative)."""
    name = "pressroom._stories_compared"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 20_000])
    parser.add_argument("--against", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    other = load(args.against) if args.against else None
    for size in args.sizes:
        articles, pairs = archive(size)
        # As in a build: what the source cache handed over is frozen out of the collector, and
        # full collections wait until the build is over.
        gc.freeze()
        FullCollectionsHeld().hold()
        found = found_pairs(stories.group_stories(articles)[0])
        print(f"{len(articles)} articles, {len(pairs)} known pairs: {len(found & pairs)} found, "
              f"{len(found - pairs)} invented")
        times: dict[str, list[float]] = {"this": [], "against": []}
        for _ in range(args.repeats):
            times["this"].append(seconds(stories.group_stories, articles))
            if other is not None:
                times["against"].append(seconds(other.group_stories, articles))
        this = statistics.median(times["this"])
        line = f"  group_stories: median {this:.3f} CPU s"
        if other is not None:
            against = statistics.median(times["against"])
            found = found_pairs(other.group_stories(articles)[0])
            line += (f", against {against:.3f} s (ratio {this / against:.2f}); it found "
                     f"{len(found & pairs)}, invented {len(found - pairs)}")
        print(line)


if __name__ == "__main__":
    main()
