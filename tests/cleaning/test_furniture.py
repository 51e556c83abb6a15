import pytest

from conftest import lines_of
from pressroom.cleaning import clean

ARTICLE = (
    "The court heard the case in March and ruled that the posts were false and defamatory.\n"
    "Der Händler muss die Videos löschen und eine Unterlassungserklärung abgeben, so das Gericht."
)


def removed(noise: str, rule: str) -> None:
    """The noise goes, by the named rule, and the article around it stays whole."""
    cleaned = clean(lines_of(f"{ARTICLE}\n\n{noise}\n"))
    assert cleaned.text == ARTICLE
    assert {r.rule for r in cleaned.removals} == {rule}, cleaned.removals


@pytest.mark.parametrize(
    "noise",
    [
        "Disclaimer: The information above is not a recommendation to buy any security.",
        "Haftungsausschluss: Die Inhalte dienen nur der Information.",
        "Risikohinweis: Der Handel mit Aktien ist riskant.",
        "免责声明:投资有风险,本文并非投资建议。",
        "This content is for informational purposes only and does not constitute financial advice.",
        "Dieser Beitrag stellt keine Anlageberatung dar; eine Haftung für Richtigkeit wird nicht "
        "übernommen.",
    ],
)
def test_disclaimers_labelled_or_recognised_by_their_phrases(noise):
    removed(noise, "disclaimer")


@pytest.mark.parametrize(
    "reporting",
    [
        "The judges found that the post does not constitute protected opinion but a false "
        "statement of fact.",
        "The court saw no liability for the platform: the review does not constitute a "
        "solicitation, it said.",
        "Das Gericht stellte fest, dass die Richtigkeit und Vollständigkeit der Vorwürfe nicht "
        "belegt wurde.",
        "Die Äußerung stellt keine zulässige Meinung dar; eine Haftung der Plattform verneinte "
        "die Kammer.",
    ],
)
def test_court_reporting_in_the_words_of_a_disclaimer_stays(reporting):
    """Rulings speak of liability and of what a statement does not constitute: only a text
    that also says what it is for (information, not advice) is a disclaimer."""
    assert clean(lines_of(f"{ARTICLE}\n\n{reporting}")).removals == ()


@pytest.mark.parametrize(
    "noise",
    ["© 2024 Example Media GmbH", "Copyright 2023 Daily Wire Service", "(c) 2025 Presse AG",
     "Alle Rechte vorbehalten.", "All rights reserved by the publisher."],
)
def test_copyright_lines(noise):
    removed(noise, "copyright")


def test_an_article_about_copyright_is_not_a_copyright_line():
    text = "The copyright lawsuit was dismissed by the court in Munich last week."
    assert clean(lines_of(text)).removals == ()


@pytest.mark.parametrize(
    "noise",
    ["Share on Facebook", "Share this: Twitter, LinkedIn, WhatsApp", "Teilen: Facebook | X",
     "Jetzt teilen", "Facebook Twitter Xing", "Drucken  E-Mail  Link kopieren"],
)
def test_share_widgets(noise):
    removed(noise, "share-widget")


@pytest.mark.parametrize(
    "noise",
    ["We use cookies to give you the best experience. Accept all",
     "Diese Website verwendet Cookies. Mit der weiteren Nutzung stimmen Sie zu.",
     "Cookie settings | Accept | Reject"],
)
def test_cookie_notices(noise):
    removed(noise, "cookie-notice")


def test_related_post_lists_go_with_their_titles():
    removed("Related posts:\nXiaomi wins in Beijing\nCourt fines blogger", "related-posts")
    removed("Lesen Sie auch\nNeue Regeln für Bewertungen\nWas Händler jetzt wissen müssen?",
            "related-posts")


def test_a_related_list_ends_where_running_text_begins():
    text = f"Read more\nBlogger fined in Munich\n{ARTICLE}"
    cleaned = clean(lines_of(text))
    assert cleaned.text == ARTICLE


@pytest.mark.parametrize(
    "noise", ["yesterday", "2 hours ago", "Gestern, 14:05 Uhr", "vor 3 Tagen", "昨天", "3小时前",
              "Updated 5 minutes ago", "Aktualisiert vor 2 Stunden"]
)
def test_relative_dates_alone_on_their_line(noise):
    removed(noise, "relative-date")


def test_lists_of_empty_items():
    noise = "\n".join(f"  {n}. {n}\n    \u00a0\n    \u00a0" for n in range(1, 6))
    removed(noise, "empty-list")


def test_a_real_numbered_list_is_kept():
    text = f"{ARTICLE}\n1. The court ordered an apology.\n2. The posts must be deleted."
    assert clean(lines_of(text)).text == text


@pytest.mark.parametrize(
    "noise",
    ["Sign up for our daily newsletter", "Jetzt Newsletter abonnieren!", "Advertisement",
     "ANZEIGE", "12 Comments", "Kommentare (3)", "Leave a reply", "Click here to read more"],
)
def test_calls_to_action(noise):
    removed(noise, "widget")


def test_a_sentence_about_subscribers_is_not_a_widget():
    text = "Investors who subscribe to the bond receive a newsletter from the court each month."
    assert clean(lines_of(text)).removals == ()
