"""The learning layer on the bundled article and on an article of another subject."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SEED
from microsite.audit import measure
from microsite.learn import learn
from microsite.learn.callouts import kind_of
from microsite.learn.terms import candidates, long_form
from microsite.pipeline import build, plan_site
from microsite.render_study import glossary, questions, topics

OTHER = REPO / "tests" / "fixtures" / "articles" / "hub-home-composting.txt"


@pytest.fixture(scope="module")
def seed_site():  # type: ignore[no-untyped-def]
    return learn(plan_site([SEED]))


@pytest.fixture(scope="module", params=[SEED, OTHER], ids=["bundled", "composting"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("learn")
    source = project / request.param.name
    shutil.copy(request.param, source)
    build([source], project)
    return project


@pytest.mark.parametrize("cause, remedy", [
    ("the-psychological-perspective/low-self-esteem.md",
     "breaking-the-cycle/building-self-esteem.md"),
    ("the-psychological-perspective/fear-of-intimacy.md",
     "breaking-the-cycle/embracing-vulnerability.md"),
])
def test_related_pages_pair_causes_with_remedies(seed_site, cause: str, remedy: str) -> None:  # type: ignore[no-untyped-def]
    lessons = {lesson.path: lesson for lesson in seed_site.learning.lessons}
    assert remedy in lessons[cause].related[:2]
    assert cause in lessons[remedy].related[:2]


def test_terms_are_one_across_inflections_and_distinct_otherwise(seed_site) -> None:  # type: ignore[no-untyped-def]
    terms = {t.label: t for t in seed_site.learning.terms}
    assert {"attachment style", "attachment styles"} <= set(terms["attachment style"].forms)
    keys = {key for key, _, _ in candidates("self-esteem and self-worth")}
    assert ("self-esteem",) in keys and ("self-worth",) in keys


def test_abbreviation_is_expanded(seed_site) -> None:  # type: ignore[no-untyped-def]
    cbt = next(t for t in seed_site.learning.terms if t.label == "CBT")
    assert cbt.expansion == "Cognitive-behavioral therapy"
    assert cbt.definition.startswith("Cognitive-behavioral therapy (CBT)")


@pytest.mark.parametrize("short, before, expected", [
    ("CBT", "techniques. Cognitive-behavioral therapy ", "Cognitive-behavioral therapy"),
    ("WHO", "as reported by the World Health Organization ", "World Health Organization"),
    ("HTML", "pages written in HyperText Markup Language ", "HyperText Markup Language"),
    ("NASA", "the agency said ", ""),
    ("UK", "in the ", ""),
])
def test_long_form(short: str, before: str, expected: str) -> None:
    assert long_form(short, before) == expected


@pytest.mark.parametrize("sentence, kind", [
    ("Research shows that self-perception significantly affects relationship dynamics.",
     "research"),
    ("A 2019 study of 400 couples found the same.", "research"),
    ("Attachment theory suggests that early bonds shape adult life.", "research"),
    ("Maintaining a journal can help in this self-reflection process.", "tip"),
    ("Try turning the heap every week.", "tip"),
    ("Exercises like sharing personal thoughts can help.", "tip"),
    ("Low self-esteem plays a significant role in this behavior.", None),
    ("The heap sits in the corner of the garden.", None),
])
def test_callout_classifier(sentence: str, kind: str | None) -> None:
    assert kind_of(sentence) == kind


def _use_cues(monkeypatch, data: str) -> None:
    """Make callouts.cues() read `data` as its cue file (clear its cache to take effect)."""
    import microsite.learn.callouts as callouts

    class File:
        def __truediv__(self, _: str) -> File:
            return self

        def read_text(self, _: str) -> str:
            return data

    monkeypatch.setattr(callouts.resources, "files", lambda _: File())


def test_cues_match_in_any_case_and_a_capital_keeps_ignorecase(monkeypatch) -> None:
    import microsite.learn.callouts as callouts

    assert kind_of("RESEARCH SHOWS it. TRY it.") == "research"
    assert kind_of("tRy it.") == "tip"
    assert not callouts.cues()["research"].flags & re.IGNORECASE  # lower-case cues: fast path
    data = "research:\n  - over\\S+ing\ntip:\n  - Plan ahead\n"

    _use_cues(monkeypatch, data)
    callouts.cues.cache_clear()
    try:
        assert kind_of("They were OVERTHINKING it.") == "research"
        assert kind_of("PLAN AHEAD for the week.") == "tip"
        assert kind_of("They plan nothing.") is None
    finally:
        callouts.cues.cache_clear()


@pytest.mark.parametrize("data", [
    None,  # the bundled cues: one alternation for both kinds
    # the two kinds' flags differ (a capital keeps IGNORECASE)
    "research:\n  - stud(?:y|ies) found\n  - \\d+ ?%\ntip:\n  - Try\\b\n  - you can\n",
    "research:\n  - (\\w+) and \\1\ntip:\n  - try\n",  # a group and a backreference
    "research:\n  - found))|(?:(?:data\ntip:\n  - try\n",  # a cue closing the kind's bracket
    "research:\n  - found\ntip:\n  - try\n  - data\n",  # a tip cue after a research one
])
def test_one_pass_over_both_kinds_finds_what_each_kind_does(monkeypatch, data) -> None:
    """The classifier's single pass over both kinds' cues (when they can share a pattern)
    gives the kind that searching each kind's pattern in turn gives."""
    import microsite.learn.callouts as callouts

    if data is not None:
        _use_cues(monkeypatch, data)
    callouts.cues.cache_clear()
    try:
        patterns = callouts.cues()
        texts = [s for path in sorted(REPO.glob("tests/corpus/*/article.md"))[:5]
                 for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))]
        texts += ["Data shows it, try it.", "Try it: data shows it.", "We found data.",
                  "It was found and found again.", "TRY it, 12 % said so.", "They retry.",
                  "No cue here."]
        for text in texts:
            expected = next((kind for kind, p in patterns.items()
                             if p.search(text.lower() if not p.flags & re.IGNORECASE
                                         else text)), None)
            assert kind_of(text) == expected, text
    finally:
        callouts.cues.cache_clear()


def test_lower_casing_sentences_matches_as_ignorecase_does() -> None:
    from microsite.learn.callouts import cues

    slow = {kind: re.compile(pattern.pattern, re.IGNORECASE) for kind, pattern in cues().items()}
    texts = [s for path in sorted(REPO.glob("tests/corpus/*/article.md"))
             for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))]
    assert len(texts) > 1000
    for text in texts:
        expected = next((kind for kind, p in slow.items() if p.search(text)), None)
        assert kind_of(text) == expected, text


def test_every_content_page_studies_well(built: Path) -> None:
    pages = measure(built)
    assert len(pages) >= 8
    for page in pages:
        assert page.takeaway, page.path
        assert len(page.content_links) >= 2, page.path
        assert 2 <= page.related <= 3, page.path
        assert 2 <= page.questions <= 4, page.path
        assert page.answers_linked == page.questions, page.path
        assert page.prose_links, f"{page.path}: no inline cross-link in its prose"
    assert sum(p.tooltips > 0 for p in pages) * 2 >= len(pages)


def test_a_hub_intro_without_terms_links_a_phrase_to_a_related_page(seed_site) -> None:  # type: ignore[no-untyped-def]
    learning = seed_site.learning
    hub = learning.lesson("breaking-the-cycle/index.md")
    terms = {t.label for t in learning.terms}
    phrases = [(label, target) for label, target in hub.links if label not in terms]
    assert phrases == [("psychological factors", "the-psychological-perspective/index.md")]
    assert phrases[0][1] in hub.related


def test_glossary_has_terms_explained_from_the_text(built: Path) -> None:
    text = (built / "docs" / "glossary.md").read_text(encoding="utf-8")
    explained = re.findall(r"^\*In this article:\* “(.+)”$", text, re.MULTILINE)
    assert len(explained) >= 8
    source = " ".join(next(built.glob("*.txt")).read_text(encoding="utf-8").split())
    assert all(sentence in source for sentence in explained)  # quoted, never invented


def test_tooltips_reach_the_built_pages(built: Path) -> None:
    pages = [p for p in (built / "site").rglob("index.html") if "glossary" not in str(p)]
    with_tips = [p for p in pages if '<abbr title="In this article: ' in p.read_text("utf-8")]
    assert len(with_tips) * 2 >= len(pages)


def test_home_page_is_for_studying(built: Path) -> None:
    home = (built / "docs" / "index.md").read_text(encoding="utf-8")
    for part in ('"At a glance"', "## What you will learn", '<div class="grid cards',
                 "[Start reading:", "## Map of ideas", "key ideas:", "min read"):
        assert part in home


def test_text_the_generator_writes_reads_at_grade_8_or_below(seed_site) -> None:  # type: ignore[no-untyped-def]
    learning = seed_site.learning
    page = next(p for p in seed_site.pages if p.kind == "glossary")
    ours = [glossary(learning, page, seed_site)[0], topics()[0]]
    lesson = learning.lessons[1]
    quiz = "\n".join(questions(lesson, seed_site.page(lesson.path)))
    ours += [re.sub(r"“[^”]*”", "", line) for line in quiz.splitlines()
             if line.startswith("**Question")]
    ours.append("What the site adds to help you study: a key point and a self-check on each"
                " page, links between pages that share ideas, and a glossary of key terms. The"
                " glossary explains each term with a sentence from the text.")
    for text in ours:
        assert textstat.flesch_kincaid_grade(text) <= 8, text


class _MapLinks(HTMLParser):
    """The links, boxes and curves of the map of ideas in a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.links: list[str] = []
        self.curves = 0
        self.svg_attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "figure" and "ms-map" in (found.get("class") or ""):
            self.inside += 1
        elif self.inside and tag == "svg":
            self.svg_attrs = found
        elif self.inside and tag == "a":
            self.links.append(found.get("href") or "")
        elif self.inside and tag == "path":
            self.curves += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure" and self.inside:
            self.inside -= 1


def test_map_of_ideas_draws_every_page_as_a_link(built: Path) -> None:
    site = built / "site"
    found = _MapLinks()
    found.feed((site / "index.html").read_text(encoding="utf-8"))
    content = [p for p in site.rglob("index.html")
               if p.parent != site and p.parent.name not in (
                   "glossary", "topics", "about", "tags", "search", "assets")]
    assert found.svg_attrs.get("aria-hidden") == "true", "the links, not the drawing, are read"
    assert found.svg_attrs.get("viewbox"), "the drawing scales with its viewBox"
    targets = sorted((site / href / "index.html").resolve() for href in found.links)
    assert targets == sorted(p.resolve() for p in content), "one box per content page"
    assert found.curves >= 1, "the strongest relations between sections are drawn"


def test_map_of_ideas_joins_causes_to_remedies(seed_site) -> None:  # type: ignore[no-untyped-def]
    from microsite.render_map import _strongest

    pairs = {frozenset(pair) for pair in _strongest(seed_site)}
    assert frozenset({"the-psychological-perspective/low-self-esteem.md",
                      "breaking-the-cycle/building-self-esteem.md"}) in pairs


def test_map_of_ideas_keeps_titles_as_text() -> None:
    from microsite.model import NavItem, Page, Site
    from microsite.render_map import map_svg

    nasty = '</text><script>alert(1)</script> & "quotes" <a href=x>'
    child = Page(path="a.md", title=nasty, kind="section", description="", tags=(), blocks=())
    home = Page(path="index.md", title="Home", kind="home", description="", tags=(), blocks=(),
                children=("a.md",))
    svg = "\n".join(map_svg(home, Site(name="S", pages=(home, child),
                                       nav=(NavItem("Home", "index.md"),), articles=())))
    assert "<script>" not in svg and "&lt;/text&gt;&lt;script&gt;" in svg
    assert '<a class="ms-map__hit" href="a/"' in svg and svg.count("<a ") == 1


def _lexrank_to_the_end(sentences: tuple[str, ...], count: int) -> tuple[str, ...]:
    """LexRank's power method run until nothing moves (the reference for the early stop)."""
    from microsite.learn.similar import DAMPING, LEXRANK_THRESHOLD, _similarities, vectors

    n = len(sentences)
    links = [[j for j, s in sorted(row.items()) if s >= LEXRANK_THRESHOLD]
             for row in _similarities(vectors(sentences))]
    rank = [1.0 / n] * n
    for _ in range(1000):
        new = [(1 - DAMPING) / n + DAMPING * sum(rank[j] / len(links[j]) for j in linked)
               for linked in links]
        if max(abs(a - b) for a, b in zip(new, rank, strict=True)) < 1e-15:
            break
        rank = new
    top = sorted(range(n), key=lambda i: (-rank[i], i))[:count]
    return tuple(sentences[i] for i in sorted(top))


@pytest.mark.parametrize("path", sorted(REPO.glob("tests/corpus/*/article.md")) + [SEED],
                         ids=lambda p: p.parent.name)
def test_lexrank_stops_early_with_the_answer_of_a_full_run(path: Path) -> None:
    from microsite.learn.similar import central_sentences
    from microsite.learn.text import page_sentences

    site = plan_site([path])
    every = tuple(s for page in site.pages for s in page_sentences(page)
                  if page.kind in ("home", "article", "section"))
    assert len(every) > 10
    for count in (1, 3, 5):
        assert central_sentences(every, count) == _lexrank_to_the_end(every, count)


@pytest.mark.parametrize("path", sorted(REPO.glob("tests/corpus/*/article.md"))[:4] + [SEED],
                         ids=lambda p: p.parent.name)
def test_term_positions_are_those_of_a_full_index(path: Path) -> None:
    """Sentences are indexed for the keys asked for only (the terms' keys): the same
    positions, in order, as an index of every key would give them."""
    from microsite.learn.terms import _positions, _sentence_keys
    from microsite.learn.text import content_pages, page_sentences

    pages = content_pages(plan_site([path]))
    pairs = [(page.path, s) for page in pages for s in page_sentences(page)]
    full: dict[tuple[str, ...], list[int]] = {}
    for position, (_, sentence) in enumerate(pairs):
        for key in _sentence_keys(sentence):
            full.setdefault(key, []).append(position)
    keys = set(list(full)[::3]) | {("no-such-stem",)}
    found = _positions(pairs, keys)
    assert dict(found) == {key: full[key] for key in keys if key in full}


def _lexrank_as_before(sentences: tuple[str, ...], count: int) -> tuple[str, ...]:
    """LexRank as it was before the stop at a gap of one error plus the slack: stopped at a
    gap of twice the error, when still, or after the last step."""
    from microsite.learn.similar import (
        DAMPING,
        LEXRANK_STEPS_MAX,
        LEXRANK_STILL,
        LEXRANK_THRESHOLD,
        _similarities,
        vectors,
    )

    n = len(sentences)
    links = [sorted(j for j, s in row.items() if s >= LEXRANK_THRESHOLD)
             for row in _similarities(vectors(sentences))]
    rank = [1.0 / n] * n
    share = [1.0 / len(linked) if linked else 0.0 for linked in links]
    for _ in range(LEXRANK_STEPS_MAX):
        given = [r * s for r, s in zip(rank, share, strict=True)]
        new = [(1 - DAMPING) / n + DAMPING * sum(given[j] for j in linked) for linked in links]
        steps = [abs(a - b) for a, b in zip(new, rank, strict=True)]
        rank = new
        top = sorted(rank, reverse=True)
        if max(steps) < LEXRANK_STILL or \
                top[count - 1] - top[count] > 2 * DAMPING / (1 - DAMPING) * sum(steps) + 1e-12:
            break
    top_i = sorted(range(n), key=lambda i: (-rank[i], i))[:count]
    return tuple(sentences[i] for i in sorted(top_i))


@pytest.mark.parametrize("path", sorted(REPO.glob("tests/corpus/*/article.md")) + [SEED],
                         ids=lambda p: p.parent.name)
def test_lexrank_stops_with_the_answer_it_gave_before(path: Path) -> None:
    from microsite.learn.similar import central_sentences
    from microsite.learn.text import page_sentences

    pages = plan_site([path]).pages
    every = tuple(s for page in pages for s in page_sentences(page)
                  if page.kind in ("home", "article", "section"))
    for sentences in (every, every[: len(every) // 2], every[len(every) // 3:]):
        for count in range(1, 9):
            assert central_sentences(sentences, count) == _lexrank_as_before(sentences, count)


@pytest.mark.parametrize("path", sorted(REPO.glob("tests/corpus/*/article.md")) + [SEED],
                         ids=lambda p: p.parent.name)
def test_takeaway_is_the_sentence_closest_to_the_unit_centroid(path: Path) -> None:
    """The takeaway, scored without making the centroid, is the sentence that the cosines
    with the centroid (the lead's bonus added) choose."""
    from microsite.learn.similar import LEAD_BONUS, _centroid, cosine, takeaway, vectors
    from microsite.learn.text import content_pages, page_sentences

    for page in content_pages(plan_site([path])):
        sentences = page_sentences(page)
        for some in (sentences, sentences[1:], sentences[::2]):
            if not some:
                continue
            vecs = vectors(some)
            centroid = _centroid(vecs)
            scores = [cosine(vec, centroid) + (LEAD_BONUS if i == 0 else 0.0)
                      for i, vec in enumerate(vecs)]
            best = max(range(len(some)), key=lambda i: (scores[i], -i))
            assert takeaway(some) == some[best]


def test_lexrank_ties_are_not_settled_early() -> None:
    from microsite.learn.similar import _settled

    assert _settled([0.5, 0.3, 0.1, 0.1], 2, 0.01)
    assert not _settled([0.5, 0.3, 0.29, 0.1], 2, 0.01)  # 0.01 apart: could still swap
    assert not _settled([0.4, 0.2, 0.2, 0.2], 2, 0.0)  # a tie: left to the index


CASEY = st.text(alphabet=st.sampled_from(list("aAsSkKiI -\u212a\u017f\u0131\u0130é")),
                min_size=1, max_size=6)


@settings(max_examples=3000, deadline=None)
@given(label=CASEY, forms=st.lists(CASEY, max_size=3), expansion=st.sampled_from(["", "A Sk"]),
       text=st.text(alphabet=st.sampled_from(list("aAsSkKiI -.\u212a\u017f\u0131\u0130é")),
                    max_size=30))
def test_mentions_are_what_the_pattern_finds(label: str, forms: list[str], expansion: str,
                                             text: str) -> None:
    from microsite.model import Term
    from microsite.textutil import first_mention, mention_pattern, mentions

    term = Term(label=label, key=("k",), forms=tuple(forms), page="p.md", anchor="",
                expansion=expansion)
    expected = [m.span() for m in mention_pattern(term).finditer(text)]
    assert [m.span() for m in mentions(term, text)] == expected
    first = first_mention(term, text)
    assert (first.span() if first else None) == (expected[0] if expected else None)
