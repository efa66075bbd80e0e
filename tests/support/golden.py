"""Golden cases: one saved response through one spider callback, the whole output expected.

A case is a folder ``tests/fixtures/golden/<spider>/<case>/`` (web-poet's fixture layout, one
callback per case)::

    inputs.json    the spider's -a arguments, the callback, its cb_kwargs (and the request meta
                   it reads), the request and the response's status and headers
    inputs.body    the response body, byte for byte
    output.json    what the callback yields, in order (items whole, requests by method, URL,
                   body, callback, cb_kwargs and the meta the spider sets for the machinery),
                   and the counters it moved (``jobsieve/…``)

``tests/test_golden.py`` runs every case at the seeds' frozen clock and compares the whole
output. A new case is saved from a recorded world (``python -m tests.support.golden add``); after a
deliberate change, ``JOBSIEVE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` rewrites the outputs,
and the diff of ``output.json`` is what a reviewer reads.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
from pathlib import Path
from typing import Any

from scrapy import Request

from scrapers.world import Recording, World
from tests.support.inprocess import SHIPPED_WORLD, file_response, run_callback, spider_for

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
UPDATE_ENV = "JOBSIEVE_UPDATE_GOLDEN"
_TYPE = "$type"
_SPIDER_META = frozenset(
    {"jobsieve_marker", "jobsieve_context", "lastmod", "jobposting_depth", "handle_httpstatus_list"}
)


def encode(value: Any) -> Any:
    """JSON for cb_kwargs and items: a dataclass keeps its type, to be rebuilt by ``decode``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {_TYPE: f"{type(value).__module__}:{type(value).__qualname__}", **fields}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return [encode(v) for v in items]
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict) and _TYPE in value:
        module, _, name = value[_TYPE].partition(":")
        cls = getattr(importlib.import_module(module), name)
        kwargs = {}
        for field in dataclasses.fields(cls):
            if field.name in value:
                raw = decode(value[field.name])
                # JSON has no tuples; a field declared as one gets one back.
                if isinstance(raw, list) and "tuple" in str(field.type):
                    raw = tuple(tuple(v) if isinstance(v, list) else v for v in raw)
                kwargs[field.name] = raw
        return cls(**kwargs)
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def _request_line(request: Request) -> dict[str, Any]:
    callback = getattr(request.callback, "__name__", None)
    line = {
        "method": request.method,
        "url": request.url,
        "body": request.body.decode("utf-8", "replace"),
        "callback": callback,
        "cb_kwargs": encode(request.cb_kwargs),
    }
    # What the spider tells the machinery: the change marker of a detail (the detail cache), a
    # sitemap's lastmod, a link depth, the statuses its callback handles itself.
    meta = {k: v for k, v in sorted(request.meta.items()) if k in _SPIDER_META}
    if meta:
        line["meta"] = encode(meta)
    return line


@dataclasses.dataclass
class Case:
    folder: Path

    @property
    def name(self) -> str:
        return f"{self.folder.parent.name}/{self.folder.name}"

    def inputs(self) -> dict[str, Any]:
        return json.loads((self.folder / "inputs.json").read_text(encoding="utf-8"))

    def saved(self) -> Recording:
        inputs = self.inputs()
        request, response = inputs["request"], inputs["response"]
        return Recording(
            request["method"],
            request["url"],
            response["status"],
            [tuple(h) for h in response["headers"]],
            (self.folder / "inputs.body").read_bytes(),
            request.get("body", "").encode("utf-8"),
        )

    def run(self) -> dict[str, Any]:
        """The callback's whole output on the saved response, as ``output.json`` holds it."""
        inputs = self.inputs()
        spider = spider_for(self.folder.parent.name, **inputs.get("arguments", {}))
        before = dict(spider.crawler.stats.get_stats())
        cb_kwargs = decode(inputs.get("cb_kwargs", {}))
        response = file_response(self.saved(), cb_kwargs=cb_kwargs, meta=inputs.get("meta"))
        output = run_callback(spider, inputs["callback"], response, **cb_kwargs)
        after = spider.crawler.stats.get_stats()
        moved = {
            k: v - before.get(k, 0)
            for k, v in sorted(after.items())
            # Counters only: the reasons kept beside them (jobsieve/incomplete) are in the log.
            if k.startswith("jobsieve/")
            and not isinstance(v, dict | list)
            and v != before.get(k, 0)
        }
        yields: list[dict[str, Any]] = []
        for item in output.items:
            yields.append({"item": encode(item)})
        for request in output.requests:
            yields.append({"request": _request_line(request)})
        return {"yields": yields, "stats": moved}

    def expected(self) -> dict[str, Any]:
        return json.loads((self.folder / "output.json").read_text(encoding="utf-8"))

    def write_output(self) -> None:
        text = json.dumps(self.run(), indent=2, ensure_ascii=False, sort_keys=False)
        (self.folder / "output.json").write_text(text + "\n", encoding="utf-8")


def cases(spider: str | None = None) -> list[Case]:
    folders = sorted(GOLDEN.glob(f"{spider or '*'}/*/inputs.json"))
    return [Case(path.parent) for path in folders]


def add(
    spider: str,
    case: str,
    *,
    url: str,
    callback: str,
    method: str = "GET",
    body: str = "",
    cb_kwargs: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
    arguments: dict[str, Any] | None = None,
    world: Path = SHIPPED_WORLD,
) -> Case:
    """Save the recorded exchange of ``method url`` as a new case and write its output."""
    saved = World(world).lookup(method, url, body.encode("utf-8"))
    if saved is None:
        raise SystemExit(f"no recording of {method} {url} in {world}")
    folder = GOLDEN / spider / case
    folder.mkdir(parents=True, exist_ok=True)
    inputs = {
        "arguments": arguments or {},
        "callback": callback,
        "cb_kwargs": cb_kwargs or {},
        **({"meta": meta} if meta else {}),
        "request": {"method": method, "url": url, "body": body},
        "response": {"status": saved.status, "headers": [list(h) for h in saved.headers]},
    }
    (folder / "inputs.json").write_text(
        json.dumps(inputs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "inputs.body").write_bytes(saved.body)
    made = Case(folder)
    made.write_output()
    return made


def main() -> None:
    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    parser = argparse.ArgumentParser(description="Save a recorded exchange as a golden case.")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("add", help="a new case from the shipped world (or --world)")
    new.add_argument("spider")
    new.add_argument("case")
    new.add_argument("--url", required=True)
    new.add_argument("--callback", required=True)
    new.add_argument("--method", default="GET")
    new.add_argument("--body", default="")
    new.add_argument("--cb-kwargs", default="{}", help="JSON (dataclasses as {'$type': ...})")
    new.add_argument("--meta", default="{}", help="the request's meta the callback reads, as JSON")
    new.add_argument("--arguments", default="{}", help="the spider's -a arguments, as JSON")
    new.add_argument("--world", type=Path, default=SHIPPED_WORLD)
    options = parser.parse_args()
    made = add(
        options.spider,
        options.case,
        url=options.url,
        callback=options.callback,
        method=options.method,
        body=options.body,
        cb_kwargs=json.loads(options.cb_kwargs),
        meta=json.loads(options.meta),
        arguments=json.loads(options.arguments),
        world=options.world,
    )
    print(f"saved {made.folder}")


if __name__ == "__main__":
    main()
