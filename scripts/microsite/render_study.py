"""The study blocks the learning layer adds to pages, as Markdown.

Blocks that repeat the article's sentences (the key takeaway, "At a glance", glossary
explanations, questions) carry the class `ms-summary` or `ms-quiz`, and blocks of links carry
`ms-links`: they are summaries, not second copies of the text, and search leaves most of them
out. The words the generator writes itself are kept short and plain (reading grade 8 or below).
"""

from __future__ import annotations

import re

from .escape import escape, one_line
from .model import Learning, Lesson, Page, Site, Term
from .render_common import (
    link_line,
    links_block,
    map_lines,
    page_words,
    reading_minutes,
    relative,
)
from .render_map import map_svg, pages_below

LETTERS = "ABCDEFGH"


def takeaway(lesson: Lesson) -> list[str]:
    """The page's key sentence, as a summary box at the top."""
    if not lesson.takeaway:
        return []
    return ['!!! abstract ms-summary "Key takeaway"', "", f"    {escape(lesson.takeaway)}", ""]


def related(lesson: Lesson, page: Page, site: Site) -> list[str]:
    """The "Related pages" block: the most similar pages, each with its description."""
    if not lesson.related:
        return []
    lines = [link_line(site.page(path), page.path, described=True) for path in lesson.related]
    return ["## Related pages { data-search-exclude }", "",
            *links_block(lines, "ms-links ms-related")]


def questions(lesson: Lesson, page: Page) -> list[str]:
    """The "Check your understanding" block: questions with answers that open on demand."""
    if not lesson.questions:
        return []
    lines = ["## Check your understanding { data-search-exclude }", "",
             '<div class="ms-quiz" markdown data-search-exclude>', ""]
    for number, question in enumerate(lesson.questions, start=1):
        lines += [f"**Question {number}.** {escape(question.prompt)}", ""]
        lines += [f"- {LETTERS[i]}. {escape(option)}" for i, option in enumerate(question.options)]
        right = question.options[question.answer]
        lines += [
            "",
            f'??? question "Show the answer to question {number}"',
            "",
            f"    **{LETTERS[question.answer]}. {escape(right)}.** {escape(question.explanation)}"
            f" [Read it again]({relative(question.page, page.path)}).",
            "",
        ]
    return lines + ["</div>", ""]


def glossary(learning: Learning, page: Page, site: Site) -> list[str]:
    """The glossary page's entries: each term, the sentence of the text that best explains it,
    and the page that discusses it."""
    lines = [
        "These are the key terms of this site. Each one comes with the sentence from the text"
        " that explains it best. The text does not always define its terms, so read each"
        " sentence as an example of how the term is used.",
        "",
    ]
    for term in learning.terms:
        lines += [f"## {escape(term.label)}", ""]
        if term.expansion:
            lines += [f"Short for *{escape(term.expansion)}*.", ""]
        if term.definition:
            lines += [f"*In this article:* “{escape(term.definition)}”",
                      "{: .ms-summary data-search-exclude }", ""]
        owner = site.page(term.page)
        lines += [f"Discussed in [{escape(owner.title)}]({relative(owner.path, page.path)}).",
                  ""]
    return lines


def topics() -> list[str]:
    """The topics page: Material's tags plugin lists every page by its key terms here."""
    return ["Each page is tagged with its key terms. Pick a topic to see the pages about it.",
            "", "<!-- material/tags -->", ""]


class Tooltips:
    """The glossary as abbreviation definitions (Python-Markdown's abbr syntax), to put at
    the end of each page: only those of the terms the page's text names, so that a page of a
    site of thousands of terms is not parsed with all of them (Python-Markdown handles each
    definition as a block of its own, on every page it is given to)."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.lines: dict[str, str] = {}  # each spelling, and its definition line
        for term in terms:
            tip = _tooltip(term)
            if not tip:
                continue
            for form in sorted(set(term.forms) | {term.label}, key=lambda f: (-len(f), f)):
                if form == term.label or form.islower() or form.isupper():
                    # not "Attachment Styles" of headings
                    self.lines.setdefault(form, f"*[{form}]: {tip}")
        self.order = {form: n for n, form in enumerate(self.lines)}
        self.by_first_word: dict[str, list[str]] = {}
        for form in self.lines:
            first = _WORD.match(form)
            self.by_first_word.setdefault(first.group(0) if first else "", []).append(form)

    def for_page(self, text: str) -> list[str]:
        """The definition lines of the spellings `text` has as whole words, with their case
        (as abbr matches them), each a block of its own. Plain loops, not comprehensions:
        on Python 3.11 each comprehension is a call of its own, made for every word found on
        every page."""
        if len(self.by_first_word) <= _FEW_WORDS:  # a small glossary: look for each word
            found = []
            for word, forms in self.by_first_word.items():
                # A spelling begins with its first word: it is nowhere before where that is
                # first, so it is searched for from there (a phrase is the slowest to search
                # for: see `_whole_word_in`).
                at = text.find(word) if word else -1
                if at >= 0:
                    for form in forms:
                        if _whole_word_in(form, text, at):
                            found.append(form)
        else:  # a large one: look up each word of the page
            found = [form for word in _words_in(text) & self.by_first_word.keys()
                     for form in self.by_first_word[word] if _whole_word_in(form, text)]
        blocks: list[str] = []
        for form in sorted(found, key=self.order.__getitem__):
            blocks += ("", self.lines[form])
        return blocks


_FEW_WORDS = 100
"""Up to this many first words of spellings, a page is searched for each (str's search runs
at memory speed); past it, the page's words are listed once and looked up."""


def _words_in(text: str) -> set[str]:
    """The words of `text` as _WORD finds them, found faster: a run of text between spaces
    that is all letters and digits is one such word; only the others go to the regex."""
    found: set[str] = set()
    for token in set(text.split()):
        if token.isalnum():  # what [^\W_] matches, character by character
            found.add(token)
        else:
            found.update(_WORD.findall(token))
    return found


def _whole_word_in(form: str, text: str, start: int = 0) -> bool:
    """Whether `form` is in `text` (from `start` on) between characters that are not letters
    or digits: where abbr's \\bform\\b may match once the Markdown is rendered (an underscore
    may be emphasis that goes away). Without a regex: str.find is many times faster than such
    a search, the most for a single word: it skips past the characters its needle lacks, most
    of a page's for a word, and few for a phrase (most letters and the space)."""
    start = text.find(form, start)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(form, start + 1)
    return False


_WORD = re.compile(r"[^\W_]+")


def _tooltip(term: Term) -> str:
    text = one_line(term.definition)
    if term.expansion:
        return f"{term.expansion}. In this article: {text}" if text else term.expansion
    return f"In this article: {text}" if text else ""


def home(page: Page, site: Site) -> list[str]:
    """The home (or article) page's study blocks: at a glance, what you will learn, section
    cards, a start link, and the map of ideas."""
    learning = site.learning
    assert learning is not None
    lines: list[str] = []
    if learning.glance and page.kind == "home":
        lines += ['!!! abstract ms-summary "At a glance"', ""]
        lines += [f"    - {escape(sentence)}" for sentence in learning.glance]
        lines.append("")
    tops = [site.page(path) for path in page.children]
    if not tops:
        return lines
    learn_lines = []
    for top in tops:
        lesson = learning.lesson(top.path)
        point = lesson.takeaway if lesson and lesson.takeaway else top.description
        learn_lines.append(f"- **{escape(top.title)}**: {escape(point)}")
    lines += ["## What you will learn { data-search-exclude }", "",
              *links_block(learn_lines, "ms-summary")]
    cards = []
    for top in tops:
        pages = [top] + [site.page(p) for p in top.children]
        minutes = reading_minutes(sum(page_words(p) for p in pages))
        count = f" · {len(pages)} pages" if len(pages) > 1 else ""
        cards += [f"-   **[{escape(top.title)}]({relative(top.path, page.path)})**", "",
                  "    ---", "", f"    {escape(top.description)}", "",
                  f"    *{minutes} min read{count}*", ""]
    lines += ["## Sections { data-search-exclude }", "",
              *links_block(cards, "grid cards ms-links"),
              f"[Start reading: {escape(tops[0].title)}]({relative(tops[0].path, page.path)})"
              "{ .md-button .md-button--primary }", ""]
    extra = {}
    glossary = next((p for p in site.pages if p.kind == "glossary"), None)
    for below in (p.path for top in tops for p in (top, *pages_below(top, site))):
        lesson = learning.lesson(below)
        if lesson and lesson.terms and glossary is not None:
            named = ", ".join(
                f"[{escape(label)}]({relative(glossary.path, page.path)}#{term.anchor})"
                for label in lesson.terms if (term := learning.term(label)))
            extra[lesson.path] = f" — key ideas: {named}"
    map_of_ideas = []
    for top in tops:
        map_of_ideas += map_lines(top, page.path, site, 0, extra)
    lines += ["## Map of ideas { data-search-exclude }", "", *map_svg(page, site),
              '??? abstract "The map as a list, with the key ideas of each page"', "",
              *["    " + line if line else "" for line in links_block(map_of_ideas)]]
    return lines

