"""Export citations: one row per attribution, in the import CSV's columns.

Claims are paged by key (keyset pagination), and each page's attributions, relays and
corroboration counts are fetched in a few queries, so memory does not grow with the
number of rows. Files are written atomically: a temporary file beside the target is
renamed over it only once complete, so a killed export never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from provenance.cells import cell_text, csv_writer, needs_check, neutralise
from provenance.errors import OutputError, UsageError
from provenance.ingest.records import CSV_COLUMNS, EXTRA_COLUMNS, READONLY_COLUMNS
from provenance.interchange import INTERCHANGE_FORMATS
from provenance.query import ClaimFilter, _bind, claim_where

EXPORT_COLUMNS = CSV_COLUMNS + EXTRA_COLUMNS + READONLY_COLUMNS
EXPORT_FORMATS = ("csv", "json", "jsonl")
PAGE_CLAIMS = 2000

_ATTRIBUTIONS_SQL = (
    "SELECT a.id, a.claim_id, c.key, c.text, c.category, c.subject, c.metric, c.location, "
    "c.quantity, c.qualifier, c.value, c.low, c.high, c.unit, c.as_of, a.stance, s.name, s.kind, "
    "s.named, s.affiliation, s.reliability, a.credibility, a.quote, d.title, d.outlet, d.author, "
    "d.url, d.published, d.accessed, c.language, a.hedges, s.key, s.party, "
    "d.key, COALESCE(s.merged_into_id, s.id), d.language "
    "FROM attribution a JOIN claim c ON c.id = a.claim_id JOIN source s ON s.id = a.source_id "
    "LEFT JOIN document d ON d.id = a.document_id WHERE a.claim_id IN :ids ORDER BY c.key, a.id"
)


@dataclass
class ExportReport:
    rows: int
    path: str | None
    unit: str = "rows"


def extra_names(session: Session, f: ClaimFilter) -> list[str]:
    """The names of the extra fields the selected rows carry, in name order: the
    columns a CSV export adds after EXPORT_COLUMNS."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    sql = (
        "SELECT DISTINCT e.name FROM attribution_extra e "
        "JOIN attribution a ON a.id = e.attribution_id JOIN claim c ON c.id = a.claim_id "
        f"WHERE {where} ORDER BY e.name"
    )
    return [r[0] for r in conn.execute(_bind(sql, params), params)]


def iter_rows(session: Session, f: ClaimFilter) -> Iterator[list[Any]]:
    """Rows in EXPORT_COLUMNS order (typed values), then the row's extra fields (a
    mapping, or None); claims by key, attributions by id."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    page_sql = (
        f"SELECT c.id, c.key FROM claim c WHERE {where} AND c.key > :_last "
        f"ORDER BY c.key LIMIT {PAGE_CLAIMS}"
    )
    last = ""
    while True:
        page = conn.execute(_bind(page_sql, params), {**params, "_last": last}).all()
        if not page:
            return
        last = page[-1][1]
        yield from _page_rows(conn, [r[0] for r in page])


def _page_rows(conn: Connection, claim_ids: list[int]) -> Iterator[list[Any]]:
    rows = conn.execute(_bind(_ATTRIBUTIONS_SQL, {"ids": claim_ids}), {"ids": claim_ids}).all()
    relays = _relays(conn, [r[0] for r in rows])
    extras = _extras(conn, [r[0] for r in rows])
    stats: dict[int, tuple[int, set[int], set[int]]] = {}
    for r in rows:
        reports, origins, named = stats.get(r[1], (0, set(), set()))
        origins.add(r[34])
        if r[18]:
            named.add(r[34])
        stats[r[1]] = (reports + 1, origins, named)
    for r in rows:
        chain = relays.get(r[0], [])
        reports, origins, named = stats[r[1]]
        yield [
            *r[2:16],
            r[16],
            r[17],
            bool(r[18]),
            r[19],
            r[20],
            r[21],
            "; ".join(v["name"] for v in chain) or None,
            *r[22:30],
            r[30],
            r[31],
            r[32],
            "; ".join(v["key"] for v in chain) or None,
            r[33],
            "; ".join(v["kind"] for v in chain) or None,
            "; ".join("true" if v["named"] else "false" for v in chain) or None,
            chain or None,
            r[35] if r[33] is not None else None,
            reports,
            len(origins),
            len(named),
            extras.get(r[0]),
        ]


def _extras(conn: Connection, attribution_ids: list[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    sql = (
        "SELECT attribution_id, name, value FROM attribution_extra "
        "WHERE attribution_id IN :ids ORDER BY attribution_id, name"
    )
    for i in range(0, len(attribution_ids), 10_000):
        chunk = attribution_ids[i : i + 10_000]
        for aid, name, value in conn.execute(_bind(sql, {"ids": chunk}), {"ids": chunk}):
            out.setdefault(aid, {})[name] = value
    return out


_RELAY_FIELDS = ("key", "name", "kind", "named", "affiliation", "party", "reliability")


def _relays(conn: Connection, attribution_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each attribution's relays in order, every source field included (the
    ``via_sources`` column), so a source seen only as a relay keeps its kind and flag."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not attribution_ids:
        return out
    sql = (
        "SELECT r.attribution_id, s.key, s.name, s.kind, s.named, s.affiliation, s.party, "
        "s.reliability FROM relay r JOIN source s ON s.id = r.source_id "
        "WHERE r.attribution_id IN :ids ORDER BY r.attribution_id, r.position"
    )
    cache: dict[tuple[Any, ...], dict[str, Any]] = {}
    for i in range(0, len(attribution_ids), 10_000):
        chunk = attribution_ids[i : i + 10_000]
        for aid, *fields in conn.execute(_bind(sql, {"ids": chunk}), {"ids": chunk}):
            seen = tuple(fields)
            record = cache.get(seen)
            if record is None:
                fields[3] = bool(fields[3])
                record = {k: v for k, v in zip(_RELAY_FIELDS, fields, strict=True) if v is not None}
                cache[seen] = record
            out.setdefault(aid, []).append(record)
    return out


# --- writers ------------------------------------------------------------------------------


_NUMBER_COLUMNS = tuple(EXPORT_COLUMNS.index(c) for c in ("value", "low", "high"))
_BOOL_COLUMNS = (EXPORT_COLUMNS.index("source_named"),)
_VIA_SOURCES = EXPORT_COLUMNS.index("via_sources")


def _csv_cells(row: list[Any], raw: bool, names: list[str]) -> list[Any]:
    """Cells as export writes them: the csv module writes None as empty and ints
    itself; figures get their shortest form, booleans true/false, and text that a
    spreadsheet would run is neutralised unless ``raw``. The extra fields follow, one
    column per name in ``names``."""
    extra = row.pop()
    if names:
        row.extend(extra.get(n) if extra else None for n in names)
    for i in _NUMBER_COLUMNS:
        if row[i] is not None:
            row[i] = cell_text(row[i])
    for i in _BOOL_COLUMNS:
        row[i] = "true" if row[i] else "false"
    if row[_VIA_SOURCES] is not None:
        row[_VIA_SOURCES] = json.dumps(row[_VIA_SOURCES], ensure_ascii=False)
    if not raw:
        for i, v in enumerate(row):
            if v.__class__ is str and needs_check(v):
                row[i] = neutralise(v)
    return row


_LIST_COLUMNS = tuple(EXPORT_COLUMNS.index(c) for c in ("via", "via_keys", "hedges"))


def _json_record(row: list[Any]) -> dict[str, Any]:
    """A row as JSON gives it: lists (relays, their keys, hedges) are arrays, as in
    ``show``; CSV joins them with ``; ``, which no name or hedge contains."""
    extra = row.pop()
    for i in _LIST_COLUMNS:
        row[i] = row[i].split("; ") if row[i] else []
    record = dict(zip(EXPORT_COLUMNS, row, strict=True))
    record["extra"] = extra or {}
    return record


def write_rows(
    rows: Iterator[list[Any]],
    out: IO[str],
    fmt: str,
    *,
    raw: bool = False,
    on_row: Callable[[], None] | None = None,
    extra: list[str] | None = None,
) -> int:
    """Write rows to ``out`` in the format; returns the row count. ``extra`` names the
    extra fields a CSV gives a column each (``extra_names``)."""
    if fmt not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS + INTERCHANGE_FORMATS)
        raise UsageError(f"unknown export format {fmt!r}; use one of {known}")
    n = 0
    if fmt == "csv":
        writer = csv_writer(out)
        names = extra or []
        shown = names if raw else [neutralise(n) if needs_check(n) else n for n in names]
        writer.writerow([*EXPORT_COLUMNS, *shown])
        for row in rows:
            writer.writerow(_csv_cells(row, raw, names))
            n += 1
            if on_row:
                on_row()
        return n
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
        raise OutputError(f"{shown} is a symbolic link to nothing; pass --force to replace it")
    if path.exists() and not force:
        raise OutputError(f"{shown} exists; pass --force to overwrite it")
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


@contextmanager
def atomic_file(path: Path, *, force: bool, protected: tuple[Path, ...] = ()) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block completes; its temporary
    file is removed on any exit, and one left by a killed export is removed next time."""
    _refuse_target(path, force=force, protected=protected)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"no directory {str(directory)!r} for the output file")
    _remove_stale_partials(directory, path.name)
    with _signals_raise():
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{path.name}.{os.getpid()}.", suffix=".partial", dir=directory
            )
        except OSError as exc:
            raise OutputError(f"cannot write in {str(directory)!r}: {exc.strerror}") from None
        try:
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
    names = extra_names(session, f) if fmt == "csv" else []
    rows = iter_rows(session, f)
    if out_path is None:
        assert out is not None
        return ExportReport(write_rows(rows, out, fmt, raw=raw, on_row=on_row, extra=names), None)
    with atomic_file(out_path, force=force, protected=database_files(session)) as fh:
        n = write_rows(rows, fh, fmt, raw=raw, on_row=on_row, extra=names)
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
    sql = f"SELECT COUNT(*) FROM attribution a JOIN claim c ON c.id = a.claim_id WHERE {where}"
    return int(conn.execute(_bind(sql, params), params).scalar_one())
