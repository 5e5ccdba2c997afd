"""Export citations: one row per attribution, in the import CSV's columns.

Rows come from one streaming query in claim-key order, with each attribution's relays
from a second query in the same order merged alongside, so memory holds one claim's
rows at a time whatever the number of rows. Cells a claim, source or relay chain
contributes are formatted once and shared by its rows. Files are written atomically: a
temporary file beside the target is renamed over it only once complete, so a killed
export never leaves half a file.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import zip_longest
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from provenance import export_lines
from provenance.bulk import (
    RELAYS_SQL,
    Chains,
    copied_text,
    expanding_text,
    in_set,
    paused_gc,
    stream_batches,
    stream_rows,
)
from provenance.cells import QUOTED_CELL, cell_text, csv_cell, csv_writer, neutralise
from provenance.errors import OutputError, UsageError
from provenance.ingest.records import (
    CSV_COLUMNS,
    EXTRA_COLUMNS,
    READONLY_COLUMNS,
    RELAY_FIELDS,
)
from provenance.interchange import INTERCHANGE_FORMATS
from provenance.query import ClaimFilter, claim_where, values

EXPORT_COLUMNS = CSV_COLUMNS + EXTRA_COLUMNS + READONLY_COLUMNS
EXPORT_FORMATS = ("csv", "json", "jsonl")
WRITE_ROWS = 500

CLAIMS_SQL = (
    "SELECT c.id, c.key, c.text, c.category, c.subject, c.metric, c.location, c.quantity, "
    "c.qualifier, c.value, c.low, c.high, c.unit, c.as_of, c.language, c.status, m.key "
    "FROM claim c LEFT JOIN claim m ON m.id = c.merged_into_id WHERE {where} ORDER BY c.key"
)
"""The selected claims; ``{where}`` is a condition on ``c``."""
ATTRIBUTIONS_SQL = (
    "SELECT c.id, a.id, a.source_id, a.stance, a.credibility, a.quote, d.title, d.outlet, "
    "d.author, d.url, d.published, d.accessed, a.hedges, d.key, d.language "
    "FROM claim c JOIN attribution a ON a.claim_id = c.id "
    "LEFT JOIN document d ON d.id = a.document_id WHERE {where} ORDER BY c.key, a.id"
)
"""Their attributions, in the same order."""
_EXTRAS_SQL = (
    "SELECT a.id, e.name, e.value FROM claim c JOIN attribution a ON a.claim_id = c.id "
    "JOIN attribution_extra e ON e.attribution_id = a.id WHERE {where} "
    "ORDER BY c.key, a.id, e.name"
)
_SOURCES_SQL = (
    "SELECT s.id, COALESCE(s.merged_into_id, s.id), s.name, s.kind, s.named, s.affiliation, "
    "s.reliability, s.key, s.party, m.key FROM source s "
    "LEFT JOIN source m ON m.id = s.merged_into_id"
)
_REASONS_SQL = (
    "SELECT action, entity_key, after FROM event "
    "WHERE action IN ('retract', 'merge', 'merge_source') ORDER BY id"
)
"""Events that merge or retract; the latest of each claim or source is the one that
stands while it is merged or retracted (an undo restores it, a new one comes later)."""
_HELD = "JOIN attribution a ON a.claim_id = c.id"
_REPORTED = (
    "JOIN attribution a ON (a.reported_claim_id = c.id OR (a.claim_id = c.id "
    "AND a.reported_claim_id <> c.id "
    "AND a.reported_claim_id NOT IN (SELECT c.id FROM claim c WHERE {where})))"
)
"""A merged claim's reports sit on the claim it was merged into. When merged claims are
exported too, each report is listed under the claim it was reported as, so that an
import brings the merge back; a report whose own claim the export does not select stays
listed under the claim that holds it now."""
# Positions in an ATTRIBUTIONS_SQL row: the document's key and language.
_D_KEY, _D_LANGUAGE = 13, 14
_CACHE_LIMIT = 100_000
_SEPARATOR = "\x00"
_RISKY_START = re.compile("\x00['=+\\-@\\s]")


@dataclass
class ExportReport:
    rows: int
    path: str | None
    unit: str = "rows"


def _safe(cells: Sequence[Any], raw: bool) -> tuple[Any, ...]:
    """The cells with text a spreadsheet would run neutralised (unless ``raw``); one
    search over the joined text finds the rare cells that need a closer look."""
    if raw:
        return tuple(cells)
    joined = _SEPARATOR + _SEPARATOR.join([c for c in cells if c.__class__ is str])
    if not _RISKY_START.search(joined):
        return tuple(cells)
    return tuple(neutralise(c) if c.__class__ is str else c for c in cells)


def _fragment(cells: Sequence[Any]) -> str:
    return ",".join([csv_cell(c) for c in cells])


def standing_reasons(session: Session) -> dict[tuple[str, str], str]:
    """Why each claim (``("claim", key)``) or source (``("source", key)``) was last
    merged or retracted; it is the reason that stands while it still is."""
    out: dict[tuple[str, str], str] = {}
    for action, key, after in session.connection().exec_driver_sql(_REASONS_SQL):
        payload = json.loads(after) if after else {}
        reason = payload.get("reason")
        if action == "merge":
            target = ("claim", payload["claim"])
        else:
            target = ("claim" if action == "retract" else "source", key)
        if reason:
            out[target] = reason
        else:
            out.pop(target, None)
    return out


class _Source:
    """A source as its rows show it: typed fields, and CSV fragments made once."""

    __slots__ = (
        "canonical",
        "csv_a",
        "csv_b",
        "csv_merged",
        "csv_reason",
        "fields",
        "id",
        "merged",
        "named",
        "reason",
        "relay",
    )

    def __init__(self, r: Sequence[Any], raw: bool, reasons: dict[tuple[str, str], str]) -> None:
        self.id: int = r[0]
        self.canonical: int = r[1]
        self.named = bool(r[4])
        # name, kind, named, affiliation, reliability, key, party
        self.fields = (r[2], r[3], self.named, *r[5:9])
        flag = "true" if self.named else "false"
        self.merged: str | None = r[9]
        self.reason = reasons.get(("source", r[7])) if r[9] is not None else None
        cells = _safe((r[2], r[3], flag, r[5], r[6], r[7], r[8], r[9], self.reason), raw)
        self.csv_a = _fragment(cells[:5])
        self.csv_b = _fragment(cells[5:7])
        self.csv_merged = csv_cell(cells[7])
        self.csv_reason = csv_cell(cells[8])
        fields = (r[7], r[2], r[3], self.named, r[5], r[8], r[6], r[9], self.reason)
        self.relay = {k: v for k, v in zip(RELAY_FIELDS, fields, strict=True) if v is not None}


@dataclass
class _Claim:
    row: Sequence[Any]
    attributions: list[tuple[Sequence[Any], tuple[int, ...], dict[str, str] | None]]


class _Extras:
    """Each attribution's extra fields, from a stream of ``(attribution id, name,
    value)`` rows in the order the attributions are read."""

    def __init__(self, rows: Iterator[Sequence[Any]]) -> None:
        self.rows = rows
        self.pending = next(rows, None)

    def take(self, attribution_id: int) -> dict[str, str] | None:
        pending = self.pending
        if pending is None or pending[0] != attribution_id:
            return None
        fields: dict[str, str] = {}
        while pending is not None and pending[0] == attribution_id:
            fields[pending[1]] = pending[2]
            pending = next(self.rows, None)
        self.pending = pending
        return fields


def _by_reported(f: ClaimFilter) -> bool:
    """Whether merged claims are exported (then each report is listed under the claim it
    was reported as)."""
    return not values(f.status) or "merged" in values(f.status)


def _listed(sql: str, f: ClaimFilter) -> str:
    """A query over attributions with each under the claim the export lists it under."""
    if not _by_reported(f):
        return sql
    assert _HELD in sql
    return sql.replace(_HELD, _REPORTED)


class _Reader:
    """The selected claims one at a time, each with its attributions and their relays,
    merged from three streams in claim-key order; sources are read once. ``listing``
    turns a query over the attributions each claim holds into one over those the export
    lists under it."""

    def __init__(
        self,
        session: Session,
        where: tuple[str, dict[str, Any]],
        listing: Callable[[str], str],
        raw: bool,
        *,
        expand: bool = True,
        extras: bool = True,
    ) -> None:
        conn = session.connection()
        self.extras = extras
        """Whether the reports' extra fields are read (stored lines leave them out)."""
        self.where, self.params = where
        self.conn = conn
        self.listing = listing
        self.expand = expand
        self.reasons = standing_reasons(session)
        self.sources = {
            r[0]: _Source(r, raw, self.reasons) for r in conn.exec_driver_sql(_SOURCES_SQL)
        }
        self.listed: set[int] = set()
        """The sources the rows read so far name, as origin or relay."""

    @classmethod
    def of_filter(cls, session: Session, f: ClaimFilter, raw: bool) -> _Reader:
        where = claim_where(session.connection(), f)
        return cls(session, where, lambda sql: _listed(sql, f), raw)

    def _run(self, sql: str) -> Iterator[Sequence[Any]]:
        query = sql.format(where=self.where)
        for rows in stream_batches(self.conn, query, self.params, expand=self.expand):
            yield from rows

    def _listed(self, sql: str) -> Iterator[Sequence[Any]]:
        return self._run(self.listing(sql))

    def claims(self) -> Iterator[_Claim]:
        claims = self._run(CLAIMS_SQL)
        chains = Chains(self._listed(RELAYS_SQL))
        extras = _Extras(self._listed(_EXTRAS_SQL) if self.extras else iter(()))
        current: _Claim | None = None
        listed = self.listed
        for r in self._listed(ATTRIBUTIONS_SQL):
            listed.add(r[2])
            if current is None or current.row[0] != r[0]:
                if current is not None:
                    yield current
                row = next(claims)
                while row[0] != r[0]:
                    row = next(claims)
                current = _Claim(row, [])
            chain = chains.take(r[1])
            listed.update(chain)
            current.attributions.append((r, chain, extras.take(r[1])))
        if current is not None:
            yield current

    def unlisted_targets(self) -> list[_Source]:
        """Sources that a listed source was merged into but that no row names: each gets
        a row of its own (source columns only), so that an import can merge into it."""
        ids = {self.sources[i].canonical for i in self.listed} - self.listed
        return sorted((self.sources[i] for i in ids), key=lambda s: s.fields[5])

    def claim_reason(self, c: Sequence[Any]) -> str | None:
        """Why a merged or retracted claim is so."""
        return None if c[15] == "active" else self.reasons.get(("claim", c[1]))

    def counts(self, claim: _Claim) -> tuple[int, int, int]:
        """Reports, independent origins and named origins."""
        sources = [self.sources[r[2]] for r, _, _ in claim.attributions]
        origins = {s.canonical for s in sources}
        named = {s.canonical for s in sources if s.named}
        return len(sources), len(origins), len(named)


def _joined(values: Iterator[str]) -> str | None:
    return "; ".join(values) or None


def _via(sources: list[_Source]) -> tuple[Any, ...]:
    """via, via_keys, via_kinds, via_named and via_sources of a relay chain (typed)."""
    return (
        _joined(s.fields[0] for s in sources),
        _joined(s.fields[5] for s in sources),
        _joined(s.fields[1] for s in sources),
        _joined("true" if s.named else "false" for s in sources),
        [s.relay for s in sources] or None,
    )


def extra_names(session: Session, f: ClaimFilter) -> list[str]:
    """The names of the extra fields the selected rows carry, in name order: the
    columns a CSV export adds after EXPORT_COLUMNS."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    sql = (
        "SELECT DISTINCT e.name FROM claim c JOIN attribution a ON a.claim_id = c.id "
        "JOIN attribution_extra e ON e.attribution_id = a.id WHERE {where} ORDER BY e.name"
    )
    return [r[0] for r in stream_rows(conn, _listed(sql, f).format(where=where), params)]


def iter_rows(session: Session, f: ClaimFilter) -> Iterator[list[Any]]:
    """Rows in EXPORT_COLUMNS order (typed values), then the row's extra fields (a
    mapping, or None); claims by key, attributions by id."""
    reader = _Reader.of_filter(session, f, raw=True)
    sources = reader.sources
    for claim in reader.claims():
        c = claim.row
        counts = reader.counts(claim)
        reason = reader.claim_reason(c)
        for r, chain, extra in claim.attributions:
            s = sources[r[2]]
            via = _via([sources[i] for i in chain])
            yield [
                *c[1:14],
                r[3],
                *s.fields[:5],
                r[4],
                via[0],
                *r[5:12],
                c[14],
                r[12],
                *s.fields[5:],
                via[1],
                r[_D_KEY],
                *via[2:],
                r[_D_LANGUAGE] if r[_D_KEY] is not None else None,
                c[15],
                c[16],
                s.merged,
                reason,
                s.reason,
                *counts,
                extra,
            ]
    for s in reader.unlisted_targets():
        yield _source_only(s)


def _source_only(s: _Source) -> list[Any]:
    """A row naming only a source (typed values, then no extra fields)."""
    row: dict[str, Any] = dict.fromkeys(EXPORT_COLUMNS)
    fields = ("source", "source_kind", "source_named", "source_affiliation", "reliability")
    row.update(zip(fields, s.fields[:5], strict=True))
    row.update(source_key=s.fields[5], source_party=s.fields[6])
    return [*row.values(), None]


# --- CSV ---------------------------------------------------------------------------------


class _CsvRows:
    """Rows as CSV lines, from fragments made once per claim, source and relay chain;
    only an attribution's own cells are quoted row by row."""

    def __init__(self, reader: _Reader, raw: bool, extra: list[str]) -> None:
        self.reader = reader
        self.raw = raw
        self.extra = extra
        self.chains: dict[tuple[int, ...], tuple[str, str, str]] = {}

    def _claim(self, c: Sequence[Any]) -> tuple[str, str, str, str]:
        """The claim's cells, its language cell, its status and merged_into cells, and
        its status_reason cell."""
        cells = [*c[1:14], c[14], c[15], c[16], self.reader.claim_reason(c)]
        for i in (8, 9, 10):  # value, low, high
            if cells[i] is not None:
                cells[i] = cell_text(cells[i])
        safe = _safe(cells, self.raw)
        return _fragment(safe[:13]), csv_cell(safe[13]), _fragment(safe[14:16]), csv_cell(safe[16])

    def _chain(self, chain: tuple[int, ...]) -> tuple[str, str, str]:
        """The via cell, and the via_kinds, via_named and via_sources cells after it."""
        cells = self.chains.get(chain)
        if cells is None:
            sources = self.reader.sources
            via = _via([sources[i] for i in chain])
            relays = json.dumps(via[4], ensure_ascii=False) if chain else None
            safe = _safe((*via[:4], relays), self.raw)
            cells = (csv_cell(safe[0]), csv_cell(safe[1]), _fragment(safe[2:]))
            if len(self.chains) >= _CACHE_LIMIT:
                self.chains.clear()
            self.chains[chain] = cells
        return cells

    def lines(self, claim: _Claim) -> Iterator[str]:
        head, language, status, reason = self._claim(claim.row)
        reports, origins, named = self.reader.counts(claim)
        tail = f"{reports},{origins},{named}\n"
        sources = self.reader.sources
        raw = self.raw
        search = QUOTED_CELL.search
        for r, chain, extra in claim.attributions:
            s = sources[r[2]]
            via, via_keys, via_rest = self._chain(chain)
            own = _safe(
                (r[3], r[4], *r[5:12], r[12], r[_D_KEY],
                 r[_D_LANGUAGE] if r[_D_KEY] is not None else None),
                raw,
            )  # fmt: skip
            q = [
                ("" if v is None else str(v)) if v.__class__ is not str
                else ('"' + v.replace('"', '""') + '"') if search(v) else v
                for v in own
            ]  # fmt: skip
            cells = [
                head, q[0], s.csv_a, q[1], via, *q[2:9], language, q[9], s.csv_b,
                via_keys, q[10], via_rest, q[11], status, s.csv_merged, reason, s.csv_reason,
            ]  # fmt: skip
            if self.extra:
                fields = extra or {}
                values = _safe([fields.get(n) for n in self.extra], raw)
                yield ",".join(cells) + "," + tail[:-1] + "," + _fragment(values) + "\n"
                continue
            yield ",".join(cells) + "," + tail

    def source_line(self, s: _Source) -> str:
        """A row naming only a source."""
        return _source_line(s, self.raw, self.extra)


def _source_line(s: _Source, raw: bool, extra: list[str]) -> str:
    row = _source_only(s)
    row.pop()
    cells = [("true" if v else "false") if v.__class__ is bool else v for v in row]
    return _fragment(_safe([*cells, *(None for _ in extra)], raw)) + "\n"


def _write_csv(
    session: Session, f: ClaimFilter, out: IO[str], raw: bool, on_row: Callable[[], None] | None
) -> int:
    reader = _Reader.of_filter(session, f, raw)
    names = extra_names(session, f)
    rows = _CsvRows(reader, raw, names)
    csv_writer(out).writerow([*EXPORT_COLUMNS, *_safe(names, raw)])
    out.flush()  # the header is on disk while the rows are read
    n = 0
    batch: list[str] = []
    for claim in reader.claims():
        batch.extend(rows.lines(claim))
        if len(batch) >= WRITE_ROWS:
            n += _flush(batch, out, on_row)
    batch.extend(rows.source_line(s) for s in reader.unlisted_targets())
    return n + _flush(batch, out, on_row)


def _flush(batch: list[str], out: IO[str], on_row: Callable[[], None] | None) -> int:
    out.write("".join(batch))
    n = _counted(len(batch), on_row)
    batch.clear()
    return n


def _counted(n: int, on_row: Callable[[], None] | None) -> int:
    if on_row:
        for _ in range(n):
            on_row()
    return n


# --- stored lines ------------------------------------------------------------------------

LINES_VERSION = "1"
"""Bump when a line's rendering changes: stored lines of another version are made again."""
RENDERER = export_lines.renderer_id(EXPORT_COLUMNS, LINES_VERSION)
_STORED_LISTING = "JOIN attribution a ON a.reported_claim_id = c.id"
"""Stored lines list each report under the claim it was reported as, as an export of
every claim does."""
_STORED_SQL = (
    "SELECT l.attribution_id, {line}, l.merged_sources FROM claim c "
    "JOIN export_line l ON l.claim_key = c.key WHERE {where} ORDER BY c.key, l.attribution_id"
)
_STORED_ALL_SQL = (
    "SELECT l.attribution_id, {line}, l.merged_sources FROM export_line l "
    "ORDER BY l.claim_key, l.attribution_id"
)
"""An export of every claim: the table in its own order."""
_COPY_SQL = {
    True: "SELECT l.line FROM export_line l ORDER BY l.claim_key, l.attribution_id",
    False: (
        "SELECT l.line FROM claim c JOIN export_line l ON l.claim_key = c.key "
        "WHERE {where} ORDER BY c.key, l.attribution_id"
    ),
}
_MERGED_SQL = {
    True: "SELECT l.merged_sources FROM export_line l WHERE l.merged_sources IS NOT NULL",
    False: (
        "SELECT l.merged_sources FROM claim c JOIN export_line l ON l.claim_key = c.key "
        "WHERE {where} AND l.merged_sources IS NOT NULL"
    ),
}
"""An export on PostgreSQL, to a UTF-8 file, of every claim (True) or of those of some
statuses (False; the default export is of active claims): the lines alone, in the
order above, by COPY (``copied_text``), and the merged sources' targets, which few
lines have, by a query of their own."""
_AS_UTF8 = {"sqlite": "CAST(l.line AS BLOB)"}
"""A line as its UTF-8 bytes: written to a UTF-8 file as they are, never decoded.
PostgreSQL sends bytes as hex text, twice the size, so its lines come as text and are
encoded here."""
_STORED_EXTRAS_SQL = (
    "SELECT l.attribution_id, e.name, e.value FROM claim c "
    "JOIN export_line l ON l.claim_key = c.key "
    "JOIN attribution_extra e ON e.attribution_id = l.attribution_id WHERE {where} "
    "ORDER BY c.key, l.attribution_id, e.name"
)
_STORED_SOURCES_SQL = (
    "SELECT a.source_id FROM claim c JOIN export_line l ON l.claim_key = c.key "
    "JOIN attribution a ON a.id = l.attribution_id WHERE {where} AND a.source_id IN :targets "
    "UNION SELECT r.source_id FROM claim c JOIN export_line l ON l.claim_key = c.key "
    "JOIN relay r ON r.attribution_id = l.attribution_id "
    "WHERE {where} AND r.source_id IN :targets"
)
"""Which of the sources merged ones point at the listed rows name themselves."""
_CROSSED_SQL = {
    True: (
        "SELECT 1 FROM attribution a JOIN claim c ON c.id = a.claim_id "
        "WHERE a.claim_id <> a.reported_claim_id AND {where} "
        "AND a.reported_claim_id NOT IN (SELECT c.id FROM claim c WHERE {where}) LIMIT 1"
    ),
    False: (
        "SELECT 1 FROM attribution a JOIN claim c ON c.id IN (a.claim_id, a.reported_claim_id) "
        "WHERE a.claim_id <> a.reported_claim_id AND {where} LIMIT 1"
    ),
}
"""A report the selection lists under another claim than the stored lines do (a merged
claim's report, listed under the claim holding it)."""


def _stored_listing(sql: str) -> str:
    assert _HELD in sql
    return sql.replace(_HELD, _STORED_LISTING)


def _merged_targets(sources: dict[int, _Source], ids: Sequence[int]) -> str | None:
    """The sources that merged sources among ``ids`` now point at, as stored."""
    targets = {sources[i].canonical for i in ids if sources[i].canonical != i}
    return " ".join(str(t) for t in sorted(targets)) or None


def stored_lines(
    session: Session, claims: set[int] | None
) -> Iterator[tuple[str, int, int, str, str | None]]:
    """(claim key, report, claim, CSV line, merged sources' targets) for every report of
    ``claims`` (of every claim when None), rendered as an export of every claim does."""
    conn = session.connection()
    where: tuple[str, dict[str, Any]] = ("1=1", {})
    if claims is not None:
        cond, param = in_set(conn, "c.id", "claims", sorted(claims))
        where = (cond, {"claims": param})
    reader = _Reader(session, where, _stored_listing, raw=False, expand=False, extras=False)
    rows = _CsvRows(reader, raw=False, extra=[])
    sources = reader.sources
    for claim in reader.claims():
        c = claim.row
        lines = rows.lines(claim)
        for (r, chain, _), line in zip(claim.attributions, lines, strict=True):
            yield c[1], r[1], c[0], line, _merged_targets(sources, (r[2], *chain))


def refresh_stored_lines(session: Session) -> int:
    """Render again the stored lines the session's events made stale (all of them when
    that is cheaper); returns how many were written."""
    conn = session.connection()
    if not export_lines.present(conn) or export_lines.current(conn, RENDERER):
        return 0
    claims = export_lines.stale_claims(conn, RENDERER)
    with paused_gc():
        try:
            return export_lines.replace(conn, claims, stored_lines(session, claims), RENDERER)
        except _UNRENDERABLE:
            return 0  # left not current: exports render (and fail) as before; check says why


_UNRENDERABLE = (LookupError, TypeError, ValueError)
"""What rendering raises on rows changed behind provenance's back (a report naming a
missing source, a text that is not text)."""


def stored_line_problems(session: Session, limit: int = 20) -> list[str]:
    """Where the stored lines differ from what the tables give now (nothing to say when
    they are not current: an export then renders every row itself)."""
    conn = session.connection()
    if not export_lines.present(conn) or not export_lines.current(conn, RENDERER):
        return []
    sql = f"SELECT {', '.join(export_lines.LINE_COLUMNS)} FROM export_line ORDER BY 1, 2"
    pairs = zip_longest(stream_rows(conn, sql, {}), stored_lines(session, None))
    try:
        return _differences(pairs, limit)
    except _UNRENDERABLE as exc:
        return [f"the lines cannot be rendered again from the tables ({type(exc).__name__}: {exc})"]


def _differences(pairs: Iterator[tuple[Any, Any]], limit: int) -> list[str]:
    problems: list[str] = []
    for kept, fresh in pairs:
        if kept is None or fresh is None or (kept[0], kept[1]) != (fresh[0], fresh[1]):
            report = (fresh or kept or ("", "?"))[1]
            problems.append(
                f"the stored lines are out of step with the reports from report {report} on"
            )
            break
        if tuple(kept) != fresh:
            problems.append(f"report {fresh[1]}: its stored line differs from its data")
            if len(problems) >= limit:
                problems.append("(more not listed)")
                break
    return problems


def _stored_csv(
    session: Session,
    f: ClaimFilter,
    out: IO[str],
    on_row: Callable[[], None] | None,
    utf8: Callable[[bytes], object] | None,
) -> int | None:
    """The CSV export from the stored lines, or None when they cannot give it (not
    current, or the selection lists a report elsewhere). ``utf8``: writes to the
    binary file under ``out`` when that is UTF-8 without newline translation."""
    conn = session.connection()
    if not export_lines.current(conn, RENDERER):
        return None
    where, params = claim_where(conn, f)
    crossed = _CROSSED_SQL[_by_reported(f)].format(where=where)
    if conn.execute(expanding_text(crossed, params), params).first() is not None:
        return None
    names = extra_names(session, f)
    csv_writer(out).writerow([*EXPORT_COLUMNS, *_safe(names, False)])
    out.flush()
    as_bytes = utf8 is not None and not names
    raw_bytes = as_bytes and conn.dialect.name in _AS_UTF8
    line = _AS_UTF8[conn.dialect.name] if raw_bytes else "l.line"
    sql = (_STORED_ALL_SQL if where == "1=1" else _STORED_SQL).format(line=line, where=where)
    extras = _Extras(iter(()))
    if names:
        extras = _Extras(stream_rows(conn, _STORED_EXTRAS_SQL.format(where=where), params))
    targets: set[int] = set()
    n = 0
    if utf8 is not None and as_bytes and conn.dialect.name == "postgresql" and _by_status(f):
        n = _copy_lines(conn, where, params, utf8, on_row, targets)
    else:
        for rows in stream_batches(conn, sql, params):
            for merged in [r[2] for r in rows if r[2] is not None]:
                targets.update(int(t) for t in merged.split())
            if utf8 is not None and as_bytes:
                lines = [r[1] for r in rows]
                utf8(b"".join(lines) if raw_bytes else "".join(lines).encode())
                n += _counted(len(rows), on_row)
            elif names:
                rows_out = [_with_extras(r[1], extras.take(r[0]), names) for r in rows]
                n += _flush(rows_out, out, on_row)
            else:
                n += _flush([r[1] for r in rows], out, on_row)
    unlisted = _unlisted(session, where, params, targets)
    return n + _flush([_source_line(s, False, names) for s in unlisted], out, on_row)


def _by_status(f: ClaimFilter) -> bool:
    """Whether the filter selects claims by their status alone (or selects every one)."""
    return replace(f, status=None) == ClaimFilter(status=None)


def _copy_lines(
    conn: Connection,
    where: str,
    params: dict[str, Any],
    utf8: Callable[[bytes], object],
    on_row: Callable[[], None] | None,
    targets: set[int],
) -> int:
    """The selected stored lines, in export order, written as PostgreSQL's COPY sends
    them (UTF-8 bytes, never decoded to text); the merged sources' targets go into
    ``targets``. Returns the number of lines."""
    every = where == "1=1"
    n = 0
    for count, data in copied_text(conn, _COPY_SQL[every].format(where=where), params):
        utf8(data)
        n += _counted(count, on_row)
    for (merged,) in stream_rows(conn, _MERGED_SQL[every].format(where=where), params):
        targets.update(int(t) for t in merged.split())
    return n


def _with_extras(line: str, fields: dict[str, str] | None, names: list[str]) -> str:
    """A stored line with the export's extra columns after it."""
    cells = _safe([(fields or {}).get(name) for name in names], False)
    return f"{line[:-1]},{_fragment(cells)}\n"


def _unlisted(
    session: Session, where: str, params: dict[str, Any], targets: set[int]
) -> list[_Source]:
    """Of the sources merged sources point at, those no listed row names, by key."""
    if not targets:
        return []
    conn = session.connection()
    found = {
        int(r[0])
        for r in stream_rows(
            conn, _STORED_SOURCES_SQL.format(where=where), {**params, "targets": sorted(targets)}
        )
    }
    missing = sorted(targets - found)
    if not missing:
        return []
    reasons = standing_reasons(session)
    sql = _SOURCES_SQL + " WHERE s.id IN :ids"
    chosen = [_Source(r, False, reasons) for r in stream_rows(conn, sql, {"ids": missing})]
    return sorted(chosen, key=lambda s: s.fields[5])


_LIST_COLUMNS = tuple(EXPORT_COLUMNS.index(c) for c in ("via", "via_keys", "hedges"))


def _json_record(row: list[Any]) -> dict[str, Any]:
    """A row as JSON gives it: lists (relays, their keys, hedges) are arrays, as in
    ``show``; CSV joins them with ``; ``, which no name or hedge contains. Extra
    fields are one object."""
    extra = row.pop()
    for i in _LIST_COLUMNS:
        row[i] = row[i].split("; ") if row[i] else []
    record = dict(zip(EXPORT_COLUMNS, row, strict=True))
    record["extra"] = extra or {}
    return record


def _write_json(
    rows: Iterator[list[Any]], out: IO[str], fmt: str, on_row: Callable[[], None] | None
) -> int:
    n = 0
    if fmt == "json":
        out.write("[")
    for row in rows:
        record = json.dumps(_json_record(row), ensure_ascii=False)
        if fmt == "json":
            out.write(("\n" if n == 0 else ",\n") + record)
        else:
            out.write(record + "\n")
        n += 1
        if on_row:
            on_row()
    if fmt == "json":
        out.write("\n]\n" if n else "]\n")
    return n


def write_rows(
    session: Session,
    f: ClaimFilter,
    out: IO[str],
    fmt: str,
    *,
    raw: bool = False,
    on_row: Callable[[], None] | None = None,
    utf8: Callable[[bytes], object] | None = None,
    stored: bool = True,
) -> int:
    """Write the filter's rows to ``out`` in the format; returns the row count.
    ``utf8``: writes to the binary file under ``out``, when ``out`` writes UTF-8 to it
    as it is (no newline translation), for text that is already encoded.
    ``stored=False`` renders every row even where stored lines could give it."""
    if fmt not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS + INTERCHANGE_FORMATS)
        raise UsageError(f"unknown export format {fmt!r}; use one of {known}")
    with paused_gc():
        if fmt == "csv" and not raw and stored:
            written = _stored_csv(session, f, out, on_row, utf8)
            if written is not None:
                return written
        if fmt == "csv":
            return _write_csv(session, f, out, raw, on_row)
        return _write_json(iter_rows(session, f), out, fmt, on_row)


def _file_mode(path: Path) -> int:
    """The mode a plain ``open`` would give: the old file's when overwriting, else the
    umask's (mkstemp's own 0600 would hide exports from the rest of a team)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


SQLITE_HEADER = b"SQLite format 3\x00"
_SIGNALS = ("SIGTERM", "SIGHUP")


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _refuse_target(path: Path, *, force: bool, protected: tuple[Path, ...]) -> None:
    """Refuse a target whose replacement would destroy data: a database, the database
    being read (or its journal), a dangling symbolic link, an existing file unless forced."""
    shown = repr(str(path))
    target = path.resolve()
    for p in protected:
        if target == p.resolve() or (path.exists() and p.exists() and path.samefile(p)):
            raise OutputError(f"{shown} is the database being exported; choose another file")
    if _is_sqlite_file(path):
        raise OutputError(f"{shown} is an SQLite database; export never overwrites one")
    if path.is_symlink() and not path.exists() and not force:
        raise OutputError(
            f"{shown} is a symbolic link to nothing; pass {{force}} to replace it",
            params=("force",),
        )
    if path.exists() and not force:
        raise OutputError(f"{shown} exists; pass {{force}} to overwrite it", params=("force",))
    if path.is_dir():
        raise OutputError(f"{shown} is a directory")


def _remove_stale_partials(directory: Path, name: str) -> None:
    """Temporary files of earlier exports to the same target whose process is gone
    (killed with SIGKILL, which no handler can catch)."""
    for tmp in directory.glob(f".{name}.*.partial"):
        pid = tmp.name[len(name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _signals_raise() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP unwind the stack (so the file is
    removed) instead of ending the process where it stands."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    numbers = [getattr(signal, n) for n in _SIGNALS if hasattr(signal, n)]
    previous = {n: signal.signal(n, _raise) for n in numbers}
    try:
        yield
    finally:
        for n, handler in previous.items():
            signal.signal(n, handler)


def _hold_signals() -> set[int] | None:
    """Block the stopping signals (interrupt, terminate, hang-up) while the temporary
    file is created: one arriving between its creation and the block that removes it
    would leave it behind. Returns what to unblock (None off the main thread)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    numbers = {getattr(signal, n) for n in (*_SIGNALS, "SIGINT") if hasattr(signal, n)}
    already = signal.pthread_sigmask(signal.SIG_BLOCK, numbers)
    return {n for n in numbers if n not in already}


def _release_signals(held: set[int] | None) -> None:
    """Unblock what ``_hold_signals`` blocked; a signal that came meanwhile is handled
    now, inside the block that removes the temporary file."""
    import signal

    if held:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


@contextmanager
def atomic_file(
    path: Path, *, force: bool, protected: tuple[Path, ...] = ()
) -> Iterator[io.TextIOWrapper]:
    """A text file that appears at ``path`` only when the block completes; its temporary
    file is removed on any exit, and one left by a killed export is removed next time."""
    _refuse_target(path, force=force, protected=protected)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"no directory {str(directory)!r} for the output file")
    _remove_stale_partials(directory, path.name)
    with _signals_raise():
        held = _hold_signals()
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{path.name}.{os.getpid()}.", suffix=".partial", dir=directory
            )
        except OSError as exc:
            _release_signals(held)
            raise OutputError(f"cannot write in {str(directory)!r}: {exc.strerror}") from None
        try:
            _release_signals(held)
            os.chmod(tmp, _file_mode(path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            if _is_sqlite_file(path):  # became a database while we wrote
                raise OutputError(
                    f"{str(path)!r} is an SQLite database; export never overwrites one"
                )
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise OutputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def database_files(session: Session) -> tuple[Path, ...]:
    """The files of the session's SQLite database (none for a server)."""
    engine = session.connection().engine
    name = engine.url.database if engine.dialect.name == "sqlite" else None
    if not name or name == ":memory:":
        return ()
    base = Path(name)
    return (base, *(Path(f"{name}{s}") for s in ("-wal", "-shm", "-journal")))


def export(
    session: Session,
    f: ClaimFilter,
    *,
    out_path: Path | None,
    out: IO[str] | None = None,
    fmt: str = "csv",
    raw: bool = False,
    force: bool = False,
    on_row: Callable[[], None] | None = None,
) -> ExportReport:
    if fmt in INTERCHANGE_FORMATS:
        return _export_interchange(session, f, fmt, out_path=out_path, out=out, force=force)
    if out_path is None:
        assert out is not None
        return ExportReport(write_rows(session, f, out, fmt, raw=raw, on_row=on_row), None)
    with atomic_file(out_path, force=force, protected=database_files(session)) as fh:
        n = write_rows(session, f, fh, fmt, raw=raw, on_row=on_row, utf8=fh.buffer.write)
    return ExportReport(n, str(out_path))


def _export_interchange(
    session: Session,
    f: ClaimFilter,
    fmt: str,
    *,
    out_path: Path | None,
    out: IO[str] | None,
    force: bool,
) -> ExportReport:
    """Citations, ClaimReview and PROV (see ``provenance.interchange``)."""
    from provenance.interchange import write

    if out_path is None:
        assert out is not None
        n, unit = write(session, f, fmt, out)
        return ExportReport(n, None, unit)
    with atomic_file(out_path, force=force) as fh:
        n, unit = write(session, f, fmt, fh)
    return ExportReport(n, str(out_path), unit)


def count_rows(session: Session, f: ClaimFilter) -> int:
    conn = session.connection()
    where, params = claim_where(conn, f)
    claim = "reported_claim_id" if _by_reported(f) else "claim_id"
    sql = f"SELECT COUNT(*) FROM attribution a JOIN claim c ON c.id = a.{claim} WHERE {where}"
    return int(conn.execute(expanding_text(sql, params), params).scalar_one())
