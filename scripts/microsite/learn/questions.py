"""Self-check questions: multiple choice built from a page's key sentences. The right answer
is a term the sentence uses; the wrong ones are key terms of the sibling pages (then of the
rest of the site), so they are plausible but not in the sentence."""

from __future__ import annotations

import posixpath

from ..model import Page, Question, Site, Term
from ..textutil import mention_pattern

QUESTIONS_MAX = 3
"""Most questions on one page."""
QUESTIONS_MIN = 2
"""Fewest questions on one page, when it has that many sentences."""
OPTIONS = 4
"""Choices per question, the right one included."""
BLANK = "_____"


def ask(page: Page, sentences: tuple[str, ...], terms: tuple[Term, ...], site: Site,
        avoid: str = "") -> tuple[Question, ...]:
    """Up to three questions on `page`, each from a different sentence and term; the sentence
    `avoid` (the page's key takeaway, shown above) is used only when no other will do."""
    ordered = sorted(terms, key=lambda t: (t.page != page.path, -len(t.label), t.label))
    used_terms: set[str] = set()
    used_sentences: set[int] = set()
    questions: list[Question] = []
    for term in ordered:
        if len(questions) == QUESTIONS_MAX:
            break
        pattern = mention_pattern(term)
        order = sorted(range(len(sentences)), key=lambda i: (sentences[i] == avoid, i))
        for index in order:
            sentence = sentences[index]
            match = pattern.search(sentence)
            if not match or index in used_sentences or term.label in used_terms:
                continue
            wrong = _distractors(page, sentence, term, terms, site)
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
        question = _which_page(page, sentences[index], site)
        if question is not None and question.prompt not in asked:
            questions.append(question)
            asked.add(question.prompt)
    return tuple(sorted(questions, key=lambda q: (sentences.index(_source(q)),
                                                  q.prompt.startswith("Which page"))))


def _which_page(page: Page, sentence: str, site: Site) -> Question | None:
    """"Which page says this?": the page's own title among its neighbours' titles."""
    folder = posixpath.dirname(page.path)
    sections = [p for p in site.pages if p.kind == "section" and p.path != page.path
                and p.title.lower() != page.title.lower()]
    siblings = [p.title for p in sections if posixpath.dirname(p.path) == folder]
    others = [p.title for p in sections if posixpath.dirname(p.path) != folder]
    wrong = list(dict.fromkeys(siblings + others))[: OPTIONS - 1]
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


def _distractors(page: Page, sentence: str, answer: Term, terms: tuple[Term, ...],
                 site: Site) -> list[str]:
    """Key terms of sibling pages first, then of any page, that the sentence does not use."""
    folder = posixpath.dirname(page.path)
    order = {p.path: i for i, p in enumerate(site.pages)}  # built once per question: cheap

    def rank(term: Term) -> tuple[int, int, str]:
        sibling = posixpath.dirname(term.page) == folder and term.page != page.path
        return (0 if sibling else 1, order.get(term.page, 0), term.label)

    chosen: list[str] = []
    lowered = {answer.label.lower()}
    for term in sorted(terms, key=rank):
        if term.page == answer.page and term.page == page.path:
            continue  # another term of the same page could also fit the gap
        if term.label.lower() in lowered or mention_pattern(term).search(sentence):
            continue
        chosen.append(term.label)
        lowered.add(term.label.lower())
        if len(chosen) == OPTIONS - 1:
            break
    return chosen
