"""The built site: languages, <head> metadata, sitemap, 404 pages, search indexes,
and nothing loaded from another host."""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts.project import DOCS, chinese_pages, question_pages, relative

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is unset


class Head(HTMLParser):
    """Collects <html lang>, <link>, <meta> and every src/href of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.links: list[dict[str, str]] = []
        self.meta: dict[str, str] = {}
        self.resources: list[str] = []  # URLs the browser loads by itself

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link":
            self.links.append(a)
            if a.get("rel") in {
                "stylesheet",
                "icon",
                "preload",
                "modulepreload",
                "preconnect",
            }:
                self.resources.append(a.get("href", ""))
        elif tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.meta[key] = a.get("content", "")
        if tag in {
            "script",
            "img",
            "iframe",
            "source",
            "video",
            "audio",
            "embed",
        } and a.get("src"):
            self.resources.append(a["src"])


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def built_page(site: Path, source: Path, language: str) -> Path:
    """The HTML file built from a Markdown source, in a language."""
    rel = source.relative_to(DOCS).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    prefix = ["en"] if language == "en" else []
    return site.joinpath(*prefix, *parts, "index.html")


def page_url(source: Path, language: str) -> str:
    rel = source.relative_to(DOCS).with_suffix("")
    parts = (
        [p for p in rel.parts if p != "index"]
        if rel.name == "index"
        else list(rel.parts)
    )
    path = "/".join(parts) + ("/" if parts else "")
    return SITE_URL + ("en/" if language == "en" else "") + path


SOURCES = chinese_pages()


@pytest.mark.parametrize("source", SOURCES, ids=relative)
def test_each_language_is_built_with_its_own_lang(site: Path, source: Path) -> None:
    for language in ("zh", "en"):
        html = built_page(site, source, language)
        assert html.exists(), f"{relative(source)} was not built for {language}: {html}"
        assert parse(html).lang == language, f"{html} has the wrong <html lang>"


def test_english_pages_are_english(site: Path) -> None:
    """No page under /en/ falls back to Chinese content."""
    for html in (site / "en").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert parse(html).lang == "en", f"{html.relative_to(site)} is not English"
        assert 'placeholder="Search"' in text, f"{html.relative_to(site)}: theme labels"


@pytest.mark.parametrize("source", SOURCES, ids=relative)
def test_head_has_canonical_hreflang_and_previews(site: Path, source: Path) -> None:
    for language in ("zh", "en"):
        head = parse(built_page(site, source, language))
        canonical = [
            link["href"] for link in head.links if link.get("rel") == "canonical"
        ]
        assert canonical == [page_url(source, language)]
        alternates = {
            link["hreflang"]: link["href"]
            for link in head.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        assert alternates == {
            "zh": page_url(source, "zh"),
            "en": page_url(source, "en"),
            "x-default": page_url(source, "zh"),
        }
        assert head.meta.get("description"), "meta description"
        assert head.meta.get("og:title") and head.meta.get("og:description")
        assert head.meta.get("og:url") == page_url(source, language)
        assert head.meta.get("og:locale") == ("en_US" if language == "en" else "zh_CN")
        assert head.meta.get("twitter:card") == "summary"
        assert head.meta.get("twitter:description") == head.meta["description"]


@pytest.mark.parametrize("source", question_pages(), ids=relative)
def test_description_is_the_short_answer(site: Path, source: Path) -> None:
    from scripts.project import english_twin

    for language, md in (("zh", source), ("en", english_twin(source))):
        text = md.read_text(encoding="utf-8")
        paragraph = re.search(r"\{ #short-answer \}\s*\n\n(.+?)\n\n", text, re.DOTALL)[
            1
        ]
        words = re.sub(r"[`*_]", "", paragraph).split()[:4]
        description = parse(built_page(site, source, language)).meta["description"]
        assert description.split()[:4] == words, (
            f"{relative(md)}: meta description should start with the short answer"
        )


def test_sitemap_lists_every_page_with_alternates(site: Path) -> None:
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    for source in SOURCES:
        for language in ("zh", "en"):
            assert entries.get(page_url(source, language)) == {
                "zh": page_url(source, "zh"),
                "en": page_url(source, "en"),
                "x-default": page_url(source, "zh"),
            }, f"sitemap entry of {page_url(source, language)}"


def test_a_404_page_in_each_language(site: Path) -> None:
    zh, en = parse(site / "404.html"), parse(site / "en" / "404.html")
    assert (zh.lang, en.lang) == ("zh", "en")
    assert "页面不存在" in (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (site / "en" / "404.html").read_text(encoding="utf-8")


def test_search_index_per_language(site: Path) -> None:
    stub = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert stub["docs"] == [], "the index fetched on page load must be empty"
    zh = json.loads((site / "search" / "zh.json").read_text("utf-8"))
    en = json.loads((site / "search" / "en.json").read_text("utf-8"))
    assert zh["docs"] and all(not d["location"].startswith("en/") for d in zh["docs"])
    assert en["docs"] and all(d["location"].startswith("en/") for d in en["docs"])
    assert "stemmer" not in en["config"]["pipeline"], "prefix search needs no stemmer"
    # jieba keeps domain terms whole and the keywords field adds their parts
    tokens = " ".join(d["text"] + " " + d.get("keywords", "") for d in zh["docs"])
    assert "\u200b粘包\u200b" in tokens
    three_way = [d for d in zh["docs"] if "三次握手" in d["text"]]
    if three_way:
        assert all("握手" in d.get("keywords", "").split() for d in three_way)


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    """Scripts, styles, fonts, images and frames all come from the site itself."""
    for html in site.rglob("*.html"):
        for url in parse(html).resources:
            assert not re.match(r"^(https?:)?//", url) or url.startswith(SITE_URL), (
                f"{html.relative_to(site)} loads {url} from another host"
            )
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), css
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css


def test_chapter_pages_list_their_questions(site: Path) -> None:
    from scripts.project import questions

    for language, prefix, soon in (
        ("zh", "", "即将发布"),
        ("en", "en/", "coming soon"),
    ):
        for chapter in {q.chapter for q in questions()}:
            text = (site / prefix / chapter / "index.html").read_text(encoding="utf-8")
            for question in (q for q in questions() if q.chapter == chapter):
                title = question.title_zh if language == "zh" else question.title_en
                written = (DOCS / chapter / f"{question.slug}.md").exists()
                if written:
                    assert f'href="{question.slug}/"' in text, (chapter, question.slug)
                else:
                    assert (
                        html_escape(title, quote=False)
                        + ("（" if language == "zh" else " (")
                        + soon
                        in text
                    )
