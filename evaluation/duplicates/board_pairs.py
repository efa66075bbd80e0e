"""Precision and recall of cross-board duplicate detection on postings as boards really copy jobs.

    python -m evaluation.duplicates.board_pairs            # figures, tuning and held-out splits
    python -m evaluation.duplicates.board_pairs --misses   # and the tuning split's wrong answers
    python -m evaluation.duplicates.board_pairs --check    # only pipeline every posting

Each pair (evaluation/duplicates/pairs/*.toml, format in its README) holds two postings as spiders
yield them; both go through every item pipeline with a frozen clock; then, as in a night, the
second is compared with the first only if the clusters' indexes name it a candidate, and the
matching rule says whether they are one job.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapers.dedup.clusters import JobClusters
from scrapers.dedup.matching import Match, match
from scrapers.dedup.signature import Signature
from scrapers.drops import RejectItem
from scrapers.items import FIELD_NAMES, JobPosting
from scrapers.pipeline import item_fields

PAIRS_DIR = Path(__file__).resolve().parent / "pairs"
# Pairs sit in the folder's top level (the tuning split) or in a subfolder each batch written
# after a round of tuning (a held-out split, measured once). A held-out batch the rule was tuned
# on afterwards is named here: from then on its misses are printed with the tuning split's.
TUNED_ON = frozenset(
    {"tuning", "held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5", "held_out_6"}
)
CRAWLED_AT = "2026-11-22T03:00:00Z"

POSITIVE_KINDS = frozenset(
    {
        "aggregator_chrome",
        "ai_summary",
        "truncated",
        "rewrapped",
        "reordered",
        "company_legal_form",
        "company_abbreviation",
        "title_gender_marker",
        "title_reordered",
        "title_abbreviation",
        "title_team_dropped",
        "place_alias",
        "place_detail",
        "place_remote",
        "shared_reference",
        "shared_salary",
        "shared_contact",
        "translation",
        "employer_on_two_ats",
    }
)
NEGATIVE_KINDS = frozenset(
    {
        "other_city",
        "other_requisition",
        "other_company_same_ats",
        "other_team",
        "sister_site",
        "other_level",
        "other_contract",
        "distinct",
    }
)
# What a spider fills; the pipelines fill the rest.
RAW_FIELDS = frozenset(FIELD_NAMES[: FIELD_NAMES.index("id")])


class PairError(ValueError):
    """A pair file that does not say what the format asks, named with its file."""


@dataclass
class BoardPair:
    name: str
    split: str
    label: str
    kinds: list[str]
    hard: bool
    languages: list[str]
    note: str
    a: dict[str, Any]
    b: dict[str, Any]

    @property
    def same(self) -> bool:
        return self.label == "same"

    @property
    def held_out(self) -> bool:
        return self.split not in TUNED_ON


def _posting(path: Path, side: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise PairError(f"{path.name}: [{side}] is missing")
    unknown = sorted(set(raw) - RAW_FIELDS)
    if unknown:
        raise PairError(f"{path.name}: [{side}] has fields no spider fills: {', '.join(unknown)}")
    for required in ("source", "url", "title"):
        if not raw.get(required):
            raise PairError(f"{path.name}: [{side}] has no {required}")
    if not (raw.get("description_html") or raw.get("description")):
        raise PairError(f"{path.name}: [{side}] has no body")
    # An empty string is "not shown", as spiders leave it.
    return {k: v for k, v in raw.items() if v not in ("", None)}


def load_pair(path: Path, split: str = "tuning") -> BoardPair:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise PairError(f"{path.name}: {error}") from None
    label = data.get("label")
    if label not in {"same", "different"}:
        raise PairError(f"{path.name}: label {label!r} is neither same nor different")
    kinds = data.get("kinds") or []
    allowed = POSITIVE_KINDS if label == "same" else NEGATIVE_KINDS
    wrong = [k for k in kinds if k not in allowed]
    if not kinds or wrong:
        raise PairError(f"{path.name}: kinds {wrong or kinds!r} are not {label} kinds")
    return BoardPair(
        name=path.stem,
        split=split,
        label=label,
        kinds=list(kinds),
        hard=bool(data.get("hard")),
        languages=list(data.get("languages") or []),
        note=data.get("note", ""),
        a=_posting(path, "a", data.get("a")),
        b=_posting(path, "b", data.get("b")),
    )


def load_pairs(folder: Path = PAIRS_DIR) -> list[BoardPair]:
    """The tuning pairs (``folder/*.toml``), then each later batch (``folder/<batch>/*.toml``)."""
    pairs = [load_pair(path) for path in sorted(folder.glob("*.toml"))]
    for batch in sorted(p for p in folder.iterdir() if p.is_dir()):
        pairs += [load_pair(path, batch.name) for path in sorted(batch.glob("*.toml"))]
    return pairs


def pipelined(raw: dict[str, Any]) -> dict[str, Any]:
    """The posting as the pipelines leave it; a posting they drop raises ``RejectItem``."""
    from pipelines.inprocess import through_pipelines

    item = JobPosting(**{"crawled_at": CRAWLED_AT, **raw})
    return item_fields(through_pipelines(item))


@dataclass
class Outcome:
    pair: BoardPair
    found: Match | None

    @property
    def predicted(self) -> bool:
        return self.found is not None

    @property
    def right(self) -> bool:
        return self.predicted == self.pair.same


@dataclass
class Scores:
    pairs: int = 0
    positives: int = 0
    negatives: int = 0
    hard_negatives: int = 0
    true_positives: int = 0
    false_positives: int = 0
    hard_negatives_merged: int = 0
    translations: int = 0
    translations_found: int = 0
    missed_by_kind: Counter[str] = field(default_factory=Counter)

    def add(self, o: Outcome) -> None:
        self.pairs += 1
        translation = "translation" in o.pair.kinds
        if o.pair.same:
            self.positives += 1
            self.true_positives += o.predicted
            self.translations += translation
            self.translations_found += translation and o.predicted
        else:
            self.negatives += 1
            self.false_positives += o.predicted
            self.hard_negatives += o.pair.hard
            self.hard_negatives_merged += o.pair.hard and o.predicted
        if not o.right:
            self.missed_by_kind.update(o.pair.kinds)

    def as_json(self) -> dict[str, Any]:
        predicted = self.true_positives + self.false_positives
        return {
            "pairs": self.pairs,
            "positives": self.positives,
            "negatives": self.negatives,
            "hard_negatives": self.hard_negatives,
            "precision": round(self.true_positives / predicted, 3) if predicted else 1.0,
            "recall": round(self.true_positives / self.positives, 3) if self.positives else 1.0,
            "translations_found": f"{self.translations_found}/{self.translations}",
            "hard_negatives_merged": self.hard_negatives_merged,
            "wrong_by_kind": dict(sorted(self.missed_by_kind.items())),
        }


def judged(a: Signature, b: Signature) -> Match | None:
    """What a night makes of the pair: ``b`` is compared with ``a`` only when the clusters'
    indexes name ``a`` among its candidates (scrapers.dedup.clusters), then ``match`` decides."""
    clusters = JobClusters()
    clusters.add(a.id)
    clusters.index(a.id, a.keys, a.company, a.title, a.source, a.leads)
    return match(a, b) if a.id in clusters.candidates(b) else None


def evaluate(pairs: list[BoardPair]) -> list[Outcome]:
    outcomes = []
    for pair in pairs:
        a, b = (Signature.of(pipelined(side)) for side in (pair.a, pair.b))
        outcomes.append(Outcome(pair, judged(a, b)))
    return outcomes


def report(outcomes: list[Outcome]) -> dict[str, Any]:
    splits: dict[str, Scores] = {}
    for o in outcomes:
        splits.setdefault(o.pair.split, Scores()).add(o)
        splits.setdefault("all", Scores()).add(o)
    languages = sorted({lang for o in outcomes for lang in o.pair.languages})
    return {"languages": languages, **{k: v.as_json() for k, v in splits.items()}}


def check(pairs: list[BoardPair]) -> list[str]:
    problems = []
    for pair in pairs:
        for side, raw in (("a", pair.a), ("b", pair.b)):
            try:
                pipelined(raw)
            except RejectItem as drop:
                problems.append(f"{pair.name} [{side}]: dropped by the pipelines: {drop}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=PAIRS_DIR)
    parser.add_argument(
        "--misses", action="store_true", help="name every wrong answer of the tuning split"
    )
    parser.add_argument("--check", action="store_true", help="only pipeline every posting")
    opts = parser.parse_args(argv)
    try:
        pairs = load_pairs(opts.folder)
    except PairError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if opts.check:
        problems = check(pairs)
        for problem in problems:
            print(problem)
        print(f"{len(pairs)} pairs, {2 * len(pairs) - len(problems)} postings pipelined")
        return 1 if problems else 0
    outcomes = evaluate(pairs)
    print(json.dumps(report(outcomes), indent=2, ensure_ascii=False))
    if opts.misses:
        # A held-out batch is read as counts only: its misses are never printed.
        for o in outcomes:
            if not o.right and not o.pair.held_out:
                kinds = ", ".join(o.pair.kinds)
                found = f" [{o.found}]" if o.found else ""
                print(
                    f"  {o.pair.split} {o.pair.name} ({kinds}): expected {o.pair.label}{found}: "
                    f"{o.pair.note}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
