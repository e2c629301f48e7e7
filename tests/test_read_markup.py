"""Markdown input: rendered by Python-Markdown, read back as the same blocks as any format."""

from __future__ import annotations

import pytest

from microsite.errors import InputError
from microsite.model import Figure, Heading, ListBlock, Paragraph, Quote
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


def test_html_figure_with_caption() -> None:
    html = '<figure><img src="x.png" alt="A heap"><figcaption>Our heap</figcaption></figure>'
    assert read_html_blocks(html) == (Figure("A heap", "Our heap"),)


def test_bad_front_matter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"^a\.md: the front matter"):
        read_bytes("a.md", b"---\ntitle: [unclosed\n---\n\nText.")


def test_html_input_is_read_as_a_web_page() -> None:  # more in test_read_html.py
    assert read_bytes("page.html", b"<html><body><p>x</p></body></html>").blocks == (P("x"),)
