"""The Sphinx side of the pipeline, on tiny throwaway sites built in a temporary folder."""

import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.errors import SphinxError

import snippet_runner
from conftest import fixture_snippet

CONF_DIR = Path(__file__).resolve().parent.parent / "conf"

SITE_CONF = f"""
import sys
sys.path.insert(0, {str(CONF_DIR)!r})
extensions = ["myst_parser", "exec_snippet"]
myst_enable_extensions = ["colon_fence"]
exec_code_example_dir = "snippets"
snippets_timeout = 5.0
"""


def page(*snippets: str) -> str:
    blocks = "".join(f"\n```{{exec_code}}\n:filename: {name}\n```\n" for name in snippets)
    return f"# A page\n{blocks}"


class Site:
    """A throwaway site: pages in src/, snippets in src/snippets/, built into out/."""

    def __init__(self, root: Path) -> None:
        self.src = root / "src"
        self.out = root / "out"
        (self.src / "snippets").mkdir(parents=True)
        (self.src / "conf.py").write_text(SITE_CONF)
        self.read_docs: list[str] = []

    def add_page(self, name: str, text: str) -> None:
        (self.src / f"{name}.md").write_text(text)

    def add_snippet(self, name: str, source: Path, expected: str | None = None) -> Path:
        path = self.src / "snippets" / name
        path.write_bytes(source.read_bytes())
        if expected is not None:
            path.with_suffix(".out").write_text(expected)
        return path

    def build(self) -> str:
        """Build incrementally; return the warnings. Raises SphinxError when the build stops."""
        warnings = StringIO()
        app = Sphinx(
            self.src, self.src, self.out / "html", self.out / "doctrees", "html",
            status=StringIO(), warning=warnings, warningiserror=True,
        )  # fmt: skip
        app.connect("env-before-read-docs", lambda _app, _env, docnames: self.read_docs.extend(docnames))
        app.build()
        return warnings.getvalue()

    def html(self, name: str) -> str:
        return (self.out / "html" / f"{name}.html").read_text()


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


def build_error(build: Callable[[], object]) -> str:
    with pytest.raises(SphinxError) as caught:
        build()
    return str(caught.value)


def test_a_page_shows_the_snippet_and_its_real_output(site: Site) -> None:
    site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_page("index", page("hello.py"))
    site.build()
    html = site.html("index")
    assert "async" in html and "main" in html
    assert '<span class="caption-text">hello.py</span>' in html
    assert "<pre><span></span>hello\n</pre>" in html


def test_a_raising_snippet_stops_the_build_with_path_line_and_traceback(site: Site) -> None:
    site.add_snippet("raises.py", fixture_snippet("raises"), "")
    site.add_page("index", page("raises.py"))
    message = build_error(site.build)
    assert "index.md:3:" in message
    assert "snippets/raises.py:6: exited with status 1" in message
    assert 'File "raises.py", line 6, in main' in message
    assert "ValueError: boom" in message


def test_a_hanging_snippet_stops_the_build(site: Site) -> None:
    site.add_snippet("hangs.py", fixture_snippet("hangs_on_event"), "")
    site.add_page("index", page("hangs.py"))
    started = time.monotonic()
    message = build_error(site.build)
    assert "snippets/hangs.py: still running after 5 s of real time" in message
    assert time.monotonic() - started < 15


def test_a_page_naming_a_missing_snippet_stops_the_build(site: Site) -> None:
    site.add_page("index", page("nowhere/missing.py"))
    message = build_error(site.build)
    assert "index.md:3: the page names a snippet that does not exist:" in message
    assert "snippets/nowhere/missing.py" in message


def test_output_different_from_the_expected_output_stops_the_build_with_a_diff(site: Site) -> None:
    site.add_snippet("hello.py", fixture_snippet("hello"), "goodbye\n")
    site.add_page("index", page("hello.py"))
    message = build_error(site.build)
    assert re.search(
        r"snippets/hello\.py: real output on Python [\d.]+ differs from the expected output", message
    )
    assert "\n-goodbye\n+hello" in message


def test_nondeterministic_output_stops_the_build(site: Site) -> None:
    site.add_snippet("address.py", fixture_snippet("prints_address"), "")
    site.add_page("index", page("address.py"))
    assert "snippets/address.py: " in build_error(site.build)
    assert not (site.out / "html" / "index.html").exists()


def test_hidden_lines_are_refused(site: Site) -> None:
    snippet = site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    snippet.write_text("#hide:toggle\nimport sys\n#hide:toggle\n" + snippet.read_text())
    site.add_page("index", page("hello.py"))
    assert "a snippet must show every line it runs" in build_error(site.build)


def _touch_later(path: Path) -> None:
    """Move a file's mtime past the last build, as a later edit would."""
    later = time.time() + 5
    os.utime(path, (later, later))


def test_editing_a_snippet_rebuilds_only_the_pages_that_use_it(site: Site) -> None:
    hello = site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_snippet("other.py", fixture_snippet("hello"), "hello\n")
    site.add_page("index", "# Home\n\n```{toctree}\nuses-hello\nuses-other\n```\n")
    site.add_page("uses-hello", page("hello.py"))
    site.add_page("uses-other", page("other.py"))
    site.build()
    assert sorted(site.read_docs) == ["index", "uses-hello", "uses-other"]

    site.read_docs.clear()
    site.build()
    assert site.read_docs == [], "a no-op rebuild re-read pages"

    hello.write_text(hello.read_text().replace('"hello"', '"hello again"'))
    hello.with_suffix(".out").write_text("hello again\n")
    _touch_later(hello)
    _touch_later(hello.with_suffix(".out"))
    site.build()
    assert site.read_docs == ["uses-hello"]
    assert "hello again" in site.html("uses-hello")


def test_editing_only_the_expected_output_re_checks_the_snippet(site: Site) -> None:
    hello = site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_page("index", page("hello.py"))
    site.build()
    expected = hello.with_suffix(".out")
    expected.write_text("something else\n")
    _touch_later(expected)
    assert re.search(r"real output on Python [\d.]+ differs", build_error(site.build))


def test_outputs_that_differ_by_version_become_tabs_newest_first(site: Site) -> None:
    hello = site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    other = next(v for v in snippet_runner.supported_versions() if v != sys.version_info[:2])
    snippet_runner.expected_override_path(hello, other).write_text("hello from another version\n")
    site.add_page("index", page("hello.py"))
    site.build()
    html = site.html("index")
    assert "Output differs by Python version" in html
    # One tab per release the outputs were recorded on, named exactly, newest first.
    labels = re.findall(r'class="sd-tab-label"[^>]*>\s*Python (3\.\d+\.\d+)', html)
    assert labels == sorted(labels, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    assert labels == [snippet_runner.version_name(r) for r in reversed(snippet_runner.recorded_releases())]
    assert "hello from another version" in html


def test_identical_outputs_name_the_versions_once(site: Site) -> None:
    site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_page("index", page("hello.py"))
    site.build()
    html = site.html("index")
    assert "sd-tab-set" not in html
    releases = [snippet_runner.version_name(r) for r in snippet_runner.recorded_releases()]
    assert f"Output (the same on Python {', '.join(releases[:-1])} and {releases[-1]})" in html


def test_each_snippet_is_verified_once_while_pages_are_read(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The prefetch process verifies every snippet beside the reading; the directive takes
    # its result instead of running the snippet again: two runs each (the two hash seeds).
    run_log = tmp_path / "runs.log"
    monkeypatch.setenv("HANDBOOK_RUN_LOG", str(run_log))
    names = ["one.py", "two.py", "three.py"]
    for name in names:
        site.add_snippet(name, fixture_snippet("hello"), "hello\n")
    site.add_page("index", page(*names))
    site.build()
    runs = [line.split()[-1].rsplit("/", 1)[1] for line in run_log.read_text().splitlines()]
    assert sorted(runs) == sorted(names * len(snippet_runner.DETERMINISM_SEEDS))


# The test process has threads of its own (pytest-xdist's); the forked copies use none of them.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_parallel_reading_builds_the_same_pages_as_serial_reading(tmp_path: Path) -> None:
    def build(folder: str, parallel: int) -> dict[str, str]:
        site = Site(tmp_path / folder)
        site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
        site.add_snippet("first.py", fixture_snippet("first_completed"))
        expected = snippet_runner.run_snippet(site.src / "snippets" / "first.py").output
        (site.src / "snippets" / "first.out").write_text(expected + "\n")
        pages = [f"page{number}" for number in range(8)]  # Sphinx reads in parallel from 6 pages
        site.add_page("index", "# Home\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n")
        for name in pages:
            site.add_page(name, page("hello.py", "first.py").replace("# A page", f"# {name}"))
        app = Sphinx(
            site.src, site.src, site.out / "html", site.out / "doctrees", "html",
            status=StringIO(), warning=StringIO(), warningiserror=True, parallel=parallel,
        )  # fmt: skip
        app.build()
        return {p.name: p.read_text() for p in (site.out / "html").glob("*.html")}

    serial, parallel = build("serial", 1), build("parallel", 2)
    assert {f"page{number}.html" for number in range(8)} <= serial.keys()
    assert serial == parallel


def test_a_failed_build_fails_again_when_run_again_unchanged(site: Site) -> None:
    # The check runs after reading and before the environment is saved: the next build must
    # read the page again rather than take it as done.
    site.add_snippet("hello.py", fixture_snippet("hello"), "goodbye\n")
    site.add_page("index", page("hello.py"))
    for _ in range(2):
        message = build_error(site.build)
        assert "index.md:3: " in message and "differs from the expected output" in message
    assert not (site.out / "html" / "index.html").exists()


def test_a_clean_build_with_a_warm_cache_runs_no_snippet(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HANDBOOK_SNIPPET_CACHE", raising=False)
    monkeypatch.delenv("HANDBOOK_SNIPPET_CACHE_DIR", raising=False)
    with (site.src / "conf.py").open("a") as conf:
        conf.write(f"snippets_cache_dir = {str(tmp_path / 'cache')!r}\n")
    site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_page("index", page("hello.py"))
    site.build()
    first_html = site.html("index")
    shutil.rmtree(site.out)  # a clean build, the cache kept
    run_log = tmp_path / "runs.log"
    monkeypatch.setenv("HANDBOOK_RUN_LOG", str(run_log))
    site.build()
    assert not run_log.exists(), "a cached result was run again"
    assert site.html("index") == first_html


def test_every_failing_snippet_is_reported_and_its_page_removed(site: Site) -> None:
    site.add_snippet("hello.py", fixture_snippet("hello"), "hello\n")
    site.add_snippet("wrong.py", fixture_snippet("hello"), "goodbye\n")
    site.add_snippet("raises.py", fixture_snippet("raises"), "")
    site.add_page("index", "# Home\n\n```{toctree}\ngood\nwrong\nraises\n```\n")
    site.add_page("good", page("hello.py"))
    site.add_page("wrong", page("wrong.py"))
    site.add_page("raises", page("raises.py"))
    message = build_error(site.build)
    assert "wrong.md:3: " in message and "differs from the expected output" in message
    assert "raises.md:3: " in message and "ValueError: boom" in message
    assert (site.out / "html" / "good.html").exists()
    assert not (site.out / "html" / "wrong.html").exists()
    assert not (site.out / "html" / "raises.html").exists()


def index_site(site: Site) -> None:
    """Two pages with a snippet folder each; the menu lists the second page first."""
    with (site.src / "conf.py").open("a") as conf:
        conf.write('extensions.append("snippet_index")\n')
    site.add_page("index", "# Home\n\n```{toctree}\n:caption: Pages\n\nsecond\nfirst\nsnippets-page\n```\n")
    site.add_page("snippets-page", "# All snippets\n\n```{snippet-index}\n```\n")
    for folder, title in [("first", "First page"), ("second", "Second page")]:
        (site.src / "snippets" / folder).mkdir()
        site.add_snippet(f"{folder}/01_hello.py", fixture_snippet("hello"), "hello\n")
        site.add_page(folder, page(f"{folder}/01_hello.py").replace("# A page", f"# {title}"))
    # Each row's summary is the first line of the docstring, as plain text even where it
    # looks like Markdown.
    for folder in ("first", "second"):
        snippet = site.src / "snippets" / folder / "01_hello.py"
        docstring = f'"""Says hello from {folder}, plain: __aexit__ | *not bold*.\n\nMore."""\n\n'
        snippet.write_text(docstring + snippet.read_text())
    (site.src / "snippets" / "second" / "02_later.py").write_text(
        '# Requires Python 3.99 or newer.\n"""Needs a Python from the future."""\n'
    )


def test_the_snippet_index_lists_each_page_s_snippets_in_menu_order(site: Site) -> None:
    index_site(site)
    site.build()
    html = site.html("snippets-page")
    oldest = snippet_runner.version_name(snippet_runner.supported_versions()[0])
    # One section per page, in the order of the menu, each linking to its page.
    assert html.index("<h2>Second page") < html.index("<h2>First page")
    assert 'href="second.html"' in html and 'href="first.html"' in html
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.DOTALL)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL) for row in rows]
    text = [[re.sub(r"<[^>]+>", "", cell).strip() for cell in row] for row in cells if row]
    assert text == [
        ["01_hello.py", "Says hello from second, plain: __aexit__ | *not bold*.", f"{oldest}+"],
        ["02_later.py", "Needs a Python from the future.", "3.99+"],
        ["01_hello.py", "Says hello from first, plain: __aexit__ | *not bold*.", f"{oldest}+"],
    ]
    # Each name downloads its program.
    downloads = re.findall(r'<a class="reference download internal" download="" href="([^"]+)"', html)
    shown = ["second/01_hello.py", "second/02_later.py", "first/01_hello.py"]
    assert [(site.out / "html" / href).read_bytes() for href in downloads] == [
        (site.src / "snippets" / name).read_bytes() for name in shown
    ]


def test_a_snippet_without_a_docstring_stops_the_snippet_index(site: Site) -> None:
    index_site(site)
    (site.src / "snippets" / "first" / "03_untold.py").write_text("print('no summary')\n")
    message = build_error(site.build)
    assert "snippets/first/03_untold.py:1: the snippet has no docstring" in message


def test_a_snippet_folder_without_its_page_stops_the_snippet_index(site: Site) -> None:
    index_site(site)
    (site.src / "snippets" / "orphans").mkdir()
    (site.src / "snippets" / "orphans" / "01_alone.py").write_text('"""Alone."""\n')
    message = build_error(site.build)
    assert "snippets-page.md:3: no page explains the snippets in" in message
    assert "snippets/orphans/ (expected" in message and "orphans.md)" in message
