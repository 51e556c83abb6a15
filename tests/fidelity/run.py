"""The fidelity benchmark (`make fidelity`, not part of `make test`): the seeds plus each set
of the labelled corpus of real clippings, built in a scratch project and scored by the
corpus's own `score.py` against its labels.

The corpus is other people's writing: it is read where it lies (CORPUS, by default the
`corpus` folder of the shared folder beside the repository) and never copied into the project.
Each set is built on its own, beside the seeds, without the source cache of any earlier build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The engine `make ... ENGINE=` chose (tests/sitebuild.py says more).
ENGINE = os.environ.get("PRESSROOM_ENGINE", "mkdocs")


def make_project(folder: Path, clippings: list[Path]) -> Path:
    project = folder / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    for clipping in clippings:
        shutil.copy(clipping, project / "seeds" / clipping.name)
    return project


def build(project: Path) -> subprocess.CompletedProcess[str]:
    # Not --strict: a real clipping may rightly end in a warning (a guessed headline, no
    # date); the score says what the build made of it.
    return subprocess.run([sys.executable, "-m", ENGINE, "build"], cwd=project, env=ENV,
                          capture_output=True, text=True)


def score(corpus: Path, labels: Path, project: Path, verbose: bool) -> tuple[int, str]:
    command = [sys.executable, str(corpus / "score.py"), str(project / "site"),
               str(project / "build" / "editor-report.json"), "--expected", str(labels)]
    if verbose:
        command.append("-v")
    done = subprocess.run(command, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def run_set(corpus: Path, name: str, verbose: bool) -> str:
    folder = corpus / name
    labels = folder / "expected.json"
    with tempfile.TemporaryDirectory(prefix=f"fidelity-{name}-") as scratch:
        project = make_project(Path(scratch), sorted(folder.glob("*.txt")))
        built = build(project)
        if built.returncode != 0:
            return f"{name}: the build failed\n{built.stdout}{built.stderr}"
        _, scored = score(corpus, labels, project, verbose)
    return scored


def summary(name: str, scored: str) -> list[str]:
    return [f"{name}: {line}" for line in scored.splitlines()
            if line.startswith(("corpus:", "content paragraphs:"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=["en", "de"])
    parser.add_argument("-v", "--verbose", action="store_true", help="also what held")
    args = parser.parse_args()
    corpus = Path(os.environ.get("CORPUS") or DEFAULT_CORPUS).resolve()
    if not (corpus / "score.py").is_file():
        print(f"no labelled corpus at {corpus} (set CORPUS to its folder)", file=sys.stderr)
        return 2
    lines: list[str] = []
    for name in args.sets:
        scored = run_set(corpus, name, args.verbose)
        print(f"== {name} ==\n{scored}")
        lines += summary(name, scored)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
