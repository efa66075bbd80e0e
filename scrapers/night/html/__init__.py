"""The night as pages a person reads: ``<night>/report.html`` and the feeds folder's
``index.html`` (``page.py``), charts as inline SVG (``svg.py``), report names read through
``fields.py``. No Scrapy import."""

from scrapers.night.html.page import (
    INDEX_HTML,
    REPORT_HTML,
    render_index,
    render_report,
    write_index,
    write_report_html,
)

__all__ = [
    "INDEX_HTML",
    "REPORT_HTML",
    "render_index",
    "render_report",
    "write_index",
    "write_report_html",
]
