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
  ``scrapers.unreadable`` hands it to the request's errback, so callbacks read straight through.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.clock import CrawlClock
from scrapers.extractors.base import Extracted
from scrapers.items import JobPosting
from scrapers.options import SpiderOption
from scrapers.registry import Source
from scrapers.revisit import MARKER_META, card_marker
from scrapers.settings_check import check_settings
from scrapers.sources import SourceConfig, load_sources
from scrapers.unreadable import UnreadableResponse

# Request.meta key: what a failure reason adds after the URL ("offset 40", "page token 'x'").
CONTEXT_META = "jobsieve_context"
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
    request = failure.request
    context = request.meta.get(CONTEXT_META)
    where = f"{request.url}, {context}" if context else request.url
    if failure.check(HttpError):
        response: Response = failure.value.response
        return f"HTTP {response.status} from {where}"
    if failure.check(UnreadableResponse):
        return f"{failure.value.error} ({where})"
    return f"{failure.type.__name__}: {failure.getErrorMessage()} ({where})"


def check_source_tables(
    configured: Mapping[str, SourceConfig], spider_class: Callable[[str], type]
) -> None:
    """Every table of the sources file against its spider (``spider_class(name)``)."""
    for name, config in configured.items():
        cls = spider_class(name)
        if issubclass(cls, JobSpider):
            cls.check_source_config(config)


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

    def blocked(self, board: str, url: str, reason: str) -> None:
        """A WAF or bot wall answered instead of the page: counted, never parsed as a posting."""
        self.crawler.stats.inc_value("jobsieve/blocked")
        self.board_count(board, "blocked")
        self.logger.warning(
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
        logged with ``context`` after the URL) and the other boards go on."""
        cb_kwargs = {"board": board, **kwargs.pop("cb_kwargs", {})}
        kwargs.setdefault("errback", self.board_failed)
        if context:
            kwargs["meta"] = {**kwargs.get("meta", {}), CONTEXT_META: context}
        return scrapy.Request(url, callback=callback, cb_kwargs=cb_kwargs, **kwargs)

    def board_failed(self, failure: Failure) -> None:
        self.board_error(failure.request.cb_kwargs.get("board", "?"), failure_reason(failure))

    def detail_request(
        self,
        url: str,
        board: str,
        callback: Callable[..., Any],
        *,
        listed: dict[str, Any] | JobPosting | None = None,
        marker: str | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A request for one posting's own page or API record, after the board's list.

        If it fails or cannot be read, the board goes on: the posting is kept as ``listed`` (what
        the list showed) when given, else counted as skipped; either way
        ``…/<board>/detail_error`` counts it.

        ``marker`` is what the list says of the posting's version (``scrapers.revisit``): while a
        later night's list shows the same, the detail is served from the cache, not fetched.
        """
        cb_kwargs = kwargs.pop("cb_kwargs", {})
        if listed is not None:
            cb_kwargs["listed"] = listed
        return self.board_request(
            url,
            board,
            callback,
            errback=self.detail_failed,
            cb_kwargs=cb_kwargs,
            meta={**kwargs.pop("meta", {}), MARKER_META: marker or ""},
            **kwargs,
        )

    def job_page_request(
        self, url: str, board: str, callback: Callable[..., Any], *, card: str, **kwargs: Any
    ) -> scrapy.Request:
        """A job page found on a listing page, whose card (``card``: its visible text) is all the
        listing says of the job's version; the page is served from the cache while it is the
        same. Failures go to the ``errback`` given, as the board's other pages' do."""
        return self.board_request(
            url, board, callback, meta={MARKER_META: card_marker(card)}, **kwargs
        )

    def forget_cached(self, response: Response) -> None:
        """A detail that could not be read is fetched again on the next night, never served from
        the cache: the cache stores a response before the spider reads it, and a truncated or
        garbled answer must not stand in for the posting until its revisit age."""
        request = response.request
        if request is not None and MARKER_META in request.meta:
            self.uncacheable.add(self.crawler.request_fingerprinter.fingerprint(request).hex())

    def detail_failed(self, failure: Failure) -> Any:
        board = failure.request.cb_kwargs.get("board", "?")
        return self.detail_missing(
            board, failure.request.cb_kwargs.get("listed"), failure_reason(failure)
        )

    def detail_missing(
        self, board: str, listed: dict[str, Any] | JobPosting | None, reason: str
    ) -> Any:
        """Count a posting whose detail could not be read; keep what the list showed of it."""
        self.board_count(board, "detail_error")
        if listed is None:
            self.board_skipped(board, [f"no detail: {reason}"])
            return None
        item = listed if isinstance(listed, JobPosting) else JobPosting(**listed)
        self.logger.warning(
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
        self.logger.error("Board %r of %s failed: %s", board, self.name, reason)

    def board_skipped(self, board: str, reasons: list[str]) -> None:
        for reason in reasons:
            self.board_count(board, "skipped")
            self.logger.warning("Board %r of %s: skipped an entry: %s", board, self.name, reason)

    def board_postings(self, board: str, extracted: Extracted) -> Iterator[JobPosting]:
        """Items of a response that lists a board's postings with their fields; entries the
        extractor skipped are counted, and a board without any posting is counted empty."""
        self.board_skipped(board, extracted.skipped)
        yield from self.board_items(board, extracted.postings)

    def board_items(self, board: str, postings: list[dict[str, Any]]) -> list[JobPosting]:
        if not postings:
            self.board_count(board, "empty")
            self.logger.warning("Board %r of %s lists no jobs", board, self.name)
        self.board_count(board, "postings", len(postings))
        return [JobPosting(**posting) for posting in postings]
