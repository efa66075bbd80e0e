"""The lease that hands boards to workers (scrapers/workers/lease.py), against the real Redis
server: claimed once, renewed while held, back in the queue when it runs out, acknowledged with
its results in one step, and refused to a holder whose lease was taken over."""

from __future__ import annotations

import time

import pytest

from scrapers.night.status import NightRunning
from scrapers.workers.lease import Heartbeat, Leases
from scrapers.workers.names import RedisNightLock, join_url, parse_join_url


@pytest.fixture
def leases(redis_client, redis_prefix) -> Leases:
    return Leases(redis_client, redis_prefix, ttl=0.3)


def test_units_are_claimed_in_order_each_once(leases):
    leases.put("greenhouse", ["a", "b", "c"])
    first = leases.claim("greenhouse", 2)
    second = leases.claim("greenhouse", 2)
    assert first.units == ("a", "b") and second.units == ("c",)
    assert leases.claim("greenhouse", 2) is None
    assert first.deliveries == {"a": 1, "b": 1}
    assert leases.left("greenhouse") == 3


def test_a_claim_takes_no_more_than_its_share_of_the_queue(leases):
    leases.put("greenhouse", ["a", "b", "c", "d", "e", "f"])
    # Two workers: a claim takes at most a quarter of the queue, rounded up: 2 of the 6 (not the
    # 4 asked for), then 1 of 4, 1 of 3, …
    assert leases.claim("greenhouse", 4, parts=2).units == ("a", "b")
    assert leases.claim("greenhouse", 4, parts=2).units == ("c",)
    assert [leases.claim("greenhouse", 4, parts=2).units for _ in range(3)] == [
        ("d",),
        ("e",),
        ("f",),
    ]
    assert leases.claim("greenhouse", 4, parts=2) is None
    leases.put("lever", [str(n) for n in range(20)])
    assert len(leases.claim("lever", 4, parts=2).units) == 4, "a long queue: the batch asked for"
    assert len(leases.claim("lever", 4).units) == 4, "one worker: the batch asked for"


def test_ack_publishes_the_result_once_and_counts_the_units_done(leases):
    leases.put("lever", ["x", "y"])
    claim = leases.claim("lever", 2)
    assert leases.ack(claim, b"results of x and y")
    assert leases.left("lever") == 0 and leases.leased("lever") == 0
    assert leases.next_result() == b"results of x and y"
    assert leases.next_result() is None
    assert not leases.ack(claim, b"again"), "a claim is acknowledged once"
    assert leases.next_result() is None


def test_an_expired_lease_goes_back_to_the_head_of_the_queue(leases):
    leases.put("workday", ["1", "2", "3"])
    dead = leases.claim("workday", 2)
    time.sleep(0.4)
    taken = leases.claim("workday", 3)
    assert taken.units == ("1", "2", "3"), "the dead worker's boards first, in their order"
    assert taken.deliveries == {"1": 2, "2": 2, "3": 1}
    assert not leases.ack(dead, b"late"), "the dead worker's results are refused"
    assert leases.next_result() is None
    assert leases.ack(taken, b"whole")
    assert leases.next_result() == b"whole" and leases.left("workday") == 0


def test_an_expired_lease_not_yet_taken_over_may_still_be_acknowledged(leases):
    leases.put("ashby", ["z"])
    claim = leases.claim("ashby")
    time.sleep(0.4)
    assert leases.ack(claim, b"slow but alone")
    assert leases.claim("ashby") is None and leases.left("ashby") == 0


def test_a_heartbeat_keeps_the_lease_while_the_worker_lives(leases):
    leases.put("teal", ["*"])
    claim = leases.claim("teal")
    beat = Heartbeat(leases, period=0.05).start()
    beat.hold(claim)
    try:
        time.sleep(1.0)  # three lease lengths
        assert leases.claim("teal") is None, "renewed: not handed to anyone else"
    finally:
        beat.stop()
    assert not beat.lost
    time.sleep(0.4)
    assert leases.claim("teal").units == ("*",), "no heartbeat: back in the queue"


def test_renew_fails_once_the_unit_is_someone_elses(leases):
    leases.put("personio", ["p"])
    claim = leases.claim("personio")
    time.sleep(0.4)
    leases.claim("personio")
    assert not leases.renew(claim)


def test_release_gives_the_units_back_at_once(leases):
    leases.put("recruitee", ["r1", "r2"])
    claim = leases.claim("recruitee", 2)
    assert leases.release(claim) == 2
    assert leases.claim("recruitee", 2).units == ("r1", "r2")


def test_clear_removes_every_key_of_the_namespace(leases, redis_client, redis_prefix):
    leases.put("nodegree", ["n"])
    leases.ack(leases.claim("nodegree"), b"r")
    assert leases.clear() > 0
    assert list(redis_client.scan_iter(match=f"{redis_prefix}*")) == []


def test_join_url_round_trip():
    url = join_url("redis://:secret@db.example:6380/2?socket_timeout=5", "2026-11-22-abc")
    assert parse_join_url(url) == (
        "redis://:secret@db.example:6380/2?socket_timeout=5",
        "2026-11-22-abc",
    )
    assert parse_join_url("redis://127.0.0.1:6379/0") == ("redis://127.0.0.1:6379/0", None)
    with pytest.raises(ValueError, match="not a redis"):
        parse_join_url("http://127.0.0.1:6379/0")


def test_one_night_of_a_state_at_a_time(redis_client, redis_prefix):
    state = f"postgresql://u@db.example/{redis_prefix}"
    with (
        RedisNightLock(redis_client, state, "2026-11-22"),
        pytest.raises(NightRunning, match="another night of the state"),
        RedisNightLock(redis_client, state, "2026-11-22"),
    ):
        pass
    with RedisNightLock(redis_client, state, "2026-11-23"):
        pass  # released: the next night runs
