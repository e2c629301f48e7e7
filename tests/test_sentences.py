"""Sentences: the quick cut at plain sentence ends must give exactly what pysbd gives on the
whole paragraph, on every paragraph of the real articles and on made-up awkward ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pysbd.lists_item_replacer import ListItemReplacer

from microsite.clean import clean
from microsite.model import ListBlock, Paragraph, Quote
from microsite.read import read_file
from microsite.textutil import _segmenter, sentences

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*ROOT.glob("tests/corpus/*/article.*"),
                   *ROOT.glob("tests/fixtures/articles/*.txt"),
                   *ROOT.glob("tests/fixtures/html/*.html"), ROOT / "content" / "why-we-run.txt"])


def pysbd_sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _segmenter().segment(text) if s.strip())


def prose(path: Path) -> list[str]:
    texts: list[str] = []
    for block in clean(read_file(path)).blocks:
        if isinstance(block, (Paragraph, Quote)):
            texts.append(block.text)
        elif isinstance(block, ListBlock):
            texts += block.items
    return texts


def test_the_articles_are_there() -> None:
    assert len(ARTICLES) > 60


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_sentences_as_pysbd_on_real_prose(path: Path) -> None:
    for text in prose(path):
        assert sentences.__wrapped__(text) == pysbd_sentences(text), text


TRICKY = [
    "It was late.. Then it rained.",  # a doubled stop is a sentence of its own for pysbd
    "Two reasons: 1) you add errors, and 2) you add steps. So keep one tab.",
    'He said "I ran home. Then I slept." and left. Later he woke.',
    "See the note (it is short. Read it.) and go on. Next comes the rest.",
    "Dr. Smith and Mr. Jones met at 5 p.m. They talked. It was fine.",
    "Prices rose 5.5 percent in the U.S. Army towns. Nobody knew why.",
    "The answer is no. No one agreed. Why not? Because it was late! Then we left.",
    "Read e.g. the book. Then the essay. Also vol. Two of it.",
    "Use the tool -- it works. Really works -- and then stop. Fine.",
    "A list: • first item. • second item. Done here.",
    "She wrote ‘see you soon. Bye’ and left. Then silence.",
    "Wait... What happened? Nothing. Nothing at all.",
    "Look at self-reflection. Understanding it helps. It can enhance self-worth. Surrounding",
    "Therapy helps with these patterns. A trained therapist helps. I think so. I. M. Pei came.",
    "They gravitate toward those who don't. This post delves. It’s late. A. B. Smith wrote.",
    "It ended.\nA new line began. And another.",
    "Cognitive therapy (CBT) techniques help. They work. Therapy (CBT) Works. Try it (twice).",
    "Pick (a) one and (b) two or (c) three. Then (i) this and (ii) that. Done (see below) now.",
    "Reuse it (ie. again) and stop. The NHS (National Health Service), he said, helps. Fine.",
    "",
    "One sentence without a stop",
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_sentences_as_pysbd_on_awkward_text(text: str) -> None:
    assert sentences.__wrapped__(text) == pysbd_sentences(text)


PIECES = st.sampled_from([
    "It was late.", "Then it rained.", "the door", "Dr.", "Smith", "e.g.", "U.S.", "Army",
    "1)", "2.", "a)", "(see below.", "it ends.)", '"Stop.', 'Go."', "“Quoted.", "Here.”",
    "--", "...", "?", "!", "Why?", "no.", "No", "vol.", "5.5", "percent.", "•", "‘so.", "it’s",
    "don't.", "'Tis", "x.", "Yahoo!", "Inc.", "and", "The", "end.", "\n", "St.", "Paul.",
    "(Smith, 2004).", "[1].", "I.", "II.", "we", "ran.", "“Yes,”", "she", "said.", "—", "ok?!",
    "Mr", "No.", "5", "p.", "10.", "etc.", "al.", "et", "'", ")", "(", "]", "[", "'quoted.'",
    "self-worth.", "self-esp.", "U.S.-based.", "ex-Gov.", "co-op.", "A", "I", "a", "trained",
    "can't.", "they're.", "it’s.", "don’t!", "o'clock.", "rock'n'roll.", "x-ray?", "Dr.-ing.",
    "A.", "I.", "think", "A-list.", "self-e.g.", "one-vs.", "well-known.", "Inc.-like.",
    "(CBT)", "(CBT),", "(see below)", "(or lose)", "(a)", "(ii)", "(iv)", "(x)", "(1)", "(2-4",
    "people)", "(Smith 2004)", "(the U.S.)", "(Windows);", "(re)use", "(e.g. this)", "(DHH):",
    "(GDS)", "(ok?)", "(see a)", "(so b)", "therapy", "techniques", "in", "it (NHS)", "c)",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=25).map(" ".join))
def test_same_sentences_as_pysbd_on_random_text(text: str) -> None:
    assert sentences.__wrapped__(text) == pysbd_sentences(text)


def test_the_quick_cut_is_taken() -> None:
    text = "Intimacy can be terrifying. Trust takes time to build. People need patience."
    assert sentences(text) == ("Intimacy can be terrifying.", "Trust takes time to build.",
                               "People need patience.")


def test_a_bracketed_aside_does_not_send_the_paragraph_to_pysbd(monkeypatch) -> None:
    import microsite.textutil as textutil

    def refuse(text: str) -> tuple[str, ...]:
        raise AssertionError(f"pysbd asked about {text!r}")

    monkeypatch.setattr(textutil, "_pysbd", refuse)
    text = ("Therapy helps with these patterns. Cognitive-behavioral therapy (CBT) techniques"
            " can be effective. The National Health Service (NHS), for one, offers it.")
    assert sentences.__wrapped__(text) == (
        "Therapy helps with these patterns.",
        "Cognitive-behavioral therapy (CBT) techniques can be effective.",
        "The National Health Service (NHS), for one, offers it.")
    assert sentences.__wrapped__(text) == pysbd_sentences(text)


OLD_RULES = re.compile(  # what _read_across replaced: one search, slow but plain to read
    r"""[\n\r()\[\]"“”«»‘•⁃]|--|(?:^|\s)'|(?:^|[\s-])(?:\d{1,2}|[a-z]|"""
    + "|".join(sorted(set(ListItemReplacer.ROMAN_NUMERALS), key=len, reverse=True))
    + r")\.(?:\s|\)|$)", re.IGNORECASE)
BITS = st.sampled_from([
    " ", "-", ".", "a", "b", "x", "i", "v", "ii", "iv", "xviii", "xviiii", "K", "ſ", "1", "12",
    "123", "٣", "é", "word", "Word", "(", ")", "'", "’", '"', "--", "\n", "\t", "\u00a0", "•",
    "_", "(CBT) it", ") ", "IV", "I", "z", "-a.", " iv.", "-12.", " x.)", "é.", " ſ.", "-xx.",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(BITS, max_size=14).map("".join))
def test_read_across_is_the_old_single_search(text: str) -> None:
    from microsite.textutil import _PLAIN_ASIDE, _read_across

    plain = _PLAIN_ASIDE.sub(" ", text) if "(" in text else text
    assert _read_across(text) == bool(OLD_RULES.search(plain)), text


OLD_BREAK = re.compile(r"(?<![\w.'’-])((?:[A-Za-z]+-)*([a-z]{2,})|[A-Za-z]+['’][a-z]{1,2})"
                       r"[.!?]\s+(?=[A-Z][a-z]+\b|[AI]\s+[a-z])")
WORDISH = st.sampled_from([
    " ", "  ", "\u00a0", ".", "!", "?", "-", "'", "’", "_", "1", "é", "a", "ab", "Ab", "AB",
    "A", "I", "It", "The", "self-worth", "don't", "it’s", "e", "g", "e.g", "etc", "vol", "Dr",
    "co-op", "x-ray", "rock'n'roll", "o'clock", "A-list", "well-Known", "no", "No", "ok", "US",
])


def _old_breaks(text: str) -> list[int]:
    from microsite.textutil import _ABBREVIATIONS

    return [m.end(1) + 1 for m in OLD_BREAK.finditer(text)
            if m.group(1).lower() not in _ABBREVIATIONS and m.group(2) not in _ABBREVIATIONS]


@settings(max_examples=3000, deadline=None)
@given(st.lists(WORDISH, max_size=16).map("".join))
def test_plain_breaks_are_the_old_single_search(text: str) -> None:
    from microsite.textutil import _plain_breaks

    assert list(_plain_breaks(text)) == _old_breaks(text), text


@pytest.mark.parametrize("before", [" ", "", ".", "_", "1", "é", "'", "’", "-", "(", "x"])
@pytest.mark.parametrize("word", ["ab", "self-worth", "don't", "Ab", "etc", "a", "A-b"])
@pytest.mark.parametrize("after", [". The", "! It", "? A cat", ".  I am", ". a", ". 1"])
def test_plain_breaks_on_every_kind_of_neighbour(before: str, word: str, after: str) -> None:
    from microsite.textutil import _plain_breaks

    text = f"Go {before}{word}{after} now."
    assert list(_plain_breaks(text)) == _old_breaks(text), text
