"""Write each page as Markdown, and the nav as YAML.

Article text is data: every character that means something to Markdown, to the Markdown
extensions the site uses, or to HTML is escaped, so it renders as the literal text it was. Page
titles, descriptions and nav labels are HTML-escaped as well, because Material's templates print
them unescaped.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

import yaml

from .model import (
    Article,
    Block,
    Figure,
    File,
    Heading,
    ListBlock,
    NavItem,
    Output,
    Page,
    Paragraph,
    Quote,
    Site,
)
from .textutil import prose_words

WORDS_PER_MINUTE = 238
"""Adults' silent reading rate for non-fiction (Brysbaert 2019)."""

# Characters escaped wherever they stand. Backslash escapes for what Python-Markdown itself can
# escape; character references for the rest, which work whatever extensions are on.
_INLINE = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}", "[": "\\[",
    "]": "\\]", "#": "\\#", "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
    "~": "&#126;", "^": "&#94;", "$": "&#36;",
}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
# At the start of a line: list markers, rules and fences, admonitions ("!!!", "???"),
# ordered-list numbers ("1. "), and indentation that would make a code block.
_LINE_START = re.compile(r"^(?:[-+=:]|!|\?|(\d+)\.)")


def escape(text: str) -> str:
    """`text` as Markdown that renders exactly as the text, on one line."""
    text = " ".join(text.split())
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)
    return _LINE_START.sub(_escape_start, text, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "\\."
    return {"?": "&#63;", ":": "&#58;", "=": "&#61;"}.get(match.group(0), "\\" + match.group(0))


def escape_html(text: str) -> str:
    """`text` safe inside HTML text and double-quoted attributes."""
    return (" ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def render(site: Site) -> Output:
    """Every page as a Markdown file, and the nav block for mkdocs.yml."""
    files = tuple(File(path=page.path, text=render_page(page, site)) for page in site.pages)
    return Output(site_name=escape_html(site.name), files=files, nav_yaml=render_nav(site.nav))


def render_nav(nav: tuple[NavItem, ...]) -> str:
    """The `nav:` block of mkdocs.yml."""

    def entry(item: NavItem) -> object:
        if item.children:
            return {escape_html(item.title): [entry(child) if child.path != item.path
                                               else child.path for child in item.children]}
        return {escape_html(item.title): item.path}

    return yaml.safe_dump({"nav": [entry(item) for item in nav]}, allow_unicode=True,
                          sort_keys=False, width=10_000)


def render_page(page: Page, site: Site) -> str:
    """One page: front matter, title, text, parts, then links onwards."""
    lines = [_front_matter(page), f"# {escape(page.title)}", ""]
    if page.kind in ("section", "home", "article") and (page.blocks or page.children):
        lines += [_reading_time(page, site), ""]
    lines += _blocks(page.blocks)
    for part in page.parts:
        lines += [f"{'#' * part.depth} {escape(part.section.title)}", ""]
        lines += _blocks(part.section.blocks)
    if page.kind in ("home", "article"):
        lines += _contents(page, site)
    elif page.children:
        lines += ["## In this section { data-search-exclude }", ""]
        lines += _links_block([_link_line(site.page(path), page.path, described=True)
                               for path in page.children])
    if page.kind == "about":
        lines += _about(site)
    return "\n".join(lines).rstrip("\n") + "\n"


def _front_matter(page: Page) -> str:
    meta: dict[str, object] = {
        "title": escape_html(page.title),
        "description": escape_html(page.description),
    }
    if page.tags:
        meta["tags"] = [escape_html(tag) for tag in page.tags]
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{text}---\n"


def _reading_time(page: Page, site: Site) -> str:
    """The page's reading time; on an article's first page, the whole article's."""
    if page.kind in ("home", "article"):
        article = next(a for a in site.articles if a.source == page.source)
        words = prose_words(article.intro) + sum(prose_words(s.blocks) for s in article.walk())
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        return f"*{words:,} words, about {minutes} min to read in full*"
    words = prose_words(page.blocks) + sum(prose_words(p.section.blocks) for p in page.parts)
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return f"*{minutes} min read*"


def _blocks(blocks: Iterable[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(escape(block.text))
        elif isinstance(block, Heading):  # only in sections outline left unsplit
            lines.append(f"**{escape(block.text)}**")
        elif isinstance(block, Quote):
            lines.append("> " + escape(block.text))
        elif isinstance(block, ListBlock):
            marker = "1." if block.ordered else "-"
            lines += [f"{marker} {escape(item)}" for item in block.items]
        elif isinstance(block, Figure):
            lines += _figure(block)
        lines.append("")
    return lines


def _figure(figure: Figure) -> list[str]:
    """A figure without an image file: its caption, and what the image showed as its
    description, so nothing is lost and no image link is broken."""
    lines = ['<figure class="ms-figure">',
             f'<p class="ms-figure__alt"><span class="ms-figure__label">Image:</span> '
             f"{escape_html(figure.alt)}</p>"]
    if figure.caption:
        lines.append(f"<figcaption>{escape_html(figure.caption)}</figcaption>")
    lines.append("</figure>")
    return lines


def _contents(page: Page, site: Site) -> list[str]:
    """The map of every section on a home or article page, as nested links."""
    if not (page.children or page.parts):
        return []
    lines = []
    for part in page.parts:
        indent = "    " * (part.depth - 2)
        lines.append(f"{indent}- [{escape(part.section.title)}](#{part.anchor})")
    for path in page.children:
        lines += _map_lines(site.page(path), page.path, site, 0)
    return ["## Contents { data-search-exclude }", "", *_links_block(lines)]


def _links_block(lines: list[str]) -> list[str]:
    """Lists of links the generator adds, marked so that neither readers' tools nor search take
    them for article text (they repeat titles and first sentences)."""
    return ['<div class="ms-links" markdown data-search-exclude>', "", *lines, "", "</div>", ""]


def _map_lines(target: Page, here: str, site: Site, indent: int) -> list[str]:
    pad = "    " * indent
    lines = [pad + _link_line(target, here)]
    for part in target.parts:
        link = f"{_relative(target.path, here)}#{part.anchor}"
        pad_part = "    " * (indent + part.depth - 1)
        lines.append(f"{pad_part}- [{escape(part.section.title)}]({link})")
    for path in target.children:
        lines += _map_lines(site.page(path), here, site, indent + 1)
    return lines


def _link_line(target: Page, here: str, described: bool = False) -> str:
    line = f"- [{escape(target.title)}]({_relative(target.path, here)})"
    return f"{line}: {escape(target.description)}" if described else line


def _relative(path: str, here: str) -> str:
    """The link from page `here` to page `path`, both under docs/."""
    return posixpath.relpath(path, posixpath.dirname(here) or ".")


def _about(site: Site) -> list[str]:
    lines = []
    for article in site.articles:
        sections = len(article.walk())
        words = prose_words(article.intro) + sum(prose_words(s.blocks) for s in article.walk())
        lines.append(
            f"- *{escape(article.title)}*, from the file `{article.source.replace('`', '')}`:"
            f" {words:,} words in {sections} sections."
        )
    return [
        "This site was generated by microsite from the article"
        + ("s" if len(site.articles) > 1 else "") + " below.",
        "",
        *lines,
        "",
        "Every sentence of the original text appears in these pages, in its original order,"
        " split into one page per section.",
        "",
    ]


def outline_json(site: Site) -> dict[str, object]:
    """The outline contract of `microsite outline --json` for a one-article site."""
    article = site.articles[0]
    headings = []
    for page in site.pages:
        located = ([page.section] if page.section else []) + [p.section for p in page.parts]
        headings += [{"text": s.title, "level": s.level, "page": page.path} for s in located]
    figures = [{"alt": b.alt, "caption": b.caption} for b in _in_order(article)
               if isinstance(b, Figure)]
    words = prose_words(_in_order(article)) + sum(len(f["alt"].split()) + len(f["caption"].split())
                                                   for f in figures)
    return {"title": article.title, "headings": headings, "figures": figures, "words": words}


def _in_order(article: Article) -> tuple[Block, ...]:
    return article.intro + tuple(b for s in article.walk() for b in s.blocks)
