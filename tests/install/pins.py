"""Installing the press room for ProperDocs, which replaces the `mkdocs` package that Material
for MkDocs names as a requirement (the Makefile's install step for ENGINE=properdocs).

    pins.py --without mkdocs REPORT   the pins of what pip's report would install, walked from
                                      the requested packages without passing through mkdocs
    pins.py --absent mkdocs           fails if the package can be imported

REPORT is pip's installation report (`pip install --dry-run --ignore-installed --report`):
pip resolves the set as usual, and only the walk leaves out what is there for `mkdocs` alone
(`mkdocs` itself and what nothing else needs). Projects from a local folder (the press room,
installed editable) are left to the caller.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def _requirements(item: dict[str, Any], extras: Iterable[str],
                  environment: dict[str, str]) -> Iterator[Requirement]:
    """What one resolved package needs, with the extras asked of it, in this environment."""
    for text in item["metadata"].get("requires_dist") or ():
        requirement = Requirement(text)
        marker: Marker | None = requirement.marker
        if marker is None or any(marker.evaluate({**environment, "extra": extra})
                                 for extra in ("", *extras)):
            yield requirement


def reachable(report: dict[str, Any], without: set[str]) -> list[dict[str, Any]]:
    """The report's packages a requested one leads to, never through a package in
    ``without``, in the report's order."""
    environment = report["environment"]
    items = {canonicalize_name(item["metadata"]["name"]): item for item in report["install"]}
    extras: dict[str, set[str]] = {}
    queue = [(name, set(item.get("requested_extras") or ()))
             for name, item in items.items() if item.get("requested")]
    while queue:
        name, asked = queue.pop()
        if name in without or name not in items or (name in extras and asked <= extras[name]):
            continue  # left out, not to be installed, or walked with these extras already
        extras[name] = extras.get(name, set()) | asked
        for requirement in _requirements(items[name], extras[name], environment):
            queue.append((canonicalize_name(requirement.name), set(requirement.extras)))
    return [item for name, item in items.items() if name in extras]


def pins(report: dict[str, Any], without: set[str]) -> list[str]:
    """`name==version` of each package to install from an index."""
    return [f"{item['metadata']['name']}=={item['metadata']['version']}"
            for item in reachable(report, without)
            if "archive_info" in item.get("download_info", {})]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--without", action="append", default=[])
    parser.add_argument("--absent", action="append", default=[])
    parser.add_argument("report", nargs="?", type=Path)
    args = parser.parse_args(argv)
    present = [name for name in args.absent if importlib.util.find_spec(name) is not None]
    if present:
        print(f"installed, and must not be: {', '.join(present)}", file=sys.stderr)
        return 1
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        print("\n".join(pins(report, {canonicalize_name(name) for name in args.without})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
