"""What the user may tell an import about its files instead of letting it guess."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from provenance.dates import DateOrder


@dataclass(frozen=True, slots=True)
class ImportOptions:
    encoding: str | None = None
    """Encoding of CSV files; detected when None."""
    delimiter: str | None = None
    """CSV delimiter; detected when None."""
    sheet: str | None = None
    """The sheet of a spreadsheet to read; required when a workbook has several."""
    date_order: DateOrder | None = None
    """How to read numeric dates such as 11/10/2024; ambiguous ones are errors when None."""
    column_map: Mapping[str, str] = field(default_factory=dict)
    """Header name (case-insensitive) -> column, beyond the built-in aliases."""
    ignore_extra: bool = False
    """Drop columns that are not recognised (with a warning) instead of refusing them."""
    strict: bool = False
    """Refuse a source detail that differs from the stored one instead of keeping a variant."""
    new_sources: bool = False
    """New sources are expected: no warning when one's name is close to a stored one."""
    replace_invalid_text: bool = False
    """Replace text that cannot be stored (a lone surrogate, a NUL) with U+FFFD and a
    warning, instead of refusing the field."""
