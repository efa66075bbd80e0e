"""Where the project lives on disk (no Scrapy import)."""

from __future__ import annotations

from pathlib import Path

# scrapers/ sits at the top of the repository, next to scrapy.cfg, sources.toml and world/. In a
# built package (the egg scrapyd-deploy uploads, a wheel) there is no checkout around it: this is
# then the egg file or site-packages, and holds none of those files.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The sources file people edit, at the top of the checkout. A built package carries a copy of it
# inside the scrapers package under the same name (setup.py puts it there), so a project deployed
# to Scrapyd crawls the boards it was deployed with.
SOURCES_FILE = "sources.toml"
