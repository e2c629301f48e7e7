"""The fast paths of the text helpers and key terms against the plain ways they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.textutil import WORD, words


def _plain_words(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(0), m.start(), m.end()) for m in WORD.finditer(text))


BITS = st.sampled_from([
    "word", "Word", "a", "12", "x2", "é", "ß", "İ", "日本", "²", "½", "٣", "Ⅻ", "_", "__a",
    " ", " ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2009", "'", "’", "-", "--", ",", ".",
    "!", "(", ")", "\"", "“", "”", "…", "/", "a-b", "don't", "it’s", "(CBT)", "self-",
])


@settings(max_examples=5000, deadline=None)
@given(st.lists(BITS, max_size=16).map("".join))
def test_words_are_what_the_pattern_finds(text: str) -> None:
    assert words.__wrapped__(text) == _plain_words(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(BITS.filter(lambda b: not b.isspace()), min_size=1, max_size=4)
                .map("".join), max_size=12).map(" ".join))
def test_words_are_what_the_pattern_finds_in_single_spaced_text(text: str) -> None:
    assert words.__wrapped__(text) == _plain_words(text)
