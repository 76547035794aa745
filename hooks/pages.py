"""Per-page metadata: the meta description and the language of theme strings.

* The curriculum makes the first paragraph under "## 简答 { #short-answer }"
  the page's summary, so it becomes ``page.meta["description"]``, which the
  templates use for <meta name="description">, Open Graph and Twitter tags.
* Python-Markdown's toc extension has one permalink title for the whole
  build; English pages get the English one.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SHORT_ANSWER = re.compile(
    r'<h2 id="short-answer">.*?</h2>\s*<p>(?P<text>.*?)</p>', re.DOTALL
)
TAG = re.compile(r"<[^>]+>")
PERMALINK_TITLES = {"zh": "链接到此标题", "en": "Link to this heading"}


def page_language(page: Page) -> str:
    """Return the page's language: English pages are built under en/."""
    return "en" if page.file.dest_uri.startswith("en/") else "zh"


def summary(page_html: str) -> str | None:
    """Return the short answer's first paragraph as plain text, if any."""
    match = SHORT_ANSWER.search(page_html)
    if match is None:
        return None
    text = html.unescape(TAG.sub("", match["text"]))
    return re.sub(r"\s+", " ", text).strip()


def on_page_content(
    html_text: str, page: Page, config: MkDocsConfig, **kwargs: object
) -> str:
    description = summary(html_text)
    if description and "description" not in page.meta:
        page.meta["description"] = description
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
    """Give the templates this page's hreflang alternates as absolute URLs."""
    files = getattr(page.file, "alternates", None) or {page_language(page): page.file}
    alternates = [
        {
            "lang": language,
            "href": absolute_url(config, files[language].url),
            "path": files[language].url.removeprefix("./"),
        }
        for language in ("zh", "en")
        if language in files
    ]
    if alternates and alternates[0]["lang"] == "zh":
        alternates.append({**alternates[0], "lang": "x-default"})
    context["page_alternates"] = alternates
    return context


# [text](../network/tcp-vs-udp.md) or [text](tcp-socket-flow.md#anchor)
MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)"
)
COMING_SOON = {"zh": "（即将发布）", "en": " (coming soon)"}


CHAPTER_LIST = "<!-- questions -->"
SHORT_ANSWER_SOURCE = re.compile(
    r"^## [^\n]*\{ #short-answer \}\s*\n\n(?P<text>.+?)(?:\n\n|\Z)",
    re.MULTILINE | re.DOTALL,
)
FIRST_SENTENCE = re.compile(r"^.+?(?:[。！？]|[.!?](?=\s|$))", re.DOTALL)
_questions: list[dict[str, str]] = []


def on_pre_build(config: MkDocsConfig) -> None:
    """Load the list of published questions (scripts/questions.json) once per build."""
    listing = Path(config.config_file_path).parent / "scripts" / "questions.json"
    _questions[:] = json.loads(listing.read_text(encoding="utf-8"))


def source_path(config: MkDocsConfig, question: dict[str, str], language: str) -> Path:
    suffix = ".md" if language == "zh" else f".{language}.md"
    return Path(config.docs_dir) / question["chapter"] / (question["slug"] + suffix)


def unpublished_questions(config: MkDocsConfig) -> set[str]:
    """Docs-relative paths (``network/tcp-vs-udp.md``) of curriculum questions
    that have no page yet."""
    return {
        f"{q['chapter']}/{q['slug']}.md"
        for q in _questions
        if not source_path(config, q, "zh").exists()
    }


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
            summary_text = one_line_summary(page)
            lines.append(f"- **[{title}]({question['slug']}.md)**  \n  {summary_text}")
        else:
            lines.append(f"- {title}{COMING_SOON[language]}")
    return "\n".join(lines)


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, **kwargs: object
) -> str:
    """Fill in chapter lists, and render links to curriculum questions that are
    not written yet as plain text marked "coming soon". They turn into links
    when the page lands; any other broken link still fails the strict build."""
    language = page_language(page)
    here = PurePosixPath(page.file.src_uri).parent
    if CHAPTER_LIST in markdown:
        markdown = markdown.replace(
            CHAPTER_LIST, chapter_list(config, here.name, language)
        )
    missing = unpublished_questions(config)
    suffix = COMING_SOON[language]

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath((here / match["target"]).as_posix())
        return match["text"] + suffix if target in missing else match[0]

    return MARKDOWN_LINK.sub(replace, markdown)
