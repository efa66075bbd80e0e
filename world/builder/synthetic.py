"""Generated posting records: many plausible postings from a seed, same seed → same postings.

The shipped world uses them for companies large enough to need several API pages, and the
benchmarks for worlds of any size. Each source module supplies ``synthetic_placement`` (its ids
and board fields for the n-th posting).
"""

from __future__ import annotations

import html
import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from world.builder.phrasebook import (
    CITIES,
    COUNTRY_LANGUAGES,
    COUNTRY_NAMES,
    CURRENCIES,
    EURO,
    LEVEL_AFTER_TITLE,
    PHRASEBOOK,
)
from world.builder.records import PostingRecord

# Generated postings were all published within this many days before the newest one.
WINDOW_DAYS = 60
NEWEST = datetime(2026, 11, 21, 9, 0, 0)


@dataclass(frozen=True)
class CompanySpec:
    """One generated company board (a ``[[company]]`` table of world/generated.toml)."""

    source: str
    board: str
    company: str
    count: int
    seed: int = 0
    languages: tuple[str, ...] = ("en",)
    countries: tuple[str, ...] = ("US",)
    salary_share: float = 0.4
    remote_share: float = 0.25
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CompanySpec:
        known = {
            "source",
            "board",
            "company",
            "count",
            "seed",
            "languages",
            "countries",
            "salary_share",
            "remote_share",
        }
        spec = cls(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known},
            options={k: v for k, v in data.items() if k not in known},
        )
        unknown_languages = set(spec.languages) - set(PHRASEBOOK)
        unknown_countries = set(spec.countries) - set(CITIES)
        if unknown_languages or unknown_countries or spec.count < 0:
            raise ValueError(
                f"generated company {spec.board!r}: unsupported "
                f"{sorted(unknown_languages | unknown_countries) or spec.count}"
            )
        return spec


Placement = Callable[[CompanySpec, int, random.Random], dict[str, Any]]


def load_company_specs(path: str | Path) -> list[CompanySpec]:
    path = Path(path)
    if not path.exists():
        return []
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [CompanySpec.from_dict(table) for table in data.get("company", [])]


def _pick(rng: random.Random, options: Any) -> Any:
    return options[rng.randrange(len(options))]


def _money(amount: int, country: str) -> str:
    _, pattern = CURRENCIES.get(country, EURO)
    return pattern.format(amount).replace(",", " " if pattern.startswith("{") else ",")


def generate_posting(spec: CompanySpec, index: int, placement: Placement) -> PostingRecord:
    # One generator per posting, seeded by (seed, board, index): adding postings to a company
    # never changes the ones it already had.
    rng = random.Random(f"{spec.seed}:{spec.source}:{spec.board}:{index}")
    country = _pick(rng, spec.countries)
    spoken = [lang for lang in spec.languages if lang in COUNTRY_LANGUAGES[country]]
    language = _pick(rng, spoken or spec.languages)
    words = PHRASEBOOK[language]
    city, region, offset = _pick(rng, CITIES[country])
    level, role = _pick(rng, words["levels"]), _pick(rng, words["titles"])
    title = f"{role} {level}".strip() if language in LEVEL_AFTER_TITLE else f"{level}{role}"
    place = f"{city}, {region}" if region else f"{city}, {COUNTRY_NAMES[country]}"
    roll = rng.random()
    if roll < spec.remote_share / 2:
        location = f"{words['remote']} - {COUNTRY_NAMES[country]}"
    elif roll < spec.remote_share:
        location = f"{words['hybrid']} - {place}"
    else:
        location = place

    paragraphs = [
        f"<h3>{words['about']}</h3>",
        f"<p>{html.escape(_pick(rng, words['intro']).format(company=spec.company))}</p>",
        f"<h3>{words['role']}</h3>",
    ]
    paragraphs += [f"<p>{html.escape(s.format(title=title))}</p>" for s in words["mission"]]
    for heading, key in (("requirements", "requirement_items"), ("benefits", "benefit_items")):
        items = rng.sample(list(words[key]), k=min(4, len(words[key])))
        paragraphs.append(f"<h3>{words[heading]}</h3>")
        paragraphs.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    salary = None
    if rng.random() < spec.salary_share:
        low = rng.randrange(35, 150) * 1000
        high = low + rng.randrange(5, 40) * 1000
        currency, _ = CURRENCIES.get(country, EURO)
        salary = {"min": low, "max": high, "currency": currency, "period": "year"}
        sentence = words["salary"].format(
            low=_money(low, country), high=_money(high, country), period=words["period_year"]
        )
        paragraphs.append(f"<p>{html.escape(sentence)}</p>")
    paragraphs.append(f"<p><em>{html.escape(words['eeo'].format(company=spec.company))}</em></p>")

    published = NEWEST - timedelta(days=rng.randrange(WINDOW_DAYS), minutes=rng.randrange(1440))
    updated = published + timedelta(days=rng.randrange(3), minutes=rng.randrange(600))
    updated = min(updated, NEWEST)
    return PostingRecord(
        key=f"{spec.source}-{spec.board}-{index:05d}",
        title=title,
        company=spec.company,
        body_html="\n".join(paragraphs),
        published=published.strftime("%Y-%m-%dT%H:%M:%S") + offset,
        updated=updated.strftime("%Y-%m-%dT%H:%M:%S") + offset,
        location=location,
        employment_type="Full-time",
        language=language,
        salary=salary,
        placements={spec.source: placement(spec, index, rng)},
    )


def generate_records(spec: CompanySpec, placement: Placement) -> list[PostingRecord]:
    return [generate_posting(spec, index, placement) for index in range(spec.count)]
