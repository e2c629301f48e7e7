"""Write each page as Markdown, and the nav as YAML.

Article text goes through `escape` everywhere it lands (see escape.py). What the learning layer
added is written here too, as plain Markdown: links at the first mention of a term, callouts
around tips and research claims, and the study blocks of `render_study`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import render_study as study
from .escape import escape, escape_html, escape_inline, escape_start, one_line, yaml_scalar
from .model import (
    Block,
    CalloutKind,
    Figure,
    File,
    Heading,
    Learning,
    Lesson,
    ListBlock,
    NavItem,
    Output,
    Page,
    Paragraph,
    Quote,
    Site,
    Term,
)
from .render_common import (
    article_words,
    link_line,
    links_block,
    map_lines,
    page_words,
    reading_minutes,
    relative,
)
from .textutil import first_mention, prose_words, sentences

CALLOUTS: dict[CalloutKind, tuple[str, str]] = {
    "tip": ("tip", "Try this"),
    "research": ("info", "What research says"),
}
"""Callout kind to Material admonition type and title."""

def render(site: Site, progress: Callable[[str, int, int], None] | None = None) -> Output:
    """Every page as a Markdown file, and the nav block for mkdocs.yml (`progress` is told
    ("rendering", done, total) as pages are done)."""
    files = []
    tooltips = study.Tooltips(site.learning.terms if site.learning else ())
    for done, page in enumerate(site.pages):
        if progress and done % 50 == 0:
            progress("rendering", done, len(site.pages))
        text = render_page(page, site)
        tips = tooltips.for_page(text)
        if tips:  # each line ends in a newline
            text += "\n".join(tips) + "\n"
        files.append(File(path=page.path, text=text))
    if progress:
        progress("rendering", len(site.pages), len(site.pages))
    return Output(site_name=escape_html(site.name), files=tuple(files),
                  nav_yaml=render_nav(site.nav))


def render_nav(nav: tuple[NavItem, ...]) -> str:
    """The `nav:` block of mkdocs.yml."""
    lines = ["nav:"]

    def add(item: NavItem, indent: str) -> None:
        title = yaml_scalar(escape_html(item.title))
        if not item.children:
            lines.append(f"{indent}- {title}: {yaml_scalar(item.path)}")
            return
        lines.append(f"{indent}- {title}:")
        for child in item.children:
            if child.path == item.path:  # the section's own page, untitled
                lines.append(f"{indent}  - {yaml_scalar(child.path)}")
            else:
                add(child, indent + "  ")

    for item in nav:
        add(item, "")
    return "\n".join(lines) + "\n"


def render_page(page: Page, site: Site) -> str:
    """One page: front matter, title, study blocks, text, parts, then links onwards."""
    lesson = site.learning.lesson(page.path) if site.learning else None
    prose = Prose(page.path, lesson, site.learning)
    lines = [_front_matter(page, lesson), f"# {escape(page.title)}", ""]
    if page.kind in ("section", "home", "article") and (page.blocks or page.children):
        lines += [_reading_time(page, site), ""]
    if lesson is not None:
        lines += study.takeaway(lesson)
    lines += prose.blocks(page.blocks)
    for part in page.parts:
        lines += [f"{'#' * part.depth} {escape(part.section.title)}", ""]
        lines += prose.blocks(part.section.blocks)
    if page.kind in ("home", "article"):
        lines += study.home(page, site) if site.learning else _contents(page, site)
    elif page.children:
        lines += ["## In this section { data-search-exclude }", ""]
        lines += links_block([link_line(site.page(path), page.path, described=True)
                              for path in page.children])
    if lesson is not None:
        lines += study.related(lesson, page, site)
        lines += study.questions(lesson, page)
    if page.kind == "glossary" and site.learning is not None:
        lines += study.glossary(site.learning, page, site)
    if page.kind == "topics":
        lines += study.topics()
    if page.kind == "about":
        lines += _about(site)
    return "\n".join(lines).rstrip("\n") + "\n"


class Prose:
    """Writes a page's prose: callouts around their sentences, and a link at the first
    mention of each term chosen for the page (longest first; linked text is not touched
    again)."""

    def __init__(self, here: str, lesson: Lesson | None, learning: Learning | None) -> None:
        self.here = here
        self.pending: list[tuple[Term, str]] = []
        if lesson is not None and learning is not None:
            # A label that is no term is a phrase of the page, linked as written.
            self.pending = [(learning.term(label) or Term(label=label, key=(), forms=(label,),
                                                          page=target, anchor=""), target)
                            for label, target in lesson.links]
        self.callouts = dict(lesson.callouts) if lesson else {}

    def blocks(self, blocks: Iterable[Block]) -> list[str]:
        """Markdown lines for `blocks`, each followed by a blank line."""
        lines: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                lines += self.paragraph(block.text)
                continue
            if isinstance(block, Heading):  # only in sections outline left unsplit
                lines.append(f"**{escape(block.text)}**")
            elif isinstance(block, Quote):
                lines.append("> " + self.linked(block.text))
            elif isinstance(block, ListBlock):
                marker = "1." if block.ordered else "-"
                lines += [f"{marker} {self.linked(item)}" for item in block.items]
            elif isinstance(block, Figure):
                lines += _figure(block)
            lines.append("")
        return lines

    def paragraph(self, text: str) -> list[str]:
        """A paragraph; runs of sentences the lesson calls tips or research become callouts
        in place, so every sentence stays once and in order."""
        if not self.callouts:
            return [self.linked(text), ""]
        runs: list[tuple[CalloutKind | None, list[str]]] = []
        for sentence in sentences(text):
            kind = self.callouts.get(sentence)
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(sentence)
            else:
                runs.append((kind, [sentence]))
        lines: list[str] = []
        for kind, run in runs:
            body = self.linked(" ".join(run))
            if kind is None:
                lines += [body, ""]
            else:
                admonition, title = CALLOUTS[kind]
                lines += [f'!!! {admonition} "{title}"', "", f"    {body}", ""]
        return lines

    def linked(self, text: str) -> str:
        """One line of prose, escaped, with links at the first mention of pending terms."""
        spans: list[tuple[str, str | None]] = [(one_line(text), None)]
        for term, target in list(self.pending):  # in the lesson's order, as learn placed them
            for index, (chunk, link) in enumerate(spans):
                match = first_mention(term, chunk) if link is None else None
                if match:
                    spans[index: index + 1] = [(chunk[: match.start()], None),
                                               (match.group(0), target),
                                               (chunk[match.end():], None)]
                    self.pending.remove((term, target))
                    break
        out = "".join(escape_inline(chunk) if link is None
                      else f"[{escape_inline(chunk)}]({relative(link, self.here)})"
                      for chunk, link in spans if chunk)
        return escape_start(out)


def _front_matter(page: Page, lesson: Lesson | None) -> str:
    lines = ["---", f"title: {yaml_scalar(escape_html(page.title))}",
             f"description: {yaml_scalar(escape_html(page.description))}"]
    tags = lesson.terms if lesson and lesson.terms else page.tags
    if tags:
        lines += ["tags:", *(f"- {yaml_scalar(escape_html(tag))}" for tag in tags)]
    return "\n".join(lines) + "\n---\n"


def _reading_time(page: Page, site: Site) -> str:
    """The page's reading time; on an article's first page, the whole article's."""
    if page.kind in ("home", "article"):
        # An article's start page counts its article; a home page of several, all of them.
        words = sum(article_words(a) for a in site.articles
                    if a.source == page.source or not page.source)
        return f"*{words:,} words, about {reading_minutes(words)} min to read in full*"
    return f"*{reading_minutes(page_words(page))} min read*"


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
        lines += map_lines(site.page(path), page.path, site, 0)
    return ["## Contents { data-search-exclude }", "", *links_block(lines)]


def _about(site: Site) -> list[str]:
    lines = []
    for article in site.articles:
        sections = len(article.walk())
        lines.append(
            f"- *{escape(article.title)}*, from the file `{article.source.replace('`', '')}`:"
            f" {article_words(article):,} words in {sections} sections."
        )
    grade = []
    if site.learning is not None:
        grade = [f"The article's text reads at about US school grade {site.learning.grade:g}"
                 " (Flesch-Kincaid). It is shown here as it was written, never rewritten.", ""]
    return [
        "This site was made by microsite from the article"
        + ("s" if len(site.articles) > 1 else "") + " below.",
        "",
        *lines,
        "",
        "Every sentence of the original text is on these pages, in its first order,"
        " one page for each section.",
        "",
        *grade,
        "What the site adds to help you study: a key point and a self-check on each page,"
        " links between pages that share ideas, and a glossary of key terms. The glossary"
        " explains each term with a sentence from the text.",
        "",
    ]


def outline_json(site: Site) -> dict[str, object]:
    """The outline contract of `microsite outline --json` for a one-article site."""
    article = site.articles[0]
    headings = []
    for page in site.pages:
        located = ([page.section] if page.section else []) + [p.section for p in page.parts]
        headings += [{"text": s.title, "level": s.level, "page": page.path} for s in located]
    blocks = article.intro + tuple(b for s in article.walk() for b in s.blocks)
    figures = [{"alt": b.alt, "caption": b.caption} for b in blocks if isinstance(b, Figure)]
    words = prose_words(blocks) + sum(len(f["alt"].split()) + len(f["caption"].split())
                                      for f in figures)
    return {"title": article.title, "headings": headings, "figures": figures, "words": words}

