"""Who each source is, declared once by the spider that owns it (no Scrapy import here).

Every spider in ``spiders/`` carries a :class:`Source`: whether it is an applicant-tracking system
(the employer's own postings), a job board (copies of them) or a career site; the domains it
crawls; how a public posting URL on it names one posting (the key that clusters a job across
sources); and whether its list carries every posting whole, so that no detail is requested.

Whatever else needs these facts reads them here, never from its own copy: clustering's posting
keys and canonical choice, the career-site spider's "this link is the employer's ATS" check, the
world's aggregator pages and the tests.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapers.settings import SPIDER_MODULES

Kind = Literal["ats", "board", "career_site"]

# Where the spiders live: the project's SPIDER_MODULES (read here without Scrapy).
SPIDER_PACKAGES: tuple[str, ...] = tuple(SPIDER_MODULES)

# Applicant-tracking systems jobsieve has no spider for: a career page linking there still links
# the employer's original posting.
OTHER_ATS_DOMAINS = (
    "teamtailor.com",
    "jobvite.com",
    "icims.com",
    "bamboohr.com",
    "breezy.hr",
    "successfactors.com",
    "successfactors.eu",
    "taleo.net",
)

# A posting id that is a UUID (Lever, Ashby): matched case-blind, keyed lower-case.
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# What follows the posting in an apply link: /apply, /application, /apply/.
_APPLY_SUFFIX = re.compile(r"/(apply|application)(/.*)?$", re.I)


@dataclass(frozen=True)
class PostingKey:
    """How a public posting URL names one posting of a source, whatever tracking it carries.

    ``path`` is searched in the URL's path (an apply suffix removed) on any host under one of
    ``domains``; its ``id`` group fills ``key`` (``{tenant}`` is the host's first label, for ids
    that are unique per tenant only). ``query`` names a query parameter that carries the posting
    id on any host (an employer's page embedding the ATS). ``url`` is the public URL of a posting,
    a template over ``board``, ``id`` and any further field the source's URLs need
    (``url_defaults`` gives those that usually take one value).
    """

    domains: tuple[str, ...]
    path: str
    key: str
    url: str
    url_defaults: tuple[tuple[str, str], ...] = ()
    ignore_case: bool = False
    query: str | None = None
    _compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flags = re.I if self.ignore_case else re.NOFLAG
        object.__setattr__(self, "_compiled", re.compile(self.path, flags))

    def serves(self, host: str) -> bool:
        return any(host == domain or host.endswith("." + domain) for domain in self.domains)

    def of_path(self, host: str, path: str) -> str | None:
        """The key of a posting at ``path`` on ``host`` (one of ``domains``), else None."""
        match = self._compiled.search(path)
        if match is None:
            return None
        posting = match["id"].lower() if self.ignore_case else match["id"]
        return self.key.format(tenant=host.split(".", 1)[0], id=posting)

    def of_query(self, query: Mapping[str, str]) -> str | None:
        value = query.get(self.query, "") if self.query else ""
        return self.key.format(tenant="", id=value) if value.isdigit() else None

    def posting_url(self, **fields: Any) -> str:
        return self.url.format(**(dict(self.url_defaults) | fields))


@dataclass(frozen=True)
class Source:
    """A source's identity: what it is, where it crawls, how its posting URLs key a job."""

    kind: Kind
    # Domains the spider requests (subdomains included): its allowed_domains.
    domains: tuple[str, ...] = ()
    posting_key: PostingKey | None = None
    # False when the list already carries every posting with its body: no detail requests.
    fetches_details: bool = True

    @property
    def is_ats(self) -> bool:
        return self.kind == "ats"


def _spider_classes(packages: tuple[str, ...]) -> Iterator[type]:
    for package_name in packages:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__, f"{package_name}."):
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == module.__name__:
                    yield value


@cache
def sources() -> dict[str, Source]:
    """Every spider's identity by spider name, in name order."""
    found: dict[str, Source] = {}
    for cls in _spider_classes(SPIDER_PACKAGES):
        name, source = getattr(cls, "name", None), getattr(cls, "source", None)
        if isinstance(name, str) and isinstance(source, Source):
            found[name] = source
    return dict(sorted(found.items()))


def source(name: str) -> Source:
    try:
        return sources()[name]
    except KeyError:
        raise KeyError(f"no spider named {name!r} declares a source") from None


@cache
def ats_names() -> frozenset[str]:
    """Sources that publish the employer's own postings; the others copy or find them."""
    return frozenset(name for name, src in sources().items() if src.is_ats)


@cache
def _posting_keys() -> tuple[PostingKey, ...]:
    keys = (src.posting_key for src in sources().values() if src.posting_key is not None)
    return tuple(dict.fromkeys(keys))


def posting_key(url: str | None) -> str | None:
    """The posting a URL points at on any source (``lever:<uuid>``…), whatever tracking or
    apply suffix it carries; None when it points at no known source's posting."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    query = dict(parse_qsl(parts.query))
    for known in _posting_keys():
        found = known.of_query(query)
        if found:
            return found
    path = _APPLY_SUFFIX.sub("", unquote(parts.path).rstrip("/"))
    for known in _posting_keys():
        found = known.of_path(host, path) if known.serves(host) else None
        if found:
            return found
    return None


@cache
def _ats_hosts() -> re.Pattern[str]:
    domains = [
        domain
        for src in sources().values()
        if src.is_ats and src.posting_key is not None
        for domain in src.posting_key.domains
    ]
    alternatives = "|".join(map(re.escape, dict.fromkeys([*domains, *OTHER_ATS_DOMAINS])))
    return re.compile(rf"(?:^|\.)(?:{alternatives})$")


def is_ats_host(host: str) -> bool:
    """Whether ``host`` serves an applicant-tracking system's postings (ours or another's)."""
    return _ats_hosts().search(host) is not None


def forget() -> None:
    """Read the spiders again on the next question (after SPIDER_PACKAGES changed)."""
    for cached in (sources, ats_names, _posting_keys, _ats_hosts):
        cached.cache_clear()
