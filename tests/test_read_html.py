"""Saved web pages: the article's blocks, nothing lost, no page furniture, text kept as text.

The pages in tests/fixtures/html/ are realistic saves (a WordPress blog, a news feature, a
Docusaurus handbook page, an Elementor post, a CSS-in-JS magazine essay, a 2005 table-layout
page in Windows-1252, a hostile page, a guide whose lists of links are part of its text).
Each NAME.html has NAME.blocks.txt beside it: the article's blocks as read, checked by hand
against the page, one block per paragraph: `#`/`##` headings, `>` quotes, `-`/`1.` list
items, `![alt] caption` figures. Refresh them after a deliberate change with

    MICROSITE_REFRESH_GOLDEN=1 .venv/bin/pytest tests/test_read_html.py

and read the diff before committing it.
"""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pysbd
import pytest
from click.testing import CliRunner

from conftest import REPO, block_texts, body_text
from microsite.cli import main
from microsite.errors import InputError
from microsite.model import Block, Figure, Heading, ListBlock, Paragraph, Quote
from microsite.page_title import strip_site_name
from microsite.read import decode, detect_format, read_bytes
from microsite.read_html import restore
from microsite.read_markup import read_html_blocks

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))
REFRESH = os.environ.get("MICROSITE_REFRESH_GOLDEN") == "1"

# Page furniture of each page: none of it may reach the article.
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "allotment-blog": (
        "We use cookies", "Accept all cookies", "Skip to content", "Plots and Rents",
        "Growing food together", "Posted on", "Share this", "Twitter",
        "Related posts", "Spring open day", "Posted in", "Tagged", "Previous post",
        "thoughts on", "Brilliant idea", "spare wheelbarrow", "waited six years",
        "Leave a Reply", "Your email address", "Recent Posts", "Opening Hours",
        "The gates are open", "Registered charity", "Privacy policy"),
    "bike-commute-elementor": (
        "Manage Cookie Consent", "To provide the best experiences", "View preferences",
        "Gear Reviews", "Sam Okafor", "January 9, 2025", "Tweet", "commuted by bike",
        "Choosing Panniers", "One reply", "game changer", "Latest guides", "Locks That Work",
        "tailwinds", "Privacy Policy"),
    "bread-notes-cp1252": (
        "Pierre's Kitchen Pages", "Guestbook", "Visitors", "004817", "Preserves"),
    "compost-guide": (
        "Skip to main content", "spring planting workshop", "Dark mode", "Soil and Beds",
        "Watering", "On this page", "Edit this page", "Last updated", "Was this page helpful",
        "Previous", "Forum", "Built with Docusaurus"),
    "dark-skies-essay": (
        "uses cookies", "cookie policy", "Newsletters", "Sign in", "Science",
        "Inês Ferreira", "February 20, 2025", "Facebook", "Copy link", "Astronomy",
        "The Outlook Weekly", "Sign up", "12 Comments", "Andromeda", "darker streets where I",
        "More from Science", "Comet Hunters", "All rights reserved", "Terms"),
    "injection": (
        "from the head", "Written by a script", "must never show", "Your password",
        "form field value", "Send the form", "enable JavaScript", "svg drawing",
        "hidden paragraph", "Footer text", "Menu link", "Home"),
    "rain-garden-links": (
        "Green Streets Collective", "Street projects", "Who we are", "Donate",
        "Volunteer with us", "Ama Mensah", "Related posts", "Fitting a water butt",
        "green roof for the bike shed", "Previous guide", "Next guide", "Popular guides",
        "Planting for pollinators", "street tree pit", "street compost bin", "Privacy notice",
        "Accessibility statement", "Get in touch"),
    "river-feature": (
        "143 partners", "I agree", "Subscribe for", "Sign in", "Sport", "Opinion",
        "Tom Hesketh", "8 min read", "Share on", "1.2k shares",
        "Advertisement", "Read more", "Sewage spills rose", "Topics", "Calderdale",
        "Get the Ledger", "morning briefing", "Comments (27)", "disgrace", "Credit where",
        "Load more", "Most read", "Bypass plan", "Support local journalism",
        "All rights reserved", "Privacy notice"),
}


def render_blocks(blocks: tuple[Block, ...]) -> str:
    """Blocks in the golden files' notation, one block to a paragraph."""
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {block.text}")
        elif isinstance(block, Quote):
            parts.append(f"> {block.text}")
        elif isinstance(block, ListBlock):
            marker = "1." if block.ordered else "-"
            parts.append("\n".join(f"{marker} {item}" for item in block.items))
        elif isinstance(block, Figure):
            parts.append(f"![{block.alt}] {block.caption}".rstrip())
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def _golden_texts(page: Path) -> list[str]:
    """The texts of a page's golden file without the notation's markers."""
    texts = []
    for line in page.with_suffix(".blocks.txt").read_text(encoding="utf-8").splitlines():
        figure = re.fullmatch(r"!\[(.*)\] ?(.*)", line)
        if figure:
            texts += [t for t in figure.groups() if t]
        elif line:
            texts.append(re.sub(r"^(#{1,6} |> |- |1\. )", "", line))
    return texts


def _read(page: Path) -> tuple[Block, ...]:
    return read_bytes(page.name, page.read_bytes()).blocks


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_reads_as_its_golden_blocks(page: Path) -> None:
    golden = page.with_suffix(".blocks.txt")
    got = render_blocks(_read(page))
    if REFRESH:
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_sentence_of_the_article_is_read_in_order(page: Path) -> None:
    text = " ".join(block_texts(_read(page)))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    position = 0
    for line in _golden_texts(page):
        for sentence in (s.strip() for s in segmenter.segment(line)):
            found = text.find(sentence, position)
            assert found >= 0, f"missing or out of order: {sentence!r}"
            position = found + len(sentence)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_no_page_furniture_is_read(page: Path) -> None:
    text = "\n".join(block_texts(_read(page)))
    for words in BOILERPLATE[page.stem]:
        assert words not in text, words


def test_every_page_has_boilerplate_listed() -> None:
    assert {p.stem for p in PAGES} == set(BOILERPLATE)


# --- block quotes and other blocks that trafilatura drops, put back in place -------------------

FILLER = ("<p>The walk from the station follows the canal for a mile, past the lock keeper's"
          " cottage and the old boatyard, before the towpath climbs to the road. Stop {}.</p>")


def _page_with(html: str) -> bytes:
    """An article page: three paragraphs, `html`, three more, among a menu and a footer."""
    before = "".join(FILLER.format(i) for i in range(3))
    after = "".join(FILLER.format(i) for i in range(3, 6))
    return (f"<!doctype html><html><head><title>A Walk | Site</title></head><body><nav><a"
            f" href='/'>Home</a> <a href='/walks'>Walks</a></nav><article><h1>A Walk</h1>"
            f"{before}{html}{after}</article><footer><p>Footer words.</p></footer></body>"
            "</html>").encode()


QUOTES = [
    pytest.param("<blockquote><p>KEEP a plain quote.</p></blockquote>", Quote, id="plain"),
    pytest.param('<figure class="wp-block-pullquote"><blockquote><p>KEEP a pull quote.</p>'
                 "<cite>KEEP Someone</cite></blockquote></figure>", Quote, id="pull-quote"),
    pytest.param('<blockquote><p><a href="https://example.org/report">KEEP a quote that is'
                 " one link to its source.</a></p></blockquote>", Quote, id="quote-one-link"),
    pytest.param('<blockquote><p>KEEP <a href="/a">a</a> <a href="/b">quote</a> <a href="/c">of'
                 "</a> <a href='/d'>links</a>.</p></blockquote>", Quote, id="quote-of-links"),
    pytest.param('<blockquote><p>KEEP the quote itself.</p><p class="quote-author">KEEP Jane'
                 " Roe, gardener</p></blockquote>", Quote, id="citation-named-author"),
    pytest.param('<blockquote class="twitter-tweet"><p><a href="#">@canalwalks</a> KEEP the'
                 ' towpath at dawn <a href="#">#canal</a> <a href="#">pic.twitter.com/x</a>'
                 '</p>&mdash; KEEP Walker (@walker) <a href="#">May 1, 2020</a></blockquote>',
                 Quote, id="tweet"),
    pytest.param('<div class="testimonials"><div class="slide"><blockquote><p>KEEP a quote in'
                 " a slider.</p></blockquote></div></div>", Quote, id="quote-in-slide"),
    pytest.param('<div class="css-1qbar2"><blockquote><p>KEEP a quote in a generated class.'
                 "</p></blockquote></div>", Quote, id="generated-class-with-bar"),
    pytest.param('<div class="quote-box author-quote"><blockquote><p>KEEP a quote in an author'
                 " box.</p></blockquote></div>", Quote, id="author-quote-box"),
    pytest.param('<figure class="quote"><blockquote><p>KEEP a quote.</p></blockquote>'
                 "<figcaption>KEEP its speaker</figcaption></figure>", Quote,
                 id="figure-quote-with-caption"),
    pytest.param('<aside class="note"><p>KEEP a note set beside the text.</p></aside>',
                 Paragraph, id="aside-in-article"),
    pytest.param('<div class="callout callout-metadata"><p>KEEP a callout.</p></div>',
                 Paragraph, id="callout-named-metadata"),
    pytest.param("<details><summary>KEEP a question?</summary><p>KEEP its answer.</p>"
                 "</details>", Paragraph, id="details"),
    pytest.param('<figure><img src="a.jpg" alt="KEEP a lock gate"><figcaption>KEEP the lock'
                 " in May</figcaption></figure>", Figure, id="figure-caption"),
    pytest.param('<div class="sidebar-quote"><blockquote><p>KEEP a sidebar quote.</p>'
                 "</blockquote></div>", Quote, id="class-says-sidebar",
                 marks=pytest.mark.xfail(strict=True, reason="a class that names page"
                                         " furniture wins over the block inside it")),
]


@pytest.mark.parametrize(("html", "kind"), QUOTES)
def test_dropped_blocks_are_put_back_in_place(html: str, kind: type) -> None:
    blocks = read_bytes("walk.html", _page_with(html)).blocks
    texts = block_texts(blocks)
    wanted = html.count("KEEP")
    kept = [t for t in texts if "KEEP" in t]
    assert sum(t.count("KEEP") for t in kept) == wanted, texts
    where = [i for i, t in enumerate(texts) if "KEEP" in t]
    assert texts.index(next(t for t in texts if "Stop 2." in t)) < where[0]
    assert where[-1] < texts.index(next(t for t in texts if "Stop 3." in t))
    assert any(isinstance(b, kind) for b in blocks if "KEEP" in " ".join(block_texts([b])))
    assert not any(word in " ".join(texts) for word in ("Home", "Walks", "Footer"))


# --- lists of links: article text inside the article, page furniture around it --------------

LINKS = ("<ul><li><a href='/kennet'>LINK The locks of the Kennet</a></li>"
         "<li><a href='/map'>LINK A towpath access map</a></li></ul>")


def _page_with_links(middle: str = "", end: str = "", around: str = "") -> bytes:
    """An article page: three paragraphs, `middle`, three more, `end`; `around` is put both
    above the article (a header's links) and below it (a sidebar or footer)."""
    before = "".join(FILLER.format(i) for i in range(3))
    after = "".join(FILLER.format(i) for i in range(3, 6))
    return (f"<!doctype html><html><head><title>A Walk | Site</title></head><body>"
            f"<header><a href='/'>Canal Walks</a>{around}</header><main><article>"
            f"<h1>A Walk</h1>{before}{middle}{after}{end}</article></main>"
            f"<div>{around}<p>© 2024 Canal Walks.</p></div></body></html>").encode()


LINK_LISTS = [
    pytest.param({"middle": LINKS}, True, id="list-between-paragraphs"),
    pytest.param({"middle": "<p><a href='/guide'>LINK The canal trust's walking guide</a></p>"},
                 True, id="line-between-paragraphs"),
    pytest.param({"end": f"<h2>See also</h2>{LINKS}"}, True, id="see-also-at-the-end"),
    pytest.param({"end": "<h2>See also</h2><p><a href='/a'>LINK The locks of the Kennet</a></p>"
                         "<p><a href='/b'>LINK A towpath access map</a></p>"}, True,
                 id="see-also-one-link-to-a-paragraph"),
    pytest.param({"end": f"<h2>Other resources</h2><h3>Maps</h3>{LINKS}<h3>Books</h3>"
                         f"{LINKS.replace('LINK', 'LINK more')}"}, True,
                 id="under-nested-headings"),
    pytest.param({"end": LINKS}, False, id="list-after-the-article"),
    pytest.param({"end": f"<div><h3>Related posts</h3>{LINKS}</div>"}, False,
                 id="related-posts-in-the-article"),
    pytest.param({"end": "<p><a href='/a'>LINK Previous walk</a> <a href='/b'>LINK Next walk"
                         "</a></p>"}, False, id="previous-next-line"),
    pytest.param({"around": LINKS}, False, id="header-and-footer-lists"),
    pytest.param({"around": f"<aside><h2>Related posts</h2>{LINKS}</aside>"}, False,
                 id="sidebar-related-posts"),
]


@pytest.mark.parametrize(("parts", "kept"), LINK_LISTS)
def test_lists_of_links_are_kept_only_as_article_text(parts: dict[str, str], kept: bool) -> None:
    texts = block_texts(read_bytes("walk.html", _page_with_links(**parts)).blocks)
    linked = [t for t in texts if "LINK" in t]
    assert len(linked) == (" ".join(parts.values()).count("LINK") if kept else 0), texts
    assert "Related posts" not in texts and "Canal Walks" not in " ".join(texts)
    if kept and "middle" in parts:
        stops = [next(i for i, t in enumerate(texts) if f"Stop {n}." in t) for n in (2, 3)]
        assert stops[0] < texts.index(linked[0]) < stops[1]
    elif kept:
        assert texts.index(next(t for t in texts if "Stop 5." in t)) < texts.index(linked[0])


def P(text: str) -> Paragraph:  # noqa: N802 - reads like the block it makes
    return Paragraph(text=text)


RESTORE = [
    pytest.param((P("One."), P("Three.")), (P("One."), Quote("Two."), P("Three.")),
                 (P("One."), Quote("Two."), P("Three.")), id="missing-quote-in-its-place"),
    pytest.param((P("First of all."),), (Quote("Before it all."), P("First of all.")),
                 (Quote("Before it all."), P("First of all.")), id="missing-at-the-start"),
    pytest.param((P("One."), Figure("A lock gate on the canal", "")),
                 (P("One."), Figure("A lock gate on the canal", "The lock in May")),
                 (P("One."), Figure("A lock gate on the canal", "The lock in May")),
                 id="caption-completed"),
    pytest.param((ListBlock(("first item here", "third item here")),),
                 (ListBlock(("first item here", "second item here", "third item here")),),
                 (ListBlock(("first item here", "second item here", "third item here")),),
                 id="list-item-completed"),
    pytest.param((P("A long first sentence here. And the second one follows it."),),
                 (P("A long first sentence here."), P("And the second one follows it.")),
                 (P("A long first sentence here. And the second one follows it."),),
                 id="merged-paragraphs-not-doubled"),
    pytest.param((P("Posted in the morning."), P("Body text of the article here.")),
                 (P("Body text of the article here."), P("Posted in the morning.")),
                 (P("Posted in the morning."), P("Body text of the article here.")),
                 id="out-of-order-not-doubled"),
    pytest.param((P("One."),), (P("One."), P("By Tom Hesketh"), P("8 min read")),
                 (P("One."),), id="short-unpunctuated-lines-stay-out"),
    pytest.param((P("One."),), (P("One."), Heading("Related", 1), Heading("More", 2)),
                 (P("One."), Heading("More", 2)), id="headings-below-the-title"),
]


@pytest.mark.parametrize(("extracted", "reference", "expected"), RESTORE)
def test_restore(extracted: tuple[Block, ...], reference: tuple[Block, ...],
                 expected: tuple[Block, ...]) -> None:
    assert restore(extracted, reference) == expected


@pytest.mark.parametrize(("html", "blocks"), [
    ("<figure><blockquote><p>Quoted.</p></blockquote><figcaption>Its source</figcaption>"
     "</figure>", (Quote("Quoted."), Quote("Its source"))),
    ("<figure><table><tr><td>a</td><td>b</td></tr></table><figcaption>A table</figcaption>"
     "</figure>", (P("a | b"), P("A table"))),
    ('<figure><img alt="A heap"><p>Under it</p></figure>', (P("Under it"), Figure("A heap", ""))),
    ("<p>a</p><iframe>frame</iframe><noscript>no</noscript><svg><text>s</text></svg><p>b</p>"
     "<select><option>o</option></select><button>go</button>", (P("a"), P("b"))),
])
def test_block_reader_on_page_html(html: str, blocks: tuple[Block, ...]) -> None:
    assert read_html_blocks(html) == blocks


# --- title, format, encoding -------------------------------------------------------------------

@pytest.mark.parametrize(("title", "sites", "expected"), [
    ("How to Bake | Kitchen Notes", (), "How to Bake"),
    ("The River That Came Back – Features – The Northern Ledger", (), "The River That Came Back"),
    ("Kitchen Notes | How to Bake Bread at Home", (), "How to Bake Bread at Home"),
    ("Cycling in Winter - Pedal Forward", ("Pedal Forward",), "Cycling in Winter"),
    ("Pedal Forward: Cycling in Winter", ("Pedal Forward",), "Cycling in Winter"),
    ("Sourdough - A Beginner's Guide", (), "Sourdough - A Beginner's Guide"),
    ("Why: A Question", (), "Why: A Question"),
    ("Pedal Forward", ("Pedal Forward",), "Pedal Forward"),
])
def test_strip_site_name(title: str, sites: tuple[str, ...], expected: str) -> None:
    assert strip_site_name(title, sites) == expected


@pytest.mark.parametrize(("head", "body", "title"), [
    ("<title>Tab | Site</title>", "<article><h1>The Heading</h1><p>Text.</p></article>",
     "The Heading"),
    ('<title>Tab | Site</title><meta property="og:title" content="Open Graph Title">',
     "<article><p>Text of the article.</p></article>", "Open Graph Title"),
    ("<title>The Tab Title | Site</title>", "<article><p>Text of it.</p></article>",
     "The Tab Title"),
    ("", "<article><p>Text without any title.</p></article>", None),
])
def test_page_title(head: str, body: str, title: str | None) -> None:
    blocks = read_bytes("p.html", f"<html><head>{head}</head><body>{body}</body></html>"
                        .encode()).blocks
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ([title] if title else [])


SECTIONS = ("<h1>Before reaching out</h1><p>Check the documentation before you ask anyone.</p>"
            "<h1>Reaching out</h1><p>Be specific about what you need and by when.</p>"
            "<h2>Deadlines</h2><p>Say clearly when you need an answer, and why.</p>")


@pytest.mark.parametrize(("head", "title", "first"), [
    pytest.param('<meta property="og:title" content="Email Etiquette">', "Email Etiquette",
                 "<h1>Email Etiquette</h1>", id="og-title-names-the-first-h1"),
    pytest.param("<title>Email Etiquette | The Notebook</title>", "Email Etiquette",
                 "<h1>Email Etiquette</h1>", id="title-tag-names-the-first-h1"),
    pytest.param("", "Email Etiquette", "<h1>Email Etiquette</h1>", id="no-metadata"),
    pytest.param('<meta property="og:title" content="Asking for Help">', "Asking for Help", "",
                 id="metadata-names-a-title-outside-the-article"),
])
def test_several_h1s_are_a_title_and_sections(head: str, title: str, first: str) -> None:
    page = (f"<html><head>{head}</head><body><article>{first}<p>Be mindful of other people's"
            f" time when you ask them for help.</p>{SECTIONS}</article></body></html>")
    blocks = read_bytes("p.html", page.encode()).blocks
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert headings == [(title, 1), ("Before reaching out", 2), ("Reaching out", 2),
                        ("Deadlines", 3)]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("page.html", "<html><body><p>x</p></body></html>", "html"),
    ("page.htm", "<p>A fragment.</p>", "html"),
    ("saved.txt", "<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
    ("saved.txt", "  <html lang='en'><body>x</body></html>", "html"),
    ("saved", "<?xml version='1.0'?>\n<!-- saved -->\n<!DOCTYPE html><html></html>", "html"),
    ("notes.md", "<!doctype html><html><body>x</body></html>", "html"),
    ("notes.html", "Title\n\nJust text, no markup at all: a < b and c > d.", "txt"),
    ("notes.txt", "A <b>bold</b> word in a text file.", "txt"),
    ("notes.md", "# Title\n\n<b>bold</b> in Markdown.", "md"),
])
def test_detect_format(name: str, text: str, expected: str) -> None:
    assert detect_format(name, text) == expected


ARTICLE = "Crème brûlée at the café costs 5 €; “naïve” Zoë said so."


def _html(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param(_html(ARTICLE).encode(), ARTICLE, id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + _html(ARTICLE).encode(), ARTICLE, id="utf-8-bom"),
    pytest.param(_html(ARTICLE).encode("utf-16"), ARTICLE, id="utf-16-bom"),
    pytest.param(_html(ARTICLE).encode("utf-16-le"), ARTICLE, id="utf-16-le-no-bom"),
    pytest.param(_html(ARTICLE, '<meta charset="windows-1252">').encode("cp1252"), ARTICLE,
                 id="meta-charset-cp1252"),
    pytest.param(_html(ARTICLE, '<meta http-equiv="Content-Type" content="text/html;'
                                ' charset=ISO-8859-1">').encode("cp1252"), ARTICLE,
                 id="http-equiv-latin-1-read-as-cp1252"),
    pytest.param(_html("Привет, как дела? Это текст.", '<meta charset="koi8-r">')
                 .encode("koi8-r"), "Привет, как дела? Это текст.", id="meta-charset-koi8-r"),
    pytest.param(_html("日本語のテキストです。", "<meta charset='Shift_JIS'>").encode("cp932"),
                 "日本語のテキストです。", id="meta-charset-shift-jis"),
    pytest.param(_html(ARTICLE).encode("cp1252"), ARTICLE, id="undeclared-cp1252"),
    pytest.param(_html("Grüße aus München: die Straße ist schön.").encode("cp1252"),
                 "Grüße aus München: die Straße ist schön.", id="undeclared-german-cp1252"),
    pytest.param(_html(ARTICLE, '<meta charset="utf-8">').encode("cp1252"), ARTICLE,
                 id="wrongly-declared-utf-8"),
    pytest.param(_html(ARTICLE).replace("<p>", "\r\n<p>").encode(), ARTICLE, id="crlf"),
])
def test_page_encodings(data: bytes, expected: str) -> None:
    assert block_texts(read_bytes("page.html", data).blocks) == ["T", expected]


def test_line_endings_all_become_newlines() -> None:
    assert decode("a.html", b"<p>a</p>\r\n<p>b</p>\r<p>c</p>\n") == "<p>a</p>\n<p>b</p>\n<p>c</p>\n"


# --- nothing of the page becomes markup; bad pages are refused ---------------------------------

@pytest.mark.parametrize("html", [
    "<html><body></body></html>",
    "<html><head><title>Only a title</title></head><body><nav><a href='/'>Home</a>"
    "</nav></body></html>",
    "<!doctype html><html><body><script>document.write('<p>Hi there.</p>')</script></body>"
    "</html>",
    "<!doctype html><!-- nothing here -->",
    "<html><body><form><label>Name <input></label><button>Send it</button></form></body>"
    "</html>",
])
def test_page_without_text_is_refused(html: str) -> None:
    with pytest.raises(InputError, match=r"^page\.html: no article text found"):
        read_bytes("page.html", html.encode())


def test_trafilatura_is_imported_only_to_read_a_page() -> None:
    code = ("import sys; import microsite.cli, microsite.pipeline;"
            " from microsite.read import read_bytes;"
            " read_bytes('a.txt', b'Plain text.'); assert 'trafilatura' not in sys.modules;"
            " read_bytes('a.html', b'<p>A page.</p>'); assert 'trafilatura' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Sites built by the command line from two of the saved pages."""
    projects = {}
    for stem in ("allotment-blog", "injection"):
        project = tmp_path_factory.mktemp(stem)
        result = CliRunner().invoke(main, ["build", str(FIXTURES / f"{stem}.html"),
                                           "--project", str(project)])
        assert result.exit_code == 0, result.output + result.stderr
        projects[stem] = project
    return projects


def _site_text(project: Path) -> str:
    from microsite.audit import html_path, nav_pages

    pages = [project / "site" / html_path(md) for md in nav_pages(project)]
    return " ".join(body_text(p.read_text(encoding="utf-8")) for p in pages)


def test_a_saved_page_builds_a_strict_clean_site_with_every_sentence(
        built_pages: dict[str, Path]) -> None:
    page = FIXTURES / "allotment-blog.html"
    text = _site_text(built_pages["allotment-blog"])
    segmenter = pysbd.Segmenter(language="en", clean=False)
    position = 0
    for line in _golden_texts(page)[1:]:  # the title heads the home page, not its body
        for sentence in (s.strip() for s in segmenter.segment(line)):
            found = text.find(sentence, position)
            assert found >= 0, f"missing or out of order: {sentence!r}"
            position = found + len(sentence)
    for words in BOILERPLATE["allotment-blog"]:
        assert words not in text, words


class _Markup(HTMLParser):
    """Scripts, event handlers and javascript: links of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.script = tag == "script"
        self.found += [f"{tag} {name}" for name, value in attrs if name.startswith("on")
                       or (value or "").strip().lower().startswith("javascript:")]
        if tag == "img":
            self.found.append("img")

    def handle_data(self, data: str) -> None:
        if self.script and "alert" in data:
            self.found.append(f"script {data[:40]}")


def test_nothing_of_a_hostile_page_becomes_markup(built_pages: dict[str, Path]) -> None:
    site = built_pages["injection"] / "site"
    for page in site.rglob("*.html"):
        markup = _Markup()
        markup.feed(page.read_text(encoding="utf-8"))
        assert not markup.found, (page, markup.found)
    text = _site_text(built_pages["injection"])
    for literal in ('--8<-- "/etc/passwd"', '!!! note "Injected"', "{{ x }}",
                    '{% include "secrets.md" %}', "${{ secrets.TOKEN }}", "{% raw %}",
                    "{: onclick=alert(4) }", "<!-- a comment -->",
                    "[x](javascript:alert(3))", "<b>bold</b> and &amp; entities"):
        assert literal in text, literal
    assert "root:" not in text
    for words in BOILERPLATE["injection"]:
        assert words not in text, words
