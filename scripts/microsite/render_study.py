"""The study blocks the learning layer adds to pages, as Markdown.

Blocks that repeat the article's sentences (the key takeaway, "At a glance", glossary
explanations, questions) carry the class `ms-summary` or `ms-quiz`, and blocks of links carry
`ms-links`: they are summaries, not second copies of the text, and search leaves most of them
out. The words the generator writes itself are kept short and plain (reading grade 8 or below).
"""

from __future__ import annotations

from .escape import escape
from .model import Learning, Lesson, Page, Site, Term
from .render_common import (
    link_line,
    links_block,
    map_lines,
    page_words,
    reading_minutes,
    relative,
)
from .render_map import map_svg

ABBREVIATIONS = "includes/abbreviations.md"
"""The glossary as abbreviation definitions, appended to every page by pymdownx.snippets so
that terms show their explanation as a tooltip."""

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


def abbreviations(terms: tuple[Term, ...]) -> str:
    """Abbreviation definitions (Python-Markdown's abbr syntax) for every spelling of every
    term that has an explanation."""
    lines: list[str] = []  # no comment line: the file is appended to every page as it is
    for term in terms:
        tip = _tooltip(term)
        if not tip:
            continue
        for form in sorted(set(term.forms) | {term.label}, key=lambda f: (-len(f), f)):
            if form == term.label or form.islower() or form.isupper():
                lines.append(f"*[{form}]: {tip}")  # not "Attachment Styles" of headings
    # One definition per block: Python-Markdown re-tests the rest of a block after each
    # definition it takes, which is quadratic in one block of hundreds of terms.
    return "\n\n".join(lines) + "\n" if lines else "\n"


def _tooltip(term: Term) -> str:
    text = " ".join(term.definition.split())
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
    for lesson in learning.lessons:
        if lesson.terms and glossary is not None:
            terms = {t.label: t for t in learning.terms}
            named = ", ".join(
                f"[{escape(label)}]({relative(glossary.path, page.path)}#{terms[label].anchor})"
                for label in lesson.terms if label in terms)
            extra[lesson.path] = f" — key ideas: {named}"
    map_of_ideas = []
    for top in tops:
        map_of_ideas += map_lines(top, page.path, site, 0, extra)
    lines += ["## Map of ideas { data-search-exclude }", "", *map_svg(page, site),
              '??? abstract "The map as a list, with the key ideas of each page"', "",
              *["    " + line if line else "" for line in links_block(map_of_ideas)]]
    return lines

