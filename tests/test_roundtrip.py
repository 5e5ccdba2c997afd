"""Export then import is exact: a property test over generated databases.

Each example builds a small database by importing a generated nested JSON file (every
field the formats carry, text full of the characters that break CSV and spreadsheets:
carriage returns, line feeds, quotes, separators, leading ``= + - @``), exports it as
CSV, imports that CSV into an empty database and compares every field the CSV carries:
each claim, each source that reports or relays, each document cited, and each
attribution with its relay chain and extra fields. A second property test then merges
and retracts claims and merges sources at random, exports with every status and checks
that the import gives the same database and a byte-identical export. Run with a fixed
seed and a bounded number of examples.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from provenance.audit import check
from provenance.db import open_session
from provenance.errors import InputError
from provenance.export import export
from provenance.ingest import import_files
from provenance.query import ClaimFilter
from provenance.vocabulary import CATEGORIES, RELIABILITY_GRADES, SOURCE_KINDS

ODD = "ab z,;\"'=+-@\t\r\n[]{}\\é中\u200f"
WORDS = st.text(alphabet=ODD, min_size=1, max_size=12).filter(lambda s: s.strip() != "")
HEDGES = WORDS.filter(lambda s: ";" not in s)  # ';' separates hedges: refused in one
KEYS = st.from_regex(r"\A[a-z][a-z0-9-]{0,6}\Z")
QUANTITIES = st.sampled_from(
    ["about 12,000 troops", "up to 300 km2", "-5 tanks", "over 14,500", "=1+1", "531 sq mi", "x"]
)
DATES = st.sampled_from(["2024", "2024-11", "2024-11-16", None])
LANGS = st.sampled_from(["en", "de", "fr", None])
EXTRA_NAMES = st.sampled_from(["Notes", "Page Ref", "=Reviewer", 'Ré;marque, "x"'])


@st.composite
def databases(draw: st.DrawFn) -> dict[str, Any]:
    """A nested import file: a few sources, documents and claims referring to them."""
    source_keys = draw(st.lists(KEYS, min_size=1, max_size=4, unique=True))
    sources = [
        _drop_none(
            {
                "key": k,
                "name": draw(WORDS),
                "kind": draw(st.sampled_from(SOURCE_KINDS)),
                "named": draw(st.booleans()),
                "affiliation": draw(st.none() | WORDS),
                "party": draw(st.none() | WORDS),
                "reliability": draw(st.sampled_from(RELIABILITY_GRADES)),
            }
        )
        for k in source_keys
    ]
    doc_keys = draw(st.lists(KEYS, max_size=3, unique=True))
    documents = [
        _drop_none(
            {
                "key": f"d-{k}",
                "title": draw(st.none() | WORDS),
                "outlet": draw(st.none() | WORDS),
                "author": draw(st.none() | WORDS),
                "url": draw(st.none() | st.just(f"https://example.org/{k}")),
                "published": draw(DATES),
                "language": draw(LANGS),
            }
        )
        for k in doc_keys
    ]
    claims = []
    for n in range(draw(st.integers(1, 4))):
        attributions = []
        # one report per source: two that differ only in grades are refused as a conflict
        reporters = st.lists(st.sampled_from(source_keys), min_size=1, max_size=3, unique=True)
        for reporter in draw(reporters):
            attributions.append(
                _drop_none(
                    {
                        "source": reporter,
                        "via": draw(st.lists(st.sampled_from(source_keys), max_size=2)),
                        "document": draw(st.none() | st.sampled_from([f"d-{k}" for k in doc_keys]))
                        if doc_keys
                        else None,
                        "quote": draw(st.none() | WORDS),
                        "stance": draw(st.sampled_from(["asserts", "denies"])),
                        "credibility": str(draw(st.integers(1, 6))),
                        "hedges": draw(st.none() | st.lists(HEDGES, max_size=2)),
                        "extra": draw(st.none() | st.dictionaries(EXTRA_NAMES, WORDS, max_size=2)),
                    }
                )
            )
        claims.append(
            _drop_none(
                {
                    "key": f"c{n}",
                    "text": draw(WORDS),
                    "category": draw(st.sampled_from(CATEGORIES)),
                    "subject": draw(st.none() | WORDS),
                    "metric": draw(st.none() | WORDS),
                    "location": draw(st.none() | WORDS),
                    "as_of": draw(DATES),
                    "language": draw(LANGS),
                    "quantity": draw(st.none() | QUANTITIES),
                    "attributions": attributions,
                }
            )
        )
    return {"format": "provenance/1", "sources": sources, "documents": documents, "claims": claims}


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def empty_database(tmp: str, name: str) -> str:
    """A fresh SQLite database: a copy of an empty one made once (creating the schema
    costs more than the import of a small file)."""
    template = Path(tempfile.gettempdir()) / f"provenance-empty-{os.getpid()}.db"
    if not template.exists():
        with open_session(str(template), write=True):
            pass
    path = f"{tmp}/{name}"
    shutil.copyfile(template, path)
    return path


def _import(db: str, path: Path, *, strict: bool = False) -> None:
    from provenance.ingest.options import ImportOptions

    with open_session(db, write=True) as session:
        options = ImportOptions(strict=strict)
        import_files(session, [path], actor="tester", command="test", options=options)


def import_tree(db: str, tree: dict[str, Any], tmp: str) -> None:
    """Import a drawn tree; one that gives a report twice with different grades is
    refused by import and is no example."""
    source = Path(tmp) / "in.json"
    source.write_text(json.dumps(tree), encoding="utf-8")
    try:
        _import(db, source)
    except InputError:
        assume(False)


def contents(db: str) -> dict[str, Any]:
    """Everything the CSV carries, by natural keys (ids and timestamps differ)."""
    with open_session(db) as session:
        conn = session.connection()

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return sorted((tuple(r) for r in conn.execute(text(sql))), key=repr)

        return {
            "claims": rows(
                "SELECT key, text, category, subject, metric, location, as_of, as_of_start, "
                "as_of_end, language, quantity, qualifier, value, low, high, unit, unit_written, "
                "dimension, precision, status, "
                "(SELECT m.key FROM claim m WHERE m.id = claim.merged_into_id) FROM claim"
            ),
            "sources": rows(
                "SELECT key, name, kind, named, affiliation, party, reliability, "
                "(SELECT m.key FROM source m WHERE m.id = s.merged_into_id) FROM source s "
                "WHERE EXISTS (SELECT 1 FROM attribution a WHERE a.source_id = s.id) "
                "OR EXISTS (SELECT 1 FROM relay r WHERE r.source_id = s.id)"
            ),
            "documents": rows(
                "SELECT key, title, outlet, author, url, published, accessed, language FROM "
                "document d WHERE EXISTS (SELECT 1 FROM attribution a WHERE a.document_id = d.id)"
            ),
            "attributions": rows(
                "SELECT c.key, rc.key, s.key, d.key, a.quote, a.stance, a.credibility, a.hedges, "
                "a.fingerprint, (SELECT group_concat(rs.key, '>') FROM relay r JOIN source rs "
                "ON rs.id = r.source_id WHERE r.attribution_id = a.id) FROM attribution a "
                "JOIN claim c ON c.id = a.claim_id JOIN claim rc ON rc.id = a.reported_claim_id "
                "JOIN source s ON s.id = a.source_id LEFT JOIN document d ON d.id = a.document_id"
            ),
            "extra fields": rows(
                "SELECT a.fingerprint, e.name, e.value FROM attribution_extra e "
                "JOIN attribution a ON a.id = e.attribution_id"
            ),
        }


ROUNDTRIPS = settings(
    max_examples=int(os.environ.get("ROUNDTRIP_EXAMPLES", "40")),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Settings of the round-trip properties: each example builds two databases."""


def exported_csv(db: str, f: ClaimFilter | None = None) -> str:
    buf = io.StringIO()
    with open_session(db) as session:
        export(session, f or ClaimFilter(), out_path=None, out=buf, fmt="csv")
    return buf.getvalue()


@pytest.mark.slow
@ROUNDTRIPS
@given(databases())
def test_export_then_import_into_an_empty_database_is_exact(tree: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first, second = empty_database(tmp, "first.db"), empty_database(tmp, "second.db")
        source = Path(tmp) / "in.json"
        source.write_text(json.dumps(tree), encoding="utf-8")
        _import(first, source)
        exported = Path(tmp) / "out.csv"
        exported.write_text(exported_csv(first), encoding="utf-8", newline="")
        _import(second, exported)
        assert contents(second) == contents(first)
        for db in (first, second):
            with open_session(db) as session:
                assert check(session).problems == []
        assert exported_csv(second) == exported.read_bytes().decode("utf-8")


def test_every_exported_cell_reads_back_with_a_carriage_return_aware_parser(
    tmp_path: Path,
) -> None:
    """Python's csv module and pandas split lines at a bare CR outside quotes."""
    import pandas as pd

    from provenance.cells import csv_writer

    cells = ["a\rb", "c\nd", "e\r\nf", 'g"h', "i,j", "k;l", "", "plain"]
    buf = io.StringIO()
    csv_writer(buf).writerow(cells)
    written = buf.getvalue()
    assert written.endswith('"\n') or written.endswith("plain\n")
    assert next(csv.reader(io.StringIO(written, newline=""))) == cells
    frame = pd.read_csv(io.StringIO(written), header=None, dtype=str, keep_default_na=False)
    assert list(frame.iloc[0]) == cells


def test_a_source_named_first_as_a_bare_relay_takes_its_flag_from_a_later_row(
    tmp_path: Path,
) -> None:
    """Rows in any order: a relay named without fields, then the same source as an
    unnamed origin, is one unnamed source; a third row saying named is then a differing
    detail (an error under ``strict``)."""
    from provenance.errors import InputError
    from tests.helpers import row, write_csv

    db = empty_database(str(tmp_path), "order.db")
    rows = [
        row(claim_key="c1", source="Reuters", source_kind="news_agency", source_named="true",
            source_affiliation="", via="unnamed official"),
        row(claim_key="c2", source="unnamed official", source_named="false", via=""),
    ]  # fmt: skip
    _import(db, write_csv(tmp_path / "order.csv", rows))
    with open_session(db) as session:
        flags = session.connection().execute(text("SELECT name, named FROM source ORDER BY name"))
        assert [(n, bool(f)) for n, f in flags] == [("Reuters", True), ("unnamed official", False)]
    contradicting = [*rows, row(claim_key="c3", source="unnamed official", source_named="true")]
    with pytest.raises(InputError) as caught:
        _import(
            empty_database(str(tmp_path), "bad.db"),
            write_csv(tmp_path / "bad.csv", contradicting),
            strict=True,
        )
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "source_named: True differs from the stored False of source 'unnamed-official'"
    ]


def test_via_sources_must_agree_with_via(tmp_path: Path) -> None:
    from provenance.errors import InputError
    from tests.helpers import row, write_csv

    relay = '[{"key": "reuters", "name": "Reuters", "kind": "news_agency", "named": false}]'
    good = empty_database(str(tmp_path), "good.db")
    _import(good, write_csv(tmp_path / "good.csv", [row(via="Reuters", via_sources=relay)]))
    with open_session(good) as session:
        stored = session.connection().execute(
            text("SELECT kind, named FROM source WHERE key = 'reuters'")
        )
        assert [tuple(r) for r in stored] == [("news_agency", 0)]
    cases = {
        "afp.csv": (row(via="AFP", via_sources=relay), "via: the relay names differ from those in via_sources"),
        "type.csv": (row(via="", via_sources='[{"name": 3}]'), "via_sources: relay field 'name' must be text"),
        "json.csv": (row(via="", via_sources="[{"), "via_sources: not a JSON list of relay sources: "
            "Expecting property name enclosed in double quotes: line 1 column 3 (char 2)"),
    }  # fmt: skip
    for name, (bad_row, expected) in cases.items():
        with pytest.raises(InputError) as caught:
            _import(
                empty_database(str(tmp_path), f"{name}.db"), write_csv(tmp_path / name, [bad_row])
            )
        assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [expected]


@st.composite
def histories(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """A database and what a user did to it next: merges and retractions of claims,
    merges of the sources that report (some refused: then they are skipped)."""
    tree = draw(databases())
    claims = [c["key"] for c in tree["claims"]]
    origins = sorted({a["source"] for c in tree["claims"] for a in c["attributions"]})
    action = st.one_of(
        st.tuples(st.just("merge"), st.sampled_from(claims), st.sampled_from(claims)),
        st.tuples(st.just("retract"), st.sampled_from(claims), st.just("")),
        st.tuples(st.just("merge_source"), st.sampled_from(origins), st.sampled_from(origins)),
    )
    return tree, draw(st.lists(action, max_size=8))


def _apply(db: str, actions: list[tuple[str, str, str]]) -> None:
    from provenance.edits import merge_source, retract
    from provenance.errors import ProvenanceError
    from provenance.merge import merge_claims

    for action, a, b in actions:
        try:
            with open_session(db, write=True) as session:
                if action == "merge":
                    merge_claims(session, a, [b], actor="t", command="t")
                elif action == "retract":
                    retract(session, a, reason="r", actor="t", command="t")
                else:
                    merge_source(session, a, b, reason="r", actor="t", command="t")
        except ProvenanceError:
            pass


@pytest.mark.slow
@ROUNDTRIPS
@given(histories())
def test_every_status_survives_export_all_and_import(
    history: tuple[dict[str, Any], list[tuple[str, str, str]]],
) -> None:
    """Merged and retracted claims, merged sources: ``--status all`` then import into
    an empty database gives the same database and the same export, byte for byte."""
    tree, actions = history
    every = ClaimFilter(status=None)
    with tempfile.TemporaryDirectory() as tmp:
        first, second = empty_database(tmp, "first.db"), empty_database(tmp, "second.db")
        import_tree(first, tree, tmp)
        _apply(first, actions)
        exported = Path(tmp) / "out.csv"
        exported.write_text(exported_csv(first, every), encoding="utf-8", newline="")
        _import(second, exported)
        assert contents(second) == contents(first)
        assert exported_csv(second, every) == exported.read_bytes().decode("utf-8")
        with open_session(second) as session:
            assert check(session).problems == []
