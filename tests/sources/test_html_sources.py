"""Pages saved from the browser: the article's text and what the markup states, each with where
it came from; furniture, scripts and markup gone; editor keys from a sidecar still win."""

from __future__ import annotations

import datetime as dt

import pytest

from made_sources import LABELS, SOURCES, check_furniture, plain
from pressroom.pages.html_text import Headings
from pressroom.pages.story_html import body_html
from pressroom.problems import Severity
from pressroom.sources.formats import read_sources
from pressroom.sources.ingest import ingest, process
from pressroom.sources.source_cache import SourceCache

PAGES = [name for name in LABELS if name.endswith(".html")]


def _errors(outcome):
    return [problem for problem in outcome.problems if problem.severity is Severity.ERROR]


@pytest.mark.parametrize("name", PAGES)
def test_the_article_is_kept_and_the_furniture_is_gone(name):
    outcome = process(SOURCES / name)
    assert outcome.status == "published", outcome.problems
    body = plain("\n".join(line.text for line in outcome.article.body))
    for fragment in LABELS[name]["kept"]:
        assert plain(fragment) in body, fragment
    check_furniture(body, LABELS[name])


@pytest.mark.parametrize("name", PAGES)
def test_headline_date_publisher_author_language_and_address_are_found(name):
    article = process(SOURCES / name).article
    fields = article.fields()
    for field, expected in LABELS[name]["fields"].items():
        assert field in fields, field
        assert str(fields[field].value) == str(expected), field
        assert fields[field].provenance.origin != "none", field


def test_every_field_says_which_markup_it_came_from():
    article = process(SOURCES / "news_en.html").article
    assert str(article.title.provenance) == "JSON-LD NewsArticle.headline (line 18)"
    assert str(article.date.provenance) == "JSON-LD NewsArticle.datePublished (line 18)"
    assert article.publisher.provenance.detail == "JSON-LD NewsArticle.publisher"
    # The canonical link is the page's own word on its address (og:url carries a tracker).
    assert article.source_url_from.detail == "<link rel=canonical>"
    assert article.published == dt.date(2025, 3, 12)
    law = process(SOURCES / "lawfirm_en.html").article
    assert law.title.provenance.detail == "Open Graph og:title"
    assert law.date.provenance.detail == "<time datetime> in the article"
    assert law.author.provenance.detail == "<meta name=author>"
    # A relative canonical link is resolved against the page's own absolute address.
    assert law.source_url == "https://brandner-osei.example/insights/norvane-injunction"


def test_a_page_without_markup_for_a_field_falls_back_on_the_text_rules():
    article = process(SOURCES / "lawfirm_de.html").article
    assert article.title.provenance.detail == "<h1> of the article"
    # The date stands only in the press release's first sentence: the text's rule finds it.
    assert article.date.value == dt.date(2025, 3, 18)
    assert article.date.provenance.origin == "rule"


def test_the_charset_the_markup_declares_is_read_and_said():
    outcome = process(SOURCES / "news_de.html")
    assert outcome.source.encoding == "cp1252"
    assert "Norvane begrüßte die Entscheidung." in outcome.cleaned.text
    assert outcome.source.format == "html"
    notes = [p.message for p in outcome.problems if p.severity is Severity.NOTE]
    assert any("JSON-LD block on line 21 is not valid JSON" in message for message in notes)


def test_a_wrong_charset_declaration_is_a_warning_and_the_text_still_right(write):
    page = (LABELS_PAGE.replace("CHARSET", "utf-8")).encode("cp1252")
    outcome = process(write("wrong.html", page))
    assert outcome.status == "published"
    warned = [p.message for p in outcome.problems if p.severity is Severity.WARNING]
    assert any("declares utf-8, but byte" in message and "cp1252" in message
               for message in warned)
    assert "Gerichtsvollzieher übergab" in outcome.cleaned.text


def test_an_unknown_charset_is_a_warning(write):
    outcome = process(write("odd.html", LABELS_PAGE.replace("CHARSET", "x-unheard-of")))
    warned = [p.message for p in outcome.problems if p.severity is Severity.WARNING]
    assert any("'x-unheard-of', which is not known" in message for message in warned)
    assert "Gerichtsvollzieher übergab" in outcome.cleaned.text


# A German page of one article, its charset to fill in.
LABELS_PAGE = """<!doctype html><html lang="de"><head><meta charset="CHARSET">
<title>Zustellung im Verfahren gegen den Betreiber eines Bewertungsportals</title></head>
<body><nav><a href="/">Start</a> <a href="/recht">Recht</a></nav><article>
<h1>Zustellung im Verfahren gegen den Betreiber eines Bewertungsportals</h1>
<p>Der Gerichtsvollzieher übergab die einstweilige Verfügung am Montag in den Räumen des
Portalbetreibers, wie eine Sprecherin des Amtsgerichts Ulmenau bestätigte.</p>
<p>Der Betreiber muss die beanstandeten Bewertungen binnen drei Tagen löschen, andernfalls droht
ein Ordnungsgeld. Er hat angekündigt, Widerspruch einzulegen.</p></article></body></html>
"""


def test_no_script_style_or_markup_of_the_page_reaches_the_article(write):
    page = """<!doctype html><html lang="en"><head><title>Fines upheld for a review site</title>
<style>p{color:red}</style><script>steal(document.cookie)</script></head><body>
<article><h1>Fines upheld for a review site</h1>
<p onclick="steal()">The appeal court upheld the fines against the review site, which had kept
publishing reviews it knew to be invented, the court's spokesman said on Friday.</p>
<script>document.write('<p>injected paragraph</p>')</script>
<iframe src="https://tracker.example/frame"></iframe>
<p>The site must pay 12,000 euros. Its owner wrote that a tag like &lt;script&gt; in a review had
never run on the site, and that the court had misread the evidence.</p>
<p style="display:none">Hidden text the reader never sees ends here.</p>
</article></body></html>"""
    outcome = process(write("scripted.html", page))
    text = outcome.cleaned.text
    for piece in ("steal", "color:red", "injected paragraph", "tracker.example", "onclick"):
        assert piece not in text
    assert "a tag like <script> in a review" in text  # text that names a tag is text
    rendered = "\n".join(body_html(outcome.article.body, Headings()))
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


def test_a_page_that_holds_no_article_is_an_error_naming_it(write):
    links = "".join(f'<li><a href="/{n}">Section {n}</a></li>' for n in range(40))
    path = write("menu.html", f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    (problem,) = _errors(process(path))
    assert problem.path == path and "no article found in the page" in problem.message


def test_a_page_that_is_mostly_furniture_is_a_warning_with_the_figures(write):
    teasers = "".join(f'<div class="teaser"><a href="/{n}">Another story about the harbour '
                      f'number {n} and the boats</a><p>Teaser text {n} of a related story on '
                      f'the front page.</p></div>' for n in range(60))
    page = (f"<html lang='en'><body><main>{teasers}<article><h1>Judge lifts ban on a tenant "
            "forum</h1><p>A judge in Marlow lifted the ban on a tenant forum on Monday, finding "
            "that the posts about the landlord were opinions resting on facts the landlord did "
            "not dispute, and that the forum had given him room to reply.</p></article>"
            f"{teasers}</main></body></html>")
    outcome = process(write("busy.html", page))
    warned = [p.message for p in outcome.problems if p.severity is Severity.WARNING]
    assert any(message.startswith("the page is mostly furniture") for message in warned), warned


def test_a_huge_page_is_refused_naming_the_file(write):
    path = write("huge.html", b"<html><body><p>" + b"word " * (2 * 1024 * 1024) + b"</p></body>")
    (problem,) = _errors(process(path))
    assert problem.path == path and "MB are refused" in problem.message


def test_binary_bytes_named_html_are_an_error_never_a_traceback(write):
    path = write("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (problem,) = _errors(process(path))
    assert problem.path == path and "binary" in problem.message


@pytest.mark.parametrize("markup", [
    "<html><body><p>Unclosed <b>bold <i>and <div>nested",
    "<<<>>>&&&;;;<p",
    "<html><head><meta charset='utf-8'><title>x</title>" + "<div>" * 5000,
    "<?xml version='1.0' encoding='latin-1'?><html><body><p>Deklariert als XML.</p></body></html>",
])
def test_broken_markup_is_an_error_or_a_source_never_a_fault(write, markup):
    outcome = process(write("broken.html", markup))
    assert not any("a fault in the press room" in p.message for p in outcome.problems)
    assert outcome.status in ("published", "error")
    if outcome.status == "error":
        assert all(p.path.name == "broken.html" for p in _errors(outcome))


def test_the_markup_language_gives_way_to_a_text_that_is_clearly_another(write):
    page = LABELS_PAGE.replace('lang="de"', 'lang="en"').replace("CHARSET", "utf-8")
    outcome = process(write("mislabelled.html", page))
    assert outcome.article.lang.value == "de"
    warned = [p.message for p in outcome.problems if p.severity is Severity.WARNING]
    assert any("<html lang> says 'en', but the text is 'de'" in message for message in warned)


def test_editor_keys_in_a_sidecar_win_and_say_where_they_stand(write):
    path = write("page.html", (SOURCES / "news_en.html").read_bytes())
    write("page.html.yml", "title: Blogger must delete battery posts\ntags: [Courts]\n")
    article = process(path).article
    assert article.title.value == "Blogger must delete battery posts"
    assert str(article.title.provenance) == "frontmatter (line 1): page.html.yml"
    assert article.date.provenance.detail == "JSON-LD NewsArticle.datePublished"


def test_a_bad_sidecar_is_an_error_naming_the_sidecar_and_its_line(write):
    path = write("page.html", (SOURCES / "news_en.html").read_bytes())
    sidecar = write("page.html.yml", "title: A title\ndate: 2025-02-30\n")
    (problem,) = _errors(process(path))
    assert problem.path == sidecar and problem.line == 2 and "2025-02-30" in problem.message


def test_a_sidecar_that_is_a_link_is_refused_unread(write, tmp_path):
    path = write("page.html", (SOURCES / "news_en.html").read_bytes())
    secret = write("outside/secret.yml", "title: Secret\n")
    (tmp_path / "page.html.yml").symlink_to(secret)
    (problem,) = _errors(process(path))
    assert problem.path.name == "page.html.yml" and "symbolic link" in problem.message


def test_a_sidecar_named_after_the_stem_is_a_warning_saying_the_right_name(write):
    path = write("page.html", (SOURCES / "news_en.html").read_bytes())
    write("page.yml", "title: Not read\n")
    outcome = process(path)
    assert outcome.article.title.value != "Not read"
    assert any("page.html.yml" in p.message for p in outcome.problems
               if p.severity is Severity.WARNING)


def test_a_changed_sidecar_is_a_changed_source_for_the_cache(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_bytes((SOURCES / "news_en.html").read_bytes())
    cache = SourceCache(tmp_path / "cache.pickle")
    first = ingest(seeds, cache=cache)
    cache.next_build()
    (seeds / "page.html.yml").write_text("title: Set by the editor\n", encoding="utf-8")
    second = ingest(seeds, cache=cache)
    assert first.articles[0].title.value != "Set by the editor"
    assert second.articles[0].title.value == "Set by the editor"


def test_reading_a_page_gives_one_source_with_its_format():
    (read,) = read_sources(SOURCES / "lawfirm_en.html")
    assert read.source is not None and read.source.format == "html"
    assert {found.field for found in read.source.found} >= {"title", "publisher", "date"}
