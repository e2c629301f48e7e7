"""Build the real-article corpus in tests/corpus: the truth, and two renderings made from it.

    .venv/bin/python scripts/corpus_render.py           # rewrite the generated files
    .venv/bin/python scripts/corpus_render.py --check   # exit 1 if any of them is stale

Each folder under tests/corpus holds `source.md`, the article's Markdown as fetched from its
public repository (where from, and its licence, are in the folder's `meta.yml`). From it this
script makes, deterministically:

    1. article.md    the truth: `source.md` with only the mechanical cleanups of `CLEANUPS`
    2. article.txt   a plain-text scrape: title line, bare headings, one line per paragraph
    3. article.html  a saved web page: the article inside a site's boilerplate (nav, cookie
                     banner, share buttons, related posts, comments, footer)

Both renderings go through Python-Markdown (extensions extra, sane_lists), whose HTML is read
back into `Block`s by a small tolerant tree walker; the benchmark (`bench_structure.py`) reads
the truth the same way.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import math
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
EXTENSIONS = ["extra", "sane_lists"]
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


# --- 1. cleaning: source.md -> article.md ------------------------------------------------------


def _front_matter(text: str) -> str:
    """Site front matter (layout, tags, authors, questions ...) goes; the title stays."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    title = (yaml.safe_load(match.group(1)) or {}).get("title")
    head = yaml.safe_dump({"title": title}, allow_unicode=True, width=1000) if title else ""
    return (f"---\n{head}---\n" if head else "") + text[match.end():]


_PQUOTE = re.compile(r'<aside markdown="1" class="pquote">\n(.*?)</aside>', re.DOTALL)
_CREDIT = re.compile(r'<p markdown="1" class="pquote-credit">\n(.*?)</p>', re.DOTALL)


def _pull_quote(match: re.Match[str]) -> str:
    """opensource.guide's pull quotes (`<aside class="pquote">`): the quote and its credit
    become a Markdown block quote; the avatar image goes."""
    inner = re.sub(r"^\s*<img [^>]*>\s*$", "", match.group(1), flags=re.MULTILINE)
    credit = _CREDIT.search(inner)
    quote = inner[:credit.start()] if credit else inner
    lines = [line.strip() for line in quote.strip().splitlines() if line.strip()]
    if credit:
        lines += ["", credit.group(1).strip()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n"


_MYST_FIGURE = re.compile(r"```\{figure\}[ \t]*(\S*)\n---\n(.*?)\n---\n(.*?)```", re.DOTALL)


def _myst_figure(match: re.Match[str]) -> str:
    """MyST figure directives become a Markdown image with its caption on the next line."""
    options = dict(line.split(":", 1) for line in match.group(2).splitlines() if ":" in line)
    alt = options.get("alt", "").strip()
    caption = match.group(3).strip()
    return f"![{alt}]({match.group(1)})" + (f"\n{caption}" if caption else "")


_LIQUID_IMAGE = re.compile(r'\{%\s*image\s+"([^"]*)"\s+"(.*)"\s*%\}')


def _liquid_image(match: re.Match[str]) -> str:
    """18F's `{% image "path" "alt" %}` include becomes the Markdown image it stands for."""
    return f"![{match.group(2).strip()}](/{match.group(1)})"


Rewrite = Callable[[re.Match[str]], str] | str

# The only changes made to a fetched article, in order, each with why. They are mechanical:
# site machinery is removed or replaced by the plain Markdown it renders to; the author's
# words are kept, even their typos.
CLEANUPS: tuple[tuple[str, re.Pattern[str], Rewrite], ...] = (
    # HTML comments are notes to editors, never shown to readers
    ("html comments", re.compile(r"<!--.*?-->", re.DOTALL), ""),
    ("opensource.guide pull quotes", _PQUOTE, _pull_quote),
    ("MyST figure directives", _MYST_FIGURE, _myst_figure),
    # MyST target labels `(name)=` are anchors, not text
    ("MyST labels", re.compile(r"^\([\w-]+\)=[ \t]*\n", re.MULTILINE), ""),
    # MyST citations render as an author-year the page fetches from a bibliography we lack
    ("MyST citations", re.compile(
        r"\s*\{cite(?::\w+)?\}`[^`]*`(?:,\s*\{cite(?::\w+)?\}`[^`]*`)*"), ""),
    # a MyST cross-reference shows its own text
    ("MyST references", re.compile(r"\{ref\}`([^`<]*?)\s*(?:<[^`]*>)?`"), r"\1"),
    ("18F image includes", _LIQUID_IMAGE, _liquid_image),
    # other Liquid tags, Jekyll variables and MDN macros (sidebars, video embeds, link menus)
    # are site machinery with no article text
    ("Liquid tags and MDN macros", re.compile(r"\{%.*?%\}|\{\{.*?\}\}"), ""),
    # kramdown attribute lists (`{: .challenge}`) only style the block above them
    ("kramdown attribute lists", re.compile(r"^(?:>[ \t]?)*\{:[^}\n]*\}[ \t]*\n", re.MULTILINE),
     ""),
    # one code block opened with `~~~` closes with `~~~~`, which Python-Markdown does not match
    ("unbalanced code fences", re.compile(r"^~~~~[ \t]*$", re.MULTILINE), "~~~"),
    # empty named anchors inside headings (`## <a name="tabs"></a> Multiple tabs`)
    ("empty anchors", re.compile(r'<a name="[^"]*"></a>[ \t]*'), ""),
    # what the removals leave: runs of blank lines, kept to one
    ("blank runs", re.compile(r"\n{3,}"), "\n\n"),
)
_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d+\.)[ \t]+\S")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


def _open_lists(text: str) -> str:
    """A blank line before a list that directly follows a paragraph line. The sites these
    articles come from (CommonMark, kramdown) start a list there; Python-Markdown needs the
    blank line, and without it would run the items into the paragraph."""
    out: list[str] = []
    blank, in_list, in_code = True, False, False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
        if in_code or not line.strip():
            blank = blank if in_code else True
            out.append(line)
            continue
        item = _ITEM.match(line)
        if item and not in_list and not blank:
            out.append("")
        if item:
            in_list = True
        elif blank and not line.startswith((" ", "\t")):
            in_list = False
        blank = False
        out.append(line)
    return "\n".join(out)


def clean(source: str) -> str:
    """The truth from a fetched article: front matter down to the title, then `CLEANUPS`."""
    text = _front_matter(source)
    for _name, pattern, rewrite in CLEANUPS:
        text = pattern.sub(rewrite, text)
    return _open_lists(text).strip("\n") + "\n"


# --- 2. reading Markdown back as blocks ---------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One block of an article as a reader sees it."""

    kind: str
    """"heading", "paragraph", "item" (of a list), "figure", "code" or "row" (of a table)."""
    text: str
    """Its text, white space folded (lines kept for code, and where `<br>` breaks them); for a
    figure, the caption."""
    level: int = 0
    """A heading's level as marked (1 for `#`)."""
    alt: str = ""
    """A figure's alternative text."""
    quoted: bool = False
    """True inside a block quote."""
    group: int = 0
    """Items of one list, rows of one table, share a group number."""


@dataclass(frozen=True)
class Document:
    """An article read back from Markdown: title, body HTML and blocks."""

    title: str
    body_html: str
    blocks: tuple[Block, ...]


_FIGURE_PARAGRAPH = re.compile(
    r"<p>(?:<a [^>]*>)?(<img [^>]*>)(?:</a>)?\s*(.*?)</p>", re.DOTALL)


def _figure_html(match: re.Match[str]) -> str:
    caption = match.group(2).strip()
    inner = f"\n<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>\n{match.group(1)}{inner}\n</figure>"


def read_markdown(text: str) -> Document:
    """Title (front matter, else the first `#` heading), body HTML and blocks of an article.
    A paragraph that starts with an image is a figure; the rest of it is the caption."""
    title = ""
    match = _FRONT_MATTER.match(text)
    if match:
        title = str((yaml.safe_load(match.group(1)) or {}).get("title", ""))
        text = text[match.end():]
    body = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    body = _FIGURE_PARAGRAPH.sub(_figure_html, body)
    if not title:
        first = re.search(r"<h1>(.*?)</h1>\n?", body, re.DOTALL)
        if first:
            title = _fold(_text(_parse(first.group(1))))
            body = body[:first.start()] + body[first.end():]
    return Document(title=_fold(title), body_html=body, blocks=tuple(_blocks(_parse(body))))


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str]


_VOID = frozenset({"img", "br", "hr", "input", "meta", "link", "source", "wbr"})
_SKIP = frozenset({"script", "style", "iframe", "template"})


class _TreeBuilder(HTMLParser):
    """HTML to a tree of `_Node`s, forgiving: a stray end tag is ignored, void tags close."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, [])
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, [])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag: str) -> None:
        if any(node.tag == tag for node in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse(fragment: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(fragment)
    builder.close()
    return builder.root


def _text(node: _Node | str, raw: bool = False) -> str:
    """Inline text of a node: a line break only where `<br>` puts one (or, `raw`, where the
    text has one, as in code); images and scripts give nothing."""
    if isinstance(node, str):
        return node if raw else node.replace("\n", " ")
    if node.tag == "br":
        return "\n"
    if node.tag in _SKIP or node.tag == "img":
        return ""
    return "".join(_text(child, raw) for child in node.children)


def _fold(text: str) -> str:
    """White space folded, line breaks kept."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NESTED = frozenset({"ul", "ol", "p", "pre", "blockquote", "table", "figure", "div"} | _HEADINGS)


def _blocks(node: _Node, quoted: bool = False, counter: list[int] | None = None,
            group: int = 0) -> Iterator[Block]:
    """The blocks under `node`, in reading order."""
    counter = counter if counter is not None else [0]
    loose: list[_Node | str] = []  # inline content between blocks (in a div, or a list item)

    def flush() -> Iterator[Block]:
        text = _fold("".join(_text(part) for part in loose))
        loose.clear()
        if text:
            kind = "item" if node.tag == "li" else "paragraph"
            yield Block(kind, text, quoted=quoted, group=group)

    for child in node.children:
        if isinstance(child, str) or child.tag not in _NESTED | {"hr", "img", "li"} | _SKIP:
            loose.append(child)
            continue
        yield from flush()
        tag = child.tag
        if tag in _HEADINGS:
            yield Block("heading", _fold(_text(child)).replace("\n", " "), level=int(tag[1]),
                        quoted=quoted)
        elif tag == "p":
            kind = "item" if node.tag == "li" else "paragraph"
            text = _fold(_text(child))
            if text:
                yield Block(kind, text, quoted=quoted, group=group)
        elif tag in ("ul", "ol"):
            if node.tag != "li":
                counter[0] += 1
            yield from _blocks(child, quoted, counter, group if node.tag == "li" else counter[0])
        elif tag == "li":
            yield from _blocks(child, quoted, counter, group)
        elif tag == "pre":
            yield Block("code", _text(child, raw=True).strip("\n"), quoted=quoted)
        elif tag == "blockquote":
            yield from _blocks(child, True, counter, group)
        elif tag in ("figure", "img"):
            yield _figure(child, quoted)
        elif tag == "table":
            counter[0] += 1
            for row in _rows(child):
                cells = [" ".join(_text(cell).split()) for cell in row.children
                         if isinstance(cell, _Node) and cell.tag in ("td", "th")]
                yield Block("row", "\t".join(cells), quoted=quoted, group=counter[0])
        elif tag == "div":
            yield from _blocks(child, quoted, counter, group)
    yield from flush()


def _figure(node: _Node, quoted: bool) -> Block:
    image = node if node.tag == "img" else next(_find(node, "img"), None)
    caption = next(_find(node, "figcaption"), None)
    alt = " ".join(image.attrs.get("alt", "").split()) if image else ""
    return Block("figure", _fold(_text(caption)) if caption else "", alt=alt, quoted=quoted)


def _find(node: _Node, tag: str) -> Iterator[_Node]:
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                yield child
            yield from _find(child, tag)


def _rows(table: _Node) -> Iterator[_Node]:
    return _find(table, "tr")


# --- 3. renderings -------------------------------------------------------------------------------


def render_text(doc: Document) -> str:
    """The article as a blog scrape gives it: the title line, then blocks two blank lines
    apart; headings are bare lines, a paragraph is one line (a `<br>` breaks it), list items
    and table rows are runs of lines, a figure is its alt text over its caption, code keeps
    its lines. No Markdown marker survives."""
    chunks = [doc.title]
    previous: Block | None = None
    for block in doc.blocks:
        if block.kind == "figure":
            text = "\n".join(part for part in (block.alt, block.text) if part)
        else:
            text = block.text
        if not text:
            continue
        same_run = (previous is not None and block.kind in ("item", "row")
                    and previous.kind == block.kind and previous.group == block.group)
        if same_run:
            chunks[-1] += "\n" + text
        else:
            chunks.append(text)
        previous = block
    return "\n\n\n".join(chunks) + "\n"


# Invented sites the saved pages pretend to come from; each article gets one by its name.
_SITES = ("The Open Notebook", "Fieldwork Weekly", "Commons Quarterly", "Plain Words Blog")
_WORDS_PER_MINUTE = 200


def render_page(doc: Document, meta: dict[str, object], related: tuple[str, ...]) -> str:
    """The article as a saved web page: its body inside a site's header, cookie banner,
    breadcrumbs, byline, share buttons, tags, comments, sidebar of related posts and footer."""
    slug = str(meta["slug"])
    site = _SITES[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(_SITES)]
    title, esc_site = html.escape(doc.title), html.escape(site)
    words = sum(len(block.text.split()) for block in doc.blocks)
    minutes = max(1, math.ceil(words / _WORDS_PER_MINUTE))
    author = html.escape(str(meta["attribution"]))
    licence = html.escape(str(meta["licence"]))
    licence_url = html.escape(str(meta["licence_url"]))
    origin = html.escape(str(meta["page_url"]))
    related_items = "\n".join(
        f'      <li><a href="/blog/{html.escape(_slug(t))}/">{html.escape(t)}</a></li>'
        for t in related)
    return _PAGE.format(title=title, site=esc_site, slug=html.escape(slug), minutes=minutes,
                        author=author, licence=licence, licence_url=licence_url,
                        origin=origin, body=doc.body_html.strip(),
                        related=related_items, words=words)


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:60]


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | {site}</title>
  <meta name="description" content="{title}. Read more on {site}.">
  <meta property="og:title" content="{title}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{site}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="canonical" href="https://www.example.org/blog/{slug}/">
  <link rel="stylesheet" href="/assets/css/main.css">
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-7Q2XK4LM9P"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date()); gtag('config', 'G-7Q2XK4LM9P');</script>
  <style>.cookie-banner {{ position: fixed; bottom: 0; }}
  .visually-hidden {{ display: none; }}</style>
</head>
<body class="post-template">
  <a class="skip-link" href="#content">Skip to content</a>
  <div class="cookie-banner" role="dialog" aria-label="Cookie consent">
    <p>We use cookies to give you the best experience on our website and to analyse our traffic.
    By clicking "Accept all", you agree to our use of cookies.</p>
    <button type="button">Accept all</button>
    <button type="button">Manage preferences</button>
  </div>
  <header class="site-header">
    <a class="site-logo" href="/">{site}</a>
    <nav class="site-nav" aria-label="Main">
      <ul>
        <li><a href="/">Home</a></li>
        <li><a href="/blog/">Blog</a></li>
        <li><a href="/topics/">Topics</a></li>
        <li><a href="/about/">About us</a></li>
        <li><a href="/newsletter/">Newsletter</a></li>
      </ul>
    </nav>
    <form class="search" role="search" action="/search/">
      <label class="visually-hidden" for="q">Search</label>
      <input id="q" name="q" type="search" placeholder="Search this site">
      <button type="submit">Search</button>
    </form>
  </header>
  <div class="layout">
    <main id="content">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="/">Home</a> › <a href="/blog/">Blog</a> › <span>{title}</span>
      </nav>
      <article class="post">
        <header class="post-header">
          <h1 class="post-title">{title}</h1>
          <p class="post-meta">By {author} · {minutes} min read</p>
        </header>
        <div class="post-content">
{body}
        </div>
        <footer class="post-footer">
          <div class="share">
            <span>Share this post:</span>
            <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fwww.example.org%2Fblog%2F{slug}%2F">Twitter</a>
            <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.example.org%2Fblog%2F{slug}%2F">Facebook</a>
            <a href="https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.example.org%2Fblog%2F{slug}%2F">LinkedIn</a>
            <a href="mailto:?subject={title}">Email</a>
          </div>
          <p class="source-note">Originally published at <a href="{origin}">{origin}</a>
          by {author}, under <a href="{licence_url}">{licence}</a>; adapted (site markup
          removed).</p>
        </footer>
      </article>
      <section class="comments" id="comments">
        <h2>2 Comments</h2>
        <ol class="comment-list">
          <li class="comment">
            <p class="comment-author">Maria K. <time datetime="2024-03-02">March 2, 2024</time></p>
            <p>Thank you for this, really useful. I have shared it with my whole team.</p>
            <a class="reply" href="#reply">Reply</a>
          </li>
          <li class="comment">
            <p class="comment-author">Dev P. <time datetime="2024-03-05">March 5, 2024</time></p>
            <p>Great read! Do you have any recommendations for further reading on this topic?</p>
            <a class="reply" href="#reply">Reply</a>
          </li>
        </ol>
        <form class="comment-form" id="reply">
          <h3>Leave a comment</h3>
          <label>Name <input name="name"></label>
          <label>Comment <textarea name="comment"></textarea></label>
          <button type="submit">Post comment</button>
        </form>
      </section>
    </main>
    <aside class="sidebar">
      <section class="related-posts">
        <h2>Related posts</h2>
        <ul>
{related}
        </ul>
      </section>
      <section class="newsletter-signup">
        <h2>Subscribe</h2>
        <p>Get our new posts in your inbox every Friday. No spam, unsubscribe at any time.</p>
        <form action="/subscribe/"><input type="email" placeholder="you@example.org">
        <button type="submit">Subscribe</button></form>
      </section>
    </aside>
  </div>
  <footer class="site-footer">
    <nav aria-label="Footer">
      <a href="/privacy/">Privacy policy</a> · <a href="/terms/">Terms of use</a> ·
      <a href="/contact/">Contact</a> · <a href="/feed.xml">RSS</a>
    </nav>
    <p>© 2024 {site}. Articles are shared under the licence stated with each one.</p>
  </footer>
  <script src="/assets/js/main.js" defer></script>
</body>
</html>
"""


# --- the corpus -------------------------------------------------------------------------------


def articles(corpus: Path = CORPUS) -> tuple[Path, ...]:
    """The article folders, sorted."""
    return tuple(sorted(p for p in corpus.iterdir() if (p / "source.md").is_file()))


def load_meta(folder: Path) -> dict[str, object]:
    """A folder's meta.yml, with its slug (the folder's name)."""
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8")) or {}
    return {**meta, "slug": folder.name}


def build(corpus: Path = CORPUS) -> dict[Path, str]:
    """Every generated file's path and the text it must hold."""
    folders = articles(corpus)
    docs = {}
    out: dict[Path, str] = {}
    for folder in folders:
        truth = clean((folder / "source.md").read_text(encoding="utf-8"))
        out[folder / "article.md"] = truth
        docs[folder] = read_markdown(truth)
    for i, folder in enumerate(folders):
        doc = docs[folder]
        # the sidebar lists the next three articles of the corpus, a real site's "related"
        related = tuple(docs[folders[(i + k) % len(folders)]].title for k in (1, 2, 3))
        out[folder / "article.txt"] = render_text(doc)
        out[folder / "article.html"] = render_page(doc, load_meta(folder), related)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the generated files, or with --check report the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    stale = []
    for path, text in build().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8", newline="\n")
    for path in stale:
        print(("stale: " if args.check else "wrote: ") + str(path.relative_to(CORPUS.parent)))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
