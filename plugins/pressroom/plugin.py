"""The MkDocs adapter: wires the press room's stages to MkDocs events, and nothing more."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin

import markdown
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from .clock import ClockError, build_now
from .collector import FullCollectionsHeld, left_to_the_system
from .config import DEFAULT_REGISTRIES, PressroomConfig, setup_errors
from .engine import (
    BasePlugin,
    File,
    Files,
    LiveReloadServer,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    get_plugin_logger,
    get_toc,
)
from .outputs.data_files import data_files, page_extras
from .pages.front_page import Desk
from .pages.generated import generated_pages, source_pages
from .pages.html_text import Heading, LinkTo, RenderedBody, without_layout_whitespace
from .pages.icons import IconError, IconSheet, icons_drawn, logo_drawn
from .pages.images import image_problems
from .pages.legal_pages import LEGAL_PATHS, hand_written_problems, marked_placeholders
from .pages.links import home_links, page_links
from .pages.press_kit import BOILERPLATE, CONTACTS, MEDIA_KIT, PRESS_CONTACT, marked_block
from .pages.rendering import with_frontmatter
from .pages.search_page import SEARCH_PAGE
from .pages.site import SiteModel, SitePage, page_language, site_model
from .pages.site_frame import (
    brand,
    footer,
    footer_context,
    not_found_context,
    page_frame,
    root_frame,
    root_heading_html,
)
from .pages.template_layout import without_template_layout
from .problems import Problem, Severity
from .publishing.search_index import SearchIndexError, SearchIndexes, searchable_document
from .publishing.sitemap import site_entries, sitemap_xml
from .report.desk import (
    REPORT_META,
    desk_files,
    missing_translation_list,
    paired_list,
    report_body,
    report_data,
    report_folder,
    write_report,
)
from .serving import PreviousBuilds
from .sources.editor_keys import LANGUAGES
from .sources.ingest import Ingested, ingest
from .sources.source_cache import SourceCache
from .stories.case_documents import document_paths
from .stories.cases import load_cases
from .stories.edition import Edition, prepare_edition
from .stories.taxonomy import load_taxonomy
from .timing import Timings

_HTML_ID = re.compile(r'\bid="([^"]+)"')
log = get_plugin_logger("pressroom")
THEME = Path(__file__).resolve().parent / "theme"


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.previous_builds = PreviousBuilds()
        self.full_collections = FullCollectionsHeld()
        # The source cache, kept from one `mkdocs serve` rebuild to the next.
        self.kept_cache: SourceCache | None = None
        self.brand = brand()
        self._forget_build()

    def _forget_build(self) -> None:
        """What one build works with, none of it needed by the next."""
        self.ingested: Ingested | None = None
        self.edition = Edition(stories=())
        self.site = SiteModel([])
        self.files: Files | None = None
        self.site_problems: list[Problem] = []
        self.timings = Timings()
        self.cache_hits = 0
        self.indexes = SearchIndexes()
        self.rendered_nav: dict[str, str] = {}
        self.icons = IconSheet((), ())
        # Pages written as HTML by the press room (docs path -> body, given its links).
        self.bodies: dict[str, Callable[[LinkTo], RenderedBody]] = {}
        self.report: dict[str, Any] | None = None
        # Hand-written pages (docs paths), and what frames a page in each language.
        self.hand_written: set[str] = set()
        self.frames: dict[str, dict[str, Any]] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Having this method keeps the plugin, and what it holds, from one serve build to the next.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.full_collections.hold()
        if self.serving:
            # The last build's pages and sources would stay in memory beside the new ones
            # (twice the objects for Python's collector to walk) until replaced one by one.
            self.indexes.close()
            self._forget_build()
            if not self.dirty:
                self.previous_builds.set_aside(Path(config.site_dir))

    def on_shutdown(self) -> None:
        if self.kept_cache is not None:
            self.kept_cache.save()
        self.previous_builds.finish()
        # MkDocs ends once its plugins are shut down (build, gh-deploy, and serve alike).
        left_to_the_system()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        errors = setup_errors(config, self.config)
        if errors:
            raise PluginError("\n".join(errors))
        # The press room's theme overrides (page language, switcher, hreflang) come first.
        config.theme.dirs.insert(0, str(THEME))
        # Material shows its language selector only when `extra.alternate` is set; the targets
        # come from each page, so a true value (not a global list) switches it on.
        config.extra.setdefault("alternate", True)
        self.brand = brand(self.config.name, self.config.description, self.config.copyright_holder)
        if config.theme.get("favicon") == THEME_FAVICON:  # the theme's own, not the site's
            config.theme["favicon"] = FAVICON
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Our partials wrap the theme's own, which they reach as "material/partials/…".
        theme_dir = next((folder for folder in config.theme.dirs
                          if (Path(folder) / "partials" / "nav.html").exists()
                          and Path(folder) != THEME), None)
        if theme_dir is None:
            raise PluginError("pressroom: the theme must be Material for MkDocs")
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(
            theme_dir)})])
        env.filters["pressroom_compact"] = without_layout_whitespace
        env.globals["pressroom_icon"] = self.icons.markup
        env.globals["pressroom_logo"] = logo_drawn(*_logo_settings(config))
        without_template_layout(env)
        return env

    def _source_cache(self, config: MkDocsConfig) -> SourceCache:
        """Read from its file; in `mkdocs serve`, the one the last rebuild left."""
        path = self._path(config, "cache_file") if self.config.cache_file else None
        if self.serving and self.kept_cache is not None and self.kept_cache.path == path:
            return self.kept_cache
        if self.kept_cache is not None:  # the configuration names another file now
            self.kept_cache.save()
        cache = SourceCache(path)
        self.kept_cache = cache if self.serving else None
        return cache

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        value = self.config[option]
        if value is None:
            value = DEFAULT_REGISTRIES[option]
        return Path(config.config_file_path).parent / value

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        _drop_theme_search(files)
        self.icons = _icons_in_stylesheet(files, config)
        seeds = self._path(config, "seeds_dir")
        now = _now()
        self.timings = timings = Timings()
        self.indexes.close()  # a build that failed half-way leaves nothing running
        self.rendered_nav = {}
        with timings.stage("cache"):
            cache = self._source_cache(config)
        # The case registry first: the documents it names are published, not read as clippings.
        cases, case_problems = load_cases(
            self._path(config, "cases"), named=self.config.cases is not None)
        self.ingested = ingest(seeds, timings, cache, skip=document_paths(cases, seeds))
        self.cache_hits = cache.hits
        cache.next_build()
        if not self.serving:  # `mkdocs serve` keeps it in memory, and writes it when it stops
            with timings.stage("cache"):
                cache.save()
        with timings.stage("pair"):
            taxonomy, taxonomy_problems = load_taxonomy(
                self._path(config, "taxonomy"), named=self.config.taxonomy is not None)
            self.edition = prepare_edition(
                self.ingested, taxonomy, cases, now=now, preview=self.serving,
                require_translations=self.config.require_translations, seeds=seeds,
                cases_file=self._path(config, "cases"), press_room=self.brand.names)
        self.site_problems = [*taxonomy_problems, *case_problems, *self.edition.problems]
        for problem in (*self.ingested.problems, *self.site_problems):
            _log(problem, seeds.parent)
        documents = [file.src_uri for file in files.documentation_pages()]
        self._check_hand_written(files, config, seeds.parent)
        desk = Desk(self.brand, _marked_blocks(files, config, CONTACTS, PRESS_CONTACT),
                    frozenset(files.src_uris))
        for problem in image_problems(self.ingested.outcomes, desk.files):
            self.site_problems.append(problem)
            _log(problem, seeds.parent)
        with timings.stage("render pages"):
            generated = generated_pages(self.edition,
                                        _marked_blocks(files, config, MEDIA_KIT, BOILERPLATE),
                                        desk, now if self.serving else None,
                                        self.config.search_newest_first)
            # MkDocs renders pages in this order: the searchable ones language by language,
            # then the rest (stand-ins, listings), so that Pagefind writes each language's
            # index while MkDocs goes on rendering, and the build need not wait for it.
            for page in sorted(generated, key=lambda page: (not page.indexed, page.lang)):
                files.append(File.generated(config, page.path, content=page.markdown or ""))
            self.site = site_model(generated, documents, LEGAL_PATHS)
        self.indexes = SearchIndexes(Path(config.site_dir), self.site.indexed_counts(),
                                     self.config.search_part_pages)
        self.files = files
        with timings.stage("feeds and exports"):
            for path, content in data_files(self.edition, self._absolute_path(config),
                                            self.brand.names).items():
                files.append(File.generated(config, path, content=content))
            for document in self.edition.documents:  # the bytes read and checked, not the path
                files.append(File.generated(config, document.path, content=document.data))
        footers = {lang: footer_context(footer(lang, self.brand, now.year, files.src_uris),
                                        self._url_of_path) for lang in LANGUAGES}
        self.frames = {lang: page_frame(lang, config, self.brand, footers) for lang in LANGUAGES}
        self.frames[""] = root_frame(config, self.brand, footers)
        self.bodies = {page.path: page.body for page in generated if page.body is not None}
        self.report = None
        if self.serving or self.config.publish_report:
            self.report = self._report(seeds)
            folder = report_folder(self.config.report_page)
            self.bodies[self.config.report_page] = partial(report_body, self.report,
                                                           folder=folder)
            files.append(File.generated(config, self.config.report_page,
                                        content=with_frontmatter(REPORT_META, "")))
            for path, content in desk_files(self.report, folder, self._url_of_path).items():
                files.append(File.generated(config, path, content=content))
        return files

    def _check_hand_written(self, files: Files, config: MkDocsConfig, root: Path) -> None:
        """Placeholders left in the hand-written pages, and legal pages missing, each named as
        the option ``placeholders`` asks: an error stops the build here."""
        pages = {file.src_uri: file.content_string for file in files.documentation_pages()
                 if file.src_uri.endswith(".md")}
        self.hand_written = set(pages)
        problems = hand_written_problems(pages, Path(config.docs_dir), self.config.placeholders)
        for problem in problems:
            _log(problem, root)
        self.site_problems += problems
        if any(problem.severity is Severity.ERROR for problem in problems):
            raise PluginError("pressroom: placeholders are still to be filled in (option "
                              "placeholders: error); see above")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if page.file.src_uri not in self.hand_written:
            return markdown
        if page.is_homepage:  # the language chooser: named in every language
            page.meta["title"] = self.brand.every_name
            markdown = root_heading_html(self.brand) + "\n\n" + markdown
        return marked_placeholders(markdown, page_language(page.file.src_uri) or LANGUAGES[0])

    def _report(self, seeds: Path) -> dict[str, Any]:
        assert self.ingested is not None
        return report_data(self.ingested, source_pages(self.edition.stories), seeds.parent,
                           missing_translation_list(self.edition.stories), self.site_problems,
                           self.edition.tag_candidates, paired_list(self.edition.stories))

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        self._write_body(page)
        with self.timings.stage("page metadata"):
            return self._page_context(context, page, config, nav)

    def _page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        site_page = self.site.get(page.file.src_uri)
        absolute = self._absolute(config)
        context["pressroom_nav"] = self.rendered_nav
        context.update(self.frames[site_page.lang if site_page else ""])
        if site_page is not None:
            context["nav"] = _nav_in(nav, site_page.lang)
            outside_nav = page not in context["nav"].pages
            # The theme's table of contents has a label for a toggle that only pages in the
            # navigation get; the others get the toggle from our template.
            page.meta["pressroom_toc_toggle"] = outside_nav
            if outside_nav:  # the navigation is the same for these: links are relative
                page.meta["pressroom_nav_key"] = f"{site_page.lang}/{page.url.count('/')}"
            page.meta.setdefault("lang", site_page.lang)
            page.meta["pressroom"] = {
                **page_links(self.site, site_page, self._url_of, absolute),
                **page_extras(site_page.path, site_page.lang, site_page.translated, self.edition,
                              self._absolute_path(config), self.brand.name(site_page.lang),
                              self.brand.description(site_page.lang)),
            }
            original = self.site.original(site_page)
            if original is not None:
                page.canonical_url = absolute(self._url_of(original))
        elif page.is_homepage:
            page.meta.setdefault("lang", LANGUAGES[0])
            page.meta["pressroom"] = home_links(self.site, self._url_of, absolute)
        # The header's search: the index of the page's language, all results on its search page;
        # the same box for all pages of a language and folder depth (rendered once for those).
        lang = page.meta.get("lang") or LANGUAGES[0]
        context["pressroom_search"] = {"lang": lang,
                                       "page": self._url_of_path(f"{lang}/{SEARCH_PAGE}"),
                                       "key": f"search/{lang}/{page.url.count('/')}"}
        return context

    def _write_body(self, page: Page) -> None:
        """A page written as HTML gets its body just before the theme renders it (and lets
        go of it after): the bodies of thousands of pages are never held at once."""
        body = self.bodies.get(page.file.src_uri)
        if body is None:
            return
        with self.timings.stage("render pages"):
            rendered = body(self._links_from(page))
        page.content = rendered.html
        page.toc = get_toc(_toc_tokens(rendered.headings))  # type: ignore[arg-type]
        # Links to anchors are checked against the ids MkDocs saw in the Markdown (the
        # frontmatter only, here); the body written as HTML brings its own ids.
        if getattr(page, "present_anchor_ids", None) is not None:
            page.present_anchor_ids |= set(_HTML_ID.findall(rendered.html))

    def _links_from(self, page: Page) -> LinkTo:
        def link(target: str) -> str:
            path, _, fragment = target.partition("#")
            assert self.files is not None
            file = self.files.src_uris.get(path)
            if file is None:
                log.warning(f"{page.file.src_uri}: links to {path}, which is not in the site")
                return target
            url = file.url_relative_to(page.file)
            return f"{url}#{fragment}" if fragment else url
        return link

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.meta.get("pressroom", {}).get("indexed"):
            with self.timings.stage("search index"):
                lang = page.meta["lang"]
                self.indexes.add(lang, "/" + page.url,
                                 searchable_document(lang, page.title or "", page.content or ""))
        if page.file.src_uri in self.bodies:
            page.content = ""  # written out; see _write_body
        return valid_toggles(output)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name != "404.html" or not self.frames:
            return context
        # An address that does not exist may be in either language: the page speaks all of
        # them, and its script keeps the one the address names.
        context.update(self.frames[""])
        context.update(not_found_context(self.brand, self._url_of_path))
        return context

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return valid_toggles(output_content) if template_name.endswith(".html") else output_content

    def _url_of(self, page: SitePage) -> str:
        return self._url_of_path(page.path)

    def _url_of_path(self, path: str) -> str:
        assert self.files is not None
        # Our paths are POSIX already: looked up directly, not normalised once per link.
        file = self.files.src_uris.get(path)
        return file.url if file is not None else path

    def _absolute_path(self, config: MkDocsConfig) -> Any:
        absolute = self._absolute(config)
        return lambda path: absolute(self._url_of_path(path)) if path else absolute("")

    @staticmethod
    def _absolute(config: MkDocsConfig) -> Any:
        base = config.site_url or "/"
        base = base if base.endswith("/") else base + "/"
        # Pages' URLs are paths below the site's root: joined by hand, several per page,
        # since urljoin's parsing showed in the build's profile.
        return lambda url: (base + url if url and not url.startswith(("/", ".", "#", "?"))
                            and "://" not in url else urljoin(base, url))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._finish_build(config)
        finally:
            self.full_collections.release()
            self.previous_builds.delete()

    def _finish_build(self, config: MkDocsConfig) -> None:
        if self.ingested is None:
            return
        seeds = self._path(config, "seeds_dir")
        # Pagefind is still writing the last language's index: what is left to do here comes
        # first, and waiting for it last.
        with self.timings.stage("sitemap"):
            self._write_sitemap(config)
        with self.timings.stage("report"):
            # The report page's data when there is one (nothing changes after on_files).
            report = {**(self.report or self._report(seeds))}
            report["cache"] = {"unchanged": self.cache_hits,
                               "sources": len(self.ingested.outcomes)}
        try:
            with self.timings.stage("search write"):
                summaries = self.indexes.write(Path(config.site_dir))
        except SearchIndexError as exc:
            log.error(f"search index: {exc}")
        else:
            log.debug("; ".join(summaries))
        report["timings"] = self.timings.as_dict()
        write_report(report, self._path(config, "report_file"))

    def _write_sitemap(self, config: MkDocsConfig) -> None:
        xml = sitemap_xml(site_entries(self.site, self._url_of, self._absolute(config)))
        site_dir = Path(config.site_dir)
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))

    def on_build_error(self, *, error: Exception) -> None:
        self.indexes.close()
        self.full_collections.release()
        self.previous_builds.delete()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._path(config, "seeds_dir")))
        for registry in ("taxonomy", "cases"):
            server.watch(str(self._path(config, registry)))
        return server


_CHECKBOX = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')


def valid_toggles(html: str) -> str:
    """The theme writes autocomplete="off" on its checkbox toggles, which HTML does not allow
    on checkboxes (the Nu Html Checker reports it on every page); it goes."""
    return _CHECKBOX.sub(r"\1", html)


def _now() -> dt.datetime:
    """PRESSROOM_NOW, SOURCE_DATE_EPOCH or the clock (clock.py)."""
    try:
        return build_now(os.environ)
    except ClockError as error:
        raise PluginError(f"pressroom: {error}") from error


def _nav_in(nav: Navigation, lang: str) -> Navigation:
    """The navigation a reader of ``lang`` sees: the section of that language only, so that
    no label of the other language shows, not even in the mobile drawer."""
    prefix = f"{lang}/"
    sections = [item for item in nav.items
                if any(page.file.src_uri.startswith(prefix) for page in _pages_in(item))]
    # One language left: its section's title ("Deutsch") would be the only entry, so its
    # pages stand at the top.
    items = sections[0].children if len(sections) == 1 and sections[0].children else sections
    pages = [page for page in nav.pages if page.file.src_uri.startswith(prefix)]
    filtered = Navigation(items or nav.items, pages or nav.pages)
    filtered.homepage = nav.homepage
    return filtered


def _pages_in(item: Any) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    return [page for child in getattr(item, "children", None) or () for page in _pages_in(child)]


# The theme ships its own search (a worker and lunr's languages, 1.2 MB) with every site;
# search here is Pagefind's, so these would only be published, never loaded.
THEME_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def _drop_theme_search(files: Files) -> None:
    for file in [file for file in files if file.src_uri.startswith(THEME_SEARCH_FILES)]:
        files.remove(file)


STYLESHEET = "assets/pressroom/pressroom.css"


def _icons_in_stylesheet(files: Files, config: MkDocsConfig) -> IconSheet:
    """The header's icons, and the press room's stylesheet with the rules that draw them."""
    logo_image, logo_icon = _logo_settings(config)
    try:
        icons = IconSheet(icons_drawn(logo_image, logo_icon), config.theme.dirs)
    except IconError as error:
        where = " (theme.icon.logo)" if error.name == logo_icon else ""
        raise PluginError(f"pressroom: {Path(config.config_file_path).name}{where}: "
                          f"{error}") from error
    stylesheet = files.get_file_from_path(STYLESHEET)
    assert stylesheet is not None, "the press room's theme folder has its stylesheet"
    files.remove(stylesheet)
    files.append(File.generated(config, STYLESHEET,
                                content=stylesheet.content_string + icons.rules()))
    return icons


def _logo_settings(config: MkDocsConfig) -> tuple[str | None, str | None]:
    """The theme's logo image and logo icon, as mkdocs.yml sets them (either may be unset)."""
    return config.theme.get("logo"), (config.theme.get("icon") or {}).get("logo")


# The theme's favicon is its own logo; the press room's stands in for it unless mkdocs.yml
# names another.
THEME_FAVICON = "assets/images/favicon.png"
FAVICON = "assets/pressroom/favicon.svg"


def _marked_blocks(files: Files, config: MkDocsConfig, page: str, name: str) -> dict[str, str]:
    """A block editors mark in a hand-written page (see ``press_kit``) per language, as HTML:
    converted once, not per page that shows it."""
    found = {}
    for lang in LANGUAGES:
        source = files.get_file_from_path(f"{lang}/{page}")
        text = marked_block(source.content_string, name) if source is not None else None
        if text:
            found[lang] = markdown.Markdown(extensions=config.markdown_extensions,
                                            extension_configs=config.mdx_configs).convert(
                marked_placeholders(text, lang))
    return found


def _toc_tokens(headings: list[Heading]) -> list[dict[str, Any]]:
    """Headings as the table of contents nests them: each under the last of a higher level."""
    top: list[dict[str, Any]] = []
    open_levels: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.html, "children": []}
        while open_levels and open_levels[-1]["level"] >= heading.level:
            open_levels.pop()
        (open_levels[-1]["children"] if open_levels else top).append(token)
        open_levels.append(token)
    return top


def _log(problem: Problem, root: Path) -> None:
    path = problem.path.relative_to(root) if problem.path.is_relative_to(root) else problem.path
    where = f"{path}:{problem.line}" if problem.line else str(path)
    message = f"{where}: {problem.message}"
    if problem.severity is Severity.ERROR:
        log.error(message)
    elif problem.severity is Severity.WARNING:
        log.warning(message)
    else:
        log.info(message)
