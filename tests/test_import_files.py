"""Researchers' files as they come: delimiters, encodings, numeric dates, headings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.dates import parse_partial_date
from provenance.ingest.columns import heading_key
from provenance.ingest.sniff import detect_encoding, sniff_delimiter

SEMICOLON_1252 = (
    "Claim;Source;Date;Outlet;URL;Quote;Language\r\n"
    "Über 8.000 Soldaten wurden verlegt;Bundeswehr-Sprecher;23.11.2024;Süddeutsche Zeitung;"
    "https://e.org/1;„über 8.000 Soldaten“;de\r\n"
    "L'armée a avancé de 5 km;État-major;2024/11/23;Le Monde;https://e.org/2;avancé de 5 km;fr\r\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolon_windows_1252_file_imports_and_says_how_it_was_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "excel.csv", SEMICOLON_1252, "cp1252")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"read {path}: encoding cp1252 (detected), delimiter ';' (detected)\n"
        "imported 2 claims, 2 attributions, 2 sources, 2 documents (0 already present); batch 1\n"
    )
    assert result.stderr == f"warning: {path}: not UTF-8; read as cp1252\n"
    listed = cli("claims", "--format", "csv", "--sort", "as_of")
    assert listed.stdout.splitlines()[1:] == [
        "l-armee-a-avance-de-5-km-af92ca27,L'armée a avancé de 5 km,other,2024-11-23,,"
        "État-major,,1,1,1,active",
        "uber-8-000-soldaten-wurden-verlegt-82344876,Über 8.000 Soldaten wurden verlegt,other,"
        "2024-11-23,,Bundeswehr-Sprecher,,1,1,1,active",
    ]


def test_forced_encoding_and_delimiter_are_reported_as_given(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "tabs.tsv", "claim\tsource\nx\ty\n")
    result = cli(
        "import", "--input-format", "csv", "--delimiter", "tab", "--encoding", "latin-1", str(path)
    )
    assert result.stdout.splitlines()[0] == f"read {path}: encoding iso8859-1, delimiter tab"


def test_forced_utf8_reports_the_bad_byte(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "excel.csv", SEMICOLON_1252, "cp1252")
    result = cli("import", "--encoding", "utf-8", str(path))
    assert result.exit_code == 3
    assert result.stderr == (
        "error: 2 problems in the input; nothing was imported:\n"
        f"{path}:2: invalid UTF-8 at byte offset 45\n"
        f"{path}:3: invalid UTF-8 at byte offset 178\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--encoding", "klingon"], "error: unknown encoding 'klingon'\n"),
        (["--delimiter", ";;"], "error: a delimiter is one character, not ';;'\n"),
        (["--dayfirst", "--monthfirst"], "error: --dayfirst and --monthfirst exclude each other\n"),
        (["--map", "Date"], "error: --map wants HEADING=column, not 'Date'\n"),
        (
            ["--map", "Date=asof"],
            "error: cannot map 'Date' to 'asof': no such column (did you mean 'as_of'?)\n",
        ),
    ],
)
def test_bad_options_are_usage_errors(cli, tmp_path: Path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "a.csv", "claim,source\nx,y\n")
    result = cli("import", *args, str(path))
    assert (result.exit_code, result.stderr) == (2, message)


def test_ambiguous_date_names_both_readings_until_an_order_is_given(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "us.csv", "claim,source,as_of\nx happened,Reuters,11/10/2024\n")
    refused = cli("import", str(path))
    assert (refused.exit_code, refused.stderr) == (
        3,
        "error: 1 problem in the input; nothing was imported:\n"
        f"{path}:2: as_of: ambiguous date '11/10/2024': 2024-10-11 (day first) "
        "or 2024-11-10 (month first)\n",
    )
    assert cli("import", "--monthfirst", str(path)).exit_code == 0
    listed = cli("claims", "--format", "csv")
    assert listed.stdout.splitlines()[1].split(",")[3] == "2024-11-10"


@pytest.mark.parametrize(
    ("text", "order", "iso"),
    [
        ("23/11/2024", None, "2024-11-23"),
        ("23.11.2024", None, "2024-11-23"),
        ("23-11-2024", None, "2024-11-23"),
        ("2024/11/23", None, "2024-11-23"),
        ("2024.1.5", None, "2024-01-05"),
        ("11/23/2024", None, "2024-11-23"),
        ("05/05/2024", None, "2024-05-05"),
        ("11/10/2024", "dmy", "2024-10-11"),
        ("11/10/2024", "mdy", "2024-11-10"),
        ("2024-11", None, "2024-11"),
        ("2024", "dmy", "2024"),
    ],
)
def test_numeric_dates(text: str, order: str | None, iso: str) -> None:
    assert parse_partial_date(text, order).iso() == iso  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("11/10/2024", "2024-10-11 (day first) or 2024-11-10 (month first)"),
        ("31/02/2024", "February has 29 days"),
        ("1/2/24", "write the year in full"),
        ("2024/13/01", "month 13"),
    ],
)
def test_numeric_dates_refused(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_partial_date(text)


def test_common_headings_map_by_themselves_and_map_adds_more(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "h.csv",
        "Statement,Quelle,Datum,Publication,Link,Zitat,Titel,Stichtag\n"
        "Troops moved,Reuters,23.11.2024,Daily,https://e.org/3,troops moved,Report,\n",
    )
    kept = cli("import", "--dry-run", str(path))
    assert kept.exit_code == 0, kept.output
    assert kept.stderr == f"warning: {path}:1: Stichtag: unknown column kept as an extra field\n"
    result = cli("import", "--map", "datum=published", "--map", "STICHTAG=as_of", str(path))
    assert result.exit_code == 0, result.output
    out = cli("export", "--format", "csv")
    assert "Troops moved" in out.stdout and ",2024-11-23," in out.stdout


def test_ignore_extra_drops_unknown_columns_with_a_warning(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "x.csv", "claim,source,qoute,Reviewer\nx,y,z,ann\n")
    result = cli("import", "--ignore-extra", str(path))
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {path}:1: qoute: column not imported (did you mean 'quote'?)\n"
        f"warning: {path}:1: Reviewer: column not imported\n"
    )


def test_heading_key() -> None:
    assert heading_key(" Source-Kind ") == heading_key("source kind") == "source_kind"


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("claim,source\nx,y\n", ","),
        ('claim;source\n"a, b, c";y\n', ";"),
        ("claim\tsource\tas_of\nx\ty\t2024\n", "\t"),
        ("claim|source\nx|y", "|"),
        ('claim,source\n"a; b; c; d",y\n', ","),
        ("claim\n", None),
    ],
)
def test_sniff_delimiter(sample: str, delimiter: str | None) -> None:
    assert sniff_delimiter(sample) == delimiter


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Nações Unidas; Naciones Unidas; señor", "cp1252"),
        ("Zerstörung der Brücke – „Angriff“ über 8.000 Soldaten; café", "cp1252"),
        ("Российские войска продвинулись к Курску, сообщил источник", "cp1251"),
        ("Władze Polski; żołnierze", "cp1250"),
        ("café", "cp1252"),
    ],
)
def test_detect_encoding(text: str, encoding: str) -> None:
    assert detect_encoding(text.encode(encoding)) == encoding


def test_nested_file_reports_every_problem_in_one_pass(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "bad.yaml",
        "sources:\n"
        "  - {key: a, name: A, kind: wizard, reliability: Q}\n"
        "documents:\n"
        "  - {key: d1, title: T, published: 2024-13}\n"
        "claims:\n"
        "  - key: c1\n"
        "    text: one\n"
        "    category: troops\n"
        "    as_of: 2024-02-30\n"
        "    attributions:\n"
        "      - {source: a, credibility: 9, stance: maybe, document: d1}\n"
        "      - {source: zz}\n",
    )
    result = cli("import", str(path))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "error: 8 problems in the input; nothing was imported:",
        f"{path}:2: kind: 'wizard' is not one of: person, official, government, military, "
        "intelligence_agency, think_tank, news_agency, news_outlet, ngo, social_media, other",
        f"{path}:2: reliability: 'Q' is not an Admiralty reliability grade A-F",
        f"{path}:4: published: impossible date '2024-13': month 13",
        f"{path}:8: category: 'troops' is not one of: troop_count, territory, casualties, "
        "aid_transfer, advance, statement, other (did you mean 'troop_count'?)",
        f"{path}:9: as_of: impossible date '2024-02-30': February has 29 days",
        f"{path}:11: stance: 'maybe' is not one of: asserts, denies",
        f"{path}:11: credibility: '9' is not an Admiralty credibility grade 1-6",
        f"{path}:12: source: unknown source 'zz'",
    ]


def test_json_reports_every_problem_in_one_pass(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "bad.json",
        '{"sources": [{"key": "a", "name": "A", "named": "perhaps"}],\n'
        ' "claims": [{"text": "one", "as_of": "yesterday", "language": "english!",\n'
        '   "attributions": [{"source": "a", "credibility": "0"}]}]}\n',
    )
    result = cli("import", str(path))
    assert result.stderr.splitlines()[0] == "error: 4 problems in the input; nothing was imported:"


def test_near_miss_of_a_stored_source_is_imported_with_a_warning(
    fixture_db, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "typo.csv", "claim,source\nRussia advanced,Institute for Study of War\n"
    )
    result = cli("import", str(path))
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {path}:2: source: new source 'Institute for Study of War' is close to "
        "'Institute for the Study of War' (isw); is it the same?\n"
    )
    again = write(
        tmp_path / "typo2.csv", "claim,source\nRussia retreated,Institute for Study of Wars\n"
    )
    quiet = cli("import", "--new-sources", str(again))
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_unnamed_cues_make_a_source_unnamed_when_the_file_does_not_say(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "cues.csv",
        "claim,source\n"
        "A,unnamed Western official\n"
        "B,مصادر طبية في الفاشر\n"
        "C,Quellen aus Sicherheitskreisen\n"
        "D,sources familiar with the matter\n"
        "E,a spokesman for the regional administration\n"
        "F,Nabil Abdullah\n"
        "G,Business Insider\n",
    )
    result = cli("import", str(path))
    assert result.stderr.splitlines() == [
        f"warning: {path}:2: source: source 'unnamed Western official' taken as unnamed from "
        "'unnamed' (the input does not say whether it is named)",
        f"warning: {path}:3: source: source 'مصادر طبية في الفاشر' taken as unnamed from "
        "'مصادر طبية' (the input does not say whether it is named)",
        f"warning: {path}:4: source: source 'Quellen aus Sicherheitskreisen' taken as unnamed "
        "from 'quellen' (the input does not say whether it is named)",
        f"warning: {path}:5: source: source 'sources familiar with the matter' taken as unnamed "
        "from 'sources' (the input does not say whether it is named)",
        f"warning: {path}:6: source: source 'a spokesman for the regional administration' taken "
        "as unnamed from 'a spokesman' (the input does not say whether it is named)",
    ]
    named = cli("sources", "--format", "csv").stdout.splitlines()
    named_column = [line.split(",")[4] for line in named[1:]]
    assert named_column == ["false", "true", "true", "false", "false", "false", "false"]
    audit = cli("audit", "unnamed")
    assert "5 rest only on unnamed sources" in audit.stdout


def test_given_source_named_wins_over_cues(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "given.csv", "claim,source,source_named\nA,Anonymous (the collective),true\n"
    )
    result = cli("import", str(path))
    assert (result.exit_code, result.stderr) == (0, "")


def test_every_lexicon_language_has_unnamed_cues() -> None:
    from provenance import lexicon

    short = [c for c in lexicon.languages() if len(lexicon.section(c, "sources")["unnamed"]) < 10]
    assert short == []


VARIANTS = (
    "claim,source,source_affiliation,source_kind,language\n"
    "A,UN OCHA,Nações Unidas,ngo,pt\n"
    "B,UN OCHA,Naciones Unidas,ngo,es\n"
    "C,UN OCHA,Nazioni Unite,ngo,it\n"
    "D,UN OCHA,Naciones Unidas,government,es\n"
)


def test_differing_source_details_are_kept_as_variants_with_one_warning(
    cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "var.csv", VARIANTS)
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: {path}:3: source_affiliation: kept the stored source_affiliation "
        "'Nações Unidas' of source 'un-ocha'; recorded 'Naciones Unidas' as a variant\n"
    )
    assert cli("sources", "--format", "csv").stdout == (
        "key,name,aliases,kind,named,affiliation,variants,party,reliability,as_origin,as_relay\n"
        "un-ocha,UN OCHA,,ngo,true,Nações Unidas,affiliation: Naciones Unidas; "
        "affiliation: Nazioni Unite; kind: government,,F,4,0\n"
    )
    again = cli("import", str(path))
    assert again.stdout.startswith("imported 0 claims, 0 attributions, 0 sources")
    assert cli("sources", "--format", "csv").stdout.count("Nazioni Unite") == 1
    assert cli("check").exit_code == 0


def test_another_name_for_a_keyed_source_becomes_an_alias(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "names.csv",
        "claim,source,source_key\nA,Nações Unidas,un\nB,Naciones Unidas,un\nC,Nazioni Unite,un\n",
    )
    assert cli("import", str(path)).exit_code == 0
    rows = cli("sources", "--format", "csv").stdout.splitlines()
    assert rows[1] == "un,Nações Unidas,Naciones Unidas; Nazioni Unite,other,true,,,,F,3,0"
    assert cli("claims", "--source", "Nazioni Unite", "--format", "csv").exit_code == 0


def test_strict_refuses_differing_source_details(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "var.csv", VARIANTS)
    result = cli("import", "--strict", str(path))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "error: 4 problems in the input; nothing was imported:",
        f"{path}:3: source_affiliation: 'Naciones Unidas' differs from the stored "
        "'Nações Unidas' of source 'un-ocha'",
        f"{path}:4: source_affiliation: 'Nazioni Unite' differs from the stored "
        "'Nações Unidas' of source 'un-ocha'",
        f"{path}:5: source_kind: 'government' differs from the stored 'ngo' of source 'un-ocha'",
        f"{path}:5: source_affiliation: 'Naciones Unidas' differs from the stored "
        "'Nações Unidas' of source 'un-ocha'",
    ]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for cells in rows:
            sheet.append(cells)
    book.save(path)
    return path


def test_xlsx_imports_with_the_sheet_row_numbers_in_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime

    rows: list[list[object]] = [
        [],
        ["Claim", "Source", "Date", "Quantity"],
        ["Troops moved", "Reuters", datetime.datetime(2024, 11, 23), "about 8,000 troops"],
        [],
        ["More troops", "AFP", "31.02.2024", "1.5"],
    ]
    path = _workbook(tmp_path / "claims.xlsx", {"Claims": rows})
    refused = cli("import", str(path))
    assert (refused.exit_code, refused.stderr) == (
        3,
        "error: 1 problem in the input; nothing was imported:\n"
        f"{path}:5: as_of: impossible date '31.02.2024': February has 29 days\n",
    )
    rows[4][2] = "23.11.2024"
    _workbook(path, {"Claims": rows})
    result = cli("import", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert '"sheet": "Claims"' in result.stdout
    listed = json.loads(cli("claims", "--format", "json", "--sort", "key").stdout)
    assert [(c["claim"], c["as_of"], c["quantity"]) for c in listed] == [
        ("More troops", "2024-11-23", "1.5"),
        ("Troops moved", "2024-11-23", "about 8,000 troops"),
    ]


def test_workbook_with_several_sheets_needs_one_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheets: dict[str, list[list[object]]] = {
        "Notes": [["anything"]],
        "Data": [["claim", "source"], ["x", "y"]],
    }
    path = _workbook(tmp_path / "two.xlsx", sheets)
    refused = cli("import", str(path))
    assert refused.stderr == (
        "error: 1 problem in the input; nothing was imported:\n"
        f"{path}: the workbook has 2 sheets (Notes, Data); name the one to read\n"
    )
    missing = cli("import", "--sheet", "Daten", str(path))
    assert missing.stderr.splitlines()[1] == (
        f"{path}: no sheet named 'Daten'; the sheets are Notes, Data"
    )
    assert cli("import", "--sheet", "Data", str(path)).exit_code == 0


def test_ods_imports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    path = tmp_path / "claims.ods"
    frame = pd.DataFrame([["claim", "source", "as_of"], ["x happened", "Reuters", "2024/11/23"]])
    frame.to_excel(path, engine="odf", header=False, index=False)
    result = cli("import", str(path))
    assert result.stdout == (
        "imported 1 claims, 1 attributions, 1 sources, 0 documents (0 already present); batch 1\n"
    )
