"""Import refuses what it cannot store or what ``check`` would flag, always at the row:
lone surrogates and NULs in JSON/YAML text, values the database itself refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from provenance.db import open_session
from provenance.errors import InputError
from tests.helpers import count, row, write_csv
from tests.test_import import run_import


def nested(claim_text: str, quote: str = "q") -> str:
    """A nested JSON file, one claim on line 4 whose attribution is on line 6."""
    return (
        '{"format": "provenance/1",\n'
        ' "sources": [{"key": "s", "name": "Reuters"}],\n'
        ' "claims": [\n'
        '  {"key": "c1",\n'
        f'   "text": "{claim_text}",\n'
        f'   "attributions": [{{"source": "s", "quote": "{quote}"}}]}}]}}\n'
    )


def test_lone_surrogates_and_nuls_are_refused_at_the_field(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text(nested("x\\ud800y", quote="\\u0000"), encoding="utf-8")
    result = cli("import", str(bad))
    assert result.exit_code == 3
    assert result.output == (
        f"error: 2 problems in the input; nothing was imported:\n"
        f"{bad}:4: text: a lone surrogate U+D800 at character 2 is not valid text\n"
        f"{bad}:6: quote: a NUL character at character 1 is not valid text\n"
    )
    assert count(db_url, "claim") == 0


def test_invalid_text_can_be_replaced_with_a_warning(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text(nested("x\\udfffy"), encoding="utf-8")
    result = cli("import", "--replace-invalid-text", str(bad))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"warning: {bad}:4: text: a lone surrogate U+DFFF at character 2 is not valid text; "
        "replaced with U+FFFD"
    )
    with open_session(db_url) as session:
        stored = session.connection().execute(text("SELECT text FROM claim")).scalar_one()
    assert stored == "x\ufffdy"


def test_a_surrogate_in_a_key_is_reported_printably(tmp_path: Path, db_url: str) -> None:
    bad = tmp_path / "key.json"
    bad.write_text('{"claims": [], "\\ud83d": 1}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run_import(db_url, bad)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:1: \\ud83d: a lone surrogate U+D83D at character 1 is not valid text",
        f"{bad}:1: \ufffd: unknown field",
    ]
    str(caught.value).encode("utf-8")  # printable: no surrogate reaches the terminal


def refuse_claim_in_the_database(db: str, key: str, is_postgres: bool) -> None:
    """A trigger standing for any constraint the database enforces beyond validation
    (PostgreSQL's index entry size limit, a NOT NULL added by a later migration, …)."""
    with open_session(db, write=True) as session:
        conn = session.connection()
        if is_postgres:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.key = '{key}' THEN RAISE EXCEPTION 'refused by the test' "
                "USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE INSERT ON claim FOR EACH ROW EXECUTE FUNCTION refuse()"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE INSERT ON claim WHEN NEW.key = '{key}' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )


def test_a_value_the_database_refuses_is_a_problem_at_its_row(
    cli, db_url: str, tmp_path: Path, is_postgres: bool
) -> None:  # type: ignore[no-untyped-def]
    cli("import", str(write_csv(tmp_path / "seed.csv", [row(claim_key="seed")])))
    refuse_claim_in_the_database(db_url, "c3", is_postgres)
    rows = [row(claim_key=f"c{i}", url=f"https://e.org/{i}") for i in range(1, 6)]
    path = write_csv(tmp_path / "in.csv", rows)
    result = cli("import", str(path))
    assert result.exit_code == 3, result.output
    assert result.output == (
        "error: 1 problem in the input; nothing was imported:\n"
        f"{path}:4: the database refused it: refused by the test\n"
    )
    assert count(db_url, "claim") == 1 and count(db_url, "import_batch") == 1


def test_a_quote_not_in_its_documents_text_is_refused_at_the_quote(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "d.yaml"
    doc.write_text(
        "documents:\n"
        "  - {key: d1, text: 'Russia has concentrated close to 60,000 troops in Kursk.'}\n"
        "sources:\n  - {key: s, name: S}\n"
        "claims:\n"
        "  - key: ok\n    text: Russia has 60,000 troops in Kursk.\n    attributions:\n"
        "      - {source: s, document: d1, quote: 'CLOSE to  60,000 troops'}\n"
        "  - key: bad\n    text: Russia has 90,000 troops.\n    attributions:\n"
        "      - {source: s, document: d1, quote: 'close to 90,000 troops'}\n",
        encoding="utf-8",
    )
    result = cli("import", str(doc))
    assert result.exit_code == 3
    assert result.output == (
        "error: 1 problem in the input; nothing was imported:\n"
        f"{doc}:13: quote: not found in the text of document 'd1'\n"
    )


def test_document_text_given_later_must_hold_the_stored_quotes(db_url: str, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "a.csv", [row(document_key="d1", quote="close to 60,000 troops")])
    run_import(db_url, first)
    later = tmp_path / "text.yaml"
    later.write_text("documents:\n  - {key: d1, text: 'Something else entirely.'}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        run_import(db_url, later)
    assert [str(p) for p in caught.value.problems] == [
        f"{later}:2: text: does not contain the stored quote of claim 'c1': "
        "'close to 60,000 troops'"
    ]


def test_explicit_quantity_parts_that_contradict_the_text_are_refused(
    db_url: str, tmp_path: Path
) -> None:
    agreeing = row(claim_key="ok", quantity="roughly 309 square miles", qualifier="about",
                   value="800", unit="km2")  # fmt: skip
    contradicting = row(claim_key="bad", quantity="close to 60,000 troops", qualifier="close_to",
                        value="6000", unit="troops")  # fmt: skip
    path = write_csv(tmp_path / "q.csv", [agreeing, contradicting])
    with pytest.raises(InputError) as caught:
        run_import(db_url, path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3: value: 6000.0 differs from 60000.0 read in quantity 'close to 60,000 troops'"
    ]


def test_check_flags_a_stored_quantity_its_text_no_longer_reads_as(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    run_import(db_url, write_csv(tmp_path / "a.csv", [row()]))
    assert cli("check").exit_code == 0
    with open_session(db_url, write=True) as session:  # as an older parser would have stored it
        session.connection().exec_driver_sql("UPDATE claim SET value = 60 WHERE key = 'c1'")
    result = cli("check")
    assert result.exit_code == 7
    assert (
        "problem: quantities read from their text: claim 'c1': quantity 'close to 60,000 troops' "
        "reads as value 60000.0, stored 60.0\n"
    ) in result.output
