"""No article text becomes markup in the built site: titles, headings, nav and body alike."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import body_text
from microsite.pipeline import build

TITLE = 'Say "hi" <script>alert(1)</script> & {{ config }}'
HEADING = "Why <img src=x onerror=alert(2)> [x](javascript:alert(3)) matters"
ARTICLE = f"""{TITLE}

An introduction with *stars*, `ticks`, <b>bold</b> and &amp; entities that stay as text.

## {HEADING}

!!! note "Injected"

--8<-- "/etc/passwd"

A body line with {{: onclick=alert(4) }} and <!-- a comment --> and | pipes | here.

## Plain Next Heading

Text under the second heading, with {{% include "x" %}} in it.
"""


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.js_links: list[str] = []
        self.images: list[str] = []
        self.script_text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
            self.in_script = True
        if tag == "img":
            self.images.append(str(dict(attrs).get("src")))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if value and value.strip().lower().startswith("javascript:"):
                self.js_links.append(value)

    def handle_endtag(self, tag: str) -> None:
        self.in_script = self.in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text.append(data)


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("nasty")
    source = project / "nasty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    build([source], project)
    return project / "site"


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_no_markup_from_the_article(nasty_site: Path) -> None:
    for page in _pages(nasty_site):
        tags = Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert not tags.handlers, (page, tags.handlers)
        assert not tags.js_links, (page, tags.js_links)
        assert tags.images == [], (page, tags.images)
        # scripts are Material's own: none carries the article's words
        assert not [t for t in tags.script_text if "alert" in t], page
        assert all(s.get("src", "").startswith(("assets/", "../")) or "src" not in s
                   for s in tags.scripts), page


def test_the_article_text_shows_literally(nasty_site: Path) -> None:
    home = (nasty_site / "index.html").read_text(encoding="utf-8")
    text = body_text(home)
    assert TITLE in text
    assert "*stars*, `ticks`, <b>bold</b> and &amp; entities" in text
    heading_page = next(p for p in _pages(nasty_site) if "matters" in p.parent.name)
    page_text = body_text(heading_page.read_text(encoding="utf-8"))
    assert HEADING in page_text
    assert '--8<-- "/etc/passwd"' in page_text  # shown, not included
    assert "root:" not in page_text
    assert "{: onclick=alert(4) }" in page_text and "<!-- a comment -->" in page_text


def test_titles_are_escaped_in_head_header_and_nav(nasty_site: Path) -> None:
    home = (nasty_site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home, re.DOTALL)
    assert title and "<script>" not in title.group(1) and "&lt;script&gt;" in title.group(1)
    assert 'aria-label="Say &quot;hi&quot; &lt;script&gt;' in home  # Material's logo label
    assert "onerror=alert(2)>" not in home.replace("onerror=alert(2)&gt;", "")
