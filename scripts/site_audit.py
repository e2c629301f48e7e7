"""Benchmark the built site: Lighthouse scores and first-load bytes, served as GitHub Pages would.

    python scripts/site_audit.py [SITE_DIR] [--runs N] [--presets mobile,desktop] [--out DIR]
                                 [--no-reference] [--breakdown] [--max-seconds S]

A benchmark, not a test: it prints figures (and the targets they miss) and exits 0 whenever
every measurement could be taken, 1 when one failed, 2 on bad usage. What it does:

1. serves SITE_DIR (default site/) on 127.0.0.1, on a port the OS picks, from a background
   thread, compressed as GitHub Pages does: text types gzipped when the request accepts gzip,
   the content types GitHub sends, `Cache-Control: max-age=600`, 404.html for a missing page,
   HTTP/1.1 keep-alive (GitHub speaks HTTP/2; http.server cannot);
2. builds a reference: a plain `mkdocs new` project with `theme: material` and `font: false`
   whose one page holds the same article text (content/why-we-run.txt), served the same way;
3. for the home page and two content pages (and the reference), with the mobile and desktop
   presets, runs the Lighthouse CLI against a headless Chromium it starts itself (a fresh
   profile each run; Lighthouse attaches with --port and never launches a browser), and loads
   the page once more in a fresh browser context through Playwright, to count the first load's
   bytes: every response body the server sends until the network has been quiet for a while,
   the search worker and its index included. The bytes are counted by the server, as sent
   (gzipped), because Chromium reports 0 for the body of a worker's script, so both
   Playwright's sizes and Lighthouse's total-byte-weight leave the worker out;
4. prints a table (medians over --runs), the ratio of each page's first load to the
   reference's, the Lighthouse audits that failed (score below Lighthouse's 0.9 pass mark),
   and the targets missed.

Lighthouse is installed on first use into .tools/ at the repository root (not package.json,
which holds what the tests need): `npm install --prefix .tools lighthouse@VERSION`, with
PUPPETEER_SKIP_DOWNLOAD=1. No browser is ever downloaded: everything drives /usr/bin/chromium.

Every step is bounded in time, and the whole run by --max-seconds. Every process started here
leads its own process group and is killed by its saved PID's group on exit, on SIGINT, SIGTERM
and SIGHUP too; nothing is ever killed by name.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import io
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / ".tools"
LIGHTHOUSE_VERSION = os.environ.get("LIGHTHOUSE_VERSION", "12.8.2")
LIGHTHOUSE_CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTICLE = REPO / "content" / "why-we-run.txt"
PAGES = ["", "the-psychological-perspective/attachment-styles/", "breaking-the-cycle/"]
PRESETS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PASS = 0.9  # Lighthouse's own mark: an audit scoring less is shown as failed
# The first line is what this closed network needs; the rest are the flags chrome-launcher
# (Lighthouse's own launcher) adds, so that the scores match a plain `lighthouse URL` run.
CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,"
    "AutofillServerCommunication,PrivacySandboxSettings4,RenderDocument",
    "--disable-extensions", "--disable-component-extensions-with-background-pages",
    "--disable-client-side-phishing-detection", "--metrics-recording-only",
    "--disable-default-apps", "--mute-audio", "--no-default-browser-check",
    "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling", "--disable-ipc-flooding-protection",
    "--password-store=basic", "--disable-hang-monitor", "--disable-prompt-on-repost",
    "--disable-domain-reliability",
]
# The screens Lighthouse's presets emulate, for the Playwright load that counts the bytes.
SCREENS: dict[str, dict[str, Any]] = {
    "mobile": {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
               "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1350, "height": 940}, "device_scale_factor": 1},
}
# Targets (mobile preset): category scores at least these, first load at most this ratio.
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
TARGET_RATIO = 1.10

# Time bounds, in seconds.
NPM_TIMEOUT = 600
BUILD_TIMEOUT = 180
CHROMIUM_START_TIMEOUT = 30
LOAD_TIMEOUT = 30
QUIET = 1.5  # the network counts as quiet after this long without a request
SETTLE_TIMEOUT = 15


class Stop(Exception):
    """Raised from a signal handler so that the `finally` blocks run."""


# ---------------------------------------------------------------------------- processes


class Procs:
    """Every child process started here, each the leader of its own process group."""

    def __init__(self) -> None:
        self.live: list[subprocess.Popen[Any]] = []

    def start(self, cmd: list[str], **kw: Any) -> subprocess.Popen[Any]:
        proc = subprocess.Popen(cmd, start_new_session=True, **kw)
        self.live.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[Any], grace: float = 3.0) -> None:
        """SIGTERM the group led by proc.pid, then SIGKILL it, and wait (bounded) until no
        member is left. Only ever signals the group of a PID started here and not yet
        released; a second call for the same process does nothing."""
        if proc not in self.live:
            return
        if proc.poll() is None:
            _killpg(proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=grace)
        _killpg(proc.pid, signal.SIGKILL)  # renderers and zygotes may outlive the leader
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except (ProcessLookupError, PermissionError):
                break
            time.sleep(0.05)
        self.live.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(list(self.live)):
            self.stop(proc, grace=2.0)


def _killpg(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def run_bounded(procs: Procs, cmd: list[str], timeout: float,
                **kw: Any) -> tuple[int, str, str]:
    """Run cmd in its own process group; kill the whole group on timeout (rc 124)."""
    proc = procs.start(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    try:
        out, err = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        procs.stop(proc)
        try:
            out, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:  # a pipe held open by an escaped process
            out, err = "", ""
        rc, err = 124, (err or "") + f"\ntimed out after {timeout:g}s"
    finally:
        procs.stop(proc)  # also reaps what it left in its group
    return rc, out or "", err or ""


def last_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[-1][:200]


# ---------------------------------------------------------------------------- the server

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
              "application/manifest+json", "image/svg+xml")


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header value allows gzip (q=0 refuses it)."""
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = re.search(r"q\s*=\s*([0-9.]+)", params)
            return q is None or float(q.group(1)) > 0
    return False


@dataclass
class Sent:
    """One response: when, what and how many body bytes went out."""

    at: float
    path: str
    status: int
    body: int
    raw: int
    gzipped: bool


class PagesHandler(SimpleHTTPRequestHandler):
    """Files as GitHub Pages sends them: gzip for text types, its content types, 404.html."""

    server: SiteServer
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host (GitHub Pages speaks HTTP/2)
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html", ".css": "text/css", ".js": "application/javascript",
        ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
        ".txt": "text/plain", ".png": "image/png", ".ico": "image/x-icon",
        ".woff2": "font/woff2", ".webmanifest": "application/manifest+json",
        ".gz": "application/gzip",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def send_head(self) -> io.BytesIO | None:
        url_path = urlsplit(self.path).path
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self._record(url_path, 301, 0, 0, False)
                return None
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, self.server.root / "404.html"
            if not target.is_file():
                self.send_error(404)
                return None
        ctype = self.guess_type(str(target))
        data = target.read_bytes()
        raw = len(data)
        zipped = ctype.startswith(TEXT_TYPES) and accepts_gzip(
            self.headers.get("Accept-Encoding", ""))
        if zipped:
            data = self.server.gzipped(target, data)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", self.date_time_string(int(target.stat().st_mtime)))
        self.end_headers()
        sent = len(data) if self.command == "GET" else 0
        self._record(url_path, status, sent, raw if sent else 0, zipped)
        return io.BytesIO(data)

    def _record(self, path: str, status: int, body: int, raw: int, zipped: bool) -> None:
        self.server.record(Sent(time.monotonic(), unquote(path), status, body, raw, zipped))


class SiteServer(ThreadingHTTPServer):
    """A site folder served from a background thread on 127.0.0.1 (port chosen by the OS);
    remembers every response it sent, for counting a load's bytes."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sent: list[Sent] = []
        self._lock = threading.Lock()
        self._cache: dict[tuple[Path, int], bytes] = {}
        super().__init__(("127.0.0.1", 0),
                         functools.partial(PagesHandler, directory=str(root)))
        self._thread = threading.Thread(target=self.serve_forever, daemon=True,
                                        name=f"serve-{root.name}")
        self._thread.start()
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"

    def gzipped(self, path: Path, data: bytes) -> bytes:
        key = (path, path.stat().st_mtime_ns)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._cache[key]

    def record(self, sent: Sent) -> None:
        with self._lock:
            self.sent.append(sent)

    def mark(self) -> int:
        with self._lock:
            return len(self.sent)

    def since(self, mark: int) -> list[Sent]:
        with self._lock:
            return list(self.sent[mark:])

    def last_at(self) -> float:
        with self._lock:
            return self.sent[-1].at if self.sent else 0.0

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that goes away mid-connection (it is killed after each run) is no error."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


# ---------------------------------------------------------------------------- tools


def ensure_lighthouse(procs: Procs) -> None:
    """Install the pinned Lighthouse into .tools/ unless it is there already."""
    package = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if package.is_file() and json.loads(package.read_text()).get("version") == LIGHTHOUSE_VERSION:
        return
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found: Lighthouse needs Node.js >= 18.20 and npm")
    TOOLS.mkdir(exist_ok=True)
    manifest = TOOLS / "package.json"
    if not manifest.exists():
        manifest.write_text('{\n  "name": "microsite-audit-tools",\n  "private": true,\n'
                            '  "description": "Lighthouse for scripts/site_audit.py"\n}\n')
    print(f"# installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOLS}", file=sys.stderr)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "CHROMEDRIVER_SKIP_DOWNLOAD": "true"}
    rc, _out, err = run_bounded(
        procs, ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        timeout=NPM_TIMEOUT, env=env)
    if rc != 0 or not LIGHTHOUSE_CLI.is_file():
        raise RuntimeError(f"npm install lighthouse failed (rc={rc}): {last_line(err)}")


def start_chromium(procs: Procs, tmp: Path) -> tuple[subprocess.Popen[Any], int, Path]:
    """A fresh headless Chromium with its own profile and TMPDIR (so the singleton folders
    it leaves in /tmp go with it): returns (process, DevTools port, its folder)."""
    folder = Path(tempfile.mkdtemp(prefix="chromium-", dir=tmp))
    (folder / "profile").mkdir()
    (folder / "tmp").mkdir()
    proc = procs.start(
        [CHROMIUM, *CHROME_FLAGS, f"--user-data-dir={folder / 'profile'}",
         "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
         "--window-size=1350,940", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(folder / "tmp")})
    port_file = folder / "profile" / "DevToolsActivePort"
    deadline = time.monotonic() + CHROMIUM_START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            first = port_file.read_text().splitlines()[0].strip()
        except (FileNotFoundError, IndexError):
            first = ""
        if first.isdigit():
            return proc, int(first), folder
        time.sleep(0.1)
    procs.stop(proc)
    shutil.rmtree(folder, ignore_errors=True)
    raise RuntimeError("chromium did not open its debugging port")


# ---------------------------------------------------------------------------- measuring


@dataclass
class Run:
    """One Lighthouse run and one counted load of a page with a preset."""

    scores: dict[str, float | None] = field(default_factory=dict)
    failed: list[tuple[str, str, float, str]] = field(default_factory=list)
    lh_bytes: int = 0  # Lighthouse's total-byte-weight
    lh_worker: int | None = None  # what Lighthouse's records give the search worker
    benchmark: float = 0.0  # Lighthouse's benchmarkIndex: how fast this machine's CPU was
    bytes: int = 0  # the first load's response bodies, as sent
    raw: int = 0  # the same files uncompressed
    requests: list[Sent] = field(default_factory=list)
    error: str = "not finished"  # cleared once both the Lighthouse run and the load are done


def lighthouse(procs: Procs, tmp: Path, url: str, preset: str, timeout: float,
               report: Path, run: Run) -> None:
    chrome, port, folder = start_chromium(procs, tmp)
    try:
        cmd = ["node", str(LIGHTHOUSE_CLI), url, f"--port={port}", "--output=json",
               f"--output-path={report}", "--quiet", "--max-wait-for-load=45000",
               f"--only-categories={','.join(CATEGORIES)}"]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        rc, _out, err = run_bounded(procs, cmd, timeout,
                                    env={**os.environ, "CHROME_PATH": CHROMIUM})
    finally:
        procs.stop(chrome)
        shutil.rmtree(folder, ignore_errors=True)
    run.error = ""
    if rc != 0 or not report.is_file():
        run.error = f"lighthouse rc={rc}: {last_line(err)}"
        return
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        run.error = f"lighthouse: {data['runtimeError'].get('code')}"
        return
    audits = data["audits"]
    for name in CATEGORIES:
        category = data["categories"].get(name) or {}
        run.scores[name] = category.get("score")
        for ref in category.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            score = audit.get("score")
            if (ref.get("group") != "hidden" and score is not None and score < PASS
                    and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")):
                run.failed.append((ref["id"], audit.get("title", ""), score,
                                   audit.get("displayValue", "")))
    run.benchmark = float((data.get("environment") or {}).get("benchmarkIndex") or 0)
    run.lh_bytes = int(audits.get("total-byte-weight", {}).get("numericValue") or 0)
    items = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    worker = [i for i in items if "/workers/" in i.get("url", "")]
    run.lh_worker = int(worker[0].get("transferSize") or 0) if worker else None


def count_load(driver: Any, cdp_port: int, server: SiteServer, url: str, preset: str,
               run: Run) -> None:
    """Load url in a fresh context (cold cache) and add up what the server sent for it, until
    the network has been quiet for QUIET seconds (the search worker fetches its index late)."""
    browser = driver.chromium.connect_over_cdp(f"http://127.0.0.1:{cdp_port}",
                                               timeout=LOAD_TIMEOUT * 1000)
    try:
        context = browser.new_context(**SCREENS[preset])
        try:
            page = context.new_page()
            mark = server.mark()
            page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT * 1000)
            deadline = time.monotonic() + SETTLE_TIMEOUT
            while time.monotonic() < deadline:
                if time.monotonic() - server.last_at() >= QUIET:
                    break
                time.sleep(0.1)
            run.requests = server.since(mark)
        finally:
            context.close()
    finally:
        browser.close()
    run.bytes = sum(s.body for s in run.requests)
    run.raw = sum(s.raw for s in run.requests)


# ---------------------------------------------------------------------------- reference


def article_markdown(text: str) -> str:
    """The article as plain Markdown: its first line the title, short lines standing alone
    as section headings, the rest paragraphs; the page furniture of the export left out."""
    furniture = {"top of page", "bottom of page", "comments"}
    blocks = [b.strip() for b in re.split(r"\n[ \t\u00a0]*\n", text.replace("\r", ""))]
    out: list[str] = []
    for block in blocks:
        if not block.strip("\u00a0 \n") or block.lower() in furniture:
            continue
        if not out:
            out.append(f"# {block}")
        elif "\n" not in block and len(block) <= 80 and block[-1] not in ".!?:\"'":
            out.append(f"## {block}")
        else:
            out.append(block)
    return "\n\n".join(out) + "\n"


def build_reference(procs: Procs, tmp: Path, article: Path) -> Path:
    """A default Material site (`mkdocs new`, theme material, font false) of one page."""
    project = tmp / "reference"
    mkdocs = [sys.executable, "-m", "mkdocs"]
    rc, _out, err = run_bounded(procs, [*mkdocs, "new", str(project)], BUILD_TIMEOUT)
    if rc != 0:
        raise RuntimeError(f"mkdocs new failed: {last_line(err)}")
    markdown = article_markdown(article.read_text(encoding="utf-8"))
    title = markdown.splitlines()[0].lstrip("# ")
    (project / "mkdocs.yml").write_text(
        f"site_name: {json.dumps(title)}\ntheme:\n  name: material\n  font: false\n")
    (project / "docs" / "index.md").write_text(markdown, encoding="utf-8")
    rc, _out, err = run_bounded(
        procs, [*mkdocs, "build", "--quiet", "-f", str(project / "mkdocs.yml")], BUILD_TIMEOUT)
    if rc != 0 or not (project / "site" / "index.html").is_file():
        raise RuntimeError(f"mkdocs build of the reference failed: {last_line(err)}")
    return project / "site"


# ---------------------------------------------------------------------------- report


@dataclass
class Row:
    """The medians of one page with one preset, and the failed audits of all its runs."""

    page: str
    preset: str
    runs: list[Run]

    @property
    def ok(self) -> list[Run]:
        return [r for r in self.runs if not r.error]

    def score(self, name: str) -> float | None:
        values = [r.scores[name] for r in self.ok if r.scores.get(name) is not None]
        return statistics.median(values) if values else None  # type: ignore[type-var]

    def median(self, attr: str) -> int:
        values = [getattr(r, attr) for r in self.ok]
        return int(statistics.median(values)) if values else 0

    def failed(self) -> list[tuple[str, str, str, int]]:
        """(id, title, worst score and value, in how many runs)."""
        seen: dict[str, tuple[str, float, str, int]] = {}
        for run in self.ok:
            for audit_id, title, score, value in run.failed:
                _t, worst, shown, count = seen.get(audit_id, (title, 2.0, "", 0))
                if score < worst:
                    worst, shown = score, f"{score:.2f}" + (f", {value}" if value else "")
                seen[audit_id] = (title, worst, shown, count + 1)
        return [(k, t, s, c) for k, (t, _w, s, c) in sorted(seen.items())]


def pct(score: float | None) -> str:
    return "-" if score is None else str(round(score * 100))


def kib(n: int) -> str:
    return f"{n / 1024:.1f}"


def print_report(rows: list[Row], reference: dict[str, Row], runs: int,
                 breakdown: bool) -> list[str]:
    """The table, the failed audits and the breakdown; returns the targets missed."""
    sys.stderr.flush()
    print(f"\nFirst load = every response body the server sent (gzipped) for a cold load of the "
          f"page, the search worker and search index included. Medians of {runs} run(s).")
    header = (f"{'page':<50} {'preset':<7} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}"
              f" {'load KiB':>8} {'raw KiB':>8} {'LH KiB':>7} {'vs ref':>7}")
    print(header)
    print("-" * len(header))
    missed: list[str] = []
    for row in [*rows, *reference.values()]:
        if not row.ok:
            error = row.runs[-1].error if row.runs else "not run"
            print(f"{row.page:<50} {row.preset:<7} ERROR {error}")
            if row.preset == "mobile" and row not in reference.values():
                missed.append(f"{row.page} mobile: no measurement")
            continue
        ref = reference.get(row.preset)
        ratio = (row.median("bytes") / ref.median("bytes")
                 if ref and ref.ok and ref.median("bytes") else None)
        scores = " ".join(f"{pct(row.score(c)):>4}" for c in CATEGORIES)
        print(f"{row.page:<50} {row.preset:<7} {scores} {kib(row.median('bytes')):>8}"
              f" {kib(row.median('raw')):>8} {kib(row.median('lh_bytes')):>7}"
              f" {'' if ratio is None else f'{ratio:.0%}':>7}")
        if row.preset == "mobile" and row not in reference.values():
            for name, floor in TARGETS.items():
                value = row.score(name)
                if value is None or value < floor:
                    missed.append(f"{row.page} mobile: {name} {pct(value)} < {pct(floor)}")
            if ratio is not None and ratio > TARGET_RATIO:
                missed.append(f"{row.page} mobile: first load {ratio:.0%} of the reference "
                              f"> {TARGET_RATIO:.0%}")
    workers = {r.lh_worker for row in rows for r in row.ok if r.lh_worker is not None}
    if workers:
        print(f"(LH KiB = Lighthouse's total-byte-weight, headers included; its records give "
              f"the search worker's script {sorted(workers)} bytes, so it misses the worker.)")

    speeds = [r.benchmark for row in [*rows, *reference.values()] for r in row.ok if r.benchmark]
    if speeds:
        print(f"(Lighthouse's CPU benchmarkIndex on this machine: {min(speeds):.0f} to "
              f"{max(speeds):.0f}; a busy machine scores lower and so does mobile performance.)")

    print("\nFailed Lighthouse audits (score < 0.9; worst score, in how many runs):")
    for row in [*rows, *reference.values()]:
        failed = row.failed()
        print(f"  {row.page} [{row.preset}]" + ("" if failed else ": none"))
        for audit_id, title, note, count in failed:
            print(f"    - {audit_id}: {title} ({note}; {count}/{len(row.ok)})")

    if breakdown:
        print("\nFirst load, request by request (first run; body bytes as sent / raw):")
        for row in [*rows, *reference.values()]:
            if not row.ok:
                continue
            print(f"  {row.page} [{row.preset}]")
            for sent in row.ok[0].requests:
                print(f"    {sent.status} {sent.body:>8} {sent.raw:>8}"
                      f" {'gz' if sent.gzipped else '  '} {sent.path}")
    return missed


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and preset (medians)")
    parser.add_argument("--presets", default=",".join(PRESETS))
    parser.add_argument("--pages", nargs="+", default=PAGES,
                        help="paths under the site root ('' is the home page)")
    parser.add_argument("--article", type=Path, default=ARTICLE,
                        help="the article text for the reference page")
    parser.add_argument("--no-reference", action="store_true",
                        help="skip the default-Material reference page")
    parser.add_argument("--breakdown", action="store_true",
                        help="list every request of each first load")
    parser.add_argument("--out", type=Path, help="keep the Lighthouse JSON reports here")
    parser.add_argument("--lh-timeout", type=float, default=180.0,
                        help="seconds per Lighthouse run")
    parser.add_argument("--max-seconds", type=float,
                        help="limit for the whole audit (default: 300 + 120 per run)")
    args = parser.parse_args(argv)

    site = args.site.resolve()
    presets = [p.strip() for p in args.presets.split(",") if p.strip()]
    if not (site / "index.html").is_file():
        print(f"site_audit: {site}/index.html not found: run `make site` first", file=sys.stderr)
        return 2
    if args.runs < 1 or not presets or any(p not in PRESETS for p in presets):
        print("site_audit: --runs must be >= 1 and --presets mobile and/or desktop",
              file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"site_audit: {CHROMIUM} not found", file=sys.stderr)
        return 2
    pages = [p.strip("/") + "/" if p.strip("/") else "" for p in args.pages]
    with_reference = not args.no_reference and args.article.is_file()
    total = len(presets) * args.runs * (len(pages) + with_reference)
    max_seconds = args.max_seconds or 300 + 120 * total

    def on_signal(signum: int, _frame: Any) -> None:
        raise Stop(f"signal {signum}")

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise Stop(f"--max-seconds {max_seconds:g} reached")

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(max(1, int(max_seconds)))

    procs = Procs()
    servers: list[SiteServer] = []
    tmp = Path(tempfile.mkdtemp(prefix="site-audit-"))
    out = args.out.resolve() if args.out else tmp / "reports"
    out.mkdir(parents=True, exist_ok=True)
    rows = [Row("/" + page, preset, []) for page in pages for preset in presets]
    reference: dict[str, Row] = {}
    failed = False
    started = time.monotonic()
    try:
        from playwright.sync_api import sync_playwright

        ensure_lighthouse(procs)
        server = SiteServer(site)
        servers.append(server)
        targets = [(server, page, row) for page in pages for row in rows
                   if row.page == "/" + page]
        if with_reference:
            ref_server = SiteServer(build_reference(procs, tmp, args.article))
            servers.append(ref_server)
            for preset in presets:
                reference[preset] = Row("(reference: default Material, one page)", preset, [])
                targets.append((ref_server, "", reference[preset]))
        print(f"# serving {site} at {server.url}", file=sys.stderr)
        with sync_playwright() as driver:
            chrome, cdp_port, folder = start_chromium(procs, tmp)
            try:
                for n in range(args.runs):
                    for srv, page, row in targets:
                        run = Run()
                        row.runs.append(run)
                        slug = re.sub(r"[^A-Za-z0-9]+", "_", page).strip("_") or "home"
                        if srv is not server:
                            slug = "reference"
                        report = out / f"lh-{slug}-{row.preset}-{n + 1}.json"
                        clock = time.monotonic()
                        lighthouse(procs, tmp, srv.url + page, row.preset, args.lh_timeout,
                                   report, run)
                        if not run.error:
                            run.error = "not finished"
                            count_load(driver, cdp_port, srv, srv.url + page, row.preset, run)
                            run.error = ""
                        scores = "/".join(pct(run.scores.get(c)) for c in CATEGORIES)
                        print(f"# run {n + 1}/{args.runs} {row.preset:<7} {row.page}: "
                              f"{run.error or scores} ({time.monotonic() - clock:.0f}s)",
                              file=sys.stderr)
            finally:
                procs.stop(chrome)
                shutil.rmtree(folder, ignore_errors=True)
    except Stop as error:
        print(f"site_audit: stopped: {error}", file=sys.stderr)
        failed = True
    except Exception as error:  # noqa: BLE001 - report, clean up, exit 1
        print(f"site_audit: {type(error).__name__}: {error}", file=sys.stderr)
        failed = True
    finally:
        signal.alarm(0)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        procs.stop_all()
        for srv in servers:
            srv.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    missed = print_report(rows, reference, args.runs, args.breakdown)
    print("\nTargets (mobile: performance >= 98, accessibility, best practices and SEO 100, "
          f"first load <= {TARGET_RATIO:.0%} of the reference):")
    if "mobile" not in presets:
        print("  not checked: no mobile run")
    else:
        print("  all met" if not missed else "\n".join(f"  MISSED {m}" for m in missed))
    print(f"# {time.monotonic() - started:.0f}s; reports: "
          f"{out if args.out else '(not kept; use --out DIR)'}", file=sys.stderr)
    failed |= any(run.error for row in [*rows, *reference.values()] for run in row.runs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
