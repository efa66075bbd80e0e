"""Workers share each site's delay through Redis (scrapers/workers/politeness.py), against the
real Redis on 127.0.0.1:6379 and the fault server on 127.0.0.1: two workers crawling four boards
of one ATS start their requests to it a delay apart, as one process would. The night over the
fault server also proves that what crawlall is given with -s (the delay, the loopback handler)
reaches every worker. Skipped only when no Redis server answers."""

from __future__ import annotations

from itertools import pairwise

from scrapers.workers.politeness import SiteDelays
from tests.support.faultserver import GREENHOUSE
from tests.support.faultserver.crawls import fault_night
from tests.support.nights import sources_file
from tests.support.redis_server import SERVER, need_redis

DELAY = 0.6
# The server sees a request a little after its worker let it go, later still on a loaded machine
# (the whole suite on 2 cores: 0.05 s was once too little). Without the shared delay the gaps are
# a few milliseconds.
JITTER = 0.15


def test_reservations_on_one_site_are_a_delay_apart(redis_client, redis_prefix):
    delays = SiteDelays(redis_client, prefix=f"{redis_prefix}:")
    waits = [delays.reserve(GREENHOUSE, 0.2) for _ in range(3)]
    assert waits[0] == 0
    assert 0.15 <= waits[1] <= 0.2 and 0.35 <= waits[2] <= 0.4
    assert delays.reserve("api.lever.co", 0.2) == 0, "another site waits for nobody"


def test_two_workers_start_requests_to_one_site_a_delay_apart(tmp_path, faults):
    need_redis()
    boards = ["good-one", "good-two", "good-three", "good-four"]
    sources = sources_file(tmp_path / "sources.toml", {"greenhouse": {"boards": boards}})
    night = fault_night(
        faults.port,
        tmp_path / "feeds",
        sources,
        *("--workers", "2"),
        *("-s", f"JOBSIEVE_REDIS_URL={SERVER}"),
        *("-s", f"DOWNLOAD_DELAY={DELAY}"),
        *("-s", "JOBSIEVE_WORKER_BOARDS=1"),
    )
    assert night.report["status"] == "complete"
    assert sorted(night.report["sources"]["greenhouse"]["boards"]) == sorted(boards)
    starts = sorted(arrival.at for arrival in faults.arrivals(GREENHOUSE))
    assert len(starts) > len(boards)
    gaps = [later - earlier for earlier, later in pairwise(starts)]
    assert min(gaps) >= DELAY - JITTER, gaps
