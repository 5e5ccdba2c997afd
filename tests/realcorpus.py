"""Labelled corpora of real reporting kept in the repository (``data/realdata*``): each
record written as the Sudan corpus's ``to_csv.py`` writes it, imported, and the
duplicates and conflicts found scored against the labels by the rules of its
``score.py``."""

from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from provenance.dedupe import find_duplicates
from provenance.ingest.records import CSV_COLUMNS
from tests.test_import import run_import


@dataclass(frozen=True)
class Expected:
    """Measured figures: a change that reads the pages worse fails; one that reads them
    better raises them."""

    kept_as_text: int
    """Import warnings: figures kept as text."""
    dup_true: int
    dup_wrong: int
    conflicts_found: int
    """Labelled conflicts found."""
    false_flags: int
    """Labelled look-alikes flagged."""


def load(corpus: Path) -> dict[str, Any]:
    return json.loads(corpus.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _row(rec: dict[str, Any]) -> list[str]:
    """One record as the corpus's ``to_csv.py`` writes it."""
    outlet = rec["outlet"]
    row = dict.fromkeys(CSV_COLUMNS, "")
    row.update(
        claim_key=rec["id"],
        claim=rec["text"],
        category=rec["category"],
        subject=rec["subject"],
        metric=rec["metric"],
        quantity=rec["quantity"],
        as_of=rec["as_of"],
        stance="asserts",
        source=rec["source"],
        source_kind=rec["source_kind"],
        source_named="true" if rec["source_named"] else "false",
        source_affiliation=rec["source_affiliation"],
        via=rec["via"],
        quote=rec["quote"],
        document_title=f"{outlet} report" if outlet else "",
        outlet=outlet,
        url=rec["url"],
        published=rec["published"],
        language=rec["lang"],
    )
    return [row[c] for c in CSV_COLUMNS]


def pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2) if p[0] != p[1]}


def check_labels(gold: dict[str, Any], languages: int) -> None:
    """Every label names a record, no pair is both a duplicate and a conflict, and the
    records are in at least ``languages`` languages."""
    ids = {r["id"] for r in gold["records"]}
    labelled = [
        k
        for key in ("dup_groups", "dup_ignore", "must_conflict", "must_not_conflict")
        for group in gold[key]
        for k in group
    ]
    assert set(labelled) <= ids
    assert not pairs(gold["must_conflict"]) & pairs(gold["dup_groups"])
    assert len({r["lang"] for r in gold["records"]}) >= languages


def score(db_url: str, tmp_path: Path, gold: dict[str, Any]) -> dict[str, int]:
    """Import the corpus into ``db_url`` and score what dedupe and conflicts find."""
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_row(r) for r in gold["records"])
    report = run_import(db_url, path)
    assert report.counts.claims == len(gold["records"])
    with open_session(db_url) as session:
        clusters = [c.claims for c in find_duplicates(session).clusters]
        flagged = [c.claims for c in find_conflicts(session).conflicts if c.a.id != c.b.id]
    ignore = pairs(gold["dup_ignore"])
    proposed = pairs(clusters) - ignore
    found = pairs(flagged)
    return {
        "kept_as_text": sum("kept as text" in str(w) for w in report.warnings),
        "dup_true": len(proposed & (pairs(gold["dup_groups"]) - ignore)),
        "dup_proposed": len(proposed),
        "conflicts_found": len(found & pairs(gold["must_conflict"])),
        "false_flags": len(found & pairs(gold["must_not_conflict"])),
    }


def assert_at_least(found: dict[str, int], expected: Expected) -> None:
    assert found["kept_as_text"] <= expected.kept_as_text, found
    assert found["dup_true"] >= expected.dup_true, found
    assert found["dup_proposed"] - found["dup_true"] <= expected.dup_wrong, found
    assert found["conflicts_found"] >= expected.conflicts_found, found
    assert found["false_flags"] <= expected.false_flags, found
