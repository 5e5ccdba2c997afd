"""Import: the fixture, idempotence, all-or-nothing, field validation, fill-ins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from provenance.db import open_session
from provenance.errors import InputError
from provenance.ingest import import_files
from provenance.ingest.options import ImportOptions
from provenance.query import ClaimFilter, find_claims, get_claim
from tests.helpers import FIXTURE, ROOT, count, row, snapshot, write_csv


def run_import(db: str, *paths: Path, dry_run: bool = False, **options: Any):  # type: ignore[no-untyped-def]
    with open_session(db, write=True) as session:
        return import_files(
            session,
            list(paths),
            actor="tester",
            command="test",
            dry_run=dry_run,
            options=ImportOptions(**options),
        )


def test_fixture_imports_every_claim_with_its_provenance(db_url: str) -> None:
    report = run_import(db_url, FIXTURE)
    assert report.counts.claims == 22
    assert report.counts.attributions == 26
    with open_session(db_url) as session:
        forty = get_claim(session, "ukraine-lost-over-40-percent-of-kursk-gains")
        nk = get_claim(session, "up-to-10000-north-korean-soldiers-kursk")
    (a,) = forty.attributions
    assert a.origin.key == "ua-general-staff-official" and not a.origin.named
    assert [v.key for v in a.via] == ["reuters", "daily-express"]
    assert a.document and a.document["author"] == "Rebecca Robinson"
    assert forty.quantity and forty.quantity["qualifier"] == "over"
    assert {x.origin.key for x in nk.attributions} == {
        "south-korean-intelligence",
        "us-intelligence",
        "ukrainian-intelligence",
    }
    assert (nk.reports, nk.origins, nk.named_origins) == (3, 3, 3)


def test_reimporting_the_fixture_changes_nothing(db_url: str) -> None:
    run_import(db_url, FIXTURE)
    before = snapshot(db_url)
    report = run_import(db_url, FIXTURE)
    assert report.counts.claims == report.counts.attributions == report.counts.sources == 0
    assert report.counts.unchanged == 26
    assert snapshot(db_url) == before


def test_hand_written_csv_from_the_column_list_imports(db_url: str) -> None:
    report = run_import(db_url, ROOT / "fixtures" / "example_attributions.csv")
    assert (report.counts.claims, report.counts.attributions) == (4, 5)
    with open_session(db_url) as session:
        de = get_claim(session, "ua-held-kursk-km2-2024-11-de")
        explicit = get_claim(session, "ru-troops-kursk-explicit")
    assert de.quantity and de.quantity["unit"] == "km2" and de.quantity["value"] == 800
    assert [v.name for v in de.attributions[0].via] == ["Reuters", "Der Spiegel"]
    assert explicit.quantity and explicit.quantity["qualifier"] == "close_to"
    assert explicit.quantity["value"] == 60000


def test_one_bad_row_among_many_imports_nothing_and_names_its_line(
    db_url: str, tmp_path: Path
) -> None:
    rows = [
        row(claim_key=f"c{i}", claim=f"Claim number {i}", url=f"https://e.org/{i}")
        for i in range(50)
    ]
    rows[36]["as_of"] = "2024-02-30"
    path = write_csv(tmp_path / "many.csv", rows)
    with pytest.raises(InputError) as exc:
        run_import(db_url, path)
    assert [str(p) for p in exc.value.problems] == [
        f"{path}:38: as_of: impossible date '2024-02-30': February has 29 days"
    ]
    assert count(db_url, "claim") == 0
    assert count(db_url, "event") == 0


def test_every_bad_row_is_listed(db_url: str, tmp_path: Path) -> None:
    rows = [
        row(claim_key="a", category="troops"),
        row(claim_key="b", credibility="7"),
        row(claim_key="c", source_named="maybe"),
        row(claim_key="d", stance="agrees"),
        row(claim_key="e", reliability="Z"),
        row(claim_key="f", as_of="03/04/2024"),
        row(claim_key="g", claim=""),
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(InputError) as exc:
        run_import(db_url, path)
    got = [(p.line, p.field) for p in exc.value.problems]
    assert got == [
        (2, "category"),
        (3, "credibility"),
        (4, "source_named"),
        (5, "stance"),
        (6, "reliability"),
        (7, "as_of"),
        (8, "claim"),
    ]
    assert "did you mean 'troop_count'" in str(exc.value.problems[0])


def test_unknown_column_is_an_error_with_a_hint(db_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "typo.csv", [{"claim": "x", "source": "y", "qoute": "z"}])
    with pytest.raises(InputError) as exc:
        run_import(db_url, path)
    assert str(exc.value.problems[0]) == f"{path}:1: qoute: unknown column (did you mean 'quote'?)"


def test_missing_required_columns(db_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "req.csv", [{"claim": "x"}])
    with pytest.raises(InputError, match="source: required column is missing"):
        run_import(db_url, path)


def test_rows_with_too_many_or_too_few_fields(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("claim,source\na,b\na,b,c\nd\ne,f\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        run_import(db_url, path)
    assert [str(p) for p in exc.value.problems] == [
        f"{path}:3: row has 3 fields; the header has 2",
        f"{path}:4: row has 1 fields; the header has 2",
    ]


def test_rows_sharing_a_claim_key_are_one_claim(db_url: str, tmp_path: Path) -> None:
    rows = [
        row(),
        row(source="Ukrainian General Staff", source_named="true", source_kind="military", via=""),
    ]
    run_import(db_url, write_csv(tmp_path / "two.csv", rows))
    with open_session(db_url) as session:
        view = get_claim(session, "c1")
    assert (view.reports, view.origins, view.named_origins) == (2, 2, 1)


def test_a_row_contradicting_its_claim_is_an_error(db_url: str, tmp_path: Path) -> None:
    rows = [row(), row(as_of="2024-11-20", source="Other")]
    path = write_csv(tmp_path / "contra.csv", rows)
    with pytest.raises(InputError) as exc:
        run_import(db_url, path)
    assert "as_of: '2024-11-20' differs from '2024-11-16'" in str(exc.value)
    assert exc.value.problems[0].line == 3


def test_a_later_import_may_fill_in_but_not_overwrite(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, write_csv(tmp_path / "a.csv", [row(source_affiliation="", reliability="")]))
    report = run_import(db_url, write_csv(tmp_path / "b.csv", [row(reliability="C")]))
    assert report.counts.filled_in == 2
    assert count(db_url, "event", "action = 'fill_in'") == 1
    with pytest.raises(InputError, match="'B' differs from the stored 'C'"):
        run_import(db_url, write_csv(tmp_path / "c.csv", [row(reliability="B")]), strict=True)
    kept = run_import(db_url, write_csv(tmp_path / "d.csv", [row(reliability="B")]))
    assert [w.reason for w in kept.warnings] == [
        "kept the stored reliability 'C' of source 'unnamed-general-staff-official'; "
        "recorded 'B' as a variant"
    ]
    assert count(db_url, "source_variant", "field = 'reliability' AND value = 'B'") == 1


def test_claims_without_a_key_group_by_text_and_date(db_url: str, tmp_path: Path) -> None:
    rows = [
        row(claim_key="", source="A"),
        row(claim_key="", source="B"),
        row(claim_key="", as_of="2024-12-01", source="C"),
    ]
    run_import(db_url, write_csv(tmp_path / "nokey.csv", rows))
    assert count(db_url, "claim") == 2
    assert count(db_url, "attribution") == 3


def test_unparseable_quantity_is_kept_as_text_with_a_warning(db_url: str, tmp_path: Path) -> None:
    report = run_import(db_url, write_csv(tmp_path / "q.csv", [row(quantity="a great many tanks")]))
    assert [p.field for p in report.warnings] == ["quantity"]
    with open_session(db_url) as session:
        q = get_claim(session, "c1").quantity
    assert q == {
        "text": "a great many tanks",
        "qualifier": None,
        "value": None,
        "low": None,
        "high": None,
        "unit": None,
        "unit_written": None,
    }


def test_dry_run_writes_nothing(db_url: str) -> None:
    report = run_import(db_url, FIXTURE, dry_run=True)
    assert report.counts.claims == 22
    assert count(db_url, "claim") == 0
    assert count(db_url, "import_batch") == 0


def test_nested_unknown_source_or_field_is_an_error(db_url: str, tmp_path: Path) -> None:
    p = tmp_path / "n.yaml"
    p.write_text(
        "claims:\n"
        "  - text: A claim\n"
        "    categroy: territory\n"
        "    attributions:\n"
        "      - source: Institute for Study of War\n",
        encoding="utf-8",
    )
    run_import(db_url, FIXTURE)
    with pytest.raises(InputError) as exc:
        run_import(db_url, p)
    messages = [str(x) for x in exc.value.problems]
    assert messages[0] == f"{p}:3: categroy: unknown field (did you mean 'category'?)"
    assert messages[1].startswith(
        f"{p}:5: source: unknown source 'Institute for Study of War'; did you mean"
    )


def test_nested_json_imports_like_yaml(db_url: str, tmp_path: Path) -> None:
    p = tmp_path / "n.json"
    p.write_text(
        '{"sources": [{"key": "isw", "name": "Institute for the Study of War", "aliases": ["ISW"]}],\n'
        ' "claims": [{"key": "k", "text": "Russian forces advanced.", "category": "advance",\n'
        '   "attributions": [{"source": "ISW", "credibility": 2, "quote": "advanced"}]}]}',
        encoding="utf-8",
    )
    run_import(db_url, p)
    with open_session(db_url) as session:
        (v,) = find_claims(session, ClaimFilter(source="isw"))
    assert v.attributions[0].credibility == 2


def test_sources_match_by_key_name_or_alias_case_insensitively(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, FIXTURE)
    rows = [
        row(
            claim_key="k1",
            source="isw",
            source_kind="",
            source_named="",
            source_affiliation="",
            via="REUTERS NEWS AGENCY; express.co.uk",
        )
    ]
    report = run_import(db_url, write_csv(tmp_path / "alias.csv", rows))
    assert report.counts.sources == 0
    with open_session(db_url) as session:
        v = get_claim(session, "k1")
    assert [s.key for s in v.attributions[0].via] == ["reuters", "daily-express"]
    assert v.attributions[0].origin.key == "isw"


def test_hostile_text_round_trips_unchanged(db_url: str, tmp_path: Path) -> None:
    hostile = "'); DROP TABLE claim;-- \u202eevil\u202c 🚀 " + "x" * 10_000
    run_import(db_url, write_csv(tmp_path / "h.csv", [row(claim=hostile, quote=hostile)]))
    with open_session(db_url) as session:
        v = get_claim(session, "c1")
    assert v.text == hostile and v.attributions[0].quote == hostile


def test_filling_in_a_date_fills_its_span(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, write_csv(tmp_path / "a.csv", [row(as_of="")]))
    run_import(db_url, write_csv(tmp_path / "b.csv", [row(as_of="2024-11")]))
    with open_session(db_url) as session:
        (v,) = find_claims(session, ClaimFilter(since="2024-11-30", until="2024-11-30"))
    assert v.as_of == "2024-11"


def test_repeated_bad_rows_are_each_reported_at_their_own_line(db_url: str, tmp_path: Path) -> None:
    good = row(claim_key="k0", url="https://e.org/0")
    bad = [row(claim_key=f"k{i}", reliability="A", url=f"https://e.org/{i}") for i in (1, 2)]
    first = row(claim_key="first", reliability="C", url="https://e.org/first")
    path = write_csv(tmp_path / "same.csv", [first, good, *bad])
    with pytest.raises(InputError) as exc:
        run_import(db_url, path, strict=True)
    assert [(p.line, p.field) for p in exc.value.problems] == [
        (4, "reliability"),
        (5, "reliability"),
    ]


FILLED_LATER = [
    row(
        claim_key="k1",
        claim="Shelling killed 30 people.",
        subject="",
        location="",
        quantity="",
        source="Reuters",
        url="https://example.org/1",
        document_title="",
        author="",
    ),
    row(
        claim_key="k1",
        claim="Shelling killed 30 people.",
        subject="Kadugli shelling",
        location="",
        quantity="30 people",
        source="AP",
        url="https://example.org/2",
        document_title="",
        author="",
    ),
    row(
        claim_key="k1",
        claim="Shelling killed 30 people.",
        subject="Kadugli shelling",
        location="Kadugli",
        quantity="30 people",
        source="AFP",
        url="https://example.org/1",
        document_title="A title given later",
        author="",
    ),
]


@pytest.mark.parametrize("batch", [1, 2, 5000])
def test_a_field_given_on_a_later_row_is_kept_however_rows_fall_in_batches(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    import provenance.ingest.writer

    monkeypatch.setattr(provenance.ingest.writer, "BATCH_SIZE", batch)
    run_import(db_url, write_csv(tmp_path / "rows.csv", FILLED_LATER))
    with open_session(db_url) as session:
        conn = session.connection()
        claim = conn.execute(
            text("SELECT subject, location, quantity, value FROM claim WHERE key = 'k1'")
        ).one()
        titles = conn.execute(text("SELECT url, title FROM document ORDER BY url")).all()
    assert tuple(claim) == ("Kadugli shelling", "Kadugli", "30 people", 30.0)
    assert [tuple(t) for t in titles] == [
        ("https://example.org/1", "A title given later"),
        ("https://example.org/2", None),
    ]
