"""An import fuzzer: mutated CSV, YAML and JSON files never cause an internal error
(exit 1), every problem names its ``file:line``, and whatever is accepted passes
``check``. Fixed seed and a bounded number of examples, so it runs the same each time."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.audit import check
from provenance.cli import app
from provenance.db import open_session
from tests.helpers import FIXTURE, ROOT
from tests.test_roundtrip import empty_database

EXAMPLES = 120
SEEDS = {
    "yaml": FIXTURE.read_text(encoding="utf-8"),
    "csv": (ROOT / "fixtures" / "example_attributions.csv").read_text(encoding="utf-8"),
    "json": json.dumps(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), indent=1, default=str),
}
PIECES = [
    '"', "'", ",", ";", "\r", "\n", "\r\n", "\t", " ", "=", "-", "@", "[", "]", "{", "}", ":",
    "\\ud800", "\\u0000", "\x00", "\ufeff", "\u200f", "é", "中", "1e308", "-0", "NaN", "null",
    "true", "~", "&a", "*a", "!!python/object", "- ", "? ", "#", "%", "_", "\\", "9" * 30,
]  # fmt: skip


BAD_BYTES = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xff\xfe", b"\xfe\xff\x00", b"\x00", b"\x85"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    fmt = draw(st.sampled_from(sorted(SEEDS)))
    text = SEEDS[fmt]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]))
        piece = draw(st.sampled_from(PIECES) | st.text(max_size=8))
        end = min(len(text), at + draw(st.integers(0, 40)))
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[end:]
        elif op == "replace":
            text = text[:at] + piece + text[end:]
        elif op == "duplicate":
            text = text[:at] + text[at:end] + text[at:]
        else:
            text = text[:at]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # bytes that are not UTF-8, anywhere, the start included
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]
    return fmt, data


LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+): ")


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_mutated_files_never_crash_and_every_problem_has_a_place(case: tuple[str, bytes]) -> None:
    fmt, content = case
    with tempfile.TemporaryDirectory() as tmp:
        db = empty_database(tmp, "fuzz.db")
        path = Path(tmp) / f"in.{fmt}"
        path.write_bytes(content)
        result = CliRunner().invoke(app, ["import", str(path), "--db", db])
        assert result.exit_code in (0, 3), result.output
        if result.exit_code == 3:
            lines = result.output.rstrip("\n").split("\n")  # a cell may hold \x0c
            assert lines[0].startswith("error: "), result.output
            for line in lines[1:]:
                if line.startswith("… and "):
                    continue
                found = LOCATED.match(line)
                assert found and found["file"] == str(path), f"no file:line: {line!r}"
        else:
            with open_session(db) as session:
                assert check(session).problems == []
