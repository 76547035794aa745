"""Every snippet runs cleanly and prints exactly what its page shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.project import (
    SNIPPETS,
    chinese_pages,
    english_twin,
    expected_output,
    included_snippets,
    pages_in_both_languages,
    relative,
    shadows_a_module,
    snippet_programs,
)
from tests.snippets import SnippetError, check_snippet

PROGRAMS = snippet_programs()


def test_there_are_snippets() -> None:
    assert PROGRAMS, f"no snippets found under {relative(SNIPPETS)}/"


@pytest.mark.parametrize("program", PROGRAMS, ids=relative)
def test_snippet_prints_its_expected_output(program: Path) -> None:
    try:
        check_snippet(program)
    except SnippetError as error:
        pytest.fail(str(error), pytrace=False)


def test_every_expected_output_has_a_program() -> None:
    orphans = [
        relative(out)
        for out in SNIPPETS.rglob("*.out")
        if not out.with_suffix(".py").exists()
    ]
    assert not orphans, f"expected outputs without a snippet: {orphans}"


def test_snippets_live_in_a_chapter_folder() -> None:
    misplaced = [relative(p) for p in PROGRAMS if p.parent.parent != SNIPPETS]
    assert not misplaced, (
        f"snippets must be at snippets/<chapter>/<name>.py, not {misplaced}"
    )


def test_no_snippet_shadows_a_module() -> None:
    """A snippet named like a module would import itself when run."""
    shadowing = [relative(p) for p in PROGRAMS if shadows_a_module(p.stem)]
    assert not shadowing, (
        f"rename these snippets, they have the name of a module: {shadowing}"
    )


def test_every_snippet_is_included_by_a_page_in_both_languages() -> None:
    included: dict[str, set[str]] = {"zh": set(), "en": set()}
    for page in chinese_pages():
        included["zh"].update(included_snippets(page))
        twin = english_twin(page)
        if twin.exists():
            included["en"].update(included_snippets(twin))
    for program in PROGRAMS:
        name = program.relative_to(SNIPPETS).as_posix()
        for language in ("zh", "en"):
            assert name in included[language], (
                f"{relative(program)} is not included by any {language} page: add "
                f'`--8<-- "{name}"` to the page that explains it, or delete it.'
            )


def test_pages_show_the_output_of_the_snippet_they_include() -> None:
    for path in pages_in_both_languages():
        names = included_snippets(path)
        for name in names:
            if name.endswith(".py"):
                output = Path(name).with_suffix(".out").as_posix()
                assert output in names, (
                    f"{relative(path)} includes {name} but not its output "
                    f'{output}: add `--8<-- "{output}"` in a text block.'
                )


def test_included_files_exist() -> None:
    for path in pages_in_both_languages():
        for name in included_snippets(path):
            assert (SNIPPETS / name).exists(), (
                f"{relative(path)} includes {name}, which is not in snippets/"
            )


def test_expected_outputs_are_committed_beside_each_program() -> None:
    missing = [relative(p) for p in PROGRAMS if not expected_output(p).exists()]
    assert not missing, (
        f"snippets without an expected output: {missing}. Run "
        "`python3 scripts/dev.py snippets <path>` and review the output."
    )
