"""The plugin's options in mkdocs.yml (the MkDocs side of the press room)."""

from __future__ import annotations

from .engine import config_base as base
from .engine import config_options as c
from .search_index import PART_PAGES
from .search_page import NEWEST_STORIES


class _Count(c.Type):
    """A whole number of at least one."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        count = super().run_validation(value)
        if count < 1:
            raise c.ValidationError(f"must be at least 1, not {count}")
        return count


DEFAULT_REGISTRIES = {"taxonomy": "seeds/taxonomy.yml", "cases": "seeds/cases.yml"}


class PressroomConfig(base.Config):
    # Where the clippings are, relative to mkdocs.yml.
    seeds_dir = c.Type(str, default="seeds")
    # The registries, relative to mkdocs.yml. Unset, the defaults below are used and may be
    # missing (a warning); a file named here must exist (an error).
    taxonomy = c.Optional(c.Type(str))
    cases = c.Optional(c.Type(str))
    # Where the editor's report is written on every build, relative to mkdocs.yml.
    report_file = c.Type(str, default="build/editor-report.json")
    # Outcomes of unchanged sources are kept here between builds (empty: no cache).
    cache_file = c.Type(str, default="build/cache/sources.pickle")
    # The report page is shown in `mkdocs serve`; publish it on the built site only if asked.
    publish_report = c.Type(bool, default=False)
    report_page = c.Type(str, default="editor-report.md")
    # A story missing in a language is a warning (and fails --strict) only when this is set.
    require_translations = c.Type(bool, default=False)
    # Search ranks this many of the newest stories per language first and shows them while
    # it ranks the whole archive (a common word stands on thousands of pages).
    search_newest_first = c.Type(int, default=NEWEST_STORIES)
    # Pagefind writes a language's index in parts of at most this many pages (its memory
    # grows with a part's pages), which the browser searches as one.
    search_part_pages = _Count(default=PART_PAGES)
