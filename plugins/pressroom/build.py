"""The build: the press room's stages in the order they run, from the seeds to everything a
site publishes besides what the engine renders.

    read the registries, ingest the seeds      sources/   (cleaning/, inference/ per source)
    prepare the edition                        stories/
    check the hand-written pages, the images   pages/legal_pages, pages/images
    read the media kits, make their ZIPs       sources/media_kit_files, outputs/media_kit_zip
    read the contacts, make their vCards       stories/contacts, outputs/vcards
    make the pages                             pages/
    make the feeds, exports and sitemap        outputs/, publishing/sitemap
    forward the addresses that moved           publishing/moved
    make the editor's report                   report/

Pure: no engine is imported here. The plugin gathers a ``Project`` from the engine's
configuration and files, calls ``build``, and hands the ``Build`` back to the engine: the pages
to render, the data files to write. What only exists once the engine has rendered the pages
(their search index) is added by the plugin through ``publishing.search_index``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .addresses import Addresses, LinkTo, media_kit_zip, written
from .language import LANGUAGES
from .outputs.data_files import Shown, data_files, page_extras
from .outputs.media_kit_zip import zipped_media_kit
from .outputs.vcards import vcard_files
from .pages.contact_cards import contact_cards, contact_placeholder_problems, with_contact_cards
from .pages.front_page import Desk
from .pages.generated import generated_pages, source_pages
from .pages.html_text import RenderedBody
from .pages.images import DEFAULT_SOCIAL_IMAGE, image_problems, social_image_problems
from .pages.legal_pages import LEGAL_PATHS, hand_written_problems, marked_placeholders
from .pages.links import page_links
from .pages.media_kit import KitOffer, kit_list_html, with_kit_list
from .pages.press_kit import BOILERPLATE, CONTACTS, MEDIA_KIT, marked_block
from .pages.rendering import with_frontmatter
from .pages.site import SiteModel, SitePage, site_model
from .pages.site_frame import Brand, footer, footer_context
from .problems import Problem, Severity
from .publishing.moved import moved_pages
from .publishing.sitemap import sitemap_files
from .report.desk import (
    REPORT_META,
    desk_files,
    missing_translation_list,
    paired_list,
    report_body,
    report_data,
    report_folder,
)
from .reuse import Reuse
from .sources.ingest import Ingested, ingest
from .sources.media_kit_files import MediaKit, read_media_kit
from .sources.source_cache import SourceCache
from .stories.case_documents import document_paths
from .stories.cases import Case, load_cases
from .stories.contacts import Contact, load_contacts, press_contacts
from .stories.edition import NEWEST_STORIES, Edition, prepare_edition
from .stories.taxonomy import load_taxonomy
from .timing import Timings

Body = Callable[[LinkTo], RenderedBody]
# What a hand-written page gets added to its Markdown: given the Markdown and how to link
# from the page, the Markdown the engine converts.
Addition = Callable[[str, LinkTo], str]


@dataclass(frozen=True)
class Registry:
    """A registry file, and whether the configuration names it (then it must exist)."""

    path: Path
    named: bool = False


@dataclass(frozen=True)
class Project:
    """What one build reads: the seeds and registries, the pages editors wrote, and how the
    site is configured."""

    seeds: Path
    taxonomy: Registry
    cases: Registry
    docs: Path
    # Every file of docs/ (docs paths), and the Markdown of the pages among them, in the
    # engine's order.
    files: frozenset[str]
    written: Mapping[str, str]
    brand: Brand
    now: dt.datetime
    # Markdown to HTML as the site's own pages are converted (for the blocks editors mark).
    to_html: Callable[[str], str]
    site_url: str | None = None
    directory_urls: bool = True
    preview: bool = False  # `mkdocs serve`: drafts and embargoed stories shown, bannered
    require_translations: bool = False
    newest_first: int = NEWEST_STORIES
    placeholders: str = "warn"
    report_page: str | None = None  # where the report is published, if it is
    # The image link previews show for pages without their own (a PNG or JPEG of docs/);
    # None: the theme's. Problems with it are reported against ``config_file``.
    social_image: str | None = None
    config_file: Path = Path("mkdocs.yml")
    contacts: Registry = Registry(Path("seeds/contacts.yml"))


@dataclass
class Build:
    """Everything one build publishes besides what the engine renders."""

    ingested: Ingested
    edition: Edition
    site: SiteModel
    addresses: Addresses
    # The generated pages, in the order the engine is to render them.
    pages: list[SitePage]
    # The pages written as HTML: docs path -> body, given how to link from the page.
    bodies: dict[str, Body]
    # Files beside the pages (path -> text or bytes), the report's page among them where it
    # is published.
    files: dict[str, str | bytes]
    # What the build found, in the order it found it; the sources' own first.
    problems: list[Problem]
    # The problems that stop the build before the engine renders anything.
    stopping: list[Problem]
    report: dict[str, Any]
    footers: dict[str, dict[str, Any]]
    cache_hits: int
    brand: Brand
    timings: Timings = field(default_factory=Timings)
    social_image: str = DEFAULT_SOCIAL_IMAGE  # a path of the site
    # Hand-written pages' additions, by docs path (the media kit's files on its page).
    additions: dict[str, Addition] = field(default_factory=dict)
    # Files of docs/ the engine found but must not publish (docs paths): what a media kit's
    # folder holds besides its files and pages, links among them.
    withheld: frozenset[str] = frozenset()

    def page_head(self, page: SitePage, title: str | None = None,
                  description: str | None = None) -> dict[str, Any]:
        """What a page's head says besides the theme's: its language versions, feeds, JSON-LD
        and Open Graph (the template's ``page.meta.pressroom``); ``title`` and
        ``description`` are the page's own, as the engine shows them."""
        lang = page.lang
        shown = Shown(title or self.brand.name(lang), description, self.social_image)
        return {**page_links(self.site, page, self.addresses),
                **page_extras(page, self.edition, self.addresses, self.brand.name(lang),
                              self.brand.description(lang), shown)}

    def canonical(self, page: SitePage) -> str | None:
        """A stand-in page's canonical address: the original it shows."""
        original = self.site.original(page)
        return self.addresses.absolute(original.address) if original is not None else None


def build(project: Project, cache: SourceCache, timings: Timings,
          reuse: Reuse | None = None) -> Build:
    """The stages in order (see the module's docstring): each takes what the ones before made.
    ``reuse`` has what the last build made of the sources it left alone (`mkdocs serve`)."""
    reuse = reuse or Reuse()
    cases, case_problems = _read_cases(project, timings)
    ingested, cache_hits = _ingest_seeds(project, cases, cache, timings)
    edition, taxonomy_problems = _prepare_edition(project, ingested, cases, timings)
    contacts, contact_problems = load_contacts(project.contacts.path,
                                               named=project.contacts.named)
    # Example contacts count as placeholders left, as those of the hand-written pages do.
    written_problems = [*hand_written_problems(project.written, project.docs,
                                               project.placeholders),
                        *contact_placeholder_problems(contacts, project.contacts.path,
                                                      project.placeholders)]
    kits = [read_media_kit(project.docs, lang, project.files) for lang in LANGUAGES]
    withheld = frozenset().union(*(kit.withheld for kit in kits))
    offers, kit_zips = _media_kit_offers(kits)
    desk = Desk(project.brand, press_contacts(contacts), project.files - withheld, offers)
    social_problems = social_image_problems(project.social_image, project.files,
                                            project.config_file)
    site_problems = [*taxonomy_problems, *case_problems, *edition.problems, *written_problems,
                     *(problem for kit in kits for problem in kit.problems),
                     *image_problems(ingested.outcomes, desk.files), *social_problems,
                     *contact_problems]
    addresses = Addresses(project.site_url, project.directory_urls)
    pages, site = _make_pages(project, edition, desk, addresses, timings, reuse)
    bodies = {page.path: page.body for page in pages if page.body is not None}
    report = _make_report(project, ingested, edition, site_problems, cache_hits, timings, reuse)
    files = {**_make_files(project, edition, site, report, bodies, addresses, timings, reuse),
             **kit_zips, **vcard_files(contacts)}
    # Links from the pages go to these; a link to anything else is reported.
    addresses.known = frozenset({*desk.files, *(page.path for page in pages), *files})
    return Build(
        ingested, edition, site, addresses, pages, bodies, files,
        problems=[*ingested.problems, *site_problems],
        stopping=[problem for problem in written_problems
                  if problem.severity is Severity.ERROR],
        report=report, footers=_footers(project, addresses), cache_hits=cache_hits,
        brand=project.brand, timings=timings,
        social_image=DEFAULT_SOCIAL_IMAGE if social_problems or not project.social_image
        else project.social_image,
        additions={**_kit_lists(offers), **_contact_lists(contacts)}, withheld=withheld)


def _read_cases(project: Project, timings: Timings) -> tuple[list[Case], list[Problem]]:
    with timings.stage("pair"):
        return load_cases(project.cases.path, named=project.cases.named)


def _ingest_seeds(project: Project, cases: list[Case], cache: SourceCache,
                  timings: Timings) -> tuple[Ingested, int]:
    """Every source read, cleaned and described (or kept from the cache). The case registry
    comes first: the documents it names are published, not read as clippings."""
    ingested = ingest(project.seeds, timings, cache, skip=document_paths(cases, project.seeds))
    cache_hits = cache.hits
    cache.next_build()
    return ingested, cache_hits


def _prepare_edition(project: Project, ingested: Ingested, cases: list[Case],
                     timings: Timings) -> tuple[Edition, list[Problem]]:
    """The stories and what one build publishes of them; the taxonomy's own problems."""
    with timings.stage("pair"):
        taxonomy, taxonomy_problems = load_taxonomy(project.taxonomy.path,
                                                    named=project.taxonomy.named)
        edition = prepare_edition(
            ingested, taxonomy, cases, now=project.now, preview=project.preview,
            require_translations=project.require_translations, seeds=project.seeds,
            cases_file=project.cases.path, press_room=project.brand.names)
    return edition, taxonomy_problems


def _make_pages(project: Project, edition: Edition, desk: Desk, addresses: Addresses,
                timings: Timings, reuse: Reuse) -> tuple[list[SitePage], SiteModel]:
    with timings.stage("render pages"):
        generated = generated_pages(edition, _marked_blocks(project, MEDIA_KIT, BOILERPLATE),
                                    desk, project.now if project.preview else None,
                                    project.newest_first, addresses.absolute, reuse)
        site = site_model(generated, list(project.written), LEGAL_PATHS)
        # The engine renders pages in this order: the searchable ones language by language,
        # then the rest (stand-ins, listings), so that Pagefind writes each language's
        # index while the engine goes on rendering, and the build need not wait for it.
        return sorted(generated, key=lambda page: (not page.indexed, page.lang)), site


def _make_report(project: Project, ingested: Ingested, edition: Edition,
                 problems: list[Problem], cache_hits: int, timings: Timings,
                 reuse: Reuse) -> dict[str, Any]:
    with timings.stage("report"):
        report = report_data(ingested, source_pages(edition.stories), project.seeds.parent,
                             missing_translation_list(edition.stories), problems,
                             edition.tag_candidates, paired_list(edition.stories), reuse)
    report["cache"] = {"unchanged": cache_hits, "sources": len(ingested.outcomes)}
    return report


def _make_files(project: Project, edition: Edition, site: SiteModel, report: dict[str, Any],
                bodies: dict[str, Body], addresses: Addresses,
                timings: Timings, reuse: Reuse) -> dict[str, str | bytes]:
    """The files beside the pages: feeds and exports, case documents, the report's page and
    its desk, the sitemap, the pages that forward from addresses that moved. The report's
    page joins the bodies the build writes as HTML."""
    files: dict[str, str | bytes] = {}
    with timings.stage("feeds and exports"):
        files.update(data_files(edition, addresses, project.brand.names, reuse))
        for document in edition.documents:  # the bytes read and checked, not the path
            files[document.path] = document.data
    if project.report_page is not None:
        folder = report_folder(project.report_page)
        files[project.report_page] = with_frontmatter(REPORT_META, "")
        bodies[project.report_page] = partial(report_body, report, folder=folder)
        with timings.stage("report"):
            files.update(desk_files(report, folder, addresses, reuse))
    with timings.stage("sitemap"):
        files.update(sitemap_files(site, addresses, reuse))
        files.update(moved_pages(site, addresses))
    return files


def _media_kit_offers(kits: list[MediaKit]) -> tuple[dict[str, KitOffer], dict[str, bytes]]:
    """What each language's kit offers, and its ZIP (path -> bytes); none for a kit without
    files."""
    offers, zips = {}, {}
    for kit in kits:
        if kit.files:
            address = media_kit_zip(kit.lang)
            data = zips[address.path] = zipped_media_kit(kit, address)
            offers[kit.lang] = KitOffer(kit.lang, kit.files, address.path, len(data))
    return offers, zips


def _kit_lists(offers: Mapping[str, KitOffer]) -> dict[str, Addition]:
    """Each media kit's page gets its files listed (``pages.media_kit``)."""
    def addition(offer: KitOffer, markdown: str, link: LinkTo) -> str:
        return with_kit_list(markdown, kit_list_html(offer, link), offer.lang)
    return {written(lang, MEDIA_KIT).path: partial(addition, offer)
            for lang, offer in offers.items()}


def _contact_lists(contacts: list[Contact]) -> dict[str, Addition]:
    """Each contacts page gets every contact's card (``pages.contact_cards``)."""
    def addition(lang: str, markdown: str, link: LinkTo) -> str:
        return with_contact_cards(markdown, contact_cards(contacts, lang, link))
    if not contacts:
        return {}
    return {written(lang, CONTACTS).path: partial(addition, lang) for lang in LANGUAGES}


def _footers(project: Project, addresses: Addresses) -> dict[str, dict[str, Any]]:
    return {lang: footer_context(footer(lang, project.brand, project.now.year, project.files),
                                 addresses) for lang in LANGUAGES}


def _marked_blocks(project: Project, page: str, name: str) -> dict[str, str]:
    """A block editors mark in a hand-written page (see ``press_kit``) per language, as HTML:
    converted once, not per page that shows it."""
    found = {}
    for lang in LANGUAGES:
        source = project.written.get(written(lang, page).path)
        text = marked_block(source, name) if source is not None else None
        if text:
            found[lang] = project.to_html(marked_placeholders(text, lang))
    return found
