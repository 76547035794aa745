"""Drop the CSS rules of Material's stylesheets that can never match on this site.

Material ships one stylesheet for every feature it has: blogs, Mermaid, cards,
keyboard keys, maths, consent banners, all nineteen colour palettes. A page
of ours needs a fraction of it, and the first-load budget (80 KB compressed
for HTML, CSS, JS and fonts) has no room for the rest.

After the last language is built, this hook reads every HTML and JavaScript
file of the site and removes each selector that names a class, or a
``data-md-color-*`` value, that appears in none of them. A rule whose
selectors are all removed goes; everything else (at-rules, variables,
selectors without classes) stays untouched. Material builds three class names
from parts at run time; ``DYNAMIC_PREFIXES`` keeps those. A page that starts
to use a feature (an admonition, say) brings its class into the HTML and so
keeps its CSS on the next build.

The site's own stylesheet, extra.css, is written to be read: comments and
indentation. The built copy drops them (``minify``), which saves about half of
its compressed size on every first load.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

STYLESHEETS = ("main.*.min.css", "palette.*.min.css")
OWN_STYLESHEET = "extra.css"  # ours, readable in the source: minified in the build
# Class names Material's JavaScript assembles: `md-color-${…}`, `md-tag--${…}`…
DYNAMIC_PREFIXES = ("md-color-", "md-source__fact--", "md-tag--")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
PALETTE_VALUE = re.compile(r"\[data-md-color-(?:primary|accent|scheme)=([\w-]+)\]")


def split_selectors(selector_list: str) -> list[str]:
    """Split on top-level commas only (not those inside :is(...), :not(...))."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selector_list):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector_list[start:index])
            start = index + 1
    parts.append(selector_list[start:])
    return parts


def words(text: str) -> set[str]:
    """Every word-like token (``md-nav__link``, ``slate``) of HTML or JavaScript."""
    return set(re.findall(r"[\w-]+", text))


def purge(css: str, used: set[str]) -> str:
    """Remove the selectors of ``css`` that name a class absent from ``used``."""

    def can_match(selector: str) -> bool:
        for name in CLASS.findall(selector):
            if name not in used and not name.startswith(DYNAMIC_PREFIXES):
                return False
        return all(value in used for value in PALETTE_VALUE.findall(selector))

    output: list[str] = []
    position = 0
    # Minified CSS: "selectors{declarations}", "@media …{", "}" in sequence.
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}|[^{}]+\{|\}", css):
        if match.start() != position:
            raise PluginError("hooks/purge_css.py: unexpected CSS syntax")
        position = match.end()
        selectors = match.group(1)
        if selectors is None or selectors.lstrip().startswith("@"):
            output.append(match.group(0))  # at-rule opener, closer, @font-face…
            continue
        kept = [s for s in split_selectors(selectors) if can_match(s)]
        if kept:
            output.append(",".join(kept) + "{" + match.group(2) + "}")
    output.append(css[position:])  # a trailing comment (source map)
    result = "".join(output)
    # At-rule blocks left empty, e.g. "@media print{}", repeatedly for nesting.
    while True:
        shorter = re.sub(r"@(?:media|supports)[^{}]*\{\}", "", result)
        if shorter == result:
            return result
        result = shorter


def minify(css: str) -> str:
    """Drop comments and the whitespace that carries no meaning.

    Only whitespace next to ``{ } ; , >`` and after ``:`` goes: a space before
    ``:`` is a descendant combinator (``a :hover``) and stays, as does the
    space in ``calc(a + b)`` and in ``and (`` of a media query. Strings in
    extra.css hold font names only, whose single spaces are kept.
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    return css.replace(";}", "}").strip()


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language: not every page exists yet
    site = Path(config.site_dir)
    sources = [*site.rglob("*.html"), *site.rglob("*.js")]
    used: set[str] = set()
    for path in sources:
        used |= words(path.read_text(encoding="utf-8", errors="ignore"))
    for pattern in STYLESHEETS:
        for stylesheet in (site / "assets" / "stylesheets").glob(pattern):
            css = stylesheet.read_text(encoding="utf-8")
            stylesheet.write_text(purge(css, used), encoding="utf-8")
    own = site / "assets" / "stylesheets" / OWN_STYLESHEET
    if own.exists():
        own.write_text(minify(own.read_text(encoding="utf-8")), encoding="utf-8")
