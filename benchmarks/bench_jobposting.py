"""jobsieve's own structured-data reader and main-content scorer against extruct and trafilatura,
on every page of the recorded career sites (run by hand; the libraries are not dependencies).

    .venv/bin/pip install --target /tmp/jp-site extruct trafilatura   # anywhere off the venv
    .venv/bin/python benchmarks/bench_jobposting.py --libs /tmp/jp-site [--rounds 20]

Structured data: per page, did the reader find the JobPosting (all posting pages hold one except
the pages without structured data), and how fast (median ms/page, JSON-LD + microdata + RDFa).
Main content: on every posting page, token recall and precision of the extracted body against the
record's own body (the ground truth the page was rendered from), and how fast.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402

from scrapers.extractors import main_content, structured_data  # noqa: E402
from scrapers.world import World  # noqa: E402
from world.builder import world_records  # noqa: E402
from world.builder.jobposting import page_url, placed  # noqa: E402


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _overlap(found: str, truth: str) -> tuple[float, float]:
    got, want = _tokens(found), _tokens(truth)
    common = sum((got & want).values())
    return common / max(sum(want.values()), 1), common / max(sum(got.values()), 1)


def _median_ms(function: Callable[[], Any], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _own_jobposting(body: bytes) -> bool:
    doc = lxml_html.document_fromstring(body)
    blocks = structured_data.resolve_references(structured_data.read_json_ld(doc).blocks)
    items = (
        blocks
        + structured_data.read_items(doc, structured_data.MICRODATA)
        + structured_data.read_items(doc, structured_data.RDFA)
    )
    return any(structured_data.find_typed(items, "JobPosting"))


def _extruct_jobposting(body: bytes, url: str) -> bool:
    import extruct

    data = extruct.extract(
        body, base_url=url, syntaxes=["json-ld", "microdata", "rdfa"], uniform=True, errors="ignore"
    )
    items = [i for syntax in data.values() for i in syntax]
    return any(structured_data.find_typed(items, "JobPosting"))


def _own_body(body: bytes) -> str:
    found = main_content.extract(main_content.document(body))
    html = found.description_html or "<p></p>"
    return lxml_html.fragment_fromstring(html, create_parent="div").text_content()


def _trafilatura_body(body: bytes) -> str:
    import trafilatura

    return trafilatura.extract(body.decode("utf-8")) or ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--libs", help="a directory holding extruct and trafilatura")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if args.libs:
        sys.path.append(args.libs)  # after the venv: its lxml wins
    world = World(ROOT / "world" / "recorded")
    records = [
        r
        for r in world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
        if "jobposting" in r.placements
    ]
    pages = [(r, page_url(r), world.lookup("GET", page_url(r)).body) for r in records]
    structured = [(r, u, b) for r, u, b in pages if placed(r).get("shape") != "plain"]
    print(f"{len(pages)} posting pages, {len(structured)} with structured data")

    readers = {"own": lambda b, u: _own_jobposting(b), "extruct": _extruct_jobposting}
    for name, reader in readers.items():
        _report_reader(name, reader, structured, args.rounds)
    for name, extract in {"own": _own_body, "trafilatura": _trafilatura_body}.items():
        _report_extractor(name, extract, pages, args.rounds)


def _report_reader(
    name: str, reader: Callable[[bytes, str], bool], pages: list, rounds: int
) -> None:
    missed = [u.rsplit("/", 1)[1] for _, u, b in pages if not reader(b, u)]
    ms = statistics.median(_median_ms(lambda b=b, u=u: reader(b, u), rounds) for _, u, b in pages)
    found = len(pages) - len(missed)
    print(f"structured {name:11} found {found}/{len(pages)}  {ms:.2f} ms/page  missed {missed}")


def _report_extractor(name: str, extract: Callable[[bytes], str], pages: list, rounds: int) -> None:
    scores = []
    for record, _, body in pages:
        truth = lxml_html.fragment_fromstring(record.body_html, create_parent="div")
        scores.append(_overlap(extract(body), truth.text_content()))
    recall = statistics.mean(s[0] for s in scores)
    precision = statistics.mean(s[1] for s in scores)
    ms = statistics.median(_median_ms(lambda b=b: extract(b), rounds) for _, _, b in pages)
    print(f"main body  {name:11} recall {recall:.3f}  precision {precision:.3f}  {ms:.2f} ms/page")


if __name__ == "__main__":
    main()
