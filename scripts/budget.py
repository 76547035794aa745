"""The site's budgets and the pages they are measured on (bench and tests)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from xml.etree import ElementTree

from scripts.project import english_twin, question_pages

FIRST_LOAD_BUDGET = 80_000  # bytes, compressed: HTML, CSS, JS and fonts of one page
BUILD_BUDGET_SECONDS = 15
SCORE_TARGET = 1.0  # every Lighthouse category, 100
LONGEST_QUESTIONS = 3
SAMPLE_CHAPTER = "sockets"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def site_paths(site: Path) -> list[str]:
    """Every page of the built site, as paths below the site root ("", "en/x/")."""
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    locations = [
        url.find("s:loc", SITEMAP_NS).text for url in root.findall("s:url", SITEMAP_NS)
    ]
    prefix = min(locations, key=len)  # the home page: the site's own URL
    return sorted({location.removeprefix(prefix) for location in locations})


def language(path: str) -> str:
    return "en" if path.startswith("en/") else "zh"


def is_question(path: str) -> bool:
    """Question pages are /<chapter>/<slug>/ (and the same under /en/)."""
    parts = path.removeprefix("en/").strip("/").split("/")
    return len(parts) == 2


def sample_paths() -> list[str]:
    """The home page, a chapter index, the tags page and the three longest
    question pages (by source size), in each language."""
    sample: list[str] = []
    for lang, prefix in (("zh", ""), ("en", "en/")):
        sources = [english_twin(p) if lang == "en" else p for p in question_pages()]
        longest = sorted(
            (p for p in sources if p.exists()),
            key=lambda p: p.stat().st_size,
            reverse=True,
        )[:LONGEST_QUESTIONS]
        sample += [prefix, f"{prefix}{SAMPLE_CHAPTER}/", f"{prefix}tags/"]
        sample += [f"{prefix}{p.parent.name}/{p.name.split('.')[0]}/" for p in longest]
    return sample


# overrides/main.html keeps Material's bundle and site.js in this template and
# loads them on the reader's first interaction with the page.
DEFERRED = re.compile(r'<template id="__scripts">(.*?)</template>', re.S)
SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')


def gz_size(path: Path) -> int:
    """Size of a file gzip-compressed as the local server sends it (level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def deferred_script_bytes(site: Path, path: str) -> int:
    """Compressed bytes of the scripts a page loads on first interaction."""
    page = site / path / "index.html"
    match = DEFERRED.search(page.read_text(encoding="utf-8"))
    if not match:
        return 0
    return sum(
        gz_size((page.parent / src).resolve())
        for src in SCRIPT_SRC.findall(match.group(1))
    )
