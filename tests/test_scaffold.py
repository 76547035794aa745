"""`scripts/dev.py new` produces a page pair, a snippet and a nav entry that build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.project import ROOT

COPIED = ["mkdocs.yml", "docs", "hooks", "overrides", "snippets", "scripts", "tests"]


def test_scaffolded_question_builds(tmp_path: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, tmp_path / name)
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.scaffold", "network", "tcp-vs-udp"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    for path in [
        "docs/network/tcp-vs-udp.md",
        "docs/network/tcp-vs-udp.en.md",
        "snippets/network/tcp_vs_udp.py",
        "snippets/network/tcp_vs_udp.out",
    ]:
        assert (tmp_path / path).exists(), path
    assert "      - network/tcp-vs-udp.md\n" in (tmp_path / "mkdocs.yml").read_text(
        "utf-8"
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/en/network/tcp-vs-udp/index.html").exists()
    # A second run refuses to overwrite the pages.
    again = subprocess.run(
        [sys.executable, "-m", "scripts.scaffold", "network", "tcp-vs-udp"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert again.returncode != 0 and "not overwritten" in again.stderr
