"""Jobs as clusters of postings, and the canonical posting of each (no Scrapy import).

:class:`JobClusters` grows clusters as pairs are found to be the same job and names the
candidates a posting must be compared with: those sharing a strong key, and those of another
source at the same company with a compatible title. :func:`choose_canonical` picks the posting a
job is published as.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from scrapers.dedup.signature import Signature
from scrapers.dedup.title_index import TitleIndex
from scrapers.registry import ats_names

# Postings one verbatim token may name before it stops naming candidates.
MAX_TOKEN_HOLDERS = 20


class _UnionFind:
    """Union-find over posting ids; order of unions never changes the final components."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def find(self, node: str) -> str:
        if node not in self.parent:
            self.parent[node] = node
            self.members[node] = [node]
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # The smaller group joins the larger: merging stays cheap for big clusters.
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


class JobClusters:
    """Postings grouped into jobs, with the indexes that name each posting's candidates."""

    def __init__(self) -> None:
        self._components = _UnionFind()
        self._by_key: dict[str, set[str]] = {}
        self._by_company: dict[str, TitleIndex] = {}
        # The company a posting is indexed under; a second one only if tonight's item names
        # another company than its stored row.
        self._home: dict[str, str] = {}
        self._more_homes: dict[str, list[str]] = {}
        # Leads (a reference, a contact, the employer in a place, a number) -> postings: a
        # translated copy, or one whose company is spelled otherwise, shares no title and no
        # company block with its original.
        self._by_evidence: dict[str, set[str]] = {}

    def add(self, posting: str) -> None:
        """``posting`` as a job of its own until it is joined with another."""
        self._components.find(posting)

    def join(self, a: str, b: str) -> None:
        """``a`` and ``b`` are the same job: their clusters become one."""
        self._components.union(a, b)

    def together(self, a: str, b: str) -> bool:
        """``a`` and ``b`` are already in one cluster."""
        return self._components.find(a) == self._components.find(b)

    def members(self, posting: str) -> list[str]:
        """Every posting in ``posting``'s cluster."""
        return self._components.members[self._components.find(posting)]

    def clusters(self) -> list[list[str]]:
        return list(self._components.members.values())

    def index(
        self,
        posting: str,
        keys: Iterable[str],
        company: str,
        title: frozenset[str],
        source: str,
        evidence: Iterable[str] = (),
    ) -> None:
        """Make ``posting`` a candidate of those sharing a key or a verbatim token, or its company
        and a title."""
        for key in keys:
            self._by_key.setdefault(key, set()).add(posting)
        for token in evidence:
            self._by_evidence.setdefault(token, set()).add(posting)
        homes = self._homes(posting)
        if company and company not in homes:
            if homes:
                self._more_homes.setdefault(posting, []).append(company)
            else:
                self._home[posting] = company
            homes.append(company)
        # Every block holding the posting looks it up by its latest title and source: those its
        # signature has when a candidate pair is compared.
        for home in homes:
            self._by_company.setdefault(home, TitleIndex()).add(posting, title, source)

    def _homes(self, posting: str) -> list[str]:
        home = self._home.get(posting)
        return [] if home is None else [home, *self._more_homes.get(posting, ())]

    def candidates(self, sig: Signature) -> list[str]:
        """The indexed postings ``sig`` could be the same job as, in id order.

        Those sharing a strong key; another source's postings of the same company with a
        compatible title (the company's index names exactly those); and those sharing a lead few
        postings hold (``Signature.leads``: a verbatim token, the employer in a place, a number
        only its body states, its pay): a translation, a company spelled otherwise. ``match``
        decides.
        """
        by_key = set().union(*(self._by_key.get(k, set()) for k in sig.keys))
        block = self._by_company.get(sig.company)
        alike = block.matches(sig.title, sig.source) if block is not None else set()
        sharing: set[str] = set()
        for token in sig.leads:
            holders = self._by_evidence.get(token, set())
            # A token on many postings (an employer's one recruiting address) names no copy:
            # comparing with all of them would make a big employer quadratic again.
            if len(holders) <= MAX_TOKEN_HOLDERS:
                sharing |= holders
        return sorted((by_key | alike | sharing) - {sig.id})


def choose_canonical(members: Iterable[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The employer's own ATS record when there is one, else the earliest seen; ties by id."""

    employers = ats_names()

    def rank(member: Mapping[str, Any]) -> tuple[int, str, str]:
        own = 0 if member.get("source") in employers else 1
        return (own, member.get("first_seen") or "", member["id"])

    return min(members, key=rank)
