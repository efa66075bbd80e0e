"""Benchmark worlds: N generated postings spread over every source the world builder renders.

Built with the same builder as the shipped world (``world.builder.build_world`` over
``generate_records`` with each source module's ``synthetic_placement``), so the benchmark crawls
the real response shapes, paging included. Alongside the world goes a ``sources.toml`` naming
exactly the generated boards, so ``crawlall -s JOBSIEVE_SOURCES=…`` crawls all of them.

    .venv/bin/python benchmarks/worlds.py 10000 /tmp/world-10k
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from world.builder import SOURCES, CompanySpec, build_world, generate_records  # noqa: E402
from world.builder.records import PostingRecord  # noqa: E402
from world.builder.synthetic import NEWEST  # noqa: E402

# Largest company per source. Several generators number postings as seed * 1000 + index (or
# seed * 100 + index for career sites), so a company past this size would collide with the next.
MAX_COMPANY = {"jobposting": 100, "nodegree": 200, "welcometothejungle": 500}
DEFAULT_MAX_COMPANY = 250
# Teal has no boards: the spider reads at most 50 listing pages of 10 jobs.
TEAL_MAX = 500
# The largest seed (company number) whose generated ids stay distinct on a source. Personio,
# Recruitee, Workable and career sites number postings from seed % 100, Greenhouse and
# SmartRecruiters from seed % 1000; the others draw their ids from (seed, board, index). A world
# larger than the even split allows gives the rest to the sources with room (past ~109,000).
MAX_SEED = dict.fromkeys(
    ("ashby", "greenhouse", "lever", "nodegree", "smartrecruiters", "welcometothejungle"), 999
) | {"workday": 999}
DEFAULT_MAX_SEED = 99
# Career sites must be one of the builder's fixed sites; companies take turns on the two that
# are discovered through sitemaps (the discovery a large career site uses).
JOBPOSTING_SITES = ("falkenstein", "maplewood")
LANGUAGE_MIXES = (("en", "fr"), ("de", "en", "nl"), ("fr", "en", "es"), ("en", "es"), ("de", "en"))
COUNTRY_MIXES = (("US", "GB"), ("DE", "NL"), ("FR", "ES"), ("US", "ES"), ("DE", "FR", "GB"))


@dataclass(frozen=True)
class BenchWorld:
    root: Path
    world: Path
    sources_toml: Path
    postings: int
    companies: list[CompanySpec]
    changed: set[str] = field(default_factory=set)  # record keys edited since the first night
    removed: set[str] = field(default_factory=set)  # record keys gone since the first night


def capacity(source: str) -> int:
    """The most postings a source's generator can give distinct ids."""
    if source == "teal":
        return TEAL_MAX
    return MAX_SEED.get(source, DEFAULT_MAX_SEED) * MAX_COMPANY.get(source, DEFAULT_MAX_COMPANY)


def split(total: int, sources: list[str]) -> dict[str, int]:
    """N postings over the sources as evenly as possible, Teal capped at what it can list and
    each source at what its ids allow (:func:`capacity`), the rest spread over the others."""
    shares = dict.fromkeys(sources, 0)
    remaining = total
    capped = [s for s in sources if s == "teal"]
    for source in capped:
        shares[source] = min(TEAL_MAX, total // len(sources))
        remaining -= shares[source]
    free = [s for s in sources if s not in capped]
    while free:
        even = {
            source: remaining // len(free) + (i < remaining % len(free))
            for i, source in enumerate(free)
        }
        full = [source for source in free if even[source] > capacity(source)]
        if not full:
            shares.update(even)
            return shares
        for source in full:
            shares[source] = capacity(source)
            remaining -= capacity(source)
        free = [source for source in free if source not in full]
    most = sum(capacity(source) for source in sources)
    raise ValueError(f"{total} postings: more than the generated ids allow ({most:,} at most)")


def _board(source: str, number: int) -> str:
    if source == "workday":
        return f"bench{number}/wd{1 + number % 5}/Bench{number}_Careers"
    if source == "smartrecruiters":
        return f"BenchCompany{number}"
    return f"bench-{number}"


def company_specs(total: int) -> list[CompanySpec]:
    specs: list[CompanySpec] = []
    for source, count in split(total, sorted(SOURCES)).items():
        size = MAX_COMPANY.get(source, DEFAULT_MAX_COMPANY)
        number = 0
        while count > 0:
            take = min(size, count)
            # Seeds 1..MAX_SEED, distinct per source: ids are derived from them.
            seed = number + 1
            options: dict[str, object] = {}
            if source == "jobposting":
                options["site"] = JOBPOSTING_SITES[number % len(JOBPOSTING_SITES)]
            if source == "teal":
                options["ats"] = "lever"
            specs.append(
                CompanySpec(
                    source=source,
                    board=_board(source, number),
                    company=f"Bench {source.title()} {number}",
                    count=take,
                    seed=seed,
                    languages=LANGUAGE_MIXES[number % len(LANGUAGE_MIXES)],
                    countries=COUNTRY_MIXES[number % len(COUNTRY_MIXES)],
                    options=options,
                )
            )
            count -= take
            number += 1
    # split() keeps every source within its capacity; this is the guard should that change.
    if any(spec.seed > MAX_SEED.get(spec.source, DEFAULT_MAX_SEED) for spec in specs):
        raise ValueError(f"{total} postings need more companies than a source's ids allow")
    return specs


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def sources_toml(specs: list[CompanySpec]) -> str:
    """The sources file crawling exactly these companies, with each source's usual options."""
    boards: dict[str, list[CompanySpec]] = {}
    for spec in specs:
        boards.setdefault(spec.source, []).append(spec)
    lines = ["# Generated by benchmarks/worlds.py: the boards of a benchmark world."]
    for source, placed in sorted(boards.items()):
        lines.append(f"\n[{source}]")
        names = [s.board for s in placed]
        if source == "jobposting":
            sites = sorted({str(s.options["site"]) for s in placed})
            hosts = [_jobposting_host(site) for site in sites]
            lines.append(f"domains = {_toml_list(hosts)}")
        elif source == "teal":
            teal_count = sum(s.count for s in placed)
            lines.append(f"pages = {max(1, -(-teal_count // 10))}")
        else:
            lines.append(f"boards = {_toml_list(names)}")
        if source == "welcometothejungle":
            lines.append('lang = "fr"')
        if source == "nodegree":
            lines.append("max_pages = 50")
        if source in {"lever", "ashby"}:
            pairs = ", ".join(f"{json.dumps(s.board)} = {json.dumps(s.company)}" for s in placed)
            lines.append(f"companies = {{ {pairs} }}")
    return "\n".join(lines) + "\n"


def _jobposting_host(site: str) -> str:
    from world.builder.jobposting import SITES

    return SITES[site].host


# The paragraph an edit adds to a body (in three languages: bodies are in several).
EDIT = "\n<p>Nouvelle version · New version · Neue Fassung</p>"


def _share(key: str) -> float:
    """A stable number in [0, 1) per posting: which postings a later night changes or removes."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0x100000000


def later_night(
    records: list[PostingRecord], *, changed: float, removed: float
) -> tuple[list[PostingRecord], set[str], set[str]]:
    """The records as a later night finds them: ``removed`` of them gone from their boards,
    ``changed`` of them edited as an employer edits a posting — a reworded title (what every
    list shows), one more paragraph of body and a newer ``updated`` (where the source shows it:
    Greenhouse ``updated_at``, sitemap ``lastmod``, Recruitee, Teal, WTTJ). Returns the records
    and the keys changed and removed."""
    kept: list[PostingRecord] = []
    changed_keys: set[str] = set()
    removed_keys: set[str] = set()
    for record in records:
        share = _share(record.key)
        if share < removed:
            removed_keys.add(record.key)
            continue
        if share < removed + changed:
            changed_keys.add(record.key)
            offset = record.updated[19:]  # the record's UTC offset, kept
            record = replace(
                record,
                title=f"{record.title} (2)",
                body_html=record.body_html + EDIT,
                updated=(NEWEST + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S") + offset,
            )
        kept.append(record)
    return kept, changed_keys, removed_keys


def make_world(
    total: int, root: str | Path, *, changed: float = 0.0, removed: float = 0.0
) -> BenchWorld:
    """Build (or rebuild) the world of ``total`` postings under ``root``; with ``changed`` or
    ``removed`` shares, the same world as a later night finds it (see :func:`later_night`)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    specs = company_specs(total)
    records = [
        record
        for spec in specs
        for record in generate_records(spec, SOURCES[spec.source].synthetic_placement)
    ]
    changed_keys: set[str] = set()
    removed_keys: set[str] = set()
    if changed or removed:
        records, changed_keys, removed_keys = later_night(records, changed=changed, removed=removed)
    world = root / "world"
    build_world(records, world)
    toml_path = root / "sources.toml"
    toml_path.write_text(sources_toml(specs), encoding="utf-8")
    return BenchWorld(root, world, toml_path, len(records), specs, changed_keys, removed_keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("postings", type=int)
    parser.add_argument("out")
    args = parser.parse_args()
    built = make_world(args.postings, args.out)
    print(f"{built.postings} postings, {len(built.companies)} companies -> {built.world}")


if __name__ == "__main__":
    main()
