"""What the web-page reader keeps, drops and restores, and how it reads a page's encoding.

A saved page is read in two passes (see `read_html`): trafilatura extracts the main content,
then a check against the page's own content container puts back any article block the
extraction dropped. The first pass is tuned by `EXTRACT_OPTIONS`; the second prunes the
container with `DROPPED_TAGS`, `DROPPED_ROLES` and `BOILERPLATE_NAMES`, so that only article
blocks can come back.
"""

from __future__ import annotations

from typing import TypedDict


class ExtractOptions(TypedDict):
    """The options of trafilatura.extract that the reader sets."""

    include_comments: bool
    include_tables: bool
    include_images: bool
    include_formatting: bool
    include_links: bool
    favor_recall: bool


# Options for trafilatura.extract, each with its reason.
EXTRACT_OPTIONS = ExtractOptions(
    # comments sections are not the article
    include_comments=False,
    # tables are article content; rows become paragraphs, cells kept apart
    include_tables=True,
    # images become figures; without this, figures and the pull quotes that WordPress wraps
    # in <figure> are dropped whole
    include_images=True,
    # keeps a code block apart from code inside a sentence
    include_formatting=True,
    # links carry no text of their own, and their targets never reach the site
    include_links=False,
    # when unsure, keep: on the test pages it lost 15 of 195 article texts instead of 26 (the
    # lists of a table-layout page above all) and let no more furniture through
    favor_recall=True,
)


# Elements dropped before the check: none holds article text. HTML5's empty elements (source,
# track, embed, wbr) are not among them: lxml's HTML4 parser may nest what follows inside them.
DROPPED_TAGS: frozenset[str] = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "applet", "canvas", "svg", "math", "audio", "video", "map",
    "form", "button", "input", "select", "option", "textarea", "label", "fieldset", "dialog",
    "nav", "menu", "head", "title", "meta", "link", "base",
})

# Dropped too, except inside a block quote or figure, where they hold the citation.
DROPPED_OUTSIDE_QUOTES: frozenset[str] = frozenset({"footer"})

# ARIA landmarks that are never the article.
DROPPED_ROLES: frozenset[str] = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar", "toolbar", "tablist",
})

# Whole words of a class or id (split at spaces, "-" and "_") that mark page furniture inside
# an article's container, as do the landmarks above. Whole words, not substrings:
# "sidebar-quote" is a sidebar, but "barley" is not a bar.
BOILERPLATE_NAMES: tuple[str, ...] = (
    r"share|shares|sharing|sharedaddy|social|sociable|addtoany|sharethis",  # share buttons
    r"related|relatedposts|recommended|trending|popular|most-read|read-more|more-stories",
    r"comments?|commentlist|comment-list|discussion|disqus|respond|responses",  # comments
    r"newsletter|subscribe|subscription|signup|sign-up|paywall|login|register",  # sign-ups
    r"cookies?|consent|gdpr|cmp",  # cookie banners
    r"ad|ads|advert|advertisement|ad-slot|adslot|sponsored|sponsor|promo|promoted|dfp",  # ads
    r"nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip-link|toc",  # navigation
    r"sidebar|widget-area",  # sidebars ("widget" alone is every block of an Elementor page)
    r"byline|entry-meta|post-meta|article-meta|dateline|posted-on|cat-links|tags-links",
    r"tags|tag-list|article-tags|topics|categories",  # post metadata
    r"author-bio|author-box|author-info|about-author|about-the-author",  # author boxes
    r"screen-reader-text|sr-only|visually-hidden|print-only",  # hidden helpers (not "hidden":
    # Bootstrap's "hidden-xs" hides on phones only)
    r"kicker|rubric|eyebrow|overline",  # the section label over a headline
)
# These names mark furniture only in an element that holds less than this share of the
# container's text: a wrapper around most of the article ("content-sidebar-wrap") is not.
FURNITURE_MAX_SHARE = 0.5

# A list or line of links (a menu, a "read next" row) is page furniture, unless it is part of
# the article's text: between two texts the extraction found, or under headings of the article
# that follow such a text ("See also", "Further reading", "Other resources"). Headings that
# begin with these words head page furniture, not the article; digits and punctuation are
# ignored ("3 Comments", "Share this:"). Whole phrases, not the class names above: "Related
# work" and "Recommended reading" are article sections.
FURNITURE_HEADINGS: tuple[str, ...] = (
    "related posts", "related articles", "related stories", "related content",
    "recent posts", "recent articles", "latest posts", "latest articles", "latest news",
    "popular posts", "most popular", "most read", "trending", "read next", "read more",
    "more from", "more stories", "more posts", "you may also like", "you might also like",
    "recommended for you", "share", "comments", "leave a reply", "leave a comment",
    "tags", "tagged", "categories", "topics", "archives", "follow us", "subscribe",
    "newsletter", "sign up", "navigation", "menu",
)

# Inline styles that hide an element.
HIDDEN_STYLE = r"display\s*:\s*none|visibility\s*:\s*hidden"

# A table is a page layout, not data, when a cell holds one of these.
LAYOUT_TABLE_CHILDREN: frozenset[str] = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "form",
})
# ... or more paragraphs than this.
LAYOUT_TABLE_PARAGRAPHS = 2

# A share of the extraction's blocks that an element must hold to be the content container.
CONTAINER_SHARE = 0.8
# Fewer blocks matched on the page than this, and the container is found by tags instead.
CONTAINER_MIN_MATCHES = 2

# A dropped paragraph is put back when it ends a sentence or has at least this many words;
# shorter unpunctuated lines ("By Tom Hesketh", "8 min read") are page furniture.
RESTORE_MIN_WORDS = 4
# Texts shorter than this (in letters and digits) must match a whole block, not part of one.
RESTORE_MIN_KEY = 20
# An extracted block that holds part of a page block (an image without its caption, a list
# missing an item) is replaced by the page block when it has at least this share of its text.
RESTORE_PARTIAL_SHARE = 0.5
# How many extracted blocks after the last match are searched for such a part.
RESTORE_WINDOW = 3

# Separators between an article's title and the site's name in <title> ("Title | Site").
TITLE_SEPARATORS: tuple[str, ...] = (" | ", " – ", " — ", " · ", " :: ", " » ", " // ", " ~ ")
# The hyphen separates too, but only from a known site name: "Sourdough - A Guide" is a title.
TITLE_WEAK_SEPARATORS: tuple[str, ...] = (" - ", ": ")

# Charset labels that browsers read as another encoding (the WHATWG Encoding Standard):
# pages that say Latin-1 are Windows-1252 in practice, and so on.
CHARSET_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252",
    "x-cp1252": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874",
    "iso-8859-11": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
    # a page cannot declare UTF-16 in its own markup: the bytes decide (BOM or NUL pattern)
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}
