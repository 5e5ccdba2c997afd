"""A hedge written after a figure is never its unit.

"500 około" is not 500 of "około" (Polish "about"): a word any language lists as a hedge
before a figure (its ``[quantities.before]`` table, whatever the qualifier) or an
attribution-level hedge of the text's language is read as a hedge after the figure only
where a ``[quantities.after]`` table lists it ("500 environ"); anywhere else after the
figure it is refused, never taken for the unit, nor for a word describing the count noun
("500 około osób").
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import lexicon
from provenance.figure_words import hedge_phrases, words
from provenance.quantities import explain_refusal, parse_quantity

Q = tuple[str, float | None, float | None, float | None, str]


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("500 około", "pl", "'około' after the figure is a hedge word, not a unit"),
        ("300 около", "bg", "'около' after the figure is a hedge word, not a unit"),
        ("200 takriban", "sw", "'takriban' after the figure is a hedge word, not a unit"),
        ("500 ponad", "pl", "'ponad' after the figure is a hedge word, not a unit"),
        ("300 около", "ru", "'около' after the figure is a hedge word, not a unit"),
        ("500 about", "en", "'about' after the figure is a hedge word, not a unit"),
        ("500 nearly", "en", "'nearly' after the figure is a hedge word, not a unit"),
        # Another language's hedge, or a text whose language is not given.
        ("500 około", "en", "'około' after the figure is a hedge word, not a unit"),
        ("500 około", None, "'około' after the figure is a hedge word, not a unit"),
        # Hedges of more than one word, also when their first word alone is a word of
        # another kind (Polish "co", what; Spanish "ha", hectares; Urdu "کم", the Arabic
        # abbreviation of km; Swedish "fler", more).
        ("500 więcej niż", "pl", "'więcej niż' after the figure is a hedge word, not a unit"),
        ("500 mniej więcej", "pl", "'mniej więcej' after the figure is a hedge word, not a unit"),
        ("500 co najmniej", "pl", "'co najmniej' after the figure is a hedge word, not a unit"),
        ("500 zaidi ya", "sw", "'zaidi ya' after the figure is a hedge word, not a unit"),
        ("500 ha superado", "es", "'ha superado' after the figure is a hedge word, not a unit"),
        ("500 کم از کم", "ur", "'کم از کم' after the figure is a hedge word, not a unit"),
        ("500 fler än", "sv", "'fler än' after the figure is a hedge word, not a unit"),
        ("500 more than", "en", "'more than' after the figure is a hedge word, not a unit"),
        # The first word of a longer hedge written before figures is a hedge after them
        # alone ("lebih", more; "plus"): the longer hedge does not hedge the figure before.
        (
            "500 lebih dari",
            "id",
            "'lebih dari' after the figure is a hedge word, not one of the figure before it",
        ),
        (
            "500 plus de morts",
            "fr",
            "'plus de' after the figure is a hedge word, not one of the figure before it",
        ),
        # Between the figure and its count noun, or after a people's name.
        ("500 około osób", "pl", "'około' after the figure is a hedge word, not a unit"),
        ("500 ponad ludzi", "pl", "'ponad' after the figure is a hedge word, not a unit"),
        ("500 Sudanese about", "en", "'about' after the figure is a hedge word, not a unit"),
        # A hedge written after figures where it hedges none: after a classifier, before
        # the noun ("300名左右士兵", some 300 soldiers, is not exactly 300), or without the
        # hyphen that writes it against the figure (Georgian "500-ზე მეტი", more than 500).
        ("300名左右士兵", "zh", "'左右' after the figure is a hedge word, not a unit"),
        (
            "500 ზე მეტი ადამიანი",
            "ka",
            "'ზე მეტი' after the figure is a hedge word, not a unit",
        ),
        # Attribution-level hedges are no unit either.
        ("500 podobno", "pl", "'podobno' after the figure is a hedge word, not a unit"),
        ("500 reportedly", "en", "'reportedly' after the figure is a hedge word, not a unit"),
    ],
)
def test_a_hedge_after_the_figure_is_refused_not_read_as_its_unit(
    text: str, language: str | None, reason: str
) -> None:
    assert parse_quantity(text, language) is None
    assert explain_refusal(text, language) == reason


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Listed after figures too: read as that hedge.
        ("500 environ", "fr", ("about", 500, None, None, "")),
        ("500 personnes environ", "fr", ("about", 500, None, None, "people")),
        ("300 personas aproximadamente", "es", ("about", 300, None, None, "people")),
        ("500 περίπου", "el", ("about", 500, None, None, "")),
        ("500 at least", "en", ("at_least", 500, 500, None, "")),
        ("500 überschritten", "de", ("over", 500, 500, None, "")),
        ("500 plus", "en", ("at_least", 500, 500, None, "")),
        # Nothing else changes: a count noun, a unit, a word that is a hedge only with
        # another after it, an attribution-level hedge before the noun.
        ("500 osób", "pl", ("exact", 500, None, None, "people")),
        ("500 ha", "es", ("exact", 5, None, None, "km2")),
        ("około 500 osób", "pl", ("about", 500, None, None, "people")),
        ("ponad 500 osób", "pl", ("over", 500, 500, None, "people")),
        ("300 döda under natten", "sv", ("exact", 300, None, None, "killed")),
        ("500 reportedly killed", "en", ("exact", 500, None, None, "killed")),
        ("takriban watu 200", "sw", ("about", 200, None, None, "people")),
        ("500-ზე მეტი ადამიანი", "ka", ("over", 500, 500, None, "people")),
        ("300名士兵左右", "zh", ("about", 300, None, None, "troops")),
        ("300名以色列士兵", "zh", ("exact", 300, None, None, "troops")),
    ],
)
def test_hedges_listed_after_figures_and_other_words_read_as_before(
    text: str, language: str, expected: Q
) -> None:
    q = parse_quantity(text, language)
    assert q is not None, explain_refusal(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == expected


def _tables(name: str) -> list[tuple[str, str]]:
    found = []
    for code in lexicon.languages():
        table = lexicon.section(code, "quantities").get(name, {})
        found += [(code, str(p)) for phrases in table.values() for p in phrases]
    return found


BEFORE = _tables("before")
AFTER = [
    (code, qualifier, str(phrase))
    for code in lexicon.languages()
    for qualifier, phrases in lexicon.section(code, "quantities").get("after", {}).items()
    for phrase in phrases
]
NOUNS: dict[str, list[str]] = {code: [""] for code in lexicon.languages()}
for _code, _noun in _tables("nouns"):
    NOUNS[_code].append(_noun)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(BEFORE), st.data())
def test_no_hedge_written_before_figures_is_a_unit_after_one(
    hedge: tuple[str, str], data: st.DataObject
) -> None:
    """In every language, "500 <hedge>" and "500 <hedge> <noun>" are refused, or read
    with the hedge as a hedge: it is never the unit, and the noun after it is not read as
    if no hedge stood there."""
    code, phrase = hedge
    noun = data.draw(st.sampled_from(NOUNS[code]))
    text = f"500 {phrase} {noun}".strip()
    q = parse_quantity(text, code)
    if q is None:
        return
    assert not set(words(phrase)) & set(words(q.unit_written)), (text, q)
    assert q.qualifier != "exact" or not q.unit, (text, q)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(lexicon.languages()), st.data())
def test_no_attribution_hedge_is_a_unit(code: str, data: st.DataObject) -> None:
    phrase = data.draw(st.sampled_from(sorted(hedge_phrases(code))))
    q = parse_quantity(f"500 {phrase}", code)
    assert q is None or not q.unit, (phrase, q)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(AFTER), st.data())
def test_a_hedge_written_after_figures_reads_as_its_table_says(
    hedge: tuple[str, str, str], data: st.DataObject
) -> None:
    """In every language, "500 <hedge>" and "500 <hedge> <noun>" read with the qualifier
    the language's after-figure table gives the hedge, or are refused."""
    code, qualifier, phrase = hedge
    noun = data.draw(st.sampled_from(NOUNS[code]))
    text = f"500 {phrase} {noun}".strip()
    q = parse_quantity(text, code)
    assert q is None or q.qualifier == qualifier, (text, q)
