"""Self-check questions: multiple choice built from a page's key sentences. The right answer
is a term the sentence uses; the wrong ones are key terms of the sibling pages (then of the
rest of the site), so they are plausible but not in the sentence."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from itertools import chain

from ..model import Page, Question, Site, Term
from ..textutil import first_mention

QUESTIONS_MAX = 3
"""Most questions on one page."""
QUESTIONS_MIN = 2
"""Fewest questions on one page, when it has that many sentences."""
OPTIONS = 4
"""Choices per question, the right one included."""
BLANK = "_____"


class Neighbours:
    """What questions borrow their wrong answers from, gathered once for the site: section
    pages and key terms by folder, and both in reading order."""

    def __init__(self, site: Site, terms: tuple[Term, ...]) -> None:
        order = {p.path: i for i, p in enumerate(site.pages)}
        self.sections = [p for p in site.pages if p.kind == "section"]
        self.sections_in: dict[str, list[Page]] = defaultdict(list)
        for section in self.sections:
            self.sections_in[posixpath.dirname(section.path)].append(section)
        self.terms = sorted(terms, key=lambda t: (order.get(t.page, 0), t.label))
        self.terms_in: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            self.terms_in[posixpath.dirname(term.page)].append(term)


def ask(page: Page, sentences: tuple[str, ...], terms: tuple[Term, ...],
        neighbours: Neighbours, avoid: str = "") -> tuple[Question, ...]:
    """Up to three questions on `page`, each from a different sentence and term (`terms`: those
    the page names); the sentence `avoid` (the page's key takeaway, shown above) is used only
    when no other will do."""
    ordered = sorted(terms, key=lambda t: (t.page != page.path, -len(t.label), t.label))
    used_terms: set[str] = set()
    used_sentences: set[int] = set()
    questions: list[Question] = []
    order = sorted(range(len(sentences)), key=lambda i: (sentences[i] == avoid, i))
    for term in ordered:
        if len(questions) == QUESTIONS_MAX:
            break
        if term.label in used_terms:
            continue
        for index in order:
            if index in used_sentences:  # (before the search for the term: it is slower)
                continue
            sentence = sentences[index]
            match = first_mention(term, sentence)
            if not match:
                continue
            wrong = _distractors(page, sentence, term, neighbours)
            if len(wrong) < 2:
                continue
            options = tuple(sorted([term.label, *wrong], key=str.lower))
            gap = sentence[: match.start()] + BLANK + sentence[match.end():]
            questions.append(Question(
                prompt=f"Which words fill the gap? “{gap}”",
                options=options,
                answer=options.index(term.label),
                explanation=f"The page says: “{sentence}”",
                page=page.path,
            ))
            used_terms.add(term.label)
            used_sentences.add(index)
            break
    # Too few: ask which page says a sentence (fresh sentences first; a short page may reuse one).
    fresh = sorted(range(len(sentences)), key=lambda i: (i in used_sentences,
                                                         sentences[i] == avoid, i))
    asked = {q.prompt for q in questions}
    for index in fresh:
        if len(questions) >= QUESTIONS_MIN:
            break
        question = _which_page(page, sentences[index], neighbours)
        if question is not None and question.prompt not in asked:
            questions.append(question)
            asked.add(question.prompt)
    return tuple(sorted(questions, key=lambda q: (sentences.index(_source(q)),
                                                  q.prompt.startswith("Which page"))))


def _which_page(page: Page, sentence: str, neighbours: Neighbours) -> Question | None:
    """"Which page says this?": the page's own title among its neighbours' titles."""
    folder = posixpath.dirname(page.path)
    wrong: list[str] = []
    for other in chain(neighbours.sections_in[folder], neighbours.sections):
        title = other.title
        if other.path != page.path and title.lower() != page.title.lower() and \
                title not in wrong:
            wrong.append(title)
            if len(wrong) == OPTIONS - 1:
                break
    if len(wrong) < 2:
        return None
    options = tuple(sorted([page.title, *wrong], key=str.lower))
    return Question(
        prompt=f"Which page of this site says this? “{sentence}”",
        options=options,
        answer=options.index(page.title),
        explanation=f"The page says: “{sentence}”",
        page=page.path,
    )


def _source(question: Question) -> str:
    return question.explanation[len("The page says: “"):-1]


def _distractors(page: Page, sentence: str, answer: Term, neighbours: Neighbours) -> list[str]:
    """Key terms of sibling pages first, then of any page, that the sentence does not use."""
    folder = posixpath.dirname(page.path)
    siblings = [t for t in neighbours.terms_in[folder] if t.page != page.path]
    chosen: list[str] = []
    lowered = {answer.label.lower()}
    for term in chain(siblings, neighbours.terms):
        if term.page == answer.page and term.page == page.path:
            continue  # another term of the same page could also fit the gap
        if term.label.lower() in lowered or first_mention(term, sentence):
            continue
        chosen.append(term.label)
        lowered.add(term.label.lower())
        if len(chosen) == OPTIONS - 1:
            break
    return chosen
