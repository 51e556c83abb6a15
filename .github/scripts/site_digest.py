"""The digest of a built site, and whether it differs from the one that is live.

    python .github/scripts/site_digest.py site                 # prints the digest
    python .github/scripts/site_digest.py site --write --live URL

The digest is one SHA-256 over every file of the site: its path inside the site and the
SHA-256 of its bytes, taken in the order of the paths, so it depends on what the site holds
and on nothing else (not the order a folder lists its files, not times or permissions).
``site-digest.txt`` at the site's root is left out of it: ``--write`` puts the digest there,
so the published site says which build it is.

With ``--live URL`` (the live site's ``site-digest.txt``) it gives ``digest=…`` and
``deploy=true`` or ``deploy=false`` as the step's outputs (appended to the file
``GITHUB_OUTPUT`` names; printed when there is none): ``false`` only when the live
site serves exactly this digest. A first deploy (nothing there yet), an address that cannot
be fetched or an answer that is not a digest all mean deploy: a needless deploy costs a
minute, a skipped one would leave the site behind.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import os
import re
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

from step_outputs import set_outputs

DIGEST_FILE = "site-digest.txt"
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 20


def _file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.digest()


def site_files(site: Path) -> list[tuple[bytes, Path]]:
    """Every file of the site with its path inside the site (UTF-8, ``/`` between folders),
    sorted by that path; ``site-digest.txt`` at the root is not one of them."""
    if not site.is_dir():
        raise NotADirectoryError(f"{site}: no built site here")
    files = []
    for folder, subfolders, names in os.walk(site):
        for name in subfolders:
            if (Path(folder) / name).is_symlink():
                # Not walked into (a link may loop), so it could not be part of the digest.
                raise ValueError(f"{Path(folder) / name}: a link to a folder in the site")
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(site).as_posix()
            if relative != DIGEST_FILE:
                files.append((relative.encode("utf-8", "surrogateescape"), path))
    return sorted(files)


def site_digest(site: Path) -> str:
    """The site's digest, as hexadecimal digits."""
    digest = hashlib.sha256()
    for relative, path in site_files(site):
        # A path's length goes first and a file's digest has a fixed length, so no two
        # different sites give the same sequence of bytes here.
        digest.update(len(relative).to_bytes(8, "big"))
        digest.update(relative)
        digest.update(_file_digest(path))
    return digest.hexdigest()


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(4096)


def live_digest(url: str, fetch: Callable[[str], bytes] = _fetch) -> str | None:
    """The digest the live site serves at ``url``; None when there is none to be had."""
    try:
        answer = fetch(url).decode("ascii").strip()
    except (OSError, http.client.HTTPException, UnicodeDecodeError, ValueError) as error:
        # urllib's errors (HTTP 404 on a first deploy, DNS, timeouts) are OSErrors.
        print(f"no live digest at {url}: {error}")
        return None
    if not _HEX_DIGEST.fullmatch(answer):
        print(f"{url} does not answer with a digest")
        return None
    return answer


def main(argv: list[str] | None = None, fetch: Callable[[str], bytes] = _fetch) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--write", action="store_true",
                        help=f"write the digest to {DIGEST_FILE} at the site's root")
    parser.add_argument("--live", metavar="URL",
                        help="the live site's digest file: output deploy=true or deploy=false")
    args = parser.parse_args(argv)
    digest = site_digest(args.site)
    if args.write:
        (args.site / DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
    if args.live is None:
        print(digest)
        return 0
    live = live_digest(args.live, fetch)
    deploy = live != digest
    print(f"built {digest}, live {live or 'unknown'}: "
          f"{'deploying' if deploy else 'unchanged, not deploying'}")
    set_outputs({"digest": digest, "deploy": "true" if deploy else "false"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
