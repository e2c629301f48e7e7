"""The prose of pages as sentences and words: what every learning step reads."""

from __future__ import annotations

import re
from functools import cache

import pyphen

from ..model import Block, ListBlock, Page, Paragraph, Quote, Site
from ..textutil import sentences, words

_STEMMABLE = re.compile(r"[^\W\d_]")


def content_pages(site: Site) -> tuple[Page, ...]:
    """The pages that present a section of an article."""
    return tuple(page for page in site.pages if page.kind == "section")


def page_blocks(page: Page) -> tuple[Block, ...]:
    """A page's own blocks, then its parts' blocks, in reading order."""
    return page.blocks + tuple(b for part in page.parts for b in part.section.blocks)


def page_sentences(page: Page) -> tuple[str, ...]:
    """The sentences of a page's prose (paragraphs, quotes, list items), in order."""
    found: list[str] = []
    for block in page_blocks(page):
        if isinstance(block, (Paragraph, Quote)):
            found += sentences(block.text)
        elif isinstance(block, ListBlock):
            for item in block.items:
                found += sentences(item)
    return tuple(found)


def reading_grade(texts: tuple[str, ...]) -> float:
    """The Flesch-Kincaid grade of the sentences `texts` (0 for no text).

    Syllables are counted as pyphen's hyphenation points plus one, as textstat does for words
    missing from the CMU dictionary; textstat itself loads that dictionary on first use, about
    a second, which is more than the rest of the generation takes."""
    found = [w for text in texts for w, _, _ in words(text)
             if w.isalpha() or _STEMMABLE.search(w)]  # a word with a letter in it
    if not found:
        return 0.0
    # the words lower-cased at once (a word has no space, and a space ends the context a
    # letter's lower case may depend on: a final sigma) and their syllables (cached by
    # spelling) summed by map: no Python frame for each word
    syllables = sum(map(_syllables, " ".join(found).lower().split(" ")))
    grade = 0.39 * len(found) / len(texts) + 11.8 * syllables / len(found) - 15.59
    return round(grade, 1)


@cache
def _syllables(word: str) -> int:
    """Pyphen's hyphenation points in `word`, plus one. A word shorter than both margins has
    no room for a point, so pyphen is not asked (each call runs several Python functions)."""
    if len(word) < 2 * _MARGIN:
        return 1
    return len(_hyphenator().positions(word)) + 1


_MARGIN = 2
"""Pyphen's default: no hyphenation point leaves fewer letters than this on either side."""


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=_MARGIN, right=_MARGIN)
