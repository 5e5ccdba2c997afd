"""Duplicates and conflicts on a third labelled corpus of real reporting:
``data/realdata3`` (the battle for Goma in eastern DR Congo, January-February 2025;
Houthi drone and missile attacks over the Red Sea and the Gulf of Aden in 2024; the
Barsalogho massacre in Burkina Faso, August 2024; 56 reports in 6 languages). Scored by
the rules of the Sudan corpus's ``score.py``.

The figures are the ones measured, so that a change that reads these pages worse fails
here; a change that reads them better raises them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.realcorpus import Expected, assert_at_least, check_labels, load, score

CORPUS = Path(__file__).parent / "data" / "realdata3" / "drc_yemen_sahel_claims.json"
EXPECTED = Expected(kept_as_text=1, dup_true=32, dup_wrong=3, conflicts_found=9, false_flags=0)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load(CORPUS)


def test_corpus_labels_name_its_records(gold: dict[str, Any]) -> None:
    check_labels(gold, languages=4)


def test_third_corpus_scores(db_url: str, tmp_path: Path, gold: dict[str, Any]) -> None:
    assert_at_least(score(db_url, tmp_path, gold), EXPECTED)
