"""Measure the site: build time, page weight, requests and Lighthouse scores.

    python3 scripts/dev.py bench              # every page, both languages
    python3 scripts/dev.py bench --sample     # the test sample (12 pages)
    python3 scripts/dev.py bench --scaling    # also build time vs pages, edit cost

It builds the site strictly, serves it gzip-compressed on 127.0.0.1 as GitHub
Pages does, runs Lighthouse 12 (mobile preset) on each page one at a time,
and prints one table. The figures are printed, not asserted: this machine is
shared and timings move. The tests assert the stable ones (scripts/budget.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scripts import lighthouse
from scripts.budget import (
    BUILD_BUDGET_SECONDS,
    FIRST_LOAD_BUDGET,
    SCORE_TARGET,
    deferred_script_bytes,
    gz_size,
    is_question,
    language,
    sample_paths,
    site_paths,
)
from scripts.project import ROOT, copy_project, run_in
from scripts.server import StaticServer

ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, site: Path) -> float:
    """A strict build; returns wall-clock seconds."""
    start = time.perf_counter()
    result = run_in(
        project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)
    )
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr}")
    return time.perf_counter() - start


def score(value: float | None) -> str:
    return "–" if value is None else str(round(value * 100))


def measure(site: Path, paths: list[str]) -> list[lighthouse.Report]:
    reports = []
    with StaticServer(site) as server:
        for number, path in enumerate(paths, 1):
            print(f"  [{number}/{len(paths)}] /{path}", file=sys.stderr, flush=True)
            reports.append(lighthouse.run(server.url + path))
    return reports


def print_table(
    paths: list[str], reports: list[lighthouse.Report], deferred: list[int]
) -> None:
    header = (
        "| page | first load (B) | + on interaction (B) | requests | 3rd-party "
        "| perf | a11y | best | seo | LCP (ms) | TBT (ms) | CLS |"
    )
    print(header)
    print("|" + "---|" * header.count(" | ") + "---|")
    for path, report, later in zip(paths, reports, deferred, strict=True):
        s = report.scores
        print(
            f"| /{path} | {report.first_load_bytes:,} | {later:,} "
            f"| {len(report.requests)} "
            f"| {len(report.third_party)} | {score(s.get('performance'))} "
            f"| {score(s.get('accessibility'))} | {score(s.get('best-practices'))} "
            f"| {score(s.get('seo'))} | {report.lcp_ms:.0f} | {report.tbt_ms:.0f} "
            f"| {report.cls:.3f} |"
        )


def print_totals(reports: list[lighthouse.Report], deferred: list[int]) -> None:
    worst = {
        c: min(r.scores.get(c) or 0 for r in reports) for c in lighthouse.CATEGORIES
    }
    # The budget counts the scripts loaded on first interaction too.
    weight = {
        r.url: r.first_load_bytes + later
        for r, later in zip(reports, deferred, strict=True)
    }
    heaviest = max(reports, key=lambda r: weight[r.url])
    over = [r.url for r in reports if weight[r.url] > FIRST_LOAD_BUDGET]
    below = {
        c: [r.url for r in reports if (r.scores.get(c) or 0) < SCORE_TARGET]
        for c in lighthouse.CATEGORIES
    }
    print()
    print(f"pages measured: {len(reports)}")
    print("lowest scores: " + ", ".join(f"{c} {score(v)}" for c, v in worst.items()))
    print(
        f"heaviest first load with the scripts loaded on interaction: "
        f"{weight[heaviest.url]:,} B ({heaviest.url}); "
        f"budget {FIRST_LOAD_BUDGET:,} B; over budget: {len(over)}"
    )
    print(f"third-party requests: {sum(len(r.third_party) for r in reports)}")
    for category, urls in below.items():
        if urls:
            print(f"below {score(SCORE_TARGET)} in {category}: {len(urls)} page(s)")
            for report in reports:
                if report.url in urls:
                    for failure in report.failures.get(category, []):
                        print(f"    {report.url}: {failure[:160]}")


def multiply_pages(project: Path, copies: int) -> int:
    """Add ``copies`` copies of every question page pair (nav-less, so the
    build does not require them in mkdocs.yml). Returns the pages added."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("    omitted_files: warn", "    omitted_files: info"),
        encoding="utf-8",
    )
    added = 0
    for page in list((project / "docs").glob("*/*.md")):
        if page.name.startswith("index") or page.name.endswith(".en.md"):
            continue
        english = page.with_name(page.stem + ".en.md")
        for number in range(copies):
            stem = f"{page.stem}-copy{number}"
            shutil.copy2(page, page.with_name(stem + ".md"))
            shutil.copy2(english, page.with_name(stem + ".en.md"))
            added += 2
    return added


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edit_cost(project: Path) -> float:
    """Seconds from saving a page to `mkdocs serve` serving the new text."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    url = f"http://127.0.0.1:{port}/sockets/tcp-sticky-packets/"
    try:
        wait_for(url, lambda body: True, timeout=120)
        page = project / "docs" / "sockets" / "tcp-sticky-packets.md"
        marker = f"bench-edit-{time.time_ns()}"
        start = time.perf_counter()
        page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
        wait_for(url, lambda body: marker in body, timeout=120)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, ready: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} was not ready within {timeout} s")


def scaling() -> None:
    print("\nbuild time against page count (strict build, both languages):")
    print("| pages | build (s) |")
    print("|---|---|")
    for copies in (0, 5, 20):
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder))
            multiply_pages(project, copies)
            seconds = build(project, project / "site")
            pages = len(site_paths(project / "site"))
            print(f"| {pages} | {seconds:.1f} |", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        seconds = edit_cost(copy_project(Path(folder)))
    print(f"\none edit under `mkdocs serve` (save to new page served): {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", action="store_true", help="the test sample only")
    parser.add_argument(
        "--pages", nargs="*", help="only these paths, e.g. en/ sockets/"
    )
    parser.add_argument("--scaling", action="store_true", help="build time vs pages")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        seconds = build(ROOT, site)
        every = site_paths(site)
        paths = args.pages or (sample_paths() if args.sample else every)
        print(f"build: {seconds:.1f} s (budget {BUILD_BUDGET_SECONDS} s)")
        for lang in ("zh", "en"):
            total = [p for p in every if language(p) == lang]
            questions = [p for p in total if is_question(p)]
            print(f"pages ({lang}): {len(total)}, of which questions: {len(questions)}")
        for lang in ("zh", "en"):
            index = site / "search" / f"{lang}.json"
            print(
                f"search index ({lang}): {index.stat().st_size:,} B, "
                f"{gz_size(index):,} B gzip, loaded on the first query"
            )
        print(f"\nLighthouse 12.2.3, mobile preset, gzip, {len(paths)} page(s):\n")
        reports = measure(site, paths)
        deferred = [deferred_script_bytes(site, path) for path in paths]
        print_table(paths, reports, deferred)
        print_totals(reports, deferred)
    if args.scaling:
        scaling()


if __name__ == "__main__":
    main()
