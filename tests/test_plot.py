"""``provenance plot``: a measure's timeline as SVG or PNG, and its one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web_data import write_extra

MEASURE = "troop_count: troops in kursk"


@pytest.fixture
def plot_db(cli: Any, fixture_db: str, tmp_path: Path) -> str:
    assert cli("import", str(write_extra(tmp_path / "extra.csv"))).exit_code == 0
    return fixture_db


def test_plot_writes_the_timeline_as_svg(cli: Any, plot_db: str, tmp_path: Path) -> None:
    out = tmp_path / "troops.svg"
    result = cli("plot", MEASURE, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote 6 claims of {MEASURE!r} to {out}\n"
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"')
    assert svg.count('<rect class="bar') == 6
    assert 'data-key="nk-troops-blog-nov"' in svg and "<a href" not in svg


def test_plot_writes_png_by_part_of_a_name_coloured_by_party(
    cli: Any, plot_db: str, tmp_path: Path
) -> None:
    pytest.importorskip("vl_convert")
    out = tmp_path / "troops.png"
    result = cli("plot", "TROOPS IN KURSK", "-o", str(out), "--colour", "party")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width == 860 * 2


def test_plot_errors_are_one_line(cli: Any, plot_db: str, tmp_path: Path) -> None:
    missing = cli("plot", "troops in mars", "-o", str(tmp_path / "x.svg"))
    assert missing.exit_code == 4
    assert missing.output.startswith("error: no measure 'troops in mars'")
    assert missing.output.count("\n") == 1
    many = cli("plot", "territory", "-o", str(tmp_path / "x.svg"))
    assert many.exit_code == 2
    assert many.output.startswith("error: 3 measures match 'territory': ")
    wrong = cli("plot", MEASURE, "-o", str(tmp_path / "x.pdf"))
    assert wrong.exit_code == 2
    assert wrong.output == "error: the output file must end in .svg or .png (got 'x.pdf')\n"
    (tmp_path / "x.svg").write_text("keep", encoding="utf-8")
    exists = cli("plot", MEASURE, "-o", str(tmp_path / "x.svg"))
    assert exists.exit_code == 8
    assert (tmp_path / "x.svg").read_text(encoding="utf-8") == "keep"
    colour = cli("plot", MEASURE, "-o", str(tmp_path / "y.svg"), "--colour", "blue")
    assert colour.exit_code == 2


def test_plot_and_serve_help_give_an_example(runner: Any) -> None:
    from provenance.cli import app

    for command in ("plot", "serve"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output and f"provenance {command}" in result.output


def test_serve_refuses_a_missing_database(cli: Any, tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "none.db"), "--port", "0")
    assert result.exit_code == 6
    assert result.output.startswith("error: no database at ")
