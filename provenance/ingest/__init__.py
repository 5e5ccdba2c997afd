"""Import: formats -> validated records -> bulk write, all-or-nothing per command.

``import_files`` reads YAML, JSON (the nested format, ``schema/provenance.schema.json``)
and CSV (one row per attribution, ``schema/attributions.schema.json``). Every problem in
every file is collected as ``file:line: field: reason``; if there is any, the whole
transaction is rolled back and ``InputError`` lists them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from provenance import db
from provenance.bulk import DEFER_MIN_ROWS, deferred_indexes, large_page_cache, paused_gc
from provenance.cells import restore
from provenance.errors import InputError, Problem, UsageError
from provenance.ingest.claimreview import import_claimreview, is_jsonld
from provenance.ingest.columns import check_column_map, extra_name_problem, read_header
from provenance.ingest.options import ImportOptions
from provenance.ingest.readers import CsvRows, clean_tree, iter_csv, load_json, load_yaml
from provenance.ingest.records import EXTRA_PREFIX, FieldError, Loc, NestedReader, RowParser
from provenance.ingest.writer import Counts, Writer
from provenance.progress import Progress, ignore

if TYPE_CHECKING:
    from provenance.measures import ReadingsAhead

FORMATS = ("csv", "yaml", "json", "claimreview", "xlsx", "ods")
TABLE_FORMATS = ("csv", "xlsx", "ods")
MAX_LISTED_PROBLEMS = 200
LOADED_TABLES = ("claim", "document", "attribution", "relay", "attribution_extra")
"""Tables an import fills in bulk: their secondary indexes may be built after the load."""
BYTES_PER_ROW = 500
"""About the size of one attribution in a file, to tell a large import from its size."""


class ProblemLog(list[Problem]):
    """Keeps the first problems and counts the rest, so a million bad rows stay cheap."""

    def __init__(self, cap: int = MAX_LISTED_PROBLEMS) -> None:
        super().__init__()
        self.cap = cap
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self) < self.cap:
            super().append(problem)

    def extend(self, problems: Any) -> None:
        for p in problems:
            self.append(p)


@dataclass
class ImportReport:
    batch_id: int
    files: list[dict[str, Any]]
    counts: Counts
    warnings: list[Problem] = field(default_factory=list)
    warning_total: int = 0
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "batch": self.batch_id,
            "dry_run": self.dry_run,
            "files": self.files,
            "created": self.counts.as_dict(),
            "warnings": [str(w) for w in self.warnings],
            "warning_total": self.warning_total,
        }


def detect_format(path: Path, override: str | None = None) -> str:
    if override:
        if override not in FORMATS:
            raise UsageError(f"unknown input format {override!r}; use one of {', '.join(FORMATS)}")
        return override
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix in (".json", ".csv", ".xlsx", ".ods"):
        return suffix[1:]
    if suffix in (".jsonld", ".html", ".htm", ".xhtml"):
        return "claimreview"
    raise UsageError(
        f"cannot tell the format of {str(path)!r} from its name; pass {{input_format}}",
        params=("input_format",),
    )


def import_files(
    session: Session,
    paths: Sequence[Path],
    *,
    actor: str,
    command: str,
    dry_run: bool = False,
    input_format: str | None = None,
    options: ImportOptions | None = None,
    on_progress: Progress = ignore,
) -> ImportReport:
    """Import the files in one transaction. Raises InputError (nothing written) on any problem.
    ``on_progress`` is told how many attributions have been read, batch by batch."""
    conn = session.connection()
    with paused_gc(), large_page_cache(conn):
        return _import_files(
            session, paths, actor, command, dry_run, input_format, options, on_progress
        )


def _import_files(
    session: Session,
    paths: Sequence[Path],
    actor: str,
    command: str,
    dry_run: bool,
    input_format: str | None,
    options: ImportOptions | None,
    on_progress: Progress,
) -> ImportReport:
    formats = [detect_format(p, input_format) for p in paths]
    options = _checked_options(options or ImportOptions())
    conn = session.connection()
    stamp = db.now()
    (batch_id,) = db.allocate_ids(conn, "import_batch", 1)
    conn.execute(
        text(
            "INSERT INTO import_batch (id, started_at, actor, command, files, counts) "
            "VALUES (:id, :at, :actor, :cmd, '[]', '{}')"
        ),
        {"id": batch_id, "at": stamp, "actor": actor, "cmd": command},
    )
    problems, warnings = ProblemLog(), ProblemLog()
    files: list[dict[str, Any]] = []
    size = sum(p.stat().st_size for p in paths if p.is_file())
    new_rows = size // BYTES_PER_ROW
    bulk = new_rows >= DEFER_MIN_ROWS
    with _readings_ahead(batch_id, bulk and not dry_run) as ahead:
        writer = Writer(
            conn,
            batch_id,
            stamp,
            actor,
            command,
            problems,
            warnings=warnings,
            options=options,
            on_progress=on_progress,
            on_written=(lambda: ahead.feed(conn)) if ahead else (lambda: None),
        )
        with (
            deferred_indexes(conn, LOADED_TABLES, "attribution", new_rows),
            db.listing_filled_after(conn, batch_id, bulk),
        ):
            for path, fmt in zip(paths, formats, strict=True):
                described = _read_file(path, fmt, writer, problems, warnings, options)
                if described is not None:
                    files.append(described)
        if ahead and not problems.total:
            ahead.finish(conn)
    if not problems.total and (writer.claim_statuses or writer.source_merges):
        from provenance.ingest.statuses import apply_statuses

        apply_statuses(
            session,
            writer.claim_statuses,
            writer.source_merges,
            problems,
            actor=actor,
            command=command,
        )
    if problems.total:
        ordered = sorted(problems, key=lambda p: (p.file, p.line or 0))
        raise InputError(ordered, problems.total)
    report = ImportReport(batch_id, files, writer.counts, list(warnings), warnings.total, dry_run)
    _finish(conn, report, writer.alias_ids, actor, command)
    if not dry_run:
        from provenance.measures import store_readings
        from provenance.search import index_batch

        store_readings(conn)
        if writer.filled_claims:
            store_readings(conn, sorted(writer.filled_claims))
        index_batch(conn, report.batch_id)
    if not dry_run and writer.counts.attributions:
        db.refresh_statistics(conn)
    if dry_run:
        session.rollback()
    return report


def _read_file(
    path: Path,
    fmt: str,
    writer: Writer,
    problems: ProblemLog,
    warnings: ProblemLog,
    options: ImportOptions,
) -> dict[str, Any] | None:
    """Read one file into the writer; how it was read, or None when it is missing."""
    if not path.is_file():
        problems.append(Problem(str(path), None, None, "no such file"))
        return None
    described: dict[str, Any] = {"path": str(path), "format": fmt}
    try:
        if fmt in TABLE_FORMATS:
            described |= _read_table(path, fmt, writer, problems, warnings, options)
        elif fmt == "claimreview":
            writer.counts.verdicts += import_claimreview(path, writer, problems, warnings)
        else:
            _read_nested(path, fmt, writer, problems, warnings, options)
    except InputError as exc:
        problems.extend(exc.problems)
    writer.flush()
    return described | {"sha256": _file_sha256(path)}


@contextmanager
def _readings_ahead(batch_id: int, bulk: bool) -> Iterator[ReadingsAhead | None]:
    """For a bulk import with more than one core, what reads the new claims' words in
    worker processes while the import goes on (``measures.ReadingsAhead``)."""
    from provenance import workers

    if not bulk or workers.cores() < 2:
        yield None
        return
    from provenance.measures import ReadingsAhead

    with ReadingsAhead(batch_id) as ahead:
        yield ahead


def _finish(conn: Any, report: ImportReport, aliases: list[int], actor: str, command: str) -> None:
    from provenance.audit import log_event

    counts = json.dumps(report.counts.as_dict(), sort_keys=True)
    files = json.dumps(report.files)
    conn.execute(
        text(
            "UPDATE import_batch SET finished_at = :at, files = :files, counts = :counts "
            "WHERE id = :id"
        ),
        {"at": db.now(), "files": files, "counts": counts, "id": report.batch_id},
    )
    log_event(
        conn,
        actor=actor,
        command=command,
        action="import",
        entity="import_batch",
        key=str(report.batch_id),
        before=None,
        after={"files": report.files, "created": report.counts.as_dict()},
        batch=report.batch_id,
        wrote={"source_alias": aliases},
    )


_EMPTY_MEANS_NONE = ("hedges", "document_language")
"""Columns whose empty cell means "none" rather than "not given": no hedges (rather
than the ones detected in the quote), no document language (rather than the row's)."""


def _checked_options(options: ImportOptions) -> ImportOptions:
    """The options with the column map normalised and the encoding's canonical name."""
    from dataclasses import replace

    from provenance.ingest.sniff import check_encoding

    encoding = options.encoding
    if encoding is not None:
        try:
            encoding = check_encoding(encoding)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if options.delimiter is not None and len(options.delimiter) != 1:
        raise UsageError(f"a delimiter is one character, not {options.delimiter!r}")
    return replace(options, encoding=encoding, column_map=check_column_map(options.column_map))


def _table_rows(
    path: Path, fmt: str, rows: CsvRows, options: ImportOptions
) -> Iterator[tuple[int, list[str]]]:
    if fmt == "csv":
        return iter_csv(path, rows)
    from provenance.ingest.sheets import iter_sheet

    return iter_sheet(path, rows, options.sheet)


def _read_table(
    path: Path,
    fmt: str,
    writer: Writer,
    problems: ProblemLog,
    warnings: ProblemLog,
    options: ImportOptions,
) -> dict[str, Any]:
    """Import one CSV file or spreadsheet; returns how it was read (encoding, delimiter,
    what was detected; the sheet)."""
    name = str(path)
    rows = CsvRows(path, encoding=options.encoding, delimiter=options.delimiter)
    parser = RowParser(options.date_order)
    names: list[str | None] | None = None
    for line, fields in _table_rows(path, fmt, rows, options):
        if names is None:
            names = _header(rows, name, options, problems, warnings)
            parser.extra_columns = tuple(n for n in names if n and n.startswith(EXTRA_PREFIX))
        if len(fields) != len(names):
            reason = f"row has {len(fields)} fields; the header has {len(names)}"
            problems.append(Problem(name, line, None, reason))
            continue
        loc = Loc(name, line)
        row = {
            n: restore(v) if v[0] == "'" else v
            for n, v in zip(names, fields, strict=True)
            if v and n
        }
        for column in _EMPTY_MEANS_NONE:
            if column in names:
                row.setdefault(column, "")

        def warn(field: str, message: str, loc: Loc = loc) -> None:
            warnings.append(loc.problem(field, message))

        try:
            record = parser.parse(row, loc, warn)
        except FieldError as exc:
            problems.append(loc.problem(exc.field, exc.reason))
            continue
        writer.add(record)
    if names is None:
        if rows.header:
            _header(rows, name, options, problems, warnings)
        elif not rows.problems:
            problems.append(Problem(name, 1, None, "the file is empty (no header row)"))
    problems.extend(rows.problems)
    if fmt != "csv":
        return {"sheet": rows.sheet}
    if "encoding" in rows.detected:
        warnings.append(Problem(name, None, None, f"not UTF-8; read as {rows.encoding}"))
    return {"encoding": rows.encoding, "delimiter": rows.delimiter, "detected": rows.detected}


def _header(
    rows: CsvRows, name: str, options: ImportOptions, problems: ProblemLog, warnings: ProblemLog
) -> list[str | None]:
    header = read_header(rows.header, Loc(name, 1), options.column_map, options.ignore_extra)
    problems.extend(header.problems)
    warnings.extend(header.warnings)
    return header.names


def _read_nested(
    path: Path,
    fmt: str,
    writer: Writer,
    problems: ProblemLog,
    warnings: ProblemLog,
    options: ImportOptions,
) -> None:
    tree = load_yaml(path) if fmt == "yaml" else load_json(path)
    tree = clean_tree(tree, str(path), problems, warnings, replace=options.replace_invalid_text)
    if fmt != "yaml" and is_jsonld(tree):
        writer.counts.verdicts += import_claimreview(path, writer, problems, warnings, tree=tree)
        return
    reader = NestedReader(str(path), problems, warnings, options.date_order, extra_name_problem)
    for item in reader.read(tree):
        writer.add(item)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
