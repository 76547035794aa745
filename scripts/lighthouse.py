"""Run Lighthouse (npm, pinned in package.json) against a page on the local server.

Lighthouse uses the mobile preset by default. It starts the system Chromium
(CHROMIUM or /usr/bin/chromium) with the flags this machine needs; it never
downloads a browser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scripts.project import ROOT

# How this machine runs Chromium: headless, as root, with no background
# traffic (the network is closed). The browser tests use the same flags.
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
# The screen of Lighthouse's mobile preset, in CSS pixels; browser tests that
# check what a phone shows use the same.
PHONE = {"width": 412, "height": 823}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# What the page-weight budget counts: "HTML, CSS, JS and fonts".
FIRST_LOAD_TYPES = {"Document", "Stylesheet", "Script", "Font"}


class LighthouseError(RuntimeError):
    pass


def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise LighthouseError(
            "Chromium is needed: apt-get install chromium, or set CHROMIUM to a "
            "Chromium or Chrome executable."
        )
    return path


@dataclass
class Report:
    url: str
    scores: dict[str, float]
    lcp_ms: float
    tbt_ms: float
    cls: float
    requests: list[dict] = field(repr=False)
    failures: dict[str, list[str]] = field(repr=False)

    @property
    def first_load_bytes(self) -> int:
        return sum(
            r.get("transferSize", 0)
            for r in self.requests
            if r.get("resourceType") in FIRST_LOAD_TYPES
        )

    @property
    def total_bytes(self) -> int:
        return sum(r.get("transferSize", 0) for r in self.requests)

    @property
    def third_party(self) -> list[str]:
        origin = urlsplit(self.url)[:2]
        return [
            r["url"]
            for r in self.requests
            if urlsplit(r["url"])[:2] != origin and not r["url"].startswith("data:")
        ]


def failed_audits(result: dict) -> dict[str, list[str]]:
    """Per category, the audits that lost points, with their details."""
    failures: dict[str, list[str]] = {}
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if (
                ref.get("weight", 0)
                and audit["score"] is not None
                and audit["score"] < 1
            ):
                items = audit.get("details", {}).get("items", [])
                where = [
                    (item.get("node") or {}).get("snippet") or item.get("url") or ""
                    for item in items[:5]
                ]
                failures.setdefault(name, []).append(
                    f"{ref['id']} ({audit['score']}): {audit['title']} {where}"
                )
    return failures


def run(url: str, categories: tuple[str, ...] = CATEGORIES) -> Report:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise LighthouseError("Lighthouse is not installed: run `npm ci`.")
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    env = os.environ | {"CHROME_PATH": chromium()}
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=180, cwd=ROOT
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise LighthouseError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(result.stdout)
    if data.get("runtimeError"):
        raise LighthouseError(f"lighthouse: {data['runtimeError']}")
    audits = data["audits"]

    def numeric(audit_id: str) -> float:
        return float(audits.get(audit_id, {}).get("numericValue") or 0)

    return Report(
        url=url,
        scores={k: v["score"] for k, v in data["categories"].items()},
        lcp_ms=numeric("largest-contentful-paint"),
        tbt_ms=numeric("total-blocking-time"),
        cls=numeric("cumulative-layout-shift"),
        # Present when the performance category ran.
        requests=audits.get("network-requests", {}).get("details", {}).get("items", []),
        failures=failed_audits(data),
    )
