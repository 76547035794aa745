"""Page content and metadata that MkDocs and Material do not provide.

* Chapter index pages: ``<!-- questions -->`` becomes the list of the chapter's
  questions, each with the first sentence of its short answer.
* Links to curriculum questions that have no page yet render as plain text
  marked "coming soon", and become links when the page lands. Any other broken
  link or anchor still fails the strict build.
* The first paragraph under ``## 简答 { #short-answer }`` becomes
  ``page.meta["description"]``: the meta description and the link preview.
* English pages get an English permalink title (Python-Markdown's toc extension
  has one title for the whole build).
* The templates get each page's hreflang alternates as absolute URLs.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

LANGUAGES = ("zh", "en")
CHAPTER_LIST = "<!-- questions -->"
COMING_SOON = {"zh": "（即将发布）", "en": " (coming soon)"}
PERMALINK_TITLES = {"zh": "链接到此标题", "en": "Link to this heading"}

# [text](../network/tcp-vs-udp.md) or [text](tcp-socket-flow.md#anchor)
MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)"
)
SHORT_ANSWER_SOURCE = re.compile(
    r"^## [^\n]*\{ #short-answer \}\s*\n\n(?P<text>.+?)(?:\n\n|\Z)",
    re.MULTILINE | re.DOTALL,
)
SHORT_ANSWER_HTML = re.compile(
    r'<h2 id="short-answer">.*?</h2>\s*<p>(?P<text>.*?)</p>', re.DOTALL
)
FIRST_SENTENCE = re.compile(r"^.+?(?:[。！？]|[.!?](?=\s|$))", re.DOTALL)
TAG = re.compile(r"<[^>]+>")

_questions: list[dict[str, str]] = []  # scripts/questions.json, read once per build
_unpublished: set[str] = set()  # "network/tcp-vs-udp.md" for questions not written


def page_language(page: Page) -> str:
    """English pages are built under en/, everything else is Chinese."""
    return "en" if page.file.dest_uri.startswith("en/") else "zh"


def source_path(config: MkDocsConfig, question: dict[str, str], language: str) -> Path:
    suffix = ".md" if language == "zh" else f".{language}.md"
    return Path(config.docs_dir) / question["chapter"] / (question["slug"] + suffix)


def on_pre_build(config: MkDocsConfig) -> None:
    listing = Path(config.config_file_path).parent / "scripts" / "questions.json"
    _questions[:] = json.loads(listing.read_text(encoding="utf-8"))
    _unpublished.clear()
    _unpublished.update(
        f"{q['chapter']}/{q['slug']}.md"
        for q in _questions
        if not source_path(config, q, "zh").exists()
    )


def one_line_summary(page_source: Path) -> str:
    """The first sentence of a page's short answer, as Markdown."""
    match = SHORT_ANSWER_SOURCE.search(page_source.read_text(encoding="utf-8"))
    if match is None:
        return ""
    text = " ".join(match["text"].split())
    sentence = FIRST_SENTENCE.match(text)
    return sentence[0] if sentence else text


def chapter_list(config: MkDocsConfig, chapter: str, language: str) -> str:
    """A Markdown list of a chapter's questions with a one-line summary each."""
    lines = []
    for question in _questions:
        if question["chapter"] != chapter:
            continue
        title = question["title_zh" if language == "zh" else "title_en"]
        page = source_path(config, question, language)
        if page.exists():
            link = f"**[{title}]({question['slug']}.md)**"
            lines.append(f"- {link}  \n  {one_line_summary(page)}")
        else:
            lines.append(f"- {title}{COMING_SOON[language]}")
    return "\n".join(lines)


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, **kwargs: object
) -> str:
    language = page_language(page)
    here = PurePosixPath(page.file.src_uri).parent
    if CHAPTER_LIST in markdown:
        listing = chapter_list(config, here.name, language)
        markdown = markdown.replace(CHAPTER_LIST, listing)

    def unlink_unpublished(match: re.Match[str]) -> str:
        target = posixpath.normpath((here / match["target"]).as_posix())
        if target in _unpublished:
            return match["text"] + COMING_SOON[language]
        return match[0]

    return MARKDOWN_LINK.sub(unlink_unpublished, markdown)


def on_page_content(
    html_text: str, page: Page, config: MkDocsConfig, **kwargs: object
) -> str:
    match = SHORT_ANSWER_HTML.search(html_text)
    if match and "description" not in page.meta:
        text = html.unescape(TAG.sub("", match["text"]))
        page.meta["description"] = " ".join(text.split())
    language = page_language(page)
    if language != "zh":
        html_text = html_text.replace(
            f'title="{PERMALINK_TITLES["zh"]}"', f'title="{PERMALINK_TITLES[language]}"'
        )
    return html_text


def absolute_url(config: MkDocsConfig, url: str) -> str:
    """Join a site-relative page URL (``"./"``, ``"en/x/"``) to ``site_url``."""
    site_url = config.site_url or "/"
    return site_url.rstrip("/") + "/" + url.removeprefix("./").lstrip("/")


def on_page_context(
    context: dict, page: Page, config: MkDocsConfig, **kwargs: object
) -> dict:
    """hreflang alternates for overrides/main.html: zh, en and x-default (zh)."""
    files = getattr(page.file, "alternates", None) or {page_language(page): page.file}
    alternates = [
        {
            "lang": language,
            "href": absolute_url(config, files[language].url),
            "path": files[language].url.removeprefix("./"),
        }
        for language in LANGUAGES
        if language in files
    ]
    if alternates and alternates[0]["lang"] == "zh":
        alternates.append({**alternates[0], "lang": "x-default"})
    context["page_alternates"] = alternates
    return context
