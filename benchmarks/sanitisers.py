"""Which sanitiser for description_html: nh3 against lxml-html-clean, each set to the allow-list
of scrapers/data/sanitise.toml as far as it can express it, on the hostile corpus and on speed
(run by hand).

    python benchmarks/sanitisers.py [--rounds 300] [--before COMMIT]

For each sanitiser: the constructs of the hostile corpus (tests/fixtures/hostile/html.toml; the
held-out part is for the final figure only) of which something survives, those that lose text a
browser shows (judged as tests/support/hostile.py judges a crawl's output, on the sanitiser's
output alone), those whose output holds anything outside the allow-list (a relative link, another
rel), and the time to sanitise a 5 kB body: median, min and max microseconds over
bodies and rounds, one core (`time.thread_time`, so other processes do not count).

- ``jobsieve``: the project's sanitiser as the pipeline runs it, per posting: every string of a
  posting with a 5 kB body through ``scrapers.sanitise.sanitise_posting`` (nh3, the cleaning of
  its text, the size check, the other fields);
- ``block-list`` (with ``--before COMMIT``, a commit before scrapers/sanitise, e.g. 070491c): the
  hand-written sanitiser of scrapers/textblocks.py at that commit, read from git, on the body,
  the only sanitising a posting then had; and what it added to the boilerplate stage, which
  parsed the body once for its blocks and the sanitiser (``block-list in the stage``).
- ``nh3``: nh3 alone with the allow-list;
- ``lxml-html-clean``: its ``Cleaner`` with the same tags, attributes and dropped elements; it has
  no URL-scheme allow-list (it removes javascript:-like schemes itself) and sets only
  ``rel="nofollow"``. Not a dependency: ``pip install lxml-html-clean`` to compare.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.hostile import (  # noqa: E402
    html_constructs,
    parse,
    survivors,
    violations,
    visible_text,
)

BODY_CHARS = 5000
BODIES = 20
WORLD = ROOT / "world" / "recorded"


def _world_bodies() -> list[str]:
    """Greenhouse and Lever bodies of the shipped world, as their spiders read them."""
    out = []
    for path in sorted(
        (WORLD / "boards-api.greenhouse.io").glob("GET_v1_boards_*_jobs_content=true_*")
    ):
        if path.name.endswith(".body.json"):
            out += [html.unescape(j["content"]) for j in json.loads(path.read_text())["jobs"]]
    for host in ("api.lever.co", "api.eu.lever.co"):
        for path in sorted((WORLD / host).glob("GET_v0_postings_*.body.json")):
            for posting in json.loads(path.read_text()):
                lists = "".join(
                    f"<h3>{e['text']}</h3><ul>{e['content']}</ul>" for e in posting.get("lists", [])
                )
                out.append(posting.get("description", "") + lists + posting.get("additional", ""))
    return [b for b in out if b]


def five_kb_bodies() -> list[str]:
    """``BODIES`` bodies of about 5,000 characters, each a run of consecutive world bodies cut
    at the end of its last whole element."""
    bodies = _world_bodies()
    out, start = [], 0
    while len(out) < BODIES:
        joined = ""
        while len(joined) < BODY_CHARS:
            joined += bodies[start % len(bodies)] + "\n"
            start += 1
        out.append(joined[: joined.rfind(">", 0, BODY_CHARS) + 1])
    return out


def _jobsieve() -> tuple[Callable[[str], str | None], Callable[[str], Any]]:
    """(the sanitiser on a body, the per-posting step on a posting with that body)."""
    from scrapers.sanitise import sanitise_html, sanitise_posting

    def posting(body: str) -> Any:
        return sanitise_posting(
            {
                "url": "https://job-boards.greenhouse.io/acme/jobs/1",
                "title": "Senior Backend Engineer, Payments",
                "company": "Acme Robotics",
                "location_raw": "Lisbon, Portugal",
                "department": "Engineering / Payments",
                "employment_type_raw": "Full-time",
                "description_html": body,
                "description": None,
                "crawled_at": "2026-11-22T03:00:00Z",
                "locations": [],
                "boilerplate": [],
            }
        )

    return sanitise_html, posting


def _block_list(commit: str) -> types.ModuleType:
    """scrapers/textblocks.py as it was at ``commit`` (stdlib, lxml and parsel only)."""
    shown = subprocess.run(
        ["git", "show", f"{commit}:scrapers/textblocks.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    module = types.ModuleType("textblocks_before")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(shown.stdout, f"{commit}:scrapers/textblocks.py", "exec"), module.__dict__)
    return module


def _in_the_stage(textblocks: types.ModuleType) -> Callable[[str], Any]:
    """What the block-list sanitiser cost the old boilerplate stage: its one parse served the
    blocks and the sanitiser; the blocks are timed apart and taken away in ``main``."""

    def both(body: str) -> Any:
        parsed = textblocks.parse_html(body)
        return parsed.blocks, parsed.sanitised

    return both


def _nh3() -> Callable[[str], str]:
    from scrapers.sanitise.html import _CLEANER

    return _CLEANER.clean


def _lxml_html_clean() -> Callable[[str], str]:
    from lxml_html_clean import Cleaner

    from scrapers.sanitise import rules

    policy = rules().html
    names = {n for names in policy.attributes.values() for n in names} | set(
        policy.attribute_values
    )
    cleaner = Cleaner(
        scripts=True,
        javascript=True,
        comments=True,
        style=True,
        inline_style=True,
        links=True,
        meta=True,
        page_structure=True,
        processing_instructions=True,
        embedded=True,
        frames=True,
        forms=True,
        annoying_tags=True,
        remove_unknown_tags=False,
        allow_tags=set(policy.tags),
        kill_tags=set(policy.drop_with_content),
        safe_attrs_only=True,
        safe_attrs=frozenset(names),
        add_nofollow=True,
    )

    def clean(body: str) -> str:
        try:
            return cleaner.clean_html(body)
        except Exception:  # lxml refuses some inputs (empty documents): nothing is kept
            return ""

    return clean


def corpus(sanitise: Callable[[str], str | None]) -> dict[str, list[str]]:
    """Constructs of the corpus with something surviving, losing text a browser shows, or with
    anything outside the allow-list of docs/items.md in the output (a stricter test than
    surviving: a relative link, another rel, a class)."""
    survived, damaged, outside = [], [], []
    for construct in html_constructs("tuned"):
        out = sanitise(construct.body) or ""
        if survivors(construct.forbid, out):
            survived.append(construct.id)
        wanted = [*construct.keep]
        if construct.tail in visible_text(parse(construct.body)):
            wanted.append(construct.tail)
        shown = visible_text(parse(out))
        if any(" ".join(w.split()) not in shown for w in wanted):
            damaged.append(construct.id)
        if violations(out):
            outside.append(construct.id)
    return {"survived": survived, "damaged": damaged, "outside": outside}


def timings(steps: dict[str, Callable[[str], Any]], bodies: list[str], rounds: int) -> dict:
    """Median, min and max microseconds of each step on a body, over bodies and rounds. The steps
    take turns on each body, so a machine busy for a while slows them all alike."""
    samples: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(rounds):
        for body in bodies:
            for name, step in steps.items():
                start = time.thread_time()
                step(body)
                samples[name].append((time.thread_time() - start) * 1e6)
    return {
        name: {"median_us": statistics.median(s), "min_us": min(s), "max_us": max(s)}
        for name, s in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--before", help="a commit before scrapers/sanitise, to time its sanitiser")
    args = parser.parse_args()

    bodies = five_kb_bodies()
    sanitise, posting = _jobsieve()
    results: dict[str, Any] = {
        "bodies": len(bodies),
        "body_chars": statistics.median(len(b) for b in bodies),
    }
    candidates: list[tuple[str, Callable[[str], Any], Callable[[str], Any]]] = [
        ("jobsieve", sanitise, posting)
    ]
    if args.before:
        old = _block_list(args.before)
        candidates.append(("block-list", old.sanitise_html, old.sanitise_html))
    for name, make in (("nh3", _nh3), ("lxml-html-clean", _lxml_html_clean)):
        try:
            clean = make()
        except ImportError as missing:  # before nh3 came in; lxml-html-clean not installed
            print(f"({name} left out: {missing})")
            continue
        candidates.append((name, clean, clean))
    total = len(html_constructs("tuned"))
    print(f"{len(bodies)} bodies of about {results['body_chars']:.0f} characters")
    head = ("sanitiser", "survive", "text lost", "outside", "median µs", "min", "max")
    print("{:<16} {:>8} {:>10} {:>8} {:>10} {:>7} {:>8}".format(*head))
    steps = {name: step for name, _, step in candidates}
    if args.before:
        # The old stage parsed once for its blocks and the sanitiser: timed with and without it.
        steps["old stage"] = _in_the_stage(old)
        steps["old blocks"] = lambda body: old.parse_html(body).blocks
    speeds = timings(steps, bodies, args.rounds)
    for name, on_body, _ in candidates:
        found = corpus(on_body)
        speed = speeds[name]
        results[name] = {**found, **speed}
        print(
            f"{name:<16} {len(found['survived']):>4}/{total:<3} {len(found['damaged']):>10} "
            f"{len(found['outside']):>8} {speed['median_us']:>10.0f} {speed['min_us']:>7.0f} "
            f"{speed['max_us']:>8.0f}"
        )
    if args.before:
        added = speeds["old stage"]["median_us"] - speeds["old blocks"]["median_us"]
        results["block-list in the stage"] = {"median_us": added}
        print(f"block-list in the stage: {added:.0f} µs median")
    for name, *_ in candidates:
        for kind in ("survived", "damaged", "outside"):
            if results[name][kind]:
                print(f"  {name} {kind}: {', '.join(results[name][kind])}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
