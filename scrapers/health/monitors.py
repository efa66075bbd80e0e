"""The health monitors: tonight's figures against the previous nights' in the state, per source
and per board (no Scrapy import).

Each monitor is a function of one source's figures tonight and on its previous nights (oldest
first), giving :class:`Finding` s. A drop is measured against the **median** of the previous
nights, not the last one: one odd night (a site down, a degraded crawl) neither raises a false
alarm on the next normal night nor becomes the bar that hides a lasting fall; a fall that lasts
is reported night after night until it is half the window, then it is the new normal.

A source or board with no previous night is not judged: no finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from statistics import median
from typing import Any

from scrapers.health.figures import NightFigures, SourceFigures
from scrapers.health.thresholds import HealthSettings, Thresholds

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One entry of report.json's ``health`` (SPEC19.md)."""

    severity: str  # error or warning
    source: str
    board: str | None  # None: the whole source
    measure: str
    before: Any  # the previous nights' figure the rule compared with
    now: Any  # tonight's
    threshold: str  # the rule and its setting, in words
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def _figure(value: float) -> int | float:
    """A median as report.json shows it: whole when it is whole."""
    return int(value) if float(value).is_integer() else round(value, 3)


def _previous(
    history: Sequence[tuple[str, NightFigures]], source: str, nights: int
) -> list[SourceFigures]:
    """The source's figures on its last ``nights`` previous nights, oldest first."""
    return [figures[source] for _, figures in history if source in figures][-nights:]


# --- postings ---------------------------------------------------------------------------------


def zero_postings(
    source: str, now: SourceFigures, before: list[SourceFigures]
) -> Iterator[Finding]:
    """A source with no posting tonight where a previous night had some: an error (and its
    postings are held: :func:`silent_sources`)."""
    last = next((b.postings for b in reversed(before) if b.postings), 0)
    if now.postings == 0 and last:
        yield Finding(
            ERROR,
            source,
            None,
            "postings",
            last,
            0,
            "zero postings",
            f"{source} returned no postings tonight ({last} on its last night with any); "
            "none of its postings expires tonight",
        )


def postings_drop(
    source: str, now: SourceFigures, before: list[SourceFigures], t: Thresholds
) -> Iterator[Finding]:
    """The source's postings, then each board's, down by more than ``drop_share`` from the
    previous nights' median: an error for a source, a warning for a board (one employer's
    board shrinks for real; a whole source rarely does overnight)."""
    rule = f"more than {_pct(t.drop_share)} below the median of the previous nights"
    if now.postings:
        base = median(b.postings for b in before)
        if base >= t.min_postings and now.postings < (1 - t.drop_share) * base:
            yield Finding(
                ERROR,
                source,
                None,
                "postings",
                _figure(base),
                now.postings,
                rule,
                f"{source} returned {now.postings} postings tonight, "
                f"{_pct(1 - now.postings / base)} fewer than usual ({_figure(base)})",
            )
    if len(now.boards) < 2:
        return  # the source's figure is its one board's
    for name, board in now.boards.items():
        if board.failing:
            continue  # not read tonight: the failing monitor and the report say so
        seen = [b.boards[name].postings for b in before if name in b.boards]
        if not seen:
            continue
        base = median(seen)
        if board.postings == 0 and any(seen):
            last = next(n for n in reversed(seen) if n)
            yield Finding(
                WARNING,
                source,
                name,
                "postings",
                last,
                0,
                "zero postings",
                f"{source} board {name} listed no postings tonight ({last} on its last night "
                "with any)",
            )
        elif base >= t.min_postings and board.postings < (1 - t.drop_share) * base:
            yield Finding(
                WARNING,
                source,
                name,
                "postings",
                _figure(base),
                board.postings,
                rule,
                f"{source} board {name} listed {board.postings} postings tonight, "
                f"{_pct(1 - board.postings / base)} fewer than usual ({_figure(base)})",
            )


# --- field coverage ---------------------------------------------------------------------------


def coverage_down(
    source: str, now: SourceFigures, before: list[SourceFigures], t: Thresholds
) -> Iterator[Finding]:
    """A field filled on a share of the source's postings more than ``coverage_points`` below
    the previous nights' median (a site redesign that hides the salary, say)."""
    if now.postings < t.min_postings:
        return
    judged = [b for b in before if b.postings >= t.min_postings]
    for name, share in sorted(now.coverage.items()):
        seen = [b.coverage[name] for b in judged if name in b.coverage]
        if not seen:
            continue
        base = median(seen)
        if (base - share) * 100 > t.coverage_points:
            yield Finding(
                WARNING,
                source,
                None,
                f"field_coverage.{name}",
                round(base, 3),
                share,
                f"down more than {t.coverage_points:g} points from the median of the previous "
                "nights",
                f"{source}: {name} filled on {_pct(share)} of postings tonight, "
                f"{_pct(base)} usually",
            )


# --- failures -------------------------------------------------------------------------------


def failing_boards(
    source: str, now: SourceFigures, before: list[SourceFigures], t: Thresholds
) -> Iterator[Finding]:
    """A board whose list failed ``failing_nights`` nights in a row or more, tonight included."""
    for name, board in now.boards.items():
        if not board.failing:
            continue
        streak = 1
        for night in reversed(before):
            if not (name in night.boards and night.boards[name].failing):
                break
            streak += 1
        if streak >= t.failing_nights and before:
            kinds = ", ".join(board.kinds) or "an error"
            yield Finding(
                WARNING,
                source,
                name,
                "failing_nights",
                streak - 1,
                streak,
                f"failing {t.failing_nights} nights in a row",
                f"{source} board {name} has failed {streak} nights in a row ({kinds})",
            )


def new_error_kinds(
    source: str, now: SourceFigures, before: list[SourceFigures]
) -> Iterator[Finding]:
    """A kind of failure (``HTTP 503``, ``malformed JSON``, ``redirect loop``…) the source did not
    meet on any previous night compared with."""
    if not before:
        return
    known = {kind for night in before for kind in night.kinds}
    for kind in now.kinds:
        if kind in known:
            continue
        boards = [name for name, b in now.boards.items() if kind in b.kinds]
        yield Finding(
            WARNING,
            source,
            boards[0] if len(boards) == 1 else None,
            "error_kinds",
            None,
            kind,
            "a kind of error not met on the previous nights",
            f"{source}: a new kind of error tonight, {kind!r}"
            + (f" (boards {', '.join(boards)})" if boards else ""),
        )


def dead_letters_up(
    source: str, now: SourceFigures, before: list[SourceFigures], t: Thresholds
) -> Iterator[Finding]:
    """The share of the source's items dropped to the dead letters up by more than
    ``dead_letter_points`` from the previous nights' median."""
    if now.postings + now.dead_letters < t.min_postings:
        return
    seen = [b.dead_letter_share for b in before if b.postings + b.dead_letters >= t.min_postings]
    if not seen:
        return
    base, share = median(seen), now.dead_letter_share
    if (share - base) * 100 > t.dead_letter_points:
        yield Finding(
            WARNING,
            source,
            None,
            "dead_letter_share",
            round(base, 3),
            round(share, 3),
            f"up more than {t.dead_letter_points:g} points from the median of the previous nights",
            f"{source}: {_pct(share)} of its items went to the dead letters tonight, "
            f"{_pct(base)} usually",
        )


# --- the night ---------------------------------------------------------------------------------


def judge_source(
    source: str, now: SourceFigures, before: list[SourceFigures], t: Thresholds
) -> list[Finding]:
    """Every finding for one source; a source that returned nothing has that one finding (its
    boards and fields would only repeat it)."""
    if not before:
        return []
    silent = list(zero_postings(source, now, before))
    if silent:
        return silent
    return [
        *postings_drop(source, now, before, t),
        *coverage_down(source, now, before, t),
        *failing_boards(source, now, before, t),
        *new_error_kinds(source, now, before),
        *dead_letters_up(source, now, before, t),
    ]


def judge(
    tonight: NightFigures,
    history: Sequence[tuple[str, NightFigures]],
    settings: HealthSettings | None = None,
) -> list[Finding]:
    """Tonight's findings, errors first, then by source and board. ``history``: the previous
    nights' figures, oldest first (``StateStore.night_figures``)."""
    settings = settings or HealthSettings()
    findings: list[Finding] = []
    for source, now in sorted(tonight.items()):
        t = settings.of(source)
        findings += judge_source(source, now, _previous(history, source, t.nights), t)
    return sorted(findings, key=lambda f: (f.severity != ERROR, f.source, f.board or ""))


def silent_sources(
    postings: Mapping[str, int],
    history: Sequence[tuple[str, NightFigures]],
    settings: HealthSettings | None = None,
) -> dict[str, int]:
    """``{source: postings on its last night with any}`` of the sources with no posting tonight
    (``postings``: tonight's count per source) where one of the previous nights had some: their
    postings must not expire tonight. Decided before the night settles its expiry."""
    settings = settings or HealthSettings()
    silent: dict[str, int] = {}
    for source, count in sorted(postings.items()):
        before = _previous(history, source, settings.of(source).nights)
        last = next((b.postings for b in reversed(before) if b.postings), 0)
        if count == 0 and last:
            silent[source] = last
    return silent


def boards_of(source: str, history: Iterable[tuple[str, NightFigures]]) -> set[str]:
    """Every board the source had on the previous nights given."""
    return {name for _, figures in history if source in figures for name in figures[source].boards}
