"""The images editors give stories (frontmatter `image` and `image_alt`), checked against the
site's files: a file docs/ does not have, or an image without a description, is a warning
naming the source's line."""

from __future__ import annotations

from collections.abc import Container, Iterable

from ..problems import Problem, warning
from ..sources.ingest import Outcome


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
