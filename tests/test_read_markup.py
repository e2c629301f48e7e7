"""Markdown input: rendered by Python-Markdown, read back as the same blocks as any format."""

from __future__ import annotations

import pytest

from microsite.errors import InputError
from microsite.model import Figure, Heading, ListBlock, Paragraph, Quote
from microsite.outline import outline
from microsite.read import read_bytes
from microsite.read_markup import read_html_blocks

P = Paragraph


@pytest.mark.parametrize("markdown_text, blocks", [
    ("# Title\n\nText here.", (Heading("Title", 1), P("Text here."))),
    ("---\ntitle: From front matter\n---\n\nText.", (Heading("From front matter", 1), P("Text."))),
    ("## A *styled* `head`\n\nx.", (Heading("A styled head", 2), P("x."))),
    ("Line one\nwrapped on.\n", (P("Line one wrapped on."),)),
    ("- a\n- b\n    1. c\n- d", (ListBlock(("a", "b", "c", "d")),)),
    ("1. one\n2. two", (ListBlock(("one", "two"), ordered=True),)),
    ("- para item\n\n- second item", (ListBlock(("para item", "second item")),)),
    ("> quoted\n> more", (Quote("quoted more"),)),
    ("![alt text here](x.png)", (Figure("alt text here", ""),)),
    ("| a | b |\n|---|---|\n| 1 | 2 |", (P("a | b"), P("1 | 2"))),
    ("Before.\n\n<script>alert(1)</script>\n\nAfter.", (P("Before."), P("After."))),
    ("Tom &amp; Jerry &lt;3", (P("Tom & Jerry <3"),)),
    ("```\ncode line\n```", (P("code line"),)),
])
def test_markdown_blocks(markdown_text: str, blocks: tuple[object, ...]) -> None:
    assert read_bytes("a.md", markdown_text.encode()).blocks == blocks


H = Heading
FRONT = "---\ntitle: From front matter\n---\n\n"


@pytest.mark.parametrize("markdown_text, blocks", [
    pytest.param("# Title\n\nIntro.\n\n# One\n\nA.\n\n## Under one\n\nB.\n\n# Two\n\nC.",
                 (H("Title", 1), P("Intro."), H("One", 2), P("A."), H("Under one", 3), P("B."),
                  H("Two", 2), P("C.")), id="every-section-a-level-1-heading"),
    pytest.param(f"{FRONT}# One\n\nA.\n\n# Two\n\nB.",
                 (H("From front matter", 1), H("One", 2), P("A."), H("Two", 2), P("B.")),
                 id="level-1-sections-under-a-front-matter-title"),
    pytest.param(f"{FRONT}# Another heading\n\nA.",
                 (H("From front matter", 1), H("Another heading", 2), P("A.")),
                 id="front-matter-title-wins-as-in-mkdocs"),
    pytest.param(f"{FRONT}# From Front Matter\n\nA.\n\n# Two\n\nB.",
                 (H("From Front Matter", 1), P("A."), H("Two", 2), P("B.")),
                 id="first-heading-repeats-the-front-matter-title"),
    pytest.param("## First\n\nA.\n\n# One\n\nB.\n\n# Two\n\nC.",
                 (H("First", 2), P("A."), H("One", 1), P("B."), H("Two", 1), P("C.")),
                 id="no-level-1-heading-first-left-to-the-outline"),
    pytest.param("# T\n\n# A\n\n##### Five\n\n###### Six\n\nx.",
                 (H("T", 1), H("A", 2), H("Five", 6), H("Six", 6), P("x.")),
                 id="headings-stop-at-level-6"),
])
def test_markdown_title_and_level_1_sections(markdown_text: str,
                                             blocks: tuple[object, ...]) -> None:
    assert read_bytes("a.md", markdown_text.encode()).blocks == blocks


ALL_LEVEL_1 = ("# Email Etiquette\n\nBe mindful of people's time.\n\n# Before reaching out\n\n"
               "Check the documentation first.\n\n# Reaching out\n\nBe specific.\n\n"
               "## Deadlines\n\nSay when you need it.\n")


def test_an_all_level_1_article_has_its_first_heading_as_title() -> None:
    article = outline(read_bytes("email.md", ALL_LEVEL_1.encode()))
    assert article.title == "Email Etiquette"
    assert [(s.title, s.level) for s in article.walk()] == [
        ("Before reaching out", 2), ("Reaching out", 2), ("Deadlines", 3)]


def test_html_figure_with_caption() -> None:
    html = '<figure><img src="x.png" alt="A heap"><figcaption>Our heap</figcaption></figure>'
    assert read_html_blocks(html) == (Figure("A heap", "Our heap"),)


def test_bad_front_matter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"^a\.md: the front matter"):
        read_bytes("a.md", b"---\ntitle: [unclosed\n---\n\nText.")


def test_html_input_is_read_as_a_web_page() -> None:  # more in test_read_html.py
    assert read_bytes("page.html", b"<html><body><p>x</p></body></html>").blocks == (P("x"),)
