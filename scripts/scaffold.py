"""Scaffold a new question: both pages, a snippet, its output, and the nav entry.

    python3 scripts/dev.py new network tcp-vs-udp

The chapter and slug must be in scripts/questions.json (from the curriculum).
The pages follow the curriculum's structure with the titles filled in; every
place that needs writing is marked ``TODO(scaffold)``, and the tests fail until
none is left.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from scripts.project import (
    DOCS,
    ROOT,
    SNIPPETS,
    Question,
    questions,
    relative,
    shadows_a_module,
)

MARK = "TODO(scaffold)"

TEMPLATES = Path(__file__).parent / "templates"


def template(name: str) -> str:
    """A str.format template from scripts/templates/."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def find(chapter: str, slug: str) -> Question:
    for question in questions():
        if (question.chapter, question.slug) == (chapter, slug):
            return question
    sys.exit(f"{chapter}/{slug} is not in scripts/questions.json (see the curriculum).")


def add_to_nav(question: Question) -> None:
    """Insert the page into mkdocs.yml's nav, in curriculum order."""
    config = ROOT / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    index_line = f"      - {question.chapter}/index.md\n"
    if index_line not in lines:
        sys.exit(
            f"mkdocs.yml: no nav entry `{index_line.strip()}` to add the page after"
        )
    start = lines.index(index_line) + 1
    end = start
    while end < len(lines) and lines[end].startswith(f"      - {question.chapter}/"):
        end += 1
    order = [q.slug for q in questions() if q.chapter == question.chapter]
    slugs = {Path(line.split("- ", 1)[1].strip()).stem for line in lines[start:end]}
    slugs.add(question.slug)
    entries = [
        f"      - {question.chapter}/{slug}.md\n" for slug in order if slug in slugs
    ]
    lines[start:end] = entries
    config.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapter")
    parser.add_argument("slug")
    args = parser.parse_args()
    question = find(args.chapter, args.slug)

    name = question.slug.replace("-", "_")
    if shadows_a_module(name):
        name += "_demo"
    snippet = f"{question.chapter}/{name}.py"
    program = SNIPPETS / snippet
    pages = {
        "zh": DOCS / question.chapter / f"{question.slug}.md",
        "en": DOCS / question.chapter / f"{question.slug}.en.md",
    }
    existing = [relative(p) for p in [*pages.values(), program] if p.exists()]
    if existing:
        sys.exit(f"already there, not overwritten: {existing}")

    fields = {
        "MARK": MARK,
        "covers": question.covers,
        "snippet": snippet,
        "snippet_path": f"snippets/{snippet}",
        "output": f"{question.chapter}/{name}.out",
        "idea": question.snippet_idea,
        "title_en": question.title_en,
    }
    for language, path in pages.items():
        title = question.title_zh if language == "zh" else question.title_en
        page = template("question.md" if language == "zh" else "question.en.md")
        path.write_text(page.format(title=title, **fields), encoding="utf-8")
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_text(template("snippet.py.txt").format(**fields), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "tests.snippets", "--update", str(program)],
        cwd=ROOT,
        check=True,
    )
    add_to_nav(question)
    for path in [*pages.values(), program, program.with_suffix(".out")]:
        print(f"created {relative(path)}")
    print(f"added {question.chapter}/{question.slug}.md to the nav in mkdocs.yml")
    print(
        f"Now replace every {MARK} (the tests fail while one is left), then run "
        "`python3 scripts/dev.py snippets` and `python3 scripts/dev.py test`."
    )


if __name__ == "__main__":
    main()
