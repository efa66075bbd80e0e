"""Where the sources file is found (scrapers/sources.py: read_sources_file): the setting's path,
else the checkout's sources.toml, else the copy built into the package (a deployed egg:
tests/test_scrapyd.py). Every way of not finding or not reading it is one line naming the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from scrapers import sources as sources_module
from scrapers.sources import load_sources, read_sources_file
from tests.conftest import ROOT, run_scrapy


def test_unset_reads_the_checkout_sources_file():
    name, tables = read_sources_file(None)
    assert name == str(ROOT / "sources.toml")
    assert tables == tomllib.loads((ROOT / "sources.toml").read_text(encoding="utf-8"))


def test_the_project_settings_leave_it_unset_so_a_deployed_egg_finds_its_own():
    settings = run_scrapy("settings", "--get", "JOBSIEVE_SOURCES")
    assert settings.returncode == 0, settings.stderr
    assert settings.stdout.strip() == "None"


def test_a_given_path_is_read(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[greenhouse]\nboards = ["acme"]\n')
    assert read_sources_file(path) == (str(path), {"greenhouse": {"boards": ["acme"]}})
    assert load_sources(str(path))["greenhouse"].boards == ("acme",)


def test_no_checkout_and_no_packaged_copy_is_one_clear_line(tmp_path, monkeypatch):
    # What the code sees in an egg: its "project root" is the egg file itself.
    egg = tmp_path / "jobsieve-1.egg"
    egg.write_bytes(b"PK")
    monkeypatch.setattr(sources_module, "PROJECT_ROOT", egg)
    with pytest.raises(ValueError, match=r"^no sources file: .*jobsieve-1\.egg/sources\.toml does"):
        read_sources_file(None)


def _under_a_file(tmp: Path) -> Path:
    # The path of issue 14's failing Scrapyd job: through a file (the egg).
    (tmp / "x.egg").write_bytes(b"PK")
    return tmp / "x.egg" / "sources.toml"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: tmp / "missing.toml", "does not exist"),
        (lambda tmp: tmp, "cannot be read: Is a directory"),
        (_under_a_file, "cannot be read: Not a directory"),
    ],
    ids=["missing", "directory", "under-a-file"],
)
def test_an_unreadable_path_is_one_line_naming_it_and_the_setting(tmp_path, make, says):
    path = make(tmp_path)
    with pytest.raises(ValueError) as raised:
        read_sources_file(path)
    message = str(raised.value)
    assert message == f"sources file {path} {says} (setting JOBSIEVE_SOURCES)"


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"[greenhouse\n", "is not valid TOML"), (b"# caf\xe9\n", "is not UTF-8")],
    ids=["toml", "utf-8"],
)
def test_a_file_that_is_not_toml_says_so(tmp_path, content, says):
    path = tmp_path / "sources.toml"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"^sources file {path} {says}"):
        read_sources_file(path)
