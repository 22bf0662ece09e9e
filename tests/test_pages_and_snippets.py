"""Pages and snippets name each other correctly: no orphan snippet, no missing snippet."""

import re
from pathlib import Path

import snippet_runner
from conftest import SNIPPETS

DOCS_DIR = snippet_runner.REPO_ROOT / "docs"
FILENAME_OPTION = re.compile(r"^:filename:\s*(\S+)\s*$", re.MULTILINE)


def referenced_snippets() -> dict[Path, list[str]]:
    """Each snippet path named by a page, with the pages that name it."""
    references: dict[Path, list[str]] = {}
    for page in sorted(DOCS_DIR.rglob("*.md")):
        for name in FILENAME_OPTION.findall(page.read_text(encoding="utf-8")):
            path = (snippet_runner.SNIPPETS_DIR / name).resolve()
            references.setdefault(path, []).append(str(page.relative_to(snippet_runner.REPO_ROOT)))
    return references


def test_every_snippet_is_used_by_a_page() -> None:
    unused = [snippet_runner.display_path(s) for s in SNIPPETS if s.resolve() not in referenced_snippets()]
    assert unused == [], f"snippets no page shows: {unused}"


def test_every_snippet_a_page_names_exists() -> None:
    missing = {
        snippet_runner.display_path(path): pages
        for path, pages in referenced_snippets().items()
        if not path.is_file()
    }
    assert missing == {}, f"pages name snippets that do not exist: {missing}"


def test_every_expected_output_belongs_to_a_snippet() -> None:
    orphans = [
        snippet_runner.display_path(out)
        for out in snippet_runner.SNIPPETS_DIR.rglob("*.out")
        if not (out.parent / (out.name.split(".")[0] + ".py")).is_file()
    ]
    assert orphans == [], f"expected outputs without a snippet: {orphans}"


def test_every_snippet_has_an_expected_output() -> None:
    missing = [snippet_runner.display_path(s) for s in SNIPPETS if not snippet_runner.expected_files(s)]
    assert missing == []


def test_each_snippet_is_shown_once_by_the_page_named_like_its_folder() -> None:
    for path, pages in referenced_snippets().items():
        assert pages == [f"docs/{path.parent.name}.md"], (
            f"{snippet_runner.display_path(path)} is shown by {pages}; "
            f"snippets/{path.parent.name}/ belongs to docs/{path.parent.name}.md, once"
        )
