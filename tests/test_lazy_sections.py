"""hooks/lazy_sections.py: long answers are cut into chunks the browser may
lay out lazily, without changing what the page says or where its anchors go."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.lazy_sections import chunk_article

ARTICLE = """
<h1 id="t">Title</h1>
<h2 id="short-answer">Short answer</h2>
<p>One.</p>
<h2 id="in-depth">In depth</h2>
<h3 id="a">A</h3>
<p>Two.</p>
<details><summary>x</summary><h3 id="nested">Nested</h3><p>n</p></details>
<h3 id="b">B</h3>
<pre><code>1
2
3</code></pre>
<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>
<h2 id="references">References</h2>
<ul><li>r</li></ul>
"""


def test_chunks_start_at_top_level_headings_and_keep_everything() -> None:
    html = chunk_article(ARTICLE)
    # Nothing added or lost but the section tags themselves.
    assert re.sub(r"</?section[^>]*>", "", html) == ARTICLE
    starts = re.findall(r'<section class="([^"]*)"[^>]*>\s*<h\d id="([^"]+)"', html)
    # "In depth" and its first h3 stay together; the nested h3 starts nothing.
    assert [anchor for _, anchor in starts] == [
        "short-answer",
        "in-depth",
        "b",
        "references",
    ]
    assert html.count("<section") == html.count("</section>") == 4
    # The first two chunks are always laid out; later ones lazily, with an
    # estimated height that grows with their content.
    lazy = ["md-chunk--lazy" in classes for classes, _ in starts]
    assert lazy == [False, False, True, True]
    heights = [int(h) for h in re.findall(r"contain-intrinsic-size:auto (\d+)px", html)]
    assert len(heights) == 2 and heights[0] > heights[1] >= 100


def test_a_page_without_headings_is_unchanged() -> None:
    assert chunk_article("<p>Only text</p>") == "<p>Only text</p>"


def test_built_pages_are_chunked(site: Path) -> None:
    page = (site / "sockets" / "tcp-sticky-packets" / "index.html").read_text()
    article = page.split('<article class="md-content__inner md-typeset">')[1]
    assert article.count('<section class="md-chunk') >= 8
    assert "md-chunk--lazy" in article
