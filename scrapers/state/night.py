"""One night against the state: statuses, clusters across sources, expiry (no Scrapy import).

``Night.observe`` annotates an item as it arrives (status, first_seen, duplicate_of as far as
known); ``Night.finish`` settles the clusters over everything seen, picks each job's canonical
posting, finds the postings that went away and returns the feeds and the rows to commit. Nothing
is written to the store here: the caller commits once its feeds are durable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from scrapers.clustering import (
    Facets,
    Signature,
    canonical,
    pack_sketch,
    same_job,
    titles_compatible,
    unpack_sketch,
)
from scrapers.state import PostingState, StateStore


def signature_of_state(row: PostingState) -> Signature:
    def split(text: str, sep: str | None) -> frozenset[str]:
        return frozenset(part for part in text.split(sep) if part)

    return Signature(
        id=row.id,
        source=row.source,
        company=row.company,
        title=split(row.title, None),
        cities=split(row.cities, "|"),
        countries=split(row.countries, "|"),
        sketch=unpack_sketch(row.sketch),
        keys=split(row.keys, None),
        facets=Facets.from_json(json.loads(row.facets)),
    )


class _Components:
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

    def group(self, node: str) -> list[str]:
        return self.members[self.find(node)]

    def groups(self) -> list[list[str]]:
        return list(self.members.values())


@dataclass
class NightResult:
    postings: list[dict[str, Any]]
    jobs: list[dict[str, Any]]
    delta: list[dict[str, Any]]
    expired: list[dict[str, Any]]
    rows: list[PostingState]
    duplicates: dict[str, int] = field(default_factory=dict)


class Night:
    def __init__(self, store: StateStore, night: str, now: str, expire_after: int = 3) -> None:
        self.store = store
        self.night = night
        self.now = now
        self.expire_after = expire_after
        self.items: dict[str, dict[str, Any]] = {}
        self.sigs: dict[str, Signature] = {}
        self.rows: dict[str, PostingState] = {}  # state rows loaded so far
        self.components = _Components()
        self._by_key: dict[str, set[str]] = {}
        self._by_company: dict[str, set[str]] = {}
        self._titles: dict[str, list[tuple[str, frozenset[str]]]] = {}  # company blocks
        self._clusters_loaded: set[str] = set()
        self._fetched: set[str] = set()  # ids already looked up in the store, found or not
        self._gone: dict[str, PostingState] = {}  # expired rows met on the way

    # --- loading state lazily, one company block or cluster at a time -----------------------

    def _index(self, posting: str, keys: Iterable[str], company: str) -> None:
        for key in keys:
            self._by_key.setdefault(key, set()).add(posting)
        if company:
            self._by_company.setdefault(company, set()).add(posting)

    def _sig(self, posting: str) -> Signature:
        # A stored posting's signature is built only when a candidate pair gets that far.
        if posting not in self.sigs:
            self.sigs[posting] = signature_of_state(self.rows[posting])
        return self.sigs[posting]

    def _load_rows(self, rows: Iterable[PostingState]) -> None:
        for row in rows:
            self._fetched.add(row.id)
            if row.expired:
                self._gone[row.id] = row  # kept for its status if it comes back
                continue
            if row.id in self.rows:
                continue
            self.rows[row.id] = row
            if row.id not in self.items:
                self._index(row.id, row.keys.split(), row.company)
            self.components.union(row.id, row.cluster)

    def _load_clusters(self, posting: str) -> None:
        # Stored clusters are sticky: a posting stays with the mates it was matched with. Only
        # the clusters touching tonight's posting are read, in one query per round.
        while True:
            labels = {
                self.rows[m].cluster for m in self.components.group(posting) if m in self.rows
            } - self._clusters_loaded
            if not labels:
                return
            self._clusters_loaded |= labels
            self._load_rows(self.store.by_cluster(sorted(labels)))

    def _block(self, sig: Signature) -> list[str]:
        """Stored postings of the same company whose title could match, loaded in one query."""
        if not sig.company:
            return []
        if sig.company not in self._titles:
            self._titles[sig.company] = [
                (posting, frozenset(title.split()))
                for posting, title in self.store.company_titles(sig.company)
            ]
        block = [
            posting
            for posting, title in self._titles[sig.company]
            if posting != sig.id and titles_compatible(sig.title, title)
        ]
        self._load_rows(self.store.get([p for p in block if p not in self._fetched]).values())
        return [p for p in block if p in self.rows]

    def prefetch(self, ids: Iterable[str]) -> None:
        """Load the state rows of many ids in one query (the nightly post-pass)."""
        wanted = [i for i in ids if i not in self._fetched]
        self._fetched.update(wanted)
        self._load_rows(self.store.get(wanted).values())

    # --- per item -------------------------------------------------------------------------------

    def _status(self, posting: str, fingerprint: str) -> tuple[str, str]:
        row = self.rows.get(posting) or self._gone.get(posting)
        if row is None and posting not in self._fetched:
            row = self.store.get([posting]).get(posting)
        if row is None:
            return "new", self.now
        if row.night == self.night:
            # This night already committed once (a rerun): the same answer again.
            return row.status, row.first_seen
        if row.expired or row.fingerprint != fingerprint:
            return "updated", row.first_seen
        return "unchanged", row.first_seen

    def annotate_status(self, item: dict[str, Any]) -> dict[str, Any]:
        """Only status and first_seen: enough inside ``crawlall``, which clusters afterwards."""
        item["status"], item["first_seen"] = self._status(item["id"], item["fingerprint"])
        return item

    def observe(self, item: dict[str, Any]) -> dict[str, Any]:
        posting = item["id"]
        self.prefetch([posting])
        item["status"], item["first_seen"] = self._status(posting, item["fingerprint"])
        self.items[posting] = item
        sig = Signature.of(item)
        self.components.find(posting)
        block = self._block(sig)
        if sig.keys:
            self._load_rows(self.store.get(self.store.ids_for_keys(sig.keys)).values())
        by_key = set().union(*(self._by_key.get(k, set()) for k in sig.keys))
        candidates = by_key | self._by_company.get(sig.company, set()) | set(block)
        self.sigs[posting] = sig
        self._index(posting, sig.keys, sig.company)
        for other in sorted(candidates - {posting}):
            if other not in by_key and not self._title_may_match(sig, other):
                continue
            if same_job(sig, self._sig(other)):
                self.components.union(posting, other)
        self._load_clusters(posting)
        item["duplicate_of"] = self._duplicate_of(posting)
        return item

    def _title_may_match(self, sig: Signature, other: str) -> bool:
        # Cheap pre-check on the stored title words before unpacking a stored signature.
        if other in self.sigs:
            return titles_compatible(sig.title, self.sigs[other].title)
        return titles_compatible(sig.title, frozenset(self.rows[other].title.split()))

    def _member(self, posting: str) -> Mapping[str, Any]:
        if posting in self.items:
            return self.items[posting]
        row = self.rows[posting]
        return {"id": row.id, "source": row.source, "first_seen": row.first_seen}

    def _canonical(self, members: list[str]) -> str:
        return canonical(self._member(m) for m in members)["id"]

    def _duplicate_of(self, posting: str) -> str | None:
        members = self.components.group(posting)
        chosen = self._canonical([m for m in members if m in self.items or m in self.rows])
        return None if chosen == posting else chosen

    # --- end of the night -----------------------------------------------------------------------

    def _expired(self, sources: Iterable[str]) -> tuple[list[dict[str, Any]], list[PostingState]]:
        tonight = date.fromisoformat(self.night)
        lines, rows = [], []
        cutoff = (tonight - timedelta(days=self.expire_after)).isoformat()
        for row in self.store.stale(self.night, sorted(set(sources)), seen_before=cutoff):
            if row.id in self.items:
                continue
            if row.valid_through and row.valid_through < self.night:
                reason = "valid_through"
            elif (tonight - date.fromisoformat(row.night)).days >= self.expire_after:
                reason = "not_seen"
            else:
                continue
            rows.append(replace(row, expired=self.night))
            self.rows.pop(row.id, None)
            lines.append(
                {
                    "id": row.id,
                    "source": row.source,
                    "url": row.url,
                    "cluster": row.cluster,
                    "first_seen": row.first_seen,
                    "last_seen": row.last_seen,
                    "expired": self.night,
                    "reason": reason,
                }
            )
        return lines, rows

    def finish(self, sources: Iterable[str]) -> NightResult:
        """Settle clusters, canonicals, expiry; ``sources`` are those crawled tonight."""
        expired, expired_rows = self._expired(sources)
        gone = {row.id for row in expired_rows}
        jobs, delta, rows = [], [], list(expired_rows)
        duplicates: dict[str, int] = {}
        for members in self.components.groups():
            live = sorted(
                m for m in members if m not in gone and (m in self.items or m in self.rows)
            )
            seen = [m for m in live if m in self.items]
            if not seen:
                continue
            chosen = self._canonical(live)
            for member in live:
                if member in self.items:
                    item = self.items[member]
                    item["duplicate_of"] = None if member == chosen else chosen
                    if item["duplicate_of"]:
                        duplicates[item["source"]] = duplicates.get(item["source"], 0) + 1
                    rows.append(self._row_of(item, chosen))
                elif self.rows[member].cluster != chosen:
                    rows.append(replace(self.rows[member], cluster=chosen))
            job = self._job(chosen, live, seen)
            jobs.append(job)
            if job["status"] != "unchanged":
                delta.append(job)
        postings = sorted(self.items.values(), key=lambda i: (i.get("source") or "", i["id"]))
        jobs.sort(key=lambda j: j["id"])
        delta.sort(key=lambda j: j["id"])
        expired.sort(key=lambda e: e["id"])
        return NightResult(postings, jobs, delta, expired, rows, duplicates)

    def _job(self, chosen: str, live: list[str], seen: list[str]) -> dict[str, Any]:
        # The canonical's own item when it was crawled tonight, else the best crawled member.
        head = chosen if chosen in self.items else self._canonical(seen)
        statuses = {self.items[m]["status"] for m in seen}
        status = (
            "new"
            if statuses == {"new"} and len(seen) == len(live)
            else "updated"
            if statuses - {"unchanged"}
            else "unchanged"
        )
        sources = []
        for member in live:
            if member in self.items:
                item = self.items[member]
                sources.append(
                    {
                        "source": item["source"],
                        "id": member,
                        "url": item["url"],
                        "status": item["status"],
                        "last_seen": self.now,
                    }
                )
            else:
                row = self.rows[member]
                sources.append(
                    {
                        "source": row.source,
                        "id": member,
                        "url": row.url,
                        "status": None,
                        "last_seen": row.last_seen,
                    }
                )
        return {**self.items[head], "duplicate_of": None, "status": status, "sources": sources}

    def _row_of(self, item: dict[str, Any], cluster: str) -> PostingState:
        old = self.rows.get(item["id"])
        changed = item["status"] != "unchanged" or old is None
        return state_row(
            item,
            self.sigs[item["id"]],
            night=self.night,
            now=self.now,
            cluster=cluster,
            last_changed=self.now if changed or old is None else old.last_changed,
        )


def state_row(
    item: Mapping[str, Any],
    sig: Signature,
    *,
    night: str,
    now: str,
    cluster: str,
    last_changed: str,
) -> PostingState:
    """The state's record of a posting seen on ``night`` (also used to seed benchmark states)."""
    return PostingState(
        id=item["id"],
        fingerprint=item["fingerprint"],
        source=item["source"],
        url=item["url"],
        original_url=item.get("original_url"),
        first_seen=item["first_seen"],
        last_seen=now,
        last_changed=last_changed,
        night=night,
        status=item["status"],
        cluster=cluster,
        company=sig.company,
        title=" ".join(sorted(sig.title)),
        cities="|".join(sorted(sig.cities)),
        countries="|".join(sorted(sig.countries)),
        sketch=pack_sketch(sig.sketch),
        keys=" ".join(sorted(sig.keys)),
        facets=json.dumps(sig.facets.as_json(), sort_keys=True),
        valid_through=item.get("valid_through"),
    )
