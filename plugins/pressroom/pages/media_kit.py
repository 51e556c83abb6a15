"""The media kit's files on the media kit's page of each language: the whole kit as one ZIP
first, then every file linked with its title, its format in words and its size, in the
page's language ("Press room logo — SVG image, 1 KB").

The list goes where the editor's page (docs/<lang>/media-kit.md) has the marker
``<!-- media-kit-files -->``; a page without one gets it at its end, under a heading of its
own. A file's title is its name made readable ("press-room-logo.svg": "Press room logo"),
so editors name the files of each language's kit in that language. Written as HTML: every
file name is escaped, every address made by ``addresses``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ..addresses import LinkTo
from ..language.i18n import N_, translate
from ..language.sizes import format_size
from ..sources.media_kit_files import KitFile
from .html_text import anchor, escape_attribute, escape_text
from .rendering import escape_markdown

MARKER = re.compile(r"<!--\s*media-kit-files\s*-->")
# Translators: the heading over the media kit's files where the editors' page sets none.
FILES_HEADING = N_("Files to download")
DOWNLOAD_ALL = N_("Download the whole media kit (ZIP, {size})")
ZIP_TYPE = "application/zip"
# A file's format in words, and its media type, by its suffix; any other is named by its
# suffix in capitals ("EPS"), a file without one as a file.
FORMATS: dict[str, tuple[str, str]] = {
    ".svg": (N_("SVG image"), "image/svg+xml"),
    ".png": (N_("PNG image"), "image/png"),
    ".jpg": (N_("JPEG image"), "image/jpeg"),
    ".jpeg": (N_("JPEG image"), "image/jpeg"),
    ".gif": (N_("GIF image"), "image/gif"),
    ".webp": (N_("WebP image"), "image/webp"),
    ".pdf": (N_("PDF document"), "application/pdf"),
    ".txt": (N_("plain text"), "text/plain"),
    ".csv": (N_("CSV table"), "text/csv"),
    ".zip": (N_("ZIP archive"), ZIP_TYPE),
}
NO_SUFFIX = N_("file")
# Images this small are shown beside their link (the file itself, no thumbnail is made); a
# press photo of megabytes is not loaded to show a stamp of it.
PREVIEWED = frozenset({".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"})
MAX_PREVIEW_BYTES = 256 * 1024
_SEPARATORS = re.compile(r"[\s_-]+")


@dataclass(frozen=True)
class KitOffer:
    """What a language's kit offers: its files, and the ZIP of them (docs path, size)."""

    lang: str
    files: tuple[KitFile, ...]
    archive: str
    archive_size: int


def file_title(name: str) -> str:
    """A file's name made readable: "press-room_logo.svg" -> "Press room logo"."""
    base = posixpath.basename(name)
    stem = posixpath.splitext(base)[0]
    words = _SEPARATORS.sub(" ", stem).strip() or " ".join(base.split())
    return words[:1].upper() + words[1:]


def _suffix(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[1].lower()


def file_format(name: str, lang: str) -> str:
    """ "SVG image" / "SVG-Grafik"; "EPS" for a suffix without words of its own."""
    suffix = _suffix(name)
    if suffix in FORMATS:
        return translate(lang, FORMATS[suffix][0])
    return suffix[1:].upper() if suffix else translate(lang, NO_SUFFIX)


def download_all_label(offer: KitOffer) -> str:
    return translate(offer.lang, DOWNLOAD_ALL, size=format_size(offer.archive_size, offer.lang))


def kit_list_html(offer: KitOffer, link: LinkTo) -> str:
    """The ZIP, then each file: one block of HTML, without blank lines (the page's Markdown
    takes it as it is)."""
    archive = anchor(link(offer.archive), download_all_label(offer),
                     f' type="{ZIP_TYPE}" download')
    items = [_item(kit_file, offer.lang, link) for kit_file in offer.files]
    return ('<div class="pressroom-kit">\n'
            f'<p class="pressroom-kit__all">{archive}</p>\n'
            '<ul class="pressroom-kit__files">\n' + "\n".join(items) + "\n</ul>\n</div>")


def _item(kit_file: KitFile, lang: str, link: LinkTo) -> str:
    href = link(kit_file.path)
    suffix = _suffix(kit_file.name)
    media_type = FORMATS[suffix][1] if suffix in FORMATS else None
    preview = ""
    if suffix in PREVIEWED and kit_file.size <= MAX_PREVIEW_BYTES:
        # The link beside it names the image: to assistive technology it is decoration.
        preview = (f'<img class="pressroom-kit__preview" src="{escape_attribute(href)}" '
                   'alt="" loading="lazy">')
    typed = f' type="{media_type}"' if media_type else ""
    details = f"{file_format(kit_file.name, lang)}, {format_size(kit_file.size, lang)}"
    return (f'<li class="pressroom-kit__file">{preview}'
            f"{anchor(href, file_title(kit_file.name), typed)} "
            f'<span class="pressroom-meta">{escape_text(details)}</span></li>')


def with_kit_list(markdown: str, listing: str, lang: str) -> str:
    """The editors' page with the list where its marker is (the first, if it has several),
    or at its end under a heading."""
    block = f"\n\n{listing}\n\n"
    if MARKER.search(markdown):
        return MARKER.sub(lambda _: block, markdown, count=1)
    heading = escape_markdown(translate(lang, FILES_HEADING))
    return f"{markdown.rstrip()}\n\n## {heading}{block}"
