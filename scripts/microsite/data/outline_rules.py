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
    "frequently asked questions", "additional resources", "credits", "contributors",
    "license", "licence",
)

# Shapes of a short line that is not a heading though it stands alone: code and code
# comments, file names, links and citations, which scrapes keep on lines of their own.
NOT_HEADING_SHAPES: tuple[str, ...] = (
    r"\w\(|=>|->|==|!=|:=|[{}]|;$|</?[a-z]+>",  # code: a call, an operator, braces, a tag
    r"[A-Za-z0-9]_[A-Za-z0-9]",  # snake_case names and file names ("2014_notes.tsv")
    r"\.[a-z0-9]{2,4}$",  # a file name's extension at the end ("notes.txt")
    r"https?://|www\.",  # a link
    r"\(\d{4}[a-z]?\)",  # a citation's year in brackets: "Author, 'Title' (2013)"
)

# Dashes that open a quotation's credit line ("— open source maintainer"): a short line over
# such a credit is a pull quote, not a heading, and the credit is no list item.
ATTRIBUTION_DASHES = "—–"

# Phrases with which a section's closing paragraph announces the sections after it: it is
# their parent ("There are several ways to respond.", "... are explained below.").
ANNOUNCING_PHRASES: tuple[str, ...] = (
    r"\bbelow\b", r"\bas follows\b", r"\bthe following\b",
    r"\b(?:there|here) are (?:several|a few|many|some|a number of|various)\b",
)

# A phrase that announces subsections wherever it stands in a section.
SECTION_POINTER = r"\bin this section\b"

# How asides open ("Note: ..."): they may follow a section's announcing paragraph.
ASIDE_OPENERS: tuple[str, ...] = ("note:", "tip:", "warning:", "caution:", "important:")

# Question words that open a heading worded as a question ("What would you need?").
QUESTION_WORDS: frozenset[str] = frozenset(
    ["what", "why", "how", "when", "where", "which", "who", "whom", "whose", "is", "are", "do",
     "does", "can", "should", "will", "would"]
)

# Words opening a heading addressed to the reader or the writers ("Your responsibilities",
# "Our approach"): a run of parallel headings ("Gather ...", "Take ...") ends at one.
PERSONAL_WORDS: frozenset[str] = frozenset(
    ["your", "my", "our", "their", "his", "her", "its", "we", "you", "i", "they"]
)

# Verbs that make a long line a statement ("... is one way to ...", "... has four main
# characteristics"): a paragraph that lost its full stop, not a heading.
PROSE_VERBS: frozenset[str] = frozenset(["is", "are", "was", "were", "has", "have", "had"])

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
    statement_min_words: int = 8
    """A line this long with a verb of `PROSE_VERBS` is a statement, not a heading."""
    title_max_words: int = 24
    """Titles run longer than headings ("Why We ...: A Psychological Perspective")."""
    figure_alt_min_words: int = 4
    """An image's alt text describes it: a shorter first line of a pair is not one."""
    list_item_max_words: int = 24
    """A run of lines this short or shorter, not wrapped prose, reads as a list."""
    hub_ratio: float = 0.5
    """A heading whose own text is at most this share of each of the sections after it is an
    introduction to them: it becomes their parent."""
    hub_lookahead: int = 3
    """How many following sections that comparison takes in (at least two are needed)."""
    intro_max_sentences: int = 2
    """A heading's text of at most this many sentences, in one paragraph, may introduce the
    longer sections after it."""
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
                     "list_item_max_words", "statement_min_words", "hub_lookahead",
                     "intro_max_sentences", "slug_max_chars",
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
