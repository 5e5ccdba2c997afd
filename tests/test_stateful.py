"""Random sequences of import, merge, unmerge, review, retract (and undo) and export,
checked against an in-memory model: nothing disappears, the unnamed-source audit and
the export agree with the model, and ``check`` finds the database sound after every step.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from provenance.audit import check, unnamed_audit
from provenance.db import open_session
from provenance.edits import retract, undo
from provenance.export import export
from provenance.merge import merge_claims, unmerge_claim
from provenance.query import ClaimFilter
from provenance.reviews import record_review
from tests.helpers import count, row, write_csv
from tests.test_import import run_import

SOURCES = [  # (name, named)
    ("unnamed General Staff official", False),
    ("unnamed intelligence source", False),
    ("Institute for the Study of War", True),
    ("Ukrainian Ministry of Defence", True),
]
POOL = [
    row(
        claim_key=f"k{c}",
        claim=f"Claim {c} about Kursk",
        quantity=f"{1000 + c * 100} troops",
        source=SOURCES[(c + s) % 4][0],
        source_named="true" if SOURCES[(c + s) % 4][1] else "false",
        source_affiliation="",
        source_kind="other",
        via="Reuters" if s else "",
        url=f"https://e.org/{c}/{s}",
        quote=f"quote {c}-{s}",
    )
    for c in range(8)
    for s in range(2)
]
NAMED = dict(SOURCES)


class Machine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.imported: set[int] = set()  # indexes into POOL
        self.status: dict[str, str] = {}
        self.into: dict[str, str] = {}  # merged claim -> kept claim
        self.merges: list[str] = []
        self.retractions: dict[str, int] = {}  # claim -> event number

    @initialize()
    def setup(self) -> None:
        self.db = str(Path(tempfile.mkdtemp()) / "s.db")

    def _session(self, write: bool = False):  # type: ignore[no-untyped-def]
        return open_session(self.db, write=write)

    def _owner(self, key: str) -> str:
        while key in self.into:
            key = self.into[key]
        return key

    @rule(picks=st.sets(st.integers(0, len(POOL) - 1), min_size=1, max_size=6))
    def import_rows(self, picks: set[int]) -> None:
        path = write_csv(Path(tempfile.mkdtemp()) / "rows.csv", [POOL[i] for i in sorted(picks)])
        run_import(self.db, path)
        for i in picks:
            self.imported.add(i)
            self.status.setdefault(POOL[i]["claim_key"], "active")

    def _active(self) -> list[str]:
        return sorted(k for k, v in self.status.items() if v == "active")

    @precondition(lambda self: len(self._active()) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        keep, other = data.draw(
            st.lists(st.sampled_from(self._active()), min_size=2, max_size=2, unique=True)
        )
        with self._session(write=True) as session:
            merge_claims(session, keep, [other], actor="m", command="m")
        self.status[other] = "merged"
        self.into[other] = keep
        self.merges.append(other)

    @precondition(lambda self: bool(self.merges))
    @rule()
    def unmerge_latest(self) -> None:
        other = self.merges.pop()
        with self._session(write=True) as session:
            unmerge_claim(session, other, actor="m", command="m")
        self.status[other] = "active"
        del self.into[other]

    @precondition(lambda self: bool(self._active()))
    @rule(data=st.data())
    def retract_one(self, data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(self._active()))
        with self._session(write=True) as session:
            self.retractions[key] = retract(session, key, reason="r", actor="m", command="m").event
        self.status[key] = "retracted"

    @precondition(lambda self: bool(self.retractions))
    @rule(data=st.data())
    def undo_retraction(self, data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(sorted(self.retractions)))
        with self._session(write=True) as session:
            undo(session, self.retractions.pop(key), actor="m", command="m")
        self.status[key] = "active"

    @precondition(lambda self: len(self.status) >= 2)
    @rule(data=st.data())
    def review(self, data: st.DataObject) -> None:
        a, b = data.draw(
            st.lists(st.sampled_from(sorted(self.status)), min_size=2, max_size=2, unique=True)
        )
        with self._session(write=True) as session:
            record_review(session, "conflict", a, b, "dismiss", "r", actor="m", command="m")

    @invariant()
    def nothing_disappears(self) -> None:
        if not self.status:
            return
        assert count(self.db, "claim") == len(self.status)
        assert count(self.db, "attribution") == len(self.imported)
        for state in ("active", "merged", "retracted"):
            assert count(self.db, "claim", f"status = '{state}'") == list(
                self.status.values()
            ).count(state)

    @invariant()
    def audits_and_export_match_the_model(self) -> None:
        if not self.status:
            return
        owners: dict[str, list[bool]] = {}
        for i in self.imported:
            owners.setdefault(self._owner(POOL[i]["claim_key"]), []).append(
                NAMED[POOL[i]["source"]]
            )
        live = {k: named for k, named in owners.items() if self.status[k] == "active"}
        expected = {k for k, named in live.items() if not any(named)}
        buf = io.StringIO()
        with self._session() as session:
            audit = unnamed_audit(session, ClaimFilter())
            export(session, ClaimFilter(), out_path=None, out=buf)
            report = check(session)
        assert {r["key"] for r in audit.rows} == expected
        exported = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert len(exported) == sum(len(v) for v in live.values())
        assert report.problems == []


TestStateful = Machine.TestCase
TestStateful.settings = settings(
    max_examples=25,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
