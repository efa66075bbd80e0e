"""Each fault of the fault server met by a real crawl over real sockets: Scrapy's downloader,
retry, redirect, robots.txt and decompression, and every middleware, callback and pipeline of
the project (``tests/support/faultserver/``, reached through ``tests/support/loopback.py``).

Per fault: the good postings kept, the board's counters and the message naming it; Retry-After
honoured and capped, a 403 counted as blocked, failure messages saying what came back,
DOWNLOAD_MAXSIZE for job data and decompression bombs, every request waiting for robots.txt
checked against it, and one request at a time per host even without a download delay (three
things Scrapy 2.19 alone does not do: ``scrapers/politeness.py``).

Greenhouse boards are crawled without their jobs' own pages (``pay_ranges=false``) so that what
a list held is what is exported; the nights (``tests/test_fault_nights.py``) fetch them.
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
import pytest_twisted

from scrapers.extractors.greenhouse import board_jobs_url
from scrapers.extractors.lever import postings_url
from tests.support.faultserver import GREENHOUSE, LEVER_EU, Arrival
from tests.support.faultserver.crawls import FaultCrawl, ProcessCrawl, crawl_faults, crawl_process
from tests.support.faultserver.faults import BAD_UTF8_TITLE, LATIN1_TITLE, SURROGATE_TITLE
from tests.support.faultserver.postings import JOBS, posting_ids

SOURCES = ["greenhouse", "lever"]
# A crawl's boards, one per fault.
READ_WELL = ["good", "surrogate", "latin1", "badutf8", "dupes"]
FAILING = ["redirectloop", "truncated", "reset", "html", "error503", "waf403"]
RETRIED = 1 + 2  # RETRY_TIMES = 2
# A timer's wake-up may come a hair before the second it was set for.
EARLY = 0.05
MIB = 1 << 20


def list_url(source: str, board: str) -> str:
    return board_jobs_url(board) if source == "greenhouse" else postings_url(board, 0)


@pytest_twisted.async_fixture(scope="module")
async def fault_crawls(fault_server, tmp_path_factory) -> dict[str, FaultCrawl]:
    """One crawl per source over a board of each fault."""
    tmp = tmp_path_factory.mktemp("fault-crawls")
    boards = ",".join(READ_WELL + FAILING)
    return {
        "greenhouse": await crawl_faults(
            fault_server, "greenhouse", tmp / "greenhouse", boards=boards, pay_ranges="false"
        ),
        "lever": await crawl_faults(fault_server, "lever", tmp / "lever", boards=boards),
    }


def _reason(done: FaultCrawl, board: str) -> str:
    [reason] = done.reasons()[board]
    return reason


# --- what is read well is kept whole ------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_a_good_board_keeps_every_posting(fault_crawls, source):
    done = fault_crawls[source]
    assert ({i["id"] for i in done.items_of(source, "good")}, done.board(source, "good")) == (
        posting_ids(source, "good"),
        {"postings": JOBS},
    )


ONE_BAD_THING = {
    # fault: (the counters of its board, the title of its odd job as exported)
    "surrogate": ({"postings": 3}, SURROGATE_TITLE.replace("\ud800", "\ufffd")),
    "latin1": ({"decode_replaced": 1, "postings": 3}, LATIN1_TITLE),
    "badutf8": ({"decode_replaced": 1, "postings": 3}, BAD_UTF8_TITLE.replace("MARK", "\ufffd")),
    "dupes": ({"postings": 3, "repeated": 4}, None),
}


@pytest.mark.parametrize("fault", ONE_BAD_THING)
@pytest.mark.parametrize("source", SOURCES)
def test_one_bad_job_byte_or_repeat_costs_no_posting(fault_crawls, source, fault):
    done = fault_crawls[source]
    counters, title = ONE_BAD_THING[fault]
    items = done.items_of(source, fault)
    assert (
        sorted(i["id"] for i in items),
        done.board(source, fault),
        fault in done.reasons(),
        title is None or title in {i["title"] for i in items},
    ) == (sorted(posting_ids(source, fault)), counters, False, True)


@pytest.mark.parametrize("source", SOURCES)
def test_a_body_not_valid_in_its_charset_is_counted_and_named(fault_crawls, source):
    done = fault_crawls[source]
    assert (
        done.counters("jobsieve/decode_replaced"),
        f"Board 'latin1': {list_url(source, 'latin1')} is not valid utf-8: read as cp1252"
        in done.log,
        f"Board 'badutf8': {list_url(source, 'badutf8')} is not valid utf-8: 1 byte sequence(s) "
        "replaced by U+FFFD" in done.log,
    ) == ({"jobsieve/decode_replaced": 2}, True, True)


@pytest.mark.parametrize("source", SOURCES)
def test_the_failing_boards_cost_no_other_board(fault_crawls, source):
    done = fault_crawls[source]
    expected = set().union(*(posting_ids(source, board) for board in READ_WELL))
    assert (
        sorted(i["id"] for i in done.items),
        sorted(done.reasons()),
        done.reasons("held"),
        done.stats["finish_reason"],
    ) == (sorted(expected), sorted(FAILING), {}, "finished")


# --- what fails, fails its board by name --------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_a_redirect_loop_fails_its_board_by_name(fault_crawls, source):
    done = fault_crawls[source]
    a = list_url(source, "redirectloop")
    b = f"{a}&loop=1"
    reason = f"redirect loop: {a} -> {b} -> {a}"
    assert (
        done.board(source, "redirectloop"),
        done.reasons()["redirectloop"],
        f"Board 'redirectloop' of {source} failed: {reason}" in done.log,
        [f"https://{r.host}{r.target}" for r in done.list_requests(source, "redirectloop")],
    ) == ({"error": 1}, [reason], True, [a, b])


@pytest.mark.parametrize("fault", ["truncated", "reset"])
@pytest.mark.parametrize("source", SOURCES)
def test_a_connection_cut_mid_body_fails_its_board_after_retries(fault_crawls, source, fault):
    done = fault_crawls[source]
    assert (
        done.board(source, fault),
        fault in done.reasons(),
        len(done.list_requests(source, fault)),
        done.items_of(source, fault),
    ) == ({"error": 1}, True, RETRIED, [])


@pytest.mark.parametrize("fault", ["truncated", "reset"])
@pytest.mark.parametrize("source", SOURCES)
def test_a_connection_cut_mid_body_says_why(fault_crawls, source, fault):
    reason = _reason(fault_crawls[source], fault)
    assert reason.startswith(
        "ResponseDataLossError: the connection closed before the whole body arrived"
    ), reason


@pytest.mark.parametrize("source", SOURCES)
def test_an_html_page_where_json_was_expected_fails_its_board(fault_crawls, source):
    done = fault_crawls[source]
    assert (
        done.board(source, "html"),
        done.items_of(source, "html"),
        "html" in done.reasons(),
    ) == (
        {"error": 1},
        [],
        True,
    )


@pytest.mark.parametrize("source", SOURCES)
def test_an_html_page_where_json_was_expected_is_named_html(fault_crawls, source):
    reason = _reason(fault_crawls[source], "html")
    assert "text/html" in reason and ("<!DOCTYPE html>" in reason or "Careers at Acme" in reason)


@pytest.mark.parametrize("source", SOURCES)
def test_an_http_error_fails_its_board_after_retries(fault_crawls, source):
    done = fault_crawls[source]
    assert (
        done.board(source, "error503"),
        _reason(done, "error503").startswith("HTTP 503"),
        len(done.list_requests(source, "error503")),
    ) == ({"error": 1}, True, RETRIED)


@pytest.mark.parametrize("source", SOURCES)
def test_an_http_error_says_what_came_back(fault_crawls, source):
    reason = _reason(fault_crawls[source], "error503")
    assert all(part in reason for part in ("HTTP 503", "text/html", "Service Unavailable")), reason


@pytest.mark.parametrize("source", SOURCES)
def test_a_waf_403_leaves_its_board_incomplete(fault_crawls, source):
    done = fault_crawls[source]
    assert (done.items_of(source, "waf403"), "waf403" in done.reasons()) == ([], True)


@pytest.mark.parametrize("source", SOURCES)
def test_a_waf_403_is_blocked_not_a_board_error(fault_crawls, source):
    done = fault_crawls[source]
    counters = done.board(source, "waf403")
    assert (
        counters.get("blocked"),
        "error" in counters,
        done.counters("jobsieve/blocked"),
        "waf403" in done.reasons(),
    ) == (1, False, {"jobsieve/blocked": 1}, True)


# --- no network ---------------------------------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_no_network_fails_every_board_by_name(fault_server, closed_port, tmp_path):
    done = await crawl_faults(
        fault_server, "lever", tmp_path, boards="good-a,eu:good-b", port=closed_port
    )
    reasons = done.reasons()
    assert (
        done.items,
        sorted(reasons),
        all("Connection refused" in why for [why] in reasons.values()),
        done.counters("jobsieve/source/"),
        done.arrivals,
    ) == (
        [],
        ["eu:good-b", "good-a"],
        True,
        {"jobsieve/source/lever/eu:good-b/error": 1, "jobsieve/source/lever/good-a/error": 1},
        [],
    )


# --- Retry-After --------------------------------------------------------------------------------


@pytest_twisted.async_fixture(scope="module")
async def rate_limited(fault_server, tmp_path_factory) -> dict[str, FaultCrawl]:
    """429 and 503 answers with Retry-After: in seconds, as an HTTP-date, and over the cap. A
    crawl that would wait out an hour is cut short (CLOSESPIDER_TIMEOUT)."""
    tmp = tmp_path_factory.mktemp("rate-limited")
    stop = {"CLOSESPIDER_TIMEOUT": 15}
    return {
        "seconds": await crawl_faults(
            fault_server,
            "greenhouse",
            tmp / "seconds",
            boards="ratelimit-2,slow-300-a,slow-300-b,slow-300-c",
            pay_ranges="false",
            # A delay between requests, as in a real crawl: with none, Scrapy sends every queued
            # request of a host at once (one request at a time, below).
            settings={**stop, "DOWNLOAD_DELAY": 0.1},
        ),
        "date": await crawl_faults(
            fault_server,
            "lever",
            tmp / "date",
            boards="ratelimitdate-2,good-a,eu:unavailable-1,eu:good-b",
            settings=stop,
        ),
        "over_cap": await crawl_faults(
            fault_server,
            "greenhouse",
            tmp / "over-cap",
            boards="ratelimit-3600,good-a",
            pay_ranges="false",
            settings=stop,
        ),
    }


def _retry_gap(done: FaultCrawl, source: str, board: str) -> float:
    """Seconds from the end of the first answer to the arrival of its retry."""
    first, retry = done.list_requests(source, board)
    assert first.answered is not None
    return retry.at - first.answered


@pytest.mark.parametrize(
    ("crawl", "source", "board"),
    [
        ("seconds", "greenhouse", "ratelimit-2"),
        ("date", "lever", "ratelimitdate-2"),
        ("date", "lever", "eu:unavailable-1"),
    ],
)
def test_a_board_answered_after_a_429_or_503_keeps_its_postings(rate_limited, crawl, source, board):
    done = rate_limited[crawl]
    assert (
        [r.status for r in done.list_requests(source, board)],
        {i["id"] for i in done.items_of(source, board)},
        board in done.reasons(),
    ) == ([429 if "ratelimit" in board else 503, 200], posting_ids(source, board), False)


def test_retry_after_in_seconds_is_honoured(rate_limited):
    done = rate_limited["seconds"]
    gap = _retry_gap(done, "greenhouse", "ratelimit-2")
    assert 2 - EARLY <= gap <= 2 + 3, gap
    assert done.counters("jobsieve/retry_after/") == {"jobsieve/retry_after/honoured": 1}


def test_the_hosts_other_requests_wait_out_retry_after_too(rate_limited):
    done = rate_limited["seconds"]
    [limited, *_] = done.list_requests("greenhouse", "ratelimit-2")
    assert limited.answered is not None
    later = [a for a in done.arrivals if a.host == GREENHOUSE and a.at > limited.answered]
    early = [a.target for a in later if a.at < limited.answered + 2 - EARLY]
    # One request may have left before the 429 was read: the downloader sends the next as soon
    # as an answer is in, before any middleware sees it.
    assert len(early) <= 1, early
    assert len(later) == 4  # the retry and three boards


def test_retry_after_as_an_http_date_is_honoured(rate_limited):
    first, retry = rate_limited["date"].list_requests("lever", "ratelimitdate-2")
    when = parsedate_to_datetime(first.answer_headers["Retry-After"]).timestamp()
    assert when - EARLY <= retry.wall <= when + 3, (when, retry.wall)


def test_a_503s_retry_after_is_honoured(rate_limited):
    gap = _retry_gap(rate_limited["date"], "lever", "eu:unavailable-1")
    assert 1 - EARLY <= gap <= 1 + 3, gap


def test_a_retry_after_over_the_cap_fails_the_board_at_once(rate_limited):
    done = rate_limited["over_cap"]
    reason = " ".join(done.reasons().get("ratelimit-3600", []))
    assert (
        len(done.list_requests("greenhouse", "ratelimit-3600")),
        "Retry-After" in reason and "JOBSIEVE_RETRY_AFTER_MAX" in reason,
        done.counters("jobsieve/retry_after/"),
        {i["id"] for i in done.items},
        done.stats["finish_reason"],
    ) == (
        1,
        True,
        {"jobsieve/retry_after/over_cap": 1},
        posting_ids("greenhouse", "good-a"),
        "finished",
    )


# --- one request at a time per host ------------------------------------------------------------


def _most_at_once(arrivals: list[Arrival], host: str) -> int:
    """The most requests to ``host`` the server was answering at the same time."""
    events = sorted(
        (moment, step)
        for a in arrivals
        if a.host == host and a.answered is not None
        for moment, step in ((a.at, 1), (a.answered, -1))
    )
    most = now = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most


async def _slow_boards(server, tmp: Path, delay: float) -> FaultCrawl:
    return await crawl_faults(
        server,
        "greenhouse",
        tmp,
        boards="slow-200-a,slow-200-b,slow-200-c",
        pay_ranges="false",
        settings={"DOWNLOAD_DELAY": delay},
    )


@pytest_twisted.ensureDeferred
async def test_one_request_at_a_time_per_host_with_a_download_delay(fault_server, tmp_path):
    done = await _slow_boards(fault_server, tmp_path, 0.05)
    assert (_most_at_once(done.arrivals, GREENHOUSE), len(done.items)) == (1, 3 * JOBS)


@pytest_twisted.ensureDeferred
async def test_one_request_at_a_time_per_host_without_a_download_delay(fault_server, tmp_path):
    done = await _slow_boards(fault_server, tmp_path, 0)
    assert _most_at_once(done.arrivals, GREENHOUSE) == 1


# --- robots.txt ---------------------------------------------------------------------------------


@pytest_twisted.async_fixture(scope="module")
async def robots_crawls(fault_server, tmp_path_factory) -> dict[str, FaultCrawl]:
    """Four boards robots.txt forbids and one it allows, all on one host whose robots.txt comes
    after half a second: every request waits for it at once."""
    tmp = tmp_path_factory.mktemp("robots")
    forbidden = ",".join(f"forbidden-{n}" for n in range(1, 5))
    return {
        "greenhouse": await crawl_faults(
            fault_server,
            "greenhouse",
            tmp / "greenhouse",
            boards=f"good-a,{forbidden}",
            pay_ranges="false",
            robots_delay={GREENHOUSE: 0.5},
        ),
        "lever": await crawl_faults(
            fault_server,
            "lever",
            tmp / "lever",
            boards="eu:good-a," + ",".join(f"eu:forbidden-{n}" for n in range(1, 5)),
        ),
    }


GOOD_A = {"greenhouse": "good-a", "lever": "eu:good-a"}


@pytest.mark.parametrize("source", SOURCES)
def test_robots_txt_is_asked_once_per_host_and_the_allowed_board_kept(robots_crawls, source):
    done = robots_crawls[source]
    host = GREENHOUSE if source == "greenhouse" else LEVER_EU
    assert (
        done.counters("robotstxt/request_count"),
        next(a.path for a in done.arrivals if a.host == host),
        {i["id"] for i in done.items_of(source, GOOD_A[source])},
    ) == ({"robotstxt/request_count": 1}, "/robots.txt", posting_ids(source, GOOD_A[source]))


@pytest.mark.parametrize("source", SOURCES)
def test_every_request_waiting_for_robots_txt_is_checked_against_it(robots_crawls, source):
    done = robots_crawls[source]
    prefix = "eu:" if source == "lever" else ""
    forbidden = [f"{prefix}forbidden-{n}" for n in range(1, 5)]
    reasons = done.reasons()
    assert (
        done.counters("robotstxt/forbidden"),
        [a.target for a in done.arrivals if "/forbidden" in a.path],
        [board for board in forbidden if "robots.txt" not in " ".join(reasons.get(board, []))],
    ) == ({"robotstxt/forbidden": 4}, [], [])


# --- too large: an answer over DOWNLOAD_MAXSIZE, a decompression bomb --------------------------


@pytest_twisted.async_fixture(scope="module")
async def huge_crawl(fault_server, tmp_path_factory) -> FaultCrawl:
    """40 MiB lists: over the 32 MiB of job data on Lever, under Greenhouse's 128 MiB (its list is
    the whole board, every description in it)."""
    root = tmp_path_factory.mktemp("huge")
    return {
        "lever": await crawl_faults(fault_server, "lever", root / "lever", boards="huge,good-a"),
        "greenhouse": await crawl_faults(
            fault_server, "greenhouse", root / "greenhouse", boards="huge", pay_ranges="false"
        ),
    }


def test_a_huge_answer_costs_no_other_board(huge_crawl):
    assert {i["id"] for i in huge_crawl["lever"].items_of("lever", "good-a")} == posting_ids(
        "lever", "good-a"
    )


def test_an_answer_over_download_maxsize_fails_its_board_by_name(huge_crawl):
    done = huge_crawl["lever"]
    reason = " ".join(done.reasons().get("huge", []))
    assert (
        done.board("lever", "huge"),
        "DOWNLOAD_MAXSIZE" in reason,
        done.counters("jobsieve/too_large"),
    ) == ({"error": 1, "too_large": 1}, True, {"jobsieve/too_large": 1})


def test_a_whole_board_list_may_be_larger_on_greenhouse(huge_crawl):
    done = huge_crawl["greenhouse"]
    assert (done.board("greenhouse", "huge"), done.counters("jobsieve/too_large")) == (
        {"postings": JOBS},
        {},
    )


@pytest.fixture(scope="module")
def bomb_crawl(fault_server, tmp_path_factory) -> ProcessCrawl:
    """A gzip bomb and a good board, crawled by a ``scrapy crawl`` process of its own: its peak
    memory is its own, and the test process never holds the inflated body."""
    return crawl_process(
        fault_server,
        tmp_path_factory.mktemp("bomb"),
        "greenhouse",
        *("-a", "boards=bomb,good-a", "-a", "pay_ranges=false"),
    )


def test_a_gzip_bomb_fails_its_board_naming_download_maxsize(bomb_crawl):
    reasons = bomb_crawl.stats.get("jobsieve/incomplete", {})
    assert (
        bomb_crawl.returncode,
        bomb_crawl.counters("jobsieve/source/greenhouse/"),
        "DOWNLOAD_MAXSIZE" in " ".join(reasons.get("bomb", [])),
        bomb_crawl.stats.get("item_scraped_count"),
    ) == (
        0,
        {
            "jobsieve/source/greenhouse/bomb/decompression_bomb": 1,
            "jobsieve/source/greenhouse/bomb/error": 1,
            "jobsieve/source/greenhouse/good-a/postings": JOBS,
        },
        True,
        JOBS,
    )


def test_a_gzip_bomb_is_refused_at_the_cap_and_counted(bomb_crawl):
    assert (
        bomb_crawl.counters("jobsieve/decompression_bomb"),
        bomb_crawl.peak_rss < 400 * MIB,
    ) == ({"jobsieve/decompression_bomb": 1}, True), f"peak RSS {bomb_crawl.peak_rss / MIB:.0f} MiB"


def test_the_bomb_crawl_measures_its_own_process(bomb_crawl, fault_server):
    """The measure is of the crawl's process (the bomb inflates there, up to DOWNLOAD_MAXSIZE),
    and the bomb went over the wire to it whole."""
    [bomb] = [a for a in bomb_crawl.arrivals if a.path == "/v1/boards/bomb/jobs"]
    assert (
        bomb.status,
        bomb_crawl.peak_rss > 50 * MIB,
        fault_server.bomb.stat().st_size > 10**7,
    ) == (
        200,
        True,
        True,
    )
