"""The page frame: the headline chosen by evidence, the furniture around the article removed.

Every clipping here is made up for the test, in the shapes scraped pages come in.
"""

import pytest

from conftest import lines_of
from pressroom.cleaning import clean
from pressroom.cleaning.page_frame import find_page_frame, headline_text
from pressroom.inference.infer import infer
from pressroom.language.text import talks_to_reader
from pressroom.model import Source

P1 = ("The regional court in Lindenfeld ruled on Tuesday that the anonymous posts about the "
      "bakery chain were false and ordered the platform to delete them within a week.")
P2 = ("The judges found that the operator had been told about the posts twice and had not "
      "checked them, which made it liable for their content from the second notice on.")
P3 = ("The bakery chain said it welcomed the ruling and would ask for damages in a separate "
      "action, while the platform said it was studying the reasons before deciding on appeal.")
D1 = ("Das Landgericht Lindenfeld hat am Dienstag entschieden, dass die anonymen Beiträge "
      "über die Bäckereikette falsch waren, und die Plattform zur Löschung binnen einer Woche "
      "verurteilt.")
D2 = ("Die Richter stellten fest, dass der Betreiber zweimal auf die Beiträge hingewiesen worden "
      "war und sie dennoch nicht geprüft hatte, weshalb er ab dem zweiten Hinweis haftet.")


def cleaned(text: str, lang: str = "en"):
    return clean(lines_of(text), lang=lang)


def body(result) -> list[str]:
    return [line.text for line in result.lines if line.text.strip()]


def rules(result) -> dict[str, str]:
    return {removal.text.strip(): removal.rule for removal in result.removals}


def test_the_headline_under_an_interface_line_and_a_consent_banner():
    result = cleaned("Skip to main content\n"
                     "We use cookies to improve your experience on our site.\nAccept\n"
                     "Manage settings\nBakery chain wins case over fake posts\n"
                     f"{P1}\n{P2}\n{P3}")
    assert result.headline.text == "Bakery chain wins case over fake posts"
    assert result.headline.line == 5
    assert body(result) == ["Bakery chain wins case over fake posts", P1, P2, P3]
    found = rules(result)
    assert found["Skip to main content"] == "page-top"
    assert found["Accept"] == found["Manage settings"] == "cookie-notice"


def test_a_kicker_gives_way_to_the_headline_under_it():
    result = cleaned(f"Court ruling\nPlatform must delete the false posts\n{P1}\n{P2}")
    assert result.headline.text == "Platform must delete the false posts"
    assert "kicker" not in result.headline.reason
    assert rules(result)["Court ruling"] == "page-top"


def test_a_breadcrumb_that_repeats_the_headline_is_evidence_and_goes():
    headline = "Platform liable after second notice"
    result = cleaned(f"Home | News | {headline}\nNews\n{headline}\n{P1}\n{P2}")
    assert result.headline.text == headline
    assert "repeated on the page" in result.headline.reason
    assert rules(result)[f"Home | News | {headline}"] == "page-top"
    assert body(result)[0] == headline


def test_a_masthead_name_is_no_headline():
    # The frame alone, without the metadata rules that take most mastheads out first.
    frame = find_page_frame(lines_of(f"Lindenfeld Law LLP\nPlatform liable after second notice"
                                     f"\n{P1}\n{P2}"), "en")
    assert frame.headline.text == "Platform liable after second notice"
    assert "Lindenfeld Law LLP" in frame.headline.passed_over
    assert [removal.rule for removal in frame.removals] == ["page-top"]


def test_menu_labels_glued_to_the_headline_are_cut_off():
    result = cleaned(f"HomeBriefingsPlatform liable after second notice\n{P1}\n{P2}")
    assert result.headline.text == "Platform liable after second notice"
    assert body(result)[0] == "Platform liable after second notice"
    assert any(removal.rule == "headline-debris" for removal in result.removals)


def test_a_contact_box_glued_to_the_headline_is_cut_off():
    line = "Plattform haftet nach zweitem Hinweis: Fragen? 030 1234567 kanzlei@beispiel.example"
    result = cleaned(f"{line}\n{D1}\n{D2}", lang="de")
    assert result.headline.text == "Plattform haftet nach zweitem Hinweis"


def test_a_headline_under_a_short_teaser_is_found_by_its_dateline_and_the_teaser_kept():
    teaser = "The platform must now check every post it is told about, the court said on Tuesday."
    result = cleaned(f"English | Deutsch\n{teaser}\nPlatform liable after second notice\n"
                     f"12 May 2026\n{P1}\n{P2}")
    assert result.headline.text == "Platform liable after second notice"
    assert teaser in body(result)
    assert rules(result)["English | Deutsch"] == "page-top"
    without_dateline = cleaned(f"{teaser}\nPlatform liable after second notice\n{P1}\n{P2}")
    assert without_dateline.headline is None


def test_a_subheading_under_an_opening_paragraph_is_no_headline():
    long_opening = f"{P1} {P2}"
    result = cleaned(f"{long_opening}\nWhat the court said\n{P3}\n{P1}")
    assert result.headline is None
    assert body(result)[1] == "What the court said"


def test_a_site_notice_above_the_article_is_not_the_article():
    notice = ("We are moving our newsletter to a new address next month. Until then you can "
              "still subscribe on our old page, and nothing changes for you.")
    result = cleaned(f"Our newsletter is moving\n{notice}\nPrint\nShare this page\nArchive\n"
                     f"Platform liable after second notice\n{P1}")
    assert result.headline.text == "Platform liable after second notice"
    assert notice not in body(result)
    assert body(result) == ["Platform liable after second notice", P1]


def test_repeats_of_the_headline_in_the_text_go():
    headline = "Platform liable after second notice"
    result = cleaned(f"{headline}\n{P1}\n{headline}\n{P2}\n{P3}")
    assert body(result) == [headline, P1, P2, P3]
    assert [removal.rule for removal in result.removals] == ["repeated-headline"]


def test_the_foot_loses_its_labels_but_keeps_an_announced_list_and_a_closing_sentence():
    text = (f"Platform liable after second notice\n{P1}\n{P2}\nThe court ordered three things:\n"
            "- delete the posts\n- name the author\nThe costs were set at 5,000 euros.\n"
            "Author\nJane Example\nMore articles")
    result = cleaned(text)
    assert body(result)[-4:] == ["The court ordered three things:", "- delete the posts",
                                 "- name the author", "The costs were set at 5,000 euros."]
    found = rules(result)
    assert {"Author", "Jane Example", "More articles"} <= found.keys()
    assert found["More articles"] == "page-foot"


def test_an_article_of_one_paragraph_after_navigation_is_not_a_meta_description():
    headline = "Platform liable after second notice"
    result = cleaned(f"News\nPrint\nNo. 4411 of 12 May\n{headline}\n"
                     "The court ruled that the platform operator is liable for the posts.")
    assert "The court ruled that the platform operator is liable for the posts." in body(result)
    assert result.headline.text == headline


def test_a_consent_banner_goes_with_its_consent_text_and_buttons():
    text = ("Wir verwenden Cookies, um unsere Website für Sie zu verbessern.\n"
            "Mit einem Klick auf den Banner willigen Sie in das Tracking ein; den Widerruf "
            "erklären Sie in den Einstellungen.\nAblehnen\n"
            f"Plattform haftet nach zweitem Hinweis\n{D1}\n{D2}")
    result = cleaned(text, lang="de")
    assert body(result) == ["Plattform haftet nach zweitem Hinweis", D1, D2]
    assert {removal.rule for removal in result.removals} == {"cookie-notice"}


def test_contact_lines_and_age_notices_go():
    text = (f"This article is more than 2 years old\nPlatform liable after second notice\n{P1}\n"
            "Questions? Write to desk@firm.example or call +44 20 7946 0000.\n"
            f"{P2}")
    result = cleaned(text)
    found = rules(result)
    assert found["This article is more than 2 years old"] == "age-notice"
    assert found["Questions? Write to desk@firm.example or call +44 20 7946 0000."] == \
        "contact-line"
    assert body(result) == ["Platform liable after second notice", P1, P2]


def test_case_numbers_amounts_and_dates_are_no_phone_numbers():
    line = "The court, file 324 O 293/23, awarded 250.000,00 euros on 12.03.2021 to the firm."
    result = cleaned(f"Platform liable after second notice\n{P1}\n{line}\n{P2}")
    assert line in body(result)


@pytest.mark.parametrize("text", [
    "Skip to content", "Zum Hauptinhalt springen", "Cookies on this website", "You are here:",
    "Home > News > Courts", "Mo Di Mi Do Fr Sa So", "§ 823 Abs. 1 BGB, Art. 5 Abs. 1 GG",
    "Time to read: 4 minutes", "Outlet.example · News and commentary", "Breaking",
])
def test_page_furniture_never_makes_a_headline(text):
    assert headline_text(text) is None


def test_the_title_names_its_evidence_and_what_it_passed_over(tmp_path):
    text = f"A ruling in Lindenfeld\nPlatform must delete the false posts\n{P1}\n{P2}"
    source = Source(tmp_path / "a.txt", text.encode(), "utf-8", tuple(lines_of(text)))
    article, problems = infer(source, clean(source.body, lang="en"))
    assert article.title.value == "Platform must delete the false posts"
    assert "passed over: 'A ruling in Lindenfeld'" in article.title.provenance.detail
    assert not [problem for problem in problems if "headline" in problem.message]


def test_a_headline_on_thin_evidence_is_reported(tmp_path):
    text = f"Platform liable after second notice\nOpinion\nCourts\nRegions\nArchive\n{P1}\n{P2}"
    source = Source(tmp_path / "a.txt", text.encode(), "utf-8", tuple(lines_of(text)))
    article, problems = infer(source, clean(source.body, lang="en"))
    assert article.title.provenance.rule == "headline"
    assert any("thin evidence" in problem.message for problem in problems)


def test_an_opening_paragraph_in_the_authors_voice_is_kept_and_no_subheading_is_taken():
    opening = (f"{P1} Below, we sum up what the judges said and what it means for you as a "
               "reader of online reviews.")
    result = cleaned(f"{opening}\nWhat the judges said\n{P2}\nWhat follows\n{P3}")
    assert result.headline is None
    assert body(result) == [opening, "What the judges said", P2, "What follows", P3]


def test_a_site_notice_at_the_top_is_not_where_the_article_begins():
    consent = ("We would like to use cookies and similar techniques on our website to measure "
               "your visits and show you offers that suit you.")
    more = ("If you click on this banner you agree to the tracking, and you can withdraw your "
            "consent at any time in the settings.")
    result = cleaned(f"{consent}\n{more}\n| 10:45\nPlatform liable after second notice\n{P1}\n{P2}")
    assert result.headline.text == "Platform liable after second notice"
    assert consent not in body(result) and more not in body(result)


def test_an_about_block_at_the_foot_goes():
    text = (f"Platform liable after second notice\n{P1}\n{P2}\n{P3}\nAbout Lindenfeld Bakeries\n"
            "Lindenfeld Bakeries is a chain of forty shops in the north with 900 people.\n"
            "Lindenfeld Bakeries was founded in 1921.")
    result = cleaned(text)
    assert body(result) == ["Platform liable after second notice", P1, P2, P3]
    assert {r.rule for r in result.removals} == {"about-publisher"}


def test_a_heading_about_something_in_the_middle_of_the_text_stays():
    text = (f"Platform liable after second notice\n{P1}\nAbout the ruling\n{P2}\n{P3}\n{P1}")
    assert "About the ruling" in body(cleaned(text))


@pytest.mark.parametrize("line", [
    "Image showing a judge's gavel on a desk",
    "Sie sehen einen Gerichtssaal mit drei Richtern und einer Akte.",
    "Foto von einem Gerichtssaal in Lindenfeld",
    "The trophy of the association on display in the hall. © Example Association",
])
def test_alt_texts_and_captions_with_their_credit_go(line):
    result = cleaned(f"Platform liable after second notice\n{P1}\n{line}\n{P2}\n{P3}")
    assert line not in body(result)
    assert rules(result)[line] == "caption"


def test_a_caption_shown_twice_once_behind_its_credit_goes_both_times():
    caption = "The baker in front of his shop in Lindenfeld, where the reviews were written."
    result = cleaned(f"Platform liable after second notice\n{P1}\n{caption}\n"
                     f"Example Agency/Jane Doe {caption}\n{P2}\n{P3}")
    assert body(result) == ["Platform liable after second notice", P1, P2, P3]


def test_an_advert_announced_by_its_label_goes_but_a_subheading_after_it_stays():
    advert = cleaned(f"Plattform haftet nach zweitem Hinweis\n{D1}\nAnzeige\n"
                     f"Messe 2027: Jetzt Ticket sichern und sparen\n{D2}", lang="de")
    assert rules(advert)["Messe 2027: Jetzt Ticket sichern und sparen"] == "advert"
    subheading = cleaned(f"Plattform haftet nach zweitem Hinweis\n{D1}\nAnzeige\n"
                         f"Was die Richter jetzt verlangen\n{D2}", lang="de")
    assert "Was die Richter jetzt verlangen" in body(subheading)


def test_a_consent_notice_that_assumes_consent_goes_with_its_button():
    text = (f"Platform liable after second notice\n{P1}\n{P2}\n"
            "This website uses cookies. If you continue to use it, we assume you agree.\nOK")
    assert body(cleaned(text)) == ["Platform liable after second notice", P1, P2]


def test_a_named_caption_under_the_headline_goes_but_a_standfirst_stays():
    standfirst = "Lindenfeld judges set a high bar for platforms that host reviews"
    result = cleaned(f"Platform liable after second notice\nMeyer: Posts were never checked\n"
                     f"{standfirst}\n{P1}\n{P2}")
    assert rules(result)["Meyer: Posts were never checked"] == "head-label"
    assert standfirst in body(result)


def test_a_chronology_and_a_subheading_after_a_gap_stay():
    text = (f"Platform liable after second notice\n{P1}\nImage: Example Agency\nAdvertisement\n"
            f"Share\nPrint\nWhat happens next\n{P2}\n12.03.2026 – appeal lodged\n"
            "30.04.2026 – hearing set")
    result = cleaned(text)
    assert body(result) == ["Platform liable after second notice", P1, "What happens next", P2,
                            "12.03.2026 – appeal lodged", "30.04.2026 – hearing set"]


def test_a_short_alt_text_above_a_photo_credit_goes_but_a_subheading_there_stays():
    text = (f"Platform liable after second notice\n{P1}\nBakery storefront\nPic: Example Agency\n"
            f"{P2}\nWhat follows now\nPic: Example Agency\n{P3}")
    result = cleaned(text)
    assert rules(result)["Bakery storefront"] == rules(result)["Pic: Example Agency"] == "caption"
    assert "What follows now" in body(result)



def test_a_linked_articles_headline_above_its_photo_credit_goes_but_a_sentence_case_one_stays():
    teaser = "Bakers' Guild And City Council Launch Review Watch Program"
    subheading = "What the guild and the council plan for next spring"
    text = (f"Platform liable after second notice\n{P1}\n{teaser}\nPhoto by Jane Doe on Example\n"
            f"{P2}\n{subheading}\nPhoto by Jane Doe on Example\n{P3}")
    result = cleaned(text)
    assert rules(result)[teaser] == "caption"
    assert subheading in body(result)
    german_subheading = "Was die Bäcker und der Stadtrat im Frühjahr planen"
    german = cleaned(f"Plattform haftet nach zweitem Hinweis\n{D1}\n{german_subheading}\n"
                     f"Foto: Beispielagentur\n{D2}", lang="de")
    assert german_subheading in body(german)

@pytest.mark.parametrize(("text", "expected"), [
    ("We will move our newsletter next month.", True),
    ("Until then you can still subscribe.", True),
    ("Solange können Sie sich noch anmelden.", True),
    ("“We will appeal,” the company said on Monday.", False),
    ("The US court ruled for the bakery.", False),
    ("Sie wiesen die Klage ab.", False),
])
def test_who_talks_to_the_reader(text, expected):
    assert talks_to_reader(text) is expected
