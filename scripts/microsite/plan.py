"""Decide the site: which sections become pages, their slugs and paths, and the nav.

One article makes a site whose home page is the article's start; several make a site whose home
page lists them, each article in a folder of its own. A top-level section is a page; its
subsections get pages of their own when they are substantial (or as `split_level` says), and
otherwise stay on their parent's page as parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from markdown.extensions.toc import slugify, slugify_unicode, unique

from .data.outline_rules import DEFAULT_RULES, Rules
from .model import Article, Block, ListBlock, NavItem, Page, Paragraph, Part, Quote, Section, Site
from .textutil import prose_words, sentences, shorten

HOME = "index.md"
ABOUT = "about.md"

# Names a page may not take: the generated pages, MkDocs' and Material's own output folders and
# files, and names Windows refuses for files.
RESERVED: frozenset[str] = frozenset(
    ["index", "about", "glossary", "topics", "includes", "tags", "assets", "search", "404",
     "sitemap", "overrides", "javascripts", "stylesheets", "con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


SHELF_SIZE = 25
"""Past this many articles, the nav groups them in shelves of this many."""


def plan(
    articles: tuple[Article, ...], split_level: int | None = None, rules: Rules = DEFAULT_RULES
) -> Site:
    """Pages and nav for one or several articles, in reading order."""
    if len(articles) == 1:
        name = articles[0].title
        pages, nav = _article_pages(articles[0], "", split_level, rules, is_home=True)
    else:
        name = "Articles: " + "; ".join(a.title for a in articles)
        taken = set(RESERVED)
        pages, nav = [], []
        for article in articles:
            folder = make_slug(article.title, taken, rules) + "/"
            more_pages, more_nav = _article_pages(article, folder, split_level, rules, False)
            pages += more_pages
            nav += more_nav
        name = shorten(name, rules.description_max_chars)
        home = Page(path=HOME, title=name, kind="home", tags=(), blocks=(),
                    description=shorten(f"{len(articles)} articles: "
                                        + "; ".join(a.title for a in articles),
                                        rules.description_max_chars),
                    children=tuple(item.path for item in nav))
        pages.insert(0, home)
        nav = [NavItem(title="Home", path=HOME), *_shelved(nav)]
    about = Page(path=ABOUT, title="About this site", kind="about", tags=(), blocks=(),
                 description=shorten("Where the text of this site comes from and how it was"
                                     " made.", rules.description_max_chars))
    return Site(name=name, pages=tuple(pages) + (about,),
                nav=tuple(nav) + (NavItem(title=about.title, path=ABOUT),), articles=articles)


def _shelved(nav: list[NavItem]) -> list[NavItem]:
    """The articles' nav entries as they are, or, past SHELF_SIZE articles, in shelves of at
    most SHELF_SIZE ("Articles 1–25", ...): with Material's navigation.prune, each page then
    renders the shelves, its own shelf and its own article, not every article of the site."""
    if len(nav) <= SHELF_SIZE:
        return nav
    return [NavItem(title=f"Articles {start + 1}–{start + len(shelf)}", path="",
                    children=tuple(shelf))
            for start in range(0, len(nav), SHELF_SIZE)
            for shelf in [nav[start:start + SHELF_SIZE]]]


def make_slug(text: str, taken: set[str], rules: Rules = DEFAULT_RULES) -> str:
    """A file-name slug from Python-Markdown's slugify: short, safe anywhere, not in `taken`.

    The new slug is added to `taken`."""
    slug = _slugify(text) or slugify_unicode(text, "-") or "section"
    if len(slug) > rules.slug_max_chars:
        slug = slug[: rules.slug_max_chars].rsplit("-", 1)[0] or slug[: rules.slug_max_chars]
    slug = slug.strip("-_.") or "section"
    if slug in RESERVED:
        slug += "-page"
    return str(unique(slug, taken))


def _article_pages(
    article: Article, folder: str, split_level: int | None, rules: Rules, is_home: bool
) -> tuple[list[Page], list[NavItem]]:
    """The pages of one article under `folder`: its start page, then its sections."""
    inline_all = split_level is not None and split_level <= 1
    taken = set(RESERVED) if folder == "" else {"index"}
    section_pages: list[Page] = []
    nav: list[NavItem] = []
    if not inline_all:
        for section in article.sections:
            pages, item = _section_pages(section, folder, taken, split_level, rules, article,
                                         ())
            section_pages += pages
            nav.append(item)
    path = folder + "index.md"
    start = Page(
        path=path,
        title=article.title,
        kind="home" if is_home else "article",
        description=describe(article.intro, article.title, rules),
        tags=(),
        blocks=article.intro,
        parts=_parts(article.sections, 2, _page_ids(article.title)) if inline_all else (),
        children=tuple(item.path for item in nav),
        article=article.title,
        source=article.source,
    )
    if is_home:
        return [start, *section_pages], [NavItem(title="Home", path=path), *nav]
    return [start, *section_pages], [NavItem(title=article.title, path=path,
                                             children=(NavItem("Overview", path), *nav))]


def _section_pages(
    section: Section, folder: str, taken: set[str], split_level: int | None, rules: Rules,
    article: Article, above: tuple[str, ...],
) -> tuple[list[Page], NavItem]:
    """The page for `section` and, if its subsections are pages too, theirs; `above` holds
    the titles of the sections it sits in, which become its tags."""
    slug = make_slug(section.title, taken, rules)
    split = _split_children(section, split_level, rules)
    path = f"{folder}{slug}/index.md" if split else f"{folder}{slug}.md"
    child_pages: list[Page] = []
    child_nav: list[NavItem] = []
    if split:
        child_taken = {"index"}
        for child in section.children:
            pages, item = _section_pages(child, f"{folder}{slug}/", child_taken, split_level,
                                         rules, article, above + (section.title,))
            child_pages += pages
            child_nav.append(item)
    page = Page(
        path=path,
        title=section.title,
        kind="section",
        description=describe(section.blocks + _first_blocks(section.children), section.title,
                             rules),
        tags=above[:1] or (section.title,),
        blocks=section.blocks,
        section=section,
        parts=() if split else _parts(section.children, 2, _page_ids(section.title)),
        children=tuple(item.path for item in child_nav),
        article=article.title,
        source=article.source,
    )
    item = NavItem(title=section.title, path=path,
                   children=(NavItem(section.title, path), *child_nav) if split else ())
    return [page, *child_pages], item


def _split_children(section: Section, split_level: int | None, rules: Rules) -> bool:
    """True when the subsections of `section` get pages of their own."""
    if not section.children:
        return False
    if split_level is not None:
        return section.level < split_level
    if section.level >= 3:
        return False
    sizes = [sum(prose_words(s.blocks) for s in child.walk()) for child in section.children]
    return sum(sizes) >= rules.min_page_words * len(sizes)  # (their mean, in whole numbers)


def _parts(sections: Iterable[Section], depth: int, ids: set[str]) -> tuple[Part, ...]:
    """Sections shown inline, flattened in reading order, with the anchors toc will give them."""
    parts: list[Part] = []
    for section in sections:
        anchor = unique(_slugify(section.title), ids)
        parts.append(Part(section=section, anchor=anchor, depth=min(depth, 6)))
        parts += _parts(section.children, depth + 1, ids)
    return tuple(parts)


def _page_ids(title: str) -> set[str]:
    """The ids a page uses before its parts: its `# title`."""
    ids: set[str] = set()
    unique(_slugify(title), ids)
    return ids


@lru_cache(maxsize=1 << 12)
def _slugify(text: str) -> str:
    """Python-Markdown's slug of `text`, as toc makes a heading's id. Cached: a section's
    title gives both its page's file name and the id of the page's heading, and slugify
    (a Unicode normalisation and two regex substitutions) is the plan's dearest step."""
    return str(slugify(text, "-"))


def _first_blocks(sections: tuple[Section, ...]) -> tuple[Block, ...]:
    return sections[0].blocks + _first_blocks(sections[0].children) if sections else ()


def describe(blocks: Iterable[Block], fallback: str, rules: Rules = DEFAULT_RULES) -> str:
    """One sentence for the page's description: the first of its prose, or `fallback`."""
    for block in blocks:
        text = block.text if isinstance(block, (Paragraph, Quote)) else (
            block.items[0] if isinstance(block, ListBlock) else "")
        if text.strip():
            first = sentences(text)
            return shorten(first[0] if first else text, rules.description_max_chars)
    return shorten(fallback, rules.description_max_chars)

