"""The map of ideas: the article's shape as an inline SVG diagram, drawn when the pages are
written (no JavaScript, no request to anywhere).

Each top-level section is a box holding a box for each page below it; every box is a link to
its page; the strongest relations between pages (from the related-pages graph) are arcs in
the right margin. Colours come from Material's palette variables (in the project's
overrides/partials/microsite-styles.html), so the map follows the light and dark palettes, and
the drawing scales down to a phone's width. The nested list after it on the home page is its
text alternative.

Text from the article reaches the drawing only as escaped XML text and attribute values.
The drawing is hidden from assistive technology; each box's link is an HTML link laid over
it, named by the page's title. Links in raw HTML are not rewritten by MkDocs, so they are
written as the built site's URLs (MkDocs' default `use_directory_urls`: `a/b.md` is served at
`a/b/`).
"""

from __future__ import annotations

import posixpath
import textwrap
from dataclasses import dataclass
from html import escape as xml

from .model import Learning, Page, Site
from .render_common import relpath

# The drawing's geometry, in SVG units (CSS pixels at full size; the drawing is at most
# this wide and shrinks with the column).
WIDTH = 400
ARCS = 48          # the right margin where relations are drawn
PAD = 10           # inside a section box, around its page boxes
GAP = 8            # between boxes
LINE = 19          # a line of text
TITLE_SIZE = 16    # font size of a section's title
PAGE_SIZE = 14     # font size of a page's title
CHAR_WIDTH = 0.58  # an average character's width, in ems, to wrap titles by count
MAX_BOXES = 60     # past this many pages the drawing says less than the list: list only
MAX_ARCS = 6       # the strongest relations drawn, between pages of different sections


@dataclass(frozen=True)
class _Box:
    """A page's box: where it is and how its title is wrapped."""

    path: str
    lines: tuple[str, ...]
    x: float
    y: float
    width: float
    height: float
    section: bool


def map_svg(page: Page, site: Site) -> list[str]:
    """Lines of a `<figure>` holding the map of the pages below `page`, or none when there
    are no pages below it, or too many to draw legibly."""
    tops = [site.page(path) for path in page.children]
    groups = [(top, pages_below(top, site)) for top in tops]
    if not tops or sum(1 + len(inner) for _, inner in groups) > MAX_BOXES:
        return []
    boxes, frames, y = [], [], 0.0
    group = {page.path: n for n, (top, inner) in enumerate(groups) for page in [top, *inner]}
    for top, inner in groups:
        head = _box(top.path, top.title, 0, y, WIDTH - ARCS, TITLE_SIZE, True)
        boxes.append(head)
        y += head.height
        for child in inner:
            box = _box(child.path, child.title, PAD, y, WIDTH - ARCS - 2 * PAD, PAGE_SIZE, False)
            boxes.append(box)
            y += box.height + GAP
        bottom = y + (PAD - GAP if inner else 0)
        frames.append((head.y, bottom - head.y))
        y = bottom + 2 * GAP
    height = y - 2 * GAP
    where = {box.path: box for box in boxes}
    pairs = [(a, b) for a, b in _strongest(site)
             if a in where and b in where and group[a] != group[b]]
    arcs = [_arc(where[a], where[b]) for a, b in pairs[:MAX_ARCS]]
    here = _url(page.path)
    out = ['<figure class="ms-map ms-links" data-search-exclude>',
           f'<div class="ms-map__canvas" style="aspect-ratio: {WIDTH} / {_n(height)}">',
           f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}"'
           ' aria-hidden="true" focusable="false">']
    out += [f'<rect class="ms-map__section" x="0.75" y="{_n(top + 0.75)}"'
            f' width="{WIDTH - ARCS - 1.5}" height="{_n(size - 1.5)}" rx="8"/>'
            for top, size in frames]
    if arcs:
        out += ['<g class="ms-map__relations">', *arcs, "</g>"]
    out += [_drawn(box) for box in boxes]
    out += ["</svg>"]
    out += [_link(box, here, height) for box in boxes]
    out += ["</div>",
            "<figcaption>Each box is a page and a link to it. A curve joins two pages of"
            " different sections that talk about the same things.</figcaption>",
            "</figure>", ""]
    return out


def pages_below(page: Page, site: Site) -> list[Page]:
    """Every page under `page`, in reading order."""
    found: list[Page] = []
    for path in page.children:
        child = site.page(path)
        found += [child, *pages_below(child, site)]
    return found


def _box(path: str, title: str, x: float, y: float, width: float, size: int,
         section: bool) -> _Box:
    per_line = max(8, int((width - 2 * PAD) / (size * CHAR_WIDTH)))
    lines = tuple(_wrap(title, per_line)) or (title,)
    return _Box(path, lines, x, y, width, len(lines) * LINE + 2 * PAD - 4, section)


def _wrap(title: str, width: int) -> list[str]:
    """`textwrap.wrap(title, width, break_on_hyphens=False)`, done directly for a title of
    words between single spaces, none longer than a line (a title's usual shape): each line
    takes words while they fit. textwrap's general way (its regex split, chunk lists, the
    checks for long words and white space) cost about 40,000 instructions a title
    (tests/test_render.py holds the two to the same lines)."""
    words = title.split(" ")
    if not title or " ".join(title.split()) != title or max(map(len, words)) > width:
        return textwrap.wrap(title, width, break_on_hyphens=False)
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _drawn(box: _Box) -> str:
    """A box as drawn: a rectangle and its title (a section's title on its frame)."""
    kind = "ms-map__head" if box.section else "ms-map__page"
    size = TITLE_SIZE if box.section else PAGE_SIZE
    spans = "".join(
        f'<tspan x="{_n(box.x + PAD)}" y="{_n(box.y + PAD + size + i * LINE - 2)}">'
        f"{xml(line)}</tspan>" for i, line in enumerate(box.lines))
    return (f'<g class="{kind}"><rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}"'
            f' height="{_n(box.height)}" rx="6"/><text font-size="{size}">{spans}</text></g>')


def _link(box: _Box, here: str, height: float) -> str:
    """A box as a link: an ordinary HTML link laid over the drawn box, named by the title.

    Not an SVG link: Material's instant navigation re-assigns the `href` of every element
    that has one, which an SVG link refuses (an error on every page load), and an SVG
    `xlink:href` is no link to crawlers."""
    href = relpath(_url(box.path), here) + "/"
    place = (f"left: {_n(box.x / WIDTH * 100)}%; top: {_n(box.y / height * 100)}%;"
             f" width: {_n(box.width / WIDTH * 100)}%; height: {_n(box.height / height * 100)}%")
    return (f'<a class="ms-map__hit" href="{xml(href)}" style="{place}">'
            f"<span>{xml(' '.join(box.lines))}</span></a>")


def _strongest(site: Site) -> list[tuple[str, str]]:
    """The pairs of pages to join: each page with the page most like it, the pairs that chose
    each other first, then in reading order. Worked out once per site: every article's start
    page draws a map, and the pairs run over the whole site's pages."""
    learning = site.learning
    if learning is None:
        return []
    known = _PAIRS.get(id(learning))
    if known is None or known[0] is not learning:
        _PAIRS.clear()  # another site: keep only the one being rendered
        known = _PAIRS[id(learning)] = (learning, _pairs(learning))
    return known[1]


_PAIRS: dict[int, tuple[Learning, list[tuple[str, str]]]] = {}


def _pairs(learning: Learning) -> list[tuple[str, str]]:
    first = {lesson.path: lesson.related[0] for lesson in learning.lessons if lesson.related}
    pairs: list[tuple[int, tuple[str, str]]] = []
    seen: set[frozenset[str]] = set()
    for path, other in first.items():
        key = frozenset((path, other))
        if key in seen:
            continue
        seen.add(key)
        mutual = first.get(other) == path
        pairs.append((0 if mutual else 1, (path, other)))
    return [pair for _, pair in sorted(pairs, key=lambda p: p[0])]


def _arc(a: _Box, b: _Box) -> str:
    """A curve in the right margin from the middle of box `a` to the middle of box `b`."""
    x = WIDTH - ARCS
    ya, yb = a.y + a.height / 2, b.y + b.height / 2
    reach = min(ARCS - 4, 14 + abs(yb - ya) * 0.12)
    return (f'<path d="M{_n(a.x + a.width)} {_n(ya)} H{x} C{_n(x + reach)} {_n(ya)}'
            f' {_n(x + reach)} {_n(yb)} {x} {_n(yb)} H{_n(b.x + b.width)}"/>')


def _url(path: str) -> str:
    """The folder a page is served from, relative to the site's root ("." for the home)."""
    stem = path[: -len("index.md")] if posixpath.basename(path) == "index.md" else path[:-3]
    return stem.rstrip("/") or "."


def _n(value: float) -> str:
    """A coordinate, short and the same on every machine. A whole number other than zero
    (most are: the boxes' sizes and places) is written as its integer, which is what its one
    decimal stripped gives, without formatting a float (zero goes that way: "-0" for -0.0)."""
    number = float(value)  # an int too, as the format reads it
    if number.is_integer() and number:
        return str(int(number))
    return f"{number:.1f}".rstrip("0").rstrip(".")
