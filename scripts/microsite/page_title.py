"""A saved web page's title: its <h1>, or what its metadata (og:title, <title>) names, without
the site's name."""

from __future__ import annotations

from typing import Any

from .data import html_rules
from .escape import one_line

Element = Any  # lxml ships no type hints
"""An lxml element of the page."""


def page_title(page: Element, container: Element) -> str:
    """The article's <h1>, else og:title or <title> without the site's name, else the page's
    one <h1>; empty when the page has none of these."""
    for heading in container.iter("h1"):
        if one_line(heading.text_content()):
            return one_line(heading.text_content())
    headings = [one_line(h.text_content()) for h in page.iter("h1")]
    return meta_title(page) or (headings[0] if len(headings) == 1 else "")


def meta_title(page: Element) -> str:
    """og:title, twitter:title or <title>, without the site's name; empty without them."""
    sites = [_meta(page, name) for name in ("og:site_name", "application-name")]
    for title in (_meta(page, "og:title"), _meta(page, "twitter:title"),
                  one_line(page.findtext(".//title") or "")):
        if title:
            return strip_site_name(title, tuple(s for s in sites if s))
    return ""


def strip_site_name(title: str, sites: tuple[str, ...] = ()) -> str:
    """`title` without the site's name: "How to Bake | Kitchen Notes" is "How to Bake". A
    hyphen or colon separates only a known site name; at other separators the first part is
    the title, unless another has more than twice its words ("Site | The Actual Title")."""
    for site in sites:
        for separator in html_rules.TITLE_SEPARATORS + html_rules.TITLE_WEAK_SEPARATORS:
            if title.endswith(separator + site) and len(title) > len(separator + site):
                return title[:-len(separator + site)].strip()
            if title.startswith(site + separator) and len(title) > len(site + separator):
                return title[len(site + separator):].strip()
    for separator in html_rules.TITLE_SEPARATORS:
        parts = [part.strip() for part in title.split(separator) if part.strip()]
        if len(parts) > 1:
            longest = max(parts, key=lambda part: len(part.split()))
            first_words = len(parts[0].split())
            return longest if len(longest.split()) > 2 * first_words else parts[0]
    return title


def _meta(page: Element, name: str) -> str:
    """The content of the page's <meta property=name> or <meta name=name>, folded."""
    for meta in page.iter("meta"):
        if name in (meta.get("property"), meta.get("name")):
            return one_line(meta.get("content") or "")
    return ""


