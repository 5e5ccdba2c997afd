"""Cell text for CSV output, and the reversible spreadsheet neutralisation.

A cell starting with ``= + - @``, tab or carriage return can run as a formula when a
CSV is opened in a spreadsheet. Export prefixes such cells with ``'`` (and cells that
already start with apostrophes before such a character, so the mapping is reversible);
import removes exactly one such apostrophe. Genuine numbers (``-12``) are left alone.
The stored data is never changed.
"""

from __future__ import annotations

import json
import re
from typing import Any

_RISKY = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value and value.lower().lstrip("+-") not in ("nan", "inf", "infinity")


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
