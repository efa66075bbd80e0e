"""The normalisers' vocabularies: TOML files in scrapers/data, read once each."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

__all__ = ["read_vocabulary"]


def read_vocabulary(name: str) -> dict[str, Any]:
    """`scrapers/data/<name>.toml`, parsed."""
    text = resources.files("scrapers").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
