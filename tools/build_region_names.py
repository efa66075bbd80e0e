"""Builds scrapers/data/region_names.tsv, the other names of ISO 3166-2 regions (English exonyms
and names in local languages: "Sicily" for Sicilia, "Lower Saxony" for Niedersachsen, "Αττική"
for Attikí), from the iso3166-2 package's data (MIT), which pycountry's translations lack.

    python tools/build_region_names.py            # writes the file
    python tools/build_region_names.py --check    # exit 1 when the file differs from a fresh build

Read at run time, the package's JSON costs a process 53 MB and 0.13 s; the built table is a few
hundred kilobytes (scrapers/normalise/countries.py reads it with pycountry's names).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.shipped_table import write_or_check  # noqa: E402

TABLE = ROOT / "scrapers" / "data" / "region_names.tsv"
# "Sicily (eng), Sicilia (scn)": each name with its language in brackets.
_NAME = re.compile(r"\s*([^,(]+?)\s*\(([a-z]{3})\)")


def build() -> str:
    from iso3166_2 import Subdivisions

    every = Subdivisions(filter_attributes="name,localOtherName").all
    lines = []
    for country in sorted(every):
        for code, region in sorted(every[country].items()):
            names = {m[1].strip() for m in _NAME.finditer(region.get("localOtherName") or "")}
            names.discard(region.get("name") or "")
            lines += [f"{code}\t{name}" for name in sorted(names) if "\t" not in name]
    header = "# ISO 3166-2 code, another name of the region (tools/build_region_names.py)\n"
    return header + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(TABLE, lambda: build().encode("utf-8"), __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    sys.exit(main())
