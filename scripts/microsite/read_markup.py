"""Markdown articles: rendered with Python-Markdown, then read back as blocks by an HTML block
reader, the one a saved web page will go through too. After this, nothing knows the format.

The Markdown's headings are the outline, as given. As in MkDocs, a `title` in front matter, or
else a first `#` heading, is the title; with several `#` headings, the others are the top-level
sections (see `titled`). Elements that carry no article text (scripts, styles, frames,
embedded objects, form controls) are dropped; every other piece of text becomes a block.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import yaml

from .data.outline_rules import DEFAULT_RULES, Rules
from .errors import InputError
from .escape import one_line
from .model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Source

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_WORD = re.compile(r"\w+")
_LOWEST_LEVEL = 6  # HTML's <h6>: a heading moved down from it stays there
_EXTENSIONS = ["extra", "sane_lists"]
# Elements whose content is never article text; each has an end tag, so skipping ends.
_SKIPPED = {"script", "style", "template", "noscript", "iframe", "svg", "math", "canvas",
            "object", "select", "textarea", "button"}
_BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figcaption",
           "dt", "dd", "tr", "caption"}


def read_markdown(name: str, text: str, rules: Rules = DEFAULT_RULES) -> Source:
    """A Markdown article as blocks; its front-matter title, if any, as a level-1 heading."""
    title = ""
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            raise InputError(f"{name}: the front matter at the top is not valid YAML"
                             f" ({error.__class__.__name__}). Fix it or remove it.") from error
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            title = meta["title"]
        text = text[match.end():]
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return Source(name=name, blocks=titled(read_html_blocks(html), one_line(title)))


def titled(blocks: tuple[Block, ...], title: str = "") -> tuple[Block, ...]:
    """The blocks with the article's title as their one level-1 heading.

    The title is `title` (from front matter or a page's metadata) if given, else the first
    heading if it is of level 1; a first level-1 heading that repeats `title` is that title,
    not a section. When other level-1 headings remain (every section marked `#` beside the
    title, or under a front-matter title), every heading but the title moves one level down:
    they become the top-level sections, and their subsections stay under them."""
    headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
    tops = [i for i, b in headings if b.level == 1]
    first = headings[0][1] if headings else None
    if first and first.level == 1 and (not title or _repeats(first.text, title)):
        head = tops[0]  # the document's own first heading is the title
    elif title:
        blocks, head, tops = (Heading(text=title, level=1), *blocks), 0, [i + 1 for i in tops]
    else:
        return blocks
    if tops in ([], [head]):
        return blocks
    return tuple(Heading(text=b.text, level=min(b.level + 1, _LOWEST_LEVEL))
                 if isinstance(b, Heading) and i != head else b for i, b in enumerate(blocks))


def _repeats(heading: str, title: str) -> bool:
    """True when a heading says the title, or begins with it or it with the heading
    ("Email Etiquette" and "Email Etiquette: A Guide")."""
    ours, theirs = _WORD.findall(heading.casefold()), _WORD.findall(title.casefold())
    shorter = min(len(ours), len(theirs))
    return shorter > 0 and ours[:shorter] == theirs[:shorter]


def read_html_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of an HTML fragment: headings, paragraphs, lists, quotes and figures."""
    reader = _BlockReader()
    reader.feed(html)
    reader.close()
    return tuple(reader.blocks)


class _BlockReader(HTMLParser):
    """Turns HTML into blocks, in document order. Text outside any block element is a
    paragraph of its own; an image is a figure (its alt text, and a figcaption if any). A
    figure without an image (a pull quote, a table) gives its blocks, then its caption."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.open: list[str] = []  # the block elements open now
        self.skip = 0  # inside script, style or another _SKIPPED element
        self.items: list[str] = []
        self.lists: list[bool] = []  # ordered?, per open list
        self.figure: tuple[str, str] | None = None  # (alt, caption) while in <figure>
        self.figure_parts: set[str] = set()  # "img", "blockquote": what the figure holds

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in ("ul", "ol"):
            self._flush_item()
            self.lists.append(tag == "ol")
        elif tag == "figure":
            self._flush()
            self.figure = ("", "")
            self.figure_parts = set()
        elif tag == "img":
            alt = one_line(dict(attrs).get("alt") or "")
            if self.figure is not None:
                self.figure = (alt, self.figure[1])
                self.figure_parts.add("img")
            elif alt:
                self._flush()
                self.blocks.append(Figure(alt=alt, caption=""))
        elif tag == "br":
            self.text.append(" ")
        elif tag in ("td", "th") and "tr" in self.open and "".join(self.text).strip():
            self.text.append(" | ")  # a table row is one paragraph, its cells kept apart
        elif tag in _BLOCKS:
            if tag == "blockquote" and self.figure is not None:
                self.figure_parts.add("blockquote")
            if tag == "li":
                self._flush_item()
            elif not (self.open and self.open[-1] in ("li", "blockquote")):
                self._flush()
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol") and self.lists:
            self._flush_item()
            ordered = self.lists.pop()
            if self.items and not self.lists:
                self.blocks.append(ListBlock(items=tuple(self.items), ordered=ordered))
                self.items = []
        elif tag == "figure" and self.figure is not None:
            alt, caption = self.figure
            self.figure = None
            caption = caption or one_line("".join(self.text))
            self.text = []
            if "img" in self.figure_parts and (alt or caption):
                self.blocks.append(Figure(alt=alt, caption=caption))
            elif caption:  # a quote's source, or a table's title
                quoted = "blockquote" in self.figure_parts
                self.blocks.append(Quote(text=caption) if quoted else Paragraph(text=caption))
        elif tag in _BLOCKS and tag in self.open:
            while self.open and self.open.pop() != tag:
                pass
            if tag == "figcaption" and self.figure is not None:
                self.figure = (self.figure[0], one_line("".join(self.text)))
                self.text = []
            elif tag != "li" and not (self.lists and tag == "p"):  # a list item's paragraph
                self._flush(tag)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        self._flush_item()
        if self.items:
            self.blocks.append(ListBlock(items=tuple(self.items), ordered=False))
        self._flush()

    def _flush_item(self) -> None:
        if self.lists:
            text = one_line("".join(self.text))
            self.text = []
            if text:
                self.items.append(text)

    def _flush(self, tag: str = "p") -> None:
        text = one_line("".join(self.text))
        self.text = []
        if not text:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.blocks.append(Heading(text=text, level=int(tag[1])))
        elif tag == "blockquote" or "blockquote" in self.open:
            self.blocks.append(Quote(text=text))
        else:
            self.blocks.append(Paragraph(text=text))

