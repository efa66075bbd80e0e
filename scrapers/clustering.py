"""The same job seen on several sources: strong ATS keys, then content (no Scrapy import).

Two postings are the same job when they point at the same ATS posting (a *strong key*), or when
they come from different sources, have the same normalised company, compatible titles (one's words
all in the other's, same seniority words), compatible locations, no conflicting normalised field
(remote, seniority, salary range, department), and one clean body is almost all contained in the
other (containment, not Jaccard: aggregators truncate).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapers.ids import _fold

# Sources that publish the employer's own postings; the others aggregate them.
ATS_SOURCES = frozenset(
    {
        "greenhouse",
        "lever",
        "ashby",
        "workable",
        "smartrecruiters",
        "recruitee",
        "personio",
        "workday",
    }
)

SHINGLE_WORDS = 5
# Keep a shingle when its hash is 0 mod this: a consistent sample keeps containment unbiased
# (bottom-k would not) and makes a posting's sketch four times smaller in memory and in state.
SAMPLE_MOD = 4
MIN_SKETCH = 4
CONTAINMENT = 0.9
TITLE_CONTAINMENT = 1.0

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("recruitee.com", re.compile(r"/o/(?P<id>[^/]+)$"), "recruitee:{tenant}:{id}"),
    ("jobs.personio.de", re.compile(r"/job/(?P<id>\d+)$"), "personio:{tenant}:{id}"),
    ("jobs.personio.com", re.compile(r"/job/(?P<id>\d+)$"), "personio:{tenant}:{id}"),
    # (host suffix, path pattern, key template over the named groups); UUIDs are case-blind.
    ("greenhouse.io", re.compile(r"/[^/]+/jobs/(?P<id>\d+)$"), "greenhouse:{id}"),
    ("lever.co", re.compile(rf"/[^/]+/(?P<id>{_UUID})$", re.I), "lever:{id}"),
    ("ashbyhq.com", re.compile(rf"/[^/]+/(?P<id>{_UUID})$", re.I), "ashby:{id}"),
    ("workable.com", re.compile(r"/j/(?P<id>[0-9A-Za-z]+)$"), "workable:{id}"),
    (
        "smartrecruiters.com",
        re.compile(r"/[^/]+/(?P<id>\d{6,})(?:-[^/]*)?$"),
        "smartrecruiters:{id}",
    ),
    (
        "myworkdayjobs.com",
        re.compile(r"/job/(?:.+/)?[^/]*_(?P<id>[A-Za-z0-9-]+)$"),
        "workday:{tenant}:{id}",
    ),
    (
        "welcometothejungle.com",
        re.compile(r"/jobs/[^/]*?_(?P<id>[A-Za-z0-9]+_[A-Za-z0-9]+)$"),
        "wttj:{id}",
    ),
]
# What follows the posting in an apply link: /apply, /application, /apply/.
_APPLY_SUFFIX = re.compile(r"/(apply|application)(/.*)?$", re.I)

_LEGAL = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|plc|gmbh|ag|sa|sas|sarl|bv|b v|nv|sl|s l|spa|srl|"
    r"co|corp|corporation|company|group|holding|holdings)\b"
)
_SENIORITY = {
    "sr": "senior",
    "snr": "senior",
    "senior": "senior",
    "jr": "junior",
    "junior": "junior",
    "lead": "lead",
    "principal": "principal",
    "staff": "staff",
    "head": "head",
    "intern": "intern",
    "internship": "intern",
    "stage": "intern",
    "stagiaire": "intern",
    "manager": "manager",
    "director": "director",
}
_TITLE_NOISE = frozenset({"m", "f", "w", "d", "x", "h", "the", "a", "of", "and", "et", "de"})


def ats_key(url: str | None) -> str | None:
    """The ATS posting a URL points at (``lever:<uuid>``…), whatever tracking or suffix it has."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    query = dict(parse_qsl(parts.query))
    # An employer's own careers page embedding Greenhouse names the job in gh_jid.
    if query.get("gh_jid", "").isdigit():
        return f"greenhouse:{query['gh_jid']}"
    path = _APPLY_SUFFIX.sub("", unquote(parts.path).rstrip("/"))
    for suffix, pattern, template in _PATTERNS:
        if host == suffix or host.endswith("." + suffix):
            match = pattern.search(path)
            if match:
                posting = match["id"].lower() if pattern.flags & re.I else match["id"]
                return template.format(tenant=host.split(".", 1)[0], id=posting)
    return None


def strong_keys(posting: Mapping[str, Any]) -> frozenset[str]:
    urls = (posting.get("url"), posting.get("original_url"), posting.get("apply_url"))
    return frozenset(key for key in map(ats_key, urls) if key)


def company_key(company: str | None) -> str:
    folded = _fold(company)
    return re.sub(r"\s+", " ", _LEGAL.sub(" ", folded)).strip() or folded


def title_words(title: str | None) -> frozenset[str]:
    words = (_SENIORITY.get(w, w) for w in _fold(title).split())
    return frozenset(w for w in words if w not in _TITLE_NOISE)


# Built once: the post-pass asks for the seniority words of every candidate pair.
_LEVELS = frozenset(_SENIORITY.values())


def seniority_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in words if w in _LEVELS)


def sketch(body: str | None) -> tuple[int, ...]:
    """Sorted sample of the hashes of the body's 5-word shingles.

    Shingles never cross a line: boards reorder sections and lists, which would otherwise change
    every shingle spanning two of them. A line shorter than five words is one shingle.
    """
    grams: set[str] = set()
    for line in (body or "").splitlines():
        words = _fold(line).split()
        if len(words) <= SHINGLE_WORDS:
            if words:
                grams.add(" ".join(words))
            continue
        grams.update(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - 4))
    hashes = {zlib.crc32(g.encode("utf-8")) for g in grams}
    return tuple(sorted(h for h in hashes if h % SAMPLE_MOD == 0))


def pack_sketch(values: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(values)}I", *values)


def unpack_sketch(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 4}I", blob)


def containment(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Share of the smaller sketch found in the larger: a truncated copy still scores high."""
    if len(a) < MIN_SKETCH or len(b) < MIN_SKETCH:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(set(small).intersection(large)) / len(small)


def _places(posting: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    cities, countries = set(), set()
    for place in posting.get("locations") or []:
        if place.get("city"):
            cities.add(_fold(place["city"]))
        if place.get("country"):
            countries.add(place["country"])
    if not cities and posting.get("location_raw"):
        # No parsed city: the raw text's first part still tells Paris from Lyon.
        first = _fold(re.split(r"[,;|/(]", posting["location_raw"])[0])
        first = re.sub(r"^(hybrid|remote|onsite|on site)\s*", "", first).strip()
        if first:
            cities.add(first)
    return frozenset(cities), frozenset(countries)


_DEPARTMENT_NOISE = frozenset({"of", "and", "the", "team", "de", "et", "und", "y"})


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
            department=frozenset(_fold(posting.get("department")).split()) - _DEPARTMENT_NOISE,
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


def _conflict(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def _salaries_conflict(a: Facets, b: Facets) -> bool:
    if a.salary is None or b.salary is None or a.salary[2:] != b.salary[2:]:
        return False
    low_a, high_a = a.salary[0] or a.salary[1], a.salary[1] or a.salary[0]
    low_b, high_b = b.salary[0] or b.salary[1], b.salary[1] or b.salary[0]
    # Disjoint ranges are two different offers; overlapping ones may be one offer rounded.
    return bool(high_a < low_b or high_b < low_a)


def facets_compatible(a: Facets, b: Facets) -> bool:
    """No field both sources fill says otherwise (a re-post for another team names its team)."""
    return not (
        _conflict(a.remote, b.remote)
        or _conflict(a.seniority, b.seniority)
        or _salaries_conflict(a, b)
        or (a.department and b.department and not a.department & b.department)
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


def titles_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or seniority_words(a) != seniority_words(b):
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) >= TITLE_CONTAINMENT


class TitleLookup:
    """Distinct titles, found by compatibility with a title without comparing it with each one.

    ``titles_compatible`` needs the same seniority words, so titles are grouped by them; at
    ``TITLE_CONTAINMENT`` 1.0 it also needs one title's words all among the other's. A title's
    supersets then all hold its rarest word, and each of its subsets has its least word among the
    title's words: two look-ups in the group instead of a scan. Whatever they find is checked with
    ``titles_compatible`` itself, so the answer is exactly the titles a scan would keep.
    """

    def __init__(self) -> None:
        # seniority words -> (word -> titles holding it, least word -> titles)
        self._groups: dict[
            frozenset[str], tuple[dict[str, set[frozenset[str]]], dict[str, set[frozenset[str]]]]
        ] = {}

    def add(self, title: frozenset[str]) -> None:
        if not title:
            return  # compatible with nothing
        words, least = self._groups.setdefault(seniority_words(title), ({}, {}))
        for word in title:
            words.setdefault(word, set()).add(title)
        least.setdefault(min(title), set()).add(title)

    def remove(self, title: frozenset[str]) -> None:
        if not title:
            return
        levels = seniority_words(title)
        words, least = self._groups[levels]
        for word in title:
            _drop(words, word, title)
        _drop(least, min(title), title)
        if not least:
            del self._groups[levels]

    def compatible(self, title: frozenset[str]) -> list[frozenset[str]]:
        if not title:
            return []
        group = self._groups.get(seniority_words(title))
        if group is None:
            return []
        words, least = group
        if TITLE_CONTAINMENT < 1.0:
            # Partial containment has no such shortcut: the whole seniority group.
            found: set[frozenset[str]] = set().union(*least.values())
        else:
            holders = [words.get(word, set()) for word in title]
            found = set(min(holders, key=len))
            for word in title:
                found.update(least.get(word, ()))
        return [other for other in found if titles_compatible(title, other)]


def _drop(index: dict[str, set[frozenset[str]]], word: str, title: frozenset[str]) -> None:
    titles = index[word]
    titles.discard(title)
    if not titles:
        del index[word]


class TitleIndex:
    """Postings by current title and source: those a posting could match on content.

    A company's postings were each compared with all its others (quadratic: an employer with
    5,000 postings cost 20 times more per posting than one with 250). Here a posting meets only
    those of other sources whose title is compatible: ``same_job`` never matches two postings of
    one source, or incompatible titles, without a shared strong key (looked up separately).
    """

    def __init__(self) -> None:
        self._at: dict[str, tuple[frozenset[str], str]] = {}
        self._holders: dict[frozenset[str], dict[str, set[str]]] = {}  # title -> source -> ids
        self._titles = TitleLookup()

    def __contains__(self, posting: object) -> bool:
        return posting in self._at

    def __len__(self) -> int:
        return len(self._at)

    def add(self, posting: str, title: frozenset[str], source: str) -> None:
        """Index ``posting``, or move it if its title or source changed (a stored posting crawled
        again tonight)."""
        if self._at.get(posting) == (title, source):
            return
        self.discard(posting)
        self._at[posting] = (title, source)
        if title not in self._holders:
            self._holders[title] = {}
            self._titles.add(title)
        self._holders[title].setdefault(source, set()).add(posting)

    def discard(self, posting: str) -> None:
        entry = self._at.pop(posting, None)
        if entry is None:
            return
        title, source = entry
        sources = self._holders[title]
        sources[source].discard(posting)
        if not sources[source]:
            del sources[source]
        if not sources:
            del self._holders[title]
            self._titles.remove(title)

    def matches(self, title: frozenset[str], source: str) -> set[str]:
        """Postings of any source but ``source`` whose title is compatible with ``title``."""
        found: set[str] = set()
        for other in self._titles.compatible(title):
            for holder, postings in self._holders[other].items():
                if holder != source:
                    found |= postings
        return found


def places_compatible(a: Signature, b: Signature) -> bool:
    if a.cities and b.cities:
        return bool(a.cities & b.cities)
    if a.countries and b.countries:
        return bool(a.countries & b.countries)
    return True


def same_job(a: Signature, b: Signature) -> bool:
    """Strong key shared, or: another source, same company, title, place, and contained body."""
    if a.keys & b.keys:
        return True
    if a.source == b.source or not a.company or a.company != b.company:
        return False
    return (
        titles_compatible(a.title, b.title)
        and places_compatible(a, b)
        and facets_compatible(a.facets, b.facets)
        and containment(a.sketch, b.sketch) >= CONTAINMENT
    )


def canonical(members: Iterable[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The employer's own ATS record when there is one, else the earliest seen; ties by id."""

    def rank(member: Mapping[str, Any]) -> tuple[int, str, str]:
        own = 0 if member.get("source") in ATS_SOURCES else 1
        return (own, member.get("first_seen") or "", member["id"])

    return min(members, key=rank)
