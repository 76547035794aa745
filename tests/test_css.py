"""The built copy of the site's own stylesheet is minified (hooks/purge_css.py)
and must mean exactly what the source says."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.purge_css import minify
from scripts.project import DOCS

SOURCE = DOCS / "assets" / "stylesheets" / "extra.css"

RULES = """() => [...document.styleSheets].map(sheet =>
    [...sheet.cssRules].map(rule => rule.cssText))"""


def parsed(page, css: str) -> list[str]:
    """The rules as Chromium serialises them. Custom properties (--md-…) keep
    their source text, so the whitespace inside their values is normalised."""
    page.set_content("<style></style>")
    page.eval_on_selector("style", "(style, css) => { style.textContent = css; }", css)
    return [
        re.sub(r"\s*,\s*", ",", re.sub(r"\s+", " ", rule))
        for rule in page.evaluate(RULES)[0]
    ]


def test_the_built_stylesheet_is_the_minified_source(site: Path) -> None:
    built = (site / "assets" / "stylesheets" / "extra.css").read_text()
    assert built == minify(SOURCE.read_text())
    assert "/*" not in built and "\n" not in built


def test_minifying_keeps_every_rule_as_the_browser_reads_it(browser) -> None:
    source = SOURCE.read_text()
    # Cases the source may not have yet: a descendant pseudo-class, calc(),
    # a media query, a child combinator and a font name with spaces.
    source += """
.md-typeset a :hover { color: red; }
.x > .y { width: calc(100% - 2px); font-family: "Noto Sans CJK SC", sans-serif; }
@media screen and (max-width: 76.2344em) { .z { margin: 0 auto ; } }
"""
    context = browser.new_context()
    page = context.new_page()
    original, minified = parsed(page, source), parsed(page, minify(source))
    context.close()
    assert len(original) > 20
    assert minified == original
