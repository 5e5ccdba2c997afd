"""Duplicates: labelled pairs, clusters, reviews; merges that lose nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from provenance.audit import check, unnamed_audit
from provenance.db import open_session
from provenance.dedupe import find_duplicates, source_duplicates
from provenance.errors import UsageError
from provenance.merge import merge_claims, unmerge_claim
from provenance.query import ClaimFilter, get_claim
from tests.helpers import FIXTURE, count, row, snapshot, write_csv
from tests.labelled import DISTINCT, DUPLICATES, Case, rows
from tests.test_import import run_import


def clusters(db: str, **kw: object) -> list[list[str]]:
    with open_session(db) as session:
        return [c.claims for c in find_duplicates(session, **kw).clusters]  # type: ignore[arg-type]


@pytest.mark.parametrize("case", DUPLICATES + DISTINCT, ids=lambda c: c.name)
def test_labelled_pair(case: Case, db_url: str, tmp_path: Path) -> None:
    run_import(db_url, write_csv(tmp_path / "case.csv", rows(case)))
    assert (["a", "b"] in clusters(db_url)) is case.expected


def test_the_fixture_has_no_duplicates_and_counts_pairs(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        report = find_duplicates(session)
    assert report.clusters == []
    assert report.claims == 22 and report.all_pairs == 231
    assert 0 < report.pairs_compared < report.all_pairs


def test_scores_and_reasons(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, write_csv(tmp_path / "d.csv", rows(DUPLICATES[1])))
    with open_session(db_url) as session:
        (cluster,) = find_duplicates(session).clusters
    assert 85 <= cluster.score <= 100
    assert cluster.reasons[:2] == ["same measure", "values roughly 309 square miles ≈ 800 km²"]
    assert cluster.reasons[2].startswith("text ")


def test_clusters_are_transitive_groups(db_url: str, tmp_path: Path) -> None:
    variants = [
        "close to 60,000 troops",
        "some 59,000 troops",
        "about 60,000 troops",
        "60,000 troops",
    ]
    rows_ = [row(claim_key=f"v{i}", claim=f"Russia has {q} in Kursk.", quantity=q, url=f"https://e.org/{i}")
             for i, q in enumerate(variants)]  # fmt: skip
    rows_.append(
        row(claim_key="far", claim="Russia has 20,000 troops in Kursk.", quantity="20,000 troops")
    )
    run_import(db_url, write_csv(tmp_path / "c.csv", rows_))
    assert clusters(db_url) == [["v0", "v1", "v2", "v3"]]


def test_reviewed_distinct_pairs_are_never_proposed_again(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_import(db_url, write_csv(tmp_path / "d.csv", rows(DUPLICATES[0])))
    assert clusters(db_url) == [["a", "b"]]
    assert cli("dedupe", "review", "a", "b", "--distinct").exit_code == 2  # reason required
    assert (
        cli("dedupe", "review", "a", "b", "--distinct", "--reason", "two briefings").exit_code == 0
    )
    assert clusters(db_url) == []


def test_a_confirmed_conflict_inside_a_cluster_holds_it(db_url: str, tmp_path: Path) -> None:
    from provenance.reviews import record_review

    variants = ["about 60,000 troops", "some 60,000 troops", "60,000 troops"]
    rows_ = [row(claim_key=f"v{i}", claim=f"Russia has {q} in Kursk.", quantity=q, url=f"https://e.org/{i}")
             for i, q in enumerate(variants)]  # fmt: skip
    rows_.append(
        row(claim_key="other", claim="Israel has 5,000 troops in Gaza.", quantity="5,000 troops")
    )
    run_import(db_url, write_csv(tmp_path / "c.csv", rows_))
    with open_session(db_url, write=True) as session:
        record_review(
            session, "conflict", "v2", "v1", "confirm", "two counts", actor="t", command="test"
        )
    with open_session(db_url) as session:
        found = find_duplicates(session).clusters
    assert [(c.claims, c.held) for c in found] == [
        (["v0", "v1", "v2"], ["v1 / v2: a reviewer confirmed their conflict"])
    ]


def test_merge_then_unmerge_restores_exactly(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, FIXTURE)
    run_import(db_url, write_csv(tmp_path / "d.csv", rows(DUPLICATES[0])))
    before = snapshot(db_url)
    with open_session(db_url, write=True) as session:
        result = merge_claims(
            session, "a", ["b", "russia-concentrated-60000-troops-kursk"], actor="t", command="test"
        )
    assert result.attributions_moved == 2
    with open_session(db_url) as session:
        kept = get_claim(session, "a")
        old = get_claim(session, "b")
    assert (kept.reports, kept.origins) == (3, 3)
    assert {a.reported_as for a in kept.attributions} == {
        "a",
        "b",
        "russia-concentrated-60000-troops-kursk",
    }
    assert (old.status, old.merged_into, old.reports) == ("merged", "a", 0)
    assert count(db_url, "claim") == 24  # nothing deleted
    with open_session(db_url, write=True) as session:
        unmerge_claim(session, "b", actor="t", command="test")
        unmerge_claim(session, "russia-concentrated-60000-troops-kursk", actor="t", command="test")
    assert snapshot(db_url) == before
    assert count(db_url, "event", "action IN ('merge', 'unmerge')") == 4


def test_merge_errors(db_url: str) -> None:
    run_import(db_url, FIXTURE)
    with open_session(db_url, write=True) as session:
        with pytest.raises(UsageError, match="into itself"):
            merge_claims(
                session,
                "ukraine-holds-309-sq-mi",
                ["ukraine-holds-309-sq-mi"],
                actor="t",
                command="t",
            )
        merge_claims(
            session,
            "ukraine-holds-309-sq-mi",
            ["ukraine-held-531-sq-mi-at-peak"],
            actor="t",
            command="t",
        )
        with pytest.raises(UsageError, match="already merged"):
            merge_claims(
                session,
                "ukraine-holds-309-sq-mi",
                ["ukraine-held-531-sq-mi-at-peak"],
                actor="t",
                command="t",
            )
        with pytest.raises(UsageError, match="not merged"):
            unmerge_claim(session, "ukraine-holds-309-sq-mi", actor="t", command="t")


def test_reimport_after_merge_changes_nothing(db_url: str) -> None:
    run_import(db_url, FIXTURE)
    with open_session(db_url, write=True) as session:
        merge_claims(
            session,
            "ukraine-holds-309-sq-mi",
            ["ukraine-held-531-sq-mi-at-peak"],
            actor="t",
            command="t",
        )
    before = snapshot(db_url)
    run_import(db_url, FIXTURE)
    assert snapshot(db_url) == before


def test_merged_unnamed_and_named_origins_flag_a_possible_identity(
    db_url: str, tmp_path: Path
) -> None:
    rows_ = [
        row(claim_key="anon", claim="Russia gave North Korea air defence systems.", quantity="", source="South Korean intelligence source",
            source_named="false", source_kind="intelligence_agency", source_affiliation="South Korea", as_of="2024-11-22"),
        row(claim_key="named", claim="Russia has supplied air defence systems to North Korea.", quantity="", source="Shin Won-sik",
            source_named="true", source_kind="official", source_affiliation="South Korea (national security adviser)", as_of="2024-11-22",
            url="https://e.org/sbs"),
    ]  # fmt: skip
    run_import(db_url, write_csv(tmp_path / "i.csv", rows_))
    with open_session(db_url, write=True) as session:
        merge_claims(session, "named", ["anon"], actor="t", command="t")
        audit = unnamed_audit(session, ClaimFilter(), any_unnamed=True)
    (r,) = audit.rows
    assert r["rests_on"] == "mixed"
    assert r["possibly_identified"] == ["South Korean intelligence source may be Shin Won-sik"]


def test_source_duplicates(db_url: str, tmp_path: Path) -> None:
    rows_ = [
        row(claim_key="1", source="Institute for the Study of War", source_named="true", source_kind="think_tank", source_affiliation=""),
        row(claim_key="2", source="ISW", source_named="true", source_kind="think_tank", source_affiliation="", url="https://e.org/2"),
        row(claim_key="3", source="Reuters news agency", source_named="true", source_kind="news_agency", source_affiliation="", via="", url="https://e.org/3"),
        row(claim_key="4", source="Reuters", source_named="true", source_kind="news_agency", source_affiliation="", via="", url="https://e.org/4"),
        row(claim_key="5", source="Organisation mondiale de la santé", source_named="true", source_kind="official", source_affiliation="", via="", url="https://e.org/5"),
        row(claim_key="6", source="OMS", source_named="true", source_kind="official", source_affiliation="", via="", url="https://e.org/6"),
    ]  # fmt: skip
    run_import(db_url, write_csv(tmp_path / "s.csv", rows_))
    with open_session(db_url) as session:
        found = {(d["keep"], d["other"]): d["reasons"] for d in source_duplicates(session)}
    assert ("institute-for-the-study-of-war", "isw") in found or (
        "isw",
        "institute-for-the-study-of-war",
    ) in found
    assert any("reuters" in k and "reuters-news-agency" in k for k in found)
    assert any("oms" in k and "organisation-mondiale-de-la-sante" in k for k in found)
    assert not any("unnamed-general-staff-official" in k for k in found)


def test_dedupe_cli(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one_origin = [{**r, "source": "Source A"} for r in rows(DUPLICATES[0])]
    run_import(db_url, write_csv(tmp_path / "d.csv", one_origin))
    data = json.loads(cli("dedupe", "--format", "json").output)
    assert [c["claims"] for c in data["duplicates"]] == [["a", "b"]]
    assert set(data) == {"clusters", "claims", "pairs_compared", "all_pairs", "duplicates"}
    no_tty = cli("dedupe", "--apply", "--apply-threshold", "80")
    assert no_tty.exit_code == 2 and "--yes" in no_tty.output
    applied = cli("dedupe", "--apply", "--apply-threshold", "80", "--yes")
    assert applied.exit_code == 0 and "merged b into a" in applied.output
    assert cli("unmerge", "b").output.startswith("unmerged b from a (1 reports restored)")
    assert cli("merge", "a", "b", "--reason", "same report").exit_code == 0
    assert json.loads(cli("show", "b", "-f", "json").output)["merged_into"] == "a"
    assert cli("merge", "a", "nope", "--reason", "same report").exit_code == 4


class MergeMachine(RuleBasedStateMachine):
    """Random merges and unmerges against a model: nothing disappears, and undoing
    everything gives back the original database exactly."""

    def __init__(self) -> None:
        super().__init__()
        self.active: set[str] = set()
        self.merged: dict[str, str] = {}

    @initialize()
    def setup(self) -> None:
        import tempfile

        self.db = str(Path(tempfile.mkdtemp()) / "m.db")
        run_import(self.db, FIXTURE)
        self.original = snapshot(self.db)
        with open_session(self.db) as session:
            self.reports = {k: get_claim(session, k).reports for k in _fixture_keys(session)}
        self.active = set(self.reports)
        self.stack: list[str] = []

    @precondition(lambda self: len(self.active) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        keep, other = data.draw(
            st.lists(st.sampled_from(sorted(self.active)), min_size=2, max_size=2, unique=True)
        )
        with open_session(self.db, write=True) as session:
            merge_claims(session, keep, [other], actor="m", command="m")
        self.active.discard(other)
        self.merged[other] = keep
        self.stack.append(other)

    @precondition(lambda self: bool(self.stack))
    @rule()
    def unmerge_latest(self) -> None:
        other = self.stack.pop()
        with open_session(self.db, write=True) as session:
            unmerge_claim(session, other, actor="m", command="m")
        self.active.add(other)
        del self.merged[other]

    @invariant()
    def nothing_is_lost(self) -> None:
        if not hasattr(self, "db"):
            return
        assert count(self.db, "claim") == len(self.reports)
        assert count(self.db, "attribution") == sum(self.reports.values())
        assert count(self.db, "claim", "status = 'active'") == len(self.active)

    def teardown(self) -> None:
        if not hasattr(self, "db"):
            return
        while self.stack:
            self.unmerge_latest()
        assert snapshot(self.db) == self.original


def _fixture_keys(session: object) -> list[str]:
    from sqlalchemy import text

    return [r[0] for r in session.connection().execute(text("SELECT key FROM claim"))]  # type: ignore[attr-defined]


TestMergeMachine = MergeMachine.TestCase
TestMergeMachine.settings = settings(
    max_examples=15,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_merging_sources_makes_them_one_and_undoes_exactly(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows_ = [
        row(claim_key="1", source="Institute for the Study of War", source_named="true", source_kind="think_tank",
            source_affiliation="", via=""),
        row(claim_key="1", source="ISW", source_named="true", source_kind="think_tank", source_affiliation="",
            via="", url="https://e.org/2"),
        row(claim_key="2", claim="Another claim", source="ISW", source_named="true", source_kind="think_tank",
            source_affiliation="", via="", url="https://e.org/3"),
        row(claim_key="3", claim="A third claim", source="unnamed official", source_named="false",
            source_kind="official", source_affiliation="", via="", url="https://e.org/4"),
    ]  # fmt: skip
    run_import(db_url, write_csv(tmp_path / "s.csv", rows_))
    before = snapshot(db_url)
    assert json.loads(cli("show", "1", "-f", "json").output)["origins"] == 2
    done = cli(
        "merge-source", "institute-for-the-study-of-war", "isw", "--reason", "same think tank"
    )
    assert done.exit_code == 0, done.output
    shown = json.loads(cli("show", "1", "-f", "json").output)
    assert (shown["reports"], shown["origins"], shown["named_origins"]) == (2, 1, 1)
    by_isw = json.loads(cli("claims", "--source", "ISW", "-f", "json").output)
    assert [c["key"] for c in by_isw] == ["1", "2"]
    listed = next(s for s in json.loads(cli("sources", "-f", "json").output) if s["named"])
    assert listed["key"] == "institute-for-the-study-of-war" and listed["as_origin"] == 2
    assert "ISW" in listed["aliases"]
    assert cli("check").exit_code == 0
    refused = cli(
        "merge-source", "institute-for-the-study-of-war", "unnamed-official", "--reason", "x"
    )
    assert refused.exit_code == 2 and "named and an unnamed source" in refused.output
    assert cli("unmerge-source", "isw").exit_code == 0
    assert snapshot(db_url) == before
    assert cli("check").exit_code == 0
    assert cli("unmerge-source", "isw").exit_code == 4


def test_keys_with_sql_wildcards_are_matched_literally(db_url: str, tmp_path: Path) -> None:
    """'_' in a key must not match any character: unmerging nk_troops must undo its own
    merge, not the later merge of nkXtroops."""
    rows_ = [
        row(claim_key=k, claim=f"Claim {k}", url=f"https://e.org/{k}")
        for k in ("keep", "nk_troops", "nkXtroops")
    ]
    run_import(db_url, write_csv(tmp_path / "w.csv", rows_))
    with open_session(db_url, write=True) as session:
        merge_claims(session, "keep", ["nk_troops"], actor="t", command="t")
        merge_claims(session, "keep", ["nkXtroops"], actor="t", command="t")
        unmerge_claim(session, "nk_troops", actor="t", command="t")
        unmerge_claim(session, "nkXtroops", actor="t", command="t")
    with open_session(db_url) as session:
        assert get_claim(session, "nk_troops").status == "active"
        assert get_claim(session, "nkXtroops").status == "active"
        assert check(session).problems == []


def test_dedupe_cli_exact_output(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every pair of a cluster as a CSV row; the table counts each pair compared once,
    however many routes met it."""
    variants = ["close to 60,000 troops", "some 59,000 troops", "about 60,000 troops"]
    rows_ = [row(claim_key=f"v{i}", claim=f"Russia has {q} in Kursk.", quantity=q, url=f"https://e.org/{i}")
             for i, q in enumerate(variants)]  # fmt: skip
    run_import(db_url, write_csv(tmp_path / "c.csv", rows_))
    same = "counts troops; same place; same day; same origin"
    assert cli("dedupe", "-f", "csv").stdout == (
        "cluster,claim_a,claim_b,score,reasons\n"
        f'1,v0,v2,100,"values close to 60,000 troops ≈ about 60,000 troops; {same}; text 87"\n'
        f'1,v1,v0,100,"values some 59,000 troops ≈ close to 60,000 troops; {same}; text 88"\n'
        f'1,v1,v2,100,"values some 59,000 troops ≈ about 60,000 troops; {same}; text 87"\n'
    )
    assert cli("dedupe").stdout.endswith(
        "1 clusters among 3 claims (3 pairs compared of 3 possible)\n"
    )


def test_a_pair_at_the_top_score_is_not_scored_again(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import provenance.dedupe

    scored: list[tuple[str, str]] = []
    real = provenance.dedupe.evidence_pair

    def recorded(a: Any, b: Any, *args: Any) -> Any:
        scored.append((a.key, b.key))
        return real(a, b, *args)

    monkeypatch.setattr(provenance.dedupe, "evidence_pair", recorded)
    claim = "Russia has 60,000 troops in Kursk."
    rows_ = [
        row(claim_key="a", claim=claim, quantity="60,000 troops", source="Source A"),
        row(
            claim_key="b",
            claim=claim,
            quantity="60,000 troops",
            source="Source B",
            url="https://e.org/b",
        ),
    ]
    run_import(db_url, write_csv(tmp_path / "c.csv", rows_))
    with open_session(db_url) as session:
        (cluster,) = find_duplicates(session).clusters
    assert (cluster.claims, cluster.score) == (["a", "b"], 100)
    assert cluster.pairs[0].reasons[0] == "same measure", "the measure route scored it first"
    assert scored == [], "the figure route had nothing left to add"
