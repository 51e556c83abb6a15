"""The plugin's options in mkdocs.yml (the MkDocs side of the press room)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import markdown

from .build import Project, Registry
from .clock import ClockError, build_now
from .engine import Files, MkDocsConfig, PluginError
from .engine import config_base as base
from .engine import config_options as c
from .language import LANGUAGES
from .pages.legal_pages import PLACEHOLDER_POLICIES
from .pages.site_frame import Brand
from .publishing.search_index import PART_PAGES
from .stories.edition import NEWEST_STORIES


class _Count(c.Type):
    """A whole number of at least one."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        count = super().run_validation(value)
        if count < 1:
            raise c.ValidationError(f"must be at least 1, not {count}")
        return count


class _TextPerLanguage(c.BaseConfigOption[dict[str, str]]):
    """A text in each language of the press room: {en: …, de: …}."""

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            raise c.ValidationError(f"give a text per language ({_EXAMPLE}), not {value!r}")
        unknown = sorted(map(str, set(value) - set(LANGUAGES)))
        missing = [lang for lang in LANGUAGES
                   if not isinstance(value.get(lang), str) or not value[lang].strip()]
        if unknown or missing:
            raise c.ValidationError(
                "; ".join([*(f"{lang!r} is not a language of the press room" for lang in unknown),
                           *(f"no text for {lang!r}" for lang in missing)]))
        return {lang: value[lang].strip() for lang in LANGUAGES}


_EXAMPLE = "{" + ", ".join(f"{lang}: …" for lang in LANGUAGES) + "}"


DEFAULT_REGISTRIES = {"taxonomy": "seeds/taxonomy.yml", "cases": "seeds/cases.yml",
                      "contacts": "seeds/contacts.yml"}


class PressroomConfig(base.Config):
    # Where the clippings are, relative to mkdocs.yml.
    seeds_dir = c.Type(str, default="seeds")
    # The registries, relative to mkdocs.yml. Unset, the defaults below are used and may be
    # missing (a warning); a file named here must exist (an error).
    taxonomy = c.Optional(c.Type(str))
    cases = c.Optional(c.Type(str))
    contacts = c.Optional(c.Type(str))
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
    # The press room's name and description per language (header, titles, feeds, JSON-LD);
    # unset, the press room's catalogs give them ("Press room", "Pressebereich").
    name = c.Optional(_TextPerLanguage())
    description = c.Optional(_TextPerLanguage())
    # The image link previews show of pages and stories without their own: a PNG or JPEG
    # of docs/, 1200 x 630 px; unset, the theme's (the press room's mark and name).
    social_image = c.Optional(c.Type(str))
    # Who the footer's copyright line names; unset, the press room's name.
    copyright_holder = c.Optional(c.Type(str))
    # What a [[PLACEHOLDER: …]] left in a hand-written page is: an error (the build fails),
    # a warning (--strict fails) or a note.
    placeholders = c.Choice(PLACEHOLDER_POLICIES, default="warn")


# Search plugins that would index the site beside the press room's own (one index per
# language): their files are the theme's search, which the press room leaves out.
THEME_SEARCH_PLUGINS = ("search", "material/search")


def setup_errors(config: MkDocsConfig, options: PressroomConfig) -> list[str]:
    """What in mkdocs.yml keeps the press room from building, each named by its option; a
    site built anyway would be wrong without a word (no stories, a broken search)."""
    where = Path(config.config_file_path or "mkdocs.yml")
    errors = []
    seeds = where.parent / options.seeds_dir
    if not seeds.is_dir():
        errors.append(f"seeds_dir: {options.seeds_dir!r} is not a folder (relative to "
                      f"{where.name}): there would be no stories")
    if config.theme.name != "material":
        errors.append(f"theme: the press room's pages are made for Material for MkDocs "
                      f"('name: material'), not {config.theme.name!r}")
    searches = [name for name in THEME_SEARCH_PLUGINS if name in config.plugins]
    if searches:
        errors.append(f"plugins: {searches[0]!r} would index the site beside the press room's "
                      "own search (one index per language): remove it")
    return [f"pressroom: {where.name}: {error}" for error in errors]


def option_path(config: MkDocsConfig, options: PressroomConfig, option: str) -> Path:
    """A file or folder the options name, relative to mkdocs.yml (a registry left unset is
    at its default place)."""
    value = options[option]
    if value is None:
        value = DEFAULT_REGISTRIES[option]
    return Path(config.config_file_path).parent / value


def cache_path(config: MkDocsConfig, options: PressroomConfig) -> Path | None:
    return option_path(config, options, "cache_file") if options.cache_file else None


def build_clock() -> dt.datetime:
    """PRESSROOM_NOW, SOURCE_DATE_EPOCH or the clock (``clock``)."""
    try:
        return build_now(os.environ)
    except ClockError as error:
        raise PluginError(f"pressroom: {error}") from error


def project_of(config: MkDocsConfig, options: PressroomConfig, files: Files, brand: Brand,
               serving: bool) -> Project:
    """What the build reads, from mkdocs.yml, the press room's options and the files of
    docs/; in `mkdocs serve`, a preview with the report."""
    def to_html(text: str) -> str:
        return markdown.Markdown(extensions=config.markdown_extensions,
                                 extension_configs=config.mdx_configs).convert(text)

    def path(option: str) -> Path:
        return option_path(config, options, option)

    return Project(
        seeds=path("seeds_dir"),
        taxonomy=Registry(path("taxonomy"), options.taxonomy is not None),
        cases=Registry(path("cases"), options.cases is not None),
        docs=Path(config.docs_dir), files=frozenset(files.src_uris),
        written={file.src_uri: file.content_string for file in files.documentation_pages()},
        brand=brand, now=build_clock(), to_html=to_html, site_url=config.site_url,
        directory_urls=config.use_directory_urls, preview=serving,
        require_translations=options.require_translations,
        newest_first=options.search_newest_first, placeholders=options.placeholders,
        report_page=options.report_page if serving or options.publish_report else None,
        social_image=options.social_image,
        config_file=Path(config.config_file_path or "mkdocs.yml"),
        contacts=Registry(path("contacts"), options.contacts is not None))
