"""jobsieve settings: polite and honest by default. Every JOBSIEVE_* setting is in the README, and
in scrapers/settings_check.py, which says what each takes (a new one needs its row there)."""

from __future__ import annotations

import importlib.util

from scrapers.paths import PROJECT_ROOT

BOT_NAME = "jobsieve"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "scrapers.commands"

# Honest: say who we are and where to complain; obey robots.txt as matched on our name.
USER_AGENT = "jobsieve/0.1 (+https://github.com/jobsieve/jobsieve)"
ROBOTSTXT_OBEY = True

# Polite: the values `scrapy startproject` writes since 2.13.3, with AutoThrottle on top so a
# slow server gets a longer delay, never a shorter one than DOWNLOAD_DELAY.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1
AUTOTHROTTLE_MAX_DELAY = 60
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
# Job data is lists and pages, not media: an answer over 32 MiB is refused (counted
# jobsieve/too_large), and so is a compressed answer that inflates past it (a decompression bomb:
# jobsieve/decompression_bomb), instead of Scrapy's 1 GiB. A source whose single list answer is
# legitimately larger raises its own in the spider's custom_settings (docs/sources.md).
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024

# Every pipeline is synchronous, so a response's items gain nothing from being processed side by
# side; Scrapy would start CONCURRENT_ITEMS (default 100) asyncio tasks per response for it, which
# cost 28 % of a night's CPU at 10k postings (docs/benchmarks.md). Same items, same order.
CONCURRENT_ITEMS = 1

# Nobody should be able to drive a running crawl over HTTP or telnet.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
LOGSTATS_INTERVAL = 30.0
LOG_LEVEL = "INFO"

# Scrapy's downloader, keeping CONCURRENT_REQUESTS_PER_DOMAIN with DOWNLOAD_DELAY = 0 as well
# (scrapers/politeness.py: Scrapy 2.19 sends a site's whole queue at once then).
DOWNLOADER = "scrapers.politeness.PoliteDownloader"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's, with each request that waits for a host's robots.txt checked against it
    # (scrapers/politeness.py: in Scrapy 2.19 only the first waiter is).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scrapers.politeness.RobotsTxtMiddleware": 100,
    # Scrapy's retry, obeying Retry-After on 429 and 503 for the whole site.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapers.politeness.RetryAfterMiddleware": 550,
    # Right after decompression (590): a text answer not valid in its declared charset is read by
    # detection or replacement characters, counted, instead of failing its board.
    "scrapers.decoding.BodyDecodingMiddleware": 580,
    # After every built-in middleware: a replayed response skips only the network.
    "scrapers.world_middleware.WorldMiddleware": 950,
}

SPIDER_MIDDLEWARES = {
    # Next to the spider: an answer its extractor cannot read goes to the request's errback, and
    # what that yields passes every other spider middleware (scrapers/unreadable.py).
    "scrapers.unreadable.UnreadableResponseMiddleware": 950,
}

# Incremental nights: Scrapy's HTTP cache, limited to posting details that carry a change marker
# (scrapers/detail_cache.py). Its policy and storage are jobsieve's; lists are always fetched.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "scrapers.detail_cache.ChangeMarkerPolicy"
HTTPCACHE_STORAGE = "scrapers.detail_cache.SQLiteCacheStorage"

EXTENSIONS = {
    "scrapers.deadletter.DeadLetterExtension": 500,
    "scrapers.progress.ProgressExtension": 510,
    # Which board each exported posting came from (on when JOBSIEVE_POSTING_BOARDS is set).
    "scrapers.posting_boards.PostingBoardsExtension": 520,
    # Each exported posting's dedup signature (on when JOBSIEVE_POSTING_SIGNATURES is set).
    "scrapers.posting_signatures.PostingSignaturesExtension": 525,
}
# Spidermon's per-crawl monitors and notifications (scrapers/monitoring.py), when installed
# (`jobsieve[monitoring]`): its extension does nothing until SPIDERMON_ENABLED = True.
if importlib.util.find_spec("spidermon") is not None:
    EXTENSIONS["spidermon.contrib.scrapy.extensions.Spidermon"] = 530

ITEM_PIPELINES = {
    # First: every later stage reads the text as it will be exported (safe, clean, in size).
    "pipelines.sanitise.SanitisePipeline": 50,
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.boilerplate.BoilerplatePipeline": 200,
    # Reads the clean body, so after boilerplate.
    "pipelines.skills.SkillsPipeline": 250,
    "pipelines.language.LanguagePipeline": 300,
    # Drops an id this crawl already exported; sets the content fingerprint.
    "pipelines.dedup.RepeatedIdPipeline": 400,
    # Last before export, so what is written is what was checked.
    "pipelines.validate.ValidatePipeline": 900,
    # After validation, so only postings that reach the feed enter the persistent state.
    # `crawlall` runs pipelines.state.NightStatusPipeline in its place: the night clusters
    # across sources and commits the state itself (scrapers/night).
    "pipelines.state.CrawlStatePipeline": 950,
}

# --- jobsieve ---------------------------------------------------------------------------------
# The human-edited list of sources and company boards to crawl: a path. Unset = the project's
# sources.toml: the checkout's, or in an egg deployed to Scrapyd the copy built into it.
JOBSIEVE_SOURCES = None
# Replay recorded responses from this directory instead of the network (off = live crawl).
JOBSIEVE_WORLD = None
# Save every live response into this directory, in the world format.
JOBSIEVE_RECORD = None
# The world shipped with the repo, used by `scrapy crawlall --offline`.
JOBSIEVE_SHIPPED_WORLD = str(PROJECT_ROOT / "world" / "recorded")
# Dropped items (invalid, duplicate, crashed a pipeline) with their reasons.
# %(name)s = spider name, %(time)s = crawl start (UTC).
JOBSIEVE_DEADLETTER = "deadletter/%(name)s-%(time)s.jsonl"
# Where a crawl writes the board of each posting it exported (%(name)s = spider name); unset = not
# written. `crawlall` sets it: a night expires postings per board.
JOBSIEVE_POSTING_BOARDS = None
# Where a crawl writes the dedup signature of each posting it exported (%(name)s = spider name);
# unset = not written. `crawlall` sets it: the night then reads them instead of computing them.
JOBSIEVE_POSTING_SIGNATURES = None
# Freeze the crawl clock (ISO 8601 UTC) for reproducible runs; unset = the real time of each fetch.
JOBSIEVE_CRAWL_TIME = None
# Where `scrapy crawlall` writes feeds/<YYYY-MM-DD>/.
JOBSIEVE_FEEDS_DIR = "feeds"
# Where `scrapy crawlall --offline` writes its nights, with their own state and detail cache: the
# shipped world's fictional postings never meet a live night's (-s JOBSIEVE_FEEDS_DIR wins).
JOBSIEVE_OFFLINE_FEEDS_DIR = "feeds/offline"
# langdetect is random unless seeded; the seed makes language results repeatable.
JOBSIEVE_LANGDETECT_SEED = 0
# A block around the body seen on this many postings of one source (from two companies or more)
# in a crawl is that site's template: repeated_block for the postings after. 0 turns it off.
JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS = 5
# The persistent state (statuses, clusters, expiry): an SQLite path or URL (sqlite:///abs/path).
# Unset = state.sqlite3 in JOBSIEVE_FEEDS_DIR, so a feeds folder and its memory travel together.
JOBSIEVE_STATE = None
# A posting not seen for this many nights (by date) is expired.
JOBSIEVE_EXPIRE_AFTER = 3
# `scrapy crawl`: drop postings that are the same job as one seen on another source (default: keep
# them, marked with duplicate_of). `crawlall` always keeps them in postings.jsonl.
JOBSIEVE_DROP_DUPLICATES = False
# Serve a posting's detail from the cache while its list shows it unchanged (False, or
# `crawlall --full`: fetch every detail again and refresh the cache).
JOBSIEVE_INCREMENTAL = True
# No cached detail is served when older than this many nights (spread per posting between half and
# all of it), so edits a list does not show are picked up; 0 = trust the lists for ever.
JOBSIEVE_REVISIT_DAYS = 30
# Where the detail cache lives (one SQLite file per spider); unset = cache/ in JOBSIEVE_FEEDS_DIR.
JOBSIEVE_CACHE_DIR = None
# The longest Retry-After (seconds) a crawl waits for; an answer asking for longer is not retried
# and its request fails, saying so.
JOBSIEVE_RETRY_AFTER_MAX = 300
# Classes told of each step of a `crawlall` night as it finishes (scrapers/night/signals.py),
# built with from_night(night): monitoring, for one.
JOBSIEVE_NIGHT_OBSERVERS = []
# Health monitors across nights (scrapers/health/, docs/health.md): tonight against the median
# of this many previous nights in the state.
JOBSIEVE_HEALTH_NIGHTS = 7
# A source's (error) or board's (warning) postings below (1 - this) × that median.
JOBSIEVE_HEALTH_DROP_SHARE = 0.3
# Baselines under this many postings are not judged for drops, coverage or dead letters.
JOBSIEVE_HEALTH_MIN_POSTINGS = 10
# A field's coverage down by more than this many percentage points.
JOBSIEVE_HEALTH_COVERAGE_POINTS = 20
# A board whose list fails this many nights in a row.
JOBSIEVE_HEALTH_FAILING_NIGHTS = 3
# The share of items dead-lettered up by more than this many percentage points.
JOBSIEVE_HEALTH_DEAD_LETTER_POINTS = 10
# Per-source overrides of the above: {"teal": {"drop_share": 0.5, "min_postings": 50}} (the keys
# are the names above without JOBSIEVE_HEALTH_, in lower case).
JOBSIEVE_HEALTH_SOURCES = {}
# Spidermon actions (import paths) scrapers.monitoring.CrawlMonitors runs when a per-crawl
# check fails: e-mail, Slack, Telegram… (with SPIDERMON_ENABLED and its own SPIDERMON_* settings).
JOBSIEVE_MONITOR_ACTIONS = []
# Nights with workers (`crawlall --workers N`, `scrapy worker URL`; scrapers/workers/,
# docs/scaling.md): the Redis server the boards, their leases and their results go through.
JOBSIEVE_REDIS_URL = "redis://127.0.0.1:6379/0"
# Seconds a worker's claim on boards lasts unless renewed (its heartbeat renews it every third):
# how long the boards of a killed worker wait before another crawls them.
JOBSIEVE_WORKER_LEASE = 60
# Boards of one source a worker claims at once, at most (crawled side by side, published
# together); a claim takes no more than 1/(2N) of the boards still queued (N local workers).
JOBSIEVE_WORKER_BOARDS = 4
