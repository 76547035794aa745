"""The built site in Chromium, as a reader uses it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from hooks.lazy_sections import SHOW_ALL
from scripts.lighthouse import PHONE
from scripts.server import StaticServer

QUESTION = "sockets/tcp-sticky-packets/"
RESULT_LINKS = ".md-search-result__item > .md-search-result__link"


def search(page: Page, query: str) -> list[str]:
    """Type a query the way an input method does (input events, no key events)
    and return the paths of the result pages, best first."""
    field = page.locator("[data-md-component=search-query]")
    if not field.is_visible():
        page.locator("label[for=__search]").first.click()
    field.click()
    field.fill("")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^(键入|Type)"))
    page.keyboard.insert_text(query)
    # "找到 1 个符合条件的结果", "2 matching documents", "没有找到…", "No matching…"
    expect(meta).to_have_text(re.compile(r"结果|documents?$"))
    links = page.locator(RESULT_LINKS).all()
    return [urlsplit(link.get_attribute("href")).path for link in links]


def pages(results: list[str]) -> list[str]:
    """Result paths without repeats (a page and its sections), best first."""
    return list(dict.fromkeys(results))


def language_link(page: Page, language: str):
    return page.locator(f".md-select__link[hreflang={language}]")


def switch_language(page: Page, language: str) -> None:
    page.locator(".md-header__option .md-select").first.hover()
    language_link(page, language).click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def test_language_switch_follows_the_page_after_navigation(
    page: Page, server: StaticServer
) -> None:
    page.goto(server.url)
    # Navigate with instant navigation: home -> chapter -> question.
    page.locator("article a[href$='sockets/']").first.click()
    expect(page).to_have_url(server.url + "sockets/")
    page.locator("article a[href$='tcp-sticky-packets/']").first.click()
    expect(page).to_have_url(server.url + QUESTION)
    switch_language(page, "en")
    expect(page).to_have_url(server.url + "en/" + QUESTION)
    expect(page.locator("h1")).to_contain_text("sticky packet")
    # And back, after moving to another English page.
    page.locator(".md-footer__link--prev").click()
    expect(page).to_have_url(re.compile(re.escape(server.url + "en/") + ".+"))
    english_url = page.url
    switch_language(page, "zh")
    expect(page).to_have_url(english_url.replace("/en/", "/"))


def test_chinese_search_finds_compound_terms_and_their_parts(
    page: Page, server: StaticServer
) -> None:
    page.goto(server.url)
    for query in ["粘包", "半包", "粘包问题", "消息边界", "TCP粘包"]:
        results = pages(search(page, query))
        assert "/" + QUESTION in results[:3], (query, results)
    # Compound words and their parts find the page that is about them.
    for query in ["三次握手", "握手", "四次挥手", "挥手"]:
        results = pages(search(page, query))
        assert "/network/tcp-handshake/" in results[:3], (query, results)
    assert all(not path.startswith("/en/") for path in search(page, "TCP"))


def test_english_search_matches_words_and_prefixes(
    page: Page, server: StaticServer
) -> None:
    page.goto(server.url + "en/")
    for query in ["sticky", "stick", "framing", "length prefix"]:
        results = pages(search(page, query))
        assert "/en/" + QUESTION in results[:3], (query, results)
    # A prefix matches every word it starts (fram: framing, frame, framework).
    assert "/en/" + QUESTION in search(page, "fram")
    socket_results = search(page, "sock")
    assert "/en/" + QUESTION in socket_results
    assert all(path.startswith("/en/") for path in socket_results)


def test_a_heading_link_opens_at_its_heading(page: Page, server: StaticServer) -> None:
    page.goto(server.url + QUESTION)
    permalink = page.locator("h3#causes a.headerlink")
    expect(permalink).to_have_count(1)
    permalink.click()
    expect(page).to_have_url(server.url + QUESTION + "#causes")
    page.goto(server.url + "en/" + QUESTION + "#causes")
    expect(page.locator("h3#causes")).to_be_in_viewport()


@pytest.mark.parametrize("anchor", ["code", "references", "related"])
def test_a_link_into_a_lazy_section_lands_on_its_heading(
    phone: Page, server: StaticServer, anchor: str
) -> None:
    """Sections far down a page are laid out only near the viewport
    (hooks/lazy_sections.py): a deep link must still open at its heading, on a
    phone, and stay there while the sections above it render."""
    phone.goto(f"{server.url}{QUESTION}#{anchor}")
    heading = phone.locator(f"h2#{anchor}")
    expect(heading.locator("xpath=ancestor::section[1]")).to_have_class(
        re.compile(r"\bmd-chunk--lazy\b")
    )
    phone.wait_for_timeout(500)  # let the rendering of nearby sections settle
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    header = phone.locator(".md-header").evaluate(
        "h => h.getBoundingClientRect().bottom"
    )
    # A heading near the end of the page cannot reach the top: then the page
    # must be scrolled to its end, with the heading in view.
    at_end = phone.evaluate(
        "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2"
    )
    bottom = PHONE["height"] if at_end else header + 80
    assert header - 1 <= top <= bottom, (anchor, top, at_end)


def test_lazy_sections_are_estimated_tall_enough(
    phone: Page, server: StaticServer, site
) -> None:
    """A skipped section keeps the height hooks/lazy_sections.py estimated for
    it. If its content is taller, the content overflows onto the next section
    or the footer, and the accessibility audit finds overlapping links. On a
    phone (the narrowest column, the tallest sections), every estimate must
    cover what the section really needs."""
    pages = sorted(
        index.parent.relative_to(site).as_posix() + "/"
        for index in site.glob("**/index.html")
        if 'class="md-chunk md-chunk' in index.read_text()
    )
    assert len(pages) >= 72, pages  # every question page in both languages
    short = []
    for path in pages:
        phone.goto(server.url + path)
        phone.add_style_tag(content=SHOW_ALL)
        for estimate, real, heading in phone.eval_on_selector_all(
            ".md-chunk--lazy",
            """chunks => chunks.map(chunk => [
                parseFloat(chunk.style.containIntrinsicSize.split(" ").pop()),
                chunk.getBoundingClientRect().height,
                chunk.querySelector("h2, h3").id,
            ])""",
        ):
            if real > estimate:
                short.append(
                    f"{path}#{heading}: estimated {estimate:.0f}px, needs {real:.0f}px"
                )
    assert not short, (
        "raise the constants in hooks/lazy_sections.py (estimate_height):\n"
        + "\n".join(short)
    )


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("no/such/page/", "zh", "页面不存在"),
        ("en/no/such/page/", "en", "Page not found"),
    ],
)
def test_a_bad_url_shows_a_404_in_its_language(
    page: Page, server: StaticServer, path: str, language: str, title: str
) -> None:
    response = page.goto(server.url + path)
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(title)
    expect(page).to_have_url(server.url + path)


SAMPLE = ["", QUESTION, "sockets/", "tags/", "no/such/page/"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_request_goes_to_the_site_itself(
    page: Page, server: StaticServer, language: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    prefix = "en/" if language == "en" else ""
    for path in SAMPLE:
        page.goto(server.url + prefix + path)
        page.wait_for_load_state("networkidle")
    search(page, "TCP")  # the worker and the search index load too
    origin = server.url.rstrip("/")
    foreign = [
        url
        for url in requests
        if not url.startswith(origin) and not url.startswith("data:")
    ]
    assert not foreign, f"requests to other hosts: {sorted(set(foreign))}"
    assert any(url.endswith(f"search/{language}.json") for url in requests)
    broken = [
        url
        for url in requests
        if "sitemap.xml" in url and url != origin + "/sitemap.xml"
    ]
    assert not broken, f"requests for sitemaps that do not exist: {broken}"


def test_scripts_wait_for_the_reader_and_nothing_is_lost(
    page: Page, server: StaticServer
) -> None:
    """Material's bundle loads on the first interaction (overrides/main.html).
    Before it: search field and palette toggle are shown, no script is
    fetched. A palette click made before it still switches the palette, and
    the page's components (copy buttons) start once it has loaded."""
    scripts: list[str] = []
    page.on(
        "request",
        lambda request: (
            scripts.append(request.url) if request.resource_type == "script" else None
        ),
    )
    page.goto(server.url + "en/" + QUESTION, wait_until="networkidle")
    assert scripts == [], f"scripts fetched before any interaction: {scripts}"
    expect(page.locator("[data-md-component=search-query]")).to_be_visible()
    toggle = page.locator("[data-md-component=palette] label:not([hidden])")
    expect(toggle).to_have_count(1)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme") or "default"
    after = "slate" if before == "default" else "default"
    # A click that arrives before the bundle (no pointer movement first).
    toggle.dispatch_event("click")
    expect(body).to_have_attribute("data-md-color-scheme", after)
    assert any("bundle." in url for url in scripts), scripts
    expect(page.locator(".md-code__button").first).to_be_attached()
