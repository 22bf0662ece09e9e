"""Which snippets the build verifies beside the reading: found from the pages' exec_code blocks."""

from pathlib import Path

import snippet_prefetch


def test_the_scan_finds_each_exec_code_file_and_its_timeline_flag(tmp_path: Path) -> None:
    snippets = tmp_path / "snippets"
    (snippets / "folder").mkdir(parents=True)
    for name in ["folder/a.py", "folder/b.py", "folder/c.py"]:
        (snippets / name).write_text("print()\n")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "```{exec_code}\n:filename: folder/a.py\n:emphasize-lines: 2\n```\n\n"
        "````{exec_code}\n:timeline:\n:filename: folder/b.py\n````\n\n"
        "```python\n:filename: folder/c.py\n```\n\n"  # not an exec_code block
        "```{exec_code}\n:filename: folder/missing.py\n```\n"  # the directive reports it
    )
    found = snippet_prefetch.snippets_in([page, page], snippets)
    a, b = (snippets / "folder/a.py").resolve(), (snippets / "folder/b.py").resolve()
    # Each with the page line of its directive; a page scanned twice adds nothing.
    assert found == {(a, False): f"{page}:3", (b, True): f"{page}:8"}
