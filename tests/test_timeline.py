"""Task timelines: the recorded trace, its SVG, and what the page shows."""

from pathlib import Path

import pytest

import snippet_runner
import timeline
from conftest import FIXTURE_SNIPPETS, fixture_snippet

SNAPSHOT = FIXTURE_SNIPPETS.parent / "timelines" / "first_completed.svg"


def traced(name: str) -> snippet_runner.RunResult:
    return snippet_runner.run_snippet(fixture_snippet(name), trace=True)


def test_first_completed_leaves_one_task_done_and_the_others_pending() -> None:
    result = traced("first_completed")
    assert result.output == "1 done, 2 pending"
    # Tasks are numbered in creation order: 0 is main(), 1-3 are job-1 to job-3.
    summary = [
        (event["event"], event["task"], event["t"], event.get("outcome"))
        for event in result.trace or []
        if event["event"] in ("created", "done", "pending")
    ]
    assert summary[:6] == [
        ("created", 0, 0.0, None),
        ("created", 1, 0.0, None),
        ("created", 2, 0.0, None),
        ("created", 3, 0.0, None),
        ("done", 1, 1.0, "result"),
        ("done", 0, 1.0, "result"),
    ]
    # asyncio.run then cancels what main() left pending, iterating over a set of tasks:
    # the order of these two is arbitrary.
    assert sorted(summary[6:]) == [("done", 2, 1.0, "cancelled"), ("done", 3, 1.0, "cancelled")]
    names = [lane.name for lane in timeline.lanes_from_trace(result.trace or [])]
    assert names == ["Task-1", "job-1", "job-2", "job-3"]


def test_resumes_and_waits_are_recorded() -> None:
    lanes = timeline.lanes_from_trace(traced("first_completed").trace or [])
    job_1 = next(lane for lane in lanes if lane.name == "job-1")
    assert job_1.resumed == [0.0, 1.0]
    assert job_1.waits == [(0.0, 1.0)]
    assert job_1.outcome == "result"


def test_the_timeout_of_an_asyncio_timeout_is_marked() -> None:
    lanes = timeline.lanes_from_trace(
        [
            {"task": 0, "event": "created", "name": "Task-1", "coro": "main", "t": 0.0},
            {"task": 0, "event": "timeout", "t": 2.0},
            {"task": 0, "event": "done", "name": "Task-1", "outcome": "result", "t": 2.0},
        ]
    )
    assert lanes[0].timeouts == [2.0]
    assert "a timeout expired at 2 s" in timeline.describe(lanes)[0]


@pytest.mark.parametrize("name", ["first_completed", "interleaves_streams", "prints_pending_task_repr"])
def test_tracing_does_not_change_the_output(name: str) -> None:
    # interleaves_streams relies on asyncio reporting an exception nobody retrieved;
    # prints_pending_task_repr shows the callbacks a task holds (the recorder adds none).
    untraced = snippet_runner.run_snippet(fixture_snippet(name))
    assert traced(name).output == untraced.output


def test_a_snippet_without_tasks_has_an_empty_trace() -> None:
    result = traced("no_tasks")
    assert result.output == "no event loop here"
    assert result.trace == []
    assert timeline.lanes_from_trace(result.trace) == []


def test_the_svg_of_a_known_trace_matches_its_snapshot(request: pytest.FixtureRequest) -> None:
    lanes = timeline.lanes_from_trace(traced("first_completed").trace or [])
    svg = timeline.render_svg(lanes, "timeline-first-completed", "Timeline of first_completed.py")
    if request.config.getoption("--update-snapshots"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(svg + "\n")
    assert svg + "\n" == SNAPSHOT.read_text()


def test_the_svg_is_accessible() -> None:
    lanes = timeline.lanes_from_trace(traced("first_completed").trace or [])
    svg = timeline.render_svg(lanes, "tl", "A title")
    assert 'role="img" aria-labelledby="tl-title tl-desc"' in svg
    assert '<title id="tl-title">A title</title>' in svg
    assert "job-1: job() — created at 0 s; waited 0-1 s; returned at 1 s." in svg


def test_the_page_shows_the_timeline_under_the_output(tmp_path: Path) -> None:
    from test_sphinx_build import Site

    site = Site(tmp_path)
    site.add_snippet("first.py", fixture_snippet("first_completed"), "1 done, 2 pending\n")
    site.add_snippet("none.py", fixture_snippet("no_tasks"), "no event loop here\n")
    site.add_page("index", "# T\n\n```{exec_code}\n:filename: first.py\n:timeline:\n```\n\n"
                  "```{exec_code}\n:filename: none.py\n:timeline:\n```\n")  # fmt: skip
    site.build()
    html = site.html("index")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="task-timeline"') == 1
    assert html.index("1 done, 2 pending") < html.index("task-timeline")
    assert "<summary>Timeline as text</summary>" in html
