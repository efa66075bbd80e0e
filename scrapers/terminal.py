"""What `scrapy crawlall` writes where: everything to the night's log file, and to the terminal
(stderr) only the warnings a person has to read now (no Scrapy import).

Log levels, the rule every spider and middleware of jobsieve follows:

- **INFO**: the normal life of a job board, which the spider handles and counts in its stats (so
  ``report.json`` shows it): an entry the board itself hides (an unlisted Ashby job), a job page
  gone between the list and the page (404, 410), a page behind a bot wall whose posting is kept
  from its list, a detail API that failed while the page or the list gives the posting, an
  embedded state that does not parse while the visible page does, a paging API that repeats its
  last page where the list ends. Nothing is lost that the report does not count.
- **WARNING** (or ERROR): a problem a person should know, because tonight's data is poorer for
  it or something must be mended: a board failed or was not read in full (its postings cannot
  expire), a posting held or dead-lettered, a list that cannot be read, a setting or a sources
  file that cannot be right. Those the night's report counts and its summary names (a board's
  error, a board not read in full, a posting held, an item dropped) are marked
  :func:`in_report`: they stay in the log file, and on the terminal the summary's problem lines
  stand for them instead of one line each. The rest (a board that lists nothing, a sources file
  not read, a cache that cannot be opened, a missing recording, …) reach the terminal as they
  happen.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

# The attribute a log record carries when the night's report counts and names what it says.
IN_REPORT = "jobsieve_in_report"

# Scrapy's line for each dropped item (scrapy.logformatter.DROPPEDMSG, logged at WARNING unless
# the DropItem says otherwise): every dropped item is counted in the report and kept, with why, in
# the dead letters.
_DROPPED = ("scrapy.core.scraper", "Dropped: %(exception)s")

TERMINAL_FORMAT = "[%(name)s] %(levelname)s: %(message)s"


def in_report() -> dict[str, Any]:
    """``extra=`` of a log call whose condition the night's report counts and names: kept in
    the log file, left off the terminal (a new dict each call: Scrapy's spider logger adds to
    it)."""
    return {IN_REPORT: True}


def night_log_file(feeds_dir: Path, night: str) -> Path:
    """Where a night logs when no ``--logfile`` / ``LOG_FILE`` is given: beside its feeds, one
    file per night (a night run again appends to it)."""
    return feeds_dir / "logs" / f"{night}.log"


class TerminalFilter(logging.Filter):
    """Lets through what a person has to read now: not what the report will name."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, IN_REPORT, False):
            return False
        name, message = _DROPPED
        return not (
            record.name == name and isinstance(record.msg, str) and record.msg.startswith(message)
        )


class TerminalHandler(logging.Handler):
    """Writes to the ``sys.stderr`` of the moment, not the one of its creation: while the live
    progress display runs, ``sys.stderr`` is rich's proxy, which prints a line above the display
    instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
            stream = sys.stderr
            stream.write(line + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)


def terminal_level(log_level: str | int) -> int:
    """The terminal's level: WARNING, or the log's own when higher (``-L ERROR``)."""
    level = logging.getLevelName(log_level) if isinstance(log_level, str) else log_level
    return max(logging.WARNING, level if isinstance(level, int) else logging.WARNING)


def is_stderr(path: str | Path) -> bool:
    """``path`` is the file stderr writes to (``--logfile /dev/stderr``): the log is the
    terminal already, and a terminal handler would print each warning twice."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stderr.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def install_terminal_handler(log_level: str | int) -> logging.Handler:
    """A handler of the root logger for the terminal; remove it with
    :func:`remove_terminal_handler` when the night is over."""
    handler = TerminalHandler(terminal_level(log_level))
    handler.setFormatter(logging.Formatter(TERMINAL_FORMAT))
    handler.addFilter(TerminalFilter())
    logging.getLogger().addHandler(handler)
    return handler


def remove_terminal_handler(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
