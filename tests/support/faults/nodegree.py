"""NoDegree: the board-fault contract's boards, and its own failing cases.

NoDegree's own case is a job that fails after its organisation's listing named it: a board
``patchy`` lists three jobs, one whose page is gone for good (HTTP 410), one whose page answers
something that is not a job page, and one that is fine. The board is not failed: the gone job is
counted expired, the garbled one (whose card shows no title to export) skipped and held, and the
good one still yields its posting.
"""

from __future__ import annotations

from scrapers.extractors import nodegree
from scrapers.world import Recording
from tests.support.faults.base import HTML, Faults, get

PATCHY = "patchy"
PAGE = b"<html lang='en'><body><main>%s</main></body></html>"


def job_url(slug: str, digit: str) -> str:
    return f"{nodegree.HOST}/organizations/{PATCHY}/jobs/{slug}-J{digit * 32}_ONoDegreePATCHY0000"


GONE_JOB = job_url("cook", "0")
GARBLED_JOB = job_url("waiter", "1")
GOOD_JOB = job_url("line-cook", "2")
GOOD_PAGE = b"""<article><h1>Line Cook</h1>
<div class="Chip_root__p1"><svg data-icon="map-pin"></svg>Lisbon, Portugal</div>
<div class="Chip_root__p1"><svg data-icon="clock"></svg>3 days ago</div>
<div class="CompanyCard_root__p1"><h3>Patchy Kitchen</h3><p>A small kitchen by the river.</p></div>
<div class="JobDescription_body__p1"><p>Cook lunch for forty guests a day with a team of three,
from the morning's delivery to the last plate.</p></div>
</article>"""


def recordings() -> list[Recording]:
    url = nodegree.organization_jobs_url
    listing = b'<ul data-testid="job-list">%s</ul>'
    links = b"".join(
        b'<li><a href="%s">Job</a></li>' % job.encode() for job in (GONE_JOB, GARBLED_JOB, GOOD_JOB)
    )
    return [
        get(url("gone"), PAGE % b"Not found", status=404, headers=HTML),
        get(url("broken"), PAGE % b"Oops", headers=HTML),
        get(url("empty"), PAGE % listing % b"", headers=HTML),
        get(url(PATCHY), PAGE % listing % links, headers=HTML),
        get(GONE_JOB, PAGE % b"Gone", status=410, headers=HTML),
        get(GARBLED_JOB, PAGE % b"Upstream error", headers=HTML),
        get(GOOD_JOB, PAGE % GOOD_PAGE, headers=HTML),
    ]


FAULTS = Faults("gone", "broken", "empty", recordings, extra=(PATCHY,))
