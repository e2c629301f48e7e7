"""The learning layer: what turns pages of an article into a place to study.

`learn(site)` gathers first and resolves second, like the rest of the pipeline:

    1. text       the sentences of every content page (prose only, never headings)
    2. terms      key terms and abbreviations, each owned by one page, with its best sentence
    3. similar    related pages by TF-IDF cosine; each page's most central sentence
    4. callouts   sentences to set off as tips and research notes (cue lists in data/)
    5. links      first mentions of terms to link, to the owning page or the glossary
    6. questions  multiple-choice self-checks built from key sentences
    7. glance     the article's most central sentences (LexRank) and its reading grade
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Learning, Lesson, NavItem, Page, Site, Term
from .callouts import classify
from .questions import Neighbours, ask
from .similar import Vector, bridge, central_sentences, page_vectors, relate, takeaway
from .terms import TermIndex, find_terms, plan_links
from .text import content_pages, page_sentences, reading_grade


def learn(site: Site) -> Site:
    """The site with its Learning: terms, links, related pages, callouts and questions."""
    # 1. the prose of every content page, as sentences
    pages = content_pages(site)
    sentences = {page.path: page_sentences(page) for page in pages}
    # 2. key terms, owned by the page that discusses each most
    terms = find_terms(pages, sentences)
    # 3. similar pages and central sentences
    vecs = page_vectors(pages, sentences)
    related = relate(pages, vecs)
    # 4-6. per page: callouts, links at first mentions, questions, from the terms it names
    index = TermIndex(terms)
    article_of = {page.path: page.article for page in pages}
    neighbours = Neighbours(site, terms)
    labels_of: dict[str, list[str]] = {}  # each page's own terms, in the terms' order
    for term in terms:
        labels_of.setdefault(term.page, []).append(term.label)
    lessons = []
    for page in pages:
        mine = sentences[page.path]
        named = tuple(index.named(mine))
        # A single word can mean another thing in another article ("water" in composting and
        # in baking): across articles only phrases and abbreviations link.
        linkable = tuple(t for t in named if len(t.key) > 1 or t.expansion
                         or article_of[t.page] == page.article)
        key = takeaway(mine)
        lessons.append(Lesson(
            path=page.path,
            takeaway=key,
            terms=tuple(labels_of.get(page.path, ())),
            related=related[page.path],
            links=_links(page, mine, linkable, related[page.path], vecs),
            callouts=classify(mine),
            questions=ask(page, mine, named, neighbours, avoid=key),
        ))
    # 7. the whole article at a glance
    everything = tuple(s for page in site.pages if page.kind in ("home", "article", "section")
                       for s in (sentences[page.path] if page.path in sentences
                                 else page_sentences(page)))
    # (a home page over several articles lists them instead)
    glance = central_sentences(everything, 3) if len(site.articles) == 1 else ()
    learning = Learning(lessons=tuple(lessons), terms=terms, glance=glance,
                        grade=reading_grade(everything))
    return _with_study_pages(replace(site, learning=learning))


def _links(page: Page, mine: tuple[str, ...], terms: tuple[Term, ...],
           related: tuple[str, ...],
           vecs: dict[str, Vector]) -> tuple[tuple[str, str], ...]:
    """The page's links at first mentions; if none leads to another page, a phrase of its
    prose that points at a related page links there, after the terms."""
    links = plan_links(page, mine, terms)
    if any(not target.startswith(GLOSSARY.path) for _, target in links):
        return links
    linked = {label for label, _ in links}
    text = " ".join(mine)
    found = bridge(text, related, vecs)
    if found is None or any(found[0] in label or label in found[0] for label in linked):
        return links
    return (found, *links)


GLOSSARY = Page(path="glossary.md", title="Glossary", kind="glossary", tags=(), blocks=(),
                description="The key terms of this site, each with the sentence from the text"
                " that explains it.")
TOPICS = Page(path="topics.md", title="Topics", kind="topics", tags=(), blocks=(),
              description="The pages of this site by topic.")


def _with_study_pages(site: Site) -> Site:
    """The glossary and topics pages added before the about page, in pages and nav."""
    assert site.learning is not None
    extra = (GLOSSARY, TOPICS) if site.learning.terms else ()
    pages = site.pages[:-1] + extra + site.pages[-1:]
    nav = site.nav[:-1] + tuple(NavItem(p.title, p.path) for p in extra) + site.nav[-1:]
    return replace(site, pages=pages, nav=nav)
