"""What the press room changes in the theme it runs with (Material for MkDocs), beside the
plugin: its templates found behind ours, its search files dropped, its icons drawn by our
stylesheet, its navigation cut to the page's language, its table of contents given the
headings of the pages we write as HTML, and its toggles made valid HTML."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from jinja2.bccache import Bucket

from .engine import File, Files, MkDocsConfig, Navigation, Page, PluginError, get_toc
from .pages.html_text import Heading, RenderedBody, without_layout_whitespace
from .pages.icons import IconError, IconSheet, icons_drawn, logo_drawn
from .pages.search_page import NEWEST_FILTER
from .pages.template_layout import without_template_layout

THEME = Path(__file__).resolve().parent / "theme"
STYLESHEET = "assets/pressroom/pressroom.css"
# The theme ships its own search (a worker and lunr's languages, 1.2 MB) with every site;
# search here is Pagefind's, so these would only be published, never loaded.
THEME_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
# The theme's sitemap template: no longer rendered (adapt_config), the engine would copy it
# as it is; the press room writes the sitemap with the pages' language versions.
THEME_SITEMAP = ("sitemap.xml",)
# The theme's favicon is its own logo; the press room's stands in for it unless mkdocs.yml
# names another.
THEME_FAVICON = "assets/images/favicon.png"
FAVICON = "assets/pressroom/favicon.svg"


def adapt_config(config: MkDocsConfig) -> None:
    """Our templates before the theme's; its language selector on; our favicon; and no
    sitemap of the theme's (the build writes one with the language versions)."""
    # The press room's theme overrides (page language, switcher, hreflang) come first.
    config.theme.dirs.insert(0, str(THEME))
    # Material shows its language selector only when `extra.alternate` is set; the targets
    # come from each page, so a true value (not a global list) switches it on.
    config.extra.setdefault("alternate", True)
    if config.theme.get("favicon") == THEME_FAVICON:  # the theme's own, not the site's
        config.theme["favicon"] = FAVICON
    config.theme.static_templates.discard("sitemap.xml")


def adapt_environment(env: Environment, config: MkDocsConfig, icons: IconSheet) -> Environment:
    # Our partials wrap the theme's own, which they reach as "material/partials/…".
    theme_dir = next((folder for folder in config.theme.dirs
                      if (Path(folder) / "partials" / "nav.html").exists()
                      and Path(folder) != THEME), None)
    if theme_dir is None:
        raise PluginError("pressroom: the theme must be Material for MkDocs")
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(
        theme_dir)})])
    env.filters["pressroom_compact"] = without_layout_whitespace
    env.globals["pressroom_icon"] = icons.markup
    env.globals["pressroom_logo"] = logo_drawn(*_logo_settings(config))
    without_template_layout(env)
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process: the engine makes a new environment
    for every build, and compiling its templates again took 0.3 s of each `mkdocs serve`
    rebuild. Jinja's buckets are keyed by the template's name and checked against its source,
    so an edited template is compiled again; the environment's settings are the same for
    every build (the same adaptations above)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def adapt_files(files: Files, config: MkDocsConfig) -> IconSheet:
    """The theme's search files and sitemap template dropped; the header's icons, and the
    press room's stylesheet with the rules that draw them."""
    for file in [file for file in files if file.src_uri.startswith(THEME_SEARCH_FILES)
                 or file.src_uri in THEME_SITEMAP]:
        files.remove(file)
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


def nav_in(nav: Navigation, lang: str) -> Navigation:
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


def language_nav(page: Page, nav: Navigation, lang: str) -> Navigation:
    """The page's navigation in its language, and how its template is to show it."""
    shown = nav_in(nav, lang)
    outside_nav = page not in shown.pages
    # The theme's table of contents has a label for a toggle that only pages in the
    # navigation get; the others get the toggle from our template.
    page.meta["pressroom_toc_toggle"] = outside_nav
    if outside_nav:
        # The navigation is the same for the pages of one folder: its links are relative,
        # and from one folder they are written alike (from another folder of the same depth
        # a link to this one's index reads "../" here and "../../x/" there, so that the
        # page rendered first would decide, and a rebuild that renders other pages first
        # would write other bytes).
        page.meta["pressroom_nav_key"] = f"{lang}/{posixpath.dirname(page.url.rstrip('/'))}"
    return shown


def search_box(page: Page, lang: str, search_page: str) -> dict[str, str]:
    """The header's search: the index of the page's language, all results on its search
    page; the same box for all pages of a language and folder depth (rendered once for
    those)."""
    return {"lang": lang, "page": search_page, "newest": NEWEST_FILTER,
            "key": f"search/{lang}/{page.url.count('/')}"}


_HTML_ID = re.compile(r'\bid="([^"]+)"')


def written_body(page: Page, rendered: RenderedBody) -> None:
    """A body the press room wrote as HTML, and its headings as the theme's table of
    contents."""
    page.content = rendered.html
    page.toc = get_toc(toc_tokens(rendered.headings))  # type: ignore[arg-type]
    if not has_contents(rendered.headings):
        page.meta["hide"] = [*page.meta.get("hide", ()), "toc"]
    # Links to anchors are checked against the ids MkDocs saw in the Markdown (the
    # frontmatter only, here); the body written as HTML brings its own ids.
    if getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids |= set(_HTML_ID.findall(rendered.html))


def _pages_in(item: Any) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    return [page for child in getattr(item, "children", None) or () for page in _pages_in(child)]


# A table of contents of one entry (a story whose only heading is the company's boilerplate)
# only points at what the reader sees anyway: below this many headings under the title, the
# page has none (the theme hides its sidebar, as on the front page).
CONTENTS_FROM = 2


def has_contents(headings: list[Heading]) -> bool:
    return sum(1 for heading in headings if heading.level > 1) >= CONTENTS_FROM


def toc_tokens(headings: list[Heading]) -> list[dict[str, Any]]:
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


_CHECKBOX = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')


def valid_toggles(html: str) -> str:
    """The theme writes autocomplete="off" on its checkbox toggles, which HTML does not allow
    on checkboxes (the Nu Html Checker reports it on every page); it goes."""
    return _CHECKBOX.sub(r"\1", html)
