"""Key terms: candidate phrases between break words (RAKE), scored per page by TF-IDF and
owned by the page that discusses each most; abbreviations found Schwartz-Hearst style; for each
term the sentence of the text that best explains it; and which first mentions to link.

Terms are identified by the stems of their words, so "attachment style" and "attachment
styles" are one term while "self-esteem" and "self-worth" stay two.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from markdown.extensions.toc import slugify, unique

from ..data.term_rules import (
    ADJECTIVE_ENDINGS,
    BREAKS,
    GENERAL,
    LINKS_PER_PAGE,
    MAX_WORDS,
    SPREAD_MAX,
    TERMS_PER_PAGE,
)
from ..model import Page, Term
from ..textutil import first_mention, mentions, stem_word, words

Key = tuple[str, ...]

_KEY = _WORD = itemgetter(0)
"""A candidate phrase's key; a word as written (of `words`' word, start, end)."""

DEFINES, OWN_PAGE, SHORT = 3, 2, 1
"""What a sentence scores as a term's definition: for defining it ("X is ...", "X, which"),
for being on the term's own page, for being short (SHORT_SENTENCE_WORDS words at most)."""
SHORT_SENTENCE_WORDS = 40

_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z]{0,8}[A-Z]s?)\)")
_DEFINING = re.compile(r"^\W*(is|are|refers? to|means?|describes?|involves?|requires?|"
                       r"occurs?|happens?|was|were)\b|^\s*,\s*(which|or)\b|^\s*\(")


def find_terms(pages: tuple[Page, ...], sentences: dict[str, tuple[str, ...]]) -> tuple[Term, ...]:
    """The site's key terms, alphabetical, each with its owner page and best sentence."""
    # (plain dicts, not Counters: a Counter's += on a new key is a call in Python)
    counts: dict[str, dict[Key, int]] = {}
    for page in pages:
        mine: dict[Key, int] = {}
        counts[page.path] = mine
        for key in map(_KEY, chain.from_iterable(map(candidates, sentences[page.path]))):
            mine[key] = mine.get(key, 0) + 1
    titles = {page.path: _title_keys(page.title) for page in pages}
    owned = _owners(pages, counts, titles)
    abbreviations = _abbreviations(pages, sentences)
    terms: list[Term] = []
    anchors: set[str] = set()
    for short, (long, path) in sorted(abbreviations.items()):
        terms.append(Term(label=short, key=(stem_word(short),), forms=(short,), page=path,
                          anchor="", expansion=long))
    short_keys = {term.key for term in terms}
    forms, inside = _spellings(pages, sentences, {key for key, _ in owned} - short_keys)
    for key, path in owned:
        if key in short_keys:
            continue
        label = _label(forms[key], inside.get(key, {}))
        terms.append(Term(label=label, key=key, forms=_forms(forms[key]), page=path, anchor=""))
    all_sentences = [(p.path, s) for p in pages for s in sentences[p.path]]
    where = _positions(all_sentences, {term.key for term in terms if not term.expansion})
    final = []
    for term in sorted(terms, key=lambda t: t.label.lower()):
        anchor = unique(slugify(term.label, "-") or "term", anchors)
        # only the sentences that name the term's words; for an abbreviation, whose long form
        # may stand alone, those that hold either spelling as written (it is matched with its
        # case, so no other sentence can mention it)
        among = ([pair for pair in all_sentences
                  if term.label in pair[1] or term.expansion in pair[1]] if term.expansion
                 else [all_sentences[i] for i in where[term.key]])
        definition = define(term, among)
        if not definition:
            continue  # named only in a heading: nothing in the prose to explain or link
        final.append(Term(label=term.label, key=term.key, forms=term.forms, page=term.page,
                          anchor=str(anchor), definition=definition, expansion=term.expansion))
    return tuple(final)


@lru_cache(maxsize=1 << 16)
def candidates(text: str) -> tuple[tuple[Key, str, int], ...]:
    """Candidate phrases of `text` (runs of up to MAX_WORDS words between break words and
    punctuation), as (stems, the words as written, where they start); a run's phrases
    shortest first, those of a length in order.

    Made as the words come: a word adds its own phrase, and those it ends are kept aside
    until the run ends (after its shorter ones). Most runs are one word long: no step is
    spent on them but that word's phrase."""
    found: list[tuple[Key, str, int]] = []
    longer: list[tuple[Key, str, int]] = []  # the run's phrases of two words or more
    stems: list[str] = []  # the run's words: their stems, where they start and whether
    starts: list[int] = []  # each may start a phrase
    leads: list[bool] = []
    last_end = 0
    for word, start, end in words(text):
        info = _word(word)
        if stems and (info is None or (start > last_end
                                       and not text[last_end:start].isspace())):
            # the run ends at a break word, or at punctuation between two words
            if longer:
                found += sorted(longer, key=_words_in)
                longer = []
            stems, starts, leads = [], [], []
        if info is not None:
            stem, lead, alone = info
            if alone:
                found.append(((stem,), text[start:end], start))
            stems.append(stem)
            starts.append(start)
            leads.append(lead)
            size = len(stems)
            if size > 1:  # the phrases this word ends
                for i in range(max(0, size - MAX_WORDS), size - 1):
                    if leads[i]:
                        longer.append((tuple(stems[i:]), text[starts[i]:end], starts[i]))
        last_end = end
    if longer:
        found += sorted(longer, key=_words_in)
    return tuple(found)


def _words_in(phrase: tuple[Key, str, int]) -> int:
    return len(phrase[0])


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, bool, bool] | None:
    """What candidate phrases need of a word as written, worked out once per spelling: None
    for a break word, else its stem, whether it may start a phrase (a term is a noun phrase:
    no leading verb) and whether it may stand alone (no lone adjective or general word)."""
    lower = word.lower()
    if (lower in BREAKS or len(lower) < 3 or lower.endswith("ly") or "'" in lower
            or "’" in lower  # (no letter: isalpha first, one call for a word of letters)
            or not (lower.isalpha() or any(c.isalpha() for c in lower))):
        return None
    leads = not (len(lower) > 5 and lower.endswith("ing"))  # not a gerund
    alone = leads and lower not in GENERAL and not lower.endswith(ADJECTIVE_ENDINGS)
    return stem_word(lower), leads, alone


def _title_keys(title: str) -> set[Key]:
    return {key for key, _, _ in candidates(title)}


def _spellings(pages: tuple[Page, ...], sentences: dict[str, tuple[str, ...]],
               keys: Set[Key]) -> tuple[dict[Key, dict[str, int]], dict[Key, dict[str, int]]]:
    """How often each of `keys` is spelled each way, in the prose and titles; and inside
    sentences only (not at their start). Counted for the chosen terms only, a few of all the
    candidates."""
    forms: dict[Key, dict[str, int]] = {}
    inside: dict[Key, dict[str, int]] = {}
    for page in pages:
        for sentence in sentences[page.path]:
            for key, form, start in candidates(sentence):
                if key in keys:
                    spellings = forms.setdefault(key, {})
                    spellings[form] = spellings.get(form, 0) + 1
                    if start > 0:
                        spellings = inside.setdefault(key, {})
                        spellings[form] = spellings.get(form, 0) + 1
        for key, form, _ in candidates(page.title):
            if key in keys:
                spellings = forms.setdefault(key, {})
                spellings[form] = spellings.get(form, 0) + 1
    return forms, inside


def _owners(pages: tuple[Page, ...], counts: dict[str, dict[Key, int]],
            titles: dict[str, set[Key]]) -> list[tuple[Key, str]]:
    """The terms each page owns: its best-scoring candidates that score best on it."""
    total: dict[Key, int] = {}
    for counter in counts.values():
        for key, count in counter.items():
            total[key] = total.get(key, 0) + count
    keys = {path: counter.keys() | titles[path] for path, counter in counts.items()}
    df = Counter(chain.from_iterable(keys.values()))  # (counted in C)
    n = len(pages)
    # one passing mention is no key term (unless in a title); a word every page uses is the
    # article's topic, not a page's term
    frequent = {key for key, count in total.items() if count >= (2 if len(key) > 1 else 3)}
    widespread = max(3, SPREAD_MAX * n)

    best: dict[Key, tuple[float, str]] = {}
    for page in pages:
        counted, titled = counts[page.path], titles[page.path]
        for key in keys[page.path] & frequent | titled:
            if len(key) == 1 and df[key] > widespread:
                continue
            # TF-IDF, phrases weighed up
            tf = counted.get(key, 0) + (2 if key in titled else 0)
            idf = math.log((1 + n) / (1 + df[key])) + 1
            value = tf * idf * (1 + 0.5 * (len(key) - 1))
            if key not in best or value > best[key][0]:
                best[key] = (value, page.path)
    by_page: dict[str, list[tuple[float, Key]]] = defaultdict(list)
    for key, (value, path) in best.items():
        by_page[path].append((value, key))
    owned: list[tuple[Key, str]] = []
    for page in pages:
        mine = sorted(by_page[page.path], key=lambda vk: (-vk[0], vk[1]))
        chosen: list[Key] = []
        for _, key in mine:
            if any(_within(key, other) or _within(other, key) for other in chosen):
                continue  # "self-esteem" and "low self-esteem": keep the better one
            chosen.append(key)
            if len(chosen) == TERMS_PER_PAGE:
                break
        owned += [(key, page.path) for key in chosen]
    return owned


def _positions(sentences: list[tuple[str, str]], keys: Set[Key]) -> dict[Key, list[int]]:
    """For each of `keys`, the positions of the sentences it occurs in (as `_sentence_keys`
    has it: one-word keys looked for among the sentence's stems, longer ones among its
    phrases)."""
    stems = {key[0] for key in keys if len(key) == 1}
    phrases = {key for key in keys if len(key) > 1}
    where: dict[Key, list[int]] = defaultdict(list)
    for position, (_, sentence) in enumerate(sentences):
        for stem in _stems(sentence) & stems:
            where[stem,].append(position)
        for key in _phrases(sentence) & phrases:
            where[key].append(position)
    return where


@lru_cache(maxsize=1 << 16)
def _sentence_keys(sentence: str) -> frozenset[Key]:
    """Every key a term found in `sentence` could have: its candidate phrases', and each of
    its words' stem alone (short forms such as "CBT" included). Kept in two parts for
    speed (`_stems`, `_phrases`); this is what they stand for."""
    return _phrases(sentence) | {(stem,) for stem in _stems(sentence)}


@lru_cache(maxsize=1 << 16)
def _stems(sentence: str) -> frozenset[str]:
    """The stems of every word of `sentence`: its one-word keys, as plain strings (a string's
    hash is kept, a tuple's is worked out at every look-up; no step of Python per word)."""
    return frozenset(map(stem_word, map(_WORD, words(sentence))))


@lru_cache(maxsize=1 << 16)
def _phrases(sentence: str) -> frozenset[Key]:
    """The keys of the candidate phrases of `sentence` (its longer keys, with some one-word
    ones that `_stems` also has)."""
    return frozenset(map(_KEY, candidates(sentence)))


class TermIndex:
    """The site's terms by key, to find the ones a page names without trying each term."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.by_stem: dict[str, list[Term]] = defaultdict(list)  # one-word terms
        self.by_phrase: dict[Key, list[Term]] = defaultdict(list)  # the others
        for term in terms:
            if len(term.key) == 1:
                self.by_stem[term.key[0]].append(term)
            else:
                self.by_phrase[term.key].append(term)

    def named(self, sentences: Iterable[str]) -> list[Term]:
        """The terms whose words occur in `sentences` (every key of `_sentence_keys`; to be
        confirmed by `mention_pattern`), in the site's order. The keys of the text are not
        gathered one by one: its stems and phrases are met with the terms' by set operations."""
        texts = tuple(sentences)
        stems = self.by_stem.keys() & frozenset().union(*map(_stems, texts))
        phrases = self.by_phrase.keys() & frozenset().union(*map(_phrases, texts))
        found = [term for stem in stems for term in self.by_stem[stem]]
        found += [term for key in phrases for term in self.by_phrase[key]]
        return sorted(found, key=lambda t: (t.label.lower(), t.label, t.page))


def _within(short: Key, long: Key) -> bool:
    return len(short) < len(long) and any(
        long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _label(forms: dict[str, int], inside: dict[str, int]) -> str:
    """The usual spelling inside sentences (so "Paris" and "CBT" keep their capitals); for a
    term seen only in headings or at sentence starts, lower case unless it is an acronym."""
    if inside:
        return sorted(inside.items(), key=lambda fc: (-fc[1], fc[0]))[0][0]
    form = sorted(forms.items(), key=lambda fc: (-fc[1], fc[0]))[0][0]
    return form if form.isupper() else form.lower()


def _forms(forms: dict[str, int]) -> tuple[str, ...]:
    unique_forms = {f for f in forms} | {f.lower() for f in forms}
    return tuple(sorted(unique_forms, key=lambda f: (-len(f), f)))


def _abbreviations(pages: tuple[Page, ...],
                   sentences: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    """Short forms defined in the text as "long form (SF)", with their long form and page."""
    found: dict[str, tuple[str, str]] = {}
    for page in pages:
        for sentence in sentences[page.path]:
            for match in _SHORT_FORM.finditer(sentence):
                short = match.group(1)
                long = long_form(short, sentence[: match.start()])
                if long and short not in found:
                    found[short] = (long, page.path)
    return found


def long_form(short: str, before: str) -> str:
    """The long form that `short` abbreviates at the end of `before` (Schwartz & Hearst 2003),
    or "" when none fits: every letter of the short form is found, in order, right to left,
    and its first letter starts a word."""
    letters = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
    span = min(len(letters) + 5, len(letters) * 2)
    window = " ".join(before.split()[-span:])
    at = len(window) - 1  # position in the window, moving left
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index].lower()
        if not char.isalnum():
            continue
        while at >= 0 and (window[at].lower() != char
                           or (index == 0 and at > 0 and window[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return ""
        at -= 1
    start = window.rfind(" ", 0, at + 2) + 1
    result = window[start:].strip(" ,;:")
    return result if len(result) > len(short) and (" " in result or "-" in result) else ""


def define(term: Term, sentences: list[tuple[str, str]]) -> str:
    """The sentence that best explains `term`: one that defines it ("X is ...", "X, which"),
    else its first mention on its own page, else its first mention anywhere (a short
    sentence preferred each time). The first that scores all three ends the search: no
    later one could beat it."""
    best: tuple[int, str] | None = None
    for path, sentence in sentences:
        match = first_mention(term, sentence)
        if not match:
            continue
        value = 0
        if _DEFINING.search(sentence[match.end():]):
            value += DEFINES
        if path == term.page:
            value += OWN_PAGE
        if len(sentence.split()) <= SHORT_SENTENCE_WORDS:
            value += SHORT
        if best is None or value > best[0]:
            best = (value, sentence)
            if value == DEFINES + OWN_PAGE + SHORT:
                break
    return best[1] if best else ""


def plan_links(page: Page, sentences: tuple[str, ...],
               terms: Iterable[Term]) -> tuple[tuple[str, str], ...]:
    """Which terms to link at their first mention on `page`, in the order to apply them: first
    terms other pages own (to that page; longest first), then the page's own (to their glossary
    entries); a few per page, and never two on the same words. `terms` may be all the site's
    terms or only those the page names (`TermIndex.named`): the result is the same."""
    text = " ".join(sentences)
    cross = sorted((t for t in terms if t.page != page.path), key=lambda t: (-len(t.key), t.label))
    own = sorted((t for t in terms if t.page == page.path), key=lambda t: (-len(t.key), t.label))
    taken: list[tuple[int, int]] = []
    links: list[tuple[str, str]] = []
    for group, budget in ((cross, LINKS_PER_PAGE - 1), (own, LINKS_PER_PAGE)):
        for term in group:
            if len(links) >= budget:
                break
            for match in mentions(term, text):
                if all(match.end() <= start or match.start() >= end for start, end in taken):
                    taken.append((match.start(), match.end()))
                    target = (term.page if term.page != page.path  # one of `cross`
                              else f"glossary.md#{term.anchor}")
                    links.append((term.label, target))
                    break
    return tuple(links)
