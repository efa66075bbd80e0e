"""Each posting's dedup signature is computed by the crawl that exports it and staged beside the
items (scrapers/posting_signatures.py); the night reads it back instead of computing it after the
crawl (scrapers/night/settle.py). Real `scrapy crawlall` nights, held after the crawl
(tests/support/crash_points.py) so the staging can be read: every staged signature is exactly
what the post-pass would compute from the staged feed line, in one process and with workers; and
a night whose staged signatures are gone computes them and publishes the same feeds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from scrapers.dedup.signature import Signature
from scrapers.night.settle import POSTING_SIGNATURES
from scrapers.night.status import EXIT_COMPLETE
from tests.support.crash_points import crash_settings
from tests.support.inprocess import CRAWL_TIME, ROOT
from tests.support.nights import Night, NightLog
from tests.support.redis_server import SERVER, need_redis
from tests.test_workers import _same_feeds

NIGHT = CRAWL_TIME[:10]


def test_a_signature_reads_back_whole_from_its_json(shipped_night):
    postings = shipped_night.postings()
    assert len(postings) > 500
    for posting in postings:
        signature = Signature.of(posting)
        line = json.loads(json.dumps(signature.as_json()))
        assert Signature.from_json(line) == signature, posting["id"]


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _held_night(feeds: Path, hold: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "scrapy", "crawlall", "--offline", *args]
    command += ["-s", f"JOBSIEVE_FEEDS_DIR={feeds}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}"]
    command += crash_settings("crawled", hold=hold)
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _at_hold(night: subprocess.Popen, hold: Path) -> None:
    deadline = time.monotonic() + 240
    while not Path(f"{hold}.reached").exists():
        assert night.poll() is None, night.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the night never finished its crawl"
        time.sleep(0.05)


def _check_staged_signatures(staging: Path) -> int:
    """Every staged posting has one staged signature, the one its feed line gives."""
    checked = 0
    for part in sorted((staging / "sources").glob("*.jsonl")):
        items = _lines(part)
        staged = _lines(staging / POSTING_SIGNATURES / part.name)
        assert [s["id"] for s in staged] == [i["id"] for i in items], part.name
        for item, line in zip(items, staged, strict=True):
            assert line["fingerprint"] == item["fingerprint"], item["id"]
            assert Signature.from_json(line["signature"]) == Signature.of(item), item["id"]
            checked += 1
    return checked


def _night_through_hold(tmp_path: Path, *args: str, drop_signatures: bool = False) -> Night:
    feeds, hold = tmp_path / "feeds", tmp_path / "hold"
    log = NightLog(feeds, NIGHT)
    night = _held_night(feeds, hold, *args)
    try:
        _at_hold(night, hold)
        staging = feeds / f".{NIGHT}.partial"
        checked = _check_staged_signatures(staging)
        if drop_signatures:
            shutil.rmtree(staging / POSTING_SIGNATURES)
    finally:
        hold.touch()
        _, err = night.communicate(timeout=240)
    assert night.returncode == EXIT_COMPLETE, err[-3000:]
    published = Night(feeds, NIGHT, log.read())
    assert checked == len(published.postings())
    return published


def test_one_process_stages_each_postings_signature(tmp_path, shipped_night):
    night = _night_through_hold(tmp_path)
    _same_feeds(shipped_night, night)
    assert "computed after the crawl" not in night.log


def test_workers_stage_each_postings_signature(tmp_path, shipped_night):
    need_redis()
    night = _night_through_hold(tmp_path, "--workers", "2", "-s", f"JOBSIEVE_REDIS_URL={SERVER}")
    _same_feeds(shipped_night, night)
    assert "computed after the crawl" not in night.log


def test_a_night_without_staged_signatures_computes_them_and_publishes_the_same(
    tmp_path, shipped_night
):
    night = _night_through_hold(tmp_path, drop_signatures=True)
    _same_feeds(shipped_night, night)
    computed = len(shipped_night.postings())
    assert f"{computed} signature(s) computed after the crawl (not staged by it)" in night.log


@pytest.mark.parametrize("posting", [{"title": "no id"}, {"id": ""}])
def test_a_line_without_id_has_no_signature(posting):
    from scrapers.posting_signatures import signature_line

    assert signature_line(json.dumps(posting)) is None
