"""Where the project lives on disk (no Scrapy import)."""

from __future__ import annotations

from pathlib import Path

# scrapers/ sits at the top of the repository, next to scrapy.cfg, sources.toml and world/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
