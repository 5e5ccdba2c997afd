"""ClaimReview: exported JSON-LD expands with a JSON-LD processor, imports back exactly,
and fact-check pages' embedded markup imports as claims, sources and verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld

from provenance.claimreview import find_reviews, jsonld_blocks
from provenance.db import open_session
from provenance.ingest.claimreview import convert
from provenance.query import get_claim
from provenance.verdicts import claim_verdicts
from tests.helpers import ROOT

DATA = ROOT / "tests" / "data"
SCHEMA = "http://schema.org/"
VERDICTS = [
    ("verdict", "ukraine-holds-309-sq-mi", "--rating", "Unproven", "--by", "Example Check",
     "--date", "2024-11-20", "--url", "https://factcheck.example.org/kursk-309",
     "--explanation", "Rests on one unnamed official."),
    ("verdict", "up-to-10000-north-korean-soldiers-kursk", "--rating", "Mostly true", "--by",
     "Example Check", "--date", "2024-11-21", "--url", "https://factcheck.example.org/nk"),
    ("verdict", "up-to-10000-north-korean-soldiers-kursk", "--rating", "Accurate", "--by",
     "Other Check", "--url", "https://other.example.org/nk", "--date", "2024-12"),
]  # fmt: skip


def local_context(url: str, options: Any = None) -> dict[str, Any]:
    """schema.org's context, from a local copy: the tests never touch the network."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    document = json.loads((DATA / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def with_verdicts(cli) -> None:  # type: ignore[no-untyped-def]
    for args in VERDICTS:
        assert cli(*args).exit_code == 0


def prop(node: dict[str, Any], name: str) -> list[Any]:
    return list(node.get(SCHEMA + name, []))


def test_export_expands_with_every_required_field(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    with_verdicts(cli)
    out = cli("export", "--format", "claimreview")
    assert out.exit_code == 0
    expanded = jsonld.expand(json.loads(out.output), {"documentLoader": local_context})
    graph = expanded  # a top-level @graph expands to its nodes
    assert len(graph) == 3
    for review in graph:
        assert review["@type"] == [SCHEMA + "ClaimReview"]
        assert prop(review, "claimReviewed")[0]["@value"]
        assert prop(review, "url")[0]["@id"].startswith("https://")
        assert prop(review, "datePublished")[0]["@type"] == SCHEMA + "Date"
        (author,) = prop(review, "author")
        assert author["@type"] == [SCHEMA + "Organization"] and prop(author, "name")
        (rating,) = prop(review, "reviewRating")
        assert prop(rating, "alternateName")[0]["@value"]
        (claim,) = prop(review, "itemReviewed")
        assert claim["@type"] == [SCHEMA + "Claim"]
        assert prop(claim, "author") and prop(claim, "datePublished")
        for appearance in prop(claim, "appearance"):
            assert appearance["@type"] == [SCHEMA + "Quotation"]
            assert prop(appearance, "creator") and prop(appearance, "isPartOf")
    first = graph[0]
    assert [r["@value"] for r in prop(prop(first, "reviewRating")[0], "ratingExplanation")] == [
        "Rests on one unnamed official."
    ]
    (claim,) = prop(first, "itemReviewed")
    (appearance,) = prop(claim, "appearance")
    assert [prop(c, "name")[0]["@value"] for c in prop(appearance, "contributor")] == [
        "Reuters",
        "Daily Express",
    ]
    (document,) = prop(appearance, "isPartOf")
    assert document["@type"] == [SCHEMA + "NewsArticle"]
    nk = prop(graph[1], "itemReviewed")[0]
    assert len(prop(nk, "author")) == 3 and len(prop(nk, "appearance")) == 3


def test_round_trip_is_exact(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_verdicts(cli)
    first = tmp_path / "first.jsonld"
    assert cli("export", "-f", "claimreview", "-o", str(first)).output == (
        f"wrote 3 reviews to {first}\n"
    )
    again = cli("import", str(first))
    assert again.output == (
        "imported 0 claims, 0 attributions, 0 sources, 0 documents (4 already present); batch 2\n"
    )
    empty = str(tmp_path / "empty.db")
    imported = cli("import", "--db", empty, str(first))
    assert imported.stdout == (
        "imported 2 claims, 4 attributions, 6 sources, 1 documents, 3 verdicts "
        "(0 already present); batch 1\n"
    )
    assert imported.stderr == (
        f"warning: {first}:4: source: source 'unnamed senior official of the Ukrainian "
        "General Staff' taken as unnamed from 'unnamed' (the input does not say whether it "
        "is named)\n"
    )
    second = tmp_path / "second.json"
    assert cli("export", "--db", empty, "-f", "claimreview", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert cli("check", "--db", empty).exit_code == 0
    with open_session(empty) as session:
        claim = get_claim(session, "ukraine-holds-309-sq-mi")
        (a,) = claim.attributions
        assert [v.key for v in a.via] == ["reuters", "daily-express"]
        assert a.quote == "has now shrunk to roughly 309 square miles as per the official"
        assert a.document is not None and a.document["outlet"] == "Daily Express"
        assert [v["rating"] for v in claim_verdicts(session, claim.key)] == ["Unproven"]


def test_sources_named_twice_or_first_as_an_outlet_stay_apart(db_url: str) -> None:
    def agent(key: str | None, name: str, affiliation: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"@type": "Person", "name": name}
        out |= {"identifier": key} if key else {}
        return out | ({"affiliation": {"name": affiliation}} if affiliation else {})

    def review(key: str, author: dict[str, Any], publisher: str) -> dict[str, Any]:
        work = {"@type": "NewsArticle", "url": f"https://n.example.org/{key}",
                "publisher": {"@type": "NewsMediaOrganization", "name": publisher}}  # fmt: skip
        return {
            "@type": "ClaimReview", "claimReviewed": f"Claim {key}.",
            "author": {"name": "Check"}, "reviewRating": {"alternateName": "False"},
            "itemReviewed": {"@type": "Claim", "identifier": key, "author": [author],
                             "appearance": [{"@type": "Quotation", "creator": author,
                                             "isPartOf": work}]},
        }  # fmt: skip

    reviews = [
        review("c1", agent("a", "unnamed official", "Army"), "Wire"),
        review("c2", agent("b", "unnamed official", "Police"), "Wire"),
        review("c3", agent("wire", "Wire", "Wire Group"), "Paper"),
    ]
    converted = convert("x", [(1, r) for r in reviews])
    assert [(s.get("key"), s["name"], s.get("affiliation")) for s in converted.tree["sources"]] == [
        ("a", "unnamed official", "Army"),
        ("wire", "Wire", "Wire Group"),  # first seen as an outlet, then as the source it is
        ("b", "unnamed official", "Police"),
        (None, "Paper", None),
    ]
    assert [c["attributions"][0]["source"] for c in converted.tree["claims"]] == ["a", "b", "wire"]


def test_export_without_verdicts_is_an_empty_graph(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(cli("export", "-f", "claimreview").output) == {
        "@context": "https://schema.org",
        "@graph": [],
    }


def test_a_fact_check_page_imports_its_embedded_markup(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    page = DATA / "factcheck-page.html"
    result = cli("import", str(page))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"warning: {page}:10: claim 'A claim nobody is said to have made.' names no author: "
        "skipped\n"
        "imported 1 claims, 1 attributions, 2 sources, 1 documents, 1 verdicts "
        "(0 already present); batch 1\n"
    )
    (row,) = json.loads(cli("claims", "--rating", "half true", "--format", "json").output)
    assert row["sources"] == ["Oleksandr Syrskyi"] and row["as_of"] == "2024-11-17"
    shown = json.loads(cli("show", row["key"], "--format", "json").output)
    assert shown["verdicts"][0] | {"verdict": 0} == {
        "verdict": 0,
        "rating": "Half true",
        "reviewer": "Example Check",
        "url": "https://factcheck.example.org/2024/11/kursk-gains",
        "published": "2024-11-22",
        "explanation": "The share depends on which peak is counted.",
        "event": None,
        "batch": 1,
    }
    (a,) = shown["attributions"]
    assert a["document"]["url"] == "https://news.example.org/kursk-40-percent"
    assert a["document"]["outlet"] == "Example News"
    sources = json.loads(cli("sources", "--format", "json").output)
    assert {(s["name"], s["kind"]) for s in sources} == {
        ("Oleksandr Syrskyi", "person"),
        ("Example News", "news_outlet"),
    }
    assert "0 claims" in cli("import", str(page)).output


def test_broken_json_ld_is_reported_with_its_line(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "broken.html"
    page.write_text(
        '<html>\n<head>\n<script type="application/ld+json">\n{"@type": "ClaimReview",\n'
        '"claimReviewed": oops}\n</script>\n</head>\n</html>\n',
        encoding="utf-8",
    )
    result = cli("import", str(page))
    assert result.exit_code == 3
    assert f"{page}:5: JSON-LD: Expecting value" in result.output


def test_script_blocks_are_read_only_when_they_are_json_ld() -> None:
    html = (
        '<script type="text/javascript">{"a": 1}</script>\n'
        '<SCRIPT TYPE="Application/LD+JSON">{"b": "</p>"}</SCRIPT>'
    )
    assert jsonld_blocks(html) == [(2, '{"b": "</p>"}')]


_KEYS = st.sampled_from(
    ["@type", "claimReviewed", "itemReviewed", "author", "appearance", "name", "identifier",
     "creator", "contributor", "isPartOf", "url", "datePublished", "reviewRating",
     "alternateName", "text", "headline", "publisher", "@value", "affiliation"]
)  # fmt: skip
_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(
        ["ClaimReview", "Claim", "Quotation", "Person", "CreativeWork", "2024-11-05T10:00:00Z"]
    )
)
_TREES = st.recursive(
    _LEAVES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_KEYS, children, max_size=6),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_TREES)
def test_any_json_ld_converts_or_warns_without_crashing(tree: Any) -> None:
    wrapped = {"@type": "ClaimReview", **tree} if isinstance(tree, dict) else tree
    converted = convert("x", [(1, r) for r in find_reviews(wrapped)])
    names = {s.get("key") for s in converted.tree["sources"]} | {
        s["name"] for s in converted.tree["sources"]
    }
    for claim in converted.tree["claims"]:
        assert claim["attributions"]
        assert all(a["source"] in names for a in claim["attributions"])
    assert {k for k, _ in converted.verdicts} <= {c["key"] for c in converted.tree["claims"]}
