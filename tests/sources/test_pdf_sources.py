"""PDFs: text page by page, columns in reading order, running headers, footers and page numbers
gone, hyphenation at line ends undone (not the hyphens of compounds), paragraphs rebuilt; a
scan without text is an error that says so."""

from __future__ import annotations

import datetime as dt

import pytest

from made_sources import (
    NEWSPAPER_HEADLINE,
    NEWSPAPER_PARAGRAPHS,
    newsletter_alert,
    newspaper_pdf,
    ruling_pdf,
    scanned_pdf,
)
from pressroom.problems import Severity
from pressroom.sources.formats.pdf_layout import Run, join_lines, paragraphs, runs_of
from pressroom.sources.ingest import process, process_file


def _errors(outcome):
    return [problem for problem in outcome.problems if problem.severity is Severity.ERROR]


@pytest.fixture(scope="module")
def newspaper(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "anzeiger-s7.pdf"
    path.write_bytes(newspaper_pdf())
    return process(path)


def test_two_columns_drawn_row_by_row_are_read_column_by_column(newspaper):
    assert newspaper.status == "published" and newspaper.source.format == "pdf"
    body = [line.text for line in newspaper.article.body]
    expected = [paragraph.replace("|", "").replace("Ver-leumdung", "Verleumdung")
                .replace("Stellung-nahme", "Stellungnahme")
                for paragraph in NEWSPAPER_PARAGRAPHS[1:]]
    assert body == expected


def test_running_header_footer_and_page_numbers_are_gone(newspaper):
    text = newspaper.cleaned.text
    for furniture in ("Kesselbacher Anzeiger", "Wirtschaft · Freitag", "Seite 7", "Seite 8"):
        assert furniture not in text
    note = next(p.message for p in newspaper.problems if p.severity is Severity.NOTE)
    assert "text of 2 page(s)" in note and "columns read in order on page(s) 1" in note
    assert "'Seite 7'" in note


def test_hyphenation_is_undone_but_compound_hyphens_stay(newspaper):
    text = newspaper.cleaned.text
    assert "Der Vorwurf der Verleumdung, den das Unternehmen" in text
    assert "Gelegenheit zur Stellungnahme gegeben" in text
    assert "Um Marken-Rechte ging es" in text  # a capital goes on: a compound's hyphen
    assert "E-Roller" in text and "Technik-Blogger" in text


def test_headline_date_and_publisher_of_a_newspaper_pdf(newspaper):
    article = newspaper.article
    assert article.title.value == NEWSPAPER_HEADLINE
    assert article.lang.value == "de"
    # The page's running header names the paper and the day; the text does not.
    assert article.date.value == dt.date(2025, 3, 14)
    assert article.date.provenance.detail.startswith("the PDF's running header")
    assert article.publisher.value == "Kesselbacher Anzeiger"
    # The document information's title is a file name, never a headline.
    assert all("docx" not in str(field.value) for field in article.fields().values())


def test_a_ruling_s_paragraphs_go_on_across_pages_without_their_running_lines(write):
    outcome = process(write("urteil.pdf", ruling_pdf()))
    body = [line.text for line in outcome.article.body]
    facts = [text for text in body if text.startswith("Die Parteien streiten")]
    assert len(facts) == 18 and all(text.endswith("gestellten Anträgen.") for text in facts)
    assert not any("Seite" in text or "3 O 118/24" in text for text in body)
    costs = "3. Der Beklagte trägt die Kosten des Rechtsstreits."
    assert body[body.index("Tatbestand") - 1] == costs


def test_a_scan_without_text_is_an_error_that_says_so(write):
    path = write("scan.pdf", scanned_pdf())
    (problem,) = _errors(process(path))
    assert problem.path == path and "no text layer" in problem.message
    assert "no OCR" in problem.message


@pytest.mark.parametrize("data", [b"not a pdf at all", newspaper_pdf()[:600],
                                  b"%PDF-1.7\n" + bytes(range(256)) * 20])
def test_a_broken_pdf_is_an_error_naming_it_never_a_fault(write, data):
    path = write("broken.pdf", data)
    (problem,) = _errors(process(path))
    assert problem.path == path and "a fault in the press room" not in problem.message


def test_a_pdf_locked_with_a_password_is_an_error_saying_so(write):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(100, 10, "Vertraulich")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    (problem,) = _errors(process(write("locked.pdf", bytes(pdf.output()))))
    assert "locked with a password" in problem.message


def test_a_pdf_attached_to_a_message_is_a_source_of_its_own(write):
    path = write("alert.eml", newsletter_alert([("Urteil 3 O 118-24.pdf", "application/pdf",
                                                 ruling_pdf())]))
    outcomes = {outcome.path.name: outcome for outcome in process_file(path)}
    attached = outcomes["alert.eml#Urteil 3 O 118-24.pdf"]
    assert attached.status == "published" and attached.source.format == "pdf"
    assert "Der Beklagte wird verurteilt" in attached.cleaned.text


def test_a_line_end_hyphen_joins_only_a_word_that_goes_on_in_small_letters():
    words = {"e-mail"}
    assert join_lines("der Ver-", "leumdung wegen", words) == ("der Verleumdung wegen", 1)
    assert join_lines("die Marken-", "Rechte", words) == ("die Marken-Rechte", 0)
    assert join_lines("von 2024-", "2025 an", words) == ("von 2024- 2025 an", 0)
    assert join_lines("per E-", "mail", words) == ("per E-mail", 0)  # written so elsewhere
    assert join_lines("a well", "known firm", words) == ("a well known firm", 0)


def test_a_wide_gap_on_one_baseline_parts_two_columns_lines():
    chars = [(char, 10 + 6 * index, 700, 15 + 6 * index, 710, 10)
             for index, char in enumerate("left")]
    chars += [(" ", 40, 700, 40, 700, 1)]
    chars += [(char, 300 + 6 * index, 700, 305 + 6 * index, 710, 10)
              for index, char in enumerate("right")]
    assert [run.text for run in runs_of(chars, 0)] == ["left", "right"]


def test_a_larger_type_size_is_a_paragraph_of_its_own():
    lines = [Run("A Headline", 0, 300, 700, 720, 20), Run("The text begins here and", 0, 300,
                                                          680, 690, 10),
             Run("goes on.", 0, 100, 668, 678, 10)]
    for line in lines:
        line.left, line.right = 0, 300
    assert paragraphs(lines)[0] == ["A Headline", "The text begins here and goes on."]


def test_a_page_pdfium_cannot_load_is_a_warning_and_the_others_are_read(write):
    # The first page's object no longer says it is a page: PDFium fails to load it.
    spoiled = ruling_pdf().replace(b"/Resources 10 0 R\n/Type /Page\n",
                                   b"/Resources 10 0 R\n/Type /Pagx\n", 1)
    assert spoiled != ruling_pdf()
    outcome = process(write("damaged.pdf", spoiled))
    assert outcome.status == "published"
    warned = [p.message for p in outcome.problems if p.severity is Severity.WARNING]
    assert "page(s) 1 cannot be read (damaged): what they show is not in the clipping" in warned
    assert "Die Parteien streiten" in outcome.cleaned.text
