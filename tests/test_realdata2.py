"""Duplicates and conflicts on a second labelled corpus of real reporting, on other wars
and languages than the Sudan corpus: ``data/realdata2`` (Gaza 2023 tolls, hostages and
aid trucks, Bakhmut in May 2023, drone nights over Ukraine and Russia; 70 reports in 11
languages). Scored by the rules of the Sudan corpus's ``score.py``.

The figures are the ones measured, so that a change that reads these pages worse fails
here; a change that reads them better raises them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.realcorpus import Expected, assert_at_least, check_labels, load, score

CORPUS = Path(__file__).parent / "data" / "realdata2" / "gaza_ukraine_claims.json"
EXPECTED = Expected(kept_as_text=6, dup_true=35, dup_wrong=4, conflicts_found=11, false_flags=1)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load(CORPUS)


def test_corpus_labels_name_its_records(gold: dict[str, Any]) -> None:
    check_labels(gold, languages=5)


def test_second_corpus_scores(db_url: str, tmp_path: Path, gold: dict[str, Any]) -> None:
    assert_at_least(score(db_url, tmp_path, gold), EXPECTED)
