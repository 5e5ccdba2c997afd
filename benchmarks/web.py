"""Page server time of the web view at about 100k claims.

    python -m benchmarks.web                      # 350,000 attributions ≈ 100k claims, SQLite
    python -m benchmarks.web --attributions 35000 --requests 10      # a quick run
    python -m benchmarks.web --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Pages are requested through the WSGI application in-process (the time a server spends on
a page, without the network), each page ``--requests`` times over varied URLs: the claims
page unfiltered, filtered and deep in its pages; claim pages of random claims; source
pages of random sources and of the source with most claims; measure timelines of random
measures and of the largest. Measures and disputes are computed once per version of the
data: that first computation is timed on its own ("cold"), the pages after it warm.
As the baseline in the same run, ``claims --limit 50`` through the library (the query the
claims page builds on, without facets or rendering).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent
TARGET_MS = 300.0


def ensure_database(attributions: int, seed: int, postgres: str | None) -> str:
    data = ROOT / "data" / f"{attributions}-seed{seed}"
    if not (data / "claims.csv").exists():
        from benchmarks.generate import generate

        data.mkdir(parents=True, exist_ok=True)
        generate(attributions, seed, data)
    if postgres:
        from benchmarks.run import postgres_schema

        db = postgres_schema(postgres, f"web_{attributions}")
        fresh = True
    else:
        path = ROOT / "data" / f"web-{attributions}-seed{seed}.db"
        fresh = not path.exists()
        db = str(path)
    if fresh:
        subprocess.run(
            [sys.executable, "-m", "provenance", "--db", db, "import", str(data / "claims.csv")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return db


def request(app: Any, url: str) -> float:
    """Milliseconds the application takes to answer ``url``; it must answer 200."""
    from urllib.parse import unquote

    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path, encoding="latin-1"),
        "QUERY_STRING": query,
    }
    status: list[str] = []
    start = time.perf_counter()
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    elapsed = (time.perf_counter() - start) * 1000
    if status[0] != "200 OK":
        raise SystemExit(f"{url}: {status[0]}: {body[:300]!r}")
    return elapsed


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def sample(db: str, rng: random.Random, n: int) -> dict[str, list[str]]:
    from sqlalchemy import text

    from provenance.db import open_session
    from provenance.measures import list_measures

    with open_session(db) as s:
        conn = s.connection()
        keys = [r[0] for r in conn.execute(text("SELECT key FROM claim WHERE status = 'active'"))]
        sources = [
            r[0] for r in conn.execute(text("SELECT key FROM source WHERE merged_into_id IS NULL"))
        ]
        busiest = conn.execute(
            text(
                "SELECT s.key FROM attribution a JOIN source s ON s.id = a.source_id "
                "GROUP BY s.key ORDER BY COUNT(*) DESC LIMIT 1"
            )
        ).scalar_one()
        words = [
            r[0]
            for r in conn.execute(
                text("SELECT DISTINCT lower(unit) FROM claim WHERE unit IS NOT NULL")
            )
        ] or ["troops"]
        categories = [r[0] for r in conn.execute(text("SELECT DISTINCT category FROM claim"))]
        parties = [
            r[0]
            for r in conn.execute(text("SELECT DISTINCT party FROM source WHERE party IS NOT NULL"))
        ]
        measures = [m.name for m in list_measures(conn, 2)]
    counts = {"claims": len(keys), "sources": len(sources), "measures": len(measures)}
    print(f"data: {counts}", file=sys.stderr)
    pages = 1 + len(keys) // 50
    filters = [
        lambda: f"source={quote(rng.choice(sources))}",
        lambda: f"category={rng.choice(categories)}&named={rng.choice(['named', 'unnamed'])}",
        lambda: f"party={quote(rng.choice(parties or ['none']))}&sort=as_of",
        lambda: f"since=2024-{rng.randint(1, 12):02d}&until=2025-{rng.randint(1, 12):02d}",
    ]
    return {
        "claims page, a new filter": [f"/claims?{filters[i % 4]()}" for i in range(n)],
        "claims page, a new search": [
            f"/claims?search={quote(rng.choice(words))}+{rng.randint(1, 9)}" for _ in range(n)
        ],
        "claims page, paging": [f"/claims?page={rng.randint(1, pages)}" for _ in range(n)],
        "claim page": [f"/claims/{quote(k, safe='')}" for k in rng.sample(keys, n)],
        "source page": [f"/sources/{quote(busiest, safe='')}"]
        + [f"/sources/{quote(k, safe='')}" for k in rng.sample(sources, n - 1)],
        "measure timeline": [f"/measures/{quote(measures[0], safe='')}"]
        + [f"/measures/{quote(m, safe='')}" for m in rng.choices(measures, k=n - 1)],
        "counts": [json.dumps(counts)],
    }


def baseline(db: str, runs: int) -> list[float]:
    from provenance.db import open_session
    from provenance.query import ClaimFilter, find_claims

    out = []
    with open_session(db) as s:
        for _ in range(runs):
            start = time.perf_counter()
            find_claims(s, ClaimFilter(), limit=50)
            out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attributions", type=int, default=350_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=30, help="requests per page kind")
    parser.add_argument("--postgres", help="a PostgreSQL URL (default: SQLite)")
    parser.add_argument("--report", type=Path, help="write Markdown (and .json) here")
    args = parser.parse_args()
    db = ensure_database(args.attributions, args.seed, args.postgres)
    rng = random.Random(args.seed)
    urls = sample(db, rng, args.requests)
    counts = json.loads(urls.pop("counts")[0])

    from provenance.web.app import WebApp

    app = WebApp(db)
    cold = request(app, "/measures")  # computes measures and disputes once
    first = request(app, "/claims")  # reads the claims page's index once
    results: dict[str, dict[str, float]] = {}
    for name, page_urls in urls.items():
        request(app, page_urls[0])  # warm the page's templates
        ms = [request(app, u) for u in page_urls[: args.requests]]
        results[name] = _stats(ms)
    base = _stats(baseline(db, args.requests))
    app.close()
    report = {
        "backend": "postgresql" if args.postgres else "sqlite",
        "attributions": args.attributions,
        **counts,
        "requests": args.requests,
        "load_average": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
        "cold_measures_ms": round(cold, 1),
        "first_claims_page_ms": round(first, 1),
        "pages": results,
        "baseline_find_claims_50": base,
    }
    text = markdown(report)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
        args.report.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")


def _stats(ms: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "max_ms": round(max(ms), 1),
    }


def markdown(r: dict[str, Any]) -> str:
    lines = [
        f"# Web view page server time ({r['backend']}, {r['claims']:,} claims, "
        f"{r['attributions']:,} attributions, {r['sources']:,} sources, "
        f"{r['measures']:,} measures of 2+ claims)",
        "",
        f"{r['requests']} requests per page kind, in-process through the WSGI application, "
        f"each filter and search new to the server. Target: under {TARGET_MS:.0f} ms. "
        f"Load average {r['load_average']} on {r['cpus']} cores at the end of the run.",
        "",
        "| page | median | p95 | max | target |",
        "|---|---|---|---|---|",
    ]
    for name, s in r["pages"].items():
        ok = "met" if s["p95_ms"] < TARGET_MS else "missed"
        lines.append(
            f"| {name} | {s['median_ms']} ms | {s['p95_ms']} ms | {s['max_ms']} ms | {ok} |"
        )
    b = r["baseline_find_claims_50"]
    claims = r["pages"]["claims page, a new filter"]["median_ms"]
    lines += [
        "",
        f"Baseline, same run: `find_claims(limit=50)` median {b['median_ms']} ms, p95 "
        f"{b['p95_ms']} ms; the claims page (facets, count, rendering) is "
        f"{claims / b['median_ms']:.1f}× that."
        if b["median_ms"]
        else "",
        f"Once per version of the data (the server starts on both at once): measures and "
        f"disputes {r['cold_measures_ms'] / 1000:.1f} s; the claims page's index (facet "
        f"pairs, statuses, orders) {r['first_claims_page_ms'] / 1000:.1f} s.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
