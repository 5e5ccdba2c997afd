"""One measured operation per process, so peak memory is the operation's own.

``python -m benchmarks.steps OP --db URL --data DIR [--sample N]`` prints one JSON
object: seconds, peak_rss_mb and figures specific to the operation.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STEPS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {}


def step(name: str) -> Callable[[Callable[[argparse.Namespace], dict[str, Any]]], Any]:
    def register(fn: Callable[[argparse.Namespace], dict[str, Any]]) -> Any:
        STEPS[name] = fn
        return fn

    return register


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def provenance_exe() -> str:
    return str(Path(sys.executable).with_name("provenance"))


@step("import")
def import_(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.db import open_session
    from provenance.ingest import import_files

    def run() -> Any:
        with open_session(args.db, write=True) as session:
            return import_files(session, [args.data / "claims.csv"], actor="bench", command="bench")

    seconds, report = timed(run)
    return {
        "seconds": seconds,
        "attributions": report.counts.attributions,
        "claims": report.counts.claims,
        "warnings": report.warning_total,
    }


@step("store-floor")
def store_floor(args: argparse.Namespace) -> dict[str, Any]:
    """The database's own cost of storing the rows of the database an import made
    (``--db``): ``benchmarks.store_floor``."""
    from benchmarks.store_floor import store_floor as measure
    from benchmarks.store_floor import store_floor_postgres

    if "://" in args.db and not args.db.startswith("sqlite"):
        result = store_floor_postgres(args.db)
        result["seconds"] = result["copy"]["seconds"]
        return result
    result = measure(Path(args.db.removeprefix("sqlite:///")), args.out)
    result["seconds"] = result["executemany"]["seconds"]
    return result


@step("import-pandas")
def import_pandas(args: argparse.Namespace) -> dict[str, Any]:
    import pandas as pd
    from sqlalchemy import create_engine

    from provenance.db import resolve_url

    engine = create_engine(resolve_url(args.db))

    def run() -> int:
        frame = pd.read_csv(args.data / "claims.csv", dtype=str, keep_default_na=False)
        frame.to_sql("raw_import", engine, if_exists="replace", index=False, chunksize=50_000)
        return len(frame)

    seconds, rows = timed(run)
    return {"seconds": seconds, "rows": rows}


def _sources(db: str, n: int, seed: int) -> list[str]:
    from sqlalchemy import text

    from provenance.db import open_session

    with open_session(db) as session:
        names = [
            r[0] for r in session.connection().execute(text("SELECT name FROM source ORDER BY id"))
        ]
    rng = random.Random(seed)
    return [rng.choice(names) for _ in range(n)]


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
    }


@step("query")
def query(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.db import open_session
    from provenance.query import ClaimFilter, find_claims

    names = _sources(args.db, args.sample, 7)
    samples = []
    with open_session(args.db) as session:
        find_claims(session, ClaimFilter(source=names[0]), limit=50)
        for name in names:
            seconds, _ = timed(
                lambda name=name: find_claims(session, ClaimFilter(source=name), limit=50)
            )
            samples.append(seconds)
    return {"seconds": sum(samples), "queries": len(samples), **_percentiles(samples)}


_SQLITE_UTILS_QUERY = (
    "SELECT c.key, c.text FROM claim c WHERE c.status = 'active' AND c.id IN ("
    "SELECT a.claim_id FROM attribution a JOIN source s ON s.id = a.source_id "
    "WHERE s.name = :name) ORDER BY c.key LIMIT 50"
)


@step("cli-query")
def cli_query(args: argparse.Namespace) -> dict[str, Any]:
    """A whole ``claims --source X`` process, beside ``python -c 'import sqlalchemy'``
    and (on SQLite, when installed) the same look-up through ``sqlite-utils query``,
    measured in turn so load falls on all three alike."""
    import shutil

    names = _sources(args.db, 5, 11)
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(sys.executable).parent))
    ours: list[float] = []
    bare: list[float] = []
    utils: list[float] = []

    def run(cmd: list[str]) -> float:
        return timed(lambda: subprocess.run(cmd, capture_output=True, check=True))[0]

    for name in names:
        ours.append(
            run([provenance_exe(), "--db", args.db, "claims", "--source", name, "-n", "50",
                 "-f", "json"])
        )  # fmt: skip
        bare.append(run([sys.executable, "-c", "import sqlalchemy"]))
        if sqlite_utils and "://" not in args.db:
            utils.append(
                run([sqlite_utils, "query", args.db, _SQLITE_UTILS_QUERY, "-p", "name", name])
            )
    median_s = statistics.median(ours)
    return {
        "seconds": median_s,
        "median_s": median_s,
        "import_sqlalchemy_s": statistics.median(bare),
        "sqlite_utils_s": statistics.median(utils) if utils else None,
    }


@step("show")
def show(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import text

    from provenance.db import open_session
    from provenance.query import claim_history, get_claim

    with open_session(args.db) as session:
        keys = [
            r[0] for r in session.connection().execute(text("SELECT key FROM claim ORDER BY id"))
        ]
        rng = random.Random(3)
        picks = [rng.choice(keys) for _ in range(args.sample)]
        samples = []
        for key in picks:
            seconds, _ = timed(
                lambda key=key: (get_claim(session, key), claim_history(session, key))
            )
            samples.append(seconds)
    cli_seconds, _ = timed(
        lambda: subprocess.run(
            [provenance_exe(), "--db", args.db, "show", picks[0], "-f", "json"],
            capture_output=True,
            check=True,
        )
    )
    return {"seconds": sum(samples), **_percentiles(samples), "cli_s": cli_seconds}


@step("audit")
def audit(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.audit import unnamed_audit
    from provenance.db import open_session
    from provenance.query import ClaimFilter

    with open_session(args.db) as session:
        seconds, report = timed(lambda: unnamed_audit(session, ClaimFilter()))
    return {"seconds": seconds, **report.summary()}


@step("export")
def export(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.db import open_session
    from provenance.export import export as run_export
    from provenance.query import ClaimFilter

    out = args.out / "export.csv"
    with open_session(args.db) as session:
        seconds, report = timed(
            lambda: run_export(session, ClaimFilter(), out_path=out, force=True)
        )
    size = out.stat().st_size
    disk_seconds, _ = timed(lambda: durable_copy(out, args.out / "export-copy.csv"))
    out.unlink()
    return {
        "seconds": seconds,
        "rows": report.rows,
        "rows_per_s": report.rows / seconds,
        "mb": size / 1e6,
        "disk_seconds": disk_seconds,
    }


def durable_copy(path: Path, target: Path) -> None:
    """The floor under any export: the same bytes written to a new file and synced, as
    the export's own atomic write does."""
    with path.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    target.unlink()


PANDAS_EXPORT_SQL = (
    "SELECT a.id, a.claim_id, c.key, c.text, c.category, c.subject, c.metric, c.location, "
    "c.quantity, c.qualifier, c.value, c.low, c.high, c.unit, c.as_of, a.stance, s.name, s.kind, "
    "s.named, s.affiliation, s.reliability, a.credibility, a.quote, d.title, d.outlet, d.author, "
    "d.url, d.published, d.accessed, c.language, a.hedges, s.key, s.party, "
    "d.key, COALESCE(s.merged_into_id, s.id), d.language "
    "FROM attribution a JOIN claim c ON c.id = a.claim_id JOIN source s ON s.id = a.source_id "
    "LEFT JOIN document d ON d.id = a.document_id WHERE c.status = 'active' ORDER BY c.key, a.id"
)
"""The baseline's export: the same join in one query, written by pandas."""


@step("export-pandas")
def export_pandas(args: argparse.Namespace) -> dict[str, Any]:
    import pandas as pd
    from sqlalchemy import create_engine

    from provenance.db import resolve_url

    sql = PANDAS_EXPORT_SQL
    engine = create_engine(resolve_url(args.db))
    out = args.out / "export-pandas.csv"

    def run() -> int:
        with engine.connect() as conn:
            frame = pd.read_sql(sql, conn)
        frame.to_csv(out, index=False)
        return len(frame)

    seconds, rows = timed(run)
    out.unlink()
    return {"seconds": seconds, "rows": rows, "rows_per_s": rows / seconds}


def _truth(data: Path) -> dict[str, Any]:
    return json.loads((data / "truth.json").read_text(encoding="utf-8"))


def _pairs_of(clusters: list[list[str]]) -> set[tuple[str, str]]:
    out = set()
    for c in clusters:
        ordered = sorted(c)
        out.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return out


def _precision_recall(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> dict[str, float]:
    hit = len(found & truth)
    return {
        "precision": hit / len(found) if found else 1.0,
        "recall": hit / len(truth) if truth else 1.0,
        "found_pairs": len(found),
        "true_pairs": len(truth),
    }


@step("dedupe")
def dedupe(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.db import open_session
    from provenance.dedupe import find_duplicates

    with open_session(args.db) as session:
        seconds, report = timed(lambda: find_duplicates(session))
    found = _pairs_of([c.claims for c in report.clusters])
    truth = _pairs_of(_truth(args.data)["duplicate_clusters"])
    return {
        "seconds": seconds,
        "claims": report.claims,
        "pairs_compared": report.pairs_compared,
        "pairs_per_claim": report.pairs_compared / max(report.claims, 1),
        "all_pairs": report.all_pairs,
        **_precision_recall(found, truth),
    }


@step("dedupe-naive")
def dedupe_naive(args: argparse.Namespace) -> dict[str, Any]:
    """All-pairs rapidfuzz on a sample of claim texts, extrapolated to every claim."""
    from rapidfuzz import fuzz, process
    from sqlalchemy import text

    from provenance.db import open_session

    with open_session(args.db) as session:
        texts = [
            r[0]
            for r in session.connection().execute(
                text("SELECT text FROM claim WHERE status = 'active'")
            )
        ]
    sample = random.Random(5).sample(texts, min(len(texts), args.sample))
    seconds, _ = timed(
        lambda: process.cdist(sample, sample, scorer=fuzz.token_set_ratio, workers=1)
    )
    per_pair = seconds / (len(sample) ** 2)
    total_pairs = len(texts) * (len(texts) - 1) / 2
    return {
        "seconds": per_pair * total_pairs,
        "sample": len(sample),
        "sample_seconds": seconds,
        "extrapolated": True,
    }


@step("conflicts")
def conflicts(args: argparse.Namespace) -> dict[str, Any]:
    from provenance.conflicts import find_conflicts
    from provenance.db import open_session

    with open_session(args.db) as session:
        seconds, report = timed(lambda: find_conflicts(session))
    found = {tuple(sorted(c.claims)) for c in report.conflicts if c.a.id != c.b.id}
    truth = {tuple(sorted(p)) for p in _truth(args.data)["conflict_pairs"]}
    return {
        "seconds": seconds,
        "claims": report.claims_considered,
        "pairs_compared": report.pairs_compared,
        **_precision_recall(found, truth),
    }  # type: ignore[arg-type]


@step("startup")
def startup(args: argparse.Namespace) -> dict[str, Any]:
    def median_of(cmd: list[str]) -> float:
        samples = []
        for _ in range(7):
            seconds, _ = timed(lambda: subprocess.run(cmd, capture_output=True, check=True))
            samples.append(seconds)
        return statistics.median(samples)

    help_s = median_of([provenance_exe(), "--help"])
    sqlmodel_s = median_of([sys.executable, "-c", "import sqlmodel"])
    return {"seconds": help_s, "help_s": help_s, "import_sqlmodel_s": sqlmodel_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("op", choices=sorted(STEPS))
    parser.add_argument("--db", default="")
    parser.add_argument("--data", type=Path, default=Path("."))
    parser.add_argument("--out", type=Path, default=Path("."))
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args()
    result = STEPS[args.op](args)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
