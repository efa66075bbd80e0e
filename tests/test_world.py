"""The recorded world: format, replay through the real middleware, record from a real server."""

from __future__ import annotations

import filecmp
import gzip
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from scrapers.world import Recording, World, exchange_key
from scrapers.world_middleware import WorldMiddleware
from tests.conftest import ROOT, SHIPPED_WORLD, run_scrapy
from tests.support.nights import shipped_records
from world.builder import build_world, load_records


def _middleware(**settings):
    crawler = get_crawler(Spider, settings)
    return WorldMiddleware.from_crawler(crawler), crawler.stats


def test_key_ignores_fragment_and_query_order():
    assert exchange_key("GET", "https://a.io/x?b=2&a=1#top") == exchange_key(
        "GET", "https://a.io/x?a=1&b=2"
    )


def test_key_of_json_body_ignores_key_order_and_spacing():
    assert exchange_key("POST", "https://a.io/q", b'{"a": 1, "b": [2]}') == exchange_key(
        "POST", "https://a.io/q", b'{"b":[2],"a":1}'
    )


def test_key_depends_on_post_body():
    assert exchange_key("POST", "https://a.io/q", b'{"page": 1}') != exchange_key(
        "POST", "https://a.io/q", b'{"page": 2}'
    )


def test_saved_exchange_reads_back(tmp_path):
    world = World(tmp_path)
    world.save(
        Recording(
            "POST",
            "https://a.io/q",
            201,
            [("Content-Type", "application/json"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
            b'{"ok": true}',
            b'{"q": "x"}',
        )
    )
    found = world.lookup("POST", "https://a.io/q", b'{"q":"x"}')
    assert (found.status, found.body, found.headers) == (
        201,
        b'{"ok": true}',
        [("Content-Type", "application/json"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
    )


def test_exchange_is_human_readable_json_beside_its_body(tmp_path):
    path = World(tmp_path).save(
        Recording("GET", "https://a.io/jobs", 200, [("Content-Type", "text/html")], b"<p>hi</p>")
    )
    document = json.loads(path.read_text())
    assert (path.parent / document["response"]["body_file"]).read_bytes() == b"<p>hi</p>"


def test_off_by_default():
    with pytest.raises(NotConfigured):
        _middleware()


def test_replay_answers_recorded_request():
    middleware, _ = _middleware(JOBSIEVE_WORLD=str(SHIPPED_WORLD))
    response = middleware.process_request(
        Request("https://boards-api.greenhouse.io/v1/boards/mercari/jobs?content=true")
    )
    assert isinstance(response, TextResponse) and response.status == 200
    assert json.loads(response.body)["meta"]["total"] == 7


def test_replay_counts_hits():
    middleware, stats = _middleware(JOBSIEVE_WORLD=str(SHIPPED_WORLD))
    middleware.process_request(Request("https://boards-api.greenhouse.io/robots.txt"))
    assert stats.get_value("jobsieve/world/replayed") == 1


def test_missing_recording_is_a_loud_404(caplog):
    middleware, stats = _middleware(JOBSIEVE_WORLD=str(SHIPPED_WORLD))
    response = middleware.process_request(
        Request("https://boards-api.greenhouse.io/v1/boards/x/jobs")
    )
    assert (response.status, stats.get_value("jobsieve/world/missing")) == (404, 1)
    assert "No recording for GET https://boards-api.greenhouse.io/v1/boards/x/jobs" in caplog.text


def test_world_that_does_not_exist_fails_at_start(tmp_path):
    with pytest.raises(ValueError, match="not a directory"):
        _middleware(JOBSIEVE_WORLD=str(tmp_path / "nope"))


def test_shipped_world_is_what_the_builder_makes(tmp_path):
    records = shipped_records()
    written = build_world(records, tmp_path / "world")
    assert written, "the builder wrote nothing"
    comparison = filecmp.dircmp(SHIPPED_WORLD, tmp_path / "world")
    stale = comparison.diff_files + comparison.left_only + comparison.right_only
    for sub in comparison.subdirs.values():
        stale += sub.diff_files + sub.left_only + sub.right_only
    assert stale == [], "world/recorded is stale: run `scrapy buildworld`"


def test_builder_refuses_to_wipe_a_foreign_directory(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        build_world([], tmp_path)


class _Site(BaseHTTPRequestHandler):
    """A tiny live source: gzip-compressed JSON, a robots.txt, and a 404 elsewhere."""

    def do_GET(self):
        if self.path == "/api/jobs":
            body = gzip.compress(json.dumps({"jobs": ["é"]}).encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
        elif self.path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
        else:
            body = b"nope"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def live_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_record_then_replay_offline(tmp_path: Path, live_site: str):
    url = f"{live_site}/api/jobs"
    recorded = run_scrapy("fetch", "--nolog", "-s", f"JOBSIEVE_RECORD={tmp_path}", url)
    assert recorded.returncode == 0, recorded.stderr
    # The body is stored decompressed so a person can read it.
    found = World(tmp_path).lookup("GET", url)
    assert (found.status, json.loads(found.body)) == (200, {"jobs": ["é"]})
    # ...and replayed with no server: the same body comes back through Scrapy's own fetch.
    replayed = run_scrapy("fetch", "--nolog", "-s", f"JOBSIEVE_WORLD={tmp_path}", url)
    assert json.loads(replayed.stdout) == {"jobs": ["é"]}


def test_placement_overlay_adds_a_source_to_a_record(tmp_path):
    (tmp_path / "acme-1.toml").write_text(
        'key = "acme-1"\ntitle = "T"\ncompany = "Acme"\nbody_html = "<p>x</p>"\n'
        'published = "2026-11-01T00:00:00Z"\nupdated = "2026-11-01T00:00:00Z"\n'
        '[greenhouse]\nboard = "acme"\nid = 1\n'
    )
    (tmp_path / "acme-1.teal.toml").write_text('[teal]\nid = "abc"\n')
    [record] = load_records(tmp_path)
    assert record.placements == {"greenhouse": {"board": "acme", "id": 1}, "teal": {"id": "abc"}}


def test_placement_overlay_without_its_record_is_an_error(tmp_path):
    (tmp_path / "ghost.teal.toml").write_text('[teal]\nid = "abc"\n')
    with pytest.raises(ValueError, match="no posting record"):
        load_records(tmp_path)


def _locked_world(root: Path) -> World:
    world = World(root)
    world.save(
        Recording(
            "POST",
            "https://app-dsn.algolia.net/1/indexes/jobs/query",
            200,
            [("Content-Type", "application/json")],
            b'{"hits": []}',
            b'{"params": ""}',
            notes={
                "requires_header": "Referer: https://www.example.com/",
                "without_it": '403 {"message":"Method not allowed with this referer"}',
            },
        )
    )
    return world


def test_replay_refuses_a_request_without_the_required_header(tmp_path):
    _locked_world(tmp_path)
    middleware, _ = _middleware(JOBSIEVE_WORLD=str(tmp_path))
    request = Request(
        "https://app-dsn.algolia.net/1/indexes/jobs/query", method="POST", body=b'{"params": ""}'
    )
    response = middleware.process_request(request)
    assert (response.status, response.body) == (
        403,
        b'{"message":"Method not allowed with this referer"}',
    )


def test_replay_answers_a_request_with_the_required_header(tmp_path):
    _locked_world(tmp_path)
    middleware, _ = _middleware(JOBSIEVE_WORLD=str(tmp_path))
    request = Request(
        "https://app-dsn.algolia.net/1/indexes/jobs/query",
        method="POST",
        body=b'{"params": ""}',
        headers={"Referer": "https://www.example.com/"},
    )
    assert middleware.process_request(request).status == 200


def test_the_world_builder_reads_no_extractor():
    """The world states each site's facts itself: an extractor's mistake cannot be copied into
    the world it is tested against."""
    probe = (
        "import sys, world.builder; "
        "print(sorted(m for m in sys.modules if m.startswith('scrapers.extractors')))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"
