"""What a kilobyte costs to clean and infer: the bench's archive against real clippings.

The bench is only as honest as its text: synthetic stories that are cheaper to clean than
real ones make the press room look faster than it is. This measures, in one process and in
CPU time, reading, cleaning and inference per kilobyte of the bench's archive and of the
labelled real clippings (CORPUS, read where it lies, each language apart), interleaved over
several rounds, and prints the medians and the ratio per language. The generator's
PARAGRAPHS and NOISE_LINES are set so that the ratio stays within 20 %.

Usage: CORPUS=../shared/corpus python tests/bench/text_cost.py [stories]   (default 200)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench

from pressroom.cleaning import clean_source
from pressroom.inference import infer
from pressroom.sources.reading import read_source

ROUNDS = 7


# Each measurement works on about this many kilobytes (a small set is gone through again),
# so that both sides take as long and a busy machine disturbs them alike.
MEASURED_KB = 600


def ms_per_kb(paths: list[Path]) -> float:
    kilobytes = sum(path.stat().st_size for path in paths) / 1024
    passes = max(1, round(MEASURED_KB / kilobytes))
    started = time.process_time()
    for _ in range(passes):
        for path in paths:
            source, _ = read_source(path)
            infer(source, clean_source(source))
    return (time.process_time() - started) * 1000 / (kilobytes * passes)


def main(stories: int) -> int:
    corpus = Path(os.environ.get("CORPUS", "../shared/corpus"))
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: set CORPUS to the labelled clippings")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        bench.write_archive(stories, Path(scratch))
        seeds = Path(scratch) / "seeds"
        sets = {f"{kind}-{lang}": paths for lang in ("en", "de") for kind, paths in (
            ("bench", sorted(seeds.glob(f"*-{lang}.txt"))),
            ("real", sorted((corpus / lang).glob("*.txt"))))}
        ms_per_kb(sets["real-en"][:1])  # the language identifier's model loads once, untimed
        costs: dict[str, list[float]] = {name: [] for name in sets}
        for _ in range(ROUNDS):
            for name, paths in sets.items():
                costs[name].append(ms_per_kb(paths))
    for lang in ("en", "de"):
        bench_cost = statistics.median(costs[f"bench-{lang}"])
        real_cost = statistics.median(costs[f"real-{lang}"])
        print(f"{lang}: bench {bench_cost:.3f} ms/KB, real clippings {real_cost:.3f} ms/KB, "
              f"ratio {bench_cost / real_cost:.2f} (median of {ROUNDS} interleaved rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
