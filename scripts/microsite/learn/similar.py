"""Similarity by TF-IDF cosine over stemmed words: related pages, each page's takeaway, and
the article's most central sentences (LexRank, Erkan & Radev 2004)."""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, chain, repeat

from ..model import Page
from ..textutil import stems_of
from .terms import candidates

Vector = dict[str, float]
Weighted = Iterable[tuple[str, float]]
"""A text's words with their weights, in order: a Vector's items, or its words zipped with
their weights (what `_unit_weights` gives without making the Vector)."""

RELATED_MAX = 3
"""Most related pages shown on a page."""
RELATED_MIN_SIMILARITY = 0.05
"""Pages less alike than this are not related, however few others there are."""
ALL_PAIRS_MAX = 400
"""Up to this many pages, every pair of pages is compared for related pages."""
HEAVIEST_STEMS = 12
"""On larger sites, pages are compared when they share one of their this many heaviest stems."""
POSTINGS_MAX = 60
"""... among the this many pages where that stem weighs most."""
LEXRANK_MAX_SENTENCES = 400
"""Past this many sentences, centrality is closeness to the centroid (linear) instead of
LexRank (quadratic)."""
LEXRANK_THRESHOLD = 0.1
"""Sentences less alike than this are not linked in the LexRank graph."""
BRIDGE_MIN_WEIGHT = 0.1
"""How much a phrase's words must weigh in a page's TF-IDF vector (unit length) to link to it
from a page that names none of its terms."""
LEAD_BONUS = 0.15
"""How much the first sentence of a page gains in the takeaway score: on short sections the
lead sentence usually states the point."""


Bag = tuple[Mapping[str, int], bool]
"""A text's stems with their counts, in the order first met, and whether each comes once."""


def vectors(texts: Sequence[str]) -> list[Vector]:
    """TF-IDF vectors of `texts`, each of unit length."""
    return [dict(pairs) for pairs in _weighted(texts)]


@lru_cache(maxsize=1 << 16)
def _bag(text: str) -> Bag:
    """The stems of `text` with their counts (not to be changed: shared), and whether none
    repeats. Cached: a sentence is weighed for its page's takeaway and for the article's
    central sentences. A sentence seldom repeats a stem: its counts are then made in C, a
    dict of ones (a Counter counts in Python: its update is a Python method)."""
    stems = stems_of(text)
    ones = dict.fromkeys(stems, 1)
    return (ones, True) if len(ones) == len(stems) else (Counter(stems), False)


def weigh(bags: Sequence[Counter[str]]) -> list[Vector]:
    """TF-IDF vectors of texts given as bags of stems, each of unit length."""
    units = _unit_weights([(bag, False) for bag in bags])
    return [dict(zip(bag, unit, strict=True)) for bag, unit in zip(bags, units, strict=True)]


def _weighted(texts: Sequence[str]) -> list[Weighted]:
    """The words of each of `texts` zipped with their weights in its TF-IDF vector: what
    `vectors` gives as items, without the dicts (making a dict from pairs costs more than
    the weights themselves), for the sentences, which are only read in order."""
    bags = [_bag(text) for text in texts]
    return list(map(zip, [bag for bag, _ in bags], _unit_weights(bags)))


def _unit_weights(bags: Sequence[Bag]) -> list[list[float]]:
    """The weights of each bag's words in its TF-IDF vector of unit length, in its order.

    A word's weight is its idf (looked up by its document count: few counts, few logs)
    times 1 + log(its count in the text); that factor is 1 for a word met once, and a text
    whose words all come once (most sentences) has its weights looked up in C."""
    df = Counter(chain.from_iterable(bag for bag, _ in bags))  # (one count over them all)
    n = len(bags)
    by_count = {d: math.log((1 + n) / (1 + d)) + 1 for d in set(df.values())}  # few counts
    idf, count = by_count.__getitem__, df.__getitem__
    result = []
    log = math.log
    for bag, once in bags:
        if once:
            weights = list(map(idf, map(count, bag)))
        else:  # (1 + log 1) is 1: most words come once, and skip the log
            weights = [by_count[df[w]] if c == 1 else (1 + log(c)) * by_count[df[w]]
                       for w, c in bag.items()]
        norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
        result.append(list(map(operator.truediv, weights, repeat(norm))))
    return result


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors (summed in the shorter one's order: the same on every run)."""
    if len(a) > len(b):
        a, b = b, a
    return sum([v * b[w] for w, v in a.items() if w in b])


def page_vectors(pages: tuple[Page, ...],
                 sentences: dict[str, tuple[str, ...]]) -> dict[str, Vector]:
    """Each page's TF-IDF vector, from its prose and (twice) its title, by path."""
    bags = []
    for page in pages:  # the bag of the page's text, from each sentence's cached stems
        title = stems_of(page.title)  # (counted in one go: a Counter's update is Python)
        bags.append(Counter(chain(title, title, *map(stems_of, sentences[page.path]))))
    return dict(zip((page.path for page in pages), weigh(bags), strict=True))


def relate(pages: tuple[Page, ...], vecs_by_path: dict[str, Vector]) -> dict[str, tuple[str, ...]]:
    """For each page, the paths of the most similar other pages, most similar first.

    Every pair is compared on a small site; on a large one, only the pages that share one of
    a page's heaviest stems among their own heaviest (an inverted index cut to POSTINGS_MAX
    pages a stem), so the work grows with the pages, not with their square."""
    vecs = [vecs_by_path[page.path] for page in pages]
    every_pair = len(pages) <= ALL_PAIRS_MAX
    postings: dict[str, list[tuple[float, int]]] = {}
    for j, vec in enumerate(() if every_pair else vecs):
        for stem, weight in _heaviest(vec):
            postings.setdefault(stem, []).append((weight, j))
    for stem, entries in postings.items():
        if len(entries) > POSTINGS_MAX:
            postings[stem] = sorted(entries, key=lambda wj: (-wj[0], wj[1]))[:POSTINGS_MAX]
    known: dict[tuple[int, int], float] = {}  # when every pair is compared: each pair once

    def similarity(i: int, j: int) -> float:
        if (i, j) in known:
            return known.pop((i, j))  # asked once more, as (j, i)
        value = cosine(vecs[i], vecs[j])
        if every_pair and len(vecs[i]) != len(vecs[j]):  # summed in the shorter's order:
            known[j, i] = value  # cosine(j, i), bit for bit
        return value

    related: dict[str, tuple[str, ...]] = {}
    for i, page in enumerate(pages):
        if every_pair:
            others: Iterable[int] = range(len(pages))
        else:
            others = {j for stem, _ in _heaviest(vecs[i]) for _, j in postings.get(stem, ())}
        scored = sorted(((similarity(i, j), pages[j].path) for j in others if j != i),
                        key=lambda sp: (-sp[0], sp[1]))
        related[page.path] = tuple(p for s, p in scored[:RELATED_MAX]
                                   if s >= RELATED_MIN_SIMILARITY)
    return related


def _heaviest(vec: Vector) -> list[tuple[str, float]]:
    return sorted(vec.items(), key=lambda sw: (-sw[1], sw[0]))[:HEAVIEST_STEMS]


def bridge(text: str, related: tuple[str, ...],
           vecs_by_path: dict[str, Vector]) -> tuple[str, str] | None:
    """For prose that names no term another page owns: the phrase of `text` that weighs most
    in one of its related pages, and that page; None when no phrase weighs BRIDGE_MIN_WEIGHT.

    A short hub intro ("the psychological factors at play...") rarely repeats a key term of
    the pages around it, but its words still point at one of them."""
    best: tuple[float, int, str, str] | None = None
    for _key, phrase, start in candidates(text):
        stems = stems_of(phrase)
        for path in related:
            weight = sum(vecs_by_path[path].get(stem, 0.0) for stem in stems)
            if weight >= BRIDGE_MIN_WEIGHT and (best is None or (weight, -start) > best[:2]):
                best = (weight, -start, phrase, path)
    return (best[2], best[3]) if best else None


def takeaway(sentences: tuple[str, ...]) -> str:
    """The sentence closest to the page's centroid, the lead sentence favoured a little."""
    if not sentences:
        return ""
    bags = [_bag(sentence) for sentence in sentences]
    units = _unit_weights(bags)
    words = [bag for bag, _ in bags]
    total, norm = _total(map(zip, words, units))
    # cosine(vec, _centroid(vecs)) without making the centroid: each weight divided by the
    # norm as `_centroid` does, summed in the sentence's order as `cosine` does (the centroid
    # has every word of every sentence, and never fewer words than one of them)
    scores = [sum(map(operator.mul, unit, map(operator.truediv, map(total.__getitem__, bag),
                                               repeat(norm))))
              for bag, unit in zip(words, units, strict=True)]
    scores[0] += LEAD_BONUS
    return sentences[max(range(len(sentences)), key=lambda i: (scores[i], -i))]


def _similarities(vecs: list[Vector]) -> list[dict[int, float]]:
    """The cosine of every pair of `vecs` that share a word, by index: row i maps j to it."""
    rows = _similarities_above([vec.items() for vec in vecs])
    for i, row in enumerate(rows):
        for j, s in list(row.items()):
            if j > i:
                rows[j][i] = s
    return rows


def _similarities_above(vecs: list[Weighted]) -> list[dict[int, float]]:
    """The cosine of every pair of `vecs` that share a word, by index: row i maps each j
    after i to it (so each pair is summed once; `_similarities` has both halves).

    Summed word by word over an inverted index, so pairs with no word in common cost
    nothing (on a page's sentences, most pairs), nor do words of one text only (most
    words). A pair's first product is its sum's start (0.0 plus it, bit for bit)."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vecs):
        for word, weight in vec:
            postings.setdefault(word, []).append((i, weight))
    rows: list[dict[int, float]] = [{} for _ in vecs]
    for entries in postings.values():
        if len(entries) == 1:
            continue
        for k, (i, a) in enumerate(entries, 1):
            row = rows[i]
            for j, b in entries[k:]:
                if j in row:
                    row[j] += a * b
                else:
                    row[j] = a * b
    return rows


def _linked(vecs: list[Weighted]) -> list[list[int]]:
    """For each of `vecs`, the indexes of the others at least LEXRANK_THRESHOLD alike, in
    order: the edges of the LexRank graph. (Each pair is compared once: row i's links
    before i come from the rows before it, in their order, then those after it, sorted.)"""
    links: list[list[int]] = [[] for _ in vecs]
    for i, row in enumerate(_similarities_above(vecs)):
        after = sorted([j for j, s in row.items() if s >= LEXRANK_THRESHOLD])
        for j in after:
            links[j].append(i)
        links[i] += after
    return links


def _centroid(vecs: list[Vector]) -> Vector:
    """The unit-length sum of `vecs`."""
    total, norm = _total(vec.items() for vec in vecs)
    return {w: v / norm for w, v in total.items()}


def _total(vecs: Iterable[Weighted]) -> tuple[Vector, float]:
    """The sum of `vecs` and its length (1.0 if it has none)."""
    total: Vector = {}
    for vec in vecs:
        for w, v in vec:
            total[w] = total.get(w, 0.0) + v
    return total, math.sqrt(sum(map(operator.mul, total.values(), total.values()))) or 1.0


def central_sentences(sentences: tuple[str, ...], count: int) -> tuple[str, ...]:
    """The `count` most central sentences by LexRank, in their reading order."""
    if len(sentences) <= count:
        return sentences
    n = len(sentences)
    if n > LEXRANK_MAX_SENTENCES:
        vecs = vectors(sentences)
        centre = _centroid(vecs)
        top = sorted(range(n), key=lambda i: (-cosine(vecs[i], centre), i))[:count]
        return tuple(sentences[i] for i in sorted(top))
    links = _linked(_weighted(sentences))
    rank = [1.0 / n] * n
    share = [1.0 / len(linked) if linked else 0.0 for linked in links]
    base = (1 - DAMPING) / n
    gather, spans = _gatherer(links)
    for _ in range(LEXRANK_STEPS_MAX):
        # base + DAMPING * (the sum of what each of its links gives), a sentence at a time
        given = gather(list(map(operator.mul, rank, share)))
        new = [base + DAMPING * s
               for s in map(sum, map(operator.getitem, repeat(given), spans), repeat(0.0))]
        steps = list(map(abs, map(operator.sub, new, rank)))
        rank = new
        if max(steps) < LEXRANK_STILL or \
                _settled(rank, count, DAMPING / (1 - DAMPING) * sum(steps)):
            break
    top = sorted(range(n), key=lambda i: (-rank[i], i))[:count]
    return tuple(sentences[i] for i in sorted(top))


def _gatherer(links: list[list[int]]) -> tuple[Callable[[list[float]], tuple[float, ...]],
                                               list[slice]]:
    """For the power method: a function that takes what every sentence gives and returns
    what each link brings, row after row, and the slice of that tuple that is each row.

    One itemgetter call and a slice a row, instead of a call a link: a step costs about a
    sixth less. Each row's sum (from 0.0: a link's share is never -0.0) adds the same
    values in the same order as one over its links, so the ranks are the same, bit for
    bit. (Links come in pairs, i to j and j to i: there are none, or at least two.)"""
    flat = list(chain.from_iterable(links))
    ends = list(accumulate(map(len, links), initial=0))
    spans = list(map(slice, ends, ends[1:]))
    return (operator.itemgetter(*flat) if flat else lambda given: ()), spans


DAMPING = 0.85
"""LexRank's damping factor: each step of the power method is a contraction by this much."""
LEXRANK_STEPS_MAX = 100
"""Most steps of LexRank's power method."""
LEXRANK_STILL = 1e-9
"""The power method stops when no rank moves this much in a step."""


def _settled(rank: list[float], count: int, error: float) -> bool:
    """Whether the `count` highest ranks are known to be the true top `count` whatever steps
    follow: the power method is a contraction (by DAMPING, in the 1-norm: the link matrix is
    column-stochastic), so the ranks are no further than `error` (DAMPING / (1 - DAMPING)
    times the last step's 1-norm) from their limits in the 1-norm, and a gap of more than
    twice that between the last of them and the next cannot close. Past that point more
    steps cannot change the answer, so the iteration stops early (three to four times fewer
    steps on an article).

    Two ranks are no further than `error` from their limits together, so a gap of `error`
    plus the slack of `_slack` (when that is smaller than `error`) is enough: it leaves the
    limits further apart than the ranks of any step at which the power method could stop
    otherwise (still, or at the last step) are from their limits, so that step, had it been
    waited for, would have chosen the same sentences. (Two steps fewer on the article.)"""
    top = sorted(rank, reverse=True)  # (faster than heapq.nlargest on a few hundred)
    return top[count - 1] - top[count] > error + min(error, _slack(len(rank))) + 1e-12


def _slack(n: int) -> float:
    """How far from their limits (in the 1-norm) the ranks of `n` sentences can be at a
    step where the power method stops without `_settled`: when no rank moves
    LEXRANK_STILL, at most DAMPING / (1 - DAMPING) times n of those; at the last step, the
    uniform start's distance from the limit (at most 2, both summing to at most 1) shrunk
    LEXRANK_STEPS_MAX times by DAMPING."""
    return max(DAMPING / (1 - DAMPING) * n * LEXRANK_STILL, 2 * DAMPING ** LEXRANK_STEPS_MAX)
