"""The search page of a language: a query, facets (language, tag, case, year) and results;
and the stories search looks at first.

The page is a form written here in the reader's language; the theme's script fills the facets
and results from the Pagefind index of the chosen language (see ``search_index``). The facet
names match the filters that ``story_html`` marks on every story page.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..addresses import Address, Kind
from ..language.i18n import N_, language_name, translate
from .html_text import Headings, RenderedBody, escape_attribute, escape_text
from .rendering import with_frontmatter
from .site import SitePage

# Stories among the newest of their language carry this filter (see ``stories.edition``):
# the header's search ranks those first.
NEWEST_FILTER = "newest:yes"

SEARCH_TITLE = N_("Search")
QUERY_LABEL = N_("Words to search for")
LANGUAGE_FACET = N_("Language")
MORE_RESULTS = N_("More results")
# Facet names are the filter names on story pages; legends in the reader's language.
FACETS = (("tag", N_("Tags")), ("case", N_("Cases")), ("year", N_("Year")))
NEEDS_SCRIPT = N_("Search runs in your browser and needs JavaScript. Every story is also listed "
                  "on the home page and on its tag pages.")


def search_page(lang: str, languages: Sequence[str]) -> SitePage:
    """The search page of ``lang``; its results come from that language's index by default,
    from another language's when the reader picks it."""
    title = translate(lang, SEARCH_TITLE)
    meta = {"title": title, "lang": lang}
    return SitePage(Address(Kind.SEARCH, lang), markdown=with_frontmatter(meta, ""),
                    searchable=False, body=lambda _link: search_page_body(lang, languages))


def search_page_body(lang: str, languages: Sequence[str]) -> RenderedBody:
    headings = Headings()
    query_label = escape_text(translate(lang, QUERY_LABEL))
    more = escape_attribute(translate(lang, MORE_RESULTS))
    blocks = [
        headings.add(1, translate(lang, SEARCH_TITLE)),
        '<form class="pressroom-search" role="search" data-pressroom-search-page'
        f' data-more="{more}">',
        '<p class="pressroom-search__query">',
        f'<label for="pressroom-query">{query_label}</label>',
        '<input id="pressroom-query" class="md-input" type="search" name="q" '
        'autocomplete="off" spellcheck="false">',
        "</p>",
        '<div class="pressroom-search__columns">',
        '<div class="pressroom-search__facets">',
        _language_facet(lang, languages),
        *(_facet(lang, name, legend) for name, legend in FACETS),
        "</div>",
        '<div class="md-search-result pressroom-search__output">',
        '<p class="md-search-result__meta" role="status"></p>',
        '<ol class="md-search-result__list"></ol>',
        "</div>",
        "</div>",
        "</form>",
        f"<noscript><p>{escape_text(translate(lang, NEEDS_SCRIPT))}</p></noscript>",
    ]
    return RenderedBody("\n".join(blocks) + "\n", headings.found)


def _language_facet(lang: str, languages: Sequence[str]) -> str:
    """One index per language: the reader picks which one to search; theirs at first."""
    options = []
    for code in languages:
        checked = " checked" if code == lang else ""
        name = escape_text(language_name(code, code))
        options.append(f'<label><input type="radio" name="lang" value="{escape_attribute(code)}"'
                       f'{checked}> <span lang="{escape_attribute(code)}">{name}</span></label>')
    legend = escape_text(translate(lang, LANGUAGE_FACET))
    return "\n".join(["<fieldset>", f"<legend>{legend}</legend>", *options, "</fieldset>"])


def _facet(lang: str, name: str, legend: str) -> str:
    """An empty facet: the script lists the index's values with their counts, and hides it
    while the index has none."""
    return (f'<fieldset data-pressroom-facet="{escape_attribute(name)}" hidden>'
            f"<legend>{escape_text(translate(lang, legend))}</legend></fieldset>")
