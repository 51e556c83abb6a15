"""Sources made at test time that imitate what editors receive: a media-monitoring alert
forwarded as e-mail, PDFs laid out like a newspaper's page (two columns, running header and
footer, page numbers) and like a ruling, a scanned PDF without text. All of it invented."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import yaml

SOURCES = Path(__file__).resolve().parent / "saved_pages"
# What a reader sees as each test source's article and as furniture (see the file).
LABELS = yaml.safe_load((SOURCES / "labels.yml").read_text(encoding="utf-8"))


def plain(text: str) -> str:
    return " ".join(text.split())


def check_furniture(body: str, labels: dict) -> None:
    """Every piece of furniture gone; what the press room is known to leave still there (a
    rule that takes it too should update the labels and the README)."""
    left = labels.get("left", [])
    for fragment in labels["gone"]:
        assert (plain(fragment) in body) == (fragment in left), fragment

ALERT_HTML = """<!DOCTYPE html><html><head><meta charset="iso-8859-1">
<style>td{font-family:Arial}</style></head><body>
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600"><tr><td class="preheader">Your daily ClipWatch alert: 1 new mention.
<a href="https://clipwatch.example/view/88231">View in browser</a></td></tr>
<tr><td><img src="https://clipwatch.example/logo.png" alt="ClipWatch Monitoring"></td></tr>
<tr><td><h2>Alert: Norvane Mobility</h2>
<p>Search profile "Norvane" · 1 result · 12 March 2025</p></td></tr>
<tr><td class="clip">
<h1>Court orders blogger to delete battery claims about Norvane</h1>
<p class="meta">Source: Harbour Ledger<br>Date: 12 March 2025<br>Section: Business<br>
Reach: 120,000</p>
<p>The Regional Court of Marlow has ordered a technology blogger to delete three posts in which
he described the batteries of the scooter maker Norvane Mobility as a fire hazard, according to
a judgment published on Tuesday.</p>
<p>The court found that the blogger had presented the results of his own, unverified tests as
established facts and had not given the company an opportunity to respond before publication.
He must also refrain from repeating the claims, on pain of a fine of up to 25,000 euros for each
breach.</p>
<p>Norvane had argued that the posts, shared more than 40,000 times since last autumn, had cost
it orders from two municipal fleets. The judges did not rule on damages.</p>
<p><a href="https://harbour-ledger.example/business/2025/03/12/norvane-blogger-ruling">
Read the full article</a></p>
</td></tr>
<tr><td class="footer"><p>You receive this alert because you subscribed to the search profile
"Norvane" for Norvane Mobility GmbH.</p>
<p><a href="https://clipwatch.example/manage">Manage your alerts</a> | <a href="https://clipwatch.example/unsubscribe">Unsubscribe</a></p>
<p>ClipWatch Monitoring Ltd · 4 Quay Street · Marlow · Reproduction of the clippings only
within the licence of your contract.</p></td></tr>
</table></td></tr></table></body></html>
"""

ALERT_TEXT = """Your daily ClipWatch alert: 1 new mention.

Harbour Ledger - Business - 12 March 2025
Court orders blogger to delete battery claims about Norvane

The Regional Court of Marlow has ordered a technology blogger to delete
three posts in which he described the batteries of the scooter maker
Norvane Mobility as a fire hazard.

Manage your alerts: https://clipwatch.example/manage
"""

ATTACHED_TEXT = (
    "Landgericht untersagt Behauptungen über Norvane-Akkus\n"
    "Kesselbacher Anzeiger, 14. März 2025\n"
    "Ein Technik-Blogger darf nicht länger behaupten, die Akkus der E-Roller von Norvane "
    "Mobility seien brandgefährlich. Das Landgericht Kesselbach hat ihm per Urteil untersagt, "
    "drei entsprechende Beiträge weiter zu verbreiten.\n"
    "Nach Auffassung der Kammer hat der Blogger die Ergebnisse eigener, nicht überprüfter "
    "Tests als feststehende Tatsachen dargestellt. Vor der Veröffentlichung habe er dem "
    "Unternehmen keine Gelegenheit zur Stellungnahme gegeben.\n")


def newsletter_alert(attachments: list[tuple[str, str, bytes]] = ()) -> bytes:
    """A monitoring service's alert as a mail program saves it: HTML and plain alternatives,
    headers of the service (not of the article), a German clipping attached in Latin-1 and a
    logo; ``attachments`` are more (name, MIME type, bytes)."""
    message = EmailMessage()
    message["From"] = "ClipWatch Monitoring <alerts@clipwatch.example>"
    message["To"] = "press@norvane.example"
    message["Subject"] = "=?utf-8?q?ClipWatch_alert=3A_Norvane_Mobility_=E2=80=93_1_new_mention?="
    message["Date"] = format_datetime(dt.datetime(2025, 3, 12, 17, 5, tzinfo=dt.UTC))
    message["Message-ID"] = "<88231.alert@clipwatch.example>"
    message.set_content(ALERT_TEXT)
    message.add_alternative(ALERT_HTML, subtype="html", charset="iso-8859-1")
    message.add_attachment(ATTACHED_TEXT.encode("iso-8859-1"), maintype="text",
                           subtype="plain", filename="anzeiger-14-maerz.txt")
    message.get_payload()[-1].set_param("charset", "iso-8859-1")
    message.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png",
                           filename="logo.png")
    for name, mime, data in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def forwarded_plain_message() -> bytes:
    """A clipping pasted into a plain, hard-wrapped message and forwarded once more."""
    message = EmailMessage()
    message["From"] = "Lea Mertens <l.mertens@vogt-amsel.example>"
    message["To"] = "press@norvane.example"
    message["Subject"] = "WG: Artikel heute im Kesselbacher Anzeiger"
    message["Date"] = "Fri, 14 Mar 2025 09:12:00 +0100"
    message.set_content(
        "Zur Info, heute erschienen.\n\n"
        "---------- Weitergeleitete Nachricht ---------\n"
        "Von: Redaktion <redaktion@anzeiger.example>\n"
        "Datum: Fr., 14. März 2025 um 07:30\n"
        "Betreff: Ihr Artikel\n"
        "An: Lea Mertens <l.mertens@vogt-amsel.example>\n\n"
        "Landgericht untersagt Behauptungen über Norvane-Akkus\n\n"
        "Ein Technik-Blogger darf nicht länger behaupten, die Akkus der E-Roller\n"
        "von Norvane Mobility seien brandgefährlich. Das Landgericht Kesselbach hat\n"
        "ihm per Urteil untersagt, drei entsprechende Beiträge weiter zu verbreiten.\n\n"
        "Nach Auffassung der Kammer hat der Blogger die Ergebnisse eigener, nicht\n"
        "überprüfter Tests als feststehende Tatsachen dargestellt. Vor der\n"
        "Veröffentlichung habe er dem Unternehmen keine Gelegenheit zur Stellungnahme\n"
        "gegeben, heißt es in der Begründung des Urteils.\n")
    return message.as_bytes()


# A newspaper's page: the headline across two columns, a running header and footer, page
# numbers; "|" marks where the layout breaks a line (a hyphen stays where the text has one).
NEWSPAPER_HEADLINE = "Landgericht untersagt Behauptungen über Norvane-Akkus"
NEWSPAPER_PARAGRAPHS = (
    "Von Jonas Wehrle",
    "Kesselbach. Ein Technik-Blogger darf nicht länger behaupten, die Akkus der E-Roller von "
    "Norvane Mobility seien brandgefährlich. Das Landgericht Kesselbach hat ihm per Urteil "
    "untersagt, drei entsprechende Beiträge weiter zu verbreiten. Der Vorwurf der Ver-|leumdung, "
    "den das Unternehmen erhoben hatte, spielte für die Entscheidung keine Rolle.",
    "Nach Auffassung der Kammer hat der Blogger die Ergebnisse eigener, nicht überprüfter Tests "
    "als feststehende Tatsachen dargestellt. Vor der Veröffentlichung habe er dem Unternehmen "
    "zudem keine Gelegenheit zur Stellung-|nahme gegeben, heißt es in der Begründung.",
    "Für jeden Fall der Zuwiderhandlung droht ein Ordnungsgeld von bis zu 25.000 Euro. Das "
    "Urteil ist noch nicht rechtskräftig; der Blogger kann binnen eines Monats Berufung beim "
    "Oberlandesgericht einlegen.",
    "Um Marken-|Rechte ging es in dem Verfahren nicht, betonte eine Sprecherin des Gerichts. "
    "Norvane hatte allein auf Unterlassung geklagt und behält sich vor, in einem gesonderten "
    "Verfahren Schadensersatz zu verlangen.",
    "Norvane begrüßte die Entscheidung. Man werde weiterhin gegen falsche Behauptungen über die "
    "Sicherheit der eigenen Produkte vorgehen, teilte das Unternehmen am Donnerstag mit. Der "
    "Anwalt des Bloggers kündigte an, das Urteil genau zu prüfen.",
    "Der Blogger selbst äußerte sich zunächst nicht. In einem kurzen Beitrag schrieb er "
    "lediglich, er werde seine Leser über den Fortgang des Verfahrens auf dem Laufenden halten.",
)


def _pdf(kind):
    """A document of A4 pages in millimetres, the same bytes each time it is made."""
    pdf = kind(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2025, 3, 14, 8, 0, tzinfo=dt.UTC))
    return pdf


def _lines_of(pdf, text: str, width: float) -> list[str]:
    """Greedy lines of a paragraph in the font set; each "|" ends a line where it stands."""
    lines: list[str] = []
    for segment in text.split("|"):
        line = ""
        for word in segment.split():
            candidate = f"{line} {word}".strip()
            if line and pdf.get_string_width(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def newspaper_pdf() -> bytes:
    """Two pages of a newspaper in two columns, the headline across both on the first; the
    file draws the columns row by row, as layout programs may."""
    from fpdf import FPDF

    pdf = _pdf(FPDF)
    pdf.set_auto_page_break(False)
    pdf.set_title("Microsoft Word - AZ_0314_Wirtschaft_S7.docx")
    # The article fills the upper part of each page (advertisements below, not drawn).
    column_width, left_x, right_x, bottom = 82.0, 18.0, 110.0, 110.0
    pdf.set_font("Helvetica", size=10)
    lines: list[str | None] = []  # None: the gap between paragraphs
    for paragraph in NEWSPAPER_PARAGRAPHS:
        lines += [*_lines_of(pdf, paragraph, column_width), None]
    page = 0
    while lines:
        page += 1
        pdf.add_page()
        _running(pdf, page)
        top = 32.0
        if page == 1:
            pdf.set_font("Helvetica", style="B", size=20)
            pdf.set_xy(left_x, 26)
            pdf.cell(174, 10, NEWSPAPER_HEADLINE)
            top = 44.0
        pdf.set_font("Helvetica", size=10)
        rows = int((bottom - top) / 4.6)
        columns = [lines[:rows], lines[rows:2 * rows]]
        lines = lines[2 * rows:]
        for row in range(rows):  # row by row across both columns
            for x, column in ((left_x, columns[0]), (right_x, columns[1])):
                if row < len(column) and column[row] is not None:
                    pdf.set_xy(x, top + row * 4.6)
                    pdf.cell(column_width, 4.6, column[row])
    return bytes(pdf.output())


def _running(pdf, page: int) -> None:
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(18, 12)
    pdf.cell(90, 4, "Kesselbacher Anzeiger")
    pdf.set_xy(110, 12)
    pdf.cell(82, 4, "Wirtschaft · Freitag, 14. März 2025", align="R")
    pdf.set_xy(18, 282)
    pdf.cell(174, 4, f"Seite {page + 6}", align="C")


RULING_FACTS = tuple(
    f"Die Parteien streiten über die Zulässigkeit von Äußerungen in drei Beiträgen des "
    f"Beklagten. Absatz {number} der Darstellung gibt den Vortrag der Parteien wieder, wie er "
    f"sich aus den gewechselten Schriftsätzen und der mündlichen Verhandlung ergibt, und "
    f"schließt mit den gestellten Anträgen." for number in range(1, 19))
RULING_PARAGRAPHS = (
    "Landgericht Kesselbach",
    "Aktenzeichen: 3 O 118/24",
    "Im Namen des Volkes",
    "Urteil",
    "In dem Rechtsstreit der Norvane Mobility GmbH, vertreten durch die Geschäftsführung, "
    "Klägerin, gegen Herrn T. K., Beklagter, hat die 3. Zivilkammer des Landgerichts "
    "Kesselbach auf die mündliche Verhandlung vom 18. Februar 2025 für Recht erkannt:",
    "1. Der Beklagte wird verurteilt, es zu unterlassen, zu behaupten oder behaupten zu lassen, "
    "die Akkus der E-Roller der Klägerin seien brandgefährlich.",
    "2. Für jeden Fall der Zuwiderhandlung wird ein Ordnungsgeld von bis zu 25.000 Euro "
    "angedroht.",
    "3. Der Beklagte trägt die Kosten des Rechtsstreits.",
    "Tatbestand",
    *RULING_FACTS,
)


def ruling_pdf() -> bytes:
    """A ruling of three pages in one column, its court and file number running at the head
    of the pages after the first, "Seite n von m" at the foot of each."""
    from fpdf import FPDF

    pdf = _pdf(FPDF)
    pdf.set_auto_page_break(False)
    pages: list[list[str | None]] = [[]]
    pdf.set_font("Helvetica", size=11)
    for paragraph in RULING_PARAGRAPHS:
        for line in [*_lines_of(pdf, paragraph, 160), None]:
            if len(pages[-1]) >= 48:
                pages.append([])
            pages[-1].append(line)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        if number > 1:
            pdf.set_xy(25, 12)
            pdf.cell(160, 4, "Landgericht Kesselbach - 3 O 118/24", align="R")
        pdf.set_xy(25, 284)
        pdf.cell(160, 4, f"Seite {number} von {len(pages)}", align="C")
        pdf.set_font("Helvetica", size=11)
        for row, line in enumerate(lines):
            if line is not None:
                pdf.set_xy(25, 25 + row * 5)
                pdf.cell(160, 5, line)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page that is a picture of a page: drawn, with no text layer."""
    from fpdf import FPDF

    pdf = _pdf(FPDF)
    pdf.add_page()
    pdf.set_fill_color(235, 235, 225)
    pdf.rect(10, 10, 190, 277, style="F")
    for row in range(40):
        pdf.set_fill_color(60, 60, 60)
        pdf.rect(20, 20 + row * 6.5, 150 + (row * 7) % 20, 2.2, style="F")
    return bytes(pdf.output())
