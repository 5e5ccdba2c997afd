"""A skewed data set: half of the reports speak of one measure.

Real reporting is lopsided: a daily death toll is repeated by hundreds of outlets while
everything else is a long tail. This writes ``--attributions`` rows in the import CSV
format: half are reports of one cumulative death toll (a ministry's figure rising day by
day, relayed by many outlets in several wordings, with a rival source's higher estimate
and occasional stale or mistyped figures), the other half come from the uniform
generator (``benchmarks.generate``). Seeded and deterministic; ground truth is not
written, the point is cost.

    python -m benchmarks.skewed --attributions 100000 --out /tmp/skewed
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

from benchmarks.generate import generate

START = date(2024, 1, 1)
WORDINGS = (
    "The health ministry said the death toll has risen to {n:,} people.",
    "At least {n:,} people have been killed since the war began, the ministry said.",
    "The ministry put the number of dead at {n:,}.",
    "More than {n:,} people have died in the war, according to the health ministry.",
)
QUANTITIES = ("{n:,} people", "at least {n:,} people", "{n:,} dead", "more than {n:,} people")


def skewed_rows(count: int, seed: int) -> list[dict[str, str]]:
    """``count`` reports of one cumulative toll over a year, as outlets write them."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        day = rng.randrange(365)
        toll = 1_000 + day * 120
        source, named = "Health Ministry", "true"
        if rng.random() < 0.1:
            source, toll = "independent monitoring group", round(toll * 1.6)
        elif rng.random() < 0.02:
            toll = round(toll * rng.choice((0.5, 0.7)))
        k = rng.randrange(len(WORDINGS))
        rows.append(
            {
                "claim_key": f"toll-{i}",
                "claim": WORDINGS[k].format(n=toll),
                "category": "casualties",
                "quantity": QUANTITIES[k].format(n=toll),
                "as_of": (START + timedelta(days=day)).isoformat(),
                "source": source,
                "source_named": named,
                "via": f"Outlet {rng.randrange(300)}",
                "outlet": f"Paper {rng.randrange(400)}",
                "url": f"https://example.org/toll/{i}",
                "language": "en",
            }
        )
    return rows


def write(attributions: int, seed: int, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    half = attributions // 2
    generate(attributions - half, seed, out)
    path = out / "claims.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        for row in skewed_rows(half, seed):
            writer.writerow({k: row.get(k, "") for k in header})
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(write(args.attributions, args.seed, args.out))


if __name__ == "__main__":
    main()
