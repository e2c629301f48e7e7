"""Article text is data: whatever it holds renders as the literal text it was."""

from __future__ import annotations

import html
import posixpath
import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import scaffold_markdown
from microsite import render_study
from microsite.model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Term
from microsite.render import escape, escape_html
from microsite.render_common import relpath
from microsite.render_study import _WORD, Tooltips, _whole_word_in, _words_in
from microsite.textutil import prose_words

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


# --- Tooltips: each page ends with the definitions of the terms it names --------------------

TERMS = (
    Term(label="self-esteem", key=("self", "esteem"), forms=("self-esteem", "Self-esteem"),
         page="a.md", anchor="self-esteem", definition="Self-esteem is how you see yourself."),
    Term(label="low self-esteem", key=("low", "self", "esteem"), forms=("low self-esteem",),
         page="a.md", anchor="low", definition="Low self-esteem plays a role."),
    Term(label="CBT", key=("cbt",), forms=("CBT",), page="b.md", anchor="",
         expansion="Cognitive-behavioral therapy", definition="CBT helps."),
    Term(label="attachment", key=("attach",), forms=("attachment", "attachments"), page="b.md",
         anchor="attachment", definition="Attachment forms early."),
    Term(label="chase", key=("chase",), forms=("chase",), page="c.md", anchor="chase",
         definition=""),  # no explanation: no tooltip
)
WORDS = ["self-esteem", "Self-esteem", "low self-esteem", "self", "esteem", "low", "CBT",
         "CBTs", "cbt", "attachment", "attachments", "Attachment", "chase", "x_CBT", "é",
         "selfesteem", "-", "_", ".", ",", "(", ")", "`", "*", "lowself-esteem"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from(["", " ", "-", "_", "\n\n"]), min_size=25, max_size=25))
def test_a_page_gets_the_tooltips_the_whole_glossary_would_give_it(
        words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False)) + "\n"
    everything = Tooltips(TERMS)
    every_line = [block for line in everything.lines.values() for block in ("", line)]
    mine = everything.for_page(text)
    assert set(mine) <= set(every_line)
    # a large glossary's way (the page's words looked up) finds the same
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_study, "_FEW_WORDS", 0)
        assert everything.for_page(text) == mine
    markdown = scaffold_markdown()
    whole = markdown.convert("\n".join([text, *every_line]))
    markdown.reset()
    assert markdown.convert("\n".join([text, *mine])) == whole


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_é1 -.\n")), max_size=30),
       st.sampled_from(["a", "ab", "a b", "a-b", "é1", "b_a"]))
def test_whole_word_search_is_the_regex_word_boundary(text: str, form: str) -> None:
    # \b, except that an underscore bounds a word too (it may be emphasis, gone once rendered)
    expected = re.search(rf"(?<![^\W_]){re.escape(form)}(?![^\W_])", text) is not None
    assert _whole_word_in(form, text) is expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_é1²½٣中 -’'.,\t\n\u00a0\u2003")), max_size=30))
def test_words_of_a_page_are_the_regex_words(text: str) -> None:
    assert _words_in(text) == set(_WORD.findall(text))


_PARTS = st.sampled_from(["a", "b", "c.md", "index.md", ".", ".."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=4), st.lists(_PARTS, max_size=3))
def test_links_between_pages_are_posixpaths_relpath(to: list[str], at: list[str]) -> None:
    path, start = "/".join(to), "/".join(at) or "."
    assert relpath.__wrapped__(path, start) == posixpath.relpath(path, start)


_PROSE = st.text(alphabet=st.sampled_from(list("ab1 -’\t\n\u00a0\u2003")), max_size=20)
_BLOCKS = st.lists(st.one_of(
    st.builds(Paragraph, _PROSE), st.builds(Quote, _PROSE),
    st.builds(ListBlock, st.lists(_PROSE, max_size=3).map(tuple)),
    st.builds(Heading, _PROSE, st.just(3)), st.builds(Figure, _PROSE, _PROSE)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_BLOCKS)
def test_words_counted_once_a_text_are_prose_words(blocks: list[Block]) -> None:
    assert prose_words(blocks) == _words_of(blocks)
    assert prose_words(blocks) == _words_of(blocks)  # from the cache


def _words_of(blocks: list[Block]) -> int:
    """Words of prose counted plainly, each text split afresh."""
    texts = [b.text for b in blocks if isinstance(b, (Paragraph, Quote))]
    texts += [item for b in blocks if isinstance(b, ListBlock) for item in b.items]
    return sum(len(text.split()) for text in texts)


def test_only_the_terms_a_page_names_are_defined_on_it() -> None:
    lines = [line for line in Tooltips(TERMS).for_page("Some low self-esteem, and CBT.\n") if line]
    assert lines == ["*[self-esteem]: In this article: Self-esteem is how you see yourself.",
                     "*[low self-esteem]: In this article: Low self-esteem plays a role.",
                     "*[CBT]: Cognitive-behavioral therapy. In this article: CBT helps."]
    assert Tooltips(TERMS).for_page("Nothing to see; a chase.\n") == []


# --- Front matter and nav: YAML written without PyYAML's emitter reads back the same ---------

YAML_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(
        list("aZé 1:#-?!&*'\"[]{},|>%@`~…’“\\\t\n\x85\u2028\ufeff🌎"))),
    st.sampled_from(["yes", "No", "TRUE", "off", "null", "~", "", " lead", "trail ", "1.5",
                     "2024-01-01", "0x1F", "1:20", "- item", "? key", "a: b", "a #b", "<<",
                     "=", ".inf", "Home", "Attachment Styles", "Don't stop", "y", "N"]))


@settings(max_examples=600)
@given(YAML_TEXT)
def test_yaml_scalars_read_back_as_the_same_string(text: str) -> None:
    import yaml

    from microsite.escape import yaml_scalar

    scalar = yaml_scalar(text)
    assert "\n" not in scalar
    assert yaml.safe_load(f"key: {scalar}\n") == {"key": text}
    assert yaml.safe_load(f"- {scalar}: {scalar}\n") == [{text: text}]


def test_ordinary_titles_stay_plain_yaml() -> None:
    from microsite.escape import yaml_scalar

    for title in ("Attachment Styles", "Low Self-Esteem", "Why We Run, and Why We Stay",
                  "Trust &amp; safety", "Is it love?", "Don’t wait…"):
        assert yaml_scalar(title) == title
    assert yaml_scalar("Yes") == '"Yes"'
    assert yaml_scalar("Why: a story") == '"Why: a story"'


def test_the_nav_and_front_matter_are_the_yaml_they_mean() -> None:
    import yaml

    from microsite.model import NavItem
    from microsite.render import render_nav

    nav = (NavItem("Home", "index.md"),
           NavItem("Part: one", "part/index.md", children=(
               NavItem("Part: one", "part/index.md"), NavItem("No", "part/no.md"),
               NavItem("Deeper", "part/deeper/index.md", children=(
                   NavItem("Deeper", "part/deeper/index.md"),
                   NavItem("🌎 & <b>", "part/deeper/x.md"))))))
    assert yaml.safe_load(render_nav(nav)) == {"nav": [
        {"Home": "index.md"},
        {"Part: one": ["part/index.md", {"No": "part/no.md"},
                       {"Deeper": ["part/deeper/index.md",
                                   {"🌎 &amp; &lt;b&gt;": "part/deeper/x.md"}]}]}]}


# --- The map of ideas: its own wrapping and numbers are textwrap's and float formatting's ----

@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab-’ \t\n\u00a0\u2003")), max_size=40),
       st.integers(min_value=8, max_value=24))
def test_map_titles_wrap_as_textwrap_wraps_them(title: str, width: int) -> None:
    from microsite.render_map import _wrap

    assert _wrap(title, width) == textwrap.wrap(title, width, break_on_hyphens=False)
    words = " ".join(title.split())
    assert _wrap(words, width) == textwrap.wrap(words, width, break_on_hyphens=False)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.floats(), st.integers(min_value=-10**20, max_value=10**20),
                 st.integers(min_value=-4000, max_value=4000).map(lambda n: n / 4)))
def test_map_numbers_are_their_one_decimal_stripped(value: float) -> None:
    from microsite.render_map import _n

    assert _n(value) == f"{value:.1f}".rstrip("0").rstrip(".")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("\\`*_{}[]#&<>|~^$ a’\x00\ud800")),
                                  st.characters())))
def test_inline_escaping_is_each_character_replaced_at_once(text: str) -> None:
    from microsite.escape import _INLINE, escape_inline

    every = re.compile("|".join(re.escape(c) for c in _INLINE))
    assert escape_inline(text) == every.sub(lambda match: _INLINE[match.group(0)], text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("-+=:!?.1٣²½a ")), st.characters()),
               max_size=6))
def test_line_start_escaping_checks_first_then_escapes_as_the_regex(line: str) -> None:
    from microsite.escape import _LINE_START, _escape_start, escape_start

    assert escape_start(line) == _LINE_START.sub(_escape_start, line, count=1)


_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_no_white_space_but_the_space_is_printable() -> None:
    assert [c for c in _SPACES if c.isprintable()] == [" "]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from([*_SPACES, "a", "’", "\x00", "\xad"]),
                                  st.characters())))
def test_one_line_is_the_words_between_single_spaces(text: str) -> None:
    from microsite.escape import one_line

    assert one_line(text) == " ".join(text.split())
