"""Structure benchmark on the real-article corpus (tests/corpus): from each rendering of each
article, how well does microsite find the title, the headings and their levels, the figures,
and keep the text?

    .venv/bin/python scripts/bench_structure.py            # the tables; always exits 0
    .venv/bin/python scripts/bench_structure.py --check    # exit 1 if a target is missed
    .venv/bin/python scripts/bench_structure.py --details  # and each article's misses

The truth is `article.md`, read back as `corpus_render.read_markdown` reads it: its title (front
matter, else the first `#` heading), its headings, figures and body text. Each rendering
(`article.txt`, `article.html`, and `article.md` itself as a sanity row) goes through microsite's
own pipeline up to the plan (`plan_site`, then `outline_json`), exactly as `microsite outline`
does. The measures:

- headings: paired with the truth's by text (case, punctuation and spacing ignored), in order
  (a longest common subsequence); precision, recall and F1, micro-averaged over headings;
- level accuracy: among paired headings, the share whose level is right. Truth levels are
  relative: a heading's level is one more than the nearest earlier heading marked higher
  (2 at the top), so `####`-only articles are all level 2 and skipped levels close up;
- title: the outline's title is the truth's (same normalisation);
- figures: the truth's figures paired, in order, with found ones of the same alt text or caption;
- fidelity: the share of the truth's body sentences (paragraphs, list items, quotes, captions,
  split by `microsite.textutil.sentences`) found, in order and word for word (case and
  punctuation aside), in the reading-order text of the outlined article: title, intro, then each
  section's heading and blocks. That is the text every later stage works from; the rendered
  docs would also do, but `learn` copies sentences into summaries, glossary entries and quiz
  prompts, which could stand in for a sentence the outline lost.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_render import CORPUS, Block, articles, read_markdown  # noqa: E402
from microsite.model import Article, Figure, Heading, ListBlock, Paragraph, Quote  # noqa: E402
from microsite.pipeline import plan_site  # noqa: E402
from microsite.render import outline_json  # noqa: E402
from microsite.textutil import sentences  # noqa: E402

RENDERINGS = ("txt", "html", "md")
# rendering -> (heading F1, level accuracy, fidelity) to reach, overall
TARGETS: dict[str, tuple[float, float, float]] = {
    "txt": (0.95, 0.90, 1.0),
    "html": (0.98, 0.95, 1.0),
}
_NAIVE_MAX_CHARS = 80  # "short", for the naive baseline
_CLOSING = ".!?:;,…"
_DETAILS_LIMIT = 6  # lost sentences shown per article with --details


# --- the truth ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    """What article.md says the article is."""

    title: str
    headings: tuple[tuple[str, int], ...]
    figures: tuple[tuple[str, str], ...]
    sentences: tuple[str, ...]


def read_truth(folder: Path) -> Truth:
    """The truth of one corpus article, from its article.md."""
    doc = read_markdown((folder / "article.md").read_text(encoding="utf-8"))
    return Truth(
        title=doc.title,
        headings=relative_levels([(b.text, b.level) for b in doc.blocks if b.kind == "heading"]),
        figures=tuple((b.alt, b.text) for b in doc.blocks if b.kind == "figure"),
        # a "sentence" of punctuation alone (a stray "." or "*") has no words to find
        sentences=tuple(s for b in doc.blocks if _is_body(b) for s in sentences(b.text)
                        if words(s)),
    )


def _is_body(block: Block) -> bool:
    """Body text: paragraphs, list items, quotes, captions (not headings, code or tables)."""
    return block.kind in ("paragraph", "item") or block.kind == "figure" and bool(block.text)


def relative_levels(marked: Sequence[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Marked levels as nesting depth: 2 at the top, one more than the nearest earlier
    heading marked higher."""
    open_levels: list[int] = []
    out = []
    for text, level in marked:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        out.append((text, len(open_levels) + 2))
        open_levels.append(level)
    return tuple(out)


# --- what microsite makes of a rendering -------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """An outline to score: microsite's, or the naive baseline's."""

    title: str
    headings: tuple[tuple[str, int], ...]
    figures: tuple[tuple[str, str], ...] | None
    """Figures found (alt text, caption), or None where figures are not looked for."""
    text: str | None
    """The reading-order text, or None where fidelity is not measured."""


def microsite_outline(path: Path) -> Outline:
    """What `microsite outline` infers from the file, and the outlined article's text."""
    site = plan_site([path])
    data = outline_json(site)
    headings = data["headings"]
    figures = data["figures"]
    assert isinstance(headings, list) and isinstance(figures, list)
    return Outline(
        title=str(data["title"]),
        headings=tuple((str(h["text"]), int(h["level"])) for h in headings),
        figures=tuple((str(f["alt"]), str(f["caption"])) for f in figures),
        text=reading_text(site.articles[0]),
    )


def reading_text(article: Article) -> str:
    """The article's words in reading order: title, intro, each section's heading and blocks."""
    parts = [article.title, *map(_block_text, article.intro)]
    for section in article.walk():
        parts += [section.title, *map(_block_text, section.blocks)]
    return "\n".join(parts)


def _block_text(block: object) -> str:
    if isinstance(block, (Paragraph, Quote, Heading)):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, Figure):
        return f"{block.alt}\n{block.caption}"
    return ""


def naive_outline(path: Path) -> Outline:
    """The naive rule: a short blank-separated line without closing punctuation is a
    heading, all at level 2; the first line is the title."""
    groups = [g for g in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")) if g.strip()]
    title = groups[0].strip().splitlines()[0] if groups else ""
    headings = []
    for group in groups[1:]:
        lines = group.strip().splitlines()
        line = lines[0].strip()
        bare = line.rstrip("\"'”’)]»")
        if len(lines) == 1 and len(line) <= _NAIVE_MAX_CHARS and bare[-1:] not in _CLOSING:
            headings.append((line, 2))
    return Outline(title=title, headings=tuple(headings), figures=None, text=None)


# --- scoring ------------------------------------------------------------------------------------


def words(text: str) -> str:
    """Lower-case words only: what two texts must share to count as the same."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def align(a: Sequence[object], b: Sequence[object],
          same: Callable[[object, object], bool]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of `a` and `b` under `same`."""
    n, m = len(a), len(b)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (best[i + 1][j + 1] + 1 if same(a[i], b[j])
                          else max(best[i + 1][j], best[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same(a[i], b[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


@dataclass
class Score:
    """Counts for one article and rendering, or for a sum of them."""

    truth_headings: int = 0
    found_headings: int = 0
    paired: int = 0
    right_level: int = 0
    titles: int = 0
    title_right: int = 0
    figures: int = 0
    figures_found: int = 0
    sentences: int = 0
    sentences_kept: int = 0
    fidelity_measured: bool = True
    figures_measured: bool = True
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_level: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        for name in ("truth_headings", "found_headings", "paired", "right_level", "titles",
                     "title_right", "figures", "figures_found", "sentences", "sentences_kept"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.fidelity_measured = self.fidelity_measured and other.fidelity_measured
        self.figures_measured = self.figures_measured and other.figures_measured

    @property
    def precision(self) -> float:
        return self.paired / self.found_headings if self.found_headings else 1.0

    @property
    def recall(self) -> float:
        return self.paired / self.truth_headings if self.truth_headings else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def level_accuracy(self) -> float:
        return self.right_level / self.paired if self.paired else 1.0

    @property
    def fidelity(self) -> float:
        return self.sentences_kept / self.sentences if self.sentences else 1.0


def score(truth: Truth, outline: Outline) -> Score:
    """How `outline` compares with `truth`."""
    result = Score(truth_headings=len(truth.headings), found_headings=len(outline.headings),
                   titles=1, title_right=int(words(truth.title) == words(outline.title)),
                   figures=len(truth.figures))
    pairs = align([words(t) for t, _ in truth.headings], [words(t) for t, _ in outline.headings],
                  lambda x, y: x == y)
    result.paired = len(pairs)
    paired_truth = {i for i, _ in pairs}
    paired_found = {j for _, j in pairs}
    for i, j in pairs:
        (text, level), found_level = truth.headings[i], outline.headings[j][1]
        if level == found_level:
            result.right_level += 1
        else:
            result.wrong_level.append(f"{text!r} is {level}, found {found_level}")
    result.missed = [t for i, (t, _) in enumerate(truth.headings) if i not in paired_truth]
    result.extra = [t for j, (t, _) in enumerate(outline.headings) if j not in paired_found]
    if outline.figures is None:
        result.figures_measured = False
    else:
        result.figures_found = len(align(truth.figures, outline.figures, _same_figure))
    if outline.text is None:
        result.fidelity_measured = False
        return result
    kept = kept_in_order([words(s) for s in truth.sentences], words(outline.text))
    result.sentences = len(truth.sentences)
    result.sentences_kept = len(kept)
    result.lost = [s for i, s in enumerate(truth.sentences) if i not in kept]
    return result


def kept_in_order(needles: Sequence[str], text: str) -> set[int]:
    """Indices of the most needles found in `text` as whole words, at increasing places: a
    longest increasing subsequence over every place each needle occurs, so that a short
    sentence found early in the wrong place ("Why?") does not hide the ones after it."""
    haystack = f" {text} "
    places: list[tuple[int, int]] = []  # (offset, needle), each needle's offsets descending
    for index, needle in enumerate(needles):
        found, at = [], haystack.find(f" {needle} ")
        while at >= 0:
            found.append(at)
            at = haystack.find(f" {needle} ", at + 1)
        places += [(offset, index) for offset in reversed(found)]
    tails: list[int] = []  # offsets ending the best chain of each length
    ends: list[int] = []  # the place that ends it
    back = [-1] * len(places)
    for k, (offset, _index) in enumerate(places):
        length = bisect.bisect_left(tails, offset)
        back[k] = ends[length - 1] if length else -1
        if length == len(tails):
            tails.append(offset)
            ends.append(k)
        else:
            tails[length], ends[length] = offset, k
    kept, k = set(), ends[-1] if ends else -1
    while k >= 0:
        kept.add(places[k][1])
        k = back[k]
    return kept


def _same_figure(a: object, b: object) -> bool:
    assert isinstance(a, tuple) and isinstance(b, tuple)
    return any(words(x) and words(x) == words(y) for x, y in zip(a, b, strict=True))


# --- the run -----------------------------------------------------------------------------------


@dataclass
class Row:
    """One article's result for one rendering, or why there is none."""

    article: str
    rendering: str
    score: Score | None
    error: str = ""


def run(folders: Iterable[Path]) -> tuple[list[Row], list[Row]]:
    """Rows for every article and rendering, and the naive baseline's rows on the txt."""
    rows, naive = [], []
    for folder in folders:
        truth = read_truth(folder)
        for rendering in RENDERINGS:
            path = folder / f"article.{rendering}"
            try:
                outline = microsite_outline(path)
            except Exception as error:  # a benchmark reports every failure and goes on
                message = str(error).strip().splitlines()[0] if str(error).strip() else ""
                rows.append(Row(folder.name, rendering, None,
                                f"{type(error).__name__}: {message}"[:90]))
                continue
            rows.append(Row(folder.name, rendering, score(truth, outline)))
        naive.append(Row(folder.name, "txt", score(truth, naive_outline(folder / "article.txt"))))
    return rows, naive


def total(rows: Iterable[Row]) -> Score | None:
    """The micro-averaged sum of rows, None if any row is unreadable."""
    summed = Score()
    for row in rows:
        if row.score is None:
            return None
        summed.add(row.score)
    return summed


_HEAD = (f"{'article':<34} {'in':<5}{'heads':>5}  {'P':>5} {'R':>5} {'F1':>5}  {'level':>5}"
         f"  {'title':>5}  {'figures':>7}  {'fidelity':>8}")


def format_row(name: str, rendering: str, result: Score | None, error: str = "") -> str:
    """One line of the table."""
    lead = f"{name:<34} {rendering:<5}"
    if result is None:
        return f"{lead}unreadable: {error}"
    title = (f"{result.title_right}/{result.titles}" if result.titles > 1
             else "yes" if result.title_right else "NO")
    fidelity = f"{result.fidelity:.1%}" if result.fidelity_measured else "-"
    figures = f"{result.figures_found}/{result.figures}" if result.figures_measured else "-"
    level = f"{result.level_accuracy:5.2f}" if result.paired else "-"
    return (f"{lead}{result.truth_headings:>5}  {result.precision:5.2f} {result.recall:5.2f} "
            f"{result.f1:5.2f}  {level:>5}  {title:>5}  {figures:>7}  {fidelity:>8}")


def report(rows: list[Row], naive: list[Row], details: bool) -> tuple[list[str], bool]:
    """The printed report, and whether every target is met."""
    lines = [f"Structure benchmark: {len({r.article for r in rows})} real articles in "
             "tests/corpus, truth from article.md", "", _HEAD]
    for row in rows:
        name = row.article if row.rendering == RENDERINGS[0] else ""
        lines.append(format_row(name, row.rendering, row.score, row.error))
    lines.append("")
    overall: dict[str, Score | None] = {}
    for rendering in RENDERINGS:
        subset = [r for r in rows if r.rendering == rendering]
        overall[rendering] = total(subset)
        bad = next((r for r in subset if r.score is None), None)
        label = "OVERALL (micro-averaged)" if rendering == RENDERINGS[0] else ""
        lines.append(format_row(label, rendering, overall[rendering],
                                f"{bad.article}: {bad.error}" if bad else ""))
    lines.append(format_row("naive baseline *", "txt", total(naive)))
    lines += [f"* naive: a short (at most {_NAIVE_MAX_CHARS} characters) blank-separated line "
              "without closing", "  punctuation is a level-2 heading; the first line is the title"]
    met = True
    lines += ["", "targets (overall)"]
    for rendering, (f1, level, fidelity) in TARGETS.items():
        got = overall[rendering]
        checks = [("heading F1", f1, got.f1 if got else None, "{:.2f}"),
                  ("level accuracy", level, got.level_accuracy if got else None, "{:.2f}"),
                  ("fidelity", fidelity, got.fidelity if got else None, "{:.1%}")]
        for name, floor, value, style in checks:
            ok = value is not None and value >= floor - 1e-9
            met = met and ok
            shown = "unreadable" if value is None else style.format(value)
            lines.append(f"  {rendering:<5} {name:<15} >= {style.format(floor):>6}   "
                         f"{shown:>10}   {'met' if ok else 'NOT MET'}")
    if details:
        lines += ["", "details: headings missed (-), extra (+), at the wrong level (~), "
                  "sentences lost (!)"]
        for row in rows:
            if row.score is None or row.rendering == "md" and not _has_misses(row.score):
                continue
            lines += _details(row)
    return lines, met


def _has_misses(result: Score) -> bool:
    return bool(result.missed or result.extra or result.wrong_level or result.lost)


def _details(row: Row) -> list[str]:
    result = row.score
    assert result is not None
    if not _has_misses(result):
        return []
    out = [f"{row.article} ({row.rendering})"]
    out += [f"  - {text}" for text in result.missed]
    out += [f"  + {text}" for text in result.extra]
    out += [f"  ~ {text}" for text in result.wrong_level]
    out += [f"  ! {text[:100]}" for text in result.lost[:_DETAILS_LIMIT]]
    if len(result.lost) > _DETAILS_LIMIT:
        out.append(f"  ! ... and {len(result.lost) - _DETAILS_LIMIT} more")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark; with --check, exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--details", action="store_true", help="list each article's misses")
    args = parser.parse_args(argv)
    rows, naive = run(articles(CORPUS))
    lines, met = report(rows, naive, args.details)
    print("\n".join(lines))
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
