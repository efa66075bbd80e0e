"""Candidates by title: the postings a posting could match on content, found through an index on
what ``titles_compatible`` requires instead of a scan (no Scrapy import)."""

from __future__ import annotations

from scrapers.dedup.matching import TITLE_CONTAINMENT, titles_compatible
from scrapers.dedup.signature import seniority_words


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
