"""Deploy the project to a real Scrapyd on 127.0.0.1 with scrapyd-client and run a crawl offline.

scrapyd-deploy writes a setup.py into the project it builds, so it runs on a copy of the project.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD

pytest.importorskip("scrapyd", reason="scrapyd is not installed: pip install -e '.[test]'")
pytest.importorskip(
    "scrapyd_client", reason="scrapyd-client is not installed: pip install -e '.[test]'"
)

PROJECT_FILES = ("scrapers", "spiders", "pipelines", "pyproject.toml", "README.md", "sources.toml")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _post(url: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(url, data=data, timeout=10) as response:
        return json.loads(response.read())


def _wait(check, what: str, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory):
    home = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        "max_proc = 1\n"
        "poll_interval = 0.2\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        f"items_dir = {home / 'items'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    log = (home / "scrapyd.out").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "scrapyd"], cwd=home, env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait(lambda: _get(url + "daemonstatus.json")["status"] == "ok", "scrapyd to start")
        yield url, home
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def deployed(scrapyd, tmp_path_factory):
    url, _ = scrapyd
    copy = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    # The project's own scrapy.cfg, pointed at this test's port.
    config = (ROOT / "scrapy.cfg").read_text().replace("http://127.0.0.1:6800/", url)
    (copy / "scrapy.cfg").write_text(config)
    deploy = shutil.which("scrapyd-deploy", path=str(Path(sys.executable).parent))
    assert deploy, "scrapyd-deploy is not on the virtualenv's PATH"
    result = subprocess.run(
        [deploy, "local", "-p", "jobsieve", "--version", "1"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return url


def test_deployed_project_lists_every_spider(deployed):
    spiders = _get(deployed + "listspiders.json?project=jobsieve")["spiders"]
    assert {"greenhouse", "lever", "teal", "welcometothejungle"} <= set(spiders)


@pytest.fixture(scope="module")
def finished_job(deployed, scrapyd, tmp_path_factory):
    url, home = scrapyd
    work = tmp_path_factory.mktemp("job")
    settings = {
        "JOBSIEVE_WORLD": str(SHIPPED_WORLD),
        "JOBSIEVE_SOURCES": str(ROOT / "sources.toml"),
        "JOBSIEVE_STATE": str(work / "state.sqlite3"),
        "JOBSIEVE_DEADLETTER": str(work / "deadletter-%(name)s.jsonl"),
        "JOBSIEVE_CRAWL_TIME": CRAWL_TIME,
    }
    fields = [("project", "jobsieve"), ("spider", "greenhouse"), ("boards", "mercari")]
    fields += [("setting", f"{name}={value}") for name, value in settings.items()]
    job = _post(url + "schedule.json", fields)
    assert job["status"] == "ok", job

    def done():
        jobs = _get(url + "listjobs.json?project=jobsieve")
        return next((j for j in jobs["finished"] if j["id"] == job["jobid"]), None)

    finished = _wait(done, "the scheduled crawl to finish")
    return finished, home, work


def test_scheduled_crawl_writes_its_items(finished_job):
    job, home, _ = finished_job
    [items] = (home / "items" / "jobsieve" / "greenhouse").glob(f"{job['id']}.*")
    lines = [json.loads(line) for line in items.read_text().splitlines() if line]
    assert len(lines) == 7 and {line["status"] for line in lines} == {"new"}


def test_scheduled_crawl_finished_cleanly_offline(finished_job):
    job, home, work = finished_job
    [log] = (home / "logs" / "jobsieve" / "greenhouse").glob(f"{job['id']}.log")
    text = log.read_text()
    assert "'finish_reason': 'finished'" in text and "ERROR" not in text
    assert "jobsieve/world/missing" not in text
    assert (work / "state.sqlite3").exists()
