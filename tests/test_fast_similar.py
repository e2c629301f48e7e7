"""The learning layer's fast paths held to the simple ways they replace: TF-IDF weights
looked up in C for bags without repeats, and LexRank's rows gathered by one itemgetter."""

from __future__ import annotations

import math
import random
from collections import Counter

from conftest import REPO, SEED
from microsite.pipeline import plan_site


def _sentences() -> list[str]:
    from microsite.learn.text import page_sentences

    found: list[str] = []
    for path in sorted(REPO.glob("tests/corpus/*/article.md"))[:6] + [SEED]:
        found += [s for page in plan_site([path]).pages for s in page_sentences(page)]
    return found


def _vectors_as_before(texts: list[str]) -> list[dict[str, float]]:
    """TF-IDF vectors as `weigh` made them from Counters, word by word."""
    from microsite.textutil import stems_of

    bags = [Counter(stems_of(text)) for text in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
    vecs = []
    for bag in bags:
        weights = [idf[w] if c == 1 else (1 + math.log(c)) * idf[w] for w, c in bag.items()]
        norm = math.sqrt(sum(x * x for x in weights)) or 1.0
        vecs.append({w: x / norm for w, x in zip(bag, weights, strict=True)})
    return vecs


def test_sentence_vectors_are_those_of_counters_bit_for_bit() -> None:
    from microsite.learn.similar import _weighted, vectors

    texts = _sentences()
    texts += ["Run, run, run: the runner runs.", "", "12 34", "Running and running again."]
    for some in (texts, texts[:7], texts[3:4]):
        expected = _vectors_as_before(some)
        assert vectors(some) == expected
        assert [list(pairs) for pairs in _weighted(some)] == [list(v.items()) for v in expected]


def test_gathered_rows_sum_as_each_row_does() -> None:
    """LexRank's step by one itemgetter and a slice a row gives, bit for bit, the sums of
    each row's links taken one by one."""
    from microsite.learn.similar import _gatherer

    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 30)
        links: list[list[int]] = [[] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < 0.2:
                    links[i].append(j)
                    links[j].append(i)
        for row in links:
            rng.shuffle(row)
        given = [rng.random() / rng.randint(1, 9) for _ in range(n)]
        gather, spans = _gatherer(links)
        gathered = gather(given)
        fast = [sum(gathered[span], 0.0) for span in spans]
        slow = [sum(given[j] for j in row) for row in links]
        assert [x.hex() for x in fast] == [float(x).hex() for x in slow]
