"""Table-driven tests of the first stages on small inputs: `read_bytes`, `clean`, `is_title_case`.

Each table row is one input and the blocks (or answer) a careful reader expects. Rows that the
current rules get wrong stay in the table as strict xfails with the reason, so the table shows
both what works and what does not yet; a fixed rule turns its row into a failure until the mark
is removed.
"""

from __future__ import annotations

import codecs
import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microsite.clean import clean
from microsite.errors import InputError
from microsite.model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Source
from microsite.outline import is_title_case
from microsite.read import read_bytes


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# --- read_bytes: bytes in, blocks out ----------------------------------------------------------

PROSE = (
    "The allotment committee met on a wet evening to talk about the waiting list, which had"
    " grown to more than sixty names over the winter. Most of the people on it live in the"
    " flats by the station and have no garden of their own, so the committee agreed to split"
    " four of the largest plots in half and to offer the new half-plots first to anyone who"
    " has waited longer than two years."
)
WRAPPED_72 = textwrap.fill(PROSE, 72)  # six lines, broken inside sentences


def para(text: str) -> Paragraph:
    """A paragraph given as a single line of its own."""
    return Paragraph(text=text, standalone=True)


READ_CASES = [
    pytest.param(b"Just one line of text.", (para("Just one line of text."),), id="single-line"),
    pytest.param(WRAPPED_72.encode(), (Paragraph(text=PROSE),), id="wrapped-at-72-columns"),
    pytest.param(
        b"Roots of a tomato seedling spreading through dark compost\n"
        b"Healthy roots after three weeks",
        (Figure(alt="Roots of a tomato seedling spreading through dark compost",
                caption="Healthy roots after three weeks"),),
        id="figure-alt-then-caption",
    ),
    pytest.param(
        b"- a kitchen scale\n- a large bowl\n- a lidded pot",
        (ListBlock(items=("a kitchen scale", "a large bowl", "a lidded pot")),),
        id="marked-list",
    ),
    pytest.param(
        b"- flour with plenty\n  of protein\n- water",
        (ListBlock(items=("flour with plenty of protein", "water")),),
        id="marked-list-indented-continuation",
    ),
    pytest.param(
        b"1. Mix the dough.\n2. Let it rise.\n3. Bake it.",
        (ListBlock(items=("Mix the dough.", "Let it rise.", "Bake it."), ordered=True),),
        id="numbered-list",
    ),
    pytest.param(
        b"Rent or mortgage\nCouncil tax\nGas and electricity",
        (ListBlock(items=("Rent or mortgage", "Council tax", "Gas and electricity")),),
        id="unmarked-run-of-short-lines",
    ),
    pytest.param(
        b"You will need:\n- flour\n- water",
        (para("You will need:"), ListBlock(items=("flour", "water"))),
        id="colon-line-over-marked-list",
    ),
    pytest.param(
        b"> The best time to plant a tree\n> was twenty years ago.",
        (Quote(text="The best time to plant a tree was twenty years ago."),),
        id="quote-lines",
    ),
    pytest.param(
        b"## Soil\n\nDig in compost.\n\n### Clay ##\n\nAdd grit.",
        (Heading(text="Soil", level=2), para("Dig in compost."),
         Heading(text="Clay", level=3), para("Add grit.")),
        id="atx-headings",
    ),
    pytest.param(
        b"Bread Basics\n============\n\nFlour, water, salt.",
        (Heading(text="Bread Basics", level=1), para("Flour, water, salt.")),
        id="setext-equals-underline",
    ),
    pytest.param(
        b"Starters\n--------\n\nFeed it daily.",
        (Heading(text="Starters", level=2), para("Feed it daily.")),
        id="setext-dash-underline",
    ),
    pytest.param(
        b"First line.\r\n\r\nSecond line.\r\n",
        (para("First line."), para("Second line.")),
        id="crlf-line-endings",
    ),
    pytest.param(
        b"First line.\r\rSecond line.\r",
        (para("First line."), para("Second line.")),
        id="cr-line-endings",
    ),
    pytest.param(
        codecs.BOM_UTF8 + "Café au lait.".encode(),
        (para("Café au lait."),),
        id="utf8-bom",
    ),
    pytest.param(
        codecs.BOM_UTF16_LE + "Crème brûlée.\n\nSecond paragraph.".encode("utf-16-le"),
        (para("Crème brûlée."), para("Second paragraph.")),
        id="utf16-le-bom",
    ),
    pytest.param(
        codecs.BOM_UTF16_BE + "Crème brûlée.".encode("utf-16-be"),
        (para("Crème brûlée."),),
        id="utf16-be-bom",
    ),
    pytest.param(b"caf\xe9", (para("café"),), id="cp1252-e-acute"),
    pytest.param(b"\x93Quoted\x94 text", (para("“Quoted” text"),), id="cp1252-smart-quotes"),
    # bytes that are not UTF-8: charset-normalizer's guess, Windows-1252 where it ties
    pytest.param("Crème brûlée costs 5 € at the café; “naïve” Zoë said so.".encode("cp1252"),
                 (para("Crème brûlée costs 5 € at the café; “naïve” Zoë said so."),),
                 id="cp1252-western-not-central-european"),
    pytest.param("Привет, как дела? Это текст на русском языке, и он довольно длинный."
                 .encode("cp1251"),
                 (para("Привет, как дела? Это текст на русском языке, и он довольно длинный."),),
                 id="cp1251-cyrillic"),
    pytest.param("Καλημέρα, αυτό είναι ένα κείμενο στα ελληνικά για δοκιμή.".encode("cp1253"),
                 (para("Καλημέρα, αυτό είναι ένα κείμενο στα ελληνικά για δοκιμή."),),
                 id="cp1253-greek"),
    pytest.param("日本語のテキストです。これはテストです。".encode("shift_jis"),
                 (para("日本語のテキストです。これはテストです。"),), id="shift-jis"),
    pytest.param("这是中文文本。这是一个测试。".encode("utf-16-le"),
                 (para("这是中文文本。这是一个测试。"),), id="utf16-cjk-without-bom"),
    pytest.param(
        b"First part.\n* * *\nSecond part.",
        (para("First part."), para("Second part.")),
        id="horizontal-rule-separates",
    ),
    pytest.param(
        "First part.\n\u00a0\nSecond part.".encode(),
        (para("First part."), para("Second part.")),
        id="nbsp-only-line-is-blank",
    ),
    # --- hard cases: breaks mid-sentence, colon lines, numbered lines, BOM-less UTF-16 ---
    pytest.param(
        b"Fixed costs usually include:\nRent\nCouncil tax\nWater",
        (para("Fixed costs usually include:"), ListBlock(items=("Rent", "Council tax", "Water"))),
        id="colon-line-over-unmarked-run",
    ),
    pytest.param(
        b"The train left at dawn and we rode north past\n"
        b"Leeds and York before the rain finally stopped in\n"
        b"March, or so it felt.",
        (Paragraph(text="The train left at dawn and we rode north past Leeds and York before"
                        " the rain finally stopped in March, or so it felt."),),
        id="wrapped-prose-breaking-before-capitals",
    ),
    pytest.param(
        b"We packed the tent, the stove and two days of food,\n"
        b"and set off up the valley before anyone else was awake.",
        (Paragraph(text="We packed the tent, the stove and two days of food, and set off up the"
                        " valley before anyone else was awake."),),
        id="wrapped-prose-breaking-after-comma",
    ),
    pytest.param(
        b"1. Choose the Right Pot\n\nA bigger pot dries out more slowly.",
        (para("1. Choose the Right Pot"), para("A bigger pot dries out more slowly.")),
        id="numbered-heading-line",
    ),
    pytest.param(
        "Crème brûlée.".encode("utf-16-le"),
        (para("Crème brûlée."),),
        id="utf16-le-without-bom",
    ),
    # --- lines that look marked but are not headings or lists ---
    pytest.param(
        b"# total_length([\"red\", \"blue\"]) => 7\ndef total_length(words):\n    return 0",
        (Paragraph(text='# total_length(["red", "blue"]) => 7 def total_length(words): return 0'),),
        id="code-comment-is-no-heading",
    ),
    pytest.param(
        b"# Notes\nKeep them short.",
        (Heading(text="Notes", level=1), para("Keep them short.")),
        id="atx-heading-over-text",
    ),
    pytest.param(
        "We meet on Thursdays.\n\n\u2014 the organisers".encode(),
        (para("We meet on Thursdays."), para("\u2014 the organisers")),
        id="quote-credit-line-is-no-list",
    ),
    pytest.param(
        PROSE.encode() + b"\n" + PROSE.encode() + b"\nDid we mention the law?",
        (para(PROSE), para(PROSE), Paragraph(text="Did we mention the law?")),
        id="last-line-of-a-run-heads-nothing",
    ),
    pytest.param(
        b"A screenshot of the allotment waiting list page\n"
        b"The page lists sixty names and reads at a seventh-grade level.",
        (Figure(alt="A screenshot of the allotment waiting list page",
                caption="The page lists sixty names and reads at a seventh-grade level."),),
        id="figure-with-sentence-caption",
    ),
    pytest.param(
        b"Warming stripes, by a climate scientist.\nWarming stripes, by a climate scientist.",
        (Figure(alt="Warming stripes, by a climate scientist.",
                caption="Warming stripes, by a climate scientist."),),
        id="figure-repeating-its-alt-text",
    ),
]


@pytest.mark.parametrize(("data", "expected"), READ_CASES)
def test_read_bytes_blocks(data: bytes, expected: tuple[Block, ...]) -> None:
    source = read_bytes("article.txt", data)
    assert source.name == "article.txt"
    assert source.blocks == expected


READ_ERRORS = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"  \n\t\n\r\n", "empty", id="whitespace-only"),
    pytest.param("\u00a0\n\u00a0\n".encode(), "empty", id="nbsp-only"),
    pytest.param(b"* * *\n- - -\n", "no text", id="rules-only"),
    pytest.param(b"abc\x00def", "NUL", id="nul-byte"),
    pytest.param(codecs.BOM_UTF8 + b"abc\x00def", "NUL", id="nul-char-after-bom"),
]


@pytest.mark.parametrize(("data", "says"), READ_ERRORS)
def test_read_bytes_rejects(data: bytes, says: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes("my-notes.txt", data)
    message = str(caught.value)
    assert message.startswith("my-notes.txt")
    assert says in message
    assert "\n" not in message  # one line on stderr, as the CLI contract says


# --- clean: scrape boilerplate ------------------------------------------------------------------

LONG = para(
    "The first real paragraph of the article runs on for well over twenty words, as prose"
    " does, so that no reasonable rule could mistake it for a button or a link."
)
LATER = para(
    "A later paragraph, just as long, sits in the middle of the article and is followed by"
    " more of the same kind of prose until the article ends."
)

CLEAN_CASES = [
    pytest.param(
        (para("top of page"), para("Skip to content"), para("A Title"), LONG),
        (para("A Title"), LONG), ("top of page", "Skip to content"),
        id="anchors-and-skip-link-at-start",
    ),
    pytest.param(
        (LONG, para("Share this post"), para("Comments"), para("Write a comment..."),
         para("bottom of page")),
        (LONG,), ("Share this post", "Comments", "Write a comment...", "bottom of page"),
        id="share-comments-at-end",
    ),
    pytest.param(
        (LONG, para("Comments"), LATER),
        (LONG, para("Comments"), LATER), (),
        id="comments-in-the-middle-kept",
    ),
    pytest.param(
        (LONG, para("Home"), LATER),
        (LONG, para("Home"), LATER), (),
        id="nav-word-in-the-middle-kept",
    ),
    pytest.param(
        (LONG, para("Share this post"), LATER),
        (LONG, LATER), ("Share this post",),
        id="share-button-in-the-middle-dropped",
    ),
    pytest.param(
        (para("Log In"), para("A Title"), para("Updated: Mar 14"), para("5 min read"), LONG),
        (para("A Title"), LONG), ("Log In", "Updated: Mar 14", "5 min read"),
        id="post-metadata-at-start",
    ),
    pytest.param(
        (ListBlock(items=("Home", "Blog", "About")), LONG),
        (LONG,), ("Home", "Blog", "About"),
        id="nav-list-at-start",
    ),
    pytest.param(
        (LONG, ListBlock(items=("Home", "Recipes", "Contact"))),
        (LONG, ListBlock(items=("Home", "Recipes", "Contact"))), (),
        id="list-with-real-items-kept",
    ),
    pytest.param(
        (LONG, para("Share this recipe with a friend who bakes, and tell us how it went.")),
        (LONG, para("Share this recipe with a friend who bakes, and tell us how it went.")), (),
        id="sentence-starting-with-share-kept",
    ),
    pytest.param(
        (LONG, Paragraph(text="Comments"), LATER),
        (LONG, Paragraph(text="Comments"), LATER), (),
        id="comments-inside-wrapped-prose-kept",
    ),
    pytest.param(
        (LONG, para("Print"), LATER),
        (LONG, para("Print"), LATER), (),
        id="real-heading-print-in-the-middle",
    ),
]


@pytest.mark.parametrize(("blocks", "kept", "dropped"), CLEAN_CASES)
def test_clean(blocks: tuple[Block, ...], kept: tuple[Block, ...],
               dropped: tuple[str, ...]) -> None:
    cleaned = clean(Source(name="article.txt", blocks=blocks))
    assert cleaned.blocks == kept
    assert cleaned.dropped == dropped
    assert cleaned.name == "article.txt"


def test_clean_keeps_what_was_dropped_before() -> None:
    source = Source(name="a.txt", blocks=(para("top of page"), LONG), dropped=("earlier",))
    assert clean(source).dropped == ("earlier", "top of page")


# --- is_title_case ------------------------------------------------------------------------------

TITLE_CASE_CASES = [
    pytest.param("The Thrill of the Chase", True, id="minor-words-lower"),
    pytest.param("Fear of Intimacy", True, id="short"),
    pytest.param("Self-Reflection and Awareness", True, id="hyphenated"),
    pytest.param("What Are the Perseids?", True, id="question"),
    pytest.param("Part One: Origins", True, id="colon-inside"),
    pytest.param("NASA and the ESA", True, id="acronyms"),
    pytest.param("2024 Budget Review", True, id="leading-number"),
    pytest.param("iPhone Photography Tips", True, id="one-camel-case-word"),
    pytest.param("Baking without Eggs", True, id="chicago-style-long-preposition"),
    pytest.param("How to store flour", False, id="sentence-case"),
    pytest.param("here are the steps:", False, id="lower-case"),
    pytest.param("Breaking the cycle", False, id="one-of-two-capitalised"),
    pytest.param("and of the", False, id="only-minor-words"),
    pytest.param("", False, id="empty"),
    pytest.param("— …", False, id="no-words"),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_CASE_CASES)
def test_is_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x85\xa0\u2028\u3000ab.é")))
def test_fold_is_the_whitespace_regex(text: str) -> None:
    """The readers fold white space with `one_line`, as the regex they once used did."""
    from microsite.escape import one_line as _fold

    assert _fold(text) == re.sub(r"\s+", " ", text).strip()
