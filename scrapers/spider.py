"""What every jobsieve spider shares: choosing boards, typed options, faults per board.

A source's spider (``spiders/<source>.py``) owns its name, its identity (a
:class:`~scrapers.registry.Source`), its board syntax and options, and its navigation: which
requests to send and which pure extractor reads each answer. Everything else is here:

- boards from ``-a boards=`` or the sources file, checked against ``board_pattern``;
- ``spider_options``, typed and validated once (``scrapers.options``);
- bad input refused at start, by name: an ``-a`` the spider does not take, a key of its table in
  the sources file it does not read, a ``JOBSIEVE_*`` setting that cannot be right
  (``scrapers.settings_check``);
- requests by role: a board's pages (:meth:`board_request`), a posting's own record
  (:meth:`detail_request`) and a job page found on a listing (:meth:`job_page_request`), each
  failing in its own way — a board's failure is counted under
  ``jobsieve/source/<spider>/<board>/error`` while the other boards go on; a detail's failure
  keeps what the list showed;
- an answer the extractor cannot read (``SourceFormatError``) fails like a download that failed:
  ``scrapers.unreadable`` hands it to the request's errback, so callbacks read straight through;
- whether each board was read completely (``scrapers.completeness``): every request of a board
  is followed until its answer reached the spider, its errback ran or Scrapy dropped it; a
  board that lost a request (an error, a redirect loop, robots.txt, offsite, a block, a
  callback that raised, a crawl stopped early) or was not fully paged is recorded *incomplete*
  with why, and its postings do not expire tonight. A posting known to be live whose own page
  could not be read is *held* instead (it does not expire; the rest of its board may);
- each entry of a list read in isolation (``scrapers.extractors.base.each_entry``): one that
  raised goes to the dead letters with reason ``error`` (``scrapers.deadletter.posting_failed``)
  and is held, and the board goes on; ``…/<board>/postings`` counts distinct postings.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest, ResponseDataLossError
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.clock import CrawlClock
from scrapers.completeness import HELD, INCOMPLETE, add_reason
from scrapers.deadletter import posting_failed
from scrapers.dedup.ids import posting_id
from scrapers.extractors.base import (
    EntryLog,
    ExpectedSkip,
    Extracted,
    FailedPosting,
    without_surrogates,
)
from scrapers.items import JobPosting
from scrapers.options import SpiderOption
from scrapers.politeness import CAP_SETTING, OVER_CAP_META
from scrapers.posting_boards import posting_held
from scrapers.received import challenge, describe_body
from scrapers.registry import Source
from scrapers.revisit import MARKER_META, card_marker
from scrapers.settings_check import check_settings
from scrapers.sources import SourceConfig, load_sources
from scrapers.terminal import in_report
from scrapers.unreadable import UnreadableResponse

# Request.meta key: what a failure reason adds after the URL ("offset 40", "page token 'x'").
CONTEXT_META = "jobsieve_context"
# Request.meta keys of a board's request: the name of the spider method its failure goes to (the
# errback itself is JobSpider.request_failed, which notes the answer first), the ticket that
# follows it through retries and redirects until answered, and the source_id of the one posting
# it is for (a detail, a job page), when known.
ERRBACK_META = "jobsieve_errback"
TICKET_META = "jobsieve_ticket"
POSTING_META = "jobsieve_posting"
# Answers that say a posting's own page is gone: an answer, not a lost request.
GONE = (404, 410)
# DOWNLOAD_MAXSIZE of a source whose list answers with the whole board, descriptions included.
WHOLE_BOARD_MAXSIZE = 128 * 1024 * 1024
# Spider arguments Scrapyd adds to the jobs it starts (the job id; the project version when the
# schedule asked for one): kept as attributes, as scrapy.Spider keeps any argument.
SCRAPYD_ARGUMENTS = frozenset({"_job", "_version"})


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _naming(name: str, error: ValueError) -> str:
    """An option's error message, which names the option if the parser's does not."""
    message = str(error)
    return message if message.startswith(name) else f"{name}: {message}"


def failure_reason(failure: Failure) -> str:
    """One line: what went wrong, where, and what the server sent back, if anything."""
    request = failure.request
    context = request.meta.get(CONTEXT_META)
    where = f"{request.url}, {context}" if context else request.url
    if failure.check(HttpError):
        response: Response = failure.value.response
        said = f"HTTP {response.status} from {where} ({_body_of(response)})"
        over_cap = request.meta.get(OVER_CAP_META)
        if over_cap is not None:
            said += (
                f"; it asked to wait {over_cap:.0f} s (Retry-After), over "
                f"{CAP_SETTING}: not retried"
            )
        return said
    if failure.check(UnreadableResponse):
        response = failure.value.response
        received = f"received HTTP {response.status}, {_body_of(response)}"
        return f"{failure.value.error} ({where}; {received})"
    refused = refused_as(failure)
    if refused == TOO_LARGE:
        return f"answer over DOWNLOAD_MAXSIZE, not read: {failure.getErrorMessage()} ({where})"
    if refused == DECOMPRESSION_BOMB:
        return f"decompression bomb refused: {failure.getErrorMessage()} ({where})"
    return f"{failure.type.__name__}: {_exception_text(failure.value)} ({where})"


def _body_of(response: Response) -> str:
    content_type = response.headers.get("Content-Type")
    return describe_body(content_type.decode("latin-1") if content_type else None, response.body)


def _exception_text(error: BaseException) -> str:
    """An exception's message; for one without (Scrapy's ResponseDataLossError has none), what
    it means and what caused it, so the reason is never empty."""
    text = " ".join(str(error).split())
    if text:
        return text
    if isinstance(error, ResponseDataLossError):
        text = "the connection closed before the whole body arrived"
    else:
        text = (type(error).__doc__ or "no message").strip().splitlines()[0]
    cause = error.__cause__
    # Twisted's ResponseFailed carries the failures that ended the response in ``reasons``.
    reasons = getattr(cause, "reasons", None) or ([cause] if cause is not None else [])
    said = [
        " ".join((r.getErrorMessage() if isinstance(r, Failure) else str(r)).split())
        for r in reasons
    ]
    said = [s for s in said if s and not s.startswith("[")]
    return f"{text}: {'; '.join(said)}" if said else text


# What a refused download is counted as (``jobsieve/<what>`` and ``…/<board>/<what>``).
TOO_LARGE = "too_large"
DECOMPRESSION_BOMB = "decompression_bomb"


def refused_as(failure: Failure) -> str | None:
    """TOO_LARGE for an answer Scrapy's download handler cut at DOWNLOAD_MAXSIZE,
    DECOMPRESSION_BOMB for one that inflated past it, else None."""
    error = failure.value
    if isinstance(error, DownloadCancelledError) and "larger than download max size" in str(error):
        return TOO_LARGE
    if isinstance(error, IgnoreRequest) and type(error.__cause__).__name__ == (
        "_DecompressionMaxSizeExceeded"
    ):
        return DECOMPRESSION_BOMB
    return None


def blocked_as(failure: Failure) -> str | None:
    """Why a failed request's answer is a WAF or bot challenge (``scrapers.received``), or None."""
    if not failure.check(HttpError):
        return None
    response: Response = failure.value.response
    headers = {
        name.decode("latin-1"): values[-1].decode("latin-1")
        for name, values in response.headers.items()
        if values
    }
    return challenge(response.status, headers)


def check_spider_builds(spidercls: type[scrapy.Spider], settings: Any, **arguments: Any) -> None:
    """Build the spider as a crawl will, on a crawler that never runs: what its arguments, options
    or table in the sources file get wrong raises ValueError here, before anything is crawled."""
    logging.disable(logging.WARNING)  # what it would warn of, the crawl warns of again
    try:
        spidercls.from_crawler(Crawler(spidercls, settings), **arguments)
    finally:
        logging.disable(logging.NOTSET)


def check_source_tables(
    configured: Mapping[str, SourceConfig], spider_class: Callable[[str], type]
) -> None:
    """Every table of the sources file against its spider (``spider_class(name)``)."""
    for name, config in configured.items():
        cls = spider_class(name)
        if issubclass(cls, JobSpider):
            cls.check_source_config(config)


def is_gone(failure: Failure) -> bool:
    """The server answered that the page is not there (404, 410): the page was read."""
    return bool(failure.check(HttpError)) and failure.value.response.status in GONE


class JobSpider(scrapy.Spider):
    """Base of every source spider.

    Subclasses set ``name``, ``source``, ``board_pattern`` (what a board name of this source
    looks like; None for a source without boards, whose ``board_hint`` then says what to give
    instead) and ``spider_options``, and yield requests from ``start``.
    """

    source: ClassVar[Source]
    board_pattern: ClassVar[re.Pattern[str] | None] = re.compile(r"^\S+$")
    board_hint: ClassVar[str] = "a board name"
    # Other argument names for boards (``-a organizations=`` on boards of organisations).
    board_aliases: ClassVar[tuple[str, ...]] = ()
    spider_options: ClassVar[dict[str, SpiderOption]] = {}
    # True for a source whose API does not name the hiring company: the ``companies = {board =
    # "Name"}`` table of its sources-file entry does (Lever, Ashby).
    board_company_names: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        source = cls.__dict__.get("source")
        if source is not None and source.domains:
            cls.allowed_domains = list(source.domains)

    def __init__(self, *args: Any, boards: str | None = None, **kwargs: Any) -> None:
        self._refuse_unknown_arguments(kwargs)
        boards = self._boards_argument(boards, kwargs)
        given = {name: kwargs.pop(name) for name in list(kwargs) if name in self.spider_options}
        super().__init__(*args, **kwargs)
        self.requested_boards = self._parse_boards(boards) if boards is not None else None
        self.given_options = {
            name: self._parse_option(name, value) for name, value in given.items()
        }
        for name, option in self.spider_options.items():
            setattr(self, name, self.given_options.get(name, option.default))
        # This source's table of the sources file, read and checked at start (from_crawler).
        self.config: SourceConfig | None = None
        # Fingerprints of detail responses that could not be read (see forget_cached).
        self.uncacheable: set[str] = set()

    @classmethod
    def known_arguments(cls) -> list[str]:
        """The ``-a`` names this spider takes."""
        boards = ("boards", *cls.board_aliases) if cls.board_pattern is not None else ()
        return [*boards, *cls.spider_options]

    def _refuse_unknown_arguments(self, kwargs: dict[str, Any]) -> None:
        # scrapy.Spider would make any -a an attribute: a misspelt one would be ignored.
        known = self.known_arguments()
        for name in kwargs:
            if name not in known and name not in SCRAPYD_ARGUMENTS:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                takes = ", ".join(known) if known else "none"
                raise ValueError(f"{self.name}: unknown argument -a {name}= ({hint}known: {takes})")

    def _boards_argument(self, boards: str | None, kwargs: dict[str, Any]) -> str | None:
        given = {"boards": boards} if boards is not None else {}
        given |= {alias: kwargs.pop(alias) for alias in self.board_aliases if alias in kwargs}
        if len(given) > 1:
            names = " or ".join(f"-a {name}=" for name in ("boards", *self.board_aliases))
            raise ValueError(f"{self.name}: give {names}, not both")
        if given and self.board_pattern is None:
            raise ValueError(f"{self.name}: has no boards; {self.board_hint}")
        return next(iter(given.values()), None)

    def _parse_option(self, name: str, value: Any) -> Any:
        try:
            return self.spider_options[name].parse(value)
        except ValueError as error:
            raise ValueError(f"{self.name}: {_naming(name, error)}") from None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> JobSpider:
        check_settings(crawler.settings)
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.clock = CrawlClock.from_settings(crawler.settings)
        spider.config = spider._read_source_config()
        spider.apply_configured_options()
        spider.follow_boards(crawler)
        return spider

    # --- the sources file ------------------------------------------------------------------------

    @classmethod
    def source_table_keys(cls) -> list[str]:
        """The keys this source's table in the sources file may hold."""
        boards = ["boards"] if cls.board_pattern is not None else []
        companies = ["companies"] if cls.board_company_names else []
        return ["enabled", *boards, *companies, *cls.spider_options]

    @classmethod
    def check_source_config(cls, config: SourceConfig) -> None:
        """ValueError naming the key when this source's table holds a key the spider does not
        read, a board it cannot crawl or an option value that cannot be right."""
        config.refuse_unknown_keys(cls.source_table_keys())
        pattern = cls.board_pattern
        bad = [b for b in config.boards if pattern is not None and not pattern.match(b)]
        if bad:
            raise config.error(f"boards: {', '.join(map(repr, bad))} is not {cls.board_hint}")
        for name, value in config.options.items():
            if name in cls.spider_options:
                try:
                    cls.spider_options[name].parse(value)
                except ValueError as error:
                    raise config.error(_naming(name, error)) from None
        companies = config.options.get("companies", {})
        if not isinstance(companies, dict) or not all(map(_is_text, companies.values())):
            raise config.error(
                f'companies = {companies!r} is not a table of board = "Company name"'
            )

    def _read_source_config(self) -> SourceConfig | None:
        """This source's table, checked; None when the file has none. A file that cannot be read
        stops the crawl, unless the arguments give everything it would have given."""
        try:
            config = load_sources(self.settings.get("JOBSIEVE_SOURCES")).get(self.name)
        except ValueError as error:
            if self.requested_boards is None and (
                self.board_pattern is not None or self._options_to_read()
            ):
                raise
            self.logger.warning(
                "%s: sources file not read (%s); the arguments give everything", self.name, error
            )
            return None
        if config is not None:
            self.check_source_config(config)
        return config

    def source_config(self) -> SourceConfig | None:
        return self.config

    def _options_to_read(self) -> list[str]:
        """Options not given as arguments (nor any option of their group)."""
        given_groups = {self.spider_options[name].group for name in self.given_options} - {None}
        return [
            name
            for name, option in self.spider_options.items()
            if name not in self.given_options and option.group not in given_groups
        ]

    def apply_configured_options(self) -> None:
        """Options not given as arguments come from the sources file, checked before the crawl."""
        configured = self.config.options if self.config else {}
        for name in self._options_to_read():
            if name in configured:
                setattr(self, name, self._parse_option(name, configured[name]))

    def board_count(self, board: str, what: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/{what}", count)

    def blocked(self, board: str, url: str, reason: str, *, source_id: str | None = None) -> None:
        """A WAF or bot wall answered instead of the page: counted, never parsed as a posting.
        What the page held is lost tonight: the posting ``source_id`` is held, else the board is
        incomplete."""
        self.count_blocked(board, url, reason)
        self.posting_lost(board, source_id, f"blocked ({reason}): {url}")

    def count_blocked(self, board: str, url: str, reason: str) -> None:
        """INFO (``scrapers/terminal.py``): what a block costs is said where it is known — a
        board not read in full, a posting held (WARNING) or kept from its list (INFO)."""
        self.crawler.stats.inc_value("jobsieve/blocked")
        self.board_count(board, "blocked")
        self.logger.info(
            "Blocked (%s) on board %r of %s: %s; not parsed", reason, board, self.name, url
        )

    def _parse_boards(self, value: str) -> list[str]:
        boards = [b.strip() for b in value.split(",") if b.strip()]
        if not boards:
            raise ValueError(f"{self.name}: -a boards= is empty")
        pattern = self.board_pattern
        bad = [b for b in boards if pattern is not None and not pattern.match(b)]
        if bad:
            raise ValueError(f"{self.name}: {', '.join(map(repr, bad))} is not {self.board_hint}")
        return boards

    def selected_boards(self) -> list[str]:
        """The -a boards= argument, else this source's boards in the sources file."""
        if self.requested_boards is not None:
            return self.requested_boards
        boards = list(self.config.boards) if self.config else []
        if not boards:
            self.logger.warning("No boards for %s in the sources file or -a boards=", self.name)
        return boards

    def board_companies(self) -> dict[str, str]:
        """The ``companies = {board = "Name"}`` table of this source in the sources file.

        For sources whose API does not name the hiring company (``board_company_names``: Lever,
        Ashby); a board without an entry gets ``company = None``.
        """
        names = self.config.options.get("companies", {}) if self.config else {}
        assert isinstance(names, dict)  # check_source_config
        return {str(board): name for board, name in names.items() if name}

    def crawled_at(self) -> str:
        """When this response is read: the crawl clock (frozen in tests and replays)."""
        return self.clock.stamp()

    # --- requests by role ------------------------------------------------------------------------

    def board_request(
        self,
        url: str,
        board: str,
        callback: Callable[..., Any],
        *,
        context: str | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A page of a board's list: if it fails, or cannot be read, the board fails (counted and
        logged with ``context`` after the URL) and the other boards go on.

        Every request of a board is made here: its ``errback`` (a method of this spider, default
        :meth:`board_failed`) is called through :meth:`request_failed`, so the board knows the
        request came back."""
        cb_kwargs = {"board": board, **kwargs.pop("cb_kwargs", {})}
        handler = kwargs.pop("errback", None) or self.board_failed
        if getattr(handler, "__self__", None) is not self:
            raise TypeError(f"{self.name}: a board request's errback must be a spider method")
        meta = {**kwargs.pop("meta", {}), ERRBACK_META: handler.__name__}
        if context:
            meta[CONTEXT_META] = context
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.request_failed,
            cb_kwargs=cb_kwargs,
            meta=meta,
            **kwargs,
        )

    def request_failed(self, failure: Failure) -> Any:
        """Every board request's errback: the request came back (failed); a block or a refused
        download is counted, then its role's errback says what the failure means."""
        request = failure.request
        self._open_requests.pop(request.meta.get(TICKET_META), None)
        board = request.cb_kwargs.get("board", "?")
        block = blocked_as(failure)
        if block is not None:
            self.count_blocked(board, request.url, block)
        refused = refused_as(failure)
        if refused is not None:
            self.crawler.stats.inc_value(f"jobsieve/{refused}")
            self.board_count(board, refused)
        return getattr(self, request.meta.get(ERRBACK_META) or "board_failed")(failure)

    def board_failed(self, failure: Failure, what: str = "") -> None:
        """A page of the board's list is lost: the board fails, or, behind a bot wall, it is
        blocked (counted as such, not as an error) and incomplete."""
        request = failure.request
        board = request.cb_kwargs.get("board", "?")
        reason = f"{what}: {failure_reason(failure)}" if what else failure_reason(failure)
        if blocked_as(failure) is not None:
            self.posting_lost(board, request.meta.get(POSTING_META), f"blocked: {reason}")
            return
        self.board_error(board, reason)

    def detail_request(
        self,
        url: str,
        board: str,
        callback: Callable[..., Any],
        *,
        listed: dict[str, Any] | JobPosting | None = None,
        marker: str | None = None,
        source_id: str | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A request for one posting's own page or API record, after the board's list.

        If it fails or cannot be read, the board goes on: the posting is kept as ``listed`` (what
        the list showed) when given; else, when the list named its ``source_id``, it is held (it
        does not expire tonight) and counted as skipped; else its board is incomplete. Either way
        ``…/<board>/detail_error`` counts it.

        ``marker`` is what the list says of the posting's version (``scrapers.revisit``): while a
        later night's list shows the same, the detail is served from the cache, not fetched.
        """
        cb_kwargs = kwargs.pop("cb_kwargs", {})
        if listed is not None:
            cb_kwargs["listed"] = listed
        meta = {**kwargs.pop("meta", {}), MARKER_META: marker or ""}
        if source_id:
            meta[POSTING_META] = source_id
        return self.board_request(
            url,
            board,
            callback,
            errback=self.detail_failed,
            cb_kwargs=cb_kwargs,
            meta=meta,
            **kwargs,
        )

    def job_page_request(
        self,
        url: str,
        board: str,
        callback: Callable[..., Any],
        *,
        card: str,
        listed: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A job page found on a listing page, whose card (``card``: its visible text) is all the
        listing says of the job's version; the page is served from the cache while it is the
        same. ``listed`` is what the card shows as raw item fields (passed to the callback as
        ``listed``): the posting when the page cannot be read (:meth:`job_page_missing`).
        Failures go to the ``errback`` given, as the board's other pages' do."""
        cb_kwargs = kwargs.pop("cb_kwargs", {})
        if listed is not None:
            cb_kwargs["listed"] = listed
        return self.board_request(
            url,
            board,
            callback,
            cb_kwargs=cb_kwargs,
            meta={MARKER_META: card_marker(card)},
            **kwargs,
        )

    def job_page_missing(self, failure: Failure, source_id: str | None) -> list[JobPosting]:
        """A job page a listing links to could not be read, and is not gone (the spider's errback
        tells a 404 or 410 first): what its card shows (``listed``) is exported as the posting and
        counted under ``…/<board>/postings``; a card without a title leaves the posting held by
        ``source_id``. Either way ``…/<board>/detail_error`` counts it (:meth:`detail_missing`),
        and a block ``…/blocked``."""
        request = failure.request
        board = request.cb_kwargs.get("board", "?")
        listed = request.cb_kwargs.get("listed")
        if self.detail_missing(board, listed, failure_reason(failure), source_id=source_id):
            return self.board_items(board, [listed])
        return []

    def forget_cached(self, response: Response) -> None:
        """A detail that could not be read is fetched again on the next night, never served from
        the cache: the cache stores a response before the spider reads it, and a truncated or
        garbled answer must not stand in for the posting until its revisit age."""
        request = response.request
        if request is not None and MARKER_META in request.meta:
            self.uncacheable.add(self.crawler.request_fingerprinter.fingerprint(request).hex())

    def detail_failed(self, failure: Failure) -> Any:
        request = failure.request
        return self.detail_missing(
            request.cb_kwargs.get("board", "?"),
            request.cb_kwargs.get("listed"),
            failure_reason(failure),
            source_id=None if is_gone(failure) else request.meta.get(POSTING_META),
            gone=is_gone(failure),
        )

    def detail_items(
        self,
        board: str,
        extracted: Extracted,
        listed: dict[str, Any] | JobPosting | None,
        url: str,
        *,
        missing: str = "no posting",
    ) -> Iterator[Any]:
        """Items of a posting's detail answer. Only a detail holding its posting counts (an empty
        board is told by its list); one that holds none, without an entry that failed, keeps
        what the list showed (:meth:`detail_missing`)."""
        self.board_entries(board, extracted)
        if extracted.postings:
            yield from self.board_items(board, extracted.postings)
        elif not extracted.failed:
            reason = "; ".join(extracted.skipped) or f"{missing} in the detail"
            yield self.detail_missing(board, listed, f"{reason} ({url})")

    def detail_missing(
        self,
        board: str,
        listed: dict[str, Any] | JobPosting | None,
        reason: str,
        *,
        source_id: str | None = None,
        gone: bool = False,
    ) -> Any:
        """Count a posting whose detail could not be read; keep what the list showed of it.

        Without ``listed``, the posting is lost tonight: held when its ``source_id`` is known,
        else its board is incomplete — unless the detail is ``gone`` (404, 410), an answer."""
        self.board_count(board, "detail_error")
        if listed is None:
            # INFO: a detail gone is an answer; one lost is said (WARNING) by posting_lost.
            self.board_skipped(board, [ExpectedSkip(f"no detail: {reason}")])
            if not gone:
                self.posting_lost(board, source_id, f"no detail: {reason}")
            return None
        item = listed if isinstance(listed, JobPosting) else JobPosting(**listed)
        # INFO: the posting is exported as its list shows it, counted as detail_error.
        self.logger.info(
            "Board %r of %s: no detail for %s (%s); keeping what the list shows",
            board,
            self.name,
            item.url,
            reason,
        )
        return item

    # --- what a board yields ---------------------------------------------------------------------

    def board_error(self, board: str, reason: str) -> None:
        self.board_count(board, "error")
        self.logger.error("Board %r of %s failed: %s", board, self.name, reason, extra=in_report())
        self._note(INCOMPLETE, board, reason)

    def board_incomplete(self, board: str, reason: str) -> None:
        """The board was not read completely tonight (a page lost, paging cut short): its
        postings do not expire tonight. Counted, logged and named in the night's report."""
        self.board_count(board, "incomplete")
        self.logger.warning(
            "Board %r of %s not read completely: %s; its postings do not expire tonight",
            board,
            self.name,
            reason,
            extra=in_report(),
        )
        self._note(INCOMPLETE, board, reason)

    def posting_lost(self, board: str, source_id: str | None, reason: str) -> None:
        """A posting of ``board`` could not be read tonight: held by its id when ``source_id``
        is known (it does not expire; the board still may), else the board is incomplete."""
        if not source_id:
            self.board_incomplete(board, reason)
            return
        posting = posting_id(self.name, source_id, "")
        self.board_count(board, "held")
        self.logger.warning(
            "Board %r of %s: %s not read (%s); it does not expire tonight",
            board,
            self.name,
            posting,
            reason,
            extra=in_report(),
        )
        self._note(HELD, board, f"{posting}: {reason}")
        self.crawler.signals.send_catch_log(
            posting_held, board=board, posting=posting, reason=reason
        )

    def _note(self, key: str, board: str, reason: str) -> None:
        stats = self.crawler.stats
        stats.set_value(key, add_reason(stats.get_value(key) or {}, board, reason))

    def board_skipped(self, board: str, reasons: list[str]) -> None:
        """Count each entry skipped, with why: at INFO when skipping it is the normal life of a
        board (an :class:`ExpectedSkip`: a hidden entry, a page gone), else at WARNING (an entry
        the extractor cannot read as the source's format)."""
        for reason in reasons:
            self.board_count(board, "skipped")
            level = logging.INFO if isinstance(reason, ExpectedSkip) else logging.WARNING
            self.logger.log(level, "Board %r of %s: skipped an entry: %s", board, self.name, reason)

    def board_postings(self, board: str, extracted: Extracted) -> Iterator[JobPosting]:
        """Items of a response that lists a board's postings with their fields; entries the
        extractor skipped are counted, those it failed on dead-lettered, and a board without any
        posting is counted empty."""
        self.board_entries(board, extracted)
        yield from self.board_items(board, extracted.postings)

    def board_entries(self, board: str, log: EntryLog) -> None:
        """Count the entries of a list the extractor skipped, and dead-letter those it failed on
        (reason ``error``, each posting held: one bad posting never costs the board)."""
        self.board_skipped(board, log.skipped)
        for failed in log.failed:
            self.posting_failed(board, failed)

    def posting_failed(self, board: str, failed: FailedPosting) -> None:
        posting = {"source": self.name, "source_id": failed.source_id, "id": None}
        if failed.source_id:
            posting["id"] = posting_id(self.name, failed.source_id, "")
        self.board_count(board, "failed")
        self.logger.error(
            "Board %r of %s: posting %s could not be read: %s; dead-lettered",
            board,
            self.name,
            posting["id"] or "(no id)",
            failed.cause,
            extra=in_report(),
        )
        self.crawler.signals.send_catch_log(
            posting_failed, board=board, posting=posting, cause=failed.cause, raw=failed.raw
        )
        self.posting_lost(board, failed.source_id, f"unreadable: {failed.cause}")

    def board_items(self, board: str, postings: list[dict[str, Any]]) -> list[JobPosting]:
        """Items of a board's postings; ``…/<board>/postings`` counts each distinct posting once
        (a list naming one posting twice counts it under ``…/repeated``)."""
        if not postings:
            self.board_count(board, "empty")
            self.logger.warning("Board %r of %s lists no jobs", board, self.name)
        known = self._board_postings.setdefault(board, set())
        new = repeated = 0
        items = []
        for posting in postings:
            key = posting.get("source_id") or posting.get("url")
            if key is not None and key in known:
                repeated += 1
            else:
                new += 1
                known.add(key)
            items.append(JobPosting(**without_surrogates(posting)))
        self.board_count(board, "postings", new)
        if repeated:
            self.board_count(board, "repeated", repeated)
        return items

    # --- was each board read completely? --------------------------------------------------------

    def follow_boards(self, crawler: Any) -> None:
        """Follow every board request (made by :meth:`board_request`) until it comes back."""
        # ticket -> (board, url) of each request not yet come back
        self._open_requests: dict[int, tuple[str, str]] = {}
        self._tickets = itertools.count(1)
        self._board_postings: dict[str, set[Any]] = {}
        crawler.signals.connect(self._request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(self._request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(self._response_received, signal=signals.response_received)
        crawler.signals.connect(self._callback_failed, signal=signals.spider_error)

    def _board_of(self, request: Request | None) -> str | None:
        if request is None or request.errback != self.request_failed:
            return None
        board = request.cb_kwargs.get("board")
        return board if isinstance(board, str) else None

    def _request_scheduled(self, request: Request, **kwargs: Any) -> None:
        board = self._board_of(request)
        if board is None:
            return
        # A retry or a redirect carries its request's ticket: one request until answered.
        ticket = request.meta.get(TICKET_META)
        if ticket not in self._open_requests:
            ticket = next(self._tickets)
            request.meta[TICKET_META] = ticket
        self._open_requests[ticket] = (board, request.url)

    def _response_received(self, response: Response, request: Request, **kwargs: Any) -> None:
        self._open_requests.pop(request.meta.get(TICKET_META), None)

    def _request_dropped(self, request: Request, **kwargs: Any) -> None:
        """Scrapy's duplicate filter dropped a request: a redirect back into its own chain is a
        loop, which fails the board; any other duplicate is answered by the request it repeats."""
        if self._open_requests.pop(request.meta.get(TICKET_META), None) is None:
            return
        board = self._board_of(request) or "?"
        chain = list(request.meta.get("redirect_urls") or ())
        if request.url in chain:
            self.board_error(board, f"redirect loop: {' -> '.join([*chain, request.url])}")
        elif chain:
            self.logger.info(
                "Board %r of %s: %s redirects to %s, already requested in this crawl",
                board,
                self.name,
                chain[0],
                request.url,
            )

    def _callback_failed(self, failure: Failure, response: Any, **kwargs: Any) -> None:
        """A callback or errback raised: what it would have yielded after is lost."""
        request = getattr(response, "request", None)
        board = self._board_of(request)
        if board is None:
            return
        message = " ".join(failure.getErrorMessage().split())
        self.board_error(board, f"{failure.type.__name__}: {message} while reading {request.url}")

    def closed(self, reason: str) -> None:
        """Requests of a board that never came back: left when the crawl stopped early, or
        dropped without a word (Scrapy's offsite filter drops a redirect off the spider's domains
        before it is sent, and calls no errback)."""
        self.report_unanswered(reason)

    def report_unanswered(self, reason: str) -> None:
        """Each board with requests that never came back is incomplete, saying why; forgotten
        after (a night's worker asks at the end of each batch of boards, ``reason`` finished)."""
        lost: dict[str, list[str]] = {}
        for board, url in self._open_requests.values():
            lost.setdefault(board, []).append(url)
        why = (
            "never answered (filtered before download, e.g. offsite)"
            if reason == "finished"
            else f"unanswered when the crawl stopped ({reason})"
        )
        for board, urls in sorted(lost.items()):
            self.board_incomplete(board, f"{len(urls)} request(s) {why}, first {urls[0]}")
        self._open_requests.clear()
