"""Tonight's postings against the state: statuses, clusters across sources, expiry (no Scrapy
import).

:meth:`NightLedger.observe` annotates an item as it arrives (status, first_seen, duplicate_of as
far as known); :meth:`NightLedger.finish` settles the clusters over everything seen, picks each
job's canonical posting, finds the postings that went away and returns what the feeds say of each
posting and job, and the rows to commit. Nothing is written to the store here: the caller commits
once its feeds are durable.

State rows are read lazily, one company block or cluster at a time, so a night costs what it
sees, not what the state holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from scrapers.dedup.clusters import JobClusters, choose_canonical
from scrapers.dedup.matching import match
from scrapers.dedup.signature import Signature
from scrapers.dedup.title_index import TitleLookup
from scrapers.state import PostingState, StateStore
from scrapers.state.results import Job, NightResult, Sighting
from scrapers.state.rows import signature_of_state, state_row


@dataclass(frozen=True)
class Expiry:
    """Which stored postings may expire tonight: those of the ``sources`` crawled tonight whose
    board was read completely, and no ``held`` posting (known live, not read tonight).

    A posting stored without a board (seen only before boards were recorded) may expire only
    when its whole source was read completely."""

    sources: frozenset[str]  # crawled tonight by a crawl that finished
    incomplete: Mapping[str, frozenset[str]] = field(default_factory=dict)  # source -> boards
    held: frozenset[str] = frozenset()  # posting ids

    @classmethod
    def of(cls, sources: Iterable[str]) -> Expiry:
        """Every board of these sources read completely (or ``sources`` an Expiry already)."""
        return sources if isinstance(sources, Expiry) else cls(frozenset(sources))

    def allows(self, row: PostingState) -> bool:
        if row.source not in self.sources or row.id in self.held:
            return False
        boards = self.incomplete.get(row.source)
        if not boards:
            return True
        return row.board is not None and row.board not in boards


class _StoredTitles:
    """A company's stored (id, title) pairs, looked up by title rather than scanned per posting."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.titles = TitleLookup()
        # title -> (position in the store's answer, id): a block keeps the store's order
        self.waiting: dict[frozenset[str], list[tuple[int, str]]] = {}
        for position, (posting, title) in enumerate(pairs):
            words = frozenset(title.split())
            if words not in self.waiting:
                self.waiting[words] = []
                self.titles.add(words)
            self.waiting[words].append((position, posting))

    def unfetched(self, title: frozenset[str], posting: str, fetched: set[str]) -> list[str]:
        """Ids not yet fetched whose stored title is compatible with ``title``, in store order."""
        found: list[tuple[int, str]] = []
        for words in self.titles.compatible(title):
            # A fetched posting is never fetched again: no later look-up needs to see it.
            waiting = [entry for entry in self.waiting[words] if entry[1] not in fetched]
            self.waiting[words] = waiting
            found += (entry for entry in waiting if entry[1] != posting)
        return [entry[1] for entry in sorted(found)]


class NightLedger:
    """One night's postings against the state, seen one at a time, settled by ``finish``."""

    def __init__(self, store: StateStore, night: str, now: str, expire_after: int = 3) -> None:
        self.store = store
        self.night = night
        self.now = now
        self.expire_after = expire_after
        self.seen: dict[str, Sighting] = {}  # tonight's postings
        self.sigs: dict[str, Signature] = {}
        self.rows: dict[str, PostingState] = {}  # state rows loaded so far
        self.clusters = JobClusters()
        self._stored: dict[str, _StoredTitles] = {}  # company blocks
        self._clusters_loaded: set[str] = set()
        self._fetched: set[str] = set()  # ids already looked up in the store, found or not
        self._gone: dict[str, PostingState] = {}  # expired rows met on the way
        # Tonight's matches: posting -> "<the posting it matched>: <evidence>".
        self.matched: dict[str, str] = {}

    # --- loading state lazily, one company block or cluster at a time -----------------------

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
            if row.id not in self.seen:
                title = frozenset(row.title.split())
                sig = self.sigs.setdefault(row.id, signature_of_state(row))
                self.clusters.index(
                    row.id, row.keys.split(), row.company, title, sig.source, sig.leads
                )
            self.clusters.join(row.id, row.cluster)

    def _load_clusters(self, posting: str) -> None:
        # Stored clusters are sticky: a posting stays with the mates it was matched with. Only
        # the clusters touching tonight's posting are read, in one query per round.
        while True:
            labels = {
                self.rows[m].cluster for m in self.clusters.members(posting) if m in self.rows
            } - self._clusters_loaded
            if not labels:
                return
            self._clusters_loaded |= labels
            self._load_rows(self.store.by_cluster(sorted(labels)))

    def _load_block(self, sig: Signature) -> None:
        """Stored postings of the same company whose title could match, loaded in one query.

        Those already loaded need nothing more: they sit in the company's ``TitleIndex``."""
        if not sig.company:
            return
        if sig.company not in self._stored:
            self._stored[sig.company] = _StoredTitles(self.store.company_titles(sig.company))
        wanted = self._stored[sig.company].unfetched(sig.title, sig.id, self._fetched)
        self._load_rows(self.store.get(wanted).values())

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
        """Only status and first_seen: enough for a night's crawlers, the night clusters after."""
        item["status"], item["first_seen"] = self._status(item["id"], item["fingerprint"])
        return item

    def observe(self, item: dict[str, Any]) -> dict[str, Any]:
        seen = self.see(Sighting.of(item))
        item["status"], item["first_seen"] = seen.status, seen.first_seen
        item["duplicate_of"] = seen.duplicate_of
        return item

    def see(self, seen: Sighting) -> Sighting:
        """``observe`` without the item: status, first_seen and duplicate_of on the sighting."""
        posting, sig = seen.id, seen.sig
        self.prefetch([posting])
        seen.status, seen.first_seen = self._status(posting, seen.fingerprint)
        self.seen[posting] = seen
        self.clusters.add(posting)
        self._load_block(sig)
        if sig.keys:
            self._load_rows(self.store.get(self.store.ids_for_keys(sig.keys)).values())
        self.sigs[posting] = sig
        self.clusters.index(posting, sig.keys, sig.company, sig.title, sig.source, sig.leads)
        for other in self.clusters.candidates(sig):
            found = match(sig, self._sig(other))
            if found is not None:
                # Evidence is kept for the match that joined two clusters, not for one a stored
                # cluster already holds: a rerun of the night tells the same story.
                if not self.clusters.together(posting, other):
                    self.matched.setdefault(posting, f"{other}: {found}")
                self.clusters.join(posting, other)
        self._load_clusters(posting)
        seen.duplicate_of = self._duplicate_of(posting)
        return seen

    def _member(self, posting: str) -> Mapping[str, Any]:
        if posting in self.seen:
            seen = self.seen[posting]
            return {"id": posting, "source": seen.source, "first_seen": seen.first_seen}
        row = self.rows[posting]
        return {"id": row.id, "source": row.source, "first_seen": row.first_seen}

    def _canonical(self, members: list[str]) -> str:
        return choose_canonical(self._member(m) for m in members)["id"]

    def _duplicate_of(self, posting: str) -> str | None:
        members = self.clusters.members(posting)
        chosen = self._canonical([m for m in members if m in self.seen or m in self.rows])
        return None if chosen == posting else chosen

    # --- end of the night -----------------------------------------------------------------------

    def _expired(self, expiry: Expiry) -> tuple[list[dict[str, Any]], list[PostingState]]:
        tonight = date.fromisoformat(self.night)
        lines, rows = [], []
        cutoff = (tonight - timedelta(days=self.expire_after)).isoformat()
        for row in self.store.stale(self.night, sorted(expiry.sources), seen_before=cutoff):
            if row.id in self.seen or not expiry.allows(row):
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

    def finish(self, sources: Iterable[str] | Expiry) -> NightResult:
        """Settle clusters, canonicals, expiry; ``sources`` are those crawled completely tonight,
        or an :class:`Expiry` saying which boards and postings may expire."""
        expired, expired_rows = self._expired(Expiry.of(sources))
        gone = {row.id for row in expired_rows}
        jobs, rows = [], list(expired_rows)
        duplicates: dict[str, int] = {}
        for members in self.clusters.clusters():
            live = sorted(
                m for m in members if m not in gone and (m in self.seen or m in self.rows)
            )
            seen = [m for m in live if m in self.seen]
            if not seen:
                continue
            chosen = self._canonical(live)
            for member in live:
                if member in self.seen:
                    sighting = self.seen[member]
                    sighting.duplicate_of = None if member == chosen else chosen
                    if sighting.duplicate_of:
                        source = sighting.source
                        duplicates[source] = duplicates.get(source, 0) + 1  # type: ignore[index]
                    rows.append(self._row_of(sighting, chosen))
                    # Its row holds what the state keeps of the signature: clustering is over,
                    # so it goes, and the night's peak memory is before finish, not after.
                    sighting.sig = None
                    self.sigs.pop(member, None)
                elif self.rows[member].cluster != chosen:
                    rows.append(replace(self.rows[member], cluster=chosen))
            jobs.append(self._job(chosen, live, seen))
        jobs.sort(key=lambda j: j.head)
        expired.sort(key=lambda e: e["id"])
        marks = {p: (s.status, s.first_seen, s.duplicate_of) for p, s in self.seen.items()}
        order = sorted(self.seen, key=lambda p: (self.seen[p].source or "", p))
        return NightResult(marks, order, jobs, expired, rows, duplicates)

    def _job(self, chosen: str, live: list[str], seen: list[str]) -> Job:
        # The canonical's own item when it was crawled tonight, else the best crawled member.
        head = chosen if chosen in self.seen else self._canonical(seen)
        statuses = {self.seen[m].status for m in seen}
        status = (
            "new"
            if statuses == {"new"} and len(seen) == len(live)
            else "updated"
            if statuses - {"unchanged"}
            else "unchanged"
        )
        sources = []
        for member in live:
            if member in self.seen:
                sighting = self.seen[member]
                sources.append(
                    {
                        "source": sighting.source,
                        "id": member,
                        "url": sighting.url,
                        "status": sighting.status,
                        "last_seen": self.now,
                        "matched": self._matched(member),
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
                        "matched": row.matched,
                    }
                )
        return Job(head, status, sources)

    def _row_of(self, seen: Sighting, cluster: str) -> PostingState:
        old = self.rows.get(seen.id)
        changed = seen.status != "unchanged" or old is None
        item = {
            "id": seen.id,
            "fingerprint": seen.fingerprint,
            "source": seen.source,
            "url": seen.url,
            "original_url": seen.original_url,
            "first_seen": seen.first_seen,
            "status": seen.status,
            "valid_through": seen.valid_through,
            # A crawl that does not know the board keeps the one stored.
            "board": seen.board or (old.board if old else None),
        }
        return state_row(
            item,
            seen.sig,
            night=self.night,
            now=self.now,
            cluster=cluster,
            last_changed=self.now if changed or old is None else old.last_changed,
            matched=self._matched(seen.id),
        )

    def _matched(self, posting: str) -> str | None:
        """Tonight's evidence for the posting, else the evidence stored when it was matched."""
        if posting in self.matched:
            return self.matched[posting]
        row = self.rows.get(posting)
        return row.matched if row is not None else None
