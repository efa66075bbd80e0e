"""When two postings are the same job, and which evidence says so (no Scrapy import).

Two postings are the same job when they point at the same ATS posting (a shared strong key), or
when they come from different boards, have the same normalised company, compatible places and
no conflicting field (remote, contract, salary range, department, reference number; the level is
the title's: a board's level widget reads "Executive" where Singapore means a mid-level post),
and one of:

- compatible titles (one's words all in the other's, same seniority words) and one clean body
  mostly contained in the other (containment, not Jaccard: aggregators truncate and add chrome);
- the same reference number;
- compatible titles, something a copy keeps verbatim (a contact, a link, an amount) and a body
  partly contained;
- bodies in two languages (a translation) naming the same place, sharing two verbatim tokens, or
  one and most of their skills.

Every match names its evidence (:class:`Match`), so a cluster can be audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.dedup.evidence import telling_numbers
from scrapers.dedup.signature import Facets, Signature, seniority_words
from scrapers.dedup.sketch import containment
from scrapers.dedup.templates import filled_apart
from scrapers.gazetteer import CENTRE_RATIO, METRO_POPULATION, near, population

# Share of the smaller body sketch the larger must hold, with company, title and place.
CONTAINMENT = 0.8
# ... when a reference, contact or link is shared as well (an amount is not enough: one pay band
# covers many requisitions).
CONTAINMENT_WITH_TOKEN = 0.3
# With a shared reference, contact or link, a body this contained and half the title's words.
CONTAINMENT_PARTIAL_TITLE = 0.7
TITLE_OVERLAP = 0.5
# Share of the shorter title's words the longer must hold.
TITLE_CONTAINMENT = 1.0
# Two cities this close are one place to a board (a suburb and its city).
NEAR_KM = 20.0
# Two small places this close are one (a village and the next, one site named two ways).
SAME_AREA_KM = 5.0
# A translation keeps the body's numbers: this share of the smaller set, and at least this many.
NUMBERS_SHARED = 0.6
MIN_NUMBERS = 4
# Telling numbers (scrapers.dedup.evidence.telling_numbers) that make a company in another
# script one employer.
MIN_TELLING_NUMBERS = 3
# Share of the smaller skill set a translation's other copy must hold, and how many skills.
SKILLS_SHARED = 0.5
MIN_SKILLS = 3


@dataclass(frozen=True)
class Match:
    """Why two postings are one job: the evidence, strongest first."""

    evidence: tuple[str, ...]

    def __str__(self) -> str:
        return ", ".join(self.evidence)


def titles_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or seniority_words(a) != seniority_words(b):
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) >= TITLE_CONTAINMENT


def _city_ids(cities: frozenset[str]) -> frozenset[int]:
    return frozenset(int(c) for c in cities if c.isdigit())


def _local(ids: frozenset[int], others: frozenset[int]) -> frozenset[int]:
    """The places of ``ids`` no board names for a whole area: under a metro's size and not the
    centre of a town of ``others`` (Bologna is Casalecchio's)."""
    return frozenset(
        c
        for c in ids
        if population(c) < METRO_POPULATION
        and not any(
            population(c) >= CENTRE_RATIO * population(o) and near({c}, {o}, NEAR_KM, metro=False)
            for o in others
        )
    )


def _same_place(a: Signature, b: Signature) -> bool:
    if a.cities & b.cities:
        return True
    ids_a, ids_b = _city_ids(a.cities), _city_ids(b.cities)
    # Two suburbs (Kew and Berwick) are two places even when one copy adds their city (Melbourne):
    # only a big city and a place of its area are one.
    local_a, local_b = _local(ids_a, ids_b), _local(ids_b, ids_a)
    if local_a and local_b and not near(local_a, local_b, SAME_AREA_KM, metro=False):
        return False
    return near(ids_a, ids_b, NEAR_KM)


def titles_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or seniority_words(a) != seniority_words(b):
        return False
    return len(a & b) / min(len(a), len(b)) >= TITLE_OVERLAP


def places_compatible(a: Signature, b: Signature) -> bool:
    if a.cities and b.cities:
        return _same_place(a, b)
    if a.countries and b.countries:
        return bool(a.countries & b.countries)
    return True


def places_agree(a: Signature, b: Signature) -> bool:
    """Both name a place and it is the same one (compatible is also: one names none)."""
    if a.cities and b.cities:
        return _same_place(a, b)
    return bool(a.countries & b.countries)


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split())


def companies_match(a: Signature, b: Signature) -> str | None:
    """How two postings' companies are one employer, or None: the same name; one name inside the
    other ("Solvea" and "Solvea Technologies", a Chinese name beside the English one); a name and
    its initials ("MTCG" for Main Taunus Consulting GmbH); or one contact address on both."""
    if not a.company or not b.company:
        return None
    if a.company == b.company:
        return "company"
    words_a, words_b = set(a.company.split()), set(b.company.split())
    small = min(words_a, words_b, key=len)
    if (words_a <= words_b or words_b <= words_a) and any(len(w) >= 3 for w in small):
        return "company (one name inside the other)"
    for short, full in ((a.company, b.company), (b.company, a.company)):
        if " " not in short and len(full.split()) >= 2 and len(short) >= 3:
            initials = _initials(full)
            if short == initials or (short[:-1] == initials and len(short) == len(initials) + 1):
                return "company (initials)"
    mails = {t for t in a.facets.tokens & b.facets.tokens if t.startswith("mail:")}
    if mails:
        return f"company ({min(mails)})"
    # A requisition id one labels and the other shows (JR-30871): a name in another script.
    ids = {
        r
        for r in (a.facets.references | b.facets.references)
        if f"ref:{r}" in a.facets.tokens & b.facets.tokens and _is_requisition_id(r)
    }
    if ids:
        return f"company (reference {min(ids)})"
    return None


def _is_requisition_id(reference: str) -> bool:
    return (
        len(reference) >= 5
        and any(c.isalpha() for c in reference)
        and any(c.isdigit() for c in reference)
    )


_CODE = re.compile(r"ref:([a-z]{2,})(\d{3,})")


def _codes(tokens: frozenset[str]) -> dict[str, set[str]]:
    by_prefix: dict[str, set[str]] = {}
    for token in tokens:
        if code := _CODE.fullmatch(token):
            by_prefix.setdefault(code[1], set()).add(code[2])
    return by_prefix


def _codes_apart(a: Facets, b: Facets) -> bool:
    """Codes of one series with other numbers ("MAN-0412", "MAN-0437"): two requisitions, what
    ever label (or none) the sites put before them."""
    one, other = _codes(a.tokens), _codes(b.tokens)
    return any(one[prefix].isdisjoint(other[prefix]) for prefix in one.keys() & other.keys())


def _conflict(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def _salaries_conflict(a: Facets, b: Facets) -> bool:
    if a.salary is None or b.salary is None or a.salary[2:] != b.salary[2:]:
        return False
    low_a, high_a = a.salary[0] or a.salary[1], a.salary[1] or a.salary[0]
    low_b, high_b = b.salary[0] or b.salary[1], b.salary[1] or b.salary[0]
    # Disjoint ranges are two different offers; overlapping ones may be one offer rounded.
    return bool(high_a < low_b or high_b < low_a)


# Contracts that are another job, not another way of writing one (boards mislabel full-time and
# contractor alike; an internship or a fixed-term cover is a separate requisition).
_CONTRACTS_APART = (
    frozenset({"INTERN"}),
    frozenset({"TEMPORARY"}),
)


def _contracts_conflict(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return False
    return any((a in group) != (b in group) for group in _CONTRACTS_APART)


def facets_compatible(a: Facets, b: Facets, *, teams: bool = True) -> bool:
    """No field both sources fill says otherwise (a re-post for another team names its team;
    another requisition of one role has its own reference). Remote and hybrid are one job
    written by two boards (a hybrid role open to remote candidates); on-site is another.
    Departments are
    compared only when both name the employer's team (``teams``)."""
    return not (
        (_conflict(a.remote, b.remote) and {a.remote, b.remote} != {"remote", "hybrid"})
        or _contracts_conflict(a.employment, b.employment)
        or _conflict(a.term, b.term)
        or (a.title_term and b.term is None)
        or (b.title_term and a.term is None)
        or _salaries_conflict(a, b)
        or (teams and a.department and b.department and not a.department & b.department)
        or (a.references and b.references and not a.references & b.references)
        or (a.language == b.language and filled_apart(a.frames, b.frames))
        or _codes_apart(a, b)
    )


def numbers_shared(a: Facets, b: Facets) -> int:
    """How many numbers two bodies share, when they share most of them (else 0)."""
    small = min(len(a.numbers), len(b.numbers))
    both = len(a.numbers & b.numbers)
    return both if both >= MIN_NUMBERS and both / small >= NUMBERS_SHARED else 0


def _telling_numbers(a: Facets, b: Facets) -> list[str]:
    return sorted(telling_numbers(a.numbers & b.numbers))


def _other_scripts(one: str, other: str) -> bool:
    return one.isascii() != other.isascii()


def _skills_shared(a: Facets, b: Facets) -> bool:
    small = min(len(a.skills), len(b.skills))
    return small >= MIN_SKILLS and len(a.skills & b.skills) / small >= SKILLS_SHARED


def match(a: Signature, b: Signature) -> Match | None:
    """The evidence that ``a`` and ``b`` are the same job, or None when they are not."""
    if a.keys & b.keys:
        return Match(("ats_key " + min(a.keys & b.keys),))
    if a.source == b.source:
        return None
    company = companies_match(a, b)
    translated = bool(
        a.facets.language and b.facets.language and a.facets.language != b.facets.language
    )
    if (
        company is None
        and translated
        and _other_scripts(a.company, b.company)
        and numbers_shared(a.facets, b.facets)
        and len(telling := _telling_numbers(a.facets, b.facets)) >= MIN_TELLING_NUMBERS
    ):
        # A company written in another script (ミナセ精工, Minase Seiko): the body's own numbers
        # (its founding year, its headcount, the plant's size) say it is the same employer.
        company = f"company (numbers {', '.join(telling[:3])})"
    if company is None or not places_compatible(a, b):
        return None
    # Another site's own board files a job under its category, not the employer's team; a team
    # named in two languages ("Ingegneria di produzione", "Production engineering") is one.
    teams = not (
        a.source.startswith("jobposting:") or b.source.startswith("jobposting:") or translated
    )
    if not facets_compatible(a.facets, b.facets, teams=teams):
        return None
    titles = titles_compatible(a.title, b.title)
    body = containment(a.sketch, b.sketch)
    shared = sorted(a.facets.tokens & b.facets.tokens)
    if titles and body >= CONTAINMENT:
        return Match((company, "title", "place", f"body {body:.2f}"))
    references = a.facets.references & b.facets.references
    if references:
        return Match((company, "place", f"reference {min(references)}"))
    strong = sorted(a.evidence & b.evidence)
    if titles and strong and body >= CONTAINMENT_WITH_TOKEN:
        return Match((company, "title", "place", f"body {body:.2f}", *shared))
    if strong and body >= CONTAINMENT_PARTIAL_TITLE and titles_overlap(a.title, b.title):
        # A title inflected or reworded by the copy ("Servisní technik robotických linek"):
        # half its words, with the body and a verbatim token, still say one job.
        return Match((company, "title overlap", "place", f"body {body:.2f}", *shared))
    if translated and places_agree(a, b):
        if len(shared) >= 2 or strong or (shared and _skills_shared(a.facets, b.facets)):
            return Match((company, "place", "translation", *shared))
        if count := numbers_shared(a.facets, b.facets):
            return Match((company, "place", "translation", f"{count} numbers", *shared))
    return None


def same_job(a: Signature, b: Signature) -> bool:
    """Strong key shared, or: another board, same company, place, and enough evidence."""
    return match(a, b) is not None
