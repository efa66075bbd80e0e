"""Welcome to the Jungle: `scrapy crawl welcometothejungle [-a organizations=back-market,...]
[-a countries=FR] [-a query=...] [-a lang=fr|en]`.

The site's Algolia credentials, one search per organisation (cut into date windows past
Algolia's 1,000-hit cap), one detail request per job ``reference``, and the job page when the
detail API fails.

Where no public source documents the behaviour, this spider assumes the most plausible one:
- ``/{lang}/jobs`` carries ``window.env`` like the job pages do; ``/api/env`` is the fallback.
  Nothing is hard-coded: without either, ``-a algolia_app_id= -a algolia_api_key=`` (or the
  settings WTTJ_ALGOLIA_APP_ID / WTTJ_ALGOLIA_API_KEY) give them.
- The search key is Referer-locked, so every search sends ``Referer:
  https://www.welcometothejungle.com/``; ``hitsPerPage: 0`` answers a count (used to size windows).
- Repeated hits of one job (one per syndication site) share its ``reference``: fetched once, the
  repeats counted as ``…/<board>/duplicate_hits``.
- The WAF answers a flagged client with HTTP 202 and a JavaScript challenge (``gokuProps``), or
  403: counted as ``jobsieve/blocked`` (and ``…/<board>/blocked``), never parsed as a posting.
- When neither the detail API nor the job page can be read (refused, failed, blocked), the
  search hit's own fields (title, company, department, date) are exported as the posting; a page
  that is gone (404, 410) exports nothing.
- From the API, ``remote_raw`` keeps WTTJ's enum (``partial``); from the job page, the visible
  label (``Télétravail fréquent``). ``salary_raw`` reads as the page shows it either way
  ("Salaire : Non spécifié" when the job names no pay; ``salary`` is then null).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from scrapers.extractors.base import ExpectedSkip
from scrapers.extractors.welcometothejungle import (
    API_KEY,
    APP_ID,
    COUNTRY_CODE,
    DEFAULT_INDEX_PREFIX,
    HITS_CAP,
    LANGUAGES,
    MAX_HITS_PER_PAGE,
    ORG_SLUG,
    WHOLE,
    AlgoliaEnv,
    BlockedError,
    Hit,
    Search,
    env_api_url,
    env_page_url,
    job_api_url,
    job_page_url,
    listed_posting,
    parse_env,
    parse_job_api,
    parse_job_page,
    parse_search_page,
)
from scrapers.options import SpiderOption, matching, one_of, values, whole_number, words
from scrapers.registry import PostingKey, Source
from scrapers.revisit import MARKER_META
from scrapers.spider import JobSpider, failure_reason, is_gone

# Settings that override the credentials the site publishes (-a algolia_app_id=… wins).
CREDENTIAL_SETTINGS = {
    "algolia_app_id": "WTTJ_ALGOLIA_APP_ID",
    "algolia_api_key": "WTTJ_ALGOLIA_API_KEY",
}


def parse_countries(value: Any) -> tuple[str, ...]:
    countries = tuple(c.upper() for c in values(value))
    if not countries or any(not COUNTRY_CODE.match(c) for c in countries):
        raise ValueError(f"countries={value!r}: ISO 3166 alpha-2 codes")
    return countries


class WelcomeToTheJungleSpider(JobSpider):
    """``-a organizations=back-market,...`` (alias ``boards``; ``*`` = every organisation),
    ``-a countries=FR,ES``, ``-a query=python``, ``-a lang=fr|en`` (UI and index language, default
    fr), ``-a hits_per_page=1..100`` (default 100), ``-a algolia_app_id=… -a algolia_api_key=…``
    (or settings WTTJ_ALGOLIA_APP_ID / WTTJ_ALGOLIA_API_KEY) to skip reading them from the site.
    The same keys may sit in the spider's table of the sources file; arguments win."""

    name = "welcometothejungle"
    source = Source(
        kind="board",
        domains=("welcometothejungle.com", "algolia.net"),
        posting_key=PostingKey(
            domains=("welcometothejungle.com",),
            path=r"/jobs/[^/]*?_(?P<id>[A-Za-z0-9]+_[A-Za-z0-9]+)$",
            key="wttj:{id}",
            url="https://www.welcometothejungle.com/{lang}/companies/{board}/jobs/{slug}",
        ),
    )
    board_pattern = re.compile(rf"^(?:\*|{ORG_SLUG.pattern[1:-1]})$")
    board_hint = (
        "a Welcome to the Jungle organisation slug (as in "
        "https://www.welcometothejungle.com/fr/companies/<slug>) or *"
    )
    board_aliases = ("organizations",)
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "lang": SpiderOption(one_of("lang", LANGUAGES), LANGUAGES[0]),
        "countries": SpiderOption(parse_countries, ()),
        "query": SpiderOption(words("query", 256), ""),
        "hits_per_page": SpiderOption(
            whole_number("hits_per_page", 1, MAX_HITS_PER_PAGE), MAX_HITS_PER_PAGE
        ),
        "algolia_app_id": SpiderOption(
            matching("algolia_app_id", APP_ID, "an Algolia application id")
        ),
        "algolia_api_key": SpiderOption(
            matching("algolia_api_key", API_KEY, "an Algolia search key")
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen_references: set[str] = set()
        self.boards: list[str] = []
        self.env: AlgoliaEnv | None = None

    def apply_configured_options(self) -> None:
        super().apply_configured_options()
        # Credentials: -a wins, then the settings, then the sources file.
        for name, setting in CREDENTIAL_SETTINGS.items():
            if name not in self.given_options and self.settings.get(setting):
                setattr(self, name, self._parse_option(name, self.settings.get(setting)))
        if (self.algolia_app_id is None) != (self.algolia_api_key is None):
            raise ValueError(f"{self.name}: give both the Algolia application id and key, or none")
        if self.algolia_app_id is not None:
            self.env = AlgoliaEnv(self.algolia_app_id, self.algolia_api_key, DEFAULT_INDEX_PREFIX)

    # -- credentials ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.boards = self.selected_boards()
        if not self.boards:
            return
        if self.env is not None:
            for request in self.search_requests():
                yield request
            return
        yield self.env_request(env_page_url(self.lang))

    def env_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_env,
            errback=self.env_failed,
            meta={"handle_httpstatus_list": [403]},
        )

    def parse_env(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status == 403:
            yield from self.env_missing(response.url, f"HTTP 403 from {response.url}")
            return
        self.env = parse_env(response.body)
        yield from self.search_requests()

    def env_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        yield from self.env_missing(failure.request.url, failure.getErrorMessage())

    def env_missing(self, url: str, reason: str) -> Iterator[scrapy.Request]:
        if url != env_api_url():
            # INFO (scrapers/terminal.py): the API's environment is the other place to look.
            self.logger.info(
                "No Algolia credentials at %s (%s); trying %s", url, reason, env_api_url()
            )
            yield self.env_request(env_api_url())
            return
        for board in self.boards:
            self.board_error(
                board,
                f"no Algolia credentials from the site ({reason}); "
                "pass -a algolia_app_id=… -a algolia_api_key=…",
            )

    # -- search --------------------------------------------------------------------------------

    def search_requests(self) -> Iterator[scrapy.Request]:
        for board in self.boards:
            search = Search(board, self.countries, self.query, self.hits_per_page)
            yield self.search_request(board, search, 0)

    def search_request(
        self, board: str, search: Search, page: int, *, probe: bool = False
    ) -> scrapy.Request:
        assert self.env is not None
        return self.board_request(
            self.env.query_url(self.lang),
            board,
            self.parse_search,
            method="POST",
            body=json.dumps(search.body(page, probe=probe)),
            headers=self.env.headers(),
            cb_kwargs={"search": search, "page": page, "probe": probe},
            context=f"page {page}, window {search.window}",
        )

    def parse_search(
        self, response: Response, board: str, search: Search, page: int, probe: bool
    ) -> Iterator[scrapy.Request | Any]:
        result = parse_search_page(response.body)
        self.board_entries(board, result)
        if page == 0:
            windows = search.windows() if result.nb_hits > HITS_CAP else []
            if windows:
                # Pages past the 1,000th hit come back empty: cut the window in two and count
                # each half (a probe carries no hits) before paging it.
                self.board_count(board, "split")
                for window in windows:
                    yield self.search_request(board, window, 0, probe=True)
                return
            yield from self.next_pages(board, search, result.nb_hits, probe=probe)
        if probe:
            return
        self.board_count(board, "hits", len(result.hits))
        for hit in result.hits:
            yield from self.job_request(board, hit)

    def next_pages(
        self, board: str, search: Search, nb_hits: int, *, probe: bool
    ) -> Iterator[scrapy.Request]:
        """The pages after a query's first answer (after a probe, all of them)."""
        if nb_hits > HITS_CAP:
            # Every hit of this window shares one timestamp: nothing left to cut by.
            self.board_count(board, "truncated")
            # INFO: board_incomplete below says what it costs (WARNING).
            self.logger.info(
                "%s %r: %d hits in window %s; Algolia serves the first %d",
                self.name, board, nb_hits, search.window, HITS_CAP,
            )  # fmt: skip
            # The hits past the cap were not read: a job among them is not gone.
            self.board_incomplete(
                board, f"{nb_hits} hits in window {search.window}: Algolia serves {HITS_CAP}"
            )
        if search.window == WHOLE and not nb_hits:
            self.board_items(board, [])  # counts the organisation as empty
        last = search.last_page(nb_hits) if nb_hits else -1
        for page in range(0 if probe else 1, last + 1):
            yield self.search_request(board, search, page)

    # -- jobs ----------------------------------------------------------------------------------

    def job_request(self, board: str, hit: Hit) -> Iterator[scrapy.Request]:
        # One Algolia record per syndication site: the job is its reference, fetched once.
        if hit.reference in self.seen_references:
            self.board_count(board, "duplicate_hits")
            return
        self.seen_references.add(hit.reference)
        yield self.board_request(
            job_api_url(hit.organization, hit.slug),
            board,
            self.parse_job_api,
            errback=self.job_api_failed,
            cb_kwargs={"hit": hit},
            meta={MARKER_META: hit.marker},
        )

    def parse_job_api(self, response: Response, board: str, hit: Hit) -> Iterator[Any]:
        posting = parse_job_api(
            response.body, hit=hit, lang=self.lang, crawled_at=self.crawled_at()
        )
        yield from self.board_items(board, [posting])

    def job_api_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        kwargs = failure.request.cb_kwargs
        yield self.page_request(kwargs["board"], kwargs["hit"], failure_reason(failure))

    def page_request(self, board: str, hit: Hit, reason: str) -> scrapy.Request:
        self.board_count(board, "detail_error")
        url = job_page_url(self.lang, hit.organization, hit.slug)
        # INFO (scrapers/terminal.py): the job's page, or else the search hit, gives the posting.
        self.logger.info("Job %s: detail API failed (%s); reading %s", hit.reference, reason, url)
        return self.board_request(
            url,
            board,
            self.parse_job_page,
            errback=self.page_failed,
            meta={"handle_httpstatus_list": [403]},
            cb_kwargs={"hit": hit},
        )

    def parse_job_page(self, response: Response, board: str, hit: Hit) -> Iterator[Any]:
        try:
            if response.status in (202, 403):
                raise BlockedError(f"HTTP {response.status}")
            posting = parse_job_page(
                response.body, url=response.url, hit=hit, crawled_at=self.crawled_at()
            )
        except BlockedError as error:
            self.count_blocked(board, response.url, str(error))
            yield from self.keep_listed(board, hit, f"blocked ({error}): {response.url}")
            return
        yield from self.board_items(board, [posting])

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        """Neither the API nor the page of a job the search shows: what the search shows of it is
        exported, unless the page is gone (404, 410)."""
        kwargs = failure.request.cb_kwargs
        if is_gone(failure):
            self.board_skipped(kwargs["board"], [ExpectedSkip(failure_reason(failure))])
            return
        yield from self.keep_listed(
            kwargs["board"], kwargs["hit"], failure_reason(failure), skipped=True
        )

    def keep_listed(
        self, board: str, hit: Hit, reason: str, *, skipped: bool = False
    ) -> Iterator[Any]:
        """The search hit's fields (title, company, department, date) as the posting; a hit
        without a title is held instead (it does not expire tonight), counted as ``skipped``
        when ``skipped`` (a failed request; a blocked page is counted as ``blocked``)."""
        listed = listed_posting(hit, lang=self.lang, crawled_at=self.crawled_at())
        if listed is None:
            if skipped:
                # INFO: posting_lost says what it costs (WARNING).
                self.board_skipped(board, [ExpectedSkip(reason)])
            self.posting_lost(board, hit.reference, reason)
            return
        # INFO: exported as the search shows it, counted as detail_error.
        self.logger.info(
            "Board %r of %s: no detail and no page for %s (%s); exporting the search hit's fields",
            board,
            self.name,
            listed["url"],
            reason,
        )
        yield from self.board_items(board, [listed])
