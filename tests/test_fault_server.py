"""The fault server itself, on the wire: each board answers as its ATS does, and each fault does
what it says at the socket level (a FIN or an RST mid-body, a redirect loop, a 429 with
Retry-After, a gzip bomb, …), checked with ``http.client`` and raw sockets, no Scrapy."""

from __future__ import annotations

import gzip
import http.client
import json
import socket
import threading
import time
import zlib
from email.utils import parsedate_to_datetime

import pytest

from scrapers.extractors.greenhouse import parse_board_jobs, parse_job_detail
from scrapers.extractors.lever import parse_postings_page
from tests.support.faultserver import GREENHOUSE, LEVER, LEVER_EU, FaultServer
from tests.support.faultserver.bomb import BOMB_SIZE, MIB, bomb_bytes
from tests.support.faultserver.faults import (
    BAD_UTF8_TITLE,
    CAREERS_PAGE,
    HUGE,
    LATIN1_TITLE,
    UNAVAILABLE_PAGE,
    WAF_PAGE,
)
from tests.support.faultserver.postings import (
    JOBS,
    greenhouse_id,
    greenhouse_jobs,
    lever_id,
)

CRAWLED_AT = "2026-11-22T03:00:00Z"


def _list(board: str) -> str:
    return f"/v1/boards/{board}/jobs?content=true"


def _page(site: str, skip: int = 0) -> str:
    return f"/v0/postings/{site}?mode=json&skip={skip}&limit=100"


def get(
    server: FaultServer, host: str, target: str, timeout: float = 10
) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    connection.request("GET", target, headers={"Host": host})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def raw_get(server: FaultServer, host: str, target: str) -> tuple[bytes, BaseException | None]:
    """Everything the socket gives until it ends, and how it ended (None: a clean FIN)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        received = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError as error:
                return received, error
            if not chunk:
                return received, None
            received += chunk


def _head_and_body(raw: bytes) -> tuple[dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}, body


# --- the ATS shapes ---------------------------------------------------------------------------


def test_a_greenhouse_board_and_its_jobs_are_what_the_extractor_reads(faults):
    response, body = get(faults, GREENHOUSE, _list("good-acme"))
    listed = parse_board_jobs(body, crawled_at=CRAWLED_AT)
    job_id = greenhouse_id("good-acme", 1)
    detail, one = get(
        faults, GREENHOUSE, f"/v1/boards/good-acme/jobs/{job_id}?pay_transparency=true"
    )
    unknown, _ = get(faults, GREENHOUSE, "/v1/boards/good-acme/jobs/1?pay_transparency=true")
    assert (
        response.status,
        response.headers["Content-Type"],
        [p["source_id"] for p in listed.postings],
        listed.skipped,
        detail.status,
        parse_job_detail(one, crawled_at=CRAWLED_AT)["title"],
        unknown.status,
    ) == (
        200,
        "application/json; charset=utf-8",
        [str(job["id"]) for job in greenhouse_jobs("good-acme")],
        [],
        200,
        "Data Analyst 2",
        404,
    )


def test_a_lever_site_pages_as_the_api_does_on_both_instances(faults):
    _, first = get(faults, LEVER, _page("good-acme"))
    _, second = get(faults, LEVER, _page("good-acme", skip=100))
    _, europe = get(faults, LEVER_EU, _page("good-acme"))
    read = parse_postings_page(first, board="good-acme", crawled_at=CRAWLED_AT)
    eu = json.loads(europe)
    assert (
        [p["source_id"] for p in read.postings],
        json.loads(second),
        eu[0]["hostedUrl"].startswith("https://jobs.eu.lever.co/good-acme/"),
        {p["id"] for p in eu} & {p["id"] for p in json.loads(first)},
    ) == ([lever_id("good-acme", n) for n in range(JOBS)], [], True, set())


def test_each_request_is_logged_with_its_host_and_times_and_reset_forgets_them(faults):
    before = time.monotonic()
    get(faults, GREENHOUSE, _list("good-a"))
    get(faults, LEVER, _page("good-b"))
    log = faults.arrivals()
    logged = [(a.host, a.target, a.status, before <= a.at <= a.answered) for a in log]
    faults.reset()
    assert (logged, faults.arrivals()) == (
        [(GREENHOUSE, _list("good-a"), 200, True), (LEVER, _page("good-b"), 200, True)],
        [],
    )


def test_robots_txt_forbids_the_forbidden_boards_and_lever_eu_answers_it_slowly(faults):
    _, greenhouse = get(faults, GREENHOUSE, "/robots.txt")
    started = time.monotonic()
    _, europe = get(faults, LEVER_EU, "/robots.txt")
    waited = time.monotonic() - started
    assert (greenhouse, europe, waited >= 0.5) == (
        b"User-agent: *\nDisallow: /v1/boards/forbidden\n",
        b"User-agent: *\nDisallow: /v0/postings/forbidden\n",
        True,
    )


def test_an_unknown_host_path_or_fault_is_404(faults):
    assert [
        get(faults, "elsewhere.example", _list("good"))[0].status,
        get(faults, GREENHOUSE, "/v2/other")[0].status,
        get(faults, GREENHOUSE, _list("nosuchfault"))[0].status,
    ] == [404, 404, 404]


def test_an_override_gives_a_board_another_fault_until_reset(faults):
    faults.overrides["greenhouse/good-acme"] = "waf403"
    walled, _ = get(faults, GREENHOUSE, _list("good-acme"))
    faults.reset()
    again, _ = get(faults, GREENHOUSE, _list("good-acme"))
    assert (walled.status, again.status) == (403, 200)


# --- faults in what a list holds ----------------------------------------------------------------


def test_redirectloop_sends_a_to_b_and_b_back_to_a(faults):
    a, _ = get(faults, GREENHOUSE, _list("redirectloop"))
    b, _ = get(faults, GREENHOUSE, _list("redirectloop") + "&loop=1")
    url = f"https://{GREENHOUSE}{_list('redirectloop')}"
    assert (a.status, a.headers["Location"], b.status, b.headers["Location"]) == (
        302,
        f"{url}&loop=1",
        302,
        url,
    )


@pytest.mark.parametrize(
    ("host", "target", "key"), [(GREENHOUSE, _list, "jobs"), (LEVER, _page, None)]
)
def test_surrogate_writes_one_lone_surrogate_as_a_json_escape(faults, host, target, key):
    _, body = get(faults, host, target("surrogate"))
    entries = json.loads(body)[key] if key else json.loads(body)
    titles = [entry.get("title") or entry.get("text") for entry in entries]
    assert (body.count(b"\\ud800"), titles[1], len(entries)) == (
        1,
        "Backend Engineer \ud800 Payments",
        3,
    )


def test_latin1_is_one_latin1_byte_in_a_list_declared_utf8(faults):
    response, body = get(faults, LEVER, _page("latin1"))
    with pytest.raises(UnicodeDecodeError) as error:
        body.decode("utf-8")
    assert (
        response.headers["Content-Type"],
        body[error.value.start : error.value.end],
        json.loads(body.decode("latin-1"))[0]["text"],
        body.decode("utf-8", "replace").count("\ufffd"),
    ) == ("application/json; charset=utf-8", b"\xe9", LATIN1_TITLE, 1)


def test_badutf8_is_one_invalid_byte_in_real_utf8(faults):
    _, body = get(faults, GREENHOUSE, _list("badutf8"))
    text = body.decode("utf-8", "replace")
    assert (body.count(b"\xff"), text.count("\ufffd"), "Z\u00fcrich Engineer \ufffd" in text) == (
        1,
        1,
        True,
    )
    assert BAD_UTF8_TITLE.replace("MARK", "\ufffd") in text


def test_dupes_lists_seven_entries_of_three_jobs(faults):
    _, body = get(faults, GREENHOUSE, _list("dupes"))
    ids = [job["id"] for job in json.loads(body)["jobs"]]
    assert (len(ids), len(set(ids)), set(ids)) == (
        7,
        3,
        {j["id"] for j in greenhouse_jobs("dupes")},
    )


def test_huge_is_a_valid_list_over_32_mib(faults):
    response, body = get(faults, GREENHOUSE, _list("huge"))
    assert (
        int(response.headers["Content-Length"]) > 32 * MIB,
        len(body) > HUGE,
        len(json.loads(body)["jobs"]),
    ) == (True, True, 3)


# --- answers that are not the list --------------------------------------------------------------


def test_ratelimit_answers_429_with_retry_after_once_then_the_list(faults):
    first, _ = get(faults, GREENHOUSE, _list("ratelimit-2"))
    second, body = get(faults, GREENHOUSE, _list("ratelimit-2"))
    assert (
        first.status,
        first.headers["Retry-After"],
        second.status,
        len(json.loads(body)["jobs"]),
    ) == (
        429,
        "2",
        200,
        3,
    )


def test_ratelimitdate_gives_retry_after_as_an_http_date_at_least_that_far_ahead(faults):
    asked = time.time()
    first, _ = get(faults, LEVER, _page("ratelimitdate-2"))
    when = parsedate_to_datetime(first.headers["Retry-After"]).timestamp()
    second, _ = get(faults, LEVER, _page("ratelimitdate-2"))
    assert (first.status, asked + 2 <= when <= asked + 3.5, second.status) == (429, True, 200)


def test_unavailable_answers_503_html_with_retry_after_once(faults):
    first, body = get(faults, LEVER_EU, _page("unavailable-1"))
    second, _ = get(faults, LEVER_EU, _page("unavailable-1"))
    assert (first.status, first.headers["Retry-After"], body, second.status) == (
        503,
        "1",
        UNAVAILABLE_PAGE,
        200,
    )


@pytest.mark.parametrize(
    ("fault", "status", "page"),
    [("error503", 503, UNAVAILABLE_PAGE), ("waf403", 403, WAF_PAGE), ("html", 200, CAREERS_PAGE)],
)
def test_html_answers_where_json_was_expected(faults, fault, status, page):
    response, body = get(faults, LEVER, _page(fault))
    again, _ = get(faults, LEVER, _page(fault))
    assert (response.status, response.headers["Content-Type"], body, again.status) == (
        status,
        "text/html; charset=utf-8",
        page,
        status,
    )


@pytest.mark.parametrize(
    ("fault", "ending"), [("truncated", None), ("reset", ConnectionResetError)]
)
def test_the_connection_ends_mid_body_with_a_fin_or_an_rst(faults, fault, ending):
    raw, error = raw_get(faults, GREENHOUSE, _list(fault))
    headers, body = _head_and_body(raw)
    length = int(headers["content-length"])
    assert (type(error) if error else None, 0 < len(body) <= length // 2 + 1) == (ending, True)


def test_bomb_is_ten_megabytes_of_gzip_that_inflates_to_ten_gib_of_zeros(faults):
    response, body = get(faults, GREENHOUSE, _list("bomb"), timeout=30)
    inflate = zlib.decompressobj(31)
    start = inflate.decompress(body[: 70 * 1024], 64 * MIB)
    # The trailer: CRC-32 and the inflated size modulo 2**32.
    size = int.from_bytes(body[-4:], "little")
    assert (
        response.headers["Content-Encoding"],
        len(body) < 11_000_000,
        body == bomb_bytes(),
        len(start) == 64 * MIB and not any(start),
        size == BOMB_SIZE % (1 << 32),
    ) == ("gzip", True, True, True, True)


def test_a_bomb_built_that_way_is_valid_gzip_of_its_size():
    # A small one, decompressed whole: gzip checks the CRC-32 and the size against the trailer.
    assert gzip.decompress(bomb_bytes(64 * MIB)) == bytes(64 * MIB)


def test_slow_answers_after_its_milliseconds_and_a_label_only_tells_boards_apart(faults):
    started = time.monotonic()
    response, body = get(faults, GREENHOUSE, _list("slow-300-b"))
    took = time.monotonic() - started
    jobs = json.loads(body)["jobs"]
    assert (response.status, took >= 0.3, jobs == greenhouse_jobs("slow-300-b")) == (
        200,
        True,
        True,
    )


def test_stall_answers_nothing_until_released(faults):
    got: list[int] = []
    thread = threading.Thread(
        target=lambda: got.append(get(faults, LEVER, _page("stall"))[0].status)
    )
    thread.start()
    assert faults.stalled.wait(5)
    time.sleep(0.3)
    waiting = list(got)
    faults.release()
    thread.join(5)
    assert (waiting, got) == ([], [200])
