"""The fixture exports in every format, atomically, with a count of what was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.export import EXPORT_FORMATS
from provenance.interchange import INTERCHANGE_FORMATS

WRITTEN = {
    "csv": "26 rows",
    "json": "26 rows",
    "jsonl": "26 rows",
    "csl-json": "1 documents",
    "ris": "1 documents",
    "bibtex": "1 documents",
    "claimreview": "1 reviews",
    "prov-json": "316 records",
    "prov-n": "316 records",
}


def test_every_format_is_listed() -> None:
    assert set(WRITTEN) == set(EXPORT_FORMATS + INTERCHANGE_FORMATS)


@pytest.mark.parametrize("fmt", list(WRITTEN))
def test_the_fixture_exports_in_every_format(
    cli, fixture_db: str, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    verdict = (
        "verdict",
        "ukraine-holds-309-sq-mi",
        "--rating",
        "Unproven",
        "--by",
        "Example Check",
    )
    assert cli(*verdict).exit_code == 0
    target = tmp_path / f"out.{fmt}"
    done = cli("export", "--format", fmt, "-o", str(target))
    assert (done.exit_code, done.output) == (0, f"wrote {WRITTEN[fmt]} to {target}\n")
    again = cli("export", "--format", fmt, "-o", str(target))
    assert again.exit_code == 8  # an existing file is kept without --force
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    stdout = cli("export", "--format", fmt)
    assert stdout.output == target.read_text(encoding="utf-8")


def test_an_unknown_format_lists_every_format(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    bad = cli("export", "--format", "endnote")
    assert (bad.exit_code, bad.output) == (
        2,
        "error: unknown export format 'endnote'; use one of csv, json, jsonl, csl-json, ris, "
        "bibtex, claimreview, prov-json, prov-n\n",
    )
