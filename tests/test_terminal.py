"""What `scrapy crawlall` shows on the terminal, and what its log file keeps: real `crawlall
--offline` processes over the shipped world, at the seeds' frozen clock — with stderr a pipe (as
cron and CI run it) and under a pseudo-terminal (as a person runs it)."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrapers.night.status import EXIT_COMPLETE
from tests.conftest import CRAWL_TIME, ROOT, run_scrapy
from tests.support.crash_points import crash_settings

NIGHT = CRAWL_TIME[:10]
CLOCK = ("-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}")
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[(?P<name>[^\]]+)\] (?P<level>[A-Z]+): ")

# The shipped world's expected conditions (the normal life of a job board: scrapers/terminal.py),
# each logged at INFO and counted.
EXPECTED = {
    "ashby": ("skipped an entry: job ", "is unlisted (isListed: false)"),
    "teal": ("malformed state: malformed JSON", "; read the visible page"),
    "workday": ("page at offset 40 is a repeated page", "; stopped paging there"),
    "welcometothejungle": ("detail API failed (HTTP 404 from", "Blocked (HTTP 202)"),
}
COUNTED = (
    "'jobsieve/source/ashby/larkspur/skipped': 1",
    "'jobsieve/source/workday/ostara/wd1/OstaraCareers/repeated_page': 1",
    "'jobsieve/blocked': 1",
)


def _levels(log: str, name: str, *words: str) -> set[str]:
    """The levels of the log lines of logger ``name`` holding every one of ``words``."""
    return {
        match["level"]
        for line in log.splitlines()
        if (match := LOG_LINE.match(line))
        and match["name"] == name
        and all(w in line for w in words)
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A folder run as the project (its own scrapy.cfg): where a user's feeds/ would be."""
    folder = tmp_path_factory.mktemp("project")
    (folder / "scrapy.cfg").write_text("[settings]\ndefault = scrapers.settings\n")
    return folder


@pytest.fixture(scope="module")
def quiet_night(project) -> subprocess.CompletedProcess:
    """The README's `scrapy crawlall --offline`, stderr a pipe."""
    result = run_scrapy("crawlall", "--offline", *CLOCK, cwd=project, timeout=300)
    assert result.returncode == EXIT_COMPLETE, result.stderr[-3000:]
    return result


def test_the_terminal_of_a_night_without_problems_is_one_line_naming_the_log(quiet_night):
    log = f"feeds/offline/logs/{NIGHT}.log"
    assert quiet_night.stderr.splitlines() == [f"  log                  {log}"]


def test_the_summary_on_stdout_is_unchanged(quiet_night):
    lines = quiet_night.stdout.splitlines()
    assert lines[0].startswith(f"jobsieve night {NIGHT} complete: ")
    assert lines[0].endswith(" (offline, recorded world)")
    assert f"  report.json          feeds/offline/{NIGHT}/report.json" in lines
    # Then one line per problem, naming where to look (the log, by its path), or none.
    assert lines[-1].startswith(("problem: ", "no problems"))
    problems = [line for line in lines if line.startswith("problem: ")]
    assert all(f"feeds/offline/logs/{NIGHT}.log" in line for line in problems)


def test_the_log_file_holds_the_whole_night_at_info(project, quiet_night):
    log = (project / "feeds" / "offline" / "logs" / f"{NIGHT}.log").read_text(encoding="utf-8")
    levels = {m["level"] for line in log.splitlines() if (m := LOG_LINE.match(line))}
    assert levels == {"INFO"}, "the shipped world's night warns of nothing"
    assert log.count("[scrapy.core.engine] INFO: Spider closed (finished)") == 12
    # Without a terminal: a line per source as it finishes, so a short night shows progress.
    progress = re.findall(r"Night progress: (\d+)/12 sources done \((\w+) finished: ", log)
    assert [int(done) for done, _ in progress] == list(range(1, 13))
    assert len({name for _, name in progress}) == 12


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_the_shipped_worlds_expected_conditions_are_info_and_counted(project, quiet_night, source):
    log = (project / "feeds" / "offline" / "logs" / f"{NIGHT}.log").read_text(encoding="utf-8")
    for words in EXPECTED[source]:
        assert _levels(log, source, words) == {"INFO"}, words
    assert all(count in log for count in COUNTED)


def test_logfile_loglevel_and_nolog_are_honoured(project):
    """``--logfile`` is where the log goes (no night log beside the feeds), at ``-L``'s level;
    the terminal still gets warnings only; ``--nolog`` writes no log at all."""
    logged = run_scrapy(
        "crawlall", "--offline", "--sources", "teal", "--logfile", "mine/night.log",
        "-L", "DEBUG", "--night", "2026-11-23", *CLOCK, cwd=project,
    )  # fmt: skip
    assert logged.returncode == EXIT_COMPLETE, logged.stderr[-3000:]
    assert logged.stderr.splitlines() == ["  log                  mine/night.log"]
    log = (project / "mine" / "night.log").read_text(encoding="utf-8")
    assert "] DEBUG: " in log and "] INFO: Night progress: 1/1 sources done (teal" in log
    assert not (project / "feeds" / "offline" / "logs" / "2026-11-23.log").exists()

    silent = run_scrapy(
        "crawlall", "--offline", "--sources", "teal", "--nolog", "--night", "2026-11-24", *CLOCK,
        cwd=project,
    )  # fmt: skip
    assert (silent.returncode, silent.stderr) == (EXIT_COMPLETE, "")
    assert not (project / "feeds" / "offline" / "logs" / "2026-11-24.log").exists()


# --- under a pseudo-terminal ---------------------------------------------------------------------

SHOW_CURSOR, HIDE_CURSOR = b"\x1b[?25h", b"\x1b[?25l"


def _in_a_terminal(feeds: Path, *extra: str) -> tuple[int, bytes, str]:
    """`scrapy crawlall --offline` into ``feeds`` with stderr (and stdin) a pseudo-terminal,
    stdout a pipe: its exit code, all it drew on the terminal, and its stdout."""
    extra = ("-s", f"JOBSIEVE_FEEDS_DIR={feeds}", *extra)
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONHASHSEED": "0", "TERM": "xterm-256color", "COLUMNS": "150"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    for name in ("TTY_COMPATIBLE", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    night = subprocess.Popen(
        [sys.executable, "-m", "scrapy", "crawlall", "--offline", *CLOCK, *extra],
        cwd=ROOT,
        env=env,
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    drawn = b""
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if not ready:
                if night.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the last holder of the terminal has gone
                break
            if not chunk:
                break
            drawn += chunk
        stdout = night.communicate(timeout=60)[0].decode()
    finally:
        if night.poll() is None:
            night.kill()
        os.close(controller)
    return night.returncode, drawn, stdout


def test_a_terminal_shows_live_progress_and_is_left_as_it_was(tmp_path):
    code, drawn, stdout = _in_a_terminal(tmp_path / "feeds")
    assert code == EXIT_COMPLETE, drawn[-3000:]
    text = drawn.decode(errors="replace")
    figures = r"(\d+)/12\S*\s+sources\s+(\d+) requests, (\d+) postings, (\d+) errors"
    shown = re.findall(figures, text)
    done = [int(d) for d, *_ in shown]
    assert done[-1] == 12 and min(done) < 12 and done == sorted(done), "refreshed as it crawls"
    assert shown[-1][2] == stdout.splitlines()[0].split(": ")[1].split()[0]  # postings
    # The cursor is shown again after it was last hidden; the last line names the log.
    assert drawn.rfind(SHOW_CURSOR) > drawn.rfind(HIDE_CURSOR)
    assert text.rstrip().splitlines()[-1].endswith(f"logs/{NIGHT}.log")
    assert stdout.startswith(f"jobsieve night {NIGHT} complete:")


def test_a_terminal_interrupted_mid_crawl_is_left_as_it_was(tmp_path):
    code, drawn, stdout = _in_a_terminal(
        tmp_path / "feeds", *crash_settings("items:10", signal.SIGINT)
    )
    assert code == 128 + signal.SIGINT, drawn[-3000:]
    text = drawn.decode(errors="replace")
    assert "sources" in text and stdout == ""
    assert drawn.rfind(SHOW_CURSOR) > drawn.rfind(HIDE_CURSOR)
    assert text.rstrip().splitlines()[-1] == (
        f"jobsieve night {NIGHT} interrupted by SIGINT: nothing published, the state unchanged"
    )
