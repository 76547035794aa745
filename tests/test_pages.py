"""The Markdown sources: translations, heading ids, page structure, tags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.project import (
    CHAPTERS,
    DOCS,
    ROOT,
    chinese_pages,
    chinese_twin,
    english_pages,
    english_twin,
    question_pages,
    questions,
    relative,
)

HEADING = re.compile(r"^(?P<level>#{2,6}) (?P<text>.+?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\{ #(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*) \}$")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)
# The sections every question page has, in this order (curriculum.md).
REQUIRED_SECTIONS = [
    "short-answer",
    "in-depth",
    "misconceptions",
    "references",
    "related",
]
OPTIONAL_SECTIONS = {"code": "in-depth"}  # code comes after in-depth when present

PAGES = chinese_pages()


def outline(page: Path) -> list[tuple[int, str, str]]:
    """(level, text, explicit id or "") of every heading outside code blocks."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    result = []
    for match in HEADING.finditer(text):
        anchor = EXPLICIT_ID.search(match["text"])
        result.append(
            (len(match["level"]), match["text"], anchor["id"] if anchor else "")
        )
    return result


def front_matter(page: Path) -> dict:
    match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    return yaml.safe_load(match["yaml"]) if match else {}


def h1(page: Path) -> str:
    match = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
    return match[1].strip() if match else ""


def test_every_chinese_page_has_an_english_translation() -> None:
    missing = [relative(p) for p in PAGES if not english_twin(p).exists()]
    assert not missing, (
        "Chinese pages without an English translation (write <name>.en.md beside "
        f"each): {missing}"
    )


def test_every_english_page_has_a_chinese_original() -> None:
    orphans = [relative(p) for p in english_pages() if not chinese_twin(p).exists()]
    assert not orphans, f"English pages without a Chinese page: {orphans}"


@pytest.mark.parametrize("page", PAGES + english_pages(), ids=relative)
def test_every_heading_has_an_explicit_english_id(page: Path) -> None:
    for level, text, anchor in outline(page):
        assert anchor, (
            f"{relative(page)}: heading {'#' * level} {text!r} needs an explicit id, "
            "e.g. `## 为什么是三次 { #why-three-segments }` (English, kebab-case)."
        )


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_translation_has_the_same_headings_and_ids(page: Path) -> None:
    twin = english_twin(page)
    if not twin.exists():
        pytest.fail(f"{relative(twin)} is missing", pytrace=False)
    zh = [(level, anchor) for level, _, anchor in outline(page)]
    en = [(level, anchor) for level, _, anchor in outline(twin)]
    assert zh == en, (
        f"{relative(page)} and {relative(twin)} must have the same headings, levels "
        f"and ids in the same order.\nzh: {zh}\nen: {en}"
    )


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_heading_ids_are_unique(page: Path) -> None:
    ids = [anchor for _, _, anchor in outline(page) if anchor]
    duplicates = sorted({anchor for anchor in ids if ids.count(anchor) > 1})
    assert not duplicates, f"{relative(page)}: duplicate heading ids {duplicates}"


def test_question_pages_have_published_urls() -> None:
    """Question URLs come from the curriculum and never change."""
    known = {(q.chapter, q.slug) for q in questions()}
    for page in question_pages():
        assert (page.parent.name, page.stem) in known, (
            f"{relative(page)} is not a question in scripts/questions.json: question "
            "pages live at docs/<chapter>/<slug>.md with the curriculum's slug."
        )
    stray = [
        relative(p) for p in PAGES if p.parent != DOCS and p.parent.name not in CHAPTERS
    ]
    assert not stray, f"pages outside the chapters: {stray}"


def test_published_question_list_is_unchanged() -> None:
    """Slugs are public URLs: scripts/questions.json may grow, never rename."""
    curriculum = ROOT.parent / "shared" / "curriculum.md"
    if not curriculum.exists():
        pytest.skip("../shared/curriculum.md is not beside this checkout")
    from scripts.project import parse_curriculum

    published = {(q.chapter, q.slug) for q in questions()}
    listed = {
        (q.chapter, q.slug) for q in parse_curriculum(curriculum.read_text("utf-8"))
    }
    assert published == listed


@pytest.mark.parametrize("page", question_pages(), ids=relative)
def test_question_page_structure(page: Path) -> None:
    question = next(
        q for q in questions() if (q.chapter, q.slug) == (page.parent.name, page.stem)
    )
    for path, title in [
        (page, question.title_zh),
        (english_twin(page), question.title_en),
    ]:
        assert h1(path) == title, (
            f"{relative(path)}: the title must be the curriculum's {title!r}, "
            f"not {h1(path)!r}"
        )
        top = [anchor for level, _, anchor in outline(path) if level == 2]
        expected = [s for s in top if s in REQUIRED_SECTIONS]
        assert expected == REQUIRED_SECTIONS, (
            f"{relative(path)}: the ## sections must include, in this order, "
            f"{REQUIRED_SECTIONS} (found {top})"
        )
        if "code" in top:
            assert top.index("code") > top.index(OPTIONAL_SECTIONS["code"])
        tags = front_matter(path).get("tags")
        assert isinstance(tags, list) and tags, (
            f"{relative(path)}: add `tags:` to the front matter (a list of topics)"
        )


def test_references_use_https() -> None:
    for page in PAGES + english_pages():
        insecure = re.findall(r"\]\((http://[^)]+)\)", page.read_text(encoding="utf-8"))
        assert not insecure, f"{relative(page)}: use https links, not {insecure}"


def test_nothing_is_copied_from_the_seed() -> None:
    """No sentence of the 2019 seed post may appear on the site.

    Compares runs of Chinese characters (punctuation, Latin and spaces
    removed): twelve in a row in common is a copied phrase, not a shared term.
    """
    seed_dir = ROOT.parent / "shared" / "seed"
    if not seed_dir.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    window = 12

    def han(text: str) -> str:
        return "".join(re.findall(r"[\u3400-\u9fff]", text))

    seed = han("".join(p.read_text(encoding="utf-8") for p in seed_dir.iterdir()))
    shingles = {seed[i : i + window] for i in range(len(seed) - window + 1)}
    # The question titles are the curriculum's (some are the seed's questions,
    # word for word); pages must use them, in the H1 and in links. Compare what
    # lies between them.
    titles = sorted({q.title_zh for q in questions()}, key=len, reverse=True)
    for page in PAGES + english_pages():
        text = FENCE.sub("", page.read_text(encoding="utf-8"))
        for title in titles:
            text = text.replace(title, "\0")
        copied = [
            part[i : i + window]
            for part in map(han, text.split("\0"))
            for i in range(len(part) - window + 1)
            if part[i : i + window] in shingles
        ]
        assert not copied, f"{relative(page)} repeats the seed: {copied[:3]}"


def test_no_mermaid_or_remote_scripts_in_pages() -> None:
    """Material loads Mermaid from a CDN: diagrams are inline SVG instead."""
    for page in PAGES + english_pages():
        text = page.read_text(encoding="utf-8")
        assert "```mermaid" not in text, f"{relative(page)}: draw the diagram as SVG"
        assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", text), relative(
            page
        )
