"""A file's size as a reader of each language writes it: every page that offers a file for
download says how large it is the same way (a case's documents, the media kit)."""

from __future__ import annotations

from .i18n import format_number


def format_size(size: int, lang: str) -> str:
    """ "48 KB", "1.2 MB" / "1,2 MB"."""
    if size < 1024 * 1024:
        return f"{format_number(max(1, round(size / 1024)), lang)} KB"
    return f"{format_number(round(size / (1024 * 1024), 1), lang)} MB"
