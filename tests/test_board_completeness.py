"""A board lost tonight is named and kept from expiring; one bad posting, byte or repeat never
costs the rest of its board. Each case is a real in-process crawl over the shipped world with a
few answers changed (``world_with``): redirects, robots.txt, bad bytes and bad entries replayed
through every middleware, callback and pipeline of the project.

Faults the recorded world cannot replay (a timeout, a connection reset mid-body) are the fault
server's (``tests/support/faultserver*``); the rule they follow is the same errback as here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest_twisted

from scrapers.extractors.greenhouse import board_jobs_url, job_detail_url
from scrapers.world import Recording
from tests.support.inprocess import Crawl, crawl, recording, world_with

JSON = [("Content-Type", "application/json; charset=utf-8")]
MERCARI = json.loads(recording(board_jobs_url("mercari")).body)["jobs"]
IDS = [job["id"] for job in MERCARI]


def _board(token: str, jobs: list[Any]) -> Recording:
    return Recording("GET", board_jobs_url(token), 200, JSON, json.dumps({"jobs": jobs}).encode())


def _raw_board(token: str, body: bytes) -> Recording:
    return Recording("GET", board_jobs_url(token), 200, JSON, body)


async def _greenhouse(tmp_path: Path, boards: str, *changes: Recording, **arguments: Any) -> Crawl:
    world = world_with(tmp_path / "world", *changes)
    arguments.setdefault("pay_ranges", "false")
    return await crawl(
        "greenhouse", world=world, feeds=tmp_path / "feeds", boards=boards, **arguments
    )


def _board_counts(done: Crawl, board: str) -> dict[str, int]:
    return {
        key.rpartition("/")[2]: value
        for key, value in done.counters(f"jobsieve/source/greenhouse/{board}/").items()
    }


def _deadletters(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "feeds" / "deadletter-greenhouse.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- a redirect loop, an offsite redirect, robots.txt: each a named board error -----------------


@pytest_twisted.ensureDeferred
async def test_a_redirect_loop_fails_its_board_with_a_message_and_the_others_go_on(tmp_path):
    first, second = board_jobs_url("loop"), board_jobs_url("loop") + "&page=2"
    done = await _greenhouse(
        tmp_path,
        "mercari,loop",
        Recording("GET", first, 301, [("Location", second)], b""),
        Recording("GET", second, 301, [("Location", first)], b""),
    )
    message = f"Board 'loop' of greenhouse failed: redirect loop: {first} -> {second} -> {first}"
    assert (
        _board_counts(done, "loop"),
        message in done.log,
        done.reasons()["loop"],
        sorted(int(item["source_id"]) for item in done.items),
    ) == (
        {"error": 1},
        True,
        [f"redirect loop: {first} -> {second} -> {first}"],
        sorted(IDS),
    )


@pytest_twisted.ensureDeferred
async def test_a_board_redirected_off_site_is_incomplete_not_silently_empty(tmp_path):
    moved = "https://careers.elsewhere.example/acme/jobs"
    done = await _greenhouse(
        tmp_path,
        "moved",
        Recording("GET", board_jobs_url("moved"), 301, [("Location", moved)], b""),
    )
    assert (done.items, _board_counts(done, "moved"), done.reasons()["moved"]) == (
        [],
        {"incomplete": 1},
        [f"1 request(s) never answered (filtered before download, e.g. offsite), first {moved}"],
    )


@pytest_twisted.ensureDeferred
async def test_a_board_robots_txt_forbids_is_a_named_error(tmp_path):
    robots = b"User-agent: *\nDisallow: /v1/boards/private/\n"
    done = await _greenhouse(
        tmp_path,
        "private",
        Recording(
            "GET",
            "https://boards-api.greenhouse.io/robots.txt",
            200,
            [("Content-Type", "text/plain")],
            robots,
        ),
    )
    assert (
        _board_counts(done, "private"),
        done.reasons()["private"],
    ) == ({"error": 1}, [f"IgnoreRequest: Forbidden by robots.txt ({board_jobs_url('private')})"])


# --- a callback that raises loses what it would have yielded: its board fails --------------------


@pytest_twisted.ensureDeferred
async def test_a_detail_callback_that_raises_fails_its_board_named(tmp_path):
    job = MERCARI[0]
    broken = {**job, "location": "Palo Alto"}  # not the object Greenhouse sends
    done = await _greenhouse(
        tmp_path,
        "acme",
        _board("acme", [job]),
        Recording("GET", job_detail_url("acme", job["id"]), 200, JSON, json.dumps(broken).encode()),
        pay_ranges="true",
    )
    reason = (
        "AttributeError: 'str' object has no attribute 'get' while reading "
        f"{job_detail_url('acme', job['id'])}"
    )
    assert (done.items, _board_counts(done, "acme"), done.reasons()["acme"]) == (
        [],
        {"error": 1, "postings": 1},
        [reason],
    )


# --- one bad posting never costs the board --------------------------------------------------------


@pytest_twisted.ensureDeferred
async def test_a_lone_surrogate_in_one_job_costs_nothing(tmp_path):
    jobs = [dict(job) for job in MERCARI[:4]]
    jobs[1]["title"] = "Backend Engineer \ud800 Payments"  # json.dumps writes it as \ud800
    done = await _greenhouse(tmp_path, "acme", _board("acme", jobs))
    titles = {item["source_id"]: item["title"] for item in done.items}
    assert (
        len(done.items),
        titles[str(jobs[1]["id"])],
        _board_counts(done, "acme"),
        done.reasons(),
    ) == (4, "Backend Engineer \ufffd Payments", {"postings": 4}, {})


@pytest_twisted.ensureDeferred
async def test_a_posting_that_raises_is_dead_lettered_and_held_and_the_board_goes_on(tmp_path):
    jobs = [dict(job) for job in MERCARI[:4]]
    jobs[1]["location"] = "Palo Alto, CA"  # a string where the extractor reads an object
    done = await _greenhouse(tmp_path, "acme", _board("acme", jobs))
    [letter] = _deadletters(tmp_path)
    bad = f"greenhouse:{jobs[1]['id']}"
    assert (
        sorted(item["id"] for item in done.items),
        _board_counts(done, "acme"),
        done.reasons(),
        done.reasons("held"),
        (letter["reason"], letter["message"], letter["item"]["id"], letter["details"][0]["board"]),
        f'"id": {jobs[1]["id"]}' in letter["details"][0]["raw"],
    ) == (
        sorted(f"greenhouse:{job['id']}" for i, job in enumerate(jobs) if i != 1),
        {"failed": 1, "held": 1, "postings": 3},
        {},
        {"acme": [f"{bad}: unreadable: AttributeError: 'str' object has no attribute 'get'"]},
        ("error", "AttributeError: 'str' object has no attribute 'get'", bad, "acme"),
        True,
    )


@pytest_twisted.ensureDeferred
async def test_a_latin1_byte_in_a_list_declared_utf8_is_read_as_latin1_and_counted(tmp_path):
    jobs = [dict(job) for job in MERCARI[:3]]
    for job in jobs:  # an ASCII list but for one byte: the legacy charset is the better guess
        job["content"] = job["content"].encode("ascii", "ignore").decode()
        job["data_compliance"] = []
    jobs[0]["title"] = "Caf\u00e9 Engineer"
    body = json.dumps({"jobs": jobs}, ensure_ascii=False).encode("latin-1")
    done = await _greenhouse(tmp_path, "acme", _raw_board("acme", body))
    assert (
        sorted(item["title"] for item in done.items)[0],
        len(done.items),
        _board_counts(done, "acme"),
        done.counters("jobsieve/decode_replaced"),
        f"Board 'acme': {board_jobs_url('acme')} is not valid utf-8: read as cp1252" in done.log,
    ) == (
        "Caf\u00e9 Engineer",
        3,
        {"decode_replaced": 1, "postings": 3},
        {"jobsieve/decode_replaced": 1},
        True,
    )


@pytest_twisted.ensureDeferred
async def test_an_invalid_utf8_byte_becomes_one_replacement_character_and_is_counted(tmp_path):
    jobs = [dict(job) for job in MERCARI[:3]]
    jobs[0]["title"] = "Z\u00fcrich Engineer MARK"
    body = json.dumps({"jobs": jobs}, ensure_ascii=False).encode("utf-8").replace(b"MARK", b"\xff")
    done = await _greenhouse(tmp_path, "acme", _raw_board("acme", body))
    assert (
        "Z\u00fcrich Engineer \ufffd" in {item["title"] for item in done.items},
        len(done.items),
        _board_counts(done, "acme"),
    ) == (True, 3, {"decode_replaced": 1, "postings": 3})


@pytest_twisted.ensureDeferred
async def test_seven_entries_with_three_ids_count_three_postings(tmp_path):
    a, b, c = MERCARI[:3]
    done = await _greenhouse(tmp_path, "acme", _board("acme", [a, b, c, a, b, a, c]))
    assert (sorted(item["id"] for item in done.items), _board_counts(done, "acme")) == (
        sorted(f"greenhouse:{job['id']}" for job in (a, b, c)),
        {"postings": 3, "repeated": 4},
    )


@pytest_twisted.ensureDeferred
async def test_a_board_read_completely_records_nothing(tmp_path):
    done = await _greenhouse(tmp_path, "mercari")
    assert (done.reasons(), done.reasons("held"), _board_counts(done, "mercari")) == (
        {},
        {},
        {"postings": len(MERCARI)},
    )
