"""Snippets and the project's own Python pass the linter and the formatter (ruff)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.project import ROOT

RUFF = str(Path(sys.executable).with_name("ruff"))
CHECKED = ["snippets", "tests", "scripts", "hooks"]


def test_ruff_check() -> None:
    result = subprocess.run(
        [RUFF, "check", *CHECKED], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = subprocess.run(
        [RUFF, "format", "--check", "--diff", *CHECKED],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        "run `.venv/bin/ruff format snippets tests scripts hooks`:\n"
        + result.stdout
        + result.stderr
    )
