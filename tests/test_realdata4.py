"""Duplicates and conflicts on a fourth labelled corpus of real reporting:
``data/realdata4`` (the pager and walkie-talkie blasts in Lebanon, 17-18 September
2024, and the dispute over who made the pagers; Azerbaijan's offensive in
Nagorno-Karabakh, the Stepanakert fuel depot blast and the exodus to Armenia,
September 2023; 71 reports in 15 languages). Scored by the rules of the Sudan corpus's
``score.py``.

The figures are the ones measured, so that a change that reads these pages worse fails
here; a change that reads them better raises them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.realcorpus import Expected, assert_at_least, check_labels, load, score

CORPUS = Path(__file__).parent / "data" / "realdata4" / "lebanon_karabakh_claims.json"
EXPECTED = Expected(kept_as_text=3, dup_true=27, dup_wrong=2, conflicts_found=26, false_flags=18)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load(CORPUS)


def test_corpus_labels_name_its_records(gold: dict[str, Any]) -> None:
    check_labels(gold, languages=15)


def test_fourth_corpus_scores(db_url: str, tmp_path: Path, gold: dict[str, Any]) -> None:
    assert_at_least(score(db_url, tmp_path, gold), EXPECTED)
