"""Markdown pieces that several renderers share: links between pages and reading times."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from .escape import escape
from .model import Article, Page, Site
from .textutil import prose_words

WORDS_PER_MINUTE = 238
"""Adults' silent reading rate for non-fiction (Brysbaert 2019)."""


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words at an adult's pace, at least one."""
    return max(1, round(words / WORDS_PER_MINUTE))


def page_words(page: Page) -> int:
    """Words of prose on a page, its parts included."""
    return prose_words(page.blocks) + sum(prose_words(p.section.blocks) for p in page.parts)


def article_words(article: Article) -> int:
    """Words of prose in a whole article."""
    return prose_words(article.intro) + sum(prose_words(s.blocks) for s in article.walk())


def links_block(lines: list[str], classes: str = "ms-links") -> list[str]:
    """Lists of links the generator adds, marked so that neither readers' tools nor search take
    them for article text (they repeat titles and first sentences)."""
    return [f'<div class="{classes}" markdown data-search-exclude>', "", *lines, "", "</div>", ""]


def map_lines(target: Page, here: str, site: Site, indent: int,
              extra: dict[str, str] | None = None) -> list[str]:
    """Nested list lines linking `target`, its parts and the pages below it; `extra` adds a
    suffix to a page's line, by path."""
    pad = "    " * indent
    lines = [pad + link_line(target, here) + (extra or {}).get(target.path, "")]
    for part in target.parts:
        link = f"{relative(target.path, here)}#{part.anchor}"
        pad_part = "    " * (indent + part.depth - 1)
        lines.append(f"{pad_part}- [{escape(part.section.title)}]({link})")
    for path in target.children:
        lines += map_lines(site.page(path), here, site, indent + 1, extra)
    return lines


def link_line(target: Page, here: str, described: bool = False) -> str:
    """A list item linking `target` from page `here`, with its description if asked."""
    line = f"- [{escape(target.title)}]({relative(target.path, here)})"
    return f"{line}: {escape(target.description)}" if described else line


@lru_cache(maxsize=1 << 16)
def relative(path: str, here: str) -> str:
    """The link from page `here` to `path` (a page under docs/, maybe with `#anchor`).
    Cached: a page links to the same few pages from its nav, map and questions."""
    page, _, anchor = path.partition("#")
    link = relpath(page, _folder(here))
    return f"{link}#{anchor}" if anchor else link


@lru_cache(maxsize=1 << 16)
def _folder(here: str) -> str:
    """The folder of page `here` ("." for the top). Cached: a page links to many others."""
    return posixpath.dirname(here) or "."


@lru_cache(maxsize=1 << 16)
def relpath(path: str, start: str) -> str:
    """posixpath.relpath for two plain relative paths (pages under docs/, or the folders they
    are served from: "a/b.md" from "a" or "."), without making both absolute first (slow,
    and asked for every link of every page): `start` is walked up, folder by folder, to the
    one that holds `path` (most links go down from `start` or its parent)."""
    if not (_is_plain(path) and _is_plain(start)):
        return posixpath.relpath(path, start)
    ups, holder = 0, start
    while holder not in (".", path) and not path.startswith(holder + "/"):
        holder = holder.rpartition("/")[0] or "."
        ups += 1
    rest = "" if path == holder else path if holder == "." else path[len(holder) + 1:]
    return "/".join([".."] * ups + ([rest] if rest else [])) or "."


def _is_plain(path: str) -> bool:
    """Whether `path` is "." or names between single slashes, none of them "." or "..", and
    no slash first or last: a relative path that needs no normalising."""
    if path == ".":
        return True
    edged = f"/{path}/"
    return "//" not in edged and "/./" not in edged and "/../" not in edged
