"""Accessibility: axe-core finds no violation on any page of the bundled site, in the light
palette or the dark one.

Every page the navigation links to, and the 404 page, is checked with axe-core's default rule
set (WCAG 2.0/2.1 A and AA and best practices). On the first page whose quiz has an answer
with a glossary term in it, that answer is opened and the term's tooltip shown first, so that
their colours are checked too. axe-core
comes from npm (package.json pins it): without node_modules/axe-core the tests are skipped,
unless REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import pytest

from .conftest import REPO, launch, nav_pages, settle

if TYPE_CHECKING:
    from playwright.sync_api import Page, Playwright

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCHEME = "data-md-color-scheme"
TOGGLE = "form[data-md-component=palette] label.md-header__button:visible"
# A quiz answer with a glossary term in it.
ANSWER_WITH_TERM = ".ms-quiz details:has(abbr)"
# How many target selectors of each violation the failure message shows.
SHOWN_TARGETS = 3

# WCAG AA's least contrast for text of a tooltip's size (normal text).
MIN_CONTRAST = 4.5

# axe.run with every rule it runs by default (no tag filter); only violations are reported
# in full, which saves time and changes no result.
RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ['violations']});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(n => n.target.map(String).join(' >>> ')),
    }));
}"""

# The contrast of a shown tooltip's text with its own background (opaque, checked), by WCAG's
# formula: axe-core leaves floating elements "incomplete", so it never rules on it.
TOOLTIP_CONTRAST = """el => {
    const rgba = value => {
        const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
        return {r, g, b, a};
    };
    const style = getComputedStyle(el);
    const bg = rgba(style.backgroundColor), fg = rgba(style.color);
    const mix = c => fg[c] * fg.a + bg[c] * (1 - fg.a);
    const lum = ([r, g, b]) => [r, g, b]
        .map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [lum([mix('r'), mix('g'), mix('b')]), lum([bg.r, bg.g, bg.b])]
        .sort((x, y) => y - x);
    return {ratio: (hi + 0.05) / (lo + 0.05), opaque: bg.a === 1,
            color: style.color, background: style.backgroundColor};
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The text of axe-core's axe.min.js, installed by `npm ci` (session-scoped, so that
    without it the tests stop before the site is built)."""
    if not AXE.is_file():
        message = f"{AXE.relative_to(REPO)} is missing: run `npm ci` in {REPO}"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but axe-core is not installed: {message}",
                        pytrace=False)
        pytest.skip(f"accessibility tests skipped: {message}")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """Inject axe-core into `page` and run it over the whole document."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return violations


def describe(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation: where, rule id, impact, and its first target selectors."""
    lines = []
    for v in violations:
        targets = v["targets"]
        more = f" (+{len(targets) - SHOWN_TARGETS} more)" if len(targets) > SHOWN_TARGETS else ""
        lines.append(f"{where}: {v['id']} [{v['impact']}] {v['help']}; "
                     f"{len(targets)} node(s): {', '.join(targets[:SHOWN_TARGETS])}{more}")
    return lines


def show_answer_and_tooltip(page: Page, where: str) -> list[str]:
    """Open the page's first quiz answer with a glossary term in it and hover the term until
    its tooltip shows; returns what is wrong with the tooltip's contrast."""
    answer = page.locator(ANSWER_WITH_TERM).first
    answer.locator("summary").click()
    assert answer.get_attribute("open") is not None, "the quiz answer did not open"
    answer.locator("abbr").first.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner").first
    tooltip.wait_for(state="visible")
    contrast: dict[str, Any] = tooltip.evaluate(TOOLTIP_CONTRAST)
    if contrast["opaque"] and contrast["ratio"] >= MIN_CONTRAST:
        return []
    return [f"{where}: tooltip text {contrast['color']} on {contrast['background']} has "
            f"contrast {contrast['ratio']:.2f}, below {MIN_CONTRAST} (or see-through)"]


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_no_axe_violations(axe_source: str, playwright_driver: Playwright, site_url: str,
                           tmp_path: Path, scheme: str) -> None:
    # One browser per palette; the browser prefers light, so dark is chosen the way a reader
    # does it, with the header's toggle, and Material remembers it for the next pages.
    context = launch(playwright_driver, tmp_path / "chromium-profile")
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="load")
        settle(page)
        pages = nav_pages(page)
        for expected in ("glossary/", "topics/", "about/"):
            assert urljoin(site_url, expected) in pages, pages
        assert len(pages) >= 10, pages
        if scheme == "slate":
            page.locator(TOGGLE).click()
        assert page.get_attribute("body", SCHEME) == scheme

        problems: list[str] = []
        interacted = saw_figure = False
        for url in [*pages, urljoin(site_url, "404.html")]:
            if url != page.url:
                page.goto(url, wait_until="load")
            where = f"{scheme} {url.removeprefix(site_url) or '/'}"
            assert page.get_attribute("body", SCHEME) == scheme, f"{where}: wrong palette"
            saw_figure = saw_figure or page.locator(".ms-figure").count() > 0
            shown = not interacted and page.locator(ANSWER_WITH_TERM).count() > 0
            if shown:
                where += " (answer open, tooltip shown)"
                problems += show_answer_and_tooltip(page, where)
                interacted = True
            problems += describe(where, axe_violations(page, axe_source))
            if shown:
                # The tooltip was still up when axe finished, so axe saw it.
                assert page.locator(".md-tooltip2--active").count(), "the tooltip went away"

        assert interacted, "no page has a quiz answer with a glossary term to open"
        assert saw_figure, "no page has a .ms-figure block"
        assert not problems, (f"{len(problems)} accessibility violation(s) in the {scheme} "
                              "palette:\n" + "\n".join(problems))
    finally:
        context.close()
