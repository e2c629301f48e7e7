"""The bundled article's site in a real browser: clean loads, no foreign request, search,
the light/dark toggle, and no sideways scrolling on a phone."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import (
    ACTION_TIMEOUT_MS,
    PHONE,
    REPO,
    SEED,
    PageLog,
    foreign,
    launch,
    nav_pages,
    serve,
    settle,
    watch,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page, Playwright

# Results must show up this soon after the last keystroke.
SEARCH_RESULT_TIMEOUT_MS = 3_000

# (term, a fragment of the URL of the page that must be the first result)
SEARCHES = [
    ("attachment", "attachment-styles"),
    ("therapy", "seeking-professional-help"),
    ("journal", "self-reflection-and-awareness"),
]

SCHEME = "data-md-color-scheme"


def _expect() -> Any:
    """Playwright's `expect`, imported late so that a missing playwright package skips (or,
    with REQUIRE_BROWSER=1, fails) the tests through the fixtures instead of breaking
    collection."""
    from playwright.sync_api import expect

    return expect


def open_search(page: Page, term: str) -> None:
    """Open the search with the "/" shortcut and type `term` key by key."""
    expect = _expect()
    query = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(query).to_be_focused()
    query.press_sequentially(term, delay=20)


@pytest.fixture(scope="module")
def tour(playwright_driver: Playwright, site_url: str,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PageLog]]:
    """Visit the home page and every page its navigation links to, each in a new tab, and
    record what each one did. On the home page also run a search (the search worker's
    traffic) and follow the footer's "next" link (instant navigation's fetches)."""
    context = launch(playwright_driver, tmp_path_factory.mktemp("tour-profile"))
    try:
        logs: dict[str, PageLog] = {}
        page = context.new_page()
        logs[site_url] = watch(page)
        page.goto(site_url, wait_until="load")
        settle(page)
        pages = nav_pages(page)
        open_search(page, "attachment")
        page.locator(".md-search-result__item").first.wait_for()
        page.keyboard.press("Escape")
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(lambda url: url != site_url)
        settle(page)
        page.close()
        for url in pages:
            if url == site_url:
                continue
            page = context.new_page()
            logs[url] = watch(page)
            page.goto(url, wait_until="load")
            settle(page)
            page.close()
        yield logs
    finally:
        context.close()


@pytest.mark.browser
def test_nav_reaches_every_section(tour: dict[str, PageLog]) -> None:
    # Guards the tests below against passing on an empty tour.
    paths = [url.split("/", 3)[3] for url in tour]
    assert len(paths) >= 10, paths
    assert "the-psychological-perspective/attachment-styles/" in paths


@pytest.mark.browser
def test_pages_load_without_errors(tour: dict[str, PageLog]) -> None:
    problems = [f"{url}: {problem}" for url, log in tour.items() for problem in log.problems()]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_no_request_leaves_the_site(tour: dict[str, PageLog], site_url: str) -> None:
    requested = [url for log in tour.values() for url in log.requests]
    # The recording did see the search worker and its index, so nothing slipped by unseen.
    assert any("/workers/search." in url for url in requested), requested
    assert any(url.endswith("/search/search_index.json") for url in requested), requested
    elsewhere = sorted({f"{url} (from {page})" for page, log in tour.items()
                        for url in foreign(log.requests, site_url)})
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(elsewhere)


@pytest.mark.browser
def test_watch_sees_worker_traffic_and_errors(
        open_page: Callable[..., tuple[Page, PageLog]], site_url: str) -> None:
    """The harness itself: a foreign fetch from a worker and a console error are caught."""
    page, log = open_page("404.html")
    page.evaluate(
        """() => {
            const code = "fetch('http://foreign.invalid/probe').catch(() => {})";
            new Worker(URL.createObjectURL(new Blob([code], {type: 'text/javascript'})));
            console.error('probe error');
        }"""
    )
    page.wait_for_timeout(500)
    settle(page)
    assert foreign(log.requests, site_url) == ["http://foreign.invalid/probe"]
    assert any("probe error" in text for text in log.console_errors), log.console_errors


@pytest.mark.browser
@pytest.mark.parametrize(("term", "expected"), SEARCHES, ids=[term for term, _ in SEARCHES])
def test_search_finds_the_page(open_page: Callable[..., tuple[Page, PageLog]],
                               term: str, expected: str) -> None:
    expect = _expect()
    page, log = open_page()
    open_search(page, term)
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    expect(first.locator("a.md-search-result__link").first).to_have_attribute(
        "href", re.compile(re.escape(expected)), timeout=SEARCH_RESULT_TIMEOUT_MS)
    # Material wraps the matches in <mark>.
    marks = first.locator("mark")
    expect(marks.first).to_be_visible(timeout=ACTION_TIMEOUT_MS)
    assert term in [text.lower() for text in marks.all_inner_texts()], marks.all_inner_texts()
    assert not log.problems(), log.problems()


@pytest.mark.browser
def test_palette_toggle_switches_and_persists(
        open_page: Callable[..., tuple[Page, PageLog]], site_url: str) -> None:
    expect = _expect()
    page, log = open_page()
    body = page.locator("body")
    # Only the toggle for the scheme not in use is shown.
    toggle = page.locator("form[data-md-component=palette] label.md-header__button:visible")
    expect(body).to_have_attribute(SCHEME, "default")

    toggle.click()
    expect(body).to_have_attribute(SCHEME, "slate")
    # A full page load keeps the choice ...
    page.goto(site_url + "about/")
    expect(body).to_have_attribute(SCHEME, "slate")
    # ... and so does instant navigation.
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(lambda url: not url.endswith("/about/"))
    expect(body).to_have_attribute(SCHEME, "slate")

    toggle.click()
    expect(body).to_have_attribute(SCHEME, "default")
    page.goto(site_url)
    expect(body).to_have_attribute(SCHEME, "default")
    assert not log.problems(), log.problems()


@pytest.mark.browser
def test_no_sideways_scroll_on_a_phone(open_page: Callable[..., tuple[Page, PageLog]]) -> None:
    page, _ = open_page()
    urls = [page.url, *(url for url in nav_pages(page) if url != page.url)]
    page.set_viewport_size(PHONE)
    too_wide = []
    for url in urls:
        page.goto(url, wait_until="load")
        widths = page.evaluate(
            """() => {
                const width = window.innerWidth;
                const culprits = Array.from(document.querySelectorAll('body *'))
                    .filter(el => el.getBoundingClientRect().right > width + 1)
                    .slice(0, 5)
                    .map(el => el.tagName.toLowerCase() + (el.className ? '.' +
                         String(el.className).trim().split(/\\s+/).join('.') : ''));
                return {scroll: document.documentElement.scrollWidth, inner: width, culprits};
            }"""
        )
        if widths["scroll"] > widths["inner"]:
            too_wide.append(f"{url}: scrollWidth {widths['scroll']} > innerWidth "
                            f"{widths['inner']}; overflowing: {widths['culprits']}")
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    assert not too_wide, "\n".join(too_wide)


# --- Link previews: what a page shared by its address shows ---------------------------------

PREVIEW_JS = """() => {
  const meta = (key) => {
    const found = document.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    return found ? found.getAttribute("content") : null;
  };
  const canonical = document.head.querySelector('link[rel="canonical"]');
  const heading = document.querySelector("article h1").cloneNode(true);
  heading.querySelectorAll(".headerlink").forEach((link) => link.remove());  // the "¶"
  return {
    title: meta("og:title"), description: meta("og:description"), url: meta("og:url"),
    type: meta("og:type"), site: meta("og:site_name"), card: meta("twitter:card"),
    twitter_title: meta("twitter:title"), twitter_description: meta("twitter:description"),
    meta_description: meta("description"), canonical: canonical && canonical.href,
    heading: heading.textContent.trim(),
    document_title: document.title, location: location.href,
  };
}"""


@pytest.fixture(scope="module")
def published(playwright_driver: Playwright, tmp_path_factory: pytest.TempPathFactory,
              browser_available: None) -> Iterator[tuple[str, dict[str, dict[str, Any]]]]:
    """The bundled site built for the address it is served at (--site-url), and the link
    preview metadata of every page the nav reaches, each page opened afresh as a link
    previewer would (no instant navigation)."""
    project = tmp_path_factory.mktemp("published")
    with serve(project / "site") as url:
        subprocess.run([sys.executable, "-m", "microsite", "build", str(SEED), "--project",
                        str(project), "--site-url", url], check=True, cwd=REPO, timeout=300)
        context = launch(playwright_driver, tmp_path_factory.mktemp("preview-profile"))
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            previews = {}
            for address in [url, *(u for u in nav_pages(page) if u != url)]:
                page.goto(address, wait_until="load")
                previews[address] = page.evaluate(PREVIEW_JS)
            yield url, previews
        finally:
            context.close()


@pytest.mark.browser
def test_every_page_previews_with_its_own_title_description_and_address(
        published: tuple[str, dict[str, dict[str, Any]]]) -> None:
    url, previews = published
    assert len(previews) >= 10
    titles = set()
    for address, preview in previews.items():
        home = address == url
        # the title a reader sees on the page, and the site's name beside it
        assert preview["title"] == preview["twitter_title"], address
        assert preview["title"] == (preview["site"] if home else preview["heading"]), address
        assert preview["site"] and preview["site"] in preview["document_title"], address
        # the page's own description, the one search engines get too
        assert preview["description"] and len(preview["description"]) <= 160, address
        assert preview["description"] == preview["twitter_description"], address
        assert preview["description"] == preview["meta_description"], address
        # its published address: the one it was opened at, also its canonical link
        assert preview["url"] == preview["canonical"] == preview["location"] == address
        assert (preview["type"], preview["card"]) == ("article", "summary"), address
        titles.add(preview["title"])
    assert len(titles) == len(previews), "two pages preview with the same title"
