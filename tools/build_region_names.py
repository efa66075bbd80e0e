"""Builds scrapers/data/region_names.tsv, the other names of ISO 3166-2 regions (English exonyms
and names in local languages: "Sicily" for Sicilia, "Lower Saxony" for Niedersachsen, "Αττική"
for Attikí), from the iso3166-2 package's data (MIT), which pycountry's translations lack.

    python tools/build_region_names.py            # writes the file
    python tools/build_region_names.py --check    # exit 1 when the file differs from a fresh build

Read at run time, the package's JSON costs a process 53 MB and 0.13 s; the built table is a few
hundred kilobytes (scrapers/normalise/countries.py reads it with pycountry's names).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    opts = parser.parse_args(argv)
    built = build()
    if opts.check:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == built
        print("region_names.tsv is up to date" if same else "region_names.tsv differs: rebuild it")
        return 0 if same else 1
    TABLE.write_text(built, encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}: {built.count(chr(10)) - 1:,} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
