"""Text scores of many pairs at once agree with the score of each pair alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.measures import ClaimPoint, TextScores, text_score, text_scores

WORDS = ["russian", "ukrainian", "troops", "not", "took", "captured", "lost", "the", "town"]


def _point(i: int, text: str) -> ClaimPoint:
    return ClaimPoint(
        id=i,
        key=f"c{i}",
        text=text,
        category="territory",
        subject="",
        metric="",
        location="",
        start=0,
        end=0,
        quantity=None,
        language="en",
    )


def test_batch_scores_are_the_pair_scores() -> None:
    a = _point(1, "Russian troops took the town")
    b = _point(2, "Russian troops took the town")
    c = _point(3, "Ukrainian troops took the town")
    d = _point(4, "Russian troops did not take the town")
    assert text_scores([(a, b), (a, c), (a, d), (c, d)]) == [100, 58, 63, 38]
    assert text_scores([]) == []


def test_primed_scores_are_found_without_scoring_again() -> None:
    a, c = _point(1, "Russian troops took the town"), _point(3, "Ukrainian troops took the town")
    words = TextScores()
    words.prime([(a, c), (c, a)])
    assert words.known == {1 << 32 | 3: 58}
    assert words(c, a) == 58


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), max_size=7),
            st.lists(st.sampled_from(WORDS), max_size=7),
        ),
        max_size=12,
    )
)
def test_batch_scores_match_each_pair_alone(texts: list[tuple[list[str], list[str]]]) -> None:
    pairs = [
        (_point(2 * i + 1, " ".join(x)), _point(2 * i + 2, " ".join(y)))
        for i, (x, y) in enumerate(texts)
    ]
    assert text_scores(pairs) == [text_score(a, b) for a, b in pairs]
