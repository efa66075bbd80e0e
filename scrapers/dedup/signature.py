"""A posting's signature: what matching compares of it, small enough to keep for every posting
in the state (no Scrapy import)."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapers.dedup.evidence import numbers, references, shared_tokens, telling_numbers
from scrapers.dedup.fold import fold
from scrapers.dedup.keys import strong_keys
from scrapers.dedup.phrases import (
    COMPANY_ABBREVIATIONS,
    CONTRACT_TERMS,
    DEPARTMENT_NOISE,
    DEPARTMENT_SYNONYMS,
    GENDER_MARKERS,
    LEGAL_FORMS,
    LEVELS,
    SENIORITY,
    TITLE_NOISE,
    TITLE_SYNONYMS,
    WORK_MODE,
)
from scrapers.dedup.sketch import pack_sketch, paragraphs, sketch, unpack_sketch
from scrapers.dedup.templates import frame_bytes, frames, frames_of, pack_frames, unpack_frames
from scrapers.gazetteer import city_ids, places_in
from scrapers.urls import site_of

# Kinds of verbatim token that only copies of one posting share (amounts are shared by every
# posting of a pay band).
STRONG_TOKENS = ("ref:", "mail:", "url:", "tel:")
# A night holds every posting's signature, so how much memory one takes matters (about 5 KB
# before these): sets that many postings hold alike — no department, one country, a city — are
# one object shared by all of them (each frozenset takes 216 bytes, even empty), and the sketch
# and the frames are packed bytes, read into integers only when two postings are compared.
_SHARED_SETS: dict[frozenset[str], frozenset[str]] = {}
_EMPTY: frozenset[str] = frozenset()


def _shared(values: frozenset[str]) -> frozenset[str]:
    """One object for every equal set of a field with few distinct values (places, departments)."""
    return _SHARED_SETS.setdefault(values, values) if len(values) <= 2 else values


def _or_empty(values: frozenset[str]) -> frozenset[str]:
    """One object for every empty set of a field whose filled sets are each a posting's own."""
    return values or _EMPTY


def _share_sets(holder: object, shared: tuple[str, ...], own: tuple[str, ...]) -> None:
    for name in shared:
        object.__setattr__(holder, name, _shared(getattr(holder, name)))
    for name in own:
        object.__setattr__(holder, name, _or_empty(getattr(holder, name)))


# Words joining a company's names ("Smith & Sons", "Müller und Partner"): boards write either.
_COMPANY_JOINERS = frozenset({"and", "und", "et", "y", "e", "en", "the"})


def company_key(company: str | None) -> str:
    """The folded company name without its legal form, abbreviations spelled out: the block
    matching looks within ("Acme Intl. Pvt. Ltd." and "ACME International Private Limited")."""
    folded = LEGAL_FORMS.sub(" ", fold(company))
    words = [COMPANY_ABBREVIATIONS.get(w, w) for w in folded.split()]
    kept = [w for w in words if w not in _COMPANY_JOINERS]
    return " ".join(kept or words) or fold(company)


def department_words(department: str | None) -> frozenset[str]:
    """The department's folded words, each in English where the word list knows it."""
    words = (
        w for word in fold(department).split() for w in DEPARTMENT_SYNONYMS.get(word, word).split()
    )
    return frozenset(words) - DEPARTMENT_NOISE


def title_words(title: str | None) -> frozenset[str]:
    """The title's folded words, gender markers gone, short forms and seniority spellings read as
    the word and level they name, noise left out."""
    plain = GENDER_MARKERS.sub(" ", title or "")
    words = (w for word in fold(plain).split() for w in TITLE_SYNONYMS.get(word, word).split())
    return frozenset(
        _singular(w) for w in (SENIORITY.get(w, w) for w in words) if w not in TITLE_NOISE
    )


def _singular(word: str) -> str:
    # "Installation" and "Installations", "Ventas" and "Venta": one word to a title.
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def board_of(posting: Mapping[str, Any]) -> str:
    """Which board a posting was seen on: its source, or for career sites and other boards read
    through their structured data (``jobposting``), the site: two sites are two boards."""
    source = posting.get("source") or posting["id"].split(":", 1)[0]
    if source == "jobposting" and posting.get("url"):
        return f"jobposting:{site_of(posting['url'])}"
    return source


def seniority_words(words: Iterable[str]) -> frozenset[str]:
    return LEVELS.intersection(words)


def _places(posting: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The cities a posting names, as GeoNames ids where the gazetteer knows them (so München
    is Munich), else by folded name; and its countries."""
    cities: set[str] = set()
    countries: set[str] = set()
    for place in posting.get("locations") or []:
        if place.get("city"):
            country = frozenset({place["country"]}) if place.get("country") else frozenset()
            ids = city_ids(place["city"], country) or places_in(place["city"], country)
            if ids:
                cities.update(map(str, ids))
            elif not any(c.isdigit() for c in place["city"]):
                # A street address read as a city would tell one city from itself.
                cities.add(fold(place["city"]))
        if place.get("country"):
            countries.add(place["country"])
    raw = posting.get("location_raw")
    if raw:
        cities.update(map(str, places_in(raw, frozenset(countries))))
    if not cities and raw:
        # No city known: the raw text's first part still tells Paris from Lyon (not a street
        # address or a postcode, which would tell one city from itself).
        first = fold(re.split(r"[,;|/(]", raw)[0])
        first = WORK_MODE.sub("", first).strip()
        if first and not any(c.isdigit() for c in first):
            cities.add(first)
    return frozenset(cities), frozenset(countries)


def contract_term(posting: Mapping[str, Any], body: list[str] | None = None) -> str | None:
    """``permanent`` or ``fixed`` when the posting says only one of them, else None (``body``:
    the description's folded paragraphs, when already read)."""
    head = fold(f"{posting.get('employment_type_raw') or ''} {posting.get('title') or ''}")
    text = " ".join([head, *(paragraphs(posting.get("description")) if body is None else body)])
    said = [term for term, pattern in CONTRACT_TERMS.items() if pattern.search(text)]
    return said[0] if len(said) == 1 else None


def title_term(title: str | None) -> str | None:
    """``fixed`` when the title itself says the contract ends ("… (uz noteiktu laiku)")."""
    return "fixed" if CONTRACT_TERMS["fixed"].search(fold(title)) else None


def _verbatim(posting: Mapping[str, Any]) -> str:
    # What a copy keeps as written: the body, the pay line, where to apply.
    parts = (posting.get("description"), posting.get("salary_raw"), posting.get("apply_url"))
    return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Facets:
    """Normalised fields that tell two look-alike postings apart when both sources fill them, and
    what a copy keeps verbatim in any language (references, contacts, amounts, skills)."""

    remote: str | None = None
    seniority: str | None = None
    salary: tuple[float | None, float | None, str, str] | None = None
    department: frozenset[str] = frozenset()
    employment: str | None = None
    term: str | None = None
    # The title's own word on the term: a cover posted beside the permanent post names it there.
    title_term: str | None = None
    language: str | None = None
    references: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    # The body's sentences as frames and fillers (scrapers.dedup.templates), packed: frame_bytes.
    packed_frames: bytes = b""
    # The body's numbers (scrapers.dedup.evidence.numbers).
    numbers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        _share_sets(self, ("department",), ("references", "tokens", "skills", "numbers"))

    @property
    def frames(self) -> tuple[int, ...]:
        return frames_of(self.packed_frames)

    @classmethod
    def of(cls, posting: Mapping[str, Any], body: list[str] | None = None) -> Facets:
        pay = posting.get("salary") or None
        labelled = references(posting.get("description"))
        tokens = shared_tokens(_verbatim(posting), labelled)
        if pay:
            tokens |= {f"amount:{int(v)}" for v in (pay["min"], pay["max"]) if v and v >= 1000}
            # The pay itself, as normalised: an hourly rate is no "amount" but is as telling.
            tokens |= {f"pay:{pay['min']}-{pay['max']}-{pay['period']}"}
        return cls(
            remote=posting.get("remote"),
            seniority=posting.get("seniority"),
            salary=(pay["min"], pay["max"], pay["currency"], pay["period"]) if pay else None,
            department=department_words(posting.get("department")),
            employment=posting.get("employment_type"),
            term=contract_term(posting, body),
            title_term=title_term(posting.get("title")),
            language=posting.get("language"),
            references=labelled,
            tokens=tokens,
            skills=frozenset(posting.get("skills") or ()),
            packed_frames=frame_bytes(frames(posting.get("description"))),
            numbers=numbers(posting.get("description")),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "remote": self.remote,
            "seniority": self.seniority,
            "salary": list(self.salary) if self.salary else None,
            "department": sorted(self.department),
            "employment": self.employment,
            "term": self.term,
            "title_term": self.title_term,
            "language": self.language,
            "references": sorted(self.references),
            "tokens": sorted(self.tokens),
            "skills": sorted(self.skills),
            "frames": pack_frames(self.packed_frames),
            "numbers": sorted(self.numbers),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Facets:
        # A row stored before a field existed reads it as unknown.
        pay = data.get("salary")
        return cls(
            remote=data.get("remote"),
            seniority=data.get("seniority"),
            salary=tuple(pay) if pay else None,  # type: ignore[arg-type]
            department=frozenset(data.get("department") or ()),
            employment=data.get("employment"),
            term=data.get("term"),
            title_term=data.get("title_term"),
            language=data.get("language"),
            references=frozenset(data.get("references") or ()),
            tokens=frozenset(data.get("tokens") or ()),
            skills=frozenset(data.get("skills") or ()),
            packed_frames=unpack_frames(data.get("frames")),
            numbers=frozenset(data.get("numbers") or ()),
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
    packed_sketch: bytes  # the body's sketch (scrapers.dedup.sketch), packed: pack_sketch
    keys: frozenset[str] = field(default_factory=frozenset)
    facets: Facets = field(default_factory=lambda: Facets())

    def __post_init__(self) -> None:
        _share_sets(self, ("cities", "countries"), ("title", "keys"))

    @property
    def sketch(self) -> tuple[int, ...]:
        return unpack_sketch(self.packed_sketch)

    @property
    def evidence(self) -> frozenset[str]:
        """What only copies of this posting share (references, contacts, links), by which a
        copy in another language or under another company spelling is found."""
        return frozenset(t for t in self.facets.tokens if t.startswith(STRONG_TOKENS))

    @property
    def leads(self) -> frozenset[str]:
        """What names the postings this one must be compared with besides its company's titles:
        its evidence; its employer's first word in each of its places (a translation's title
        matches no title, "Kargonet" and "Kargonet Lojistik" are two company blocks); the numbers
        only its body would state (a company written in another script); its pay."""
        found = set(self.evidence)
        first = self.company.split(" ", 1)[0] if self.company else ""
        if len(first) >= 3:
            found.update(f"at:{first}:{city}" for city in self.cities)
        found.update(f"num:{n}" for n in telling_numbers(self.facets.numbers))
        found.update(t for t in self.facets.tokens if t.startswith("pay:"))
        return frozenset(found)

    def as_json(self) -> dict[str, Any]:
        """The signature in JSON, as a crawl stages it beside the posting (read back whole by
        :meth:`from_json`)."""
        return {
            "id": self.id,
            "source": self.source,
            "company": self.company,
            "title": sorted(self.title),
            "cities": sorted(self.cities),
            "countries": sorted(self.countries),
            "sketch": base64.b64encode(self.packed_sketch).decode("ascii"),
            "keys": sorted(self.keys),
            "facets": self.facets.as_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Signature:
        return cls(
            id=data["id"],
            source=data["source"],
            company=data["company"],
            title=frozenset(data["title"]),
            cities=frozenset(data["cities"]),
            countries=frozenset(data["countries"]),
            packed_sketch=base64.b64decode(data["sketch"]),
            keys=frozenset(data["keys"]),
            facets=Facets.from_json(data["facets"]),
        )

    @classmethod
    def of(cls, posting: Mapping[str, Any]) -> Signature:
        cities, countries = _places(posting)
        body = paragraphs(posting.get("description"))
        return cls(
            id=posting["id"],
            source=board_of(posting),
            company=company_key(posting.get("company")),
            title=title_words(posting.get("title")),
            cities=cities,
            countries=countries,
            packed_sketch=pack_sketch(sketch(None, body)),
            keys=strong_keys(posting),
            facets=Facets.of(posting, body),
        )
