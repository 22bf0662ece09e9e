"""Hosting builds verify on a Python whose outputs the repository holds, and include the Run buttons."""

import re

import interpreters
import snippet_runner

ROOT = snippet_runner.REPO_ROOT


def test_the_pages_workflow_pins_a_recorded_release() -> None:
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    pinned = re.findall(r'python-version:\s*"([\d.]+)"', workflow)
    recorded = [snippet_runner.version_name(r) for r in snippet_runner.recorded_releases()]
    assert pinned and all(version in recorded for version in pinned), (pinned, recorded)


def test_read_the_docs_builds_on_a_supported_version_with_recorded_outputs() -> None:
    config = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    (minor,) = re.findall(r'python:\s*"(3\.\d+)"', config)
    recorded = {interpreters.minor_name(r[:2]) for r in snippet_runner.recorded_releases()}
    assert minor in recorded


def test_hosted_builds_install_pyodide_before_building() -> None:
    """Without node_modules/pyodide the site builds without its Run buttons (conf/run_in_browser.py)."""
    for path in (ROOT / ".github" / "workflows" / "pages.yml", ROOT / ".readthedocs.yaml"):
        text = path.read_text(encoding="utf-8")
        install = text.find("npm ci --ignore-scripts")
        assert 0 <= install < text.find("nox -s docs"), path.name
    config = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert re.search(r'nodejs:\s*"\d+"', config), "Read the Docs needs Node.js for npm"
