"""A fault server for the tests: a real HTTP server on 127.0.0.1 that answers as Greenhouse and
Lever do, each board with the fault its name asks for, reached by real Scrapy downloads.

- ``server.py``: the server (threads of the test process), its routes, its log of requests;
- ``faults.py``: the faults by name (a board ``<fault>[-<argument>]``), and how to add one;
- ``postings.py``: what a board lists (made up from its name);
- ``bomb.py``: the gzip bomb the ``bomb`` fault serves;
- ``crawls.py``: crawls over it (in the test process, as a ``scrapy crawl`` process measured
  with its peak memory, as ``scrapy crawlall`` nights) and the pytest fixtures.

Crawls reach it through ``tests/support/loopback.py``, a download handler that sends every
http(s) request to the server while the spider sees the URL it asked for.
"""

from __future__ import annotations

from tests.support.faultserver.faults import FAULTS
from tests.support.faultserver.server import GREENHOUSE, LEVER, LEVER_EU, Arrival, FaultServer

__all__ = ["FAULTS", "GREENHOUSE", "LEVER", "LEVER_EU", "Arrival", "FaultServer"]
