"""Sources made at test time that imitate what editors receive: a media-monitoring alert
forwarded as e-mail, PDFs laid out like a newspaper's page (two columns, running header and
footer, page numbers) and like a ruling, a scanned PDF without text. All of it invented."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import yaml

SOURCES = Path(__file__).resolve().parent / "sources"
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
