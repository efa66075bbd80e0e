"""CI's ratchet on real data (.ci/real_ratchet.py): a checkout doing worse than the floor fails."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

import pytest

from tests.support.inprocess import ROOT

RATCHET = ROOT / ".ci" / "real_ratchet.py"
FLOOR = tomllib.loads((ROOT / ".ci" / "real-floor.toml").read_text(encoding="utf-8"))


def summary(exported: int, right: int, wrong: int, crashes: int = 0) -> str:
    fields = {"title": {"ok": right, "wrong": wrong, "n/a": 5}}
    report = {
        "sources": {"greenhouse": {"fields": fields}},
        "totals": {"payload_postings": 72, "items_out": exported, "crashes": crashes},
    }
    return "=== a per-posting report first\n" + json.dumps(report) + "\n"


def ratchet(text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RATCHET)], input=text, capture_output=True, text=True, check=False
    )


def at_floor(**worse: int) -> str:
    checked = 1000
    right = int(FLOOR["fields_right"] * checked + 0.999)
    values = {"exported": FLOOR["exported"], "right": right, "wrong": checked - right, "crashes": 0}
    values.update(worse)
    return summary(**values)


def test_a_checkout_at_the_floor_passes():
    done = ratchet(at_floor())
    assert (done.returncode, done.stdout.startswith("::: real data: exported")) == (0, True)


@pytest.mark.parametrize(
    ("worse", "named"),
    [
        ({"exported": FLOOR["exported"] - 1}, "exported"),
        ({"right": 900, "wrong": 100}, "fields_right"),
        ({"crashes": 1}, "crashes"),
    ],
)
def test_a_checkout_below_the_floor_fails_naming_the_figure(worse, named):
    done = ratchet(at_floor(**worse))
    assert (done.returncode, f"CI: real data: {named}" in done.stderr) == (1, True)


def test_no_summary_fails():
    assert ratchet("check.py crashed before its summary\n").returncode == 1
