"""benchmarks/sanitisers.py runs and says what docs/benchmarks.md reports (no timing asserted:
speed is measured by hand)."""

from __future__ import annotations

from benchmarks.sanitisers import BODY_CHARS, _jobsieve, _nh3, corpus, five_kb_bodies, timings


def test_the_bodies_are_about_five_kilobytes() -> None:
    bodies = five_kb_bodies()
    assert len(bodies) == 20
    assert all(BODY_CHARS - 500 < len(b) <= BODY_CHARS for b in bodies)


def test_the_project_sanitiser_passes_its_own_benchmark() -> None:
    sanitise, posting = _jobsieve()
    found = corpus(sanitise)
    assert (found["survived"], found["outside"], len(found["damaged"])) == ([], [], 4)
    speeds = timings({"jobsieve": posting, "nh3": _nh3()}, five_kb_bodies()[:2], rounds=1)
    assert set(speeds) == {"jobsieve", "nh3"}
    assert set(speeds["nh3"]) == {"median_us", "min_us", "max_us"}
