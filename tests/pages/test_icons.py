"""The header's icons: drawn by the stylesheet from the theme's icon files, not in each page."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import material
import pytest

from pressroom.pages.icons import TEMPLATE_ICONS, IconError, IconSheet, icon_class, icons_drawn
from sitebuild import build, make_project

MATERIAL = Path(material.__file__).parent / "templates"


def test_a_page_holds_an_empty_box_with_the_icons_proportions(tmp_path):
    wide = tmp_path / ".icons" / "own" / "wide.svg"
    wide.parent.mkdir(parents=True)
    wide.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 512">'
                    '<path d="M0 0h640v512z"/></svg>')
    sheet = IconSheet(["own/wide", "material/magnify"], [tmp_path, MATERIAL])
    assert sheet.markup("own/wide") == '<svg class="pressroom-icon-own-wide" ' \
                                       'viewBox="0 0 640 512"></svg>'
    assert sheet.markup("material/magnify") == (
        '<svg class="pressroom-icon-material-magnify" viewBox="0 0 24 24"></svg>')


def test_the_stylesheet_carries_each_drawing_as_the_theme_has_it():
    sheet = IconSheet(TEMPLATE_ICONS, [MATERIAL])
    rules = sheet.rules()
    for name in TEMPLATE_ICONS:
        drawing = (MATERIAL / ".icons" / f"{name}.svg").read_bytes()
        encoded = base64.b64encode(drawing).decode("ascii")
        assert f'.{icon_class(name)} {{ --pressroom-icon: url("data:image/svg+xml;base64,' \
               f'{encoded}"); }}' in rules


def test_a_theme_folder_before_the_theme_has_the_last_word(tmp_path):
    own = tmp_path / ".icons" / "material" / "magnify.svg"
    own.parent.mkdir(parents=True)
    own.write_text('<svg viewBox="0 0 10 10"><circle r="5"/></svg>')
    sheet = IconSheet(["material/magnify"], [tmp_path, MATERIAL])
    assert 'viewBox="0 0 10 10"' in sheet.markup("material/magnify")
    assert base64.b64encode(own.read_bytes()).decode("ascii") in sheet.rules()


def test_an_icon_no_theme_folder_has_is_an_error_that_names_it():
    with pytest.raises(IconError, match=r"'material/no-such-icon'.*\.icons/material/no-such-i"):
        IconSheet(["material/no-such-icon"], [MATERIAL])


def test_a_template_asking_for_an_icon_not_in_the_list_is_an_error():
    sheet = IconSheet(TEMPLATE_ICONS, [MATERIAL])
    with pytest.raises(IconError, match="material/account"):
        sheet.markup("material/account")


def test_the_logo_is_drawn_unless_it_is_an_image():
    assert icons_drawn(None, None) == [*TEMPLATE_ICONS, "pressroom/logo"]
    assert icons_drawn(None, "material/newspaper") == [*TEMPLATE_ICONS, "material/newspaper"]
    assert icons_drawn("assets/logo.png", "material/newspaper") == list(TEMPLATE_ICONS)


@pytest.mark.build
def test_pages_have_no_inline_drawing_but_the_menus(seed_site):
    """Of the theme's inline icons only the menu button's is left in a page (the theme's
    header writes it); every other icon box has its rule in the press room's stylesheet."""
    stylesheet = (seed_site / "assets" / "pressroom" / "pressroom.css").read_text()
    page = (seed_site / "en" / "stories" / "xiaomi-secures-legal-victory-against-online-"
            "defamation" / "index.html").read_text(encoding="utf-8")
    drawings = re.findall(r"<svg[^>]*>(.+?)</svg>", page)
    menu = (MATERIAL / ".icons" / "material" / "menu.svg").read_text().strip()
    assert drawings == [re.search(r">(.+)</svg>", menu)[1]]
    boxes = set(re.findall(r'<svg class="(pressroom-icon-[a-z0-9-]+)"', page))
    assert boxes == {icon_class(name) for name in [*TEMPLATE_ICONS, "pressroom/logo"]}
    for box in boxes:
        assert f".{box} {{ --pressroom-icon: url(" in stylesheet
    assert "The search page: the query over facets" in stylesheet  # the file's own rules too


@pytest.mark.build
def test_the_configured_logo_icon_is_the_one_drawn(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  font: false\n", "  font: false\n  icon:\n    logo: material/newspaper\n", 1))
    assert build(project, "--strict").returncode == 0
    page = (project / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert page.count('<svg class="pressroom-icon-material-newspaper"') == 2  # header, drawer
    assert "pressroom-icon-pressroom-logo" not in page


@pytest.mark.build
def test_a_logo_icon_the_theme_lacks_fails_the_build_naming_it(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  font: false\n", "  font: false\n  icon:\n    logo: material/no-such-logo\n", 1))
    result = build(project, "--strict")
    assert result.returncode != 0
    assert "mkdocs.yml (theme.icon.logo): no theme folder has the icon 'material/no-such-logo'" \
        in result.stderr
