"""Cell text for CSV output, and the reversible spreadsheet neutralisation.

A cell can run as a formula when a CSV is opened in a spreadsheet if it starts with a
tab, carriage return or line feed, or if its first character after any leading
whitespace and line breaks is ``= + - @`` (the OWASP list, plus line breaks, which a
CR-aware parser such as a spreadsheet or pandas treats as the start of a line). Export
prefixes such cells with ``'`` (and cells that already start with apostrophes before
such a start, so the mapping is reversible); import removes exactly one such apostrophe.
Genuine numbers (``-12``) are left alone. The stored data is never changed.

``csv_writer`` quotes every cell holding a carriage return as well as those holding a
line feed, quote or comma: Python's writer quotes only the line terminator's characters.
"""

from __future__ import annotations

import json
import re
from typing import Any

_RISKY = re.compile(r"^'*(?:[\t\r\n]|\s*[=+\-@])")
_ESCAPED = re.compile(r"^'+(?:[\t\r\n]|\s*[=+\-@])")
_RISKY_FIRST = frozenset("=+-@'")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value and value.lower().lstrip("+-") not in ("nan", "inf", "infinity")


def needs_check(value: str) -> bool:
    """Whether ``neutralise`` may change the cell (fast path for exports)."""
    return bool(value) and (value[0] in _RISKY_FIRST or value[0].isspace())


def neutralise(value: str) -> str:
    if _RISKY.match(value) and not _is_number(value):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo ``neutralise`` (used by CSV import)."""
    if not value.startswith("'"):
        return value
    if _ESCAPED.match(value) and not _is_number(value[1:]):
        return value[1:]
    return value


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        from provenance.quantities import format_number

        return format_number(value)
    if isinstance(value, list | tuple):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


QUOTED_CELL = re.compile('[,"\r\n]')
"""Text the csv module quotes: a comma, quote, carriage return or line feed."""


def csv_cell(value: Any) -> str:
    """A cell exactly as ``csv_writer`` writes it (minimal quoting), for writers that
    build lines from parts formatted once."""
    if value is None:
        return ""
    if value.__class__ is not str:
        return str(value)
    if QUOTED_CELL.search(value):
        return '"' + value.replace('"', '""') + '"'
    return str(value)


class _NewlineRows:
    """Turns the ``\\r\\n`` each row ends with back into ``\\n`` (the writer runs with a
    ``\\r\\n`` terminator only so that it quotes carriage returns inside cells)."""

    __slots__ = ("out",)

    def __init__(self, out: Any) -> None:
        self.out = out

    def write(self, line: str) -> Any:
        return self.out.write(line[:-2] + "\n" if line.endswith("\r\n") else line)


def csv_writer(out: Any) -> Any:
    """A ``csv.writer`` that ends rows with ``\\n`` and quotes every cell holding a
    comma, quote, line feed or carriage return, so any CSV parser reads each cell back."""
    import csv

    return csv.writer(_NewlineRows(out), lineterminator="\r\n")
