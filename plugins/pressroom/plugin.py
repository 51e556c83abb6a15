"""The MkDocs adapter: translates the engine's events to the press room's build (``build``)
and its results back; the theme's changes are in ``theme_adapter``."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment

from .addresses import Address, Addresses, Kind, page_language
from .build import Build, Project, build
from .collector import FullCollectionsHeld, left_to_the_system
from .config import PressroomConfig, cache_path, option_path, project_of, setup_errors
from .engine import (
    BasePlugin,
    File,
    Files,
    LiveReloadServer,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    frontmatter_of,
    get_plugin_logger,
)
from .language import LANGUAGES
from .pages.icons import IconSheet
from .pages.legal_pages import marked_placeholders
from .pages.links import home_links
from .pages.site import SitePage
from .pages.site_frame import brand, frames, not_found_context, root_heading_html
from .problems import Severity
from .publishing.search_index import SearchIndexes, searchable_document
from .report.desk import write_report
from .reuse import Reuse
from .serving import (
    AfterReload,
    ChangeStamp,
    KeptCache,
    LastBuild,
    PreviousBuilds,
    file_digests,
    index_after_reload,
    page_keys,
    site_frame,
    stale_outputs,
    write_index,
)
from .theme_adapter import (
    THEME,
    adapt_config,
    adapt_environment,
    adapt_files,
    language_nav,
    search_box,
    valid_toggles,
    written_body,
)
from .timing import Timings

log = get_plugin_logger("pressroom")


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.previous_builds = PreviousBuilds()
        self.full_collections = FullCollectionsHeld()
        self.cache = KeptCache()
        self.last_build = LastBuild()  # what `mkdocs serve --dirty` compares a rebuild with
        self.after_reload = AfterReload()
        self.change_stamp = ChangeStamp()
        self.reuse = Reuse()  # what the last serve build made of the sources
        self.page_order: list[str] = []  # the engine's order of pages (docs paths)
        self.pages_kept = 0  # generated pages the last build left as they were
        self.pages_changed = False  # pages came or went since the last serve build
        self.brand = brand()
        self._forget_build()

    def _forget_build(self) -> None:
        """What one build works with, none of it needed by the next."""
        self.built: Build | None = None
        self.hand_written: frozenset[str] = frozenset()  # the pages editors wrote (docs paths)
        self.timings = Timings()
        self.indexes = SearchIndexes()
        self.icons = IconSheet((), ())
        self.rendered_nav: dict[str, str] = {}
        self.frames: dict[str, dict[str, Any]] = {}  # what frames a page, per language

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Having this method keeps the plugin, and what it holds, from one serve build to the next.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.full_collections.hold()
        if self.serving:
            # The last build's pages and sources would stay in memory beside the new ones
            # (twice the objects for Python's collector to walk) until replaced one by one.
            if not self.after_reload.running():  # else it closes its index when written
                self.indexes.close()
            self._forget_build()
            if not self.dirty:
                self.previous_builds.set_aside(Path(config.site_dir))

    def on_shutdown(self) -> None:
        self.change_stamp.stop()
        self.after_reload.wait()
        self.full_collections.release()
        self.cache.close()
        self.previous_builds.finish()
        # MkDocs ends once its plugins are shut down (build, gh-deploy, and serve alike).
        left_to_the_system()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        errors = setup_errors(config, self.config)
        if errors:
            raise PluginError("\n".join(errors))
        adapt_config(config)
        self.brand = brand(self.config.name, self.config.description, self.config.copyright_holder)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return adapt_environment(env, config, self.icons)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.icons = adapt_files(files, config)
        self.timings = Timings()
        self.indexes.close()  # a build that failed half-way leaves nothing running
        self.rendered_nav = {}
        with self.timings.stage("cache"):
            cache = self.cache.open(cache_path(config, self.config), self.serving)
            cache.known_changes(self.change_stamp.take())
        project = project_of(config, self.config, files, self.brand, self.serving)
        self.hand_written = frozenset(project.written)
        if not self.serving:
            self.reuse = Reuse()
        self.reuse.next_build()
        built = self.built = build(project, cache, self.timings, self.reuse)
        # The last rebuild's search index, which may still be written (see _finish_build):
        # what this build compares with, and keeps or sets aside, is all written.
        self.after_reload.wait()
        if not self.serving:  # `mkdocs serve` keeps it in memory, and writes it when it stops
            with self.timings.stage("cache"):
                cache.save()
        root = project.seeds.parent
        for problem in built.problems:
            LOG_LEVEL[problem.severity](problem.message_from(root))
        if built.stopping:
            raise PluginError("pressroom: placeholders are still to be filled in (option "
                              "placeholders: error); see above")
        built.addresses.missing = _missing_link
        for path in sorted(built.withheld):  # never copied, nor followed where it is a link
            files.remove(files.get_file_from_path(path))
        self.pages_changed = False
        kept, unchanged = self._kept_outputs(config, project, built)
        self.pages_kept = len(kept)  # counted again in on_nav, less the pages always rendered
        in_nav = _nav_paths(config.nav)
        for page in built.pages:
            if page.path in kept and page.path not in in_nav:
                files.append(KeptPage.standing_for(config, page.path, built.addresses))
                continue
            generated = GeneratedPage.generated(config, page.path, content=page.markdown or "")
            generated.kept = page.path in kept
            files.append(generated)
        self.indexes = SearchIndexes(Path(config.site_dir), built.site.indexed_counts(),
                                     self.config.search_part_pages)
        for path, content in built.files.items():
            written = GeneratedFile.generated(config, path, content=content)
            written.kept = path in unchanged
            files.append(written)
        self.frames = frames(config, self.brand, built.footers)
        return files

    def _kept_outputs(self, config: MkDocsConfig, project: Project,
                      built: Build) -> tuple[frozenset[str], frozenset[str]]:
        """In `mkdocs serve --dirty`: the generated pages that are as the last build wrote
        them, which the engine then skips (their files stay), and the files beside them whose
        contents are the last build's; none where the frame changed, and then the last
        build's files are set aside, so that everything is written anew."""
        if not (self.serving and self.dirty):
            return frozenset(), frozenset()
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        with self.timings.stage("rebuild keys"):
            frame = site_frame(project, built, [THEME, *custom])
            keys = page_keys(built.pages, self.reuse)
            contents = file_digests(built.files)
        kept = self.last_build.kept(frame, keys)
        unchanged = self.last_build.unchanged_files(frame, contents) if kept else frozenset()
        outputs = frozenset(built.addresses.site_file(path) for path in [*keys, *built.files])
        site = Path(config.site_dir)
        if kept:
            stale_outputs(site, self.last_build.outputs - outputs)
            self.pages_changed = keys.keys() != self.last_build.keys.keys()
        else:
            self.previous_builds.set_aside(site)
        # A hand-written page the engine skips (its file older than its page) is as it was,
        # wherever the frame is the last build's.
        carried = kept | self.hand_written if self.last_build.frame == frame else kept
        self.last_build = self.last_build.next(frame, keys, carried, outputs, contents)
        return kept, unchanged

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A page the engine skips has no title of its own, and the navigation on every page
        # names the pages in it: a kept page there is given the title its frontmatter gives
        # (as the engine would read it), a hand-written page without a title in the
        # configuration's navigation is always rendered.
        for page in nav.pages:
            if isinstance(page.file, GeneratedPage):
                title = _frontmatter_title(page.file) if page.file.kept else None
                if title is None:
                    page.file.kept = False
                else:
                    page.title = title
            elif self.dirty and "title" not in vars(page):
                page.file.is_modified = _always  # type: ignore[method-assign]
        # A hand-written page may link any page: when pages come or go, all are rendered.
        if self.pages_changed:
            for file in files.documentation_pages():
                if not isinstance(file, GeneratedPage):
                    file.is_modified = _always  # type: ignore[method-assign]
        # The pages still kept are not rendered: the index gets their documents as they were,
        # the others' once rendered, all in the engine's order of pages (as in a full build:
        # the index's files depend on it).
        for path in list(self.last_build.documents):
            file = files.get_file_from_path(path)
            if not (_kept(file) or (path in self.hand_written and file is not None
                                    and not file.is_modified())):
                del self.last_build.documents[path]
        pages = [file for file in files if file.is_documentation_page() or _kept(file)]
        self.page_order = [file.src_uri for file in pages]
        self.pages_kept = sum(map(_kept, pages))
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if page.file.src_uri not in self.hand_written:
            return markdown
        if page.is_homepage:  # the language chooser: named in every language
            page.meta["title"] = self.brand.every_name
            markdown = root_heading_html(self.brand) + "\n\n" + markdown
        markdown = marked_placeholders(markdown, page_language(page.file.src_uri) or LANGUAGES[0])
        built = self.built
        addition = built.additions.get(page.file.src_uri) if built is not None else None
        if built is None or addition is None:
            return markdown
        return addition(markdown, built.addresses.link_from(page.file.src_uri))

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        assert self.built is not None
        self._write_body(page, self.built)
        with self.timings.stage("page metadata"):
            return self._page_context(context, page, nav, self.built)

    def _page_context(self, context: dict[str, Any], page: Page, nav: Navigation,
                      built: Build) -> dict[str, Any]:
        addresses = built.addresses
        ours = addresses.url(page.file.src_uri)
        if ours != page.file.url:  # one scheme for both, or links would break
            log.error(f"{page.file.src_uri}: the press room's address {ours} is not the "
                      f"engine's, {page.file.url}")
        site_page = built.site.get(page.file.src_uri)
        context["pressroom_nav"] = self.rendered_nav
        context.update(self.frames[site_page.lang if site_page else ""])
        if site_page is not None:
            context["nav"] = language_nav(page, nav, site_page.lang)
            page.meta.setdefault("lang", site_page.lang)
            page.meta["pressroom"] = built.page_head(site_page, *_shown(page, site_page))
            page.canonical_url = built.canonical(site_page) or page.canonical_url
        elif page.is_homepage:
            page.meta.setdefault("lang", LANGUAGES[0])
            page.meta["pressroom"] = home_links(built.site, addresses)
        lang = page.meta.get("lang") or LANGUAGES[0]
        context["pressroom_search"] = search_box(page, lang, addresses.url(Address(Kind.SEARCH,
                                                                                  lang)))
        return context

    def _write_body(self, page: Page, built: Build) -> None:
        """A page written as HTML gets its body just before the theme renders it (and lets
        go of it after): the bodies of thousands of pages are never held at once."""
        body = built.bodies.get(page.file.src_uri)
        if body is None:
            return
        with self.timings.stage("render pages"):
            written_body(page, body(built.addresses.link_from(page.file.src_uri)))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.meta.get("pressroom", {}).get("indexed"):
            with self.timings.stage("search index"):
                lang = page.meta["lang"]
                document = (lang, "/" + page.url,
                            searchable_document(lang, page.title or "", page.content or ""))
                if self.serving and self.dirty:  # indexed after the build, see on_nav
                    self.last_build.documents[page.file.src_uri] = document
                else:
                    self.indexes.add(*document)
        if self.built is not None and page.file.src_uri in self.built.bodies:
            page.content = ""  # written out; see _write_body
        return valid_toggles(output)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name != "404.html" or self.built is None:
            return context
        # An address that does not exist may be in either language: the page speaks all of
        # them, and its script keeps the one the address names.
        context.update(self.frames[""])
        context.update(not_found_context(self.brand, self.built.addresses))
        return context

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return valid_toggles(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._finish_build(config)
        finally:
            if not (self.serving and self.dirty):  # there, after the reload (_finish_build)
                self.full_collections.release()
            self.previous_builds.delete()

    def _finish_build(self, config: MkDocsConfig) -> None:
        """The search index, which Pagefind may still be writing, and the report with the
        build's timings; in `mkdocs serve --dirty`, both after the browser reloads."""
        if self.built is None:
            return
        report = {**self.built.report, "pages_kept": self.pages_kept}
        report_file = option_path(config, self.config, "report_file")
        site = Path(config.site_dir)
        if not (self.serving and self.dirty):
            write_index(self.indexes, site, self.timings, self.last_build, log)
            write_report({**report, "timings": self.timings.as_dict()}, report_file)
            return
        documents = [document for path in self.page_order
                     if (document := self.last_build.documents.get(path)) is not None]
        indexes, timings, last_build = self.indexes, self.timings, self.last_build

        def after_reload() -> None:
            # The report's file too (its page is in the site already): seconds at 10,000
            # stories that the browser need not wait for, nor the next rebuild's reading of
            # the sources and making of its pages (it waits for this in on_files).
            index_after_reload(indexes, documents, last_build, site, timings, log)
            write_report({**report, "timings": timings.as_dict()}, report_file)
            # The garbage the rebuild left (what the last build's objects hold in cycles):
            # collected here rather than wherever a full collection would fall due, in the
            # middle of the next rebuild (2 to 2.5 s at 10,000 stories, for every rebuild).
            self.full_collections.collect()

        self.after_reload.start(after_reload)

    def on_build_error(self, *, error: Exception) -> None:
        self.after_reload.wait()  # the indexes closed below may be the ones it writes
        self.last_build = LastBuild()  # what it would have kept may be half written: none
        self.indexes.close()
        self.full_collections.release()
        self.previous_builds.delete()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        seeds = option_path(config, self.config, "seeds_dir")
        native = self.change_stamp.start([seeds])
        server.watch(str(self.change_stamp.folder if native else seeds))
        # The engine watches a file by polling the folder it is in: a registry in seeds/ is
        # watched with it.
        for name in ("taxonomy", "cases", "contacts"):
            registry = option_path(config, self.config, name)
            if not registry.resolve().is_relative_to(seeds.resolve()):
                server.watch(str(registry))
        return server


class GeneratedPage(File):
    """A page the press room generated; ``kept`` when the last build's is still right."""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept


class KeptPage(File):
    """A generated page the last build wrote as it is now, in the engine's files only so
    that a hand-written page's link to it finds its address: to the engine it is no page (it
    is neither read, nor rendered, nor given a place in the navigation) and it is never
    written. At 10,000 stories, the engine's work on the 30,000 pages an edit leaves alone
    took seconds of every rebuild."""

    @classmethod
    def standing_for(cls, config: MkDocsConfig, path: str, addresses: Addresses) -> KeptPage:
        kept = cls.generated(config, path, content="")
        kept.dest_uri = addresses.site_file(path)  # where the page's file is, as for a page
        kept.url = addresses.url(path)
        return kept

    def is_documentation_page(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return False


def _kept(file: File | None) -> bool:
    """A generated page kept as the last build wrote it."""
    return isinstance(file, KeptPage) or (isinstance(file, GeneratedPage) and file.kept)


def _nav_paths(nav: object) -> frozenset[str]:
    """The docs paths the configuration's navigation names: the engine makes them pages
    whatever they are, so they are always given to it as pages."""
    if isinstance(nav, str):
        return frozenset({nav})
    if isinstance(nav, dict):
        return frozenset().union(*map(_nav_paths, nav.values()))
    if isinstance(nav, list):
        return frozenset().union(*map(_nav_paths, nav))
    return frozenset()


class GeneratedFile(File):
    """A file beside the pages (a feed, an export, a forwarding page); ``kept`` when the
    last build wrote the same contents. (The report's page is among them, a page whose body
    comes with the build: it is never kept.)"""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept or self.is_documentation_page()


def _frontmatter_title(file: File) -> str | None:
    title = frontmatter_of(file.content_string)[1].get("title")
    return title if isinstance(title, str) else None


def _always() -> bool:
    return True


def _missing_link(page: str, target: str) -> None:
    log.warning(f"{page}: links to {target}, which is not in the site")


LOG_LEVEL = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.NOTE: log.info}


def _shown(page: Page, site_page: SitePage) -> tuple[str, str | None]:
    """The page's title and description as the engine shows them; a generated page's are
    stored escaped for the theme (pages/rendering.py), a hand-written page's as written."""
    title = page.meta.get("title") or page.title or ""
    description = page.meta.get("description")
    if site_page.markdown is not None:
        title = html.unescape(title)
        description = html.unescape(description) if description else None
    return title, description
