"""Lines that web scrapes add around an article and that are not part of it.

Each pattern matches a whole line, case-insensitively, after white space is folded. `ANYWHERE`
patterns are dropped wherever they stand; `AT_EDGES` ones only in the run of short lines before
the article's first paragraph or after its last, because the same words can be a real heading
in the middle of an article (an article about code may well have a section called "Comments").
"""

from __future__ import annotations

ANYWHERE: tuple[str, ...] = (
    r"(back to |go to )?(top|bottom) of (the )?page",  # page anchors of site builders
    r"back to top|skip to (main )?content|jump to (content|navigation)",  # skip links
    r"share (this|on) .{1,30}|tweet this|pin it",  # share buttons
    r"(this (web)?site|we) uses? cookies.*",  # cookie banners
    r"(accept|reject|manage) (all )?cookies|cookie (settings|preferences|policy)",
    r"advertisement|sponsored content",  # ad labels
)

AT_EDGES: tuple[str, ...] = (
    # single words that are buttons around an article, but may head a real section inside it
    r"share|facebook|twitter|x|linkedin|pinterest|whatsapp|email|print",  # share targets
    r"(log ?in|sign ?in|sign ?up|subscribe|register)( now| today)?",  # account prompts
    r"\d* ?comments?( \(\d+\))?|leave a (comment|reply)|post comment|write a comment",
    r"(recent|related|popular|more|latest) (posts|articles|stories)|see all|read more",
    r"(\d+ )?(views?|likes?)|like|reply|follow( us)?",  # counters and buttons
    r"(previous|next)( post| article)?|tags?:?|categories:?|filed under:?",  # post navigation
    r"home|menu|blog|about|contact( us)?|search|all posts",  # site navigation
    r"(©|\(c\)|copyright).*|all rights reserved\.?|privacy policy|terms( of (use|service))?",
    r"(updated|published|posted)( on)?:? .{0,40}|\d+ min(ute)? read",  # post metadata
)
