"""Precision and recall of jobsieve's duplicate detection on the labelled pairs.

    python -m evaluation.duplicates.evaluate                  # crawls the shipped world offline
    python -m evaluation.duplicates.evaluate --postings FILE  # or reads a crawlall postings.jsonl
    python -m evaluation.duplicates.evaluate --misses         # and names every wrong answer

A pair is predicted "same" when ``scrapers.dedup.matching.same_job`` says so for the two postings,
after the pair's edits (see pairs.toml).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapers.dedup.matching import same_job
from scrapers.dedup.signature import Signature
from scrapers.normalise.location import parse_locations
from scrapers.paths import PROJECT_ROOT

PAIRS = Path(__file__).resolve().parent / "pairs.toml"
CRAWL_TIME = "2026-11-22T03:00:00Z"


@dataclass
class Outcome:
    index: int
    pair: dict[str, Any]
    predicted: bool

    @property
    def expected(self) -> bool:
        return self.pair["label"] == "same"

    @property
    def hard(self) -> bool:
        return "(hard)" in self.pair["kind"]


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        pairs = tomllib.load(handle)["pair"]
    for number, pair in enumerate(pairs, start=1):
        if pair.get("label") not in {"same", "different"}:
            raise ValueError(f"{path}: pair {number} has label {pair.get('label')!r}")
    return pairs


def crawl_postings(out: Path) -> Path:
    """The offline crawl of the shipped world, as `scrapy crawlall --offline` writes it."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    subprocess.run(
        [
            *(sys.executable, "-m", "scrapy", "crawlall", "--offline"),
            *("-s", f"JOBSIEVE_FEEDS_DIR={out}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}"),
        ],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return out / CRAWL_TIME[:10] / "postings.jsonl"


def _edit_words(text: str, share: float) -> str:
    # Deterministic: every n-th word becomes another one, as a light rewrite would.
    step = max(1, round(1 / share))
    words = text.split(" ")
    return " ".join(f"{w}x" if i % step == step - 1 else w for i, w in enumerate(words))


def apply_edit(posting: dict[str, Any], edit: dict[str, Any], number: int) -> dict[str, Any]:
    out = dict(posting)
    if "source" in edit:
        out["source"] = edit["source"]
        out["id"] = f"{edit['source']}:pair{number}"
        if posting["id"] == posting.get("_copy_of"):
            # A copy lives on the aggregator: its own URL, links back only when the edit says so.
            out["url"] = f"https://{edit['source']}.example/jobs/pair{number}"
            out["original_url"] = None
            out["apply_url"] = None
    for field in ("title", "company", "description", "original_url", "apply_url"):
        if field in edit:
            out[field] = edit[field]
    if "location" in edit:
        out["location_raw"] = edit["location"]
        out["locations"] = parse_locations(edit["location"])
    body = out.get("description") or ""
    if "truncate" in edit:
        words = body.split(" ")
        body = " ".join(words[: max(1, int(len(words) * edit["truncate"]))])
    if "prepend" in edit:
        body = f"{edit['prepend']}\n\n{body}"
    if "edit_words" in edit:
        body = _edit_words(body, edit["edit_words"])
    if edit.get("reverse_paragraphs"):
        body = "\n\n".join(reversed(body.split("\n\n")))
    out["description"] = body
    return out


def evaluate(pairs: list[dict[str, Any]], postings: dict[str, dict[str, Any]]) -> list[Outcome]:
    outcomes = []
    for number, pair in enumerate(pairs, start=1):
        missing = [k for k in (pair["a"], pair["b"]) if k not in postings]
        if missing:
            raise ValueError(f"pair {number}: no posting {', '.join(missing)} in the crawl")
        a = dict(postings[pair["a"]])
        if "a_title" in pair:
            a["title"] = pair["a_title"]
        b = dict(postings[pair["b"]])
        if pair["a"] == pair["b"]:
            b["_copy_of"] = b["id"]
        b = apply_edit(b, pair.get("b_edit", {}), number)
        predicted = same_job(Signature.of(a), Signature.of(b))
        outcomes.append(Outcome(number, pair, predicted))
    return outcomes


def scores(outcomes: list[Outcome]) -> dict[str, Any]:
    tp = sum(o.predicted and o.expected for o in outcomes)
    fp = sum(o.predicted and not o.expected for o in outcomes)
    fn = sum(not o.predicted and o.expected for o in outcomes)
    hard = [o for o in outcomes if o.hard]
    return {
        "pairs": len(outcomes),
        "positives": sum(o.expected for o in outcomes),
        "negatives": sum(not o.expected for o in outcomes),
        "hard_negatives": len(hard),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "hard_negatives_rejected": sum(not o.predicted for o in hard),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=Path, help="a crawlall postings.jsonl")
    parser.add_argument("--misses", action="store_true", help="name every wrong answer")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = opts.postings or crawl_postings(Path(tmp))
        postings = {
            line["id"]: line
            for line in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        }
    outcomes = evaluate(load_pairs(), postings)
    print(json.dumps(scores(outcomes), indent=2))
    if opts.misses:
        for o in outcomes:
            if o.predicted != o.expected:
                print(
                    f"  pair {o.index} ({o.pair['kind']}): expected {o.pair['label']}: "
                    f"{o.pair['note']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
