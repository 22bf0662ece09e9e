"""Hosting builds verify on a Python whose outputs the repository holds."""

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
