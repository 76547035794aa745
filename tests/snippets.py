"""Run snippets the way CI does, and regenerate their expected outputs.

    python3 scripts/dev.py snippets                      # every snippet
    python3 scripts/dev.py snippets snippets/sockets/x.py  # just one

Each snippet runs as ``python -X dev -W error snippets/<chapter>/<name>.py``
(development mode, every warning an error) with a timeout. Its stdout is
compared with ``<name>.out`` beside it, which the page includes verbatim.
After regenerating, read ``git diff snippets/`` before committing: the new
output is what readers will see.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.project import ROOT, expected_output, relative, snippet_programs

TIMEOUT_SECONDS = 30


@dataclass
class Run:
    stdout: str
    stderr: str
    returncode: int


class SnippetError(Exception):
    """A snippet failed, hung, or printed something other than expected."""


def run_snippet(program: Path, timeout: float = TIMEOUT_SECONDS) -> Run:
    command = [sys.executable, "-X", "dev", "-W", "error", relative(program)]
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            encoding="utf-8",
            env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired as error:
        raise SnippetError(
            f"{relative(program)} did not finish within {timeout} s. A snippet must "
            "finish in a few seconds: close every socket, join every thread and "
            f"process.\nOutput so far:\n{error.stdout or ''}"
        ) from None
    if result.returncode != 0:
        raise SnippetError(
            f"{relative(program)} exited with status {result.returncode} under "
            f"`python -X dev -W error`.\nstderr:\n{result.stderr}"
        )
    if result.stderr:
        raise SnippetError(
            f"{relative(program)} wrote to stderr (warnings count as failures):\n"
            f"{result.stderr}"
        )
    return Run(result.stdout, result.stderr, result.returncode)


def check_snippet(program: Path) -> None:
    """Raise SnippetError with a diff unless the output matches ``<name>.out``."""
    expected_file = expected_output(program)
    if not expected_file.exists():
        raise SnippetError(
            f"{relative(program)} has no expected output {relative(expected_file)}. "
            f"Run `python3 scripts/dev.py snippets {relative(program)}`, read the "
            "output, and commit it."
        )
    actual = run_snippet(program).stdout
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=relative(expected_file),
                tofile=f"{relative(program)} (actual)",
            )
        )
        raise SnippetError(
            f"{relative(program)} printed something other than "
            f"{relative(expected_file)}:\n{diff}\nIf the change is intended, run "
            f"`python3 scripts/dev.py snippets {relative(program)}`; review the diff."
        )


def update(programs: list[Path]) -> int:
    failures = 0
    for program in programs:
        try:
            output = run_snippet(program).stdout
        except SnippetError as error:
            print(f"FAILED {error}", file=sys.stderr)
            failures += 1
            continue
        target = expected_output(program)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        target.write_text(output, encoding="utf-8")
        state = "unchanged" if old == output else ("new" if old is None else "CHANGED")
        print(f"{state:9} {relative(target)}")
    if not failures:
        print("Review the changes with `git diff snippets/` before committing.")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", required=True)
    parser.add_argument("names", nargs="*", type=Path)
    args = parser.parse_args()
    programs = [path.resolve() for path in args.names] or snippet_programs()
    sys.exit(update(programs))


if __name__ == "__main__":
    main()
