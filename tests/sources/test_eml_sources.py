"""Messages forwarded from a media-monitoring service: the article of the message, its
attachments as sources of their own, the service's sender and subject never the article's
publisher and headline unless nothing better exists (and then said)."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from made_sources import LABELS, check_furniture, forwarded_plain_message, newsletter_alert, plain
from pressroom.problems import Severity
from pressroom.sources.ingest import ingest, process_file


def _by_name(outcomes):
    return {outcome.path.name: outcome for outcome in outcomes}


def _messages(outcome, severity):
    return [problem.message for problem in outcome.problems if problem.severity is severity]


@pytest.fixture
def alert(write):
    return write("alert.eml", newsletter_alert())


def test_the_alert_s_article_keeps_its_text_and_loses_the_service_s_furniture(alert):
    outcome = process_file(alert)[0]
    assert outcome.status == "published" and outcome.source.format == "email"
    body = plain("\n".join(line.text for line in outcome.article.body))
    for fragment in LABELS["alert.eml"]["kept"]:
        assert plain(fragment) in body, fragment
    check_furniture(body, LABELS["alert.eml"])


def test_headline_date_and_publisher_are_the_article_s_not_the_sender_s(alert):
    article = process_file(alert)[0].article
    assert article.title.value == "Court orders blogger to delete battery claims about Norvane"
    assert article.title.provenance.detail == "<h1> of the article"
    assert article.publisher.value == "Harbour Ledger"
    assert article.publisher.provenance.detail == "the message's 'Source' field"
    assert article.date.value == dt.date(2025, 3, 12)
    assert article.lang.value == "en"
    for field in article.fields().values():
        assert "ClipWatch" not in str(field.value)


def test_each_clipping_attached_is_a_source_of_its_own_named_after_the_message(alert):
    outcomes = _by_name(process_file(alert))
    assert list(outcomes) == ["alert.eml", "alert.eml#anzeiger-14-maerz.txt"]
    attached = outcomes["alert.eml#anzeiger-14-maerz.txt"]
    assert attached.status == "published"
    # Sent in Latin-1 and read as its part declares, not guessed.
    assert attached.article.title.value == "Landgericht untersagt Behauptungen über Norvane-Akkus"
    assert attached.article.lang.value == "de"
    notes = _messages(outcomes["alert.eml"], Severity.NOTE)
    assert "attachment 'logo.png' (image/png) is not a clipping: not read" in notes


def test_attachments_are_published_as_sources_of_the_folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "alert.eml").write_bytes(newsletter_alert())
    ingested = ingest(seeds)
    names = sorted(article.source.name for article in ingested.articles)
    assert names == ["alert.eml", "alert.eml#anzeiger-14-maerz.txt"]


def test_a_sidecar_names_an_attachment_by_its_source_name(alert, write):
    write("alert.eml#anzeiger-14-maerz.txt.yml", "source: Kesselbacher Anzeiger\n")
    attached = _by_name(process_file(alert))["alert.eml#anzeiger-14-maerz.txt"]
    assert attached.article.publisher.value == "Kesselbacher Anzeiger"
    assert str(attached.article.publisher.provenance) == \
        "frontmatter (line 1): alert.eml#anzeiger-14-maerz.txt.yml"


def test_a_plain_forwarded_message_is_unwrapped_and_its_forward_header_left_out(write):
    outcome = process_file(write("fwd.eml", forwarded_plain_message()))[0]
    article = outcome.article
    assert article.title.value == "Landgericht untersagt Behauptungen über Norvane-Akkus"
    paragraphs = [line.text for line in article.body]
    assert paragraphs[0].startswith("Ein Technik-Blogger darf nicht länger behaupten")
    assert paragraphs[0].endswith("drei entsprechende Beiträge weiter zu verbreiten.")
    assert not any("redaktion@anzeiger.example" in text for text in paragraphs)
    # The sender is the forwarder: taken only for want of anything better, and said so.
    assert article.publisher.value == "Lea Mertens"
    assert article.publisher.provenance.detail == "e-mail From header (nothing better in the text)"
    assert any("taken from e-mail From header, for want of anything better" in message
               for message in _messages(outcome, Severity.WARNING))


def test_the_subject_stands_in_for_a_headline_only_when_the_text_has_none(write):
    message = EmailMessage()
    message["From"] = "Desk <desk@example.org>"
    message["Subject"] = "Fwd: AW: Appeal court halves the fine against a rating portal"
    message.set_content("The appeal court in Ulmenau halved the fine imposed on the rating "
                        "portal for keeping invented reviews online, its spokeswoman said on "
                        "Thursday, to 6,000 euros.\n")
    article = process_file(write("subject.eml", message.as_bytes()))[0].article
    assert article.title.value == "Appeal court halves the fine against a rating portal"
    assert article.title.provenance.detail == "e-mail Subject header (nothing better in the text)"


def test_a_message_whose_own_text_is_no_clipping_is_read_for_its_attachments(write):
    message = EmailMessage()
    message["From"] = "Desk <desk@example.org>"
    message["Subject"] = "Clipping"
    message.set_content("See attached.\n")
    text = ("Appeal court halves the fine against a rating portal\n"
            "The appeal court in Ulmenau halved the fine imposed on the rating portal for "
            "keeping invented reviews online, its spokeswoman said on Thursday.\n")
    message.add_attachment(text.encode(), maintype="text", subtype="plain",
                           filename="../../outside/clip.txt")
    message.add_attachment(text.encode() + b"Second copy.\n", maintype="text", subtype="plain",
                           filename="clip.txt")
    outcomes = process_file(write("bare.eml", message.as_bytes()))
    assert [outcome.path.name for outcome in outcomes] == \
        ["bare.eml", "bare.eml#clip.txt", "bare.eml#clip (2).txt"]
    assert outcomes[0].status == "attachments"
    assert any("read for the 2 clipping(s) attached" in message
               for message in _messages(outcomes[0], Severity.NOTE))
    assert all(outcome.status == "published" for outcome in outcomes[1:])


def test_a_part_in_a_wrong_charset_is_read_with_a_warning(write):
    message = EmailMessage()
    message["From"] = "Desk <desk@example.org>"
    message["Subject"] = "Gericht"
    text = ("Landgericht untersagt Behauptungen über Akkus\n\nDas Landgericht hat dem Blogger "
            "untersagt, seine Behauptungen über die Akkus weiter zu verbreiten, teilte eine "
            "Sprecherin mit. Der Blogger kann gegen das Urteil binnen eines Monats Berufung "
            "einlegen.\n")
    message.set_content(text.encode("cp1252"), maintype="text", subtype="plain", cte="base64")
    message.set_param("charset", "utf-8")
    outcome = process_file(write("charset.eml", message.as_bytes()))[0]
    assert "Behauptungen über die Akkus" in outcome.cleaned.text
    assert any("declares utf-8, but byte" in message
               for message in _messages(outcome, Severity.WARNING))


@pytest.mark.parametrize("raw", [b"just some bytes\x00\x01", b"no headers here\n\nbody",
                                 b"From: a@b\nContent-Type: multipart/mixed\n\n--x--\n",
                                 b"Subject: =?utf-8?b?!!!?=\nContent-Type: text/html\n\n<p"])
def test_a_broken_message_is_an_error_naming_it_never_a_fault(write, raw):
    path = write("broken.eml", raw)
    outcomes = process_file(path)
    assert outcomes[0].status == "error"
    assert not any("a fault in the press room" in p.message
                   for outcome in outcomes for p in outcome.problems)
    assert all(problem.path.name == "broken.eml" for problem in outcomes[0].problems)
