"""Words and thresholds that the outline inference reads.

They describe English blog and documentation prose in general; none is taken from a particular
article. `Rules` gathers the thresholds in one validated object so a caller can tune them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Short words that title case leaves in lower case ("The Thrill of the Chase").
MINOR_WORDS: frozenset[str] = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor",
     "of", "on", "onto", "or", "per", "so", "than", "the", "to", "up", "via", "vs", "with",
     "yet"]
)

# Words without content, left out when two headings' wording is compared.
STOP_WORDS: frozenset[str] = MINOR_WORDS | frozenset(
    ["about", "after", "all", "also", "are", "be", "been", "before", "being", "can", "do",
     "does", "how", "i", "is", "it", "its", "me", "more", "most", "my", "no", "not", "our",
     "over", "own", "should", "some", "such", "that", "their", "them", "there", "these",
     "they", "this", "those", "through", "too", "toward", "towards", "under", "very", "was",
     "we", "what", "when", "where", "which", "while", "who", "why", "will", "you", "your"]
)

# Number words a hub's introduction may use to announce its parts ("three methods").
NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}

# Headings that close an article: they stand at the top level whatever precedes them.
CLOSING_HEADINGS: tuple[str, ...] = (
    "conclusion", "conclusions", "in conclusion", "final thoughts", "closing thoughts",
    "concluding thoughts", "final words", "summary", "in summary", "to sum up", "wrapping up",
    "the bottom line", "bottom line", "key takeaways", "takeaways", "next steps",
    "references", "sources", "bibliography", "further reading", "resources", "see also",
    "about the author", "acknowledgements", "acknowledgments", "notes", "faq",
    "frequently asked questions",
)

# Characters that end a sentence, so a line ending in one is prose rather than a heading.
CLOSING_PUNCTUATION = ".!;,…\"'”’)]"

# List markers at the start of a line: bullets, numbers and letters ("1.", "2)", "a.").
LIST_MARKER = r"(?:[-*+•◦▪‣·–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s+"


@dataclass(frozen=True)
class Rules:
    """Thresholds of the structure inference, validated once."""

    heading_max_words: int = 14
    """A line with more words is prose, not a heading."""
    heading_max_chars: int = 120
    """A line with more characters is prose, not a heading."""
    title_max_words: int = 24
    """Titles run longer than headings ("Why We ...: A Psychological Perspective")."""
    figure_alt_min_words: int = 4
    """An image's alt text describes it: a shorter first line of a pair is not one."""
    list_item_max_words: int = 24
    """A run of lines this short or shorter, not wrapped prose, reads as a list."""
    hub_ratio: float = 0.5
    """A heading whose own text is at most this share of the median of the sections after it
    is an introduction to them: it becomes their parent."""
    hub_lookahead: int = 3
    """How many following sections that median is taken over (at least two are needed)."""
    min_page_words: int = 40
    """Subsections shorter than this on average stay on their parent's page (automatic split)."""
    slug_max_chars: int = 60
    """Longest slug for a page's file name; longer ones are cut at a hyphen."""
    description_max_chars: int = 160
    """Longest page description, the limit search engines show."""
    max_bytes: int = 20 * 1024 * 1024
    """Largest article file read: far above any article, far below what would hurt."""

    def __post_init__(self) -> None:
        for name in ("heading_max_words", "heading_max_chars", "title_max_words",
                     "figure_alt_min_words",
                     "list_item_max_words", "hub_lookahead", "slug_max_chars",
                     "description_max_chars", "max_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"Rules.{name} must be at least 1")
        if not 0 < self.hub_ratio < 1:
            raise ValueError("Rules.hub_ratio must lie between 0 and 1")
        if self.hub_lookahead < 2:
            raise ValueError("Rules.hub_lookahead must be at least 2")
        if self.min_page_words < 0:
            raise ValueError("Rules.min_page_words cannot be negative")


DEFAULT_RULES = Rules()
