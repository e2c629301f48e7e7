"""Measure the study features of a built site: `python -m microsite.audit PROJECT`.

Reads PROJECT/site/ (the built HTML) and PROJECT/mkdocs.yml (the nav), and prints, per content
page: whether it has a key takeaway, how many inline cross-links its prose has, how many links
it has in all to other content pages, its related pages, its questions (and whether their
answers link back), and how many glossary tooltips it shows; then the site's totals. The tests
hold these figures to floors; this prints them for people.
"""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils.yaml import yaml_load


@dataclass
class PageFigures:
    """What one built page shows."""

    path: str
    takeaway: bool = False
    prose_links: set[str] = field(default_factory=set)
    content_links: set[str] = field(default_factory=set)
    related: int = 0
    questions: int = 0
    answers_linked: int = 0
    tooltips: int = 0


class _Reader(HTMLParser):
    """Collects, inside the article body, links by where they stand, and study blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[set[str]] = []  # classes of the open elements, innermost last
        self.tags: list[str] = []
        self.links: list[tuple[str, frozenset[str], tuple[str, ...]]] = []
        self.takeaway = False
        self.questions = 0
        self.tooltips = 0
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.in_article = True
        if not self.in_article or tag in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            return
        self.stack.append(classes)
        self.tags.append(tag)
        inside = frozenset(c for s in self.stack for c in s)
        if tag == "a" and values.get("href"):
            self.links.append((str(values["href"]), inside, tuple(self.tags)))
        if "ms-summary" in classes and "admonition" in classes:
            self.takeaway = True
        if tag == "details" and "ms-quiz" in inside:
            self.questions += 1
        if tag == "abbr":
            self.tooltips += 1

    def handle_endtag(self, tag: str) -> None:
        if not (self.in_article and tag in self.tags):
            return
        while self.tags:
            self.stack.pop()
            if self.tags.pop() == tag:
                break
        self.in_article = bool(self.tags)


def nav_pages(project: Path) -> list[str]:
    """Paths under docs/ of the pages in the nav, in order."""
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))

    def walk(items: list[object]) -> list[str]:
        found: list[str] = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found += walk(value) if isinstance(value, list) else [str(value)]
        return found

    return walk(config["nav"])


def html_path(md: str) -> str:
    """Where MkDocs (directory URLs) writes the page made from `md`."""
    return md[:-3] + ".html" if md.endswith("index.md") else md[:-3] + "/index.html"


def measure(project: Path) -> list[PageFigures]:
    """Figures of every content page (pages with a key takeaway) of the built site."""
    pages = nav_pages(project)
    htmls = {html_path(md): md for md in pages}
    special = {"index.md", "glossary.md", "topics.md", "about.md"}
    figures = []
    for md in pages:
        html = html_path(md)
        reader = _Reader()
        reader.feed((project / "site" / html).read_text(encoding="utf-8"))
        if not reader.takeaway or md in special:
            continue
        page = PageFigures(path=md, takeaway=True, questions=reader.questions,
                           tooltips=reader.tooltips)
        for href, inside, tags in reader.links:
            if "://" in href or href.startswith("#") or "headerlink" in inside:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(html),
                                                       href.split("#")[0]))
            target_md = htmls.get(target + "/index.html") or htmls.get(target)
            if target_md is None or target_md == md or target_md in special:
                if "ms-quiz" in inside and target_md == md:
                    page.answers_linked += 1
                continue
            page.content_links.add(target_md)
            if "ms-related" in inside:
                page.related += 1
            if not inside & {"ms-links", "ms-summary", "ms-quiz"} and not set(tags) & {
                    "h1", "h2", "h3", "h4", "h5", "h6"}:
                page.prose_links.add(target_md)
        figures.append(page)
    return figures


def main(argv: list[str]) -> int:
    project = Path(argv[0] if argv else ".")
    rows = measure(project)
    print(f"{'page':60} takeaway prose-links content-links related questions answers tooltips")
    for r in rows:
        print(f"{r.path[:60]:60} {'yes' if r.takeaway else 'NO':8} {len(r.prose_links):11}"
              f" {len(r.content_links):13} {r.related:7} {r.questions:9} {r.answers_linked:7}"
              f" {r.tooltips:8}")
    n = len(rows)
    print(f"\ncontent pages: {n}")
    print(f"  with a key takeaway:            {sum(r.takeaway for r in rows)}/{n}")
    print(f"  with an inline cross-link:      {sum(bool(r.prose_links) for r in rows)}/{n}")
    print(f"  with 2+ links to content pages: {sum(len(r.content_links) >= 2 for r in rows)}/{n}")
    print(f"  with related pages:             {sum(r.related > 0 for r in rows)}/{n}")
    print(f"  with 2-4 questions:             {sum(2 <= r.questions <= 4 for r in rows)}/{n}")
    print(f"  whose answers all link back:    "
          f"{sum(r.questions > 0 and r.answers_linked == r.questions for r in rows)}/{n}")
    print(f"  with tooltips:                  {sum(r.tooltips > 0 for r in rows)}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
