"""Whether the tip of the branch the site is built from has passed the tests.

    python .github/scripts/tested_tip.py --workflow test.yml [--branch main]

Every run of the deploy workflow, whatever started it (the tests finishing on a push, the
hourly schedule, a hand), builds the branch's newest commit, and only once the test workflow
has passed on a push of that very commit. It gives ``sha=…`` and ``verdict=…`` as the
step's outputs (appended to the file ``GITHUB_OUTPUT`` names; printed when there is none):

- ``tested``: a run of the tests on that commit passed; build and deploy it.
- ``pending``: the tests of that commit are still running; nothing to do now (their end
  starts the deploy workflow again, and so does the next hour).
- ``untested``: every run of the tests on that commit failed, was cancelled, or there is
  none. The script exits 1 so that the run fails where people see it: the site keeps what
  it had, and embargoed stories stop going live until the tests pass.

The branch is the repository's default branch unless ``--branch`` names one. It reads
GitHub's REST API with the workflow's token (``GH_TOKEN``), which needs ``contents: read``
(the branch) and ``actions: read`` (the test runs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from step_outputs import set_outputs

Fetch = Callable[[str], Any]


def _api(path: str) -> Any:
    base = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    request = urllib.request.Request(f"{base}{path}", headers={
        "Accept": "application/vnd.github+json",
        "Authorization": f"Bearer {os.environ['GH_TOKEN']}",
        "X-GitHub-Api-Version": "2022-11-28",
    })
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def verdict(runs: Iterable[Mapping[str, Any]]) -> str:
    """``tested``, ``pending`` or ``untested`` for the runs of the tests on one commit."""
    runs = list(runs)
    if any(run.get("conclusion") == "success" for run in runs):
        return "tested"
    if any(run.get("status") != "completed" for run in runs):
        return "pending"
    return "untested"


def tip_and_runs(repository: str, branch: str | None, workflow: str,
                 fetch: Fetch = _api) -> tuple[str, str, list[Mapping[str, Any]]]:
    """The branch (the default one when None), its newest commit and the test workflow's
    runs on pushes of that commit."""
    quote = urllib.parse.quote
    if branch is None:
        branch = str(fetch(f"/repos/{repository}")["default_branch"])
    sha = fetch(f"/repos/{repository}/commits/{quote(branch, safe='')}")["sha"]
    query = urllib.parse.urlencode({"head_sha": sha, "event": "push", "per_page": 100})
    found = fetch(f"/repos/{repository}/actions/workflows/{quote(workflow, safe='')}/runs"
                  f"?{query}")
    return branch, sha, list(found["workflow_runs"])


def main(argv: list[str] | None = None, fetch: Fetch = _api) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repository", default=os.environ.get("GITHUB_REPOSITORY"))
    parser.add_argument("--branch", help="the branch to build (default: the default branch)")
    parser.add_argument("--workflow", required=True, help="the test workflow's file name")
    args = parser.parse_args(argv)
    if not args.repository:
        parser.error("--repository (or GITHUB_REPOSITORY) is needed")
    branch, sha, runs = tip_and_runs(args.repository, args.branch, args.workflow, fetch)
    found = verdict(runs)
    set_outputs({"sha": sha, "verdict": found})
    where = f"{branch} at {sha[:12]}"
    if found == "tested":
        print(f"{where} passed {args.workflow}: building it")
        return 0
    if found == "pending":
        print(f"::notice::{args.workflow} is still running on {where}: "
              "its end deploys it")
        return 0
    seen = ", ".join(sorted({str(run.get("conclusion")) for run in runs})) or "no run"
    print(f"::error::{where} has not passed {args.workflow} ({seen}): not deploying; "
          "the site keeps its last deploy and embargoed stories wait until the tests "
          "pass on it (fix them, or run them again).")
    return 1


if __name__ == "__main__":
    sys.exit(main())
