"""W3C PROV: the selected claims' provenance as a PROV document (PROV-JSON, PROV-N).

- Sources are agents (a ``prov:Person`` for people and officials, a
  ``prov:Organization`` otherwise). A person or an unnamed source with an affiliation
  ``actedOnBehalfOf`` that institution (the stored source of that name, or an
  organisation agent for it).
- Each report is a chain of entities: the origin's statement (``statement:N``,
  attributed to the origin), one entity per relay, each quoted from the one before
  (``wasQuotedFrom``, attributed to the relay), and the quote as printed
  (``report:N``, quoted from the last step, with the statement as its
  ``hadPrimarySource``), which is a member of its document.
- Claims and documents are entities; a claim ``wasDerivedFrom`` each of its reports.
- Imports are activities that generated the claims and documents, associated with
  whoever ran them; verdicts are entities attributed to their organisation and
  derived from the claim they rate.

Identifiers are qualified names under ``urn:provenance:`` prefixes; characters other
than letters, digits, ``-`` and ``_`` in keys are percent-encoded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import IO, Any

from provenance.interchange import Selection
from provenance.normalize import ascii_slug, fold, short_hash
from provenance.query import AttributionView, ClaimView, SourceRef

BASE = "urn:provenance:"
PREFIXES = {
    "pv": BASE,
    "claim": BASE + "claim:",
    "source": BASE + "source:",
    "institution": BASE + "institution:",
    "document": BASE + "document:",
    "statement": BASE + "statement:",
    "relay": BASE + "relay:",
    "report": BASE + "report:",
    "import": BASE + "import:",
    "actor": BASE + "actor:",
    "verdict": BASE + "verdict:",
    "reviewer": BASE + "reviewer:",
}
PERSON_KINDS = ("person", "official")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def qname(prefix: str, local: str) -> str:
    """A qualified name whose local part is safe in PROV-N and PROV-JSON."""
    safe = _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), local)
    return f"{prefix}:{safe}"


@dataclass(frozen=True)
class QName:
    """An attribute value that is a qualified name (``prov:Person``), not a string."""

    value: str


@dataclass(frozen=True)
class Time:
    value: str


@dataclass
class Relation:
    kind: str
    args: tuple[str | Time | None, ...]
    attributes: dict[str, Any] = field(default_factory=dict)


# PROV-JSON argument names of each relation, in PROV-N's positional order.
RELATION_ARGS = {
    "wasGeneratedBy": ("prov:entity", "prov:activity", "prov:time"),
    "wasAssociatedWith": ("prov:activity", "prov:agent", "prov:plan"),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "wasDerivedFrom": (
        "prov:generatedEntity",
        "prov:usedEntity",
        "prov:activity",
        "prov:generation",
        "prov:usage",
    ),
    "actedOnBehalfOf": ("prov:delegate", "prov:responsible", "prov:activity"),
    "hadMember": ("prov:collection", "prov:entity"),
}
QUOTATION = QName("prov:Quotation")
PRIMARY_SOURCE = QName("prov:PrimarySource")


@dataclass
class ProvGraph:
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    agents: dict[str, dict[str, Any]] = field(default_factory=dict)
    activities: dict[str, tuple[Time | None, Time | None, dict[str, Any]]] = field(
        default_factory=dict
    )
    relations: list[Relation] = field(default_factory=list)

    def relate(self, kind: str, *args: str | Time | None, **attributes: Any) -> None:
        self.relations.append(Relation(kind, args, attributes))

    def __len__(self) -> int:
        return len(self.entities) + len(self.agents) + len(self.activities) + len(self.relations)


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if v is not None and v != ""}


class _Builder:
    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        self.graph = ProvGraph()
        self.names = {fold(s.name): s for c in selection.claims for s in _sources(c)}

    def source(self, s: SourceRef) -> str:
        ident = qname("source", s.key)
        if ident in self.graph.agents:
            return ident
        kind_type = "prov:Person" if s.kind in PERSON_KINDS else "prov:Organization"
        self.graph.agents[ident] = _clean(
            {
                "prov:type": QName(kind_type),
                "prov:label": s.name,
                "pv:kind": s.kind,
                "pv:named": s.named,
                "pv:affiliation": s.affiliation,
            }
        )
        if s.affiliation and (s.kind in PERSON_KINDS or not s.named):
            self.graph.relate("actedOnBehalfOf", ident, self.institution(s.affiliation), None)
        return ident

    def institution(self, name: str) -> str:
        known = self.names.get(fold(name))
        if known is not None:
            return self.source(known)
        ident = qname("institution", ascii_slug(name) or short_hash(fold(name)))
        self.graph.agents.setdefault(
            ident, {"prov:type": QName("prov:Organization"), "prov:label": name}
        )
        return ident

    def imported(self, ident: str, lookup: str) -> None:
        batch = self.selection.imports.get(lookup)
        if batch is None:
            return
        activity = qname("import", str(batch["batch"]))
        if activity not in self.graph.activities:
            start, end = batch["started"], batch["finished"]
            self.graph.activities[activity] = (
                Time(start) if start else None,
                Time(end) if end else None,
                {"prov:type": QName("pv:Import")},
            )
            actor = qname("actor", batch["actor"])
            self.graph.agents.setdefault(
                actor, {"prov:type": QName("prov:Person"), "prov:label": batch["actor"]}
            )
            self.graph.relate("wasAssociatedWith", activity, actor, None)
        self.graph.relate("wasGeneratedBy", ident, activity, None)

    def document(self, doc: dict[str, Any]) -> str:
        ident = qname("document", doc["key"])
        if ident not in self.graph.entities:
            self.graph.entities[ident] = _clean(
                {
                    "prov:type": QName("pv:Document"),
                    "prov:label": doc.get("title"),
                    "pv:outlet": doc.get("outlet"),
                    "pv:author": doc.get("author"),
                    "pv:url": doc.get("url"),
                    "pv:published": doc.get("published"),
                    "pv:accessed": doc.get("accessed"),
                    "pv:language": doc.get("language"),
                }
            )
            self.imported(ident, "document:" + doc["key"])
        return ident

    def claim(self, claim: ClaimView) -> None:
        ident = qname("claim", claim.key)
        self.graph.entities[ident] = _clean(
            {
                "prov:type": QName("pv:Claim"),
                "prov:label": claim.text,
                "pv:category": claim.category,
                "pv:asOf": claim.as_of,
                "pv:quantity": (claim.quantity or {}).get("text"),
                "pv:status": claim.status,
            }
        )
        self.imported(ident, claim.key)
        for a in claim.attributions:
            self.graph.relate("wasDerivedFrom", ident, self.report(a), None, None, None)
        for v in self.selection.verdicts.get(claim.key, []):
            self.verdict(ident, v)

    def report(self, a: AttributionView) -> str:
        n = str(a.id)
        statement = qname("statement", n)
        self.graph.entities[statement] = {"prov:type": QName("pv:Statement"), "pv:stance": a.stance}
        self.graph.relate("wasAttributedTo", statement, self.source(a.origin))
        step = statement
        for i, relay in enumerate(a.via, start=1):
            relayed = qname("relay", f"{n}-{i}")
            self.graph.entities[relayed] = {"prov:type": QName("pv:Relay")}
            self.graph.relate("wasAttributedTo", relayed, self.source(relay))
            self._quoted(relayed, step)
            step = relayed
        report = qname("report", n)
        self.graph.entities[report] = _clean(
            {
                "prov:type": QName("pv:Report"),
                "prov:value": a.quote,
                "pv:credibility": a.credibility,
                "pv:hedges": "; ".join(a.hedges) or None,
            }
        )
        self._quoted(report, step)
        self.graph.relate(
            "wasDerivedFrom", report, statement, None, None, None, **{"prov:type": PRIMARY_SOURCE}
        )
        if a.document:
            self.graph.relate("hadMember", self.document(a.document), report)
        return report

    def _quoted(self, later: str, earlier: str) -> None:
        self.graph.relate(
            "wasDerivedFrom", later, earlier, None, None, None, **{"prov:type": QUOTATION}
        )

    def verdict(self, claim: str, v: dict[str, Any]) -> None:
        ident = qname("verdict", str(v["verdict"]))
        self.graph.entities[ident] = _clean(
            {
                "prov:type": QName("pv:Verdict"),
                "prov:label": v["rating"],
                "pv:url": v["url"],
                "pv:published": v["published"],
                "pv:explanation": v["explanation"],
            }
        )
        org = qname("reviewer", ascii_slug(v["reviewer"]) or short_hash(fold(v["reviewer"])))
        self.graph.agents.setdefault(
            org, {"prov:type": QName("prov:Organization"), "prov:label": v["reviewer"]}
        )
        self.graph.relate("wasAttributedTo", ident, org)
        self.graph.relate("wasDerivedFrom", ident, claim, None, None, None)


def _sources(claim: ClaimView) -> list[SourceRef]:
    return [s for a in claim.attributions for s in (a.origin, *a.via)]


def build(selection: Selection) -> ProvGraph:
    builder = _Builder(selection)
    for claim in selection.claims:
        builder.claim(claim)
    return builder.graph


# --- PROV-JSON ------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, QName):
        return {"$": value.value, "type": "prov:QUALIFIED_NAME"}
    if isinstance(value, bool):
        return {"$": "true" if value else "false", "type": "xsd:boolean"}
    if isinstance(value, int):
        return {"$": str(value), "type": "xsd:int"}
    return value


def _json_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in attributes.items()}


def prov_json(graph: ProvGraph) -> dict[str, Any]:
    out: dict[str, Any] = {"prefix": dict(PREFIXES)}
    if graph.entities:
        out["entity"] = {k: _json_attributes(v) for k, v in graph.entities.items()}
    if graph.agents:
        out["agent"] = {k: _json_attributes(v) for k, v in graph.agents.items()}
    if graph.activities:
        activities: dict[str, Any] = {}
        for ident, (start, end, attributes) in graph.activities.items():
            record = _json_attributes(attributes)
            if start:
                record["prov:startTime"] = start.value
            if end:
                record["prov:endTime"] = end.value
            activities[ident] = record
        out["activity"] = activities
    counters: dict[str, int] = {}
    for r in graph.relations:
        counters[r.kind] = counters.get(r.kind, 0) + 1
        record = {
            name: (arg.value if isinstance(arg, Time) else arg)
            for name, arg in zip(RELATION_ARGS[r.kind], r.args, strict=False)
            if arg is not None
        }
        record.update(_json_attributes(r.attributes))
        out.setdefault(r.kind, {})[f"_:{r.kind}{counters[r.kind]}"] = record
    return out


def write_prov_json(selection: Selection, out: IO[str]) -> int:
    graph = build(selection)
    out.write(json.dumps(prov_json(graph), ensure_ascii=False, indent=2) + "\n")
    return len(graph)


# --- PROV-N ---------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _provn_value(value: Any) -> str:
    if isinstance(value, QName):
        return f"'{value.value}'"
    if isinstance(value, bool):
        return f'"{str(value).lower()}" %% xsd:boolean'
    if isinstance(value, int):
        return str(value)
    return '"' + "".join(_ESCAPES.get(c, c) for c in str(value)) + '"'


def _provn_attributes(attributes: dict[str, Any]) -> str:
    if not attributes:
        return ""
    return ", [" + ", ".join(f"{k}={_provn_value(v)}" for k, v in attributes.items()) + "]"


def _provn_arg(arg: str | Time | None) -> str:
    if arg is None:
        return "-"
    return arg.value if isinstance(arg, Time) else arg


def prov_n(graph: ProvGraph) -> str:
    lines = ["document"]
    lines += [f"  prefix {p} <{uri}>" for p, uri in PREFIXES.items()]
    for ident, attributes in graph.entities.items():
        lines.append(f"  entity({ident}{_provn_attributes(attributes)})")
    for ident, attributes in graph.agents.items():
        lines.append(f"  agent({ident}{_provn_attributes(attributes)})")
    for ident, (start, end, attributes) in graph.activities.items():
        times = f"{_provn_arg(start)}, {_provn_arg(end)}"
        lines.append(f"  activity({ident}, {times}{_provn_attributes(attributes)})")
    for r in graph.relations:
        args = ", ".join(_provn_arg(a) for a in r.args)
        if r.kind == "hadMember":
            lines.append(f"  hadMember({args})")
        else:
            lines.append(f"  {r.kind}({args}{_provn_attributes(r.attributes)})")
    lines.append("endDocument")
    return "\n".join(lines) + "\n"


def write_prov_n(selection: Selection, out: IO[str]) -> int:
    graph = build(selection)
    out.write(prov_n(graph))
    return len(graph)
