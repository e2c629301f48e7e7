"""The plain data handed from one stage to the next.

Every type is a frozen dataclass holding tuples, never lists or dicts, so no stage can change
what another returned. The flow is::

    bytes --read--> Source (Blocks) --clean--> Source --outline--> Article
          --plan--> Site (Pages, nav) --render--> Output (files, nav) --write--> docs/
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

# --- Blocks: what `read` makes of any input format -------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A run of prose."""

    text: str
    """The paragraph's text on one line, white space folded."""
    standalone: bool = False
    """True when the source gave it as a single line on its own: the only shape of plain-text
    paragraph that may turn out to be an unmarked heading."""


@dataclass(frozen=True)
class Heading:
    """A heading the source marked explicitly (`## ...` in text, `<h2>` in HTML)."""

    text: str
    """The heading's words."""
    level: int
    """1 for the title, 2 for a top-level section, 3 for its subsections, and so on."""


@dataclass(frozen=True)
class ListBlock:
    """A list: marked items (`-`, `1.`) or a run of short lines."""

    items: tuple[str, ...]
    """The items' texts, in order."""
    ordered: bool = False
    """True for numbered lists."""


@dataclass(frozen=True)
class Quote:
    """A block quote."""

    text: str
    """The quoted text."""


@dataclass(frozen=True)
class Figure:
    """An image the source showed, known by its alternative text and caption."""

    alt: str
    """What the image shows (its alt text)."""
    caption: str
    """The caption printed under it; may be empty."""


Block = Paragraph | Heading | ListBlock | Quote | Figure
"""Any block of an article."""


@dataclass(frozen=True)
class Source:
    """One article as blocks, before its structure is known."""

    name: str
    """The file name it came from (no directory, so output does not depend on where it lies)."""
    blocks: tuple[Block, ...]
    """Its blocks in reading order."""
    dropped: tuple[str, ...] = ()
    """Lines that `clean` removed as scrape boilerplate, for the report."""


# --- Article: what `outline` infers -------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A heading with the blocks under it and its subsections."""

    title: str
    """The heading's words."""
    level: int
    """2 for a top-level section, 3 for a subsection, and so on."""
    blocks: tuple[Block, ...]
    """The blocks between this heading and the next one."""
    children: tuple[Section, ...] = ()
    """Subsections, in order."""

    def walk(self) -> tuple[Section, ...]:
        """This section and all below it, in reading order."""
        return (self,) + tuple(s for child in self.children for s in child.walk())


@dataclass(frozen=True)
class Article:
    """One article with its inferred structure."""

    source: str
    """The file name it came from."""
    title: str
    """The article's title."""
    intro: tuple[Block, ...]
    """The blocks before the first section."""
    sections: tuple[Section, ...]
    """Top-level sections, in order."""

    def walk(self) -> tuple[Section, ...]:
        """Every section at any depth, in reading order."""
        return tuple(s for top in self.sections for s in top.walk())


# --- Site: what `plan` decides ------------------------------------------------------------------

PageKind = Literal["home", "article", "section", "glossary", "topics", "about"]


@dataclass(frozen=True)
class Part:
    """A section shown inside a page rather than on a page of its own."""

    section: Section
    """The section (its children are parts too, or pages)."""
    anchor: str
    """The id its heading gets on the page, as Python-Markdown's toc makes it."""
    depth: int
    """Heading depth on the page: 2 for `##`, 3 for `###` ..."""


@dataclass(frozen=True)
class Page:
    """One Markdown file under docs/."""

    path: str
    """Path under docs/, with forward slashes (`breaking-the-cycle/index.md`)."""
    title: str
    """The page title (plain text; escaping is render's business)."""
    kind: PageKind
    """What sort of page it is."""
    description: str
    """One sentence, at most 160 characters, for search engines and link previews."""
    tags: tuple[str, ...]
    """Front-matter tags."""
    blocks: tuple[Block, ...]
    """The page's own text, before its parts."""
    section: Section | None = None
    """The section the page presents (None for the home, article and about pages)."""
    parts: tuple[Part, ...] = ()
    """Sections shown inline below the blocks, flattened in reading order."""
    children: tuple[str, ...] = ()
    """Paths of the pages directly below this one (a section's subsection pages)."""
    article: str = ""
    """Title of the article the page belongs to ("" for site-wide pages)."""
    source: str = ""
    """File name of that article."""


@dataclass(frozen=True)
class NavItem:
    """One entry of the nav: a page, or a group with its own index page."""

    title: str
    """The label shown."""
    path: str
    """The page it opens (a group's index page; "" for a group that has none)."""
    children: tuple[NavItem, ...] = ()
    """Entries under it."""


# --- Learning: what `learn` adds ---------------------------------------------------------------

CalloutKind = Literal["tip", "research"]


@dataclass(frozen=True)
class Term:
    """A key term of the site: matched across inflections, owned by one page."""

    label: str
    """How the term is shown ("attachment style")."""
    key: tuple[str, ...]
    """The stems of its words, which identify it in any inflection."""
    forms: tuple[str, ...]
    """The spellings it has in the text ("attachment styles", "Attachment Styles"), longest
    first."""
    page: str
    """The page that discusses it most."""
    anchor: str
    """Its entry's id on the glossary page."""
    definition: str = ""
    """The sentence of the text that best explains it, verbatim ("" if none does)."""
    expansion: str = ""
    """For an abbreviation, its long form ("Cognitive-behavioral therapy" for "CBT")."""


@dataclass(frozen=True)
class Question:
    """A multiple-choice question about a page."""

    prompt: str
    """The question, with the sentence it is built from."""
    options: tuple[str, ...]
    """The choices, in a stable order."""
    answer: int
    """Index of the right choice in `options`."""
    explanation: str
    """One line on why it is right."""
    page: str
    """The page that teaches it."""


@dataclass(frozen=True)
class Lesson:
    """What a content page gets for studying."""

    path: str
    """The page's path."""
    takeaway: str
    """The page's most central sentence, verbatim."""
    terms: tuple[str, ...]
    """Labels of the terms this page owns, most important first."""
    related: tuple[str, ...]
    """Paths of the two or three most similar pages, most similar first."""
    links: tuple[tuple[str, str], ...]
    """(term label, target path) to link at the first mention in this page's prose."""
    callouts: tuple[tuple[str, CalloutKind], ...]
    """Sentences to set off as callouts, with their kind."""
    questions: tuple[Question, ...]
    """Self-check questions."""


@dataclass(frozen=True)
class Learning:
    """Everything `learn` adds to a site."""

    lessons: tuple[Lesson, ...]
    """One per content page, in reading order."""
    terms: tuple[Term, ...]
    """The glossary, alphabetical."""
    glance: tuple[str, ...]
    """The article's most central sentences, in reading order, for the home page."""
    grade: float
    """The article's reading grade (Flesch-Kincaid)."""

    def lesson(self, path: str) -> Lesson | None:
        """The lesson of the page at `path`, if it is a content page."""
        return self._by_path.get(path)

    @cached_property
    def _by_path(self) -> dict[str, Lesson]:
        return {lesson.path: lesson for lesson in self.lessons}

    def term(self, label: str) -> Term | None:
        """The term shown as `label`, if there is one."""
        return self._by_label.get(label)

    @cached_property
    def _by_label(self) -> dict[str, Term]:
        return {term.label: term for term in self.terms}


@dataclass(frozen=True)
class Site:
    """Everything to write, decided: pages, nav and the site's name."""

    name: str
    """The site name (the article's title, or a name for several articles)."""
    pages: tuple[Page, ...]
    """Every page, in reading order (the home page first)."""
    nav: tuple[NavItem, ...]
    """The nav, in article order."""
    articles: tuple[Article, ...] = field(default=())
    """The articles it was planned from."""
    learning: Learning | None = None
    """What `learn` added: terms, links, callouts, questions (None before it runs)."""

    def page(self, path: str) -> Page:
        """The page at `path` (KeyError if none)."""
        return self._by_path[path]

    @cached_property
    def _by_path(self) -> dict[str, Page]:
        return {page.path: page for page in self.pages}


# --- Output: what `render` produces -------------------------------------------------------------


@dataclass(frozen=True)
class File:
    """A generated file's path under docs/ and its full text."""

    path: str
    """Path under docs/, forward slashes."""
    text: str
    """The complete content, ending in a newline."""


@dataclass(frozen=True)
class Output:
    """The generated files and the nav to put in mkdocs.yml."""

    site_name: str
    """The site name, made safe for Material's templates."""
    files: tuple[File, ...]
    """The files, in reading order."""
    nav_yaml: str
    """The `nav:` block for mkdocs.yml, as YAML text."""


@dataclass(frozen=True)
class WriteReport:
    """What `write` did, for the CLI to tell the user."""

    written: tuple[str, ...]
    """Files created or updated (paths relative to the project)."""
    unchanged: tuple[str, ...]
    """Generated files that already held the same content."""
    kept: tuple[str, ...]
    """Files the user changed or added that the run left alone."""
    removed: tuple[str, ...]
    """Generated files no longer generated, deleted."""
    added: tuple[str, ...] = ()
    """Pages of the user's own under docs/, put in the nav after the generated ones."""
    scaffolded: bool = False
    """True when the run created mkdocs.yml and the project skeleton."""
