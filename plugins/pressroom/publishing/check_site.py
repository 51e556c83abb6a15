"""Is a built site the press room's? A check for deploys, run after the build.

    python -m pressroom.publishing.check_site SITE_DIR

An engine that runs MkDocs projects but not their plugins (Zensical, today) builds the
hand-written pages of `docs/` and nothing else, without an error: no stories, no feeds, no
search, no press room theme. Published, such a site would replace the press room quietly.
This check fails (exit status 1, each problem on a line of its own) unless the site has what
only the plugin makes: the theme's files, on every page; the data export, with a page for every
version of every story it lists; each language's landing page, feed and search index; and a
sitemap whose every address is a page of the site. It reads the built files only, so it
judges the output of any engine.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from ..addresses import Address, Addresses, Kind, front
from ..language import LANGUAGES
from ..outputs.exports import ARTICLES
from .moved import MOVED_MARK
from .sitemap import SITEMAP

THEME = Path(__file__).resolve().parent.parent / "theme"
# Pagefind's own name for the file its script loads first, in each language's index folder.
SEARCH_ENTRY = "pagefind-entry.json"
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')

# Where the site writes its pages (the site check reads a site built with directory URLs).
PUBLISHED = Addresses()


def theme_assets() -> list[str]:
    """The files the press room's theme adds to a site, as paths in the site."""
    return sorted(path.relative_to(THEME).as_posix()
                  for path in (THEME / "assets").rglob("*") if path.is_file())


def site_address(site: Path) -> str | None:
    """The site's public address, as its home page names itself (its canonical link)."""
    try:
        home = (site / "index.html").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _CANONICAL.search(home)
    return html.unescape(found[1]) if found else None


def page_of(site: Path, address: str, url: str) -> Path | None:
    """The file of the site that serves an absolute address of it, if there is one."""
    if not url.startswith(address):
        return None
    path = site / unquote(urlsplit(url[len(address):]).path).lstrip("/")
    for candidate in (path / "index.html", path):
        if candidate.is_file() and candidate.resolve().is_relative_to(site.resolve()):
            return candidate
    return None


def _missing(site: Path, paths: Iterable[str], what: str) -> Iterator[str]:
    for path in paths:
        if not (site / path).is_file():
            yield f"{path}: missing ({what})"


def forwards(page: Path) -> bool:
    """A page that forwards from an address that moved (publishing/moved.py), not one of the
    press room's pages."""
    with page.open(encoding="utf-8", errors="replace") as file:
        return MOVED_MARK in file.read(300)


def theme_problems(site: Path) -> Iterator[str]:
    assets = theme_assets()
    yield from _missing(site, assets, "a file of the press room's theme")
    # The stylesheets the theme's page template links (others, like the report desk's, are
    # for one page only).
    template = (THEME / "main.html").read_text(encoding="utf-8")
    stylesheets = [asset for asset in assets if asset.endswith(".css") and asset in template]
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if MOVED_MARK in text:
            continue  # forwards from an address that moved (see ``forwards``)
        if not all(stylesheet in text for stylesheet in stylesheets):
            yield f"{page.relative_to(site)}: not rendered with the press room's theme"


def export_problems(site: Path, address: str) -> Iterator[str]:
    try:
        stories = json.loads((site / ARTICLES).read_text(encoding="utf-8"))["stories"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        yield f"{ARTICLES}: not the press room's export ({type(exc).__name__}: {exc})"
        return
    for story in stories:
        for lang, version in story["versions"].items():
            if page_of(site, address, version["url"]) is None:
                yield f"{ARTICLES}: story {story['id']!r} in {lang}: no page at {version['url']}"


def language_problems(site: Path) -> Iterator[str]:
    for lang in LANGUAGES:
        yield from _missing(site, [PUBLISHED.site_file(front(lang))],
                            "the language's landing page")
        yield from _missing(site, [PUBLISHED.site_file(Address(Kind.FEED, lang))],
                            "the language's feed")
        yield from _missing(site, [f"pagefind/{lang}/{SEARCH_ENTRY}"], "the language's search")


def sitemap_problems(site: Path, address: str) -> Iterator[str]:
    try:
        urlset = ElementTree.parse(site / "sitemap.xml").getroot()
    except (OSError, ElementTree.ParseError) as exc:
        yield f"sitemap.xml: unreadable ({exc})"
        return
    locs = [loc.text or "" for loc in urlset.iter(f"{{{SITEMAP}}}loc")]
    if not locs:
        yield "sitemap.xml: lists no page"
    for loc in locs:
        if page_of(site, address, loc) is None:
            yield f"sitemap.xml: no page at {loc}"


def problems(site: Path) -> list[str]:
    """Everything that says this is not (all of) the press room's site; empty if it is."""
    if not site.is_dir():
        return [f"{site}: no such folder"]
    found = [*theme_problems(site), *language_problems(site)]
    address = site_address(site)
    if address is None:
        # Every address the export and the sitemap give is absolute, under this one.
        return [*found, "index.html: names no public address of the site (canonical link)"]
    return [*found, *export_problems(site, address), *sitemap_problems(site, address)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pressroom.publishing.check_site",
        description="Fail unless a built site is the press room's, with every page it makes.")
    parser.add_argument("site", type=Path, help="the built site's folder (site_dir)")
    site = parser.parse_args(argv).site
    found = problems(site)
    if found:
        print(f"{site}: not the press room's site ({len(found)} problems):", file=sys.stderr)
        for problem in found:
            print(f"  {problem}", file=sys.stderr)
        return 1
    pages = [page for page in site.rglob("*.html") if not forwards(page)]
    print(f"{site}: the press room's site, {len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
