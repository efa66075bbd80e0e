"""The board-fault contract, the same for every source with boards: a board the source does not
know, one answering what is not the source's format and one listing no job are each counted and
named while the source's good boards yield every posting, in one real night
(``tests/support/faults/<source>.py`` says how each source's failing boards look)."""

from __future__ import annotations

import pytest

from scrapers import registry
from tests.support.faults import FAULTS
from tests.support.inprocess import spider_class
from tests.support.nights import Night

SOURCES = sorted(FAULTS)
GONE = sorted(name for name, faults in FAULTS.items() if faults.gone)


def test_every_source_with_boards_is_under_the_contract():
    with_boards = {n for n in registry.sources() if spider_class(n).board_pattern is not None}
    assert set(FAULTS) == with_boards


def _named_error(night: Night, source: str, board: str, reason: str = "") -> tuple[int, bool]:
    """The board's error count, and whether the log names the board, its source and ``reason``."""
    return (
        night.boards(source)[board].get("errors"),
        f"Board {board!r} of {source} failed: {reason}" in night.log,
    )


@pytest.mark.parametrize("source", GONE)
def test_a_board_the_source_does_not_know_is_a_named_error(fault_night, source):
    assert _named_error(fault_night, source, FAULTS[source].gone, "HTTP 404") == (1, True)


@pytest.mark.parametrize("source", SOURCES)
def test_a_board_answering_garbage_is_a_named_error(fault_night, source):
    assert _named_error(fault_night, source, FAULTS[source].broken) == (1, True)


@pytest.mark.parametrize("source", SOURCES)
def test_a_board_listing_nothing_is_counted_empty_not_failed(fault_night, source):
    counts = fault_night.boards(source)[FAULTS[source].empty]
    assert (counts.get("empty_lists"), counts.get("postings"), counts.get("errors")) == (1, 0, None)


@pytest.mark.parametrize("source", SOURCES)
def test_failing_boards_are_the_only_errors(fault_night, source):
    faults = FAULTS[source]
    expected = {faults.gone, faults.broken} - {None}
    assert (
        set(fault_night.report["sources"][source]["failing_boards"]) - set(faults.extra) == expected
    )


@pytest.mark.parametrize("source", SOURCES)
def test_good_boards_yield_as_on_a_night_without_faults(fault_night, shipped_night, source):
    faulty = {b: c for b, c in fault_night.boards(source).items() if b not in FAULTS[source].boards}
    assert faulty == shipped_night.boards(source)


@pytest.mark.parametrize("source", SOURCES)
def test_the_faulty_night_misses_no_recording(fault_night, source):
    assert fault_night.report["sources"][source]["missing_recordings"] == 0


@pytest.mark.parametrize("source", sorted(registry.sources()))
def test_a_value_that_cannot_be_a_board_stops_the_spider_at_start(source):
    cls = spider_class(source)
    with pytest.raises(ValueError, match=f"^{source}: "):
        cls(boards="not a board")
