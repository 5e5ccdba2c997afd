"""Check that export writes the same bytes as an earlier revision.

    python -m benchmarks.export_identical --before main~3 [--size 10000]
    python -m benchmarks.export_identical --before main~3 --changed import
    python -m benchmarks.export_identical --before main~3 --postgres postgresql+psycopg://…/db

Imports the example fixture and a generated data set (seeded) with the current code,
then exports each in every format, with and without ``--raw``, once with the current
code and once with the revision's ``provenance`` package (from ``git archive``), and
compares the files byte for byte. With ``--changed import`` it is the import that runs
in both revisions, each into its own database, and the current code exports both: the
files must be the same whatever code imported them. With ``--postgres`` the data goes
into schemas of that PostgreSQL database (made for the check and dropped after) instead
of SQLite files. Exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPORT = """
import sys
from pathlib import Path
from provenance.db import open_session
from provenance.export import export
from provenance.query import ClaimFilter
db, out, fmt, raw = sys.argv[1:5]
with open_session(db) as session:
    export(session, ClaimFilter(), out_path=Path(out), fmt=fmt, raw=raw == "raw", force=True)
"""
IMPORT = """
import sys
from pathlib import Path
from provenance.db import open_session
from provenance.ingest import import_files
with open_session(sys.argv[1], write=True) as session:
    import_files(session, [Path(sys.argv[2])], actor="check", command="check")
"""


def run(code: str, tree: Path, *args: str) -> None:
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env)


def checkout(rev: str, into: Path) -> Path:
    archive = into / "before.tar"
    subprocess.run(["git", "archive", "-o", str(archive), rev, "provenance"], check=True, cwd=ROOT)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "before", filter="data")
    return into / "before"


class Databases:
    """Where each import goes: a SQLite file in ``work``, or a schema of its own in the
    PostgreSQL database ``server`` (dropped by ``drop``)."""

    def __init__(self, work: Path, server: str | None) -> None:
        self.work = work
        self.server = server
        self.schemas: list[str] = []

    def new(self, name: str) -> str:
        if self.server is None:
            return str(self.work / f"{name}.db")
        schema = f"export_identical_{os.getpid()}_{name}".replace("-", "_")
        self._admin(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        sep = "&" if "?" in self.server else "?"
        return f"{self.server}{sep}options=-csearch_path%3D{schema}"

    def drop(self) -> None:
        for schema in self.schemas:
            self._admin(f"DROP SCHEMA {schema} CASCADE")

    def _admin(self, statement: str) -> None:
        from sqlalchemy import create_engine

        engine = create_engine(self.server or "")
        with engine.begin() as conn:
            conn.exec_driver_sql(statement)
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="main")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--changed", choices=("export", "import"), default="export")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database to use")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="export-identical-"))
    databases = Databases(work, args.postgres)
    try:
        failed = compare(args, work, databases)
    finally:
        databases.drop()
    sys.exit(1 if failed else 0)


def compare(args: argparse.Namespace, work: Path, databases: Databases) -> int:
    before = checkout(args.before, work)
    generated = work / "generated"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--attributions", str(args.size),
         "--seed", "1", "--out", str(generated)],
        check=True, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    inputs = {
        "fixture": ROOT / "fixtures" / "example_attributions.csv",
        "generated": generated / "claims.csv",
    }
    failed = 0
    for name, csv in inputs.items():
        db = databases.new(name)
        run(IMPORT, ROOT, db, str(csv))
        old_db, exporter = db, before
        if args.changed == "import":
            old_db, exporter = databases.new(f"{name}-old"), ROOT
            run(IMPORT, before, old_db, str(csv))
        for fmt in ("csv", "json", "jsonl"):
            for raw in ("raw", "safe"):
                old, new = work / f"{name}-old.{fmt}", work / f"{name}-new.{fmt}"
                run(EXPORT, exporter, old_db, str(old), fmt, raw)
                run(EXPORT, ROOT, db, str(new), fmt, raw)
                same = filecmp.cmp(old, new, shallow=False)
                failed += not same
                size = new.stat().st_size
                print(f"{name} {fmt} {raw}: {'identical' if same else 'DIFFERENT'} ({size:,} B)")
    return failed


if __name__ == "__main__":
    main()
