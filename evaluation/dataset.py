"""Load the labelled pages of `evaluation/pages/` (no Scrapy).

One file per page, human-edited. A header of `name: value` lines, a `---` line, then the page as a
text capture with one label per line:

    title: Backend Engineer
    company: Acme
    language: en
    ---
    navigation| Back to all jobs

    body| We build the payment rails for small shops.
    eeo| Acme is an equal opportunity employer.

`body` marks the employer's content; any other label is a boilerplate category of the item
contract. Blank lines are kept (they separate blocks as on the page); a `- ` after the bar is a
list item. Header names: title, company, location, company_description, header_values (values
separated by ` ; `), language, secondary_language (bilingual bodies), page_language, style.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scrapers.boilerplate import CATEGORIES

PAGES_DIR = Path(__file__).resolve().parent / "pages"
CONTENT = "body"
LABELS = frozenset((CONTENT, *CATEGORIES))
_FIELDS = frozenset(
    {
        "title",
        "company",
        "location",
        "company_description",
        "header_values",
        "language",
        "secondary_language",
        "page_language",
        "style",
    }
)


class PageFormatError(ValueError):
    """A labelled page that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class LabelledPage:
    name: str
    fields: dict[str, str]
    text: str  # the page as a text capture, labels removed
    labels: list[str] = field(default_factory=list)  # one per non-blank line, in order

    @property
    def header_values(self) -> list[str]:
        raw = self.fields.get("header_values", "")
        return [v.strip() for v in raw.split(" ; ") if v.strip()]


def _parse_header(lines: list[str], path: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep or name.strip() not in _FIELDS:
            raise PageFormatError(f"{path.name}:{n}: expected one of {sorted(_FIELDS)}: {line!r}")
        fields[name.strip()] = value.strip()
    if "language" not in fields:
        raise PageFormatError(f"{path.name}: no 'language:' line (use 'none' for no language)")
    return fields


def load_page(path: Path) -> LabelledPage:
    raw = path.read_text(encoding="utf-8").splitlines()
    try:
        split = raw.index("---")
    except ValueError:
        raise PageFormatError(f"{path.name}: no '---' line between header and page") from None
    fields = _parse_header(raw[:split], path)
    text_lines: list[str] = []
    labels: list[str] = []
    for n, line in enumerate(raw[split + 1 :], split + 2):
        if not line.strip():
            text_lines.append("")
            continue
        label, sep, content = line.partition("|")
        label = label.strip()
        if not sep or label not in LABELS:
            raise PageFormatError(f"{path.name}:{n}: line must start with a label and '|'")
        text_lines.append(content.strip())
        labels.append(label)
    return LabelledPage(path.stem, fields, "\n".join(text_lines) + "\n", labels)


def load_pages(directory: Path = PAGES_DIR) -> list[LabelledPage]:
    return [load_page(p) for p in sorted(directory.glob("*.txt"))]
