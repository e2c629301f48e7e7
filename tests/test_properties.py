"""Property: for any text, either a clean refusal (InputError, exit 2) or pages that hold every
block of the article as literal text, with no markup the article did not have as text."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import block_texts, body_text, scaffold_markdown
from microsite.clean import clean
from microsite.errors import InputError
from microsite.pipeline import build, render_site
from microsite.read import read_bytes

NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:y)",
         "![i](http://h/x.png)", "<!-- c -->", "{: onclick=z }", "!!! note", "??? tip",
         '--8<-- "/etc/passwd"', ";--8<-- 'x'", "{{ x }}", "{% y %}", "---", "***", "# h",
         "1. item", "- item", "> quote", "| a | b |", "`code`", "*em*", "__st__", "&amp;",
         "\t\tcode", "    code", "*[ABBR]: x", "[^1]", "$x$", ":smile:", "~~del~~", "==m==",
         "\\", "<div markdown>", "&#60;", "https://x.y/z"]
WORD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
               min_size=1, max_size=12)
LINE = st.one_of(
    st.sampled_from(NASTY),
    st.lists(st.one_of(WORD, st.sampled_from(NASTY)), min_size=1, max_size=14).map(" ".join),
    st.lists(st.sampled_from(["Garden", "Soil", "Water", "The", "of", "Light"]), min_size=1,
             max_size=4).map(" ".join),
    st.just(""),
)
ARTICLE = st.lists(LINE, min_size=1, max_size=30).map("\n".join)

ALLOWED_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "ul", "ol", "li", "div",
                "details", "summary", "strong", "em", "figure", "figcaption", "span", "abbr",
                "blockquote", "code", "hr"}  # hr: the section cards use it
JAVASCRIPT_URL = re.compile(r"\s*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.IGNORECASE)
MAP_TAGS = {"svg", "rect", "text", "tspan", "path", "g"}  # the map of ideas' drawing only


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.in_map = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figure" and "ms-map" in (dict(attrs).get("class") or "").split():
            self.in_map += 1
        elif self.in_map and tag == "figure":
            self.bad.append("figure inside the map")
        if tag not in ALLOWED_TAGS and not (self.in_map and tag in MAP_TAGS):
            self.bad.append(tag)
        for name, value in attrs:
            # a javascript: URL anywhere (an id "javascript", from a glossary term, is no URL)
            if name.startswith("on") or JAVASCRIPT_URL.match(value or ""):
                self.bad.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure" and self.in_map:
            self.in_map -= 1

    def handle_comment(self, data: str) -> None:
        if data.strip() != "material/tags":  # the topics page's marker for the tags plugin
            self.bad.append(f"<!--{data}-->")


def _texts(text: str) -> list[str]:
    source = clean(read_bytes("article.txt", text.encode("utf-8")))
    return [" ".join(t.split()) for t in block_texts(source.blocks) if t.strip()]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE)
def test_any_article_is_refused_cleanly_or_kept_literally(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("prop")
    source = folder / "article.txt"
    source.write_text(text, encoding="utf-8")
    try:
        output = render_site([source])
    except InputError as error:
        assert str(error).startswith("article.txt: ")
        return
    converter = scaffold_markdown()
    shown = ""
    for file in output.files:
        converter.reset()
        page = converter.convert(file.text.split("---\n", 2)[2])
        checker = Markup()
        checker.feed(page)
        assert not checker.bad, (file.path, checker.bad)
        shown += " " + body_text(f'<article class="md-content__inner">{page}</article>')
    for piece in _texts(text):
        assert piece in shown, piece


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE.filter(lambda t: len(t.split()) > 3))
def test_any_article_builds_strictly(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path_factory.mktemp("strict")
    source = project / "article.txt"
    source.write_text(text, encoding="utf-8")
    try:
        build([source], project)
    except InputError:
        return
    assert (project / "site" / "index.html").exists()
    shutil.rmtree(project)

