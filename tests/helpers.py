"""Small builders shared by the tests."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from provenance.cues import Cues
from provenance.db import open_session

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "kursk_2024.yaml"

BASE_ROW = {
    "claim_key": "c1",
    "claim": "Russia has concentrated close to 60,000 troops in Kursk.",
    "category": "troop_count",
    "subject": "Russian troops",
    "metric": "deployed",
    "location": "Kursk Oblast",
    "quantity": "close to 60,000 troops",
    "as_of": "2024-11-16",
    "source": "unnamed General Staff official",
    "source_kind": "official",
    "source_named": "false",
    "source_affiliation": "Ukrainian General Staff",
    "via": "Reuters",
    "quote": "close to 60,000 troops",
    "outlet": "Reuters",
    "url": "https://example.org/r/1",
    "published": "2024-11-16",
    "language": "en",
}


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    rows = list(rows)
    cols = list(columns or dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in cols})
    return buf.getvalue()


def write_csv(
    path: Path, rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None
) -> Path:
    path.write_text(csv_text(rows, columns), encoding="utf-8")
    return path


def row(**overrides: Any) -> dict[str, Any]:
    return {**BASE_ROW, **overrides}


def snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table (the event log and batches aside), for comparisons."""
    tables = ("source", "source_alias", "document", "claim", "attribution", "relay", "review")
    with open_session(db) as session:
        conn = session.connection()
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))]
            for t in tables
        }


def count(db: str, table: str, where: str = "1=1") -> int:
    with open_session(db) as session:
        return int(
            session.connection()
            .execute(text(f"SELECT COUNT(*) FROM {table} WHERE {where}"))
            .scalar_one()
        )


SYNTHETIC_SOURCES = [
    # (name, kind, named, affiliation), each always given with the same fields
    ("unnamed General Staff official", "official", "false", "Ukrainian General Staff"),
    ("Brigade spokesman Petro Hnatenko", "military", "true", "47th Mechanized Brigade"),
    ("unnamed US official", "official", "false", "US government"),
    ("Russian Ministry of Defence", "government", "true", "Russian government"),
]


def synthetic_rows(
    n: int,
    prefix: str,
    *,
    noun: str = "troops",
    sources: Sequence[tuple[str, str, str, str]] = SYNTHETIC_SOURCES,
    relays: Sequence[str] = ("Reuters",),
) -> list[dict[str, Any]]:
    """``n`` attributions of ``n`` distinct claims in ``n`` distinct documents."""
    rows = []
    for i in range(n):
        name, kind, named, affiliation = sources[i % len(sources)]
        rows.append(
            row(
                claim_key=f"{prefix}-{i:06d}",
                claim=f"Claim {prefix} {i}: about {i + 1} {noun} near the front.",
                quantity=f"about {i + 1} {noun}",
                quote=f"about {i + 1} {noun}",
                source=name,
                source_kind=kind,
                source_named=named,
                source_affiliation=affiliation,
                via=relays[i % len(relays)],
                url=f"https://example.org/{prefix}/{i}",
            )
        )
    return rows


def provn_statements(text: str) -> list[str]:
    """The statements of a PROV-N document, sorted, with UTC times written one way: the
    prov library writes ``+00:00`` where we write ``Z``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return sorted(re.sub(r"(\d{2}:\d{2}:\d{2}\.\d+)Z", r"\1+00:00", line) for line in lines)


def read_words(
    text: str,
    figure: str,
    language: str,
    *,
    subject: str | None = None,
    quantity_text: str | None = None,
) -> Cues:
    """What ``cues.read`` makes of a text in ``language`` stating ``figure``."""
    from provenance import cues

    return cues.read(
        text,
        quantity_text=quantity_text,
        figure=(figure,),
        subject=subject,
        metric=None,
        location=None,
        language=language,
    )
