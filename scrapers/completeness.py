"""Which boards a crawl read completely, told from its stats (no Scrapy import).

A posting may expire only when its board was read completely that night: every page of its list
fetched and parsed, no request lost to an error, a redirect loop, robots.txt, a block or a
timeout. The spider base (``scrapers/spider.py``) records each board that was not, with one line
per reason, in the crawler's stats; a posting known to be live whose own page could not be read
tonight (a blocked job page, a list entry that failed to parse) is *held* instead: it keeps its
``last_seen`` and cannot expire, while the rest of its board can.

Stats of one crawler (one spider):

- ``jobsieve/incomplete``: ``{board: [reason, …]}``, at most :data:`MAX_REASONS` each;
- ``jobsieve/held``: ``{board: [reason, …]}``, the same for held postings;
- ``jobsieve/source/<spider>/<board>/incomplete`` and ``…/held``: how many, as counters beside the
  board's others (``error``, ``postings``, …).

:class:`Completeness` reads them back for every source of a night: the night's expiry and its
report both ask it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

INCOMPLETE = "jobsieve/incomplete"
HELD = "jobsieve/held"
# Reasons kept per board: enough to see what went wrong, not one line per lost request.
MAX_REASONS = 5


def add_reason(reasons: dict[str, list[str]], board: str, reason: str) -> dict[str, list[str]]:
    """``reasons`` with ``reason`` noted for ``board`` (once; at most MAX_REASONS per board)."""
    kept = reasons.setdefault(board, [])
    if reason not in kept and len(kept) < MAX_REASONS:
        kept.append(reason)
    return reasons


def board_counters(name: str, stats: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """``{board: {counter: value}}`` from the ``jobsieve/source/<name>/<board>/<counter>`` stats."""
    prefix = f"jobsieve/source/{name}/"
    boards: dict[str, dict[str, int]] = {}
    for key, value in sorted(stats.items()):
        if key.startswith(prefix):
            board, _, what = key.removeprefix(prefix).rpartition("/")
            boards.setdefault(board, {})[what] = int(value)
    return boards


@dataclass(frozen=True)
class SourceCompleteness:
    """One source's crawl: whether it finished, which boards it did not read completely and
    which postings it held, each with why."""

    finished: bool
    stopped: str | None  # why the crawl did not finish; None when it did
    incomplete: dict[str, list[str]] = field(default_factory=dict)
    held: dict[str, list[str]] = field(default_factory=dict)
    held_counts: dict[str, int] = field(default_factory=dict)
    # Boards read completely (a finished crawl's boards counted and not incomplete).
    read: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.finished and not self.incomplete

    @classmethod
    def of(cls, name: str, stats: Mapping[str, Any]) -> SourceCompleteness:
        reason = stats.get("finish_reason")
        finished = reason == "finished"
        counters = board_counters(name, stats)
        incomplete = {board: list(why) for board, why in (stats.get(INCOMPLETE) or {}).items()}
        # A board error always leaves its board incomplete, even one counted by other code.
        for board, counts in counters.items():
            if counts.get("error") and board not in incomplete:
                incomplete[board] = [f"{counts['error']} error(s)"]
        return cls(
            finished=finished,
            stopped=None if finished else f"the crawl did not finish ({reason or 'not started'})",
            incomplete=dict(sorted(incomplete.items())),
            held={board: list(why) for board, why in sorted((stats.get(HELD) or {}).items())},
            held_counts={b: c["held"] for b, c in counters.items() if c.get("held")},
            read=tuple(b for b in counters if finished and b not in incomplete),
        )


@dataclass(frozen=True)
class Completeness:
    """Every source of a night: which were crawled completely, which boards were not and why."""

    sources: dict[str, SourceCompleteness]

    @classmethod
    def of(cls, stats: Mapping[str, Mapping[str, Any]]) -> Completeness:
        """From each source's crawler stats (``{source: stats}``)."""
        return cls({name: SourceCompleteness.of(name, s) for name, s in sorted(stats.items())})

    @property
    def complete(self) -> bool:
        """Every source finished and read every board completely."""
        return all(source.complete for source in self.sources.values())

    @property
    def finished(self) -> list[str]:
        """Sources whose crawl finished: their complete boards' postings may expire."""
        return [name for name, source in self.sources.items() if source.finished]

    @property
    def complete_sources(self) -> list[str]:
        return [name for name, source in self.sources.items() if source.complete]

    @property
    def boards_read(self) -> int:
        """How many boards were read completely tonight, over every source."""
        return sum(len(source.read) for source in self.sources.values())

    @property
    def incomplete_boards(self) -> dict[str, dict[str, list[str]]]:
        """``{source: {board: [why, …]}}`` of the finished sources' boards not read completely."""
        return {name: s.incomplete for name, s in self.sources.items() if s.incomplete}

    @property
    def unfinished(self) -> dict[str, str]:
        """``{source: why}`` of the sources whose crawl did not finish (no posting expires)."""
        return {name: s.stopped for name, s in self.sources.items() if s.stopped}

    def lines(self) -> Iterator[str]:
        """One line per source that did not finish and per board not read completely."""
        for name, source in self.sources.items():
            if source.stopped:
                yield f"{name}: {source.stopped}"
            for board, reasons in source.incomplete.items():
                yield f"{name}/{board}: {'; '.join(reasons)}"


# --- which board each posting came from ---------------------------------------------------------
#
# The item contract has no board, so a crawl writes it beside its feed, one JSON line per
# exported posting (``{"id", "board"}``) and per held posting (``{"id", "board", "held": why}``):
# ``scrapers/posting_boards.py`` writes the file, the night reads it back here.


@dataclass
class PostingBoards:
    """Tonight's postings' boards, and the postings held (known live, not read)."""

    boards: dict[str, str] = field(default_factory=dict)  # posting id -> board
    held: dict[str, str] = field(default_factory=dict)  # posting id -> board

    def add(self, line: Mapping[str, Any]) -> None:
        posting, board = line.get("id"), line.get("board")
        if not isinstance(posting, str) or not isinstance(board, str):
            return
        if line.get("held"):
            self.held[posting] = board
        else:
            self.boards[posting] = board
