"""The images of the site: those editors give stories (frontmatter `image` and `image_alt`),
shown with the story, on the front page and in what other sites read (Open Graph, JSON-LD),
and the social image that stands in for a story without one and for every other page.

An image is a file of docs/; a named file docs/ does not have, or an image without a
description, is a warning naming the source's line, and the story is shown without it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import Article
from ..problems import Problem, warning
from ..sources.ingest import Outcome
from .html_text import escape_attribute

# The theme's own social image (1200 x 630 px, the size Open Graph readers crop to), for a
# press room that names none; a file of the site, not of docs/.
DEFAULT_SOCIAL_IMAGE = "assets/pressroom/social.png"
# What link previews show: bitmaps only (no reader of Open Graph draws an SVG).
SOCIAL_FORMATS = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Image:
    """An image as pages show it: its docs path (or site path) and its description."""

    path: str
    alt: str


def story_image(article: Article, files: Container[str]) -> Image | None:
    """The story's own image, where the editor set one that docs/ has."""
    if not article.image or article.image not in files:  # a missing one is a warning
        return None
    return Image(article.image, article.image_alt or "")


def image_html(image: Image, src: str, css_class: str) -> str:
    """The image in a box the stylesheet sizes, so that the page does not shift when it
    arrives; ``src`` is its address from the page."""
    return (f'<img class="{css_class}" src="{escape_attribute(src)}" '
            f'alt="{escape_attribute(image.alt)}">')


def social_image(article: Article | None, files: Container[str], default: Image) -> Image:
    """What a link preview shows of a page: the story's image where it has one that
    previews can show, else the press room's social image."""
    own = story_image(article, files) if article is not None else None
    if own is not None and own.path.lower().endswith(SOCIAL_FORMATS):
        return own
    return default


def image_problems(outcomes: Iterable[Outcome], files: Container[str]) -> list[Problem]:
    """``files`` are the site's files, named from docs/."""
    problems = []
    for outcome in outcomes:
        article = outcome.article
        if article is None or not article.image:
            continue
        given = outcome.source.editor("image") if outcome.source else None
        line = given.line if given else None
        if article.image not in files:
            problems.append(warning(outcome.path, f"frontmatter 'image': {article.image!r} is "
                                                  "not a file of docs/ (name it from there)", line))
        if not article.image_alt:
            problems.append(warning(outcome.path, "frontmatter 'image' without 'image_alt': "
                                                  "describe the image for readers who cannot "
                                                  "see it", line))
    return problems


def social_image_problems(configured: str | None, files: Container[str],
                          config_file: Path) -> list[Problem]:
    """The option `social_image` names a PNG or JPEG file of docs/; otherwise the theme's
    image is used, and the build says why."""
    if configured is None:
        return []
    if configured not in files:
        return [warning(config_file, f"pressroom: social_image: {configured!r} is not a file "
                                     "of docs/ (name it from there); the theme's image is used")]
    if not configured.lower().endswith(SOCIAL_FORMATS):
        return [warning(config_file, f"pressroom: social_image: {configured!r} is not a PNG or "
                                     "JPEG file, which link previews need; the theme's image "
                                     "is used")]
    return []
