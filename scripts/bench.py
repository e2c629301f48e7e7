"""Speed at scale: how long generating a site takes, against MkDocs building it.

    python scripts/bench.py [--runs N] [--sizes 10,100,1000] [--tmp DIR]

1. The bundled article: generation (read to write, in process, imports done) against
   `mkdocs build` of the same project (in process too, and as the command), medians over
   `--runs` fresh projects; then a second generation over the unchanged article.
2. Sites of 10, 100 and 1000 articles, made by repeating the corpus's plain-text articles
   (tests/corpus/*/article.txt) under new titles: generation time per article, peak memory,
   the second run (files rewritten, time against the first), and the `mkdocs build` time. Each
   size runs in a fresh Python process, so peak memory is that size's own.

It first prints how long creating a file takes where the projects are made (--tmp; the
system's temporary folder by default): on a shared disk that swings from tens of microseconds
to half a millisecond, and a new project is mostly new files. --tmp /dev/shm leaves the disk
out, for generation and MkDocs alike.

Before each timed step the disk's pending writes are flushed (untimed): a build writes about
3 MB, and without the flush the next step, often a generation, stalls for its write-back
(seen here: a generation's writing took 20 ms instead of 3). Nothing is deleted until the
runs are done: on this disk (ext4 in a VM), creating a file costs 10-50 µs, but 200-700 µs from
about ten seconds to a minute after many files near it were deleted, and a generation is 37
new files and folders. So the command build writes a site folder of its own rather than
cleaning the in-process build's, and a bench (or test run) right after another one measures
that disk, not the code: let a minute pass.

It prints figures against the targets (generation at most 5% of the build; time per article
flat from 10 to 1000; a second run rewrites nothing and takes under a tenth of the first) and
exits 0: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "why-we-run.txt"
CORPUS = REPO / "tests" / "corpus"
FIXTURES = REPO / "tests" / "fixtures" / "articles"
GENERATION_SHARE_MAX = 0.05
SECOND_RUN_SHARE_MAX = 0.10
FLAT_SPREAD_MAX = 1.5  # ms per article at 1000 at most this many times that at 10
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per median (bundled site)")
    parser.add_argument("--sizes", default="10,100,1000",
                        help="article counts of the large sites, comma-separated")
    parser.add_argument("--tmp", type=Path, default=None,
                        help="where to make the projects (default: the system's temporary"
                             " folder); e.g. /dev/shm to leave the disk out")
    parser.add_argument("--no-mkdocs", action="store_true",
                        help="skip `mkdocs build` of the large sites (it dominates the time)")
    parser.add_argument("--worker", nargs=2, metavar=("ARTICLES", "PROJECT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return _worker(Path(args.worker[0]), Path(args.worker[1]))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="microsite-bench-", dir=args.tmp) as tmp:
        print(f"(projects in {tmp}: creating a file there takes"
              f" {_create_latency(Path(tmp)) * 1e6:.0f} µs, median of 200)")
        bundled(Path(tmp), args.runs)
        print()
        scale(Path(tmp), sizes, not args.no_mkdocs)
    return 0


def _create_latency(folder: Path) -> float:
    """The median time to create, write and rename a small file in a new folder of `folder`:
    a new project is mostly such files, and on a shared disk this varies from tens of
    microseconds to half a millisecond, for generation and MkDocs alike."""
    probe = folder / "probe"
    probe.mkdir()
    _settle()
    times = []
    for number in range(200):
        started = time.perf_counter()
        (probe / f".{number}.tmp").write_bytes(b"x" * 4096)
        os.replace(probe / f".{number}.tmp", probe / f"{number}.md")
        times.append(time.perf_counter() - started)
    # (kept until the end: files deleted now would slow the runs' own file creation)
    return statistics.median(times)


def _settle() -> None:
    """Flush what earlier steps left for the disk to write, so that the next timed step pays
    for its own writes only (a no-op where the system has no `sync`)."""
    if hasattr(os, "sync"):
        os.sync()


def _clear_caches() -> None:
    """Empty every functools cache of the generator's modules (sentences, stems, candidate
    phrases, relative links...), so that a run in process costs what a fresh one would."""
    for name, module in list(sys.modules.items()):
        if name == "microsite" or name.startswith("microsite."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


# --- 1. The bundled article ---------------------------------------------------------------

def bundled(tmp: Path, runs: int) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from microsite.pipeline import generate

    first, second, rewritten, inside, command = [], [], [], [], []
    cold = _cold_generation(tmp)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    generate([SEED], tmp / "warm-up")  # libraries' own first-use work (once per process)
    # Each generation is measured next to its project's builds: these machines speed up and
    # slow down over seconds, and a ratio of runs made minutes apart would carry that drift.
    # The garbage an in-process MkDocs build leaves is collected, untimed, before the next
    # generation (`microsite build` never shares its process with MkDocs); the disk is settled
    # before each timed step.
    for run in range(runs):
        project = tmp / f"bundled-{run}"
        _clear_caches()  # each run segments, stems and links the article afresh
        _settle()
        started = time.perf_counter()
        generate([SEED], project)
        first.append(time.perf_counter() - started)
        _settle()
        started = time.perf_counter()
        report = generate([SEED], project)
        second.append(time.perf_counter() - started)
        rewritten.append(len(report.written) + len(report.removed))
        _settle()
        started = time.perf_counter()
        mkdocs_build(load_config(config_file=str(project / "mkdocs.yml")))
        inside.append(time.perf_counter() - started)
        gc.collect()
        _settle()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                        "--site-dir", str(project / "site-command")],
                       cwd=project, check=True, env=ENV, capture_output=True)
        command.append(time.perf_counter() - started)
    startup = _median_startup(runs)
    gen, build_in, build_cmd = (statistics.median(x) for x in (first, inside, command))
    again = statistics.median(second)
    print(f"## Bundled article ({SEED.name}), medians of {runs} runs")
    print(f"generation (read -> write, in process)   {gen * 1000:8.1f} ms")
    print(f"  the first in a new process (+ imports)  {cold * 1000:8.1f} ms")
    print(f"mkdocs build (in process)                {build_in * 1000:8.1f} ms")
    print(f"mkdocs build --strict (the command)      {build_cmd * 1000:8.1f} ms")
    print(f"`microsite --help` (start-up)            {startup * 1000:8.1f} ms")
    share = gen / build_in
    print(f"generation / mkdocs build (in process)   {share:8.1%}   target <= "
          f"{GENERATION_SHARE_MAX:.0%}: {_met(share <= GENERATION_SHARE_MAX)}")
    # The runs one by one: how far a single run's share strays from the medians' ratio
    shares = sorted(g / b for g, b in zip(first, inside, strict=True))
    within = sum(s <= GENERATION_SHARE_MAX for s in shares)
    print(f"  run by run: {shares[0]:.1%} to {shares[-1]:.1%}, {within} of {runs} within "
          f"{GENERATION_SHARE_MAX:.0%}")
    print(f"generation / mkdocs build --strict       {gen / build_cmd:8.1%}")
    print(f"second run: {again * 1000:.1f} ms = {again / gen:.1%} of the first, files rewritten"
          f" {max(rewritten)}   target < {SECOND_RUN_SHARE_MAX:.0%} and 0:"
          f" {_met(again / gen < SECOND_RUN_SHARE_MAX and max(rewritten) == 0)}")


def _cold_generation(tmp: Path) -> float:
    """One generation in a fresh process, imports included (what one `microsite build` pays
    before MkDocs starts)."""
    code = ("import time, sys; t = time.perf_counter(); from pathlib import Path;"
            " from microsite.pipeline import generate;"
            " generate([Path(sys.argv[1])], Path(sys.argv[2]));"
            " print(time.perf_counter() - t)")
    _settle()
    done = subprocess.run([sys.executable, "-c", code, str(SEED), str(tmp / "cold")],
                          check=True, capture_output=True, text=True)
    return float(done.stdout.strip())


def _median_startup(runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "microsite", "--help"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --- 2. Many articles -----------------------------------------------------------------------

def scale(tmp: Path, sizes: list[int], with_mkdocs: bool) -> None:
    sources = sorted(CORPUS.glob("*/article.txt")) or sorted(FIXTURES.glob("*.txt"))
    print(f"## Sites of many articles (repeating {len(sources)} articles from"
          f" {(CORPUS if sources[0].is_relative_to(CORPUS) else FIXTURES).relative_to(REPO)})")
    print(f"{'articles':>8} {'pages':>6} {'gen s':>7} {'ms/article':>10} {'peak MB':>8}"
          f" {'2nd run':>8} {'rewritten':>9} {'mkdocs s':>9} {'mkdocs ms/art':>13}")
    per_article = {}
    for size in sizes:
        folder = tmp / f"articles-{size}"
        _articles(sources, size, folder)
        project = tmp / f"site-{size}"
        done = subprocess.run([sys.executable, __file__, "--worker", str(folder), str(project)],
                              check=True, capture_output=True, text=True, env=ENV)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        per_article[size] = row["first"] / size * 1000
        mkdocs = ""
        if with_mkdocs:
            _settle()
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
                           cwd=project, check=True, env=ENV, capture_output=True)
            took = time.perf_counter() - started
            mkdocs = f"{took:9.1f} {took / size * 1000:13.1f}"
        print(f"{size:8d} {row['pages']:6d} {row['first']:7.2f} {per_article[size]:10.1f}"
              f" {row['peak_mb']:8.0f} {row['second'] / row['first']:8.1%}"
              f" {row['rewritten']:9d} {mkdocs}", flush=True)
    if len(per_article) > 1:
        low, high = min(per_article), max(per_article)
        spread = per_article[high] / per_article[low]
        print(f"time per article at {high} / at {low}: {spread:.2f}   target <= "
              f"{FLAT_SPREAD_MAX}: {_met(spread <= FLAT_SPREAD_MAX)}")


def _articles(sources: list[Path], count: int, folder: Path) -> None:
    """`count` article files: the sources in turn, each under a title of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = sources[number % len(sources)]
        lines = source.read_text(encoding="utf-8").splitlines()
        at = next(i for i, line in enumerate(lines) if line.strip())
        lines[at] = f"{lines[at].strip()}, volume {number // len(sources) + 1}"
        (folder / f"article-{number:04d}.txt").write_text("\n".join(lines) + "\n",
                                                         encoding="utf-8")


def _worker(folder: Path, project: Path) -> int:
    """One size, in a process of its own: two generations, timed, and the peak memory."""
    from microsite.pipeline import generate

    paths = sorted(folder.glob("*.txt"))
    _settle()
    started = time.perf_counter()
    report = generate(paths, project)
    first = time.perf_counter() - started
    _settle()
    started = time.perf_counter()
    again = generate(paths, project)
    second = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first": first, "second": second, "peak_mb": peak,
                      "pages": len(report.written),
                      "rewritten": len(again.written) + len(again.removed)}))
    return 0


def _met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
