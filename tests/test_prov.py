"""PROV-JSON is loaded by the `prov` package with the same agents, entities and
derivations as the database holds; PROV-N is what `prov` itself writes for them."""

from __future__ import annotations

import json
from pathlib import Path

from prov.model import (
    PROV_TYPE,
    ProvActivity,
    ProvAgent,
    ProvAttribution,
    ProvDelegation,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvGeneration,
    ProvMembership,
)

from provenance.db import default_actor, open_session
from provenance.query import ClaimFilter, find_claims
from tests.helpers import provn_statements

KEY = "russia-concentrated-60000-troops-kursk"


def load(cli, *args: str) -> ProvDocument:  # type: ignore[no-untyped-def]
    out = cli("export", "--format", "prov-json", *args)
    assert out.exit_code == 0, out.output
    return ProvDocument.deserialize(content=out.output, format="json")


def ids(document: ProvDocument, kind: type) -> set[str]:
    return {str(r.identifier) for r in document.get_records(kind)}


def pairs(document: ProvDocument, kind: type, prov_type: str | None = None) -> set[tuple[str, str]]:
    """(first, second) arguments of the relations of a kind: with ``prov_type``, only
    those of that type; without, only those with no type."""
    out = set()
    for r in document.get_records(kind):
        types = {str(t) for t in r.get_attribute(PROV_TYPE)}
        wanted = not types if prov_type is None else prov_type in types
        if not wanted:
            continue
        args = r.formal_attributes
        out.add((str(args[0][1]), str(args[1][1])))
    return out


def test_prov_json_loads_with_the_same_agents_entities_and_derivations(
    cli, fixture_db: str
) -> None:  # type: ignore[no-untyped-def]
    assert cli("verdict", KEY, "--rating", "Unproven", "--by", "Example Check").exit_code == 0
    document = load(cli)
    with open_session(fixture_db) as session:
        claims = find_claims(session, ClaimFilter())
    reports = [a for c in claims for a in c.attributions]
    sources = {s.key for a in reports for s in (a.origin, *a.via)}
    assert ids(document, ProvAgent) == {f"source:{k}" for k in sources} | {
        "institution:ukrainian-general-staff",  # the unnamed officials' institutions
        "institution:south-korea",
        f"actor:{default_actor()}",  # who ran the import
        "reviewer:example-check",
    }
    relays = {f"relay:{a.id}-{i}" for a in reports for i in range(1, len(a.via) + 1)}
    assert ids(document, ProvEntity) == (
        {f"claim:{c.key}" for c in claims}
        | {"document:express-kursk-2024-11", "verdict:1"}
        | {f"statement:{a.id}" for a in reports}
        | {f"report:{a.id}" for a in reports}
        | relays
    )
    assert len(ids(document, ProvActivity)) == 1
    quoted = pairs(document, ProvDerivation, "prov:Quotation")
    primary = pairs(document, ProvDerivation, "prov:PrimarySource")
    plain = pairs(document, ProvDerivation)
    assert len(quoted) == len(reports) + len(relays)
    assert primary == {(f"report:{a.id}", f"statement:{a.id}") for a in reports}
    assert plain == {
        (f"claim:{c.key}", f"report:{a.id}") for c in claims for a in c.attributions
    } | {("verdict:1", f"claim:{KEY}")}
    (a,) = next(c for c in claims if c.key == KEY).attributions
    n = a.id
    assert {
        (f"relay:{n}-1", f"statement:{n}"),
        (f"relay:{n}-2", f"relay:{n}-1"),
        (f"report:{n}", f"relay:{n}-2"),
    } <= quoted
    attributed = pairs(document, ProvAttribution)
    assert {
        (f"statement:{n}", "source:ua-general-staff-official"),
        (f"relay:{n}-1", "source:reuters"),
        (f"relay:{n}-2", "source:daily-express"),
    } <= attributed
    assert pairs(document, ProvDelegation) == {
        ("source:ua-general-staff-official", "institution:ukrainian-general-staff"),
        ("source:south-korean-intelligence-source", "institution:south-korea"),
    }
    assert ("document:express-kursk-2024-11", f"report:{n}") in pairs(document, ProvMembership)
    generated = pairs(document, ProvGeneration)
    assert {e for e, _ in generated} == {f"claim:{c.key}" for c in claims} | {
        "document:express-kursk-2024-11"
    }


def test_prov_n_is_what_prov_writes_for_the_same_document(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("verdict", KEY, "--rating", "Unproven", "--by", "Example Check").exit_code == 0
    ours = cli("export", "--format", "prov-n")
    assert ours.exit_code == 0
    assert ours.output.startswith("document\n  prefix pv <urn:provenance:>\n")
    assert provn_statements(ours.output) == provn_statements(load(cli).get_provn())


def test_filters_and_odd_keys(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = load(cli, "--source", "ISW")
    claims = {i for i in ids(document, ProvEntity) if i.startswith("claim:")}
    assert claims == {
        "claim:isw-geolocated-footage-progress-southeast-of-korenevo",
        "claim:isw-russian-forces-recently-advanced-kursk",
    }
    odd = tmp_path / "odd.csv"
    odd.write_text(
        'claim_key,claim,source,quote\n"a key/with: odd.chars é",Odd claim.,Some Body,"say ""hi""\n"\n',
        encoding="utf-8",
    )
    assert cli("import", str(odd)).exit_code == 0
    document = load(cli, "--search", "Odd")
    assert "claim:a%20key%2Fwith%3A%20odd%2Echars%20%C3%A9" in ids(document, ProvEntity)
    report = next(
        r for r in document.get_records(ProvEntity) if str(r.identifier).startswith("report:")
    )
    assert report.get_attribute("prov:value") == {'say "hi"\n'}
    provn = cli("export", "--format", "prov-n", "--search", "Odd").output
    assert 'prov:value="say \\"hi\\"\\n"' in provn
    assert json.loads(cli("export", "-f", "prov-json", "--search", "nothing-matches").output) == {
        "prefix": json.loads(cli("export", "-f", "prov-json", "--search", "Odd").output)["prefix"]
    }
