"""Run the benchmark suite and write a Markdown + JSON report.

    python -m benchmarks.run --sizes 10k,100k,1m --runs 3
    python -m benchmarks.run --sizes 100k --postgres postgresql+psycopg://postgres@127.0.0.1/test
    python -m benchmarks.run --smoke            # 10k, one run, report to a temporary folder

Each operation runs in its own process (``benchmarks.steps``); figures are medians over
``--runs`` (import into a fresh database each run) and peak memory is the largest seen.
Data comes from ``benchmarks.generate`` (seeded) and is kept under benchmarks/data/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
TARGETS = {
    "import": "≥ 40,000 attributions/s (goal 100,000)",
    "query": "p50 < 1 ms in-process",
    "cli-query": "< 0.7 s per CLI call; within 2× `import sqlalchemy`",
    "audit": "≤ 3 s and ≤ 300 MB at 1M",
    "startup": "provenance --help < 0.25 s",
    "export": "≥ 150,000 rows/s (goal 250,000), < 200 MB peak",
    "dedupe": "< 30 s, < 2 GB, precision/recall ≥ 0.99",
    "conflicts": "< 10 s, < 2 GB, precision/recall ≥ 0.99",
}


def run_step(op: str, db: str, data: Path, out: Path, sample: int = 200) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.steps",
        op,
        "--db",
        db,
        "--data",
        str(data),
        "--out",
        str(out),
        "--sample",
        str(sample),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT.parent)
    if done.returncode != 0:
        raise SystemExit(f"step {op} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median_of(results: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(results[-1])
    out["seconds"] = statistics.median(r["seconds"] for r in results)
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in results)
    out["runs"] = len(results)
    if "rows" in out and out["seconds"]:
        out["rows_per_s"] = out["rows"] / out["seconds"]
    if "attributions" in out and out["seconds"]:
        out["attributions_per_s"] = out["attributions"] / out["seconds"]
    return out


class Backend:
    def __init__(self, postgres: str | None, workdir: Path) -> None:
        self.postgres = postgres
        self.workdir = workdir
        self.schemas: set[str] = set()

    @property
    def name(self) -> str:
        return "postgresql" if self.postgres else "sqlite"

    def cleanup(self) -> None:
        """Drop the PostgreSQL schemas this run created (SQLite files go with the workdir)."""
        if not self.postgres:
            return
        from sqlalchemy import create_engine

        from provenance.db import resolve_url

        engine = create_engine(resolve_url(self.postgres))
        with engine.begin() as conn:
            for schema in self.schemas:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        engine.dispose()

    def fresh(self, label: str) -> str:
        if not self.postgres:
            path = self.workdir / f"{label}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return str(path)
        schema = "bench_" + label.replace("-", "_")
        self.schemas.add(schema)
        return postgres_schema(self.postgres, schema)


def postgres_schema(url: str, schema: str) -> str:
    """The URL of ``schema``, emptied (or made), in the PostgreSQL database at ``url``."""
    from sqlalchemy import create_engine

    from provenance.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def ensure_data(size: int, seed: int) -> Path:
    data = ROOT / "data" / f"{size}-seed{seed}"
    if not (data / "claims.csv").exists() or not (data / "truth.json").exists():
        data.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.generate",
                "--attributions",
                str(size),
                "--seed",
                str(seed),
                "--out",
                str(data),
            ],
            check=True,
            cwd=ROOT.parent,
            capture_output=True,
        )
    return data


OPS = (
    "import",
    "query",
    "cli-query",
    "show",
    "audit",
    "export",
    "dedupe",
    "conflicts",
)


def bench_size(
    label: str, backend: Backend, runs: int, seed: int, log: Any, ops: tuple[str, ...] = OPS
) -> dict[str, Any]:
    size = SIZES[label]
    data = ensure_data(size, seed)
    out = backend.workdir
    results: dict[str, Any] = {
        "attributions": size,
        "csv_mb": (data / "claims.csv").stat().st_size / 1e6,
    }
    import_runs = 1 if size >= 1_000_000 or "import" not in ops else runs
    imports = []
    for i in range(import_runs):
        db = backend.fresh(f"{label}")
        log(f"{label}: import run {i + 1}/{import_runs}")
        imports.append(run_step("import", db, data, out))
    results["import"] = median_of(imports)
    if "import" in ops:
        log(f"{label}: pandas import baseline")
        results["import-pandas"] = median_of(
            [
                run_step("import-pandas", backend.fresh(f"{label}-pandas"), data, out)
                for _ in range(import_runs)
            ]
        )
    wanted = set(ops) | {f"{op}-pandas" for op in ops}
    for op, sample in (
        ("query", 500),
        ("cli-query", 5),
        ("show", 200),
        ("audit", 0),
        ("export", 0),
        ("export-pandas", 0),
        ("dedupe", 0),
        ("conflicts", 0),
    ):
        if op not in wanted:
            continue
        n = 1 if size >= 1_000_000 and op in ("export-pandas",) else runs
        log(f"{label}: {op} x{n}")
        results[op] = median_of([run_step(op, db, data, out, sample) for _ in range(n)])
    if "dedupe" in ops:
        log(f"{label}: naive dedupe baseline (sample)")
        results["dedupe-naive"] = run_step("dedupe-naive", db, data, out, 2000)
    return results


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_gb, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def _cli_figures(c: dict[str, Any]) -> str:
    text = "whole process"
    if c.get("import_sqlalchemy_s"):
        bare = c["import_sqlalchemy_s"]
        text += f"; `import sqlalchemy` {bare:.2f} s (ratio {ratio(c['median_s'], bare)})"
    if c.get("sqlite_utils_s"):
        text += f"; sqlite-utils query {c['sqlite_utils_s']:.2f} s"
    return text


def _size_rows(r: dict[str, Any]) -> list[tuple[str, str, float | None, str, str]]:
    """(operation, median, peak MB, figures, target) for one size (the operations run)."""
    out = []
    imp = r["import"]
    if "import-pandas" in r:
        pd_imp = r["import-pandas"]
        out.append(
            ("import CSV", f"{imp['seconds']:.1f} s", imp["peak_rss_mb"],
             f"{imp['attributions_per_s']:,.0f} attributions/s; pandas read_csv+to_sql takes "
             f"{ratio(pd_imp['seconds'], imp['seconds'])} our time", TARGETS["import"])
        )  # fmt: skip
    if "query" in r:
        q = r["query"]
        out.append(
            ("query by source (in-process)", f"p50 {q['p50_ms']:.2f} ms", q["peak_rss_mb"],
             f"p99 {q['p99_ms']:.2f} ms over {q['queries']} sources, limit 50", TARGETS["query"])
        )  # fmt: skip
    if "cli-query" in r:
        c = r["cli-query"]
        out.append(
            ("query by source (CLI call)", f"{c['median_s']:.2f} s", None, _cli_figures(c),
             TARGETS["cli-query"])
        )  # fmt: skip
    if "show" in r:
        show = r["show"]
        out.append(
            ("show (in-process)", f"p50 {show['p50_ms']:.2f} ms", show["peak_rss_mb"],
             f"p99 {show['p99_ms']:.2f} ms; CLI call {show['cli_s']:.2f} s", "")
        )  # fmt: skip
    if "audit" in r:
        aud = r["audit"]
        out.append(
            ("audit unnamed", f"{aud['seconds']:.2f} s", aud["peak_rss_mb"],
             f"{aud['unnamed_only']:,} unnamed-only of {aud['claims']:,} claims", TARGETS["audit"])
        )  # fmt: skip
    if "export" in r:
        exp, pd_exp = r["export"], r.get("export-pandas")
        figures = f"{exp['rows_per_s']:,.0f} rows/s"
        if "disk_seconds" in exp:
            figures += (
                f"; writing its bytes to a synced file alone takes {exp['disk_seconds']:.1f} s"
            )
        if pd_exp:
            figures += (
                f"; pandas read_sql+to_csv takes {ratio(pd_exp['seconds'], exp['seconds'])} "
                f"our time, {pd_exp['peak_rss_mb']:.0f} MB"
            )
        out.append(
            ("export CSV", f"{exp['seconds']:.1f} s", exp["peak_rss_mb"], figures,
             TARGETS["export"])
        )  # fmt: skip
    if "dedupe" in r:
        dd, naive = r["dedupe"], r["dedupe-naive"]
        out.append(
            ("dedupe", f"{dd['seconds']:.1f} s", dd["peak_rss_mb"],
             f"precision {dd['precision']:.3f}, recall {dd['recall']:.3f}; "
             f"{dd['pairs_per_claim']:.1f} pairs compared per claim ({dd['pairs_compared']:,} of "
             f"{dd['all_pairs']:,}); naive all-pairs rapidfuzz ≈ {naive['seconds']:,.0f} s "
             f"(extrapolated from {naive['sample']} claims)", TARGETS["dedupe"])
        )  # fmt: skip
    if "conflicts" in r:
        cf = r["conflicts"]
        out.append(
            ("conflicts", f"{cf['seconds']:.1f} s", cf["peak_rss_mb"],
             f"precision {cf['precision']:.3f}, recall {cf['recall']:.3f} ({cf['found_pairs']} "
             f"found, {cf['true_pairs']} true); {cf['pairs_compared']:,} pairs compared",
             TARGETS["conflicts"])
        )  # fmt: skip
    return out


def markdown(report: dict[str, Any]) -> str:
    m, start = report["machine"], report["startup"]
    lines = [
        f"# Benchmark report ({report['backend']})",
        "",
        f"{m['date']}; {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; "
        f"Python {m['python']}, SQLite {m['sqlite']}. Medians of {report['runs']} runs "
        "(1M: import and pandas export once); peak memory is the step process's maximum RSS. "
        "Machines here are shared: compare ratios.",
        "",
        f"`provenance --help`: {start['help_s']:.3f} s (target < 0.25 s); "
        f"`python -c 'import sqlmodel'`: {start['import_sqlmodel_s']:.3f} s "
        f"(ratio {ratio(start['help_s'], start['import_sqlmodel_s'])}).",
        "",
    ]
    for label, r in report["sizes"].items():
        lines += [f"## {label} attributions ({r['csv_mb']:.0f} MB CSV)", ""]
        lines += ["| operation | median | peak MB | figures | target |", "|---|---|---|---|---|"]
        for op, median, peak, figures, target in _size_rows(r):
            peak_text = "" if peak is None else f"{peak:.0f}"
            lines.append(f"| {op} | {median} | {peak_text} | {figures} | {target} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--ops",
        default=",".join(OPS),
        help="comma-separated operations to measure (each with its baseline); "
        "import always runs once, to fill the database",
    )
    parser.add_argument("--postgres", help="run against this PostgreSQL URL instead of SQLite")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument(
        "--smoke", action="store_true", help="10k, one run, report to a temporary folder"
    )
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.runs, args.out = "10k", 1, Path(tempfile.mkdtemp())
    labels = [s.strip().lower() for s in args.sizes.split(",")]
    ops = tuple(o.strip() for o in args.ops.split(",") if o.strip())
    if set(ops) - set(OPS):
        raise SystemExit(f"unknown operations {sorted(set(ops) - set(OPS))}; use {', '.join(OPS)}")
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        raise SystemExit(f"unknown sizes {unknown}; use {', '.join(SIZES)}")
    work = Path(tempfile.mkdtemp(prefix="provenance-bench-"))
    backend = Backend(args.postgres, work)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    report: dict[str, Any] = {
        "backend": backend.name,
        "runs": args.runs,
        "machine": machine(),
        "sizes": {},
    }
    report["startup"] = run_step("startup", "", work, work)
    try:
        for label in labels:
            report["sizes"][label] = bench_size(label, backend, args.runs, args.seed, log, ops)
    finally:
        backend.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"{backend.name}-{'-'.join(labels)}"
    if ops != OPS:
        stem += "-" + "-".join(ops)
    (args.out / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = markdown(report)
    (args.out / f"{stem}.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
