"""What a reader does on the bundled article's site, in Chromium: follows every link, reads the
glossary tooltips (mouse and keyboard), opens the self-check answers, uses the phone menu, tabs
through the page, and opens site/index.html straight from the disk.

Known defects stay here as strict xfails, each with its cause, so that a fix flips them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import pytest

from .conftest import PHONE, PageLog, launch, settle, watch

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page, Playwright

# A content page with glossary terms, and a section page with self-check questions.
TERMS_PAGE = "the-psychological-perspective/attachment-styles/"
SECTION_PAGE = "the-psychological-perspective/"
# The first glossary term on TERMS_PAGE, and the glossary entry its first linked mention opens.
TERM = "attachment styles"
TERM_HREF = 'a[href$="glossary/#attachment-style"]'
TERM_LINK = f"article.md-content__inner {TERM_HREF}"
# The abbr of that linked mention, inside the link (as built today) or around it.
LINKED_TERM = f"article.md-content__inner abbr:has({TERM_HREF}), {TERM_LINK} abbr"
TOOLTIP_START = "In this article:"

# A term's tooltip (overrides/main.html) appears at once on hover or focus, then fades in.
TOOLTIP_TIMEOUT_MS = 2_000
# Tab stops tried before giving up on reaching an element by keyboard.
MAX_TABS = 60
# Tab stops checked for a focus indicator after the skip link.
FOCUS_STOPS = 15
SEARCH_RESULT_TIMEOUT_MS = 3_000
# A click on a link of the site loads the next page this soon.
NAVIGATION_MS = 5_000

# A shown tooltip, in Material's markup and styles (role=tooltip for inline tooltips).
ACTIVE_TOOLTIP = ".md-tooltip2.md-tooltip2--active[role=tooltip]"


def _expect() -> Any:
    """Playwright's `expect`, imported late (see test_site_browser.py)."""
    from playwright.sync_api import expect

    return expect


@pytest.fixture
def reader(browser_context: BrowserContext, site_url: str) -> Callable[..., tuple[Page, PageLog]]:
    """reader(path) -> (page, log): a new watched tab at `path`, loaded, not yet settled."""

    def opener(path: str = "") -> tuple[Page, PageLog]:
        page = browser_context.new_page()
        log = watch(page)
        page.goto(urljoin(site_url, path), wait_until="load")
        return page, log

    return opener


@pytest.fixture
def phone(playwright_driver: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    """A browser with a 375 px wide viewport."""
    context = launch(playwright_driver, tmp_path / "phone-profile", PHONE)
    try:
        yield context
    finally:
        context.close()


# --- 1. Every link in the page bodies and the navigation leads somewhere real -----------------

# The map of ideas' boxes are SVG links: their `href` is an SVGAnimatedString (xlink:href).
LINKS_JS = """() => Array.from(
    document.querySelectorAll(
        'article.md-content__inner a[href], nav a[href], article.md-content__inner svg a'),
    a => [typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, location.href).href,
          (a.textContent || a.getAttribute('aria-label') || '').trim().slice(0, 40)])"""
IDS_JS = """() => Array.from(document.querySelectorAll('[id], a[name]'),
    el => el.id || el.getAttribute('name'))"""


def _same_origin(url: str, base: str) -> bool:
    return urlsplit(url)[:2] == urlsplit(base)[:2]


def _without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


@pytest.mark.browser
def test_every_link_leads_to_a_page_and_anchor_that_exist(
        browser_context: BrowserContext, site_url: str, browser_site: Path) -> None:
    page = browser_context.new_page()
    # URL -> (what is wrong with it or None, the ids on it)
    visited: dict[str, tuple[str | None, set[str]]] = {}
    # (source page, link text, absolute href)
    links: list[tuple[str, str, str]] = []
    queue = [site_url]
    while queue:
        url = queue.pop(0)
        if url in visited:
            continue
        if not urlsplit(url).path.endswith(("/", ".html")):
            # A file, not a page (none is linked today): only that it is there.
            status = browser_context.request.get(url).status
            visited[url] = (f"HTTP {status}" if status >= 400 else None, set())
            continue
        response = page.goto(url, wait_until="domcontentloaded")
        if response is None or response.status >= 400:
            visited[url] = (f"HTTP {response.status if response else 'no response'}", set())
            continue
        if page.locator("article.md-content__inner").count() == 0:
            # e.g. a folder without index.html, which the server lists instead
            visited[url] = (f"not a page of the site (title {page.title()!r})", set())
            continue
        visited[url] = (None, set(page.evaluate(IDS_JS)))
        for href, text in page.evaluate(LINKS_JS):
            if _same_origin(href, site_url):
                links.append((url, text, href))
                queue.append(_without_fragment(href))

    broken = []
    for source, text, href in links:
        problem, ids = visited[_without_fragment(href)]
        fragment = unquote(urlsplit(href).fragment)
        if not problem and fragment and fragment not in ids:
            problem = f"no element with id {fragment!r} there"
        if problem:
            broken.append(f"on {source}: link {text!r} -> {href}: {problem}")
    assert not broken, "broken links:\n" + "\n".join(sorted(set(broken)))

    # The crawl did reach every page the build wrote (no orphan, no empty crawl).
    built = set()
    for index in browser_site.rglob("index.html"):
        folder = index.parent.relative_to(browser_site).as_posix()
        built.add(site_url if folder == "." else urljoin(site_url, folder + "/"))
    unreached = sorted(built - set(visited))
    assert len(visited) >= 15 and len(links) >= 100, (len(visited), len(links))
    assert not unreached, "pages no link leads to:\n" + "\n".join(unreached)


# --- 2. Glossary tooltips ----------------------------------------------------------------------

def _tooltip_for(page: Page, text_start: str) -> Locator:
    return page.locator(ACTIVE_TOOLTIP).filter(has_text=re.compile("^" + re.escape(text_start)))


@pytest.mark.browser
def test_hovering_a_term_shows_its_tooltip(reader: Callable[..., tuple[Page, PageLog]]) -> None:
    expect = _expect()
    page, log = reader(TERMS_PAGE)
    # The bare first mention (in the key takeaway) and the linked one (in "What research says").
    bare = page.locator("article.md-content__inner p > abbr", has_text=TERM).first
    linked = page.locator(LINKED_TERM).first
    for term in (bare, linked):
        title = term.get_attribute("title") or ""
        assert title.startswith(TOOLTIP_START), title
        term.hover()
        tooltip = page.locator(ACTIVE_TOOLTIP)
        expect(tooltip).to_have_count(1, timeout=TOOLTIP_TIMEOUT_MS)
        expect(tooltip).to_be_visible()
        expect(tooltip).to_be_in_viewport()
        expect(tooltip).to_have_css("opacity", "1", timeout=TOOLTIP_TIMEOUT_MS)
        expect(tooltip).to_have_text(title)
        # Tied to the term for assistive technology while shown.
        expect(term).to_have_attribute("aria-describedby", tooltip.get_attribute("id") or "?")
        page.mouse.move(1, 1)
        expect(tooltip).to_have_count(0, timeout=TOOLTIP_TIMEOUT_MS)
    assert not log.problems(), log.problems()


@pytest.mark.browser
def test_a_tooltip_can_be_hovered_and_dismissed_with_escape(
        reader: Callable[..., tuple[Page, PageLog]]) -> None:
    """WCAG 1.4.13: the pointer can move onto the tooltip without losing it, and Escape takes
    it down without moving the pointer or the focus."""
    expect = _expect()
    page, log = reader(TERMS_PAGE)
    term = page.locator("article.md-content__inner p > abbr", has_text=TERM).first
    term.hover()
    tooltip = page.locator(ACTIVE_TOOLTIP)
    expect(tooltip).to_have_css("opacity", "1", timeout=TOOLTIP_TIMEOUT_MS)
    box = page.locator(f"{ACTIVE_TOOLTIP} .md-tooltip2__inner").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(600)  # longer than the grace period for leaving the term
    expect(tooltip).to_have_count(1)
    page.keyboard.press("Escape")
    expect(tooltip).to_have_count(0, timeout=TOOLTIP_TIMEOUT_MS)
    assert term.get_attribute("title", timeout=TOOLTIP_TIMEOUT_MS), "the term kept no title"
    assert not log.problems(), log.problems()


# Where the shown tooltip's box is, and whether the page is wider than the screen.
TOOLTIP_BOX_JS = """() => {
    const shown = document.querySelectorAll('.md-tooltip2');
    const inner = document.querySelector('.md-tooltip2--active .md-tooltip2__inner');
    const box = inner && inner.getBoundingClientRect();
    return {count: shown.length, left: box ? box.left : -1, right: box ? box.right : 1e9,
            wide: document.documentElement.scrollWidth > window.innerWidth};
}"""


@pytest.mark.browser
def test_every_term_tooltip_stays_on_a_phone_screen(phone: BrowserContext, site_url: str) -> None:
    """At 375 px, each term's tooltip (one at a time) fits between the screen's edges, and
    showing it never makes the page scroll sideways; moving away takes it down."""
    page = phone.new_page()
    log = watch(page)
    page.goto(urljoin(site_url, TERMS_PAGE), wait_until="load")
    terms = page.locator("article.md-content__inner abbr")
    seen = 0
    for index in range(terms.count()):
        term = terms.nth(index)
        if not term.is_visible():  # inside a closed self-check answer
            continue
        term.scroll_into_view_if_needed()
        term.hover()
        page.wait_for_selector(ACTIVE_TOOLTIP, timeout=TOOLTIP_TIMEOUT_MS)
        box = page.evaluate(TOOLTIP_BOX_JS)
        width = page.viewport_size["width"] if page.viewport_size else 375
        assert box["count"] == 1, (index, box)
        assert box["left"] >= 0 and box["right"] <= width, (index, box)
        assert not box["wide"], (index, box)
        seen += 1
    assert seen >= 10, seen
    page.mouse.move(1, 1)
    page.wait_for_selector(".md-tooltip2", state="detached", timeout=TOOLTIP_TIMEOUT_MS)
    assert not log.problems(), log.problems()


def _tab_until(page: Page, predicate_js: str) -> int:
    """Press Tab until `predicate_js` (a JS function of the focused element) is true; returns
    the number of presses; not reaching it fails the test outright."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate_js})(document.activeElement)"):
            return presses
    pytest.fail(f"{MAX_TABS} presses of Tab never reached the element ({predicate_js})",
                pytrace=False)


# The focused element is the term itself or its link (in either nesting).
FOCUS_ON_TERM_JS = f"""el => el.textContent.trim() === {TERM!r} &&
    (el.tagName === 'ABBR' || !!el.querySelector('abbr') || !!el.closest('abbr'))"""


@pytest.mark.browser
def test_focusing_a_term_by_keyboard_shows_its_tooltip(
        reader: Callable[..., tuple[Page, PageLog]]) -> None:
    expect = _expect()
    page, _ = reader(TERMS_PAGE)
    _tab_until(page, FOCUS_ON_TERM_JS)
    tooltip = _tooltip_for(page, TOOLTIP_START + " Attachment theory")
    expect(tooltip).to_be_visible(timeout=TOOLTIP_TIMEOUT_MS)


@pytest.mark.browser
def test_keyboard_reaches_the_term_explanation_through_its_link(
        reader: Callable[..., tuple[Page, PageLog]], site_url: str) -> None:
    """The keyboard path that does exist: Tab to the term's first linked mention, Enter, and the
    glossary entry with the same explanation is in view."""
    expect = _expect()
    page, log = reader(TERMS_PAGE)
    link = page.locator(TERM_LINK).first
    explanation = page.locator(LINKED_TERM).first.get_attribute("title") or ""
    assert explanation.startswith(TOOLTIP_START), explanation
    _tab_until(page, f"el => el.matches({TERM_LINK!r})")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(urljoin(site_url, "glossary/#attachment-style"), timeout=NAVIGATION_MS)
    entry = page.locator("h2#attachment-style")
    expect(entry).to_be_in_viewport()
    summary = page.locator("h2#attachment-style + p.ms-summary")
    expect(summary).to_be_visible()
    # The entry quotes the sentence the tooltip shows.
    sentence = explanation.removeprefix(TOOLTIP_START).strip()
    assert sentence in summary.inner_text(), (sentence, summary.inner_text())
    assert not log.problems(), log.problems()


# --- 3. Self-check answers ---------------------------------------------------------------------

@pytest.mark.browser
def test_self_check_answers_open_and_close_by_mouse_and_keyboard(
        reader: Callable[..., tuple[Page, PageLog]]) -> None:
    expect = _expect()
    page, log = reader(SECTION_PAGE)
    questions = page.locator(".ms-quiz details")
    assert questions.count() >= 2, questions.count()
    for index in range(questions.count()):
        details = questions.nth(index)
        summary = details.locator("> summary")
        answer = details.locator("> :not(summary)").first
        expect(details).to_have_js_property("open", False)
        expect(answer).to_be_hidden()

        summary.click()
        expect(details).to_have_js_property("open", True)
        expect(answer).to_be_visible()
        summary.click()
        expect(details).to_have_js_property("open", False)
        expect(answer).to_be_hidden()

        summary.focus()
        expect(summary).to_be_focused()
        for key in ("Enter", "Enter", "Space", "Space"):
            was_open = details.evaluate("el => el.open")
            page.keyboard.press(key)
            expect(details).to_have_js_property("open", not was_open)
            if was_open:
                expect(answer).to_be_hidden()
            else:
                expect(answer).to_be_visible()
    assert not log.problems(), log.problems()


@pytest.mark.browser
def test_map_of_ideas_boxes_open_their_pages_by_mouse_and_keyboard(
        reader: Callable[..., tuple[Page, PageLog]]) -> None:
    expect = _expect()
    page, log = reader("")
    boxes = page.locator(".ms-map a")
    assert boxes.count() >= 10, boxes.count()
    box = boxes.nth(1)
    expect(box).to_be_visible()
    name = (box.text_content() or "").strip()
    box.click()
    page.wait_for_load_state()
    expect(page.locator("article h1")).to_contain_text(name)
    page.go_back()
    page.wait_for_load_state()
    box = page.locator(".ms-map a").nth(2)
    name = (box.text_content() or "").strip()
    box.focus()
    expect(box).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("article h1")).to_contain_text(name)
    assert not log.problems(), log.problems()


# --- 4. The navigation drawer on a phone -------------------------------------------------------

DRAWER_BUTTON = 'label.md-header__button[for="__drawer"]'


@pytest.mark.browser
def test_phone_menu_opens_and_closes_the_navigation(phone: BrowserContext, site_url: str) -> None:
    expect = _expect()
    page = phone.new_page()
    log = watch(page)
    page.goto(site_url, wait_until="load")
    settle(page)
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    drawer = page.locator("#__drawer")
    primary = page.locator("nav.md-nav--primary")
    # The top level: a link per page, a container (link + toggle) per section, and for the
    # current page a label that opens its table of contents.
    top_items = primary.locator(":scope > ul > li > .md-nav__link:visible")
    glossary = primary.locator("a.md-nav__link", has_text="Glossary").first
    expect(glossary).not_to_be_in_viewport()

    button = page.locator(DRAWER_BUTTON)
    expect(button).to_be_visible()
    button.click()
    expect(drawer).to_be_checked()
    expect(glossary).to_be_in_viewport(timeout=2_000)
    texts = [text.strip() for text in top_items.all_inner_texts()]
    assert len(texts) >= 8, texts
    for name in ("Home", "The Psychological Perspective", "Glossary", "About this site"):
        assert name in texts, texts
    for index in range(top_items.count()):
        expect(top_items.nth(index)).to_be_in_viewport()

    # Tapping the dimmed page beside the drawer closes it.
    page.mouse.click(PHONE["width"] - 10, PHONE["height"] // 2)
    expect(drawer).not_to_be_checked()
    expect(glossary).not_to_be_in_viewport(timeout=2_000)

    # Open again and follow a link: the page changes and the drawer is closed.
    button.click()
    expect(glossary).to_be_in_viewport(timeout=2_000)
    glossary.click()
    page.wait_for_url(urljoin(site_url, "glossary/"), timeout=NAVIGATION_MS)
    expect(page.locator("article h1")).to_have_text(re.compile("Glossary"))
    expect(drawer).not_to_be_checked()
    assert not log.problems(), log.problems()


# --- 5. Keyboard: the skip link and visible focus ----------------------------------------------

@pytest.mark.browser
def test_first_tab_reaches_the_skip_link_which_moves_to_the_content(
        reader: Callable[..., tuple[Page, PageLog]]) -> None:
    expect = _expect()
    page, log = reader()
    skip = page.locator("a.md-skip")
    expect(skip).to_have_css("opacity", "0")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_have_css("opacity", "1", timeout=2_000)
    expect(skip).to_be_in_viewport()

    heading = page.locator("article.md-content__inner h1")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#" + re.escape(heading.get_attribute("id") or "?")
                                         + "$"))
    # The heading is in view, below the sticky header rather than under it.
    header = page.locator("header.md-header").bounding_box()
    box = heading.bounding_box()
    assert header and box and box["y"] >= header["y"] + header["height"] - 1, (header, box)
    expect(heading).to_be_in_viewport()
    # Keyboard focus continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "!!document.activeElement.closest('article.md-content__inner')"
    ), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    assert not log.problems(), log.problems()


# What the focused element shows. Material hides its palette radio inputs (.md-option, 0x0) and
# draws their focus ring on the label right after them, so that label is what is checked.
FOCUS_JS = """async () => {
    // Let the focus transitions end first (the skip link fades in), for at most 1 s.
    const running = document.getAnimations()
        .filter(a => Number.isFinite(a.effect.getComputedTiming().endTime))
        .map(a => a.finished.catch(() => null));
    await Promise.race([Promise.all(running), new Promise(r => setTimeout(r, 1000))]);
    const focused = document.activeElement;
    let shown = focused;
    const hidden = r => r.width === 0 || r.height === 0;
    if (focused.matches('input.md-option') && hidden(focused.getBoundingClientRect())
        && focused.nextElementSibling && focused.nextElementSibling.tagName === 'LABEL')
        shown = focused.nextElementSibling;
    const style = getComputedStyle(shown);
    const box = shown.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && !/^(rgba?\\([^)]*\\)\\s*)?(0px\\s*)+$/
        .test(style.boxShadow.trim());
    const onScreen = !hidden(box) && box.bottom > 0 && box.right > 0
        && box.top < innerHeight && box.left < innerWidth
        && style.visibility !== 'hidden' && parseFloat(style.opacity) > 0;
    const classes = String(focused.className).trim().split(/\\s+/)
        .filter(c => c && c !== 'focus-visible');
    return {
        element: focused.tagName.toLowerCase() + classes.map(c => '.' + c).join(''),
        label: (focused.getAttribute('aria-label') || focused.innerText || '')
            .trim().slice(0, 40),
        outline: outline ? style.outlineStyle + ' ' + style.outlineWidth : 'none',
        shadow: shadow ? style.boxShadow : 'none',
        size: Math.round(box.width) + 'x' + Math.round(box.height),
        indicated: (outline || shadow) && onScreen,
    };
}"""

@pytest.fixture
def focus_stops(reader: Callable[..., tuple[Page, PageLog]]) -> list[dict[str, Any]]:
    """From a fresh load of the home page: the skip link and the FOCUS_STOPS stops after it,
    with what each focused element shows."""
    page, _ = reader()
    stops = []
    for _ in range(FOCUS_STOPS + 1):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_JS))
    assert stops[0]["element"] == "a.md-skip", stops[0]
    return stops


def _describe(stops: list[dict[str, Any]]) -> str:
    return "\n".join(f"stop {n}: {s['element']} {s['label']!r}: outline {s['outline']}, "
                     f"box-shadow {s['shadow']}, box {s['size']}" for n, s in stops)


@pytest.mark.browser
def test_every_tab_stop_shows_a_focus_indicator(focus_stops: list[dict[str, Any]]) -> None:
    missing = [(n, s) for n, s in enumerate(focus_stops) if not s["indicated"]]
    assert not missing, "focused without a visible indicator:\n" + _describe(missing)
    # The tab order did get past the header into the navigation.
    assert sum(s["element"].startswith("a.md-nav__link") for s in focus_stops) >= 5, focus_stops


# --- 6. Opened from the disk (file://), without Material's offline plugin ----------------------

@pytest.fixture
def from_disk(browser_context: BrowserContext, browser_site: Path) -> tuple[Page, PageLog]:
    page = browser_context.new_page()
    log = watch(page)
    page.goto((browser_site / "index.html").as_uri(), wait_until="load")
    return page, log


@pytest.mark.browser
def test_home_page_renders_from_the_disk(from_disk: tuple[Page, PageLog]) -> None:
    expect = _expect()
    page, log = from_disk
    expect(page.locator("article.md-content__inner h1")).to_have_text(
        re.compile("^Why We Run"))
    # Material's stylesheet and script did load: a sticky header, JavaScript on.
    expect(page.locator("header.md-header")).to_have_css("position", "sticky")
    assert page.evaluate("!document.documentElement.classList.contains('no-js')")
    expect(page.locator("nav.md-nav--primary a.md-nav__link", has_text="Glossary").first
           ).to_be_visible()
    # In-page links (the table of contents) work from the disk.
    page.locator("nav.md-nav--secondary a.md-nav__link:visible").first.click()
    expect(page).to_have_url(re.compile(r"/index\.html#[\w-]+$"))
    assert not log.problems(), log.problems()


@pytest.fixture(scope="session")
def offline_site(browser_site: Path) -> Path:
    """The offline build of the same project (mkdocs.offline.yml: Material's offline plugin,
    its Web Worker shim served from the site itself)."""
    project = browser_site.parent
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--config-file", str(project / "mkdocs.offline.yml")],
                   cwd=project, check=True, timeout=300)
    return project / "site-offline"


@pytest.fixture
def offline_from_disk(browser_context: BrowserContext,
                      offline_site: Path) -> Iterator[tuple[Page, PageLog]]:
    page = browser_context.new_page()
    log = watch(page)
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    yield page, log
    assert all(url.startswith(("file://", "data:", "blob:")) for url in log.requests), (
        "the offline build asked another host: "
        + ", ".join(u for u in log.requests if not u.startswith("file://")))


@pytest.mark.browser
@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "from file:// every link to another page of the ordinary build is a folder URL "
    "(use_directory_urls is on), so Chromium shows an 'Index of' listing instead of the page; "
    "the offline build (mkdocs.offline.yml) is the one for the disk"))
def test_nav_links_of_the_ordinary_build_open_pages_from_the_disk(
        from_disk: tuple[Page, PageLog]) -> None:
    _nav_link_opens_a_page(from_disk)


@pytest.mark.browser
def test_nav_links_of_the_offline_build_open_pages_from_the_disk(
        offline_from_disk: tuple[Page, PageLog]) -> None:
    _nav_link_opens_a_page(offline_from_disk)


def _nav_link_opens_a_page(opened: tuple[Page, PageLog]) -> None:
    expect = _expect()
    page, _ = opened
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Glossary").first.click()
    page.wait_for_load_state("load", timeout=NAVIGATION_MS)
    expect(page.locator("article.md-content__inner h1")).to_have_text(
        re.compile("Glossary"), timeout=3_000)


@pytest.mark.browser
def test_search_works_from_the_disk_in_the_offline_build(
        offline_from_disk: tuple[Page, PageLog]) -> None:
    """(The ordinary build hides its search box from file://: its Web Worker cannot start
    there; the offline build brings the iframe-worker shim and an inlined index.)"""
    expect = _expect()
    page, _ = offline_from_disk
    query = page.locator("input.md-search__input")
    expect(query).to_be_visible(timeout=2_000)
    page.keyboard.press("/")
    expect(query).to_be_focused()
    query.press_sequentially("attachment", delay=20)
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    expect(first.locator("a.md-search-result__link").first).to_have_attribute(
        "href", re.compile("attachment-styles"), timeout=SEARCH_RESULT_TIMEOUT_MS)
