"""Duplicates and conflicts on real reporting: the labelled corpus in ``../shared/realdata``
(91 reports from 78 pages in 8 languages), scored with its own ``score.py``.

The floors sit a little under the figures measured when the matcher was written, so a
change that makes real reporting worse fails here, whatever the generated benchmark says.
The corpus lives beside the repository (``PROVENANCE_REALDATA`` points elsewhere).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import runpy
from pathlib import Path
from typing import Any

import pytest

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from provenance.dedupe import find_duplicates
from tests.helpers import ROOT
from tests.test_import import run_import

REALDATA = Path(os.environ.get("PROVENANCE_REALDATA") or ROOT.parent / "shared" / "realdata")
pytestmark = pytest.mark.skipif(
    not (REALDATA / "sudan_claims.json").exists(), reason="no labelled corpus beside the repo"
)


def _score(mode: str, proposed: Any) -> dict[str, str]:
    """Run the corpus's own scorer and parse its one line into fields."""
    scorer = runpy.run_path(str(REALDATA / "score.py"))
    out = io.StringIO()
    stdin = io.StringIO(json.dumps(proposed))
    with contextlib.redirect_stdout(out), _stdin(stdin):
        scorer["main"](["score.py", mode, str(REALDATA / "sudan_claims.json")])
    return dict(field.split("=", 1) for field in out.getvalue().split()[1:] if "=" in field)


@contextlib.contextmanager
def _stdin(stream: io.StringIO) -> Any:
    import sys

    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


@pytest.fixture
def corpus_db(db_url: str, tmp_path: Path) -> str:
    to_csv = runpy.run_path(str(REALDATA / "to_csv.py"))
    records = json.loads((REALDATA / "sudan_claims.json").read_text(encoding="utf-8"))
    path = tmp_path / "sudan.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(to_csv["COLUMNS"])
        for record in records["records"]:
            writer.writerow(to_csv["row_for"](record))
    assert run_import(db_url, path).counts.claims == len(records["records"])
    return db_url


def test_duplicates_on_real_reporting(corpus_db: str) -> None:
    with open_session(corpus_db) as session:
        clusters = [c.claims for c in find_duplicates(session).clusters]
    score = _score("dedupe", clusters)
    assert float(score["precision"]) >= 0.95, score
    assert float(score["recall"]) >= 0.85, score


def test_conflicts_on_real_reporting(corpus_db: str) -> None:
    with open_session(corpus_db) as session:
        pairs = [c.claims for c in find_conflicts(session).conflicts if c.a.id != c.b.id]
    score = _score("conflicts", pairs)
    assert float(score["recall"]) >= 0.9, score
    assert int(score["false_flags"].split("/")[0]) <= 1, score
