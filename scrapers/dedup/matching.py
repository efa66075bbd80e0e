"""When two postings are the same job (no Scrapy import).

Two postings are the same job when they point at the same ATS posting (a shared strong key), or
when they come from different sources, have the same normalised company, compatible titles (one's
words all in the other's, same seniority words), compatible locations, no conflicting normalised
field (remote, seniority, salary range, department), and one clean body is almost all contained in
the other (containment, not Jaccard: aggregators truncate).
"""

from __future__ import annotations

from scrapers.dedup.signature import Facets, Signature, seniority_words
from scrapers.dedup.sketch import containment

# Share of the smaller body sketch the larger must hold.
CONTAINMENT = 0.9
# Share of the shorter title's words the longer must hold.
TITLE_CONTAINMENT = 1.0


def titles_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or seniority_words(a) != seniority_words(b):
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) >= TITLE_CONTAINMENT


def places_compatible(a: Signature, b: Signature) -> bool:
    if a.cities and b.cities:
        return bool(a.cities & b.cities)
    if a.countries and b.countries:
        return bool(a.countries & b.countries)
    return True


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
