"""The company boilerplate, written once by editors in the media kit page of each language.

The media kit (docs/<lang>/media-kit.md) marks its boilerplate paragraph with
``<!-- boilerplate -->`` … ``<!-- /boilerplate -->``; every story page shows it underneath.
"""

from __future__ import annotations

import re

MEDIA_KIT = "media-kit.md"
_BLOCK = re.compile(r"<!--\s*boilerplate\s*-->(?P<text>.*?)<!--\s*/boilerplate\s*-->", re.S)


def boilerplate_of(markdown: str) -> str | None:
    match = _BLOCK.search(markdown)
    return match["text"].strip() or None if match else None
