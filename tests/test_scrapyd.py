"""Scrapyd as the README says: a real Scrapyd on 127.0.0.1 started with deploy/scrapyd.conf, the
README's `scrapyd-deploy` run in a git checkout of the project, the README's `schedule.json`
request (plus the shipped world and a frozen clock, so nothing touches the network).

The checkout is a copy of this tree committed to a repository of its own, with its sources.toml
edited (one greenhouse board), as an operator's would be: the job must crawl the boards of the file
deployed with the egg, not of any other sources.toml on the machine.
"""

from __future__ import annotations

import configparser
import itertools
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD

pytest.importorskip("scrapyd", reason="scrapyd is not installed: pip install -e '.[test]'")
pytest.importorskip(
    "scrapyd_client", reason="scrapyd-client is not installed: pip install -e '.[test]'"
)

README_PORT = 6800
# The operator's sources file in the deployed checkout: one board of the three the project's has.
DEPLOYED_SOURCES = '[greenhouse]\nboards = ["mercari"]\n'
DEPLOYED_BOARDS = {"mercari"}
# Offline: the job replays the shipped world at the seeds' clock instead of fetching live.
OFFLINE = {"JOBSIEVE_WORLD": str(SHIPPED_WORLD), "JOBSIEVE_CRAWL_TIME": CRAWL_TIME}


def _readme_scrapyd_commands() -> list[str]:
    """The command lines of the README's "Deploying to Scrapyd" section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Deploying to Scrapyd\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.DOTALL)
    return [line.split("  #", 1)[0].strip() for block in blocks for line in block.splitlines()]


def _readme_command(word: str) -> str:
    [line] = [line for line in _readme_scrapyd_commands() if word in line]
    return line


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


def _git(checkout: Path, *args: str) -> str:
    identity = ("-c", "user.name=jobsieve tests", "-c", "user.email=tests@jobsieve.invalid")
    done = subprocess.run(
        ["git", *identity, *args], cwd=checkout, capture_output=True, text=True, check=True
    )
    return done.stdout


def _copy_tree(destination: Path) -> None:
    """What a clone of this tree holds: tracked files and new ones git does not ignore."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        for name in filter(None, listed.split("\0")):
            source = ROOT / name
            if source.is_file():
                (destination / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, destination / name)
    else:  # a copy of the tree without its repository: the copy's .gitignore sorts it below
        ignore = shutil.ignore_patterns(".venv", "__pycache__", "*.egg-info", "build", "feeds")
        shutil.copytree(ROOT, destination, ignore=ignore, dirs_exist_ok=True)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory):
    """Scrapyd started as the README says: deploy/scrapyd.conf in a folder of its own (a free
    port instead of 6800, and a short poll so the test does not wait 5 s per job)."""
    home = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    config = configparser.ConfigParser()
    config.read(ROOT / "deploy" / "scrapyd.conf", encoding="utf-8")
    assert config["scrapyd"]["http_port"] == str(README_PORT)
    config["scrapyd"].update(http_port=str(port), poll_interval="0.2", max_proc="1")
    with (home / "scrapyd.conf").open("w") as handle:
        config.write(handle)
    # HOME too: no ~/.scrapyd.conf or ~/.scrapy.cfg of the developer's in the way.
    env = {**os.environ, "PYTHONHASHSEED": "0", "HOME": str(home)}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    log = (home / "scrapyd.out").open("w")
    server = subprocess.Popen(
        [Path(sys.executable).parent / "scrapyd"], cwd=home, env=env, stdout=log, stderr=log
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
def checkout(scrapyd, tmp_path_factory) -> Path:
    """A git checkout of this tree whose operator pointed scrapy.cfg at this test's Scrapyd and
    edited sources.toml, both committed."""
    url, _ = scrapyd
    copy = tmp_path_factory.mktemp("checkout")
    _copy_tree(copy)
    _git(copy, "init", "--quiet")
    _git(copy, "add", "--all")
    _git(copy, "commit", "--quiet", "--message", "the project as it is")
    config = copy / "scrapy.cfg"
    readme_url = f"http://127.0.0.1:{README_PORT}/"
    assert readme_url in config.read_text()
    config.write_text(config.read_text().replace(readme_url, url))
    (copy / "sources.toml").write_text(DEPLOYED_SOURCES)
    _git(copy, "commit", "--quiet", "--all", "--message", "this Scrapyd, one board")
    assert _git(copy, "status", "--porcelain") == ""
    return copy


@pytest.fixture(scope="module")
def deployed(checkout, scrapyd):
    """The README's `scrapyd-deploy` line, run in the checkout with this virtualenv's tools."""
    url, home = scrapyd
    command = shlex.split(_readme_command("scrapyd-deploy"))
    assert Path(command[0]).name == "scrapyd-deploy"
    command[0] = str(Path(sys.executable).parent / "scrapyd-deploy")
    env = {**os.environ, "HOME": str(home)}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    result = subprocess.run(
        command, cwd=checkout, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"status": "ok"' in result.stdout, result.stdout + result.stderr
    return url


def _schedule(url: str, *extra: tuple[str, str]) -> str:
    """The README's `schedule.json` request (its `-d` fields, to this test's Scrapyd)."""
    command = shlex.split(_readme_command("schedule.json"))
    assert command[0] == "curl" and command[1] == f"http://127.0.0.1:{README_PORT}/schedule.json"
    pairs = itertools.pairwise(command)
    fields = [tuple(value.split("=", 1)) for flag, value in pairs if flag == "-d"]
    fields += [("setting", f"{name}={value}") for name, value in OFFLINE.items()]
    job = _post(url + "schedule.json", [*fields, *extra])
    assert job["status"] == "ok", job
    return job["jobid"]


def _finished(url: str, job_id: str) -> dict:
    def done():
        jobs = _get(url + "listjobs.json?project=jobsieve")
        return next((job for job in jobs["finished"] if job["id"] == job_id), None)

    return _wait(done, "the scheduled crawl to finish")


def _items(home: Path, job: dict) -> list[dict]:
    assert job["items_url"] == f"/items/jobsieve/greenhouse/{job['id']}.jl"
    path = home / "items" / "jobsieve" / "greenhouse" / f"{job['id']}.jl"
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def _log(home: Path, job: dict) -> str:
    return (home / "logs" / "jobsieve" / "greenhouse" / f"{job['id']}.log").read_text()


@pytest.fixture(scope="module")
def readme_job(deployed, scrapyd):
    url, home = scrapyd
    return _finished(url, _schedule(url)), home


def test_readme_and_deploy_notes_give_the_same_commands():
    notes = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    for word in ("scrapyd-deploy", "schedule.json"):
        assert _readme_command(word) in notes


def test_deploying_leaves_the_checkout_clean(deployed, checkout):
    assert _git(checkout, "status", "--porcelain") == ""


def test_the_egg_carries_the_checkout_sources_file(deployed, scrapyd, checkout):
    _, home = scrapyd
    [egg] = (home / "eggs" / "jobsieve").glob("*.egg")
    with zipfile.ZipFile(egg) as archive:
        assert archive.read("scrapers/sources.toml") == (checkout / "sources.toml").read_bytes()


def test_deployed_project_lists_every_spider(deployed):
    spiders = _get(deployed + "listspiders.json?project=jobsieve")["spiders"]
    assert {"greenhouse", "lever", "teal", "welcometothejungle"} <= set(spiders)


def test_readme_request_crawls_the_deployed_boards_into_the_items_feed(readme_job):
    job, home = readme_job
    items = _items(home, job)
    # The deployed sources.toml names one board; the project's names three (28 postings).
    assert {item["url"].split("/")[3] for item in items} == DEPLOYED_BOARDS
    assert len(items) == 7 and {item["status"] for item in items} == {"new"}


def test_readme_request_finishes_cleanly_with_its_state_in_scrapyd_folder(readme_job):
    job, home = readme_job
    log = _log(home, job)
    assert "'finish_reason': 'finished'" in log
    assert "ERROR" not in log and "Traceback" not in log
    assert (home / "feeds" / "state.sqlite3").exists()


def test_a_sources_file_on_the_scrapyd_host_replaces_the_deployed_one(
    readme_job, scrapyd, tmp_path
):
    url, home = scrapyd
    sources = tmp_path / "sources.toml"
    sources.write_text('[greenhouse]\nboards = ["globex", "nordwindmobility"]\n')
    job = _finished(url, _schedule(url, ("setting", f"JOBSIEVE_SOURCES={sources}")))
    items = _items(home, job)
    assert {item["url"].split("/")[3] for item in items} == {"globex", "nordwindmobility"}
    assert len(items) == 21
