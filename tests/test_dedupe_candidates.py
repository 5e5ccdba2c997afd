"""Candidate generation loses nothing: the blocked routes of ``dedupe`` yield every pair
their scorer could accept (found here by comparing all pairs), and each pair once."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import quantities
from provenance.dedupe import (
    ROUNDING,
    FigureFacts,
    Figures,
    compatible,
    evidence_pair,
    figure_blocks,
    figure_facts,
    measure_pair,
    similar_texts,
    text_pair,
    text_parts,
)
from provenance.measures import (
    ASSERTED,
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    DENIED_ONLY,
    ClaimPoint,
    PairCount,
    location_clusters,
    pair_key,
)
from provenance.quantities import Interval, parse_quantity

DAY = 739_000
FIGURES = ["100", "about 100", "105", "110", "more than 112", "125", "1,000", "up to 1,010"]


@st.composite
def claims(draw: st.DrawFn) -> list[ClaimPoint]:
    out = []
    for i in range(draw(st.integers(2, 30))):
        dated = draw(st.integers(0, 9)) > 0
        start = DAY + draw(st.integers(0, 40)) if dated else 0
        length = draw(st.sampled_from([0, 0, 0, 1, 9, 30])) if dated else 0
        figure = draw(st.sampled_from(FIGURES))
        words = draw(
            st.lists(st.sampled_from(["army", "took", "town", "north", "near"]), max_size=3)
        )
        out.append(
            ClaimPoint(
                id=i + 1,
                key=f"c{i}",
                text=f"{' '.join(words)} {figure} people killed",
                category="casualties",
                subject="",
                metric="",
                location=draw(st.sampled_from(["", "", "darfur", "darfour", "kordofan"])),
                start=start,
                end=start + length if dated else 0,
                quantity=parse_quantity(f"{figure} people"),
                language="en",
                stances=draw(st.sampled_from([ASSERTED, ASSERTED, DENIED_ONLY])),
            )
        )
    return out


def _once(pairs: list[tuple[ClaimPoint, ClaimPoint]]) -> set[tuple[int, int]]:
    keys = [(min(a.id, b.id), max(a.id, b.id)) for a, b in pairs]
    assert len(keys) == len(set(keys)), "a pair was yielded twice"
    return set(keys)


@settings(max_examples=300, deadline=None)
@given(claims())
def test_figure_blocks_yield_every_pair_the_evidence_may_score(points: list[ClaimPoint]) -> None:
    locations = location_clusters(points)
    window, tolerance = DEFAULT_WINDOW_DAYS, DEFAULT_TOLERANCE
    found = _once(list(figure_blocks(points, tolerance, window, locations)))
    for a, b in combinations(points, 2):
        if evidence_pair(a, b, tolerance, window, locations) is not None:
            assert (a.id, b.id) in found, (a, b)


@settings(max_examples=300, deadline=None)
@given(claims(), st.sampled_from([0, 60, 85]))
def test_text_blocks_yield_every_pair_the_words_may_score(
    points: list[ClaimPoint], threshold: int
) -> None:
    window, tolerance = DEFAULT_WINDOW_DAYS, DEFAULT_TOLERANCE
    found = _once(list(similar_texts(points, text_parts(points, window), threshold)))
    for a, b in combinations(points, 2):
        pair = text_pair(a, b, window, tolerance, {})
        if pair is not None and pair.score >= threshold:
            assert (a.id, b.id) in found, (a, b)


def test_a_text_score_rounded_up_to_the_threshold_is_not_dropped() -> None:
    """Both ratios of these texts are 84.7: the pair scores 85 and must be compared."""
    texts = ["took north about 100 people killed", "town near about 100 people killed"]
    points = [
        ClaimPoint(
            id=i + 1,
            key=f"c{i}",
            text=text,
            category="casualties",
            subject="",
            metric="",
            location="",
            start=0,
            end=0,
            quantity=parse_quantity("about 100 people"),
            language="en",
        )
        for i, text in enumerate(texts)
    ]
    pair = text_pair(points[0], points[1], DEFAULT_WINDOW_DAYS, DEFAULT_TOLERANCE, {})
    assert pair is not None and pair.score == 85
    found = similar_texts(points, text_parts(points, DEFAULT_WINDOW_DAYS), 85)
    assert _once(list(found)) == {(1, 2)}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(1, 40), min_size=1, max_size=12, unique=True),
            st.none() | st.lists(st.integers(1, 40), min_size=1, max_size=12, unique=True),
        ),
        max_size=6,
    ),
    st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40)), max_size=10),
)
def test_pairs_compared_are_counted_once(
    parts: list[tuple[list[int], list[int] | None]], routed: list[tuple[int, int]]
) -> None:
    """However many blocks and routes meet a pair, it is one pair compared; a claim is
    never paired with itself; small parts (counted one by one) and large ones (as arrays)
    agree."""
    count = PairCount()
    expected: set[frozenset[int]] = set()
    for a, b in routed:
        if a != b:
            count.add(pair_key(a, b))
            expected.add(frozenset((a, b)))
    for rows, cols in parts:
        count.add_cells(rows, cols)
        if cols is None:
            expected.update(frozenset(p) for p in combinations(rows, 2))
        else:
            expected.update(frozenset((a, b)) for a in rows for b in cols if a != b)
    assert count.total() == len(expected)


def test_figure_facts_read_unit_point_interval_kind_and_hedge() -> None:
    inf = float("inf")
    assert figure_facts(parse_quantity("more than 460 people"), 0.1) == FigureFacts(
        "people", 460.0, Interval(460.0, inf, False, False), "count", "floor"
    )
    assert figure_facts(parse_quantity("about 1,000 people"), 0.1) == FigureFacts(
        "people", 1000.0, Interval(900.0, 1100.0, True, True), "count", "centre"
    )
    assert figure_facts(parse_quantity("between 10 and 20 km2"), 0.1) == FigureFacts(
        "km2", 15.0, Interval(10.0, 20.0, True, True), "area:km2", "centre"
    )


def _each_in_the_other(a: quantities.Quantity, b: quantities.Quantity, tolerance: float) -> bool:
    """``compatible`` worked out directly from the figures, bounds met within rounding."""
    pa, pb = quantities.point(a), quantities.point(b)
    if a.unit != b.unit or pa is None or pb is None:
        return False
    ia, ib = quantities.interval(a, tolerance), quantities.interval(b, tolerance)
    slack = ROUNDING * max(abs(pa), abs(pb))
    return ib.lo - slack <= pa <= ib.hi + slack and ia.lo - slack <= pb <= ia.hi + slack


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("approximately 4.4 square miles", "around 4 square miles"),
        ("nearly 1.1 sq mi", "some 1 sq mi"),
        ("about 4.4 km²", "about 4 km²"),
    ],
)
def test_a_converted_figure_meets_the_bound_it_states(a: str, b: str) -> None:
    """A figure at the other's bound stays within it once both are converted to one
    unit, whatever the rounding of the conversion."""
    qa, qb = quantities.parse_quantity(a), quantities.parse_quantity(b)
    assert qa is not None and qb is not None
    assert compatible(qa, qb, DEFAULT_TOLERANCE)


@settings(max_examples=200, deadline=None)
@given(claims(), st.sampled_from([0.0, 0.05, DEFAULT_TOLERANCE, 0.5]))
def test_figures_worked_out_once_per_claim_score_every_pair_alike(
    points: list[ClaimPoint], tolerance: float
) -> None:
    """One ``Figures`` shared by every pair scores each pair as figures worked out for
    that pair alone, and ``compatible`` is each figure inside the other's interval."""
    shared = Figures(tolerance)
    window, locations = DEFAULT_WINDOW_DAYS, location_clusters(points)
    for a, b in combinations(points, 2):
        assert a.quantity is not None and b.quantity is not None
        assert compatible(a.quantity, b.quantity, tolerance) == _each_in_the_other(
            a.quantity, b.quantity, tolerance
        )
        alone = [
            measure_pair(a, b, tolerance),
            evidence_pair(a, b, tolerance, window, locations),
            text_pair(a, b, window, tolerance, {}),
        ]
        together = [
            measure_pair(a, b, tolerance, figures=shared),
            evidence_pair(a, b, tolerance, window, locations, figures=shared),
            text_pair(a, b, window, tolerance, {}, figures=shared),
        ]
        assert together == alone
