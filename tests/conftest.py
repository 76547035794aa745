"""Shared fixtures: the built site, a local static server, and Chromium.

The site is built once per test run, even when pytest-xdist runs the tests
on both cores: the first worker to get the lock builds, the others reuse it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.lighthouse import CHROMIUM_ARGS, PHONE, LighthouseError, chromium
from scripts.project import ROOT, run_in
from scripts.server import StaticServer


def build_site(site_dir: Path) -> None:
    result = run_in(
        ROOT, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)
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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            executable = chromium()
        except LighthouseError as error:
            pytest.fail(str(error), pytrace=False)
        instance = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
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


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A tab on a phone-sized screen, where columns are narrowest."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
