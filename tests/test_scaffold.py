"""`scripts/dev.py new` produces a page pair, a snippet and a nav entry that build."""

from __future__ import annotations

from pathlib import Path

from scripts.project import copy_project, run_in

CREATED = [
    "docs/network/tcp-vs-udp.md",
    "docs/network/tcp-vs-udp.en.md",
    "snippets/network/tcp_vs_udp.py",
    "snippets/network/tcp_vs_udp.out",
]


def test_scaffolded_question_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    # Start from a project where this question is not written yet.
    for path in CREATED:
        (project / path).unlink(missing_ok=True)
    config = project / "mkdocs.yml"
    nav = config.read_text("utf-8").replace("      - network/tcp-vs-udp.md\n", "")
    config.write_text(nav, "utf-8")
    scaffold = ("-m", "scripts.scaffold", "network", "tcp-vs-udp")
    result = run_in(project, *scaffold)
    assert result.returncode == 0, result.stderr
    for path in CREATED:
        assert (project / path).exists(), path
    nav = (project / "mkdocs.yml").read_text("utf-8")
    assert "      - network/tcp-vs-udp.md\n" in nav
    build = run_in(project, "-m", "mkdocs", "build", "--strict", "--site-dir", "site")
    assert build.returncode == 0, build.stderr
    assert (project / "site/en/network/tcp-vs-udp/index.html").exists()
    # A second run refuses to overwrite the pages.
    again = run_in(project, *scaffold)
    assert again.returncode != 0 and "not overwritten" in again.stderr
