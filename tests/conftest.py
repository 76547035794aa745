"""Shared fixtures: the built site, a local static server, and Chromium.

The site is built once per test run, even when pytest-xdist runs the tests
on both cores: the first worker to get the lock builds, the others reuse it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.project import ROOT
from scripts.server import StaticServer

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_site(site_dir: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        pytest.fail(f"`mkdocs build --strict` failed:\n{result.stderr}", pytrace=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The directory of a strict build of both languages."""
    base = tmp_path_factory.getbasetemp()
    # Under pytest-xdist each worker has its own folder inside the run's folder.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    site_dir = shared / "site"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "site.built"
        if not done.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
            build_site(site_dir)
            done.touch()
    return site_dir


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[StaticServer]:
    """The built site served on loopback the way GitHub Pages serves it."""
    with StaticServer(site) as running:
        yield running


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "Chromium is needed for the browser tests: install Debian's chromium "
            "(apt-get install chromium; .ci/run does this) or set CHROMIUM to a "
            "Chromium or Chrome executable.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
