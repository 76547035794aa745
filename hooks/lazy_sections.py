"""Let the browser lay out a long answer one section at a time.

The first load of a long question page used to spend most of its main-thread
time on style and layout of the whole article, although a phone shows only
the title and the short answer. This hook cuts the article at every top-level
``<h2>`` and ``<h3>`` into ``<section class="md-chunk">`` blocks; the CSS in
extra.css gives every chunk after the first two ``content-visibility: auto``,
so the browser skips its layout and paint until it comes near the viewport.
Skipped content stays in the DOM, the accessibility tree, find-in-page and
anchor navigation (a link to ``#heading`` renders that chunk first).

Each chunk carries an estimate of its height (``contain-intrinsic-size``)
from its text and code lines, so the scroll bar is about right before the
chunk has been rendered; once rendered, the browser remembers the real size.

It runs in ``on_post_page``, after the search plugin has read the page, so
the search index is exactly what it would be without chunks.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ARTICLE = re.compile(
    r'(<article class="md-content__inner md-typeset">)(?P<body>.*?)(</article>)',
    re.DOTALL,
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}  # fmt: skip
TAG = re.compile(r"<[^>]+>")
HEADING_ONLY = re.compile(r"\s*<(h[2-6])\b.*?</\1>\s*", re.DOTALL)
# The height estimate, in CSS pixels at the 412 px width of Lighthouse's phone:
# a least-squares fit of the rendered heights of all 640 lazy chunks of the
# site (November 2026), times a margin. The estimate must not fall short: a
# skipped chunk keeps its estimated size, and content that would overflow it
# lands on top of the next chunk or the footer (overlapping links, as the
# accessibility audit sees them). Too tall only lengthens the scroll bar until
# the chunk is rendered.
PX_PER_LATIN_CHAR = 0.55
PX_PER_CJK_CHAR = 1.2
PX_PER_CODE_LINE = 20
PX_PER_BLOCK = 26  # paragraph, list item, heading, figure, code block
PX_PER_TABLE_ROW = 51
PX_PER_DIAGRAM = 184
MARGIN = 1.4  # the fit's largest real/estimated ratio was 1.38
# For tests and audits that must see every section laid out.
SHOW_ALL = ".md-chunk--lazy { content-visibility: visible }"
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


class _TopLevelHeadings(HTMLParser):
    """Offsets of the <h2>/<h3> tags that are direct children of the article."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0]
        for match in re.finditer("\n", text):
            self._line_starts.append(match.end())
        self.depth = 0
        self.offsets: list[tuple[int, str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("h2", "h3") and self.depth == 0:
            line, column = self.getpos()
            self.offsets.append((self._line_starts[line - 1] + column, tag))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        pass  # <br/>, <path ... />: no change of depth

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth -= 1


def estimate_height(chunk: str) -> int:
    """A generous height for a chunk of HTML on a phone-width column."""
    code_lines = sum(
        pre.count("\n") + 1 for pre in re.findall(r"<pre.*?</pre>", chunk, re.DOTALL)
    )
    prose = re.sub(r"<pre.*?</pre>|<svg.*?</svg>", "", chunk, flags=re.DOTALL)
    text = TAG.sub("", prose)
    cjk = len(CJK.findall(text))
    blocks = len(re.findall(r'<(?:p|li|h[2-6]|figure|div class="highlight")\b', prose))
    height = (
        (len(text) - cjk) * PX_PER_LATIN_CHAR
        + cjk * PX_PER_CJK_CHAR
        + code_lines * PX_PER_CODE_LINE
        + blocks * PX_PER_BLOCK
        + len(re.findall(r"<tr\b", prose)) * PX_PER_TABLE_ROW
        + chunk.count("<svg") * PX_PER_DIAGRAM
    )
    return max(100, math.ceil(height * MARGIN / 10) * 10)


def chunk_article(body: str) -> str:
    offsets = _TopLevelHeadings(body).offsets
    # A heading directly followed by another (h2 "In depth", then its first
    # h3) stays in one chunk with it: Material draws that pair closer together
    # than two separate chunks' margins would.
    offsets = [
        (offset, tag)
        for index, (offset, tag) in enumerate(offsets)
        if index == 0
        or not HEADING_ONLY.fullmatch(body[offsets[index - 1][0] : offset])
    ]
    if not offsets:
        return body
    bounds = [offset for offset, _ in offsets] + [len(body.rstrip())]
    parts = [body[: bounds[0]]]
    for index, (start, tag) in enumerate(offsets):
        chunk = body[start : bounds[index + 1]]
        classes = f"md-chunk md-chunk--{tag}"
        style = ""
        if index >= 2:
            classes += " md-chunk--lazy"
            style = f' style="contain-intrinsic-size:auto {estimate_height(chunk)}px"'
        parts.append(f'<section class="{classes}"{style}>{chunk}</section>')
    parts.append(body[bounds[-1] :])
    return "".join(parts)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    match = ARTICLE.search(output)
    if not match:
        return output
    body = chunk_article(match.group("body"))
    return output[: match.start("body")] + body + output[match.end("body") :]
