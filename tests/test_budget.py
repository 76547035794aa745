"""The performance, accessibility and SEO budget (scripts/budget.py).

Asserted here: the stable figures. Lighthouse accessibility, best practices
and SEO at 100 on the sample pages; colour contrast in the dark palette too;
first-load weight of every page; no broken link or anchor anywhere. Timings
(performance score, build time) move with the machine's load: the bench
prints them (`python3 scripts/dev.py bench`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from hooks.lazy_sections import SHOW_ALL
from scripts import lighthouse
from scripts.budget import FIRST_LOAD_BUDGET, sample_paths, site_paths
from scripts.project import ROOT
from scripts.server import StaticServer

ASSERTED = ("accessibility", "best-practices", "seo")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIRST_LOAD_TYPES = {"document", "stylesheet", "script", "font"}


SAMPLE = sample_paths()


@pytest.mark.parametrize("path", SAMPLE, ids=lambda path: f"/{path}")
def test_lighthouse_scores_are_100(server: StaticServer, path: str) -> None:
    """Accessibility, best practices and SEO (mobile preset) on one sample page."""
    report = lighthouse.run(server.url + path, ASSERTED)
    below = {c: s for c, s in report.scores.items() if s is None or s < 1}
    details = "\n".join(
        f"  {category}: {failure}"
        for category in below
        for failure in report.failures.get(category, [])
    )
    assert not below, f"/{path}: {below}\n{details}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_contrast_in_both_palettes(
    browser: object, server: StaticServer, scheme: str
) -> None:
    """axe-core (the engine behind Lighthouse's accessibility audits) on the
    sample pages, with the reader's system in light and in dark mode."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    for path in SAMPLE:
        page.goto(server.url + path)
        # Lay out every section, also those the browser would skip until
        # scrolled to (hooks/lazy_sections.py): axe checks what is rendered.
        page.add_style_tag(content=SHOW_ALL)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => (await axe.run(document, {runOnly:
                 ['color-contrast', 'link-in-text-block']})).violations.map(
                 v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5)
                   .join(' | '))"""
        )
        problems += [f"/{path}: {violation}" for violation in result]
    context.close()
    assert not problems, f"{scheme} palette:\n" + "\n".join(problems)


def first_load_bytes(page: Page, url: str) -> tuple[int, list[str]]:
    """Compressed bytes of the HTML, CSS, JS and fonts a page loads."""
    responses = []

    def record(response: object) -> None:
        responses.append(response)

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    # Material's bundle and site.js load on the reader's first interaction
    # (overrides/main.html): move the pointer, so that they count too.
    page.mouse.move(5, 5)
    page.wait_for_function("() => window.document$ !== undefined")
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    total, lines, seen = 0, [], set()
    for response in responses:
        # Started after the page has loaded, Material's bundle requests the
        # stylesheets again; the browser answers from its cache (the server
        # sends Cache-Control as GitHub Pages does), so each URL counts once.
        if response.url in seen:
            continue
        seen.add(response.url)
        if response.request.resource_type in FIRST_LOAD_TYPES:
            sizes = response.request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            total += size
            lines.append(f"{size:>7,} {response.url}")
    return total, lines


def test_every_page_is_within_the_first_load_budget(
    page: Page, server: StaticServer, site: Path
) -> None:
    over = []
    for path in site_paths(site):
        total, lines = first_load_bytes(page, server.url + path)
        if total > FIRST_LOAD_BUDGET:
            over.append(f"/{path}: {total:,} B\n    " + "\n    ".join(lines))
    assert not over, f"over {FIRST_LOAD_BUDGET:,} B compressed:\n" + "\n".join(over)


def test_no_broken_links_or_anchors(server: StaticServer) -> None:
    """LinkChecker crawls the whole site from the home page (both languages are
    linked from it) and checks every internal link and #anchor."""
    config = Path(__file__).with_name("linkcheckerrc")
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("linkchecker")),
            "--config",
            str(config),
            "--no-status",
            "--output",
            "text",
            server.url,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = re.search(r"(\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert summary, f"unexpected LinkChecker output:\n{result.stdout}\n{result.stderr}"
    checked = re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout)
    assert checked and int(checked[1]) > 50, result.stdout
    assert summary.groups() == ("0", "0"), result.stdout
