"""A case's documents: checked where the registry names them, published under the case with
their language and size, linked from both languages' case pages, in api/cases.json and the
case summary's JSON-LD; and pages, messages and PDFs published as stories beside them."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import at
from made_sources import SOURCES, newsletter_alert, newspaper_pdf, ruling_pdf
from pressroom.sources.ingest import ingest
from pressroom.stories.case_documents import check_documents, document_paths
from pressroom.stories.cases import load_cases
from sitebuild import build, make_project

CASE = """- id: norvane-v-blogger
  title:
    en: Norvane Mobility v. a technology blogger
    de: Norvane Mobility gegen einen Technik-Blogger
  kind: injunction
  jurisdiction: Germany
  documents:
    - file: {file}
      kind: ruling
      title:
        en: Judgment of the Regional Court of Kesselbach (3 O 118/24)
        de: Urteil des Landgerichts Kesselbach (3 O 118/24)
      date: 2025-03-11
      language: de
"""


def _registry(tmp_path: Path, file: str = "documents/urteil.pdf") -> Path:
    path = tmp_path / "cases.yml"
    path.write_text(CASE.format(file=file), encoding="utf-8")
    return path


def _checked(tmp_path: Path, file: str = "documents/urteil.pdf"):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    registry = _registry(tmp_path, file)
    cases, problems = load_cases(registry)
    published, found = check_documents(cases, registry, seeds)
    return cases, published, [*problems, *found]


def test_a_document_is_read_from_the_seeds_with_its_size(tmp_path):
    (tmp_path / "seeds" / "documents").mkdir(parents=True)
    (tmp_path / "seeds" / "documents" / "urteil.pdf").write_bytes(ruling_pdf())
    _, published, problems = _checked(tmp_path)
    assert problems == []
    (document,) = published
    assert document.path == "cases/norvane-v-blogger/urteil.pdf"
    assert document.size == len(ruling_pdf()) and document.document.language == "de"
    assert document.document.media_type == "application/pdf"


@pytest.mark.parametrize(("file", "words"), [
    ("../outside.pdf", "not a file of the seeds folder"),
    ("/etc/ruling.pdf", "not a file of the seeds folder"),
    ("documents/.hidden/urteil.pdf", "not a file of the seeds folder"),
    ("documents/urteil.html", "a page of HTML could carry scripts"),
])
def test_a_document_named_outside_the_seeds_or_as_a_page_is_an_error_at_its_line(
        tmp_path, file, words):
    _, published, (problem,) = _checked(tmp_path, file)
    assert published == [] and problem.line == 8 and words in problem.message
    assert problem.path.name == "cases.yml"


def test_a_missing_document_is_an_error_naming_the_registry_line(tmp_path):
    _, published, (problem,) = _checked(tmp_path)
    assert published == [] and problem.line == 8
    assert "'documents/urteil.pdf' does not exist in the seeds folder" in problem.message


def test_a_document_that_is_a_link_or_in_a_linked_folder_is_refused_unread(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "urteil.pdf").write_bytes(ruling_pdf())
    (tmp_path / "seeds" / "documents").mkdir(parents=True)
    (tmp_path / "seeds" / "documents" / "urteil.pdf").symlink_to(outside / "urteil.pdf")
    _, published, (problem,) = _checked(tmp_path)
    assert published == [] and "symbolic link" in problem.message and problem.line == 8
    shutil.rmtree(tmp_path / "seeds" / "documents")
    os.symlink(outside, tmp_path / "seeds" / "documents")
    _, published, (problem,) = _checked(tmp_path)
    assert published == [] and "a symbolic link to a folder" in problem.message


@pytest.mark.parametrize(("content", "words"), [
    (b"<html>not a pdf</html>", "is not a PDF"),
    (b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n",
     "holds /JavaScript"),
    (b"", "is empty"),
])
def test_a_document_that_is_no_clean_pdf_is_an_error(tmp_path, content, words):
    (tmp_path / "seeds" / "documents").mkdir(parents=True)
    (tmp_path / "seeds" / "documents" / "urteil.pdf").write_bytes(content)
    _, published, (problem,) = _checked(tmp_path)
    assert published == [] and words in problem.message


def test_a_document_is_no_clipping_of_the_press_room(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "documents").mkdir(parents=True)
    (seeds / "documents" / "urteil.pdf").write_bytes(ruling_pdf())
    cases, _ = load_cases(_registry(tmp_path))
    assert document_paths(cases, seeds) == {seeds / "documents" / "urteil.pdf"}
    assert ingest(seeds, skip=document_paths(cases, seeds)).outcomes == ()
    assert len(ingest(seeds).outcomes) == 1  # unnamed by a case, it would be a clipping


# --- the built site -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("documents")
    project = make_project(tmp, {
        "news_en.html": (SOURCES / "news_en.html").read_bytes(),
        "lawfirm_de.html": (SOURCES / "lawfirm_de.html").read_bytes(),
        "alert.eml": newsletter_alert(),
        "anzeiger-s7.pdf": newspaper_pdf(),
    })
    # The alert and the newspaper's PDF carry the same articles as the page and the text
    # attached (one address each): the editor tells them apart in sidecars.
    (project / "seeds" / "alert.eml.yml").write_text("story: ledger-alert\n", encoding="utf-8")
    (project / "seeds" / "anzeiger-s7.pdf.yml").write_text("story: anzeiger-print\n",
                                                           encoding="utf-8")
    (project / "seeds" / "documents").mkdir()
    (project / "seeds" / "documents" / "urteil.pdf").write_bytes(ruling_pdf())
    _registry(project / "seeds")
    result = build(project)
    assert result.returncode == 0, result.stderr
    report = json.loads((project / "build" / "editor-report.json").read_text(encoding="utf-8"))
    return project / "site", result, report


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_the_document_is_linked_from_both_languages_case_pages(site, lang):
    root, _, _ = site
    page = (root / at(lang, "cases") / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a [^>]*href="([^"]*urteil\.pdf)"[^>]*>([^<]*)</a>', page)
    (href, title), = links
    anchor = re.search(r'<a [^>]*href="[^"]*urteil\.pdf"[^>]*>', page).group(0)
    assert 'hreflang="de"' in anchor and 'type="application/pdf"' in anchor
    assert (root / at(lang, "cases") / href).resolve() == \
        (root / "cases" / "norvane-v-blogger" / "urteil.pdf").resolve()
    assert title == {"en": "Judgment of the Regional Court of Kesselbach (3 O 118/24)",
                     "de": "Urteil des Landgerichts Kesselbach (3 O 118/24)"}[lang]
    size = f"{round(len(ruling_pdf()) / 1024)} KB"
    details = {"en": f"Ruling, March 11, 2025; in German, PDF, {size}",
               "de": f"Entscheidung, 11. März 2025; auf Deutsch, PDF, {size}"}[lang]
    assert details in page


@pytest.mark.build
def test_the_document_is_published_as_read_under_its_case(site):
    root, _, _ = site
    assert (root / "cases" / "norvane-v-blogger" / "urteil.pdf").read_bytes() == ruling_pdf()


@pytest.mark.build
def test_the_document_is_in_the_cases_export_and_the_case_summary_s_data(site):
    root, _, _ = site
    (case,) = json.loads((root / "api" / "cases.json").read_text(encoding="utf-8"))["cases"]
    (document,) = case["documents"]
    assert document["language"] == "de" and document["bytes"] == len(ruling_pdf())
    assert document["url"].endswith("/cases/norvane-v-blogger/urteil.pdf")
    assert document["file"] == "documents/urteil.pdf" and document["date"] == "2025-03-11"
    page = (root / "en" / "cases" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page,
                                re.S).group(1))
    (subject,) = data["about"][0]["subjectOf"]
    assert subject["@type"] == "DigitalDocument" and subject["inLanguage"] == "de"
    assert subject["encodingFormat"] == "application/pdf"


@pytest.mark.build
def test_pages_messages_and_pdfs_are_stories_and_the_ruling_is_not(site):
    root, _, report = site
    sources = {entry["path"]: entry for entry in report["sources"]}
    assert set(sources) == {"seeds/news_en.html", "seeds/lawfirm_de.html", "seeds/alert.eml",
                            "seeds/alert.eml#anzeiger-14-maerz.txt", "seeds/anzeiger-s7.pdf"}
    assert all(entry["status"] == "published" for entry in sources.values())
    assert {entry["format"] for entry in sources.values()} == {"html", "email", "text", "pdf"}
    stories = sorted(path.parent.name for path in story_pages(root))
    assert stories and not any("urteil" in name or "im-namen" in name for name in stories)


@pytest.mark.build
def test_the_report_shows_what_each_file_stated_and_what_was_taken(site):
    _, _, report = site
    entry = next(e for e in report["sources"] if e["path"] == "seeds/news_en.html")
    stated = {(item["field"], item["where"]): item for item in entry["stated"]}
    assert stated[("title", "JSON-LD NewsArticle.headline")]["used"] is True
    assert stated[("title", "Open Graph og:title")]["used"] is False
    assert entry["fields"]["title"]["provenance"] == "JSON-LD NewsArticle.headline (line 18)"
    assert entry["fields"]["source_url"]["value"].endswith("/norvane-blogger-ruling")


def story_pages(root: Path) -> list[Path]:
    """Every language's story pages (not the pages forwarding from former addresses)."""
    return [page for lang in ("en", "de")
            for page in (root / at(lang, "stories")).glob("*/index.html")]


@pytest.mark.build
def test_no_script_or_markup_of_a_page_reaches_its_story(site):
    root, _, _ = site
    for page in story_pages(root):
        text = page.read_text(encoding="utf-8")
        for piece in ("dataLayer", "loadAd", "cookie-consent", "gtag(", "clipwatch.example/logo"):
            assert piece not in text, (page, piece)
