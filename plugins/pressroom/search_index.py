"""The search index: Pagefind over the built site, one index per page language.

Pagefind reads <html lang> and keeps a separate, stemmed index for each language, loaded by
the browser in small chunks. It runs from its PyPI package (the binary ships in the wheel),
so the build stays offline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> str:
    """Index the built site in place; return Pagefind's summary, raise with its error."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())
    return result.stdout
