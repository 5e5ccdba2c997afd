"""CSV and spreadsheet headers: which column each heading names.

A heading is matched case-insensitively, with spaces and hyphens read as underscores,
first against the caller's map, then the column names, then a small table of the
headings researchers commonly write in the lexicon's main languages.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from provenance.cells import restore
from provenance.errors import Problem, UsageError
from provenance.ingest.records import EXTRA_PREFIX, KNOWN_COLUMNS, REQUIRED_COLUMNS, Loc

_SEPARATORS = re.compile(r"[\s\-]+")

ALIASES: dict[str, tuple[str, ...]] = {
    "claim": ("claim_text", "statement", "aussage", "affirmation", "afirmación", "afirmação"),
    "as_of": ("date", "as_of_date", "datum", "fecha", "data", "дата"),
    "source": ("source_name", "said_by", "quelle", "fuente", "fonte", "источник"),
    "outlet": ("publication", "publisher", "media", "medium", "journal", "medio", "testata"),
    "url": ("link", "uri", "source_url", "lien", "enlace", "ссылка"),
    "quote": ("quotation", "citation", "zitat", "cita", "citação", "citazione", "цитата"),
    "document_title": ("title", "headline", "titel", "titre", "título", "titolo", "заголовок"),
    "author": ("byline", "autor", "auteur", "autore", "автор"),
    "published": ("date_published", "publication_date", "veröffentlicht", "publié"),
    "language": ("lang", "sprache", "langue", "idioma", "lingua", "язык"),
    "location": ("place", "ort", "lieu", "lugar", "luogo", "место"),
    "quantity": ("figure", "amount", "zahl", "chiffre", "cifra", "número"),
    "source_affiliation": ("affiliation", "organisation", "organization"),
    "source_kind": ("source_type",),
    "category": ("claim_type",),
}
_BY_ALIAS = {alias: column for column, aliases in ALIASES.items() for alias in aliases}


def heading_key(heading: str) -> str:
    """How headings are compared: ``Source Kind``, ``source-kind`` and ``source_kind`` agree."""
    return _SEPARATORS.sub("_", heading.strip().casefold())


def check_column_map(column_map: Mapping[str, str]) -> dict[str, str]:
    """The caller's map with headings normalised; every target must be a column."""
    out = {}
    for heading, column in column_map.items():
        target = heading_key(column)
        if target not in KNOWN_COLUMNS:
            hint = difflib.get_close_matches(target, list(KNOWN_COLUMNS), n=1, cutoff=0.5)
            tip = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise UsageError(f"cannot map {heading!r} to {column!r}: no such column{tip}")
        out[heading_key(heading)] = target
    return out


@dataclass(slots=True)
class Header:
    """Column of each position (None: dropped; ``extra:Name``: kept as an extra field),
    and what was wrong or worth saying."""

    names: list[str | None]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def extra_columns(self) -> tuple[str, ...]:
        return tuple(n for n in self.names if n and n.startswith(EXTRA_PREFIX))


MAX_COLUMNS = 1000  # every known column and alias many times over; bounds the work
NEAR_MISS = 0.8
"""How close a heading must be to a column's name to be taken for a misspelling of it
(``catgory``, ``sources``) rather than a column of its own (``Notes``)."""


def read_header(
    headings: list[str], loc: Loc, column_map: Mapping[str, str], ignore_extra: bool
) -> Header:
    """Name every heading's column. A heading that names no column is kept as an extra
    field, or dropped when ``ignore_extra``, with a warning either way; one that looks
    like a misspelt column name is an error unless dropped, so a typo never loses data
    or files it under another name silently."""
    header = Header([])
    if len(headings) > MAX_COLUMNS:
        reason = f"the header has {len(headings)} columns; at most {MAX_COLUMNS} are read"
        return Header([None] * len(headings), [loc.problem("header", reason)])
    for heading in headings:
        key = heading_key(heading)
        column = column_map.get(key) or (key if key in KNOWN_COLUMNS else _BY_ALIAS.get(key))
        if column is None:
            column = _unknown(heading, key, loc, header, ignore_extra)
        header.names.append(column)
    present = Counter(n for n in header.names if n)
    extra_keys = Counter(heading_key(n) for n in header.extra_columns)
    for name in sorted(n for n, times in present.items() if times > 1):
        label = name.removeprefix(EXTRA_PREFIX)
        header.problems.append(loc.problem(label, "column appears more than once"))
    for name in sorted(n for n in set(header.extra_columns) if extra_keys[heading_key(n)] > 1):
        if present[name] == 1:
            reason = "column appears more than once (headings differing only in case or spacing)"
            header.problems.append(loc.problem(name.removeprefix(EXTRA_PREFIX), reason))
    for name in REQUIRED_COLUMNS:
        if name not in present:
            header.problems.append(loc.problem(name, "required column is missing"))
    return header


def _unknown(heading: str, key: str, loc: Loc, header: Header, ignore_extra: bool) -> str | None:
    label = heading.strip() or "(empty)"
    near = _hint(key, NEAR_MISS)
    if ignore_extra:
        header.warnings.append(loc.problem(label, f"column not imported{_hint(key)}"))
        return None
    if near or not heading.strip():
        header.problems.append(loc.problem(label, f"unknown column{near}"))
        return None
    header.warnings.append(loc.problem(label, "unknown column kept as an extra field"))
    return EXTRA_PREFIX + restore(heading.strip())


def extra_name_problem(name: str) -> str | None:
    """Why an extra field cannot have this name: a file exported with it would read it
    back as one of the columns."""
    key = heading_key(name)
    column = key if key in KNOWN_COLUMNS else _BY_ALIAS.get(key)
    if column is not None:
        return f"{name!r} would be read back as column {column!r}; give it as that field"
    return None


def _hint(key: str, cutoff: float = 0.5) -> str:
    close = difflib.get_close_matches(key, [*KNOWN_COLUMNS, *_BY_ALIAS], n=1, cutoff=cutoff)
    if not close:
        return ""
    column = _BY_ALIAS.get(close[0], close[0])
    return f" (did you mean {column!r}?)"
