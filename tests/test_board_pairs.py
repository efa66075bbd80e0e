"""The cross-board pairs (evaluation/duplicates/pairs/): every file says what the format asks, and
every posting in it survives the pipelines, so the evaluation scores the rule, not a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.duplicates.board_pairs import (
    PAIRS_DIR,
    PairError,
    check,
    load_pair,
    load_pairs,
)

PAIR_FILES = sorted(PAIRS_DIR.glob("**/*.toml"))


@pytest.mark.parametrize("path", PAIR_FILES, ids=lambda p: p.stem)
def test_every_pair_pipelines(path: Path) -> None:
    assert check([load_pair(path)]) == []


def test_the_held_out_pairs_are_those_of_their_folder(tmp_path: Path) -> None:
    for name in ("x-01-a.toml", "held_out/x-02-b.toml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(
            'label = "different"\nkinds = ["distinct"]\n'
            + "".join(
                f'[{side}]\nsource = "lever"\nurl = "https://jobs.lever.co/x/{side}"\n'
                f'title = "T"\ndescription = "body"\n'
                for side in "ab"
            ),
            encoding="utf-8",
        )
    assert [(p.name, p.split) for p in load_pairs(tmp_path)] == [
        ("x-01-a", "tuning"),
        ("x-02-b", "held_out"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('label = "maybe"\nkinds = ["distinct"]', "neither same nor different"),
        ('label = "same"\nkinds = ["other_city"]', "are not same kinds"),
        (
            'label = "different"\nkinds = ["distinct"]\n[a]\nsource = "lever"\n'
            'url = "https://jobs.lever.co/x/1"\ntitle = "T"\ndescription = "body"\n'
            "salary = 5\n[b]\n",
            "fields no spider fills: salary",
        ),
        ('label = "same"\nkinds = ["truncated"\n', "x-01-bad.toml"),
    ],
)
def test_a_bad_pair_file_is_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x-01-bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PairError, match=message):
        load_pair(path)
