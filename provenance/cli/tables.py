"""Tables that fit the terminal: column priorities and minimum widths.

Rich shrinks every column of a table that is too wide, down to nothing; here the
widths are decided first. Each column has a kind: a *key* is never broken inside a
word (it wraps only after a hyphen, underscore or dot), a *compact* column (counts,
dates, grades) never wraps, and *text* wraps between words. Columns are taken in
priority order while their minimum widths fit; those that do not are left out, and
stderr says which, rather than being squeezed to zero width.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import typer

from provenance.cells import cell_text

KEY_COLUMNS = frozenset(
    ("key", "entity_key", "claim_a", "claim_b", "keep", "other", "claims", "merged_into")
)
COMPACT_COLUMNS = frozenset(
    (
        "event",
        "at",
        "as_of",
        "reports",
        "origins",
        "named_origins",
        "named",
        "reliability",
        "as_origin",
        "as_relay",
        "score",
        "status",
        "kind",
        "category",
        "severity",
        "action",
        "undone",
        "count",
    )
)
# Lower is kept first when the terminal is narrow; unknown columns come after these.
PRIORITY = {
    "key": 0,
    "event": 0,
    "value": 0,
    "claim": 1,
    "name": 1,
    "count": 1,
    "keep": 1,
    "other": 1,
    "claim_a": 1,
    "claim_b": 1,
    "action": 2,
    "entity_key": 2,
    "sources": 2,
    "score": 2,
    "kind": 3,
    "as_of": 3,
    "quantity": 3,
    "summary": 3,
    "reasons": 3,
    "at": 4,
    "named": 4,
    "reliability": 4,
    "affiliation": 5,
    "reports": 5,
    "origin": 5,
    "as_origin": 5,
    "party": 6,
    "origins": 6,
    "actor": 6,
    "via": 7,
    "aliases": 7,
    "as_relay": 7,
    "status": 7,
    "undone": 8,
}
TEXT_MIN = 12  # a wrapping column narrower than this is harder to read than none
READABLE_MIN = {"claim": 28, "summary": 24, "name": 18, "explanation": 28, "reasons": 20}
GAP = 2  # between columns


@dataclass
class Column:
    name: str
    header: str
    cells: list[str]
    kind: str  # key, compact or text
    priority: int
    minimum: int
    natural: int


def _words(text: str, kind: str) -> list[str]:
    if kind == "key":
        return re.findall(r"[^-_./]*[-_./]?", text) or [text]
    return text.split() or [text]


def _column(name: str, cells: list[str], position: int) -> Column:
    header = name.replace("_", " ")
    kind = "key" if name in KEY_COLUMNS else "compact" if name in COMPACT_COLUMNS else "text"
    lines = [line for c in cells for line in c.splitlines()] or [""]
    natural = max(max(len(x) for x in lines), *(len(w) for w in header.split()))
    longest_word = max(len(w) for x in lines for w in _words(x, kind))
    header_word = max(len(w) for w in header.split())
    if kind == "compact":
        natural = minimum = max(natural, len(header))
    elif kind == "key":
        minimum = max(longest_word, header_word)
    else:
        minimum = min(natural, max(READABLE_MIN.get(name, TEXT_MIN), header_word))
    return Column(name, header, cells, kind, PRIORITY.get(name, 10 + position), minimum, natural)


def fit(columns: list[Column], width: int) -> tuple[list[Column], dict[str, int]]:
    """The columns that fit in ``width`` (in their display order) and their widths."""
    chosen: list[Column] = []
    for col in sorted(columns, key=lambda c: c.priority):
        trial = [*chosen, col]
        if sum(c.minimum for c in trial) + GAP * (len(trial) - 1) <= width or not chosen:
            chosen = trial
    widths = {c.name: c.minimum for c in chosen}
    spare = width - sum(widths.values()) - GAP * (len(chosen) - 1)
    for c in sorted(chosen, key=lambda c: c.priority):  # whole keys first
        if c.kind == "key":
            add = min(spare, c.natural - widths[c.name])
            widths[c.name] += add
            spare -= add
    growing = [c for c in sorted(chosen, key=lambda c: c.priority) if widths[c.name] < c.natural]
    while spare > 0 and growing:
        share = max(1, spare // len(growing))
        for c in list(growing):
            add = min(share, c.natural - widths[c.name], spare)
            widths[c.name] += add
            spare -= add
            if widths[c.name] >= c.natural:
                growing.remove(c)
            if spare == 0:
                break
    shown = [c for c in columns if c.name in widths]
    return shown, widths


def wrap_key(text: str, width: int) -> str:
    """A key on as many lines as it needs, broken only after ``-``, ``_``, ``.`` or ``/``."""
    lines: list[str] = []
    line = ""
    for part in _words(text, "key"):
        if line and len(line) + len(part) > width:
            lines.append(line)
            line = ""
        line += part
    lines.append(line)
    return "\n".join(lines)


def indenting_console(stderr: bool = False) -> Any:
    """A Rich console on which a line printed with leading spaces keeps that indent
    on every line it wraps to (``audit unnamed``, ``conflicts`` at 80 columns), and
    which leaves no padding at the end of lines."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    class IndentingConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:
            line = objects[0] if len(objects) == 1 else None
            if isinstance(line, str) and line[:1] == " " and "\n" not in line:
                body = line.lstrip(" ")
                indent = len(line) - len(body)
                text = Text.from_markup(body) if kwargs.pop("markup", True) else Text(body)
                objects = (Padding(text, (0, 0, 0, indent), expand=False),)
            with self.capture() as captured:
                super().print(*objects, **kwargs)
            lines = captured.get().splitlines()
            typer.echo("\n".join(line.rstrip() for line in lines), err=self.stderr)

    return IndentingConsole(stderr=stderr, highlight=False, soft_wrap=False)


def print_table(
    rows: list[dict[str, Any]],
    names: Sequence[str],
    *,
    title: str | None = None,
    cell: Callable[[str, Any], str] | None = None,
    out: Any = None,
) -> None:
    from rich.box import SIMPLE_HEAD
    from rich.table import Table
    from rich.text import Text  # stored text is never read as markup

    from provenance.cli.common import console

    out = out or console()
    text = {n: [cell(n, r.get(n)) if cell else cell_text(r.get(n)) for r in rows] for n in names}
    columns = [_column(n, text[n], i) for i, n in enumerate(names)]
    shown, widths = fit(columns, out.width)
    table = Table(
        title=title,
        box=SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold",
    )
    for c in shown:
        table.add_column(
            c.header,
            width=widths[c.name],
            overflow="fold",
        )
    for i in range(len(rows)):
        table.add_row(
            *[
                Text(wrap_key(c.cells[i], widths[c.name]) if c.kind == "key" else c.cells[i])
                for c in shown
            ]
        )
    out.print(table)
    hidden = [c.header for c in columns if c.name not in widths]
    if hidden:
        shown_at = f"not shown at {out.width} columns: {', '.join(hidden)}"
        typer.echo(f"{shown_at} (use --format csv or json)", err=True)
