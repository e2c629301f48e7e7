"""Saved web pages: the article's blocks, without the page around it.

    1. parse      the page with lxml; tables used for layout become plain boxes
    2. extract    trafilatura finds the main content (navigation, banners, sidebars, footers and
                  comments left out); its XML becomes HTML for the shared block reader
    3. check      the page's content container (the element holding most of what was
                  extracted, widened to its <article>) is read too, without page furniture
    4. restore    every article block of the container that the extraction dropped (block
                  quotes above all, figure captions, lists) is put back in its place
    5. title      the article's one <h1>; else og:title or <title> without the site's name
                  (`page_title`), which also picks the title among several <h1>s

trafilatura is imported only here and only when a page is read: it takes a noticeable part of a
second to import, which `microsite --help` must not pay.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import takewhile, zip_longest
from typing import Any

import lxml.html
from lxml import etree

from .data import html_rules
from .data.outline_rules import CLOSING_PUNCTUATION, DEFAULT_RULES, Rules
from .errors import InputError
from .model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Source
from .page_title import meta_title, page_title
from .read_markup import read_html_blocks, titled

Element = Any  # lxml ships no type hints
"""An lxml element of the page."""

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.IGNORECASE)
_NOT_KEY = re.compile(r"[\W_]+")
_BOILERPLATE = re.compile("|".join(  # whole words of a class or id
    rf"(?<![a-z0-9])(?:{names})(?![a-z0-9])" for names in html_rules.BOILERPLATE_NAMES))
_FURNITURE_HEADING = re.compile(
    rf"(?:{'|'.join(map(re.escape, html_rules.FURNITURE_HEADINGS))})(?![a-z])")
_NOT_WORDS = re.compile(r"[\W\d_]+")
_HIDDEN = re.compile(html_rules.HIDDEN_STYLE, re.IGNORECASE)
_TEXT_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption",
              "td", "th", "dd", "dt")
_HEADING = re.compile(r"h[1-6]")


def read_html(name: str, text: str, rules: Rules = DEFAULT_RULES) -> Source:
    """A saved web page's article as blocks, its title first as a level-1 heading."""
    # 1. parse
    page = _parse(name, text)
    # 2. extract the main content
    extracted = _extract(page)
    # 3. read the page's own content container, without its furniture; extracted blocks that
    #    are furniture (menus, or a newsletter box inside the article) are left out
    container = find_container(page, extracted)
    pruned = _pruned(container, extracted)
    extracted = _without_furniture(extracted, page, container, pruned)
    reference = read_html_blocks(lxml.html.tostring(pruned, encoding="unicode"))
    # 4. put back what the extraction dropped
    blocks = restore(extracted, reference) if extracted else reference
    if not any(not isinstance(b, Heading) or b.level > 1 for b in blocks):
        raise _no_text(name)
    # 5. the title: the article's one <h1>, else what the page's metadata names
    tops = sum(isinstance(b, Heading) and b.level == 1 for b in blocks)
    if tops == 0:
        blocks = titled(blocks, page_title(page, container))
    elif tops > 1:
        blocks = titled(blocks, meta_title(page))
    return Source(name=name, blocks=blocks)


# --- 1. parse ----------------------------------------------------------------------------------


def _parse(name: str, text: str) -> Element:
    """The page as an lxml tree, with layout tables turned into plain boxes."""
    try:
        page = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (etree.ParserError, ValueError) as error:
        raise _no_text(name) from error
    if page.find("body") is None:
        raise _no_text(name)
    for table in list(page.iter("table")):
        if _is_layout(table):
            for box in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                box.tag = "div"
    return page


def _no_text(name: str) -> InputError:
    """The error for a page without article text."""
    return InputError(
        f"{name}: no article text found in the web page (it may hold only navigation, or load"
        " its text with JavaScript). Save the page once it shows the article, or copy the"
        " article's text into a .txt file."
    )


def _is_layout(table: Element) -> bool:
    """True when a cell holds headings, lists or several paragraphs: the page's grid."""
    for cell in table.iter("td", "th"):
        tags = [child.tag for child in cell.iterdescendants()]
        if (html_rules.LAYOUT_TABLE_CHILDREN.intersection(tags)
                or tags.count("p") > html_rules.LAYOUT_TABLE_PARAGRAPHS):
            return True
    return False


# --- 2. extract --------------------------------------------------------------------------------


def _extract(page: Element) -> tuple[Block, ...]:
    """The blocks trafilatura takes for the main content; none when it finds nothing."""
    import trafilatura  # here, not at the top: see the module's docstring

    xml = trafilatura.extract(copy.deepcopy(page), output_format="xml",
                              **html_rules.EXTRACT_OPTIONS)
    if not xml:
        return ()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    main = etree.fromstring(xml.encode("utf-8"), parser).find("main")
    if main is None:
        return ()
    return read_html_blocks(etree.tostring(_as_html(main), method="html", encoding="unicode"))


# trafilatura's XML elements and the HTML elements the block reader knows them as.
_XML_TO_HTML = {"item": "li", "quote": "blockquote", "graphic": "img", "row": "tr",
                "cell": "td", "lb": "br", "table": "table", "p": "p", "del": "del"}


# trafilatura's elements that hold a sentence: a quote inside one is a <q>, not a block.
_INLINE_PARENTS = ("p", "item", "cell", "head", "hi", "ref", "del")


def _as_html(main: Element) -> Element:
    """trafilatura's XML (head, list, item, quote, graphic ...) as HTML; every attribute but
    an image's alt text is dropped."""
    originals = [(e, e.tag, e.getparent().tag if e.getparent() is not None else "main")
                 for e in main.iter()]
    for element, tag, parent in originals:
        rend, alt = element.get("rend", ""), element.get("alt")
        element.attrib.clear()
        if tag == "head":  # without a level, it was no heading (a <summary>, a bold line)
            element.tag = rend if _HEADING.fullmatch(rend) else "p"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag == "code":  # a code block of its own, or code inside a sentence
            element.tag = "pre" if parent in ("main", "quote") else "code"
        elif tag == "quote" and parent in _INLINE_PARENTS:  # <q> inside a sentence
            element.tag = "q"
        else:
            element.tag = _XML_TO_HTML.get(tag, "span")
        if tag == "graphic" and alt:
            element.set("alt", alt)
    main.tag = "div"
    return main


# --- 3. check against the page -----------------------------------------------------------------


def find_container(page: Element, extracted: Sequence[Block]) -> Element:
    """The page element that holds the article: the innermost one holding most of the blocks
    the extraction found, widened to the <article> around it; without enough of them, the
    page's largest <article>, its <main>, or its body."""
    on_page: dict[str, Element] = {}
    for element in page.iter(*_TEXT_TAGS):
        on_page.setdefault(_key(element.text_content()), element)
    found = [on_page[key] for block in extracted for key in map(_key, _units(block))
             if len(key) >= html_rules.RESTORE_MIN_KEY and key in on_page]
    if len(found) < html_rules.CONTAINER_MIN_MATCHES:
        return _landmark(page)
    counts = Counter(parent for element in found for parent in element.iterancestors())
    holders = [e for e, n in counts.items() if n >= html_rules.CONTAINER_SHARE * len(found)]
    inner = max(holders, key=lambda e: sum(1 for _ in e.iterancestors()))
    article = next((e for e in (inner, *inner.iterancestors()) if e.tag == "article"), None)
    return inner if article is None else article


def _landmark(page: Element) -> Element:
    """The page's largest <article>, else its <main>, else its body."""
    articles = sorted(page.iter("article"), key=lambda e: -len(e.text_content()))
    mains = [*articles, *page.iter("main"), *page.xpath(".//*[@role='main']")]
    return mains[0] if mains else page.body


def _pruned(container: Element, extracted: Sequence[Block]) -> Element:
    """A copy of the container without page furniture: scripts, forms, navigation, hidden
    elements, share bars, related links, comments, bylines, lists of links that are not part
    of the article's text (see `_in_text`), and the headings left over them."""
    root = copy.deepcopy(container)
    total = len(_key(root.text_content()))

    def small(element: Element) -> bool:
        return len(_key(element.text_content())) < html_rules.FURNITURE_MAX_SHARE * total

    for element in list(root.iterdescendants()):
        if _is_inert(element) or _is_furniture(element) and small(element):
            element.drop_tree()  # keeps the text after it
    order = [e for e in root.iter() if isinstance(e.tag, str)]
    lists = [e for e in order if _is_link_list(e) and small(e)]
    found = _Text(extracted)
    for element in [e for e in lists if set(lists).isdisjoint(e.iterancestors())
                    and not _in_text(e, order, found)]:
        element.drop_tree()
    texts = [e for e in root.iter() if _has_text(e)]
    for heading, after in zip_longest(texts, texts[1:]):
        if _names_furniture(heading) and (after is None or _is_heading(after)
                                          and after.tag <= heading.tag):
            heading.drop_tree()  # "Related posts" over a list dropped above
    return root


def _in_text(links: Element, order: Sequence[Element], extracted: _Text) -> bool:
    """True for a list or line of links that is article text: under headings that name no
    page furniture ("See also", "Further reading", not "Related posts") and follow a text the
    extraction found, or else between two texts it found. Other links in between are no
    text: a "See also" may be one link to a paragraph."""
    start = order.index(links)
    end = start + sum(1 for _ in links.iterdescendants()) + 1
    ancestors = set(links.iterancestors())
    before = [e for e in reversed(order[:start]) if e not in ancestors and _is_text(e)]
    headings = list(takewhile(_is_heading, before))
    prose = before[len(headings)] if len(before) > len(headings) else None
    if prose is None or not _found(prose, extracted) or any(map(_names_furniture, headings)):
        return False
    follow = next((e for e in order[end:] if _is_text(e)), None)
    return bool(headings) or follow is not None and _found(follow, extracted)


def _names_furniture(element: Element) -> bool:
    """True for a heading over page furniture: "Related posts", "3 Comments", "Share this"."""
    words = _NOT_WORDS.sub(" ", element.text_content().casefold()).strip()
    return _is_heading(element) and bool(_FURNITURE_HEADING.match(words))


def _has_text(element: Element) -> bool:
    """True for an element of text: a paragraph, item, heading, cell ... with words."""
    return element.tag in _TEXT_TAGS and bool(_key(element.text_content()))


def _is_text(element: Element) -> bool:
    """True for an element of text that is not all links."""
    return _has_text(element) and not _all_links(element)


def _is_heading(element: Element) -> bool:
    return bool(_HEADING.fullmatch(element.tag))


def _found(element: Element, extracted: _Text) -> bool:
    """True when the extraction holds the element's text."""
    return extracted.find(_key(element.text_content()), 0) is not None


def _without_furniture(blocks: tuple[Block, ...], page: Element, container: Element,
                       pruned: Element) -> tuple[Block, ...]:
    """The extracted blocks less those found only in furniture: in menus, forms and scripts
    anywhere on the page (what trafilatura's fallbacks take from a page without an article),
    or in what `_pruned` took out of the container."""
    body = copy.deepcopy(page.find("body"))
    for element in list(body.iterdescendants()):
        if _is_inert(element) or _role(element) in html_rules.DROPPED_ROLES:
            element.drop_tree()
    on_page, inside, kept = (_key(e.text_content()) for e in (body, container, pruned))
    return tuple(block for block in blocks if all(
        key in on_page and (key in kept or key not in inside)
        for key in map(_key, _units(block)[isinstance(block, Figure):])))  # alt is no text


def _is_inert(element: Element) -> bool:
    """True for an element that never holds article text: a script, a form, a menu, a
    comment, something hidden."""
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return True
    style = element.get("style") or ""
    return (tag in html_rules.DROPPED_TAGS or element.get("hidden") is not None
            or element.get("aria-hidden") == "true" or bool(_HIDDEN.search(style))
            or tag in html_rules.DROPPED_OUTSIDE_QUOTES and not _in_quote(element))


def _is_furniture(element: Element) -> bool:
    """True for a landmark or an element named as page furniture."""
    if _role(element) in html_rules.DROPPED_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(_BOILERPLATE.search(names.replace("_", "-")))


def _is_link_list(element: Element) -> bool:
    """True for a list or line of links (a menu, a "read next" line, a "See also" list); a
    link that is a whole quote is no such line."""
    return element.tag in ("ul", "ol", "p", "div") and not _in_quote(element) and _all_links(
        element)


def _role(element: Element) -> str:
    return (element.get("role") or "").lower()


def _in_quote(element: Element) -> bool:
    """True inside a block quote or figure."""
    return any(parent.tag in ("blockquote", "figure") for parent in element.iterancestors())


def _all_links(element: Element) -> bool:
    """True when every word of the element is link text: a menu or a "read next" line."""
    text = _key(element.text_content())
    linked = "".join(_key(a.text_content()) for a in element.iter("a"))
    return bool(text) and len(linked) >= len(text)


# --- 4. restore --------------------------------------------------------------------------------


def restore(extracted: Sequence[Block], reference: Sequence[Block]) -> tuple[Block, ...]:
    """The extracted blocks with every article block of `reference` that they lack put back
    after the block that came before it; an extracted block that holds only part of a
    reference block (an image without its caption) is replaced by the whole."""
    text = _Text(extracted)
    blocks: list[Block | None] = list(extracted)
    added: dict[int, list[Block]] = {}
    cursor, anchor = 0, -1
    for block in reference:
        key = "".join(map(_key, _units(block)))
        if not key:
            continue
        end = text.find(key, cursor)
        if end is not None:
            cursor, anchor = end, text.block_at(end - 1)
            continue
        if text.find(key, 0) is not None:  # present, out of order
            continue
        part = _partial(extracted, blocks, anchor, block, key)
        if part is not None:
            blocks[part] = block
            cursor, anchor = text.starts[part + 1], part
        elif _restorable(block):
            added.setdefault(anchor, []).append(block)
    result: list[Block] = list(added.get(-1, []))
    for index, kept in enumerate(blocks):
        if kept is not None:
            result.append(kept)
        result.extend(added.get(index, []))
    return tuple(result)


class _Text:
    """The extracted blocks' text as one string of keys, to find a page block's text in it
    even where the extraction split or merged blocks."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.units: list[tuple[str, int]] = [
            (key, index) for index, block in enumerate(blocks)
            for key in map(_key, _units(block)) if key]
        self.joined = "".join(key for key, _ in self.units)
        self.starts = [0]  # where each block's text begins in `joined`, and where it ends
        for block in blocks:
            self.starts.append(self.starts[-1] + sum(len(_key(u)) for u in _units(block)))

    def find(self, key: str, start: int) -> int | None:
        """Where `key` ends in the text from `start` on; a short key must be a whole unit."""
        if len(key) >= html_rules.RESTORE_MIN_KEY:
            found = self.joined.find(key, start)
            return None if found < 0 else found + len(key)
        for unit, index in self.units:
            if unit == key and self.starts[index] >= start:
                return self.starts[index] + len(key)
        return None

    def block_at(self, offset: int) -> int:
        """The index of the extracted block that holds the character at `offset`."""
        return max(0, bisect_right(self.starts, offset) - 1)


def _partial(extracted: Sequence[Block], blocks: Sequence[Block | None], anchor: int,
             reference: Block, key: str) -> int | None:
    """The index of an extracted block just after `anchor` that holds part of `reference`:
    the same image without its caption, or texts that all lie in `key` and make up enough of
    it; None if there is none."""
    for index in range(anchor + 1, min(anchor + 1 + html_rules.RESTORE_WINDOW, len(blocks))):
        block = extracted[index]
        units = [k for k in map(_key, _units(block)) if k]
        if blocks[index] is not block or not units:
            continue
        if isinstance(block, Figure) and isinstance(reference, Figure):
            if _key(block.alt) == _key(reference.alt) and _key(block.caption) in key:
                return index
        elif all(k in key for k in units) and sum(map(len, units)) >= (
                html_rules.RESTORE_PARTIAL_SHARE * len(key)):
            return index
    return None


def _restorable(block: Block) -> bool:
    """True for a block that is article text rather than page furniture."""
    if isinstance(block, Heading):
        return block.level > 1
    if isinstance(block, Paragraph):
        text = block.text.rstrip()
        return text.endswith(tuple(CLOSING_PUNCTUATION) + ("?", "!", ":")) or len(
            text.split()) >= html_rules.RESTORE_MIN_WORDS
    return isinstance(block, (Quote, Figure, ListBlock))


def _units(block: Block) -> tuple[str, ...]:
    """The texts of a block: one, or a list's items, or a figure's alt text and caption."""
    if isinstance(block, ListBlock):
        return block.items
    if isinstance(block, Figure):
        return (block.alt, block.caption)
    return (block.text,)


def _key(text: str) -> str:
    """Letters and digits only, in lower case: what two copies of a text surely share."""
    return _NOT_KEY.sub("", text).casefold()
