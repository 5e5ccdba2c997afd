"""Reading files: strict decoding, malformed CSV/YAML/JSON, line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest.readers import CsvRows, iter_csv, load_json, load_yaml


def rows_of(path: Path) -> tuple[list[tuple[int, list[str]]], CsvRows]:
    out = CsvRows(path)
    return list(iter_csv(path, out)), out


def test_csv_rows_carry_their_first_line(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text('claim,source\n"two\nlines",S\nx,y\n', encoding="utf-8")
    rows, out = rows_of(p)
    assert out.header == ["claim", "source"]
    assert rows == [(2, ["two\nlines", "S"]), (4, ["x", "y"])]
    assert out.problems == []


def test_utf8_bom_is_accepted_and_first_column_intact(tmp_path: Path) -> None:
    p = tmp_path / "bom.csv"
    p.write_bytes(b"\xef\xbb\xbfclaim,source\nx,y\n")
    rows, out = rows_of(p)
    assert out.header == ["claim", "source"]
    assert rows == [(2, ["x", "y"])]


def test_invalid_utf8_reports_byte_offset(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_bytes(b"claim,source\nab\xffc,y\n")
    out = CsvRows(p, encoding="utf-8")
    list(iter_csv(p, out))
    assert [str(x) for x in out.problems] == [f"{p}:2: invalid UTF-8 at byte offset 15"]


def test_utf8_after_non_ascii_utf8_is_not_redetected(tmp_path: Path) -> None:
    p = tmp_path / "mixed.csv"
    p.write_bytes("claim,source\nÜber,y\n".encode() + b"ab\xffc,y\n")
    _, out = rows_of(p)
    assert [str(x) for x in out.problems] == [f"{p}:3: invalid UTF-8 at byte offset 23"]
    assert (out.encoding, out.detected) == ("utf-8", ["delimiter"])


def test_legacy_encoding_is_detected_after_ascii_lines(tmp_path: Path) -> None:
    p = tmp_path / "latin.csv"
    p.write_bytes("claim;source\nx;y\nÉtat-major a dit;Le Monde\n".encode("cp1252"))
    rows, out = rows_of(p)
    assert rows == [(2, ["x", "y"]), (3, ["État-major a dit", "Le Monde"])]
    assert (out.encoding, out.delimiter, out.detected) == ("cp1252", ";", ["delimiter", "encoding"])


def test_utf16_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    p = tmp_path / "u16.csv"
    p.write_bytes("claim,source\nx,y\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        rows_of(p)


def test_nul_byte_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "nul.csv"
    p.write_bytes(b"claim,source\nx\x00,y\nok,z\n")
    rows, out = rows_of(p)
    assert "NUL byte at byte offset 14" in str(out.problems[0])
    assert rows[-1] == (3, ["ok", "z"])


def test_unclosed_quote_does_not_swallow_silently(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text('claim,source\ngood,a\n"broken,b\nmore,c\n', encoding="utf-8")
    rows, out = rows_of(p)
    assert rows == [(2, ["good", "a"])]
    assert len(out.problems) == 1
    assert (
        str(out.problems[0])
        == f"{p}:3: unclosed quote: the quoted field runs to the end of the file"
    )


def test_huge_field_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    p.write_text("claim,source\n" + '"' + "x" * 200_000 + '",y\nnext,z\n', encoding="utf-8")
    _, out = rows_of(p)
    assert "longer than" in str(out.problems[0])
    assert out.problems[0].line == 2


def test_yaml_keeps_scalars_as_written(tmp_path: Path) -> None:
    p = tmp_path / "a.yaml"
    p.write_text(
        "a: no\nb: on\nc: NA\nd: None\ne: 017\nf: 12:30:00\ng: ~\nh: 1e3\n", encoding="utf-8"
    )
    data = load_yaml(p)
    assert data == {
        "a": "no",
        "b": "on",
        "c": "NA",
        "d": "None",
        "e": "017",
        "f": "12:30:00",
        "g": None,
        "h": "1e3",
    }
    assert data.line_of("f") == 6


def test_yaml_python_tags_never_run(tmp_path: Path) -> None:
    p = tmp_path / "evil.yaml"
    p.write_text("a: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    with pytest.raises(InputError, match="tag"):
        load_yaml(p)
    assert not (Path.cwd() / "pwned").exists()


def test_yaml_billion_laughs_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    p = tmp_path / "bomb.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases"):
        load_yaml(p)


def test_yaml_duplicate_keys_and_syntax_errors_name_the_line(tmp_path: Path) -> None:
    p = tmp_path / "dup.yaml"
    p.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_yaml(p)
    assert str(exc.value.problems[0]) == f"{p}:3: a: duplicate key"
    p.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(InputError, match="invalid YAML"):
        load_yaml(p)


def test_json_duplicate_keys_nan_and_truncation(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text('{"claims": [\n {"text": "a",\n  "text": "b"}]}', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_json(p)
    assert str(exc.value.problems[0]) == f"{p}:2: text: duplicate key in object"
    p.write_text('{"value": NaN}', encoding="utf-8")
    with pytest.raises(InputError, match="NaN is not valid JSON"):
        load_json(p)
    p.write_text('{"value": Infinity}', encoding="utf-8")
    with pytest.raises(InputError, match="Infinity"):
        load_json(p)
    p.write_text('{"claims": [\n{"text": "a"', encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_json(p)


def test_json_objects_know_their_line(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text('{"claims": [\n  {"text": "a"},\n\n  {"text": "b"}\n]}', encoding="utf-8")
    data = load_json(p)
    assert [c.line for c in data["claims"]] == [2, 4]
