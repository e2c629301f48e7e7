"""Small text helpers that several stages share: sentences, words and stems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import pysbd
import snowballstemmer

from .data.outline_rules import STOP_WORDS
from .model import Block, ListBlock, Paragraph, Quote, Term

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
"""A word: letters and digits of any script, with inner apostrophes and hyphens."""

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


@lru_cache(maxsize=1 << 16)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a paragraph, each stripped; joined by spaces they give the text back.

    Cached: several stages ask for the same paragraph's sentences, and pysbd is slow."""
    return tuple(s.strip() for s in _segmenter().segment(text) if s.strip())


def stems(text: str) -> frozenset[str]:
    """Stems of a text's content words: "Healthy Relationships" gives "healthi", "relationship"."""
    words = [w.lower() for w in WORD.findall(text)]
    return frozenset(_STEMMER.stemWords([w for w in words if w not in STOP_WORDS]))


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def prose_words(blocks: Iterable[Block]) -> int:
    """Words of prose in `blocks`: paragraphs, quotes and list items (not figures)."""
    total = 0
    for block in blocks:
        if isinstance(block, (Paragraph, Quote)):
            total += len(block.text.split())
        elif isinstance(block, ListBlock):
            total += sum(len(item.split()) for item in block.items)
    return total


@cache
def stem_word(word: str) -> str:
    """The stem of one word, lower-cased: "styles" gives "style"."""
    return str(_STEMMER.stemWord(word.lower()))


def stems_of(text: str) -> list[str]:
    """Stems of every content word of `text`, repeats kept (for term frequencies)."""
    return [stem_word(w) for w in WORD.findall(text)
            if w.lower() not in STOP_WORDS and not w.isdigit()]


@lru_cache(maxsize=4096)
def mention_pattern(term: Term) -> re.Pattern[str]:
    """A pattern that finds the term in any of its spellings, as whole words."""
    forms = sorted(set(term.forms) | {term.label, term.expansion} - {""}, key=lambda f: -len(f))
    flags = 0 if term.expansion else re.IGNORECASE
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])",
                      flags)
