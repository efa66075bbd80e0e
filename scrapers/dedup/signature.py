"""A posting's signature: what matching compares of it, small enough to keep for every posting
in the state (no Scrapy import)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapers.dedup.fold import fold
from scrapers.dedup.keys import strong_keys
from scrapers.dedup.phrases import (
    DEPARTMENT_NOISE,
    LEGAL_FORMS,
    LEVELS,
    SENIORITY,
    TITLE_NOISE,
    WORK_MODE,
)
from scrapers.dedup.sketch import sketch


def company_key(company: str | None) -> str:
    """The folded company name without its legal form: the block matching looks within."""
    folded = fold(company)
    return re.sub(r"\s+", " ", LEGAL_FORMS.sub(" ", folded)).strip() or folded


def title_words(title: str | None) -> frozenset[str]:
    """The title's folded words, seniority spellings read as their level, noise left out."""
    words = (SENIORITY.get(w, w) for w in fold(title).split())
    return frozenset(w for w in words if w not in TITLE_NOISE)


def seniority_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in words if w in LEVELS)


def _places(posting: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    cities, countries = set(), set()
    for place in posting.get("locations") or []:
        if place.get("city"):
            cities.add(fold(place["city"]))
        if place.get("country"):
            countries.add(place["country"])
    if not cities and posting.get("location_raw"):
        # No parsed city: the raw text's first part still tells Paris from Lyon.
        first = fold(re.split(r"[,;|/(]", posting["location_raw"])[0])
        first = WORK_MODE.sub("", first).strip()
        if first:
            cities.add(first)
    return frozenset(cities), frozenset(countries)


@dataclass(frozen=True)
class Facets:
    """Normalised fields that tell two look-alike postings apart when both sources fill them."""

    remote: str | None = None
    seniority: str | None = None
    salary: tuple[float | None, float | None, str, str] | None = None
    department: frozenset[str] = frozenset()

    @classmethod
    def of(cls, posting: Mapping[str, Any]) -> Facets:
        pay = posting.get("salary") or None
        return cls(
            remote=posting.get("remote"),
            seniority=posting.get("seniority"),
            salary=(pay["min"], pay["max"], pay["currency"], pay["period"]) if pay else None,
            department=frozenset(fold(posting.get("department")).split()) - DEPARTMENT_NOISE,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "remote": self.remote,
            "seniority": self.seniority,
            "salary": list(self.salary) if self.salary else None,
            "department": sorted(self.department),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Facets:
        pay = data.get("salary")
        return cls(
            remote=data.get("remote"),
            seniority=data.get("seniority"),
            salary=tuple(pay) if pay else None,  # type: ignore[arg-type]
            department=frozenset(data.get("department") or ()),
        )


@dataclass(frozen=True)
class Signature:
    """What clustering needs of one posting, small enough to keep for every posting in state."""

    id: str
    source: str
    company: str
    title: frozenset[str]
    cities: frozenset[str]
    countries: frozenset[str]
    sketch: tuple[int, ...]
    keys: frozenset[str] = field(default_factory=frozenset)
    facets: Facets = field(default_factory=lambda: Facets())

    @classmethod
    def of(cls, posting: Mapping[str, Any]) -> Signature:
        cities, countries = _places(posting)
        return cls(
            id=posting["id"],
            source=posting.get("source") or posting["id"].split(":", 1)[0],
            company=company_key(posting.get("company")),
            title=title_words(posting.get("title")),
            cities=cities,
            countries=countries,
            sketch=sketch(posting.get("description")),
            keys=strong_keys(posting),
            facets=Facets.of(posting),
        )
