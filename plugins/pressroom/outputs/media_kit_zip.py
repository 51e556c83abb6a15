"""Each language's media kit as one ZIP, for the journalist who wants all of it at once.

The archive holds the kit's files and nothing else, under one folder named like the
archive ("media-kit/logo.svg"), so that unpacking it does not scatter files. Its bytes
depend on the files alone: a fixed order (by name in the kit), one fixed time on every
entry, fixed permissions and a fixed maker system. The time is a constant and not the
build's clock: the archive is then byte for byte the same while the kit's files are, in
every build, whatever the clock says.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from ..addresses import Address
from ..sources.media_kit_files import MediaKit

# The earliest moment a ZIP entry can carry.
ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
# A regular file readable by all (the upper 16 bits of the attributes, as Unix writes them).
_REGULAR_FILE = 0o100644 << 16
_UNIX = 3
COMPRESSION_LEVEL = 9


def zip_folder(address: Address) -> str:
    """The folder inside the archive: the archive's name without ".zip"."""
    return posixpath.splitext(posixpath.basename(address.path))[0]


def zipped_media_kit(kit: MediaKit, address: Address) -> bytes:
    """The kit's files as a ZIP, the same bytes for the same files."""
    folder = zip_folder(address)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for kit_file in kit.files:
            entry = zipfile.ZipInfo(f"{folder}/{kit_file.name}", date_time=ENTRY_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = _REGULAR_FILE
            entry.create_system = _UNIX  # else the system the build runs on
            archive.writestr(entry, kit_file.data, compresslevel=COMPRESSION_LEVEL)
    return buffer.getvalue()
