"""Article text is data: whatever it holds renders as the literal text it was."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import scaffold_markdown
from microsite.render import escape, escape_html

NASTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://example.com/x.png)",
    "<!-- hidden -->",
    "{: onclick=alert(1) }",
    "!!! note \"Injected\"",
    "??? danger",
    '--8<-- "/etc/passwd"',
    ';--8<-- "/etc/passwd"',
    "{{ config.site_name }} {% include 'x' %}",
    "---",
    "# Not a heading",
    "1. not a list",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "| a | b |",
    "`code` and ``more``",
    "*emphasis* and __strong__ and ~~gone~~ and ==mark== and ^^ins^^",
    "*[HTML]: Hyper Text",
    "[^1]: footnote",
    "Tom & Jerry &amp; &copy; &#60;",
    "\\*escaped\\* and a trailing backslash \\",
    "    indented code",
    "\tTab-indented code",
    "https://example.com/plain-url",
    "$x^2$ and :smile: and ++ctrl+alt++",
    "<div markdown>**bold**</div>",
    "2024. A year to remember",
    "= setext?",
    ": definition",
]


# The glossary file is not appended: only escaping is under test here (the built-site
# tests in test_injection.py run with it).
MD = scaffold_markdown()


def _rendered_text(source: str) -> tuple[str, str]:
    MD.reset()
    out = MD.convert(source)
    inner = re.fullmatch(r"<p>(.*)</p>", out, re.DOTALL)
    assert inner, f"not a single paragraph: {out!r}"
    return inner.group(1), html.unescape(inner.group(1))


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_renders_literally(text: str) -> None:
    markup, shown = _rendered_text(escape(text))
    assert "<" not in markup.replace("&lt;", ""), markup  # no tag of any kind
    assert shown == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'`*_{}[]()#+-.!|~^=:;$%@/\\\n\t aZ09é—")),
               min_size=1).filter(lambda s: s.strip()))
def test_any_text_renders_literally(text: str) -> None:
    markup, shown = _rendered_text(escape(text))
    assert "<" not in markup.replace("&lt;", "")
    assert shown == " ".join(text.split())


@pytest.mark.parametrize("text", ['a "quoted" <b>x</b> & y', "plain"])
def test_escape_html_is_safe_in_attributes(text: str) -> None:
    escaped = escape_html(text)
    assert not set('<>"') & set(escaped)
    assert html.unescape(escaped) == text


def test_escape_keeps_ordinary_prose_readable() -> None:
    text = "Cognitive-behavioral therapy (CBT) helps; it's one's self-worth, 3.5 times: yes?"
    assert escape(text) == text
