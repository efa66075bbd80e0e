"""Every golden case: a saved response through its spider callback, the whole output as saved
(``tests/support/golden.py`` says how a case is made and updated)."""

from __future__ import annotations

import os

import pytest

from tests.support.golden import UPDATE_ENV, cases

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_callback_output_is_the_golden_one(case):
    if os.environ.get(UPDATE_ENV):
        case.write_output()
        pytest.skip(f"{UPDATE_ENV}: output rewritten")
    assert case.run() == case.expected()
