"""Bad input fails the strict build with a message that names the file.

Each test copies the project to a temporary folder, breaks one thing, and
checks that `mkdocs build --strict` fails and says where.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts.project import copy_project, run_in

PAGE = "docs/sockets/tcp-sticky-packets.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_in(project, "-m", "mkdocs", "build", "--strict", "--site-dir", "site")


def append(project: Path, path: str, text: str) -> None:
    with open(project / path, "a", encoding="utf-8") as file:
        file.write(text)


def test_the_unchanged_copy_builds(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr


def test_a_broken_link_fails(project: Path) -> None:
    append(project, PAGE, "\n[坏链接](no-such-page.md)\n")
    result = build(project)
    assert result.returncode != 0
    assert "sockets/tcp-sticky-packets.md" in result.stderr
    assert "no-such-page.md" in result.stderr


def test_a_broken_anchor_fails(project: Path) -> None:
    append(project, PAGE, "\n[坏锚点](../index.md#no-such-heading)\n")
    result = build(project)
    assert result.returncode != 0
    assert (
        "no-such-heading" in result.stderr and "tcp-sticky-packets.md" in result.stderr
    )


def test_a_missing_snippet_fails(project: Path) -> None:
    append(project, PAGE, '\n```python\n--8<-- "sockets/no_such_snippet.py"\n```\n')
    result = build(project)
    assert result.returncode != 0
    assert "no_such_snippet.py" in result.stderr


def test_a_missing_translation_is_not_served_in_chinese(project: Path) -> None:
    (project / "docs/sockets/tcp-sticky-packets.en.md").unlink()
    result = build(project)
    english = project / "site/en/sockets/tcp-sticky-packets/index.html"
    assert result.returncode != 0 or not english.exists(), (
        "a page without translation must not appear under /en/ in Chinese"
    )
