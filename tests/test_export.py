"""Citation export: round trip, spreadsheet safety, atomic files, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.cells import csv_cell, csv_writer, neutralise, restore
from provenance.db import open_session
from provenance.errors import OutputError
from provenance.export import EXPORT_COLUMNS, atomic_file, export
from provenance.query import ClaimFilter, get_claim
from tests.helpers import FIXTURE, ROOT, row, write_csv


def do_export(db: str, fmt: str = "csv", raw: bool = False, **kw: object) -> str:
    buf = io.StringIO()
    with open_session(db) as session:
        export(session, ClaimFilter(**kw), out_path=None, out=buf, fmt=fmt, raw=raw)  # type: ignore[arg-type]
    return buf.getvalue()


def test_export_import_export_is_byte_identical(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli("import", str(FIXTURE), str(ROOT / "fixtures" / "example_attributions.csv")).exit_code
        == 0
    )
    first = tmp_path / "first.csv"
    assert cli("export", "-o", str(first)).exit_code == 0
    second_db = str(tmp_path / "second.db")
    assert cli("import", "--db", second_db, str(first)).exit_code == 0
    second = tmp_path / "second.csv"
    assert cli("export", "--db", second_db, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_text(encoding="utf-8").splitlines()) == 1 + 26 + 5


def test_columns_are_the_import_columns_then_read_only_counts(fixture_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(do_export(fixture_db, source="isw"))))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert list(EXPORT_COLUMNS[-3:]) == ["reports", "origins", "named_origins"]
    nk = [
        r
        for r in csv.DictReader(io.StringIO(do_export(fixture_db, category="troop_count")))
        if r["claim_key"] == "up-to-10000-north-korean-soldiers-kursk"
    ]
    assert [(r["reports"], r["origins"], r["named_origins"]) for r in nk] == [("3", "3", "3")] * 3


def test_formula_cells_are_neutralised_in_csv_only(db_url: str, tmp_path: Path) -> None:
    from tests.test_import import run_import

    run_import(
        db_url,
        write_csv(
            tmp_path / "f.csv",
            [
                row(
                    claim='=HYPERLINK("http://x")',
                    quote="@SUM(A1)",
                    quantity="",
                    value="-12",
                    qualifier="exact",
                    unit="troops",
                )
            ],
        ),
    )
    (exported,) = csv.DictReader(io.StringIO(do_export(db_url)))
    assert exported["claim"] == '\'=HYPERLINK("http://x")'
    assert exported["quote"] == "'@SUM(A1)"
    assert exported["value"] == "-12"
    (raw,) = csv.DictReader(io.StringIO(do_export(db_url, raw=True)))
    assert raw["claim"] == '=HYPERLINK("http://x")'
    (as_json,) = json.loads(do_export(db_url, fmt="json"))
    assert as_json["claim"] == '=HYPERLINK("http://x")'
    with open_session(db_url) as session:
        assert get_claim(session, "c1").text == '=HYPERLINK("http://x")'


RISKY = "=+-@"


def live_formula(cell: str) -> bool:
    """What a spreadsheet may run: a cell starting with a tab or line break, or whose
    first character after leading whitespace is one of ``= + - @``, unless a number."""
    try:
        float(cell)
        if cell.strip() == cell:
            return False
    except ValueError:
        pass
    return cell[:1] in ("\t", "\r", "\n") or cell.lstrip()[:1] in tuple(RISKY)


@given(st.text(max_size=30) | st.from_regex(r"\A'*[ \t\r\n]*[=+\-@\t\r\n0-9. ]{1,6}\Z"))
def test_neutralisation_is_reversible_and_leaves_no_live_formula(value: str) -> None:
    out = neutralise(value)
    assert restore(out) == value
    assert not live_formula(out)


@given(st.lists(st.none() | st.integers() | st.text(max_size=20), min_size=2, max_size=6))
def test_cells_built_by_hand_are_what_the_csv_module_writes(cells: list[object]) -> None:
    buf = io.StringIO()
    csv_writer(buf).writerow(cells)
    assert ",".join(csv_cell(c) for c in cells) + "\n" == buf.getvalue()


CR_CELLS = [
    "\r=1+1",
    "\n-2+3",
    "\r\n@SUM(A1)",
    " =cmd|' /C calc'!A0",
    "\t+1",
    "line one\r=HYPERLINK(1)",
    "'\r=already quoted",
    "-12",
    "+3.5",
    'plain, with "quotes"',
]


def test_no_live_formula_reaches_a_carriage_return_aware_parser(
    db_url: str, tmp_path: Path
) -> None:
    """Every cell, read back by pandas and by Python's csv module (both split lines at a
    bare CR), is inert; import restores each value exactly."""
    import pandas as pd

    from tests.test_import import run_import

    rows = [
        row(claim_key=f"c{i}", claim=cell, subject=cell, quote=cell, url=f"https://e.org/{i}")
        for i, cell in enumerate(CR_CELLS)
    ]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    run_import(db_url, write_csv_text(tmp_path / "in.csv", buf.getvalue()))
    exported = do_export(db_url)
    parsed = list(csv.reader(io.StringIO(exported, newline="")))
    frame = pd.read_csv(io.StringIO(exported), dtype=str, keep_default_na=False)
    assert len(parsed) == 1 + len(CR_CELLS) and len(frame) == len(CR_CELLS)
    cells = [c for r in parsed[1:] for c in r] + [c for r in frame.itertuples() for c in r[1:]]
    assert [c for c in cells if isinstance(c, str) and live_formula(c)] == []
    subject = {r["claim_key"]: r["subject"] for r in csv.DictReader(io.StringIO(exported))}
    assert subject["c0"] == "'\r=1+1" and subject["c7"] == "-12"
    again = str(tmp_path / "again.db")
    run_import(again, write_csv_text(tmp_path / "out.csv", exported))
    texts = {}
    for db in (db_url, again):
        with open_session(db) as session:
            texts[db] = [get_claim(session, f"c{i}").text for i in range(len(CR_CELLS))]
    assert texts[again] == texts[db_url] == [*CR_CELLS[:6], CR_CELLS[6][1:], *CR_CELLS[7:]]


def write_csv_text(path: Path, content: str) -> Path:
    path.write_bytes(content.encode("utf-8"))
    return path


def test_json_and_jsonl(fixture_db: str) -> None:
    data = json.loads(do_export(fixture_db, fmt="json", source="isw"))
    assert [d["source_key"] for d in data] == ["isw", "isw"]
    assert data[0]["source_named"] is True and data[0]["credibility"] == 2
    lines = do_export(fixture_db, fmt="jsonl", source="isw").splitlines()
    assert [json.loads(line) for line in lines] == data
    assert json.loads(do_export(fixture_db, fmt="json", source="isw", category="casualties")) == []


def test_file_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("precious", encoding="utf-8")
    with (
        pytest.raises(OutputError, match="exists; pass force to overwrite it"),
        atomic_file(target, force=False) as fh,
    ):
        fh.write("new")
    assert target.read_text(encoding="utf-8") == "precious"


def test_failed_write_leaves_neither_half_file_nor_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target, force=True) as fh:
        fh.write("half")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_export_cli_errors(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "x.csv"
    target.write_text("keep", encoding="utf-8")
    result = cli("export", "-o", str(target))
    assert result.exit_code == 8 and "--force" in result.output
    assert cli("export", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("claim_key,")
    bad = cli("export", "--format", "xml")
    assert bad.exit_code == 2 and "unknown export format" in bad.output


def test_exported_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    import os

    fresh = tmp_path / "new.csv"
    with atomic_file(fresh, force=False) as fh:
        fh.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    shared = tmp_path / "shared.csv"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o664)
    with atomic_file(shared, force=True) as fh:
        fh.write("new")
    assert shared.stat().st_mode & 0o777 == 0o664


def test_export_to_a_file_shows_progress_on_a_terminal_and_writes_everything(
    cli, fixture_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import provenance.cli.export as export_cli
    import provenance.cli.progress as progress_cli

    plain = tmp_path / "plain.csv"
    assert cli("export", "-o", str(plain)).exit_code == 0
    monkeypatch.setattr(progress_cli, "on_terminal", lambda: True)
    reports: list[tuple[str, int, int | None]] = []
    original = export_cli.rows_counter
    monkeypatch.setattr(
        export_cli,
        "rows_counter",
        lambda report, total: original(lambda *a: reports.append(a) or report(*a), total),
    )
    watched = tmp_path / "watched.csv"
    assert cli("export", "-o", str(watched)).exit_code == 0
    assert reports == [("exporting", 26, 26)]
    assert watched.read_bytes() == plain.read_bytes()
