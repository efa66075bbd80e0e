"""How a night went, and what ``scrapy crawlall`` exits with (no Scrapy import).

A night that ran to the end has a status, written at the top of its ``report.json``:

============  ==============================================================================
``complete``  every source was read in full: a posting gone from it has really gone
``degraded``  something was not read in full (:func:`incomplete` names it): its postings are
              kept live, the rest of the night is good
``failed``    no board was read in full, or nothing was exported: the night says nothing
============  ==============================================================================

A night that stops before publishing (:class:`NightStopped`, :class:`NightInterrupted`) leaves
the feeds folder and the state as they were.
"""

from __future__ import annotations

import signal
from collections.abc import Mapping

from scrapers.completeness import Completeness

COMPLETE, DEGRADED, FAILED = "complete", "degraded", "failed"

# The exit codes of `scrapy crawlall`, documented in the README (a Python traceback exits 1).
EXIT_COMPLETE = 0
EXIT_USAGE = 2  # Scrapy's own code for a usage error; also an earlier night refused
EXIT_DEGRADED = 3
EXIT_FAILED = 4  # a night that failed, or could not start
EXIT_RUNNING = 75  # another night holds the feeds folder (sysexits' EX_TEMPFAIL: try later)
EXIT_CODES = {COMPLETE: EXIT_COMPLETE, DEGRADED: EXIT_DEGRADED, FAILED: EXIT_FAILED}


def interrupted_exit_code(signum: int) -> int:
    """128 + the signal's number, as a shell reports a process a signal stopped: 130 for SIGINT,
    143 for SIGTERM."""
    return 128 + signum


def incomplete(completeness: Completeness) -> list[str]:
    """What tonight did not read in full, one line each (a source that did not finish, a board
    not read completely, with why): the one test of incompleteness the night's status reads."""
    return list(completeness.lines())


def night_status(completeness: Completeness, exported: int) -> str:
    """``complete``, ``degraded`` or ``failed`` for a night whose crawl read what
    ``completeness`` says and exported ``exported`` postings."""
    if exported == 0 or not completeness.boards_read:
        return FAILED
    return DEGRADED if incomplete(completeness) else COMPLETE


class NightStopped(Exception):
    """The night stopped before publishing anything: the feeds folder and the state are as they
    were. ``str()`` is the one line the command prints."""

    exit_code = EXIT_FAILED


class NightRunning(NightStopped):
    """Another night holds the feeds folder's lock."""

    exit_code = EXIT_RUNNING


class NightRefused(NightStopped):
    """The night asked for cannot be run as asked (an earlier night without ``--rebuild``)."""

    exit_code = EXIT_USAGE


class NightNotStarted(NightStopped):
    """A source's crawler could not be created or started."""

    exit_code = EXIT_FAILED

    def __init__(self, night: str, reasons: Mapping[str, str]) -> None:
        self.reasons = dict(reasons)
        # One line: sources failing for the same reason (a bad setting fails them all) together.
        by_reason: dict[str, list[str]] = {}
        for source, reason in sorted(reasons.items()):
            by_reason.setdefault(reason, []).append(source)
        causes = "; ".join(f"{', '.join(names)}: {why}" for why, names in by_reason.items())
        super().__init__(
            f"jobsieve night {night} could not start ({causes}): nothing published, "
            "the state unchanged"
        )


class NightStateUnusable(NightStopped):
    """The state could not be opened: a file that is not a usable SQLite database, a PostgreSQL
    server that cannot be reached, a state of another schema version."""

    exit_code = EXIT_FAILED

    def __init__(self, night: str, reason: str, started: bool = False) -> None:
        self.reason = reason
        what = "stopped after its crawl" if started else "could not start"
        super().__init__(
            f"jobsieve night {night} {what} ({reason}): nothing published, the state unchanged"
        )


class NightInterrupted(BaseException):
    """SIGINT or SIGTERM stopped the night before it published anything.

    A ``BaseException``, as ``KeyboardInterrupt`` is: it is raised from the signal handler
    wherever the night is, and no ``except Exception`` on the way (a signal receiver's, for one)
    may swallow it."""

    def __init__(self, night: str, signum: int) -> None:
        self.signum = signum
        self.exit_code = interrupted_exit_code(signum)
        super().__init__(
            f"jobsieve night {night} interrupted by {signal.Signals(signum).name}: nothing "
            "published, the state unchanged"
        )
