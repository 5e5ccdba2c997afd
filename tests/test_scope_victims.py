"""Arabic "ضحايا" (victims) heads a count of the dead as often as one of the dead and
wounded together, so it gives no ``combined`` scope; the figure's own words decide."""

from __future__ import annotations

import pytest

from tests.helpers import read_words


@pytest.mark.parametrize(
    ("text", "figure", "combined"),
    [
        ("قال الناطق إن حصيلة ضحايا مجزرة المستشفى بلغت 471 شهيداً و314 إصابة", "471", False),
        ("ارتفعت حصيلة ضحايا العدوان على القطاع إلى 9770 شهيدا", "9770", False),
        ("أسفر القصف عن سقوط 50 قتيلا وجريحا في السوق", "50", True),
        ("أسفر القصف عن سقوط 120 شهيدا وجريحا", "120", True),
    ],
)
def test_victims_alone_is_no_scope(text: str, figure: str, combined: bool) -> None:
    read = read_words(text, figure, "ar")
    assert ("combined" in read.scopes) is combined
