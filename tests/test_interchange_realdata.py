"""Every interchange format on real reporting: the labelled Sudan corpus (78 pages in
Arabic, English, French and more) exports, and each export is read back by its library."""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
from prov.model import ProvAgent, ProvDocument

from provenance.provdoc import qname
from tests.helpers import ROOT, provn_statements
from tests.test_citations import bibliography

CORPUS = next(
    (
        d / "realdata"
        for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
        if (d / "realdata" / "to_csv.py").is_file()
    ),
    None,
)
pytestmark = pytest.mark.skipif(CORPUS is None, reason="the shared real-reporting corpus is absent")


@pytest.fixture
def sudan(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The corpus as its own script flattens it, imported."""
    assert CORPUS is not None
    spec = importlib.util.spec_from_file_location("to_csv", CORPUS / "to_csv.py")
    assert spec is not None and spec.loader is not None
    module: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    buf = io.StringIO()
    with redirect_stdout(buf):
        module.main(["to_csv.py", str(CORPUS / "sudan_claims.json")])
    path = tmp_path / "sudan.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_real_reporting_exports_to_every_reference_format(cli, sudan: Path) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(cli("export", "-f", "csl-json").output)
    assert len(items) == 78
    rendered = bibliography(json.dumps(items))
    assert len(rendered) == 78 and all("Available at: http" in b for b in rendered)
    assert all(i["note"].startswith("[S") for i in items)
    entries = rispy.loads(cli("export", "-f", "ris").output)
    assert [e["id"] for e in entries] == [i["id"] for i in items]
    assert sum(len(e["notes"]) for e in entries) == 91
    library = bibtexparser.parse_string(cli("export", "-f", "bibtex").output)
    assert library.failed_blocks == [] and len(library.entries) == 78


def test_real_reporting_round_trips_through_claimreview(cli, sudan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for key in ("S01", "S02", "S40"):
        assert (
            cli("verdict", key, "--rating", "Needs context", "--by", "مرصد التحقق").exit_code == 0
        )
    first = tmp_path / "first.jsonld"
    assert cli("export", "-f", "claimreview", "-o", str(first)).exit_code == 0
    empty = str(tmp_path / "empty.db")
    assert cli("import", "--db", empty, str(first)).exit_code == 0
    second = cli("export", "--db", empty, "-f", "claimreview").output
    assert second == first.read_text(encoding="utf-8")


def test_real_reporting_loads_as_prov(cli, sudan: Path) -> None:  # type: ignore[no-untyped-def]
    document = ProvDocument.deserialize(
        content=cli("export", "-f", "prov-json").output, format="json"
    )
    sources = json.loads(cli("sources", "--format", "json").output)
    agents = {str(a.identifier) for a in document.get_records(ProvAgent)}
    assert {a for a in agents if a.startswith("source:")} == {
        qname("source", s["key"]) for s in sources
    }
    assert provn_statements(cli("export", "-f", "prov-n").output) == provn_statements(
        document.get_provn()
    )
