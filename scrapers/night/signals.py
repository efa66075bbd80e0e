"""The night's signals: each named step announced as it finishes, for whoever watches a night.

An observer is a class named in ``JOBSIEVE_NIGHT_OBSERVERS``. The night builds each with
``from_night(night)`` before it crawls; ``night.signals`` is a Scrapy ``SignalManager`` to connect
to, ``night.settings`` the night's settings and ``night.plan`` its :class:`NightPlan`. Monitoring
can time the steps, or raise an alarm when a night stops between two of them. Handlers run in
the night's process, between its steps; what one raises is logged and the night goes on.
"""

from __future__ import annotations

# Sent after each step, with ``step``: "crawl", "settle", "stage", "publish" (the night's folder
# is in place, in one rename) or "commit" (the state remembers the night).
step_finished = object()
