"""Key terms' fast paths against the plain ways they replace: candidate phrases made as the
words come, sentence keys kept as stems and phrases, the terms a page names found by set
operations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.data.term_rules import MAX_WORDS
from microsite.learn.terms import TermIndex, _sentence_keys, _word, candidates, find_terms
from microsite.learn.text import content_pages, page_sentences
from microsite.model import Term
from microsite.pipeline import plan_site
from microsite.textutil import stem_word, words

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "why-we-run.txt"

Phrase = tuple[tuple[str, ...], str, int]


def _plain_candidates(text: str) -> tuple[Phrase, ...]:
    """Candidate phrases as they were made before: runs of words gathered first, then each
    run's n-grams, shortest first."""
    found: list[Phrase] = []
    runs: list[list[tuple[str, bool, bool, int, int]]] = []
    run: list[tuple[str, bool, bool, int, int]] = []
    last_end = 0
    for word, start, end in words(text):
        info = _word(word)
        if info is None:
            if run:
                runs.append(run)
            run = []
        else:
            if run and start > last_end and not text[last_end:start].isspace():
                runs.append(run)
                run = []
            run.append((*info, start, end))
        last_end = end
    if run:
        runs.append(run)
    for run in runs:
        stems = tuple(word[0] for word in run)
        for n in range(1, min(MAX_WORDS, len(run)) + 1):
            for i in range(len(run) - n + 1):
                _, leads, alone, start, _ = run[i]
                if alone if n == 1 else leads:
                    found.append((stems[i:i + n], text[start:run[i + n - 1][4]], start))
    return tuple(found)


PIECES = st.sampled_from([
    "attachment", "Attachment", "style", "styles", "self-esteem", "therapy", "CBT", "(CBT)",
    "running", "emotional", "people", "the", "and", "of", "is", "very", "it's", "2020",
    "x", "quickly", "journey", "low", "healthy", "relationship", ",", ".", ";", " ", "  ",
    "\n", "—", "(", ")", "é", "café", "naïve",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=24).map(" ".join))
def test_candidates_are_the_runs_n_grams_in_the_same_order(text: str) -> None:
    assert candidates.__wrapped__(text) == _plain_candidates(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=24).map("".join))
def test_candidates_without_spaces_are_the_runs_n_grams(text: str) -> None:
    assert candidates.__wrapped__(text) == _plain_candidates(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=24).map(" ".join))
def test_sentence_keys_are_every_phrase_and_word_stem(text: str) -> None:
    plain = frozenset([key for key, _, _ in candidates(text)]
                      + [(stem_word(word),) for word, _, _ in words(text)])
    assert _sentence_keys.__wrapped__(text) == plain


@pytest.mark.parametrize("path", sorted(REPO.glob("tests/corpus/*/article.md"))[:4] + [SEED],
                         ids=lambda p: p.parent.name)
def test_terms_named_are_those_whose_key_a_sentence_has(path: Path) -> None:
    pages = content_pages(plan_site([path]))
    sentences = {page.path: page_sentences(page) for page in pages}
    terms = find_terms(pages, sentences)
    # every key a page has asked for, the terms' own and keys no term has
    index = TermIndex(terms + (Term(label="x", key=("no-such-stem",), forms=("x",),
                                    page=pages[0].path, anchor="x"),))
    for page in pages:
        keys = frozenset().union(*map(_sentence_keys, sentences[page.path]))
        plain = sorted([t for t in index.by_stem.get("no-such-stem", ())
                        if ("no-such-stem",) in keys]
                       + [t for t in terms if t.key in keys],
                       key=lambda t: (t.label.lower(), t.label, t.page))
        assert index.named(sentences[page.path]) == plain
