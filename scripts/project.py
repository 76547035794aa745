"""Where things are in this project, for the tests and the scripts."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
# The published questions: chapter, slug (a public URL, never changed), titles
# and what each answer covers. Made from ../shared/curriculum.md.
QUESTIONS = ROOT / "scripts" / "questions.json"
CHAPTERS = ("network", "sockets", "concurrency", "async", "architecture")
LANGUAGES = ("zh", "en")

# `--8<-- "sockets/tcp_sticky_packets.py"` (pymdownx.snippets, base path snippets/)
SNIPPET_INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"', re.MULTILINE)


def chinese_pages() -> list[Path]:
    """Every Chinese Markdown page (the ones without a language suffix)."""
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))


def english_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.en.md"))


def english_twin(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".md") + ".en.md")


def chinese_twin(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".en.md") + ".md")


def question_pages() -> list[Path]:
    """Chinese question pages: docs/<chapter>/<slug>.md, not the chapter index."""
    return [
        page
        for page in chinese_pages()
        if page.parent.parent == DOCS
        and page.parent.name in CHAPTERS
        and page.name != "index.md"
    ]


def snippet_programs() -> list[Path]:
    return sorted(SNIPPETS.rglob("*.py"))


def shadows_a_module(name: str) -> bool:
    """`python snippets/async/asyncio.py` puts snippets/async first on sys.path,
    so a snippet named like a module would import itself instead."""
    return name in sys.stdlib_module_names or importlib.util.find_spec(name) is not None


def expected_output(program: Path) -> Path:
    return program.with_suffix(".out")


def included_snippets(page: Path) -> list[str]:
    return SNIPPET_INCLUDE.findall(page.read_text(encoding="utf-8"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Question:
    chapter: str
    slug: str
    title_zh: str
    title_en: str
    covers: str
    snippet_idea: str


def questions() -> list[Question]:
    """Every question the site publishes, in curriculum order."""
    data = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    return [Question(**item) for item in data]


def parse_curriculum(text: str) -> list[Question]:
    """Parse the question tables of the curriculum (../shared/curriculum.md)."""
    questions: list[Question] = []
    chapter = None
    for line in text.splitlines():
        heading = re.match(r"^### `(?P<chapter>[a-z-]+)`", line)
        if heading:
            chapter = heading["chapter"]
            continue
        row = re.match(r"^\| `(?P<slug>[a-z0-9-]+)` \|(?P<rest>.*)\|\s*$", line)
        if chapter and row:
            cells = [cell.strip() for cell in row["rest"].split(" | ")]
            title_zh, title_en, covers, idea = (cells + [""] * 4)[:4]
            questions.append(
                Question(chapter, row["slug"], title_zh, title_en, covers, idea)
            )
    return questions


def pages_in_both_languages() -> list[Path]:
    """Every Chinese page and every English translation that exists."""
    return [
        path
        for page in chinese_pages()
        for path in (page, english_twin(page))
        if path.exists()
    ]


# What a copy of the project needs to build (tests and the bench build copies).
PROJECT_FILES = (
    "mkdocs.yml",
    "docs",
    "hooks",
    "overrides",
    "snippets",
    "scripts",
    "tests",
)


def copy_project(target: Path) -> Path:
    """Copy the files a build needs to ``target``; return ``target``."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def run_in(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """Run a Python module command (``-m mkdocs build`` …) in ``folder``."""
    return subprocess.run(
        [sys.executable, *command],
        cwd=folder,
        capture_output=True,
        text=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
