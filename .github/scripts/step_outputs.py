"""A step's outputs, for the deploy workflow's scripts."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def set_outputs(outputs: Mapping[str, str]) -> None:
    """Append ``key=value`` lines to the file the runner reads a step's outputs from
    (``GITHUB_OUTPUT``); print them when there is none, as when a script is run by hand."""
    lines = "".join(f"{key}={value}\n" for key, value in outputs.items())
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(lines)
    else:
        sys.stdout.write(lines)
