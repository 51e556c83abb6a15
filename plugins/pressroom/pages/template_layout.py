"""The theme's templates without their layout: indentation and tag-only lines write nothing.

Templates are indented for their readers. Rendered as they are, that indentation lands in
every page of the site (about 1.5 KB a story page, with the lines that hold only a template
tag), and browsers collapse it anyway: neither the theme's templates nor ours have `<pre>` or
`<textarea>`, where it would be content. It goes when a template is loaded, once per build,
not from each page it writes.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from jinja2.ext import Extension

_INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)


class _Unindented(Extension):
    """Jinja's hook on a template's source, before it is compiled."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return unindented(source)


def unindented(source: str) -> str:
    """A template's source without the indentation of its lines."""
    return _INDENTATION.sub("", source)


def without_template_layout(env: Environment) -> None:
    """Templates that env loads from now on write no indentation, and a line that holds only
    a tag ({% if %}, {% endfor %}) writes no line."""
    env.add_extension(_Unindented)
    env.trim_blocks = env.lstrip_blocks = True
