"""Draw a snippet's task trace (from snippet_bootstrap/handbook_trace.py) as a small SVG timeline.

Hand-written SVG rather than a plotting library: the picture is a few dozen shapes, it must be
byte-identical between builds, and it must follow furo's light/dark theme through CSS classes
(conf/static/timeline.css), which an inline SVG can do and an image file cannot.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any

LABEL_WIDTH = 190
PLOT_WIDTH = 420
RIGHT_MARGIN = 80
LANE_HEIGHT = 30
TOP = 12
AXIS_HEIGHT = 34

OUTCOME_WORDS = {"result": "returned", "cancelled": "cancelled", "pending": "still pending at loop close"}


@dataclass
class Lane:
    """One task's life: when it was created, woke up, waited, and how it ended."""

    name: str
    coro: str
    created: float
    resumed: list[float] = field(default_factory=list)
    waits: list[tuple[float, float]] = field(default_factory=list)
    timeouts: list[float] = field(default_factory=list)
    end: float | None = None
    outcome: str = "pending"

    @property
    def label(self) -> str:
        return f"{self.name}: {self.coro}()" if self.coro else self.name


def lanes_from_trace(events: list[dict[str, Any]]) -> list[Lane]:
    lanes: dict[int, Lane] = {}
    suspended_at: dict[int, float] = {}
    for event in events:
        key, kind, time = event["task"], event["event"], float(event["t"])
        if kind == "created":
            lanes[key] = Lane(name=event["name"], coro=event.get("coro", "").rsplit(".", 1)[-1], created=time)
            continue
        lane = lanes[key]
        if kind == "resumed":
            lane.resumed.append(time)
            if key in suspended_at:
                lane.waits.append((suspended_at.pop(key), time))
        elif kind == "suspended":
            suspended_at[key] = time
        elif kind == "timeout":
            lane.timeouts.append(time)
        elif kind in ("done", "pending"):
            lane.name = event.get("name", lane.name)  # the name it ended with (set_name, 3.11)
            lane.end = time
            lane.outcome = "pending" if kind == "pending" else event["outcome"]
            if key in suspended_at and kind == "pending":
                lane.waits.append((suspended_at.pop(key), time))
    return list(lanes.values())


def _tick_step(span: float) -> float:
    """A 1-2-5 step giving at most about 8 ticks."""
    if span <= 0:
        return 1.0
    raw = span / 8
    magnitude = 10 ** math.floor(math.log10(raw))
    return float(next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= raw))


def _fmt(value: float) -> str:
    return f"{value:g}"


def describe(lanes: list[Lane]) -> list[str]:
    """The text alternative: one sentence per task."""
    lines = []
    for lane in lanes:
        words = OUTCOME_WORDS.get(lane.outcome, f"raised {lane.outcome}")
        end = "" if lane.end is None else f" at {_fmt(lane.end)} s"
        waits = ", ".join(f"{_fmt(a)}-{_fmt(b)} s" for a, b in lane.waits if b > a)
        wait_text = f"; waited {waits}" if waits else ""
        timeouts = "".join(f"; a timeout expired at {_fmt(t)} s" for t in lane.timeouts)
        lines.append(f"{lane.label} — created at {_fmt(lane.created)} s{wait_text}{timeouts}; {words}{end}.")
    return lines


def render_svg(lanes: list[Lane], element_id: str, title: str) -> str:
    """An inline SVG with a <title> and <desc>; styling comes from CSS classes."""
    end_time = max([lane.end or 0.0 for lane in lanes] + [lane.created for lane in lanes])
    step = _tick_step(end_time)
    axis_end = max(step, math.ceil(end_time / step - 1e-9) * step)
    width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN
    height = TOP + LANE_HEIGHT * len(lanes) + AXIS_HEIGHT

    def x(t: float) -> float:
        return round(LABEL_WIDTH + PLOT_WIDTH * t / axis_end, 2)

    esc = html.escape
    desc = " ".join(describe(lanes))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="task-timeline" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{esc(title)}</title>',
        f'<desc id="{element_id}-desc">{esc(desc)}</desc>',
    ]
    axis_y = TOP + LANE_HEIGHT * len(lanes) + 4
    ticks = round(axis_end / step)
    for index in range(ticks + 1):
        t = index * step
        parts.append(f'<line class="tl-grid" x1="{x(t)}" y1="{TOP - 4}" x2="{x(t)}" y2="{axis_y}"/>')
        parts.append(
            f'<text class="tl-axis" x="{x(t)}" y="{axis_y + 16}" text-anchor="middle">{_fmt(t)} s</text>'
        )
    for row, lane in enumerate(lanes):
        mid = TOP + LANE_HEIGHT * row + LANE_HEIGHT / 2
        parts.append(
            f'<text class="tl-label" x="{LABEL_WIDTH - 8}" y="{mid + 4}" text-anchor="end">'
            f"{esc(lane.label)}</text>"
        )
        end = lane.end if lane.end is not None else axis_end
        parts.append(f'<line class="tl-life" x1="{x(lane.created)}" y1="{mid}" x2="{x(end)}" y2="{mid}"/>')
        for start, stop in lane.waits:
            if stop > start:
                width_ = round(x(stop) - x(start), 2)
                parts.append(
                    f'<rect class="tl-wait" x="{x(start)}" y="{mid - 6}" '
                    f'width="{width_}" height="12" rx="3"/>'
                )
        for t in sorted(set(lane.resumed)):
            parts.append(
                f'<rect class="tl-run" x="{round(x(t) - 2, 2)}" y="{mid - 9}" width="4" height="18"/>'
            )
        for t in lane.timeouts:
            parts.append(f'<path class="tl-timeout" d="M{x(t)} {mid - 12} l-5 -6 h10 z"/>')
            parts.append(
                f'<line class="tl-timeout" x1="{x(t)}" y1="{mid - 12}" x2="{x(t)}" y2="{mid + 12}"/>'
            )
        parts.append(_end_mark(lane, x(end), mid))
    parts.append("</svg>")
    return "\n".join(parts)


def _end_mark(lane: Lane, cx: float, mid: float) -> str:
    word = {"result": "done", "cancelled": "cancelled", "pending": "pending"}.get(lane.outcome, lane.outcome)
    label = f'<text class="tl-outcome" x="{cx + 10}" y="{mid + 4}">{html.escape(word)}</text>'
    if lane.outcome == "result":
        mark = f'<circle class="tl-ok" cx="{cx}" cy="{mid}" r="6"/>'
    elif lane.outcome == "cancelled":
        mark = f'<rect class="tl-cancel" x="{cx - 6}" y="{mid - 6}" width="12" height="12"/>'
    elif lane.outcome == "pending":
        mark = f'<path class="tl-pending" d="M{cx - 6} {mid - 7} l10 7 l-10 7 z"/>'
    else:
        mark = f'<path class="tl-error" d="M{cx} {mid - 8} l8 8 l-8 8 l-8 -8 z"/>'
    return mark + label
