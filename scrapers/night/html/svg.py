"""Charts of the trends across nights as inline SVG, made by hand (pure: no Scrapy, no Jinja2).

Why by hand: the page must work with no network and no script, and four small chart kinds
(lines, grouped bars, 100 % stacked bars, a heat map) are a few dozen lines each; a charting
library would bring a JavaScript runtime or a plotting stack (matplotlib) for what is plain
geometry here. Every text drawn comes from crawled sites or the report, so every one is escaped.

Each mark carries ``data-night``, ``data-value`` and, where the value is a figure of that night's
``report.json``, ``data-report``: the JSON list of the paths whose values add up to it (one path
for most), so a test can check each mark against the report it was drawn from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

# Okabe–Ito's colour-blind-safe eight, then four more distinct ones.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#8C564B",
    "#7F7F7F",
    "#17BECF",
    "#BCBD22",
)
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 46, 10, 10, 30


@dataclass(frozen=True)
class Point:
    """One night's value of a series: ``None`` when that night's report has none."""

    night: str
    value: float | None
    paths: tuple[tuple[Any, ...], ...] = ()  # where in that night's report.json (summed)


@dataclass
class Chart:
    svg: str
    legend: list[tuple[str, str]] = field(default_factory=list)  # (label, colour)


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _attrs(point: Point, label: str) -> str:
    marks = f' data-night="{escape(point.night)}" data-value="{_num(point.value)}"'
    if point.paths:
        marks += f' data-report="{escape(json.dumps([list(p) for p in point.paths]))}"'
    return marks + f' data-series="{escape(label)}"'


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _nice_max(value: float) -> float:
    """The axis' top: the next 1, 2, 2.5 or 5 × 10ⁿ at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    if count <= 1:
        return LEFT + inner / 2
    return LEFT + inner * index / (count - 1)


def _band(index: int, count: int) -> tuple[float, float]:
    """The left edge and width of night ``index``'s column for bars."""
    inner = (WIDTH - LEFT - RIGHT) / max(count, 1)
    return LEFT + inner * index, inner


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _frame(nights: Sequence[str], top: float, label: str, *, bands: bool, percent: bool) -> str:
    """Axes, grid lines, the y ticks and a few night labels."""
    parts = []
    for share in (0, 0.5, 1):
        value = top * share
        y = _y(value, top)
        text = f"{value:.0f} %" if percent else _num(round(value, 1))
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{text}</text>'
        )
    count = len(nights)
    shown = {0, count - 1} | ({count // 2} if count >= 5 else set())
    for index in sorted(shown):
        if bands:
            left, width = _band(index, count)
            x = left + width / 2
        else:
            x = _x(index, count)
        anchor = "middle"
        if count > 1 and index == 0 and not bands:
            anchor = "start"
        elif count > 1 and index == count - 1 and not bands:
            anchor = "end"
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}">'
            f"{escape(nights[index])}</text>"
        )
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(label)}</title>" + "".join(parts)
    )


def line_chart(label: str, nights: Sequence[str], series: Mapping[str, Sequence[Point]]) -> Chart:
    """One line per series across ``nights``, a dot on each night that has a value."""
    values = [p.value for points in series.values() for p in points if p.value is not None]
    top = _nice_max(max(values, default=0))
    parts = [_frame(nights, top, label, bands=False, percent=False)]
    legend = []
    for index, (name, points) in enumerate(series.items()):
        paint = colour(index)
        legend.append((name, paint))
        run: list[str] = []
        for at, point in enumerate(points):
            if point.value is None:
                if len(run) > 1:
                    parts.append(_polyline(run, paint))
                run = []
                continue
            x, y = _x(at, len(nights)), _y(point.value, top)
            run.append(f"{x:.1f},{y:.1f}")
        if len(run) > 1:
            parts.append(_polyline(run, paint))
        for at, point in enumerate(points):
            if point.value is None:
                continue
            x, y = _x(at, len(nights)), _y(point.value, top)
            parts.append(
                f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{paint}"'
                f"{_attrs(point, name)}><title>{escape(point.night)} {escape(name)}: "
                f"{_num(point.value)}</title></circle>"
            )
    return Chart("".join(parts) + "</svg>", legend)


def _polyline(points: list[str], paint: str) -> str:
    return f'<polyline fill="none" stroke="{paint}" stroke-width="2" points="{" ".join(points)}"/>'


def bar_chart(label: str, nights: Sequence[str], series: Mapping[str, Sequence[Point]]) -> Chart:
    """Side-by-side bars per night, one per series."""
    values = [p.value for points in series.values() for p in points if p.value is not None]
    top = _nice_max(max(values, default=0))
    parts = [_frame(nights, top, label, bands=True, percent=False)]
    legend = []
    count, per = len(nights), max(len(series), 1)
    for index, (name, points) in enumerate(series.items()):
        paint = colour(index)
        legend.append((name, paint))
        for at, point in enumerate(points):
            if point.value is None:
                continue
            left, width = _band(at, count)
            bar = width * 0.8 / per
            x = left + width * 0.1 + bar * index
            y = _y(point.value, top)
            height = max(_y(0, top) - y, 0.0)
            parts.append(
                f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{paint}"{_attrs(point, name)}>'
                f"<title>{escape(point.night)} {escape(name)}: {_num(point.value)}</title></rect>"
            )
    return Chart("".join(parts) + "</svg>", legend)


def share_chart(label: str, nights: Sequence[str], series: Mapping[str, Sequence[Point]]) -> Chart:
    """A 100 % bar per night split among the series (e.g. the postings' languages)."""
    parts = [_frame(nights, 100.0, label, bands=True, percent=True)]
    legend = [(name, colour(index)) for index, name in enumerate(series)]
    count = len(nights)
    for at, night in enumerate(nights):
        total = sum(points[at].value or 0 for points in series.values())
        if not total:
            continue
        left, width = _band(at, count)
        base = 0.0
        for index, (name, points) in enumerate(series.items()):
            point = points[at]
            if not point.value:
                continue
            share = 100 * point.value / total
            y = _y(base + share, 100.0)
            height = _y(base, 100.0) - y
            base += share
            parts.append(
                f'<rect class="mark" x="{left + width * 0.1:.1f}" y="{y:.1f}" '
                f'width="{width * 0.8:.1f}" height="{height:.1f}" fill="{colour(index)}"'
                f"{_attrs(point, name)}><title>{escape(night)} {escape(name)}: "
                f"{_num(point.value)} ({share:.1f} %)</title></rect>"
            )
    return Chart("".join(parts) + "</svg>", legend)


def heat_map(
    label: str, nights: Sequence[str], rows: Mapping[str, Sequence[float | None]]
) -> Chart:
    """Rows × nights, each cell's shade its share (0 to 1); a cell with no value is left blank."""
    names = list(rows)
    row_height = 16
    left = 120
    height = TOP + row_height * len(names) + BOTTOM
    column = (WIDTH - left - RIGHT) / max(len(nights), 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
    ]
    for r, name in enumerate(names):
        y = TOP + r * row_height
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 12}" text-anchor="end">'
            f"{escape(name)}</text>"
        )
        for c, value in enumerate(rows[name]):
            if value is None:
                continue
            # From pale (0) to deep blue (1): lightness 95 % → 30 %.
            light = 95 - 65 * max(0.0, min(1.0, value))
            parts.append(
                f'<rect class="cell" x="{left + c * column:.1f}" y="{y}" '
                f'width="{max(column - 1, 1):.1f}" height="{row_height - 2}" '
                f'fill="hsl(210 70% {light:.0f}%)" data-night="{escape(nights[c])}" '
                f'data-value="{value:g}"><title>{escape(nights[c])} {escape(name)}: '
                f"{100 * value:.1f} %</title></rect>"
            )
    count = len(nights)
    for index in sorted({0, count - 1} | ({count // 2} if count >= 5 else set())):
        if count == 0:
            break
        x = left + column * index + column / 2
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{height - 10}" text-anchor="middle">'
            f"{escape(nights[index])}</text>"
        )
    return Chart("".join(parts) + "</svg>")
