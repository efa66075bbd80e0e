"""Compare the summary `check.py` printed last (a JSON line on stdin) with `.ci/real-floor.toml`.

A checked field counts as right when check.py says `ok`, wrong when it says `empty` or `wrong`;
`n/a` (the payload says nothing to check against) counts neither way. Exit 1, naming each figure
below its floor, when the checkout does worse than the floor.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

FLOOR = Path(__file__).with_name("real-floor.toml")


def figures(summary: dict) -> dict[str, float]:
    right = wrong = 0
    for source in summary["sources"].values():
        for counts in source["fields"].values():
            right += counts.get("ok", 0)
            wrong += counts.get("empty", 0) + counts.get("wrong", 0)
    totals = summary["totals"]
    return {
        "exported": totals["items_out"],
        "of": totals["payload_postings"],
        "right": right,
        "checked": right + wrong,
        "fields_right": right / (right + wrong) if right + wrong else 0.0,
        "crashes": totals["crashes"] + totals.get("harness_errors", 0),
    }


def main() -> int:
    lines = [line for line in sys.stdin if line.startswith("{")]
    if not lines:
        print("CI: check.py printed no summary", file=sys.stderr)
        return 1
    got = figures(json.loads(lines[-1]))
    floor = tomllib.loads(FLOOR.read_text(encoding="utf-8"))
    print(
        f"::: real data: exported {got['exported']} of {got['of']}, crashes {got['crashes']}, "
        f"fields right {got['right']} of {got['checked']} ({got['fields_right']:.1%}); floor: "
        f"exported {floor['exported']}, fields right {floor['fields_right']:.1%}, "
        f"crashes {floor['crashes']}"
    )
    below = [
        f"{name} {got[name]:g} under the floor {floor[name]:g}"
        for name in ("exported", "fields_right")
        if got[name] < floor[name] - 1e-9
    ]
    if got["crashes"] > floor["crashes"]:
        below.append(f"crashes {got['crashes']} over the floor {floor['crashes']}")
    for line in below:
        print(f"CI: real data: {line} (.ci/real-floor.toml)", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
