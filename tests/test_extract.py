"""``provenance extract``: candidate claims from article text, scored against truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from provenance.extract import extract_article, to_nested
from provenance.extract.reading import from_plain, read_article, with_metadata
from provenance.quantities import parse_quantity
from tests.helpers import ROOT

SEED = ROOT / "fixtures" / "kursk_article.txt"
TRUTH = ROOT / "fixtures" / "kursk_2024.yaml"
_COUNTRY = {"us": "united states", "kyiv's general staff": "ukrainian general staff"}


def _nested(text: str, **meta: str) -> dict:  # type: ignore[type-arg]
    return to_nested([extract_article(with_metadata(from_plain(text), **meta))])


def _affiliation(value: str | None) -> str:
    low = (value or "").casefold().removeprefix("the ").strip()
    return _COUNTRY.get(low, low)


def _figure(text: str, language: str = "en") -> tuple[object, ...]:
    q = parse_quantity(text, language)
    assert q is not None, text
    return (q.qualifier, q.value, q.low, q.high, q.unit)


def _score_seed() -> dict[str, float]:
    truth = yaml.safe_load(TRUTH.read_text())
    sources = {s["key"]: s for s in truth["sources"]}
    wanted = [c for c in truth["claims"] if c.get("quantity")]
    proposed = _nested(SEED.read_text(), outlet="Daily Express", published="2024-11", language="en")
    names = {s["key"]: s for s in proposed["sources"]}
    by_figure = {_figure(c["quantity"]): c for c in proposed["claims"]}
    found = [c for c in wanted if _figure(c["quantity"]) in by_figure]
    right_chain = 0
    total_attributions = 0
    for claim in wanted:
        got = by_figure.get(_figure(claim["quantity"]))
        for a in claim["attributions"]:
            total_attributions += 1
            if got is None:
                continue
            origin = sources[a["source"]]
            want_via = [sources[v]["name"] for v in a.get("via", [])]
            for b in got["attributions"]:
                mine = names[b["source"]]
                if (
                    mine["named"] == origin.get("named", True)
                    and _affiliation(mine.get("affiliation"))
                    == _affiliation(origin.get("affiliation"))
                    and [names[v]["name"] for v in b.get("via", [])] == want_via
                ):
                    right_chain += 1
                    break
    true_figures = {_figure(c["quantity"]) for c in wanted}
    correct = [c for c in proposed["claims"] if _figure(c["quantity"]) in true_figures]
    return {
        "recall": len(found) / len(wanted),
        "precision": len(correct) / len(proposed["claims"]),
        "origin_and_relay": right_chain / total_attributions,
        "proposed": len(proposed["claims"]),
    }


def test_seed_article_against_the_fixture() -> None:
    score = _score_seed()
    print(score)
    assert score["recall"] >= 0.9
    assert score["origin_and_relay"] >= 0.8
    assert score["precision"] >= 0.9


def test_seed_article_proposes_no_date_or_year() -> None:
    proposed = _nested(SEED.read_text(), published="2024-11")
    quantities = [c["quantity"] for c in proposed["claims"]]
    assert quantities == [
        "over 40 percent",
        "about 531 square miles",
        "roughly 309 square miles",
        "close to 60,000 troops",
        "up to 10,000 North Korean soldiers",
    ]


def test_seed_unnamed_origin_with_affiliation_and_relay() -> None:
    proposed = _nested(SEED.read_text(), outlet="Daily Express", published="2024-11")
    first = proposed["claims"][0]
    source = next(s for s in proposed["sources"] if s["key"] == first["attributions"][0]["source"])
    assert source == {
        "key": "high-ranking-but-unnamed-official-from-kyiv-s-ge",
        "name": "high-ranking but unnamed official from Kyiv's General Staff",
        "kind": "official",
        "named": False,
        "affiliation": "Kyiv's General Staff",
    }
    assert first["attributions"][0]["via"] == ["reuters", "daily-express"]


ENGLISH = """\
Shelling kills civilians in border town

Jane Roe

At least 14 people were killed and 32 wounded when shells hit a market in Northtown on Tuesday, the regional health ministry said.

The army has deployed about 2,500 soldiers to the area since March, Reuters reported, citing an unnamed defence official.

The 45-year-old mayor said on 12 May 2023 that the city needs 3 million euros.

Read more: our coverage
"""


def test_english_article_exact_candidates() -> None:
    got = _nested(ENGLISH, published="2024-06-14", outlet="Example News")
    rows = [
        (
            c["quantity"],
            c["category"],
            c.get("as_of"),
            [a["source"] for a in c["attributions"]],
            c["attributions"][0].get("via"),
        )
        for c in got["claims"]
    ]
    assert rows == [
        (
            "At least 14 people",
            "casualties",
            "2024-06-11",
            ["regional-health-ministry"],
            ["example-news"],
        ),
        ("32 wounded", "casualties", "2024-06-11", ["regional-health-ministry"], ["example-news"]),
        (
            "about 2,500 soldiers",
            "troop_count",
            "2024-06-14",
            ["unnamed-defence-official"],
            ["reuters", "example-news"],
        ),
        ("3 million euros", "aid_transfer", "2023-05-12", ["45-year-old-mayor"], ["example-news"]),
    ]
    sources = {s["key"]: s for s in got["sources"]}
    assert sources["unnamed-defence-official"]["named"] is False
    assert sources["reuters"]["kind"] == "news_agency"


def test_quotes_are_exact_spans_of_the_stored_text() -> None:
    got = _nested(SEED.read_text())
    text = got["documents"][0]["text"]
    assert "**" not in text
    for claim in got["claims"]:
        for a in claim["attributions"]:
            assert a["quote"] in text


def test_cli_extract_import_check(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "article.md"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli(
        "extract", str(article), "--published", "2024-06-14", "--outlet", "Example News",
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [c["quantity"] for c in data["claims"]] == [
        "At least 14 people", "32 wounded", "about 2,500 soldiers", "3 million euros",
    ]  # fmt: skip
    result = cli("extract", str(article), "--published", "2024-06-14", "--import", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "imported 4 claims, 4 attributions, 4 sources, 1 documents (0 already present); batch 1\n"
    )
    check = cli("check")
    assert check.exit_code == 0, check.output
    assert check.stdout.strip().splitlines()[-1] == "ok"


def test_cli_import_without_terminal_needs_yes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("extract", str(article), "--import")
    assert result.exit_code == 2
    assert result.stderr == "error: importing without a terminal to confirm on needs --yes\n"


def test_cli_bad_published_date_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("extract", str(article), "--published", "03/04/2024")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --published: ambiguous date")


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in February 2022.",
        "The 47th brigade held the line for 3 days.",
        "F-16 jets flew at 10:30 on 12 March, officials said.",
        "The 45-year-old was detained in 2023.",
    ],
)
def test_dates_ages_times_and_names_are_not_figures(sentence: str) -> None:
    assert _nested(f"{sentence}\n")["claims"] == []


def test_read_article_strips_markdown(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nSome **bold** and [a link](http://x.test) text.\n")
    article = read_article(path)
    assert article.title == "Title"
    assert article.text == "Title\n\nSome bold and a link text.\n"
