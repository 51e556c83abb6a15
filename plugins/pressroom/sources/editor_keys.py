"""The contract with editors: the frontmatter keys a source may carry, checked and typed.

Every key is optional. A value that cannot be right (an unknown language, 30 February, a
story id that climbs out of its folder) is an error naming the file and the key's line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..language import LANGUAGES
from ..language.slugs import MAX_SLUG_BYTES
from ..model import EditorKey
from ..problems import Problem, error, warning

# A story id becomes a folder in the URL: lowercase ASCII words joined by hyphens, no dots,
# no slashes, so that it can never leave its folder; and no longer than a slug, so that its
# file name is one the system can write.
STORY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class InvalidValue(ValueError):
    pass


def _text(value: Any) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise InvalidValue("must be text")
    text = str(value).strip()
    if not text:
        raise InvalidValue("must not be empty")
    return text


def _date(value: Any) -> dt.date:
    # Digits typed full width ("２０２５-０５-１４") are the same digits: read as ASCII ones.
    text = unicodedata.normalize("NFKC", _text(value))
    if not ISO_DATE.match(text):
        raise InvalidValue(f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidValue(f"{text!r} is not a date that exists ({exc})") from exc


def _datetime(value: Any) -> dt.datetime:
    text = _text(value)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidValue(f"{text!r} is not an ISO date-time ({exc})") from exc
    # A time without a zone is read as UTC: a build server has no meaningful local time.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _lang(value: Any) -> str:
    text = _text(value).lower()
    if text not in LANGUAGES:
        raise InvalidValue(f"{text!r} is not a language of the press room ({', '.join(LANGUAGES)})")
    return text


def _story(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_SLUG_BYTES:
        raise InvalidValue(f"is {len(text)} characters long: a story id becomes a file name "
                           f"and an address, and has at most {MAX_SLUG_BYTES}")
    if not STORY_ID.match(text):
        raise InvalidValue(
            f"{text!r} is not a story id: use lowercase letters, digits and single hyphens"
        )
    return text


def _text_list(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise InvalidValue("must be a list")
    return tuple(_text(item) for item in items if str(item).strip())


def _line_selectors(value: Any) -> tuple[int | str, ...]:
    """keep/drop: line numbers of the source file, or the text a line starts with."""
    items = value if isinstance(value, list | tuple) else [value]
    selectors: list[int | str] = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool) and item > 0:
            selectors.append(item)
        else:
            selectors.append(_text(item))
    return tuple(selectors)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue("must be true or false")
    return value


def _source_file(value: Any) -> str:
    """A source named by another (``translation_of``): its path below the seeds folder, in the
    form the folder shows it. Whether such a source exists is known only once all are read."""
    text = _text(value)
    parts = text.split("/")
    if "\\" in text or any(not part or part.startswith(".") for part in parts):
        raise InvalidValue(f"{text!r} is not a file of the seeds folder: name it as from there, "
                           "e.g. 003_story.txt or folder/003_story.txt")
    return text


def _url(value: Any) -> str:
    text = _text(value)
    if not re.match(r"^https?://[^\s]+$", text):
        raise InvalidValue(f"{text!r} is not an http(s) address")
    return text


IMAGE_FILES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")


def _image(value: Any) -> str:
    """An image the site serves, named from docs/ ("images/ruling.jpg"): an address on
    another host would have every reader's browser ask that host for it."""
    text = _text(value)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|//", text):
        raise InvalidValue(f"{text!r} is an address: put the image in docs/ and name it from "
                           "there (images/ruling.jpg), so that no reader's browser asks "
                           "another host for it")
    if "\\" in text or any(part in ("", ".", "..") for part in text.split("/")):
        raise InvalidValue(f"{text!r} is not a file of docs/: name it from there "
                           "(images/ruling.jpg)")
    if not text.lower().endswith(IMAGE_FILES):
        raise InvalidValue(f"{text!r} is not an image file ({', '.join(IMAGE_FILES)})")
    return text


KEYS: Mapping[str, Callable[[Any], Any]] = {
    "title": _text,
    "date": _date,
    "lang": _lang,
    "story": _story,
    "tags": _text_list,
    "source": _text,
    "author": _text,
    "source_url": _url,
    "translation_of": _source_file,
    "cases": _text_list,
    "summary": _text,
    "image": _image,
    "image_alt": _text,
    "draft": _flag,
    "embargo": _datetime,
    "keep": _line_selectors,
    "drop": _line_selectors,
}


def validate_editor_keys(
    path: Path, keys: Mapping[str, EditorKey]
) -> tuple[dict[str, EditorKey], list[Problem]]:
    """Return the keys with typed values, and the problems found in them."""
    typed: dict[str, EditorKey] = {}
    problems: list[Problem] = []
    for name, key in keys.items():
        convert = KEYS.get(name)
        if convert is None:
            known = ", ".join(KEYS)
            problems.append(warning(path, f"unknown frontmatter key {name!r} (known: {known})",
                                    key.line))
            continue
        try:
            typed[name] = EditorKey(convert(key.value), key.line, key.where)
        except InvalidValue as exc:
            problems.append(error(path, f"frontmatter {name!r}: {exc}", key.line))
    return typed, problems
