"""Browser harness: a fresh build of the bundled article, served on 127.0.0.1, and Debian's
Chromium driven through Playwright with a fresh profile per test.

Never downloads a browser: Playwright only drives /usr/bin/chromium. Without that binary (or
without the `playwright` package) the browser tests are skipped, unless REQUIRE_BROWSER=1 is
set, in which case they fail saying what is missing.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED = REPO / "content" / "why-we-run.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Time bounds, in milliseconds: nothing waits longer than these.
LAUNCH_TIMEOUT_MS = 30_000
NAVIGATION_TIMEOUT_MS = 15_000
ACTION_TIMEOUT_MS = 5_000
# Network quiet after a load (lets the search worker fetch its index), at most this long.
SETTLE_TIMEOUT_MS = 5_000
BUILD_TIMEOUT_S = 300

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ carries the `browser` marker, even if one forgets it,
    so that `-m "not browser"` always leaves them out."""
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _missing() -> str | None:
    """What prevents the browser tests from running, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"the playwright package cannot be imported ({error}); pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Skip the browser tests when Chromium or Playwright is missing; fail instead when
    REQUIRE_BROWSER=1."""
    problem = _missing()
    if problem is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {problem}",
                    pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}")


@pytest.fixture(scope="session")
def browser_site(browser_available: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built afresh from the bundled article into a new project (not ./site)."""
    project = tmp_path_factory.mktemp("browser-project")
    subprocess.run(
        [sys.executable, "-m", "microsite", "build", str(SEED), "--project", str(project)],
        check=True, cwd=REPO, timeout=BUILD_TIMEOUT_S,
    )
    site = project / "site"
    assert (site / "index.html").is_file(), f"the build left no {site / 'index.html'}"
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(browser_site: Path) -> Iterator[str]:
    """Base URL ("http://127.0.0.1:PORT/") of the fresh site, for the whole session."""
    with serve(browser_site) as url:
        yield url


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 from a background thread, on a port the OS picks;
    yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright_driver(browser_available: None) -> Iterator[Playwright]:
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


def launch(driver: Playwright, profile: Path, viewport: dict[str, int] = DESKTOP) -> BrowserContext:
    """Debian's Chromium with a fresh profile in `profile`, light colour scheme preferred,
    every wait bounded."""
    context = driver.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        headless=True,
        viewport=viewport,
        color_scheme="light",
        timeout=LAUNCH_TIMEOUT_MS,
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


@pytest.fixture
def browser_context(playwright_driver: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    """A browser with a profile of its own for this test (no palette choice carried over)."""
    context = launch(playwright_driver, tmp_path / "chromium-profile")
    try:
        yield context
    finally:
        context.close()


@dataclass
class PageLog:
    """What one page did: every request, console errors, uncaught errors, failed requests
    and responses with status >= 400."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {x}" for x in self.console_errors]
            + [f"uncaught error: {x}" for x in self.page_errors]
            + [f"failed request: {x}" for x in self.failed_requests]
            + [f"HTTP error: {x}" for x in self.bad_responses]
        )


def watch(page: Page) -> PageLog:
    """Record everything `page` (and its workers, such as Material's search worker) does."""
    log = PageLog()

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location or {}
            log.console_errors.append(f"{message.text} (at {where.get('url', '?')})")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            log.bad_responses.append(f"{response.status} {response.url}")

    page.on("request", lambda request: log.requests.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("requestfailed",
            lambda request: log.failed_requests.append(f"{request.url}: {request.failure}"))
    page.on("response", on_response)
    return log


def settle(page: Page) -> None:
    """Wait until the network has been quiet for a moment (bounded)."""
    page.wait_for_load_state("networkidle", timeout=SETTLE_TIMEOUT_MS)


def foreign(urls: list[str], base_url: str) -> list[str]:
    """The URLs that go anywhere but the site's own server (data: and blob: are local)."""
    own = urlsplit(base_url)
    return [
        url for url in urls
        if urlsplit(url).scheme not in ("data", "blob")
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (own.scheme, own.netloc)
    ]


def nav_pages(page: Page) -> list[str]:
    """Absolute URLs of every page the primary navigation reaches from the current page,
    without fragments, in the order found, each once.

    With navigation.prune a page's nav holds only its own section in full (other sections are
    a link to their first page), so the nav of each page found is read too, until no new page
    turns up: what a reader can reach by the nav alone."""
    hrefs: list[str] = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    seen: dict[str, None] = {}
    queue = [urljoin(href, urlsplit(href).path) for href in hrefs]
    while queue:
        url = queue.pop(0)
        if url in seen or urlsplit(url).netloc != urlsplit(page.url).netloc:
            continue
        seen[url] = None
        response = page.context.request.get(url)
        if response.ok and "text/html" in response.headers.get("content-type", ""):
            reader = _NavLinks()
            reader.feed(response.text())
            queue += [urljoin(url, urlsplit(urljoin(url, href)).path) for href in reader.hrefs]
    return list(seen)


class _NavLinks(HTMLParser):
    """The hrefs of the links in a page's primary navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.depth = 0  # <nav> elements open inside the primary one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--primary" in classes):
            self.depth += 1
        elif tag == "a" and self.depth and "md-nav__link" in classes and dict(attrs).get("href"):
            self.hrefs.append(str(dict(attrs)["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


@pytest.fixture
def open_page(
    browser_context: BrowserContext, site_url: str
) -> Callable[..., tuple[Page, PageLog]]:
    """open_page(path="") -> (page, log): a new, watched tab on the site at `path`, loaded
    and settled."""

    def opener(path: str = "") -> tuple[Page, PageLog]:
        page = browser_context.new_page()
        log = watch(page)
        page.goto(urljoin(site_url, path), wait_until="load")
        settle(page)
        return page, log

    return opener
