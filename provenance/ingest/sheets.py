"""Reading a spreadsheet (``.xlsx``, ``.ods``) as rows of text, numbered as the sheet shows.

pandas reads the workbook (openpyxl or odfpy, the ``spreadsheets`` extra) with every cell
as text, so the same row parser validates it as a CSV file; a date cell reads as ISO.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from provenance.errors import InputError, Problem
from provenance.ingest.readers import CsvRows

SPREADSHEET_SUFFIXES = {".xlsx": "openpyxl", ".ods": "odf"}
_MIDNIGHT = " 00:00:00"


def iter_sheet(path: Path, out: CsvRows, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cells)`` for every data row of one sheet; the first non-empty
    row is the header (``out.header``). A workbook with several sheets needs ``sheet``."""
    frame = _frame(path, sheet, out)
    for index, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = [_cell(v) for v in values]
        if not any(cells):
            continue
        if not out.header:
            out.header = cells
            continue
        yield index + 1, cells


def _frame(path: Path, sheet: str | None, out: CsvRows) -> Any:
    import pandas as pd

    name = str(path)
    engine = SPREADSHEET_SUFFIXES[path.suffix.lower()]
    try:
        frames = pd.read_excel(
            path, sheet_name=None, header=None, dtype=str, keep_default_na=False, engine=engine
        )
    except ImportError:
        reason = (
            f"reading {path.suffix} files needs the spreadsheets extra (provenance[spreadsheets])"
        )
        raise InputError([Problem(name, None, None, reason)]) from None
    except Exception as exc:  # a damaged or foreign file: the reader's own words
        raise InputError([Problem(name, None, None, f"not a readable workbook: {exc}")]) from None
    names = list(frames)
    if sheet is None and len(names) > 1:
        reason = f"the workbook has {len(names)} sheets ({', '.join(names)}); name the one to read"
        raise InputError([Problem(name, None, None, reason)])
    chosen = names[0] if sheet is None else sheet
    if chosen not in frames:
        reason = f"no sheet named {chosen!r}; the sheets are {', '.join(names)}"
        raise InputError([Problem(name, None, None, reason)])
    out.sheet = chosen
    return frames[chosen]


def _cell(value: Any) -> str:
    text = str(value)
    return text[: -len(_MIDNIGHT)] if text.endswith(_MIDNIGHT) else text
