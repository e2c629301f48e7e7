"""Fast paths of the text helpers held to the simple versions they replaced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.textutil import _DOUBTFUL, _plain_breaks, _plain_pieces, _stops, words

TEXTISH = st.sampled_from([
    " ", "  ", "\t", "\u00a0", ".", "!", "?", "…", "。", "！", "'", "’", "-", "_", "1", "٣",
    "²", "é", "a", "It", "The", "don't", "it’s", "'Tis", "rock'n'roll", "ok'", "'", "A",
    "I", "e.g", "Dr", "ran", "Then", "5.5", "U.S", "x", "(CBT)", "end.", "Go!", "Why?",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(TEXTISH, max_size=18).map("".join))
def test_plain_pieces_only_when_no_piece_is_doubtful(text: str) -> None:
    """`_plain_pieces` is told for the whole text what _DOUBTFUL searched each piece for."""
    breaks = list(_plain_breaks(text))
    pieces = [text[start:end]
              for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    bodies = []
    for piece in pieces:
        plain = piece.strip()
        bodies.append(plain[:-1] if plain.endswith((".", "!", "?")) else plain)
    doubtful = any(_DOUBTFUL.search(body) for body in bodies)
    assert _plain_pieces(text, _stops(text), breaks) == (not doubtful), text


@settings(max_examples=1000, deadline=None)
@given(st.lists(TEXTISH, max_size=18).map("".join))
def test_stops_are_every_full_stop_exclamation_and_question_mark(text: str) -> None:
    assert _stops(text) == [i for i, c in enumerate(text) if c in ".!?"]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZΣσςΑİIıé'’-_ 1.ẞ\u0345\u00adǅ"), max_size=30))
def test_words_lowered_at_once_as_one_by_one(text: str) -> None:
    """The reading grade lower-cases a text's words joined by spaces, then splits them."""
    found = [w for w, _, _ in words(text)]
    assert " ".join(found).lower().split(" ") == [w.lower() for w in found] or not found


@pytest.mark.parametrize("word", ["a", "an", "the", "run", "ran", "xyz", "love", "into"])
def test_short_words_have_one_syllable_by_pyphen_too(word: str) -> None:
    from microsite.learn.text import _hyphenator, _syllables

    assert _syllables(word) == len(_hyphenator().positions(word)) + 1


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Healthy", "relationships", "The", "and", "RUNNING", "İstanbul",
                                 "Self-Esteem", "don't", "ΣΟΦΙΑΣ", "é", "2", " ", ", "]),
                max_size=12).map(" ".join))
def test_stems_as_the_stemmer_stems_the_content_words(text: str) -> None:
    import snowballstemmer

    from microsite.data.outline_rules import STOP_WORDS
    from microsite.textutil import WORD, stems

    lowered = [w.lower() for w in WORD.findall(text)]
    stemmer = snowballstemmer.stemmer("english")
    assert stems.__wrapped__(text) == frozenset(
        stemmer.stemWords([w for w in lowered if w not in STOP_WORDS]))


_ANNOUNCING_WORDS = st.sampled_from([
    "are", "In", "has", "HAVE", "these", "into", "two", "TWO", "Ten", "often", "twelve", "3",
    "12", "123", "٣", "ſix", "six", "ways", "main", "kinds", "s", "-", ",", "two-", "(two"])
_SPACES = st.sampled_from([" ", " ", "  ", "\u00a0", "\t", "\u2003", "", "\n"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(_ANNOUNCING_WORDS, _SPACES), max_size=10).map(
    lambda pairs: "".join(word + space for word, space in pairs)))
def test_a_sentence_that_announces_is_looked_at(sentence: str) -> None:
    from microsite.outline import _ANNOUNCED, _may_announce

    assert _may_announce(sentence) or not _ANNOUNCED.search(sentence), sentence
