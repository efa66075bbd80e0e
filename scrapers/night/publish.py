"""Step 4, publish: the staged night renamed into place in one step, so no reader ever sees a
partial night (no Scrapy import).

A night folder of the same date from an earlier run is first renamed aside
(``.<night>.replaced``), then the staged folder in, then the old one removed once the state is
committed: a reader finds the old complete night or the new complete one (or, for the instant
between the two renames, none), never a mix. A night killed between the renames leaves the old
folder aside; :func:`clear_leftovers` puts it back before the next night starts.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from scrapers.night.files import fsync_dir
from scrapers.night.plan import REPLACED_SUFFIX, STAGING_SUFFIX, NightPlan


def publish(plan: NightPlan) -> None:
    """Rename the staged folder into ``plan.out``, setting an earlier run of it aside."""
    staging = plan.staging
    for folder in (staging / "sources", staging / "deadletter", staging):
        if folder.is_dir():
            fsync_dir(folder)
    if plan.out.exists():
        shutil.rmtree(plan.replaced, ignore_errors=True)
        os.rename(plan.out, plan.replaced)
    os.rename(staging, plan.out)
    fsync_dir(plan.feeds_dir)


def discard_replaced(plan: NightPlan) -> None:
    """Remove the earlier run of tonight's folder, once tonight's is published and committed."""
    shutil.rmtree(plan.replaced, ignore_errors=True)


def clear_leftovers(feeds_dir: Path) -> list[str]:
    """What killed nights left in ``feeds_dir``: staging folders are removed; a night folder set
    aside is put back if nothing took its place, else removed. Run under the night's lock, so no
    other night is using them. Returns what was done, one line each, for the log."""
    done = []
    if not feeds_dir.is_dir():
        return done
    for leftover in sorted(feeds_dir.glob(f".*{STAGING_SUFFIX}")):
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed the staging folder of a stopped night: {leftover}")
    for leftover in sorted(feeds_dir.glob(f".*{REPLACED_SUFFIX}")):
        night = feeds_dir / leftover.name[1 : -len(REPLACED_SUFFIX)]
        if night.exists():
            shutil.rmtree(leftover, ignore_errors=True)
            done.append(f"removed a replaced night folder: {leftover}")
        else:
            os.rename(leftover, night)
            done.append(f"put back a night folder a stopped night had set aside: {night}")
    if done:
        fsync_dir(feeds_dir)
    return done
