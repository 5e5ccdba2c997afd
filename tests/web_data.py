"""Data the web view tests share: the fixture plus claims that make a timeline and a
dispute, and hostile text stored as a claim, a source name and a quote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import row, write_csv

TROOPS = "North Korean troops"
TIMELINE = [
    # (key, figure, as_of, source, party, named)
    ("nk-troops-us-oct", "about 8,000 troops", "2024-10-23", "US intelligence", "none", "true"),
    (
        "nk-troops-sk-oct",
        "about 10,000 troops",
        "2024-10-30",
        "South Korean intelligence",
        "none",
        "true",
    ),
    ("nk-troops-us-nov", "11,000 troops", "2024-11-04", "US intelligence", "none", "true"),
    (
        "nk-troops-ua-nov",
        "up to 12,000 troops",
        "2024-11-05",
        "Ukrainian intelligence",
        "Ukraine",
        "true",
    ),
    (
        "nk-troops-blog-nov",
        "over 50,000 troops",
        "2024-11-06",
        "unnamed military blogger",
        "Russia",
        "false",
    ),
]
HOSTILE = "<script>window.__pwned = 1</script>"


def timeline_rows() -> list[dict[str, Any]]:
    out = []
    for key, figure, as_of, source, party, named in TIMELINE:
        out.append(
            row(
                claim_key=key,
                claim=f"North Korea has sent {figure} to Kursk.",
                category="troop_count",
                subject=TROOPS,
                metric="deployed",
                location="Kursk Oblast",
                quantity=figure,
                as_of=as_of,
                source=source,
                source_kind="intelligence_agency" if named == "true" else "person",
                source_named=named,
                source_affiliation="",
                source_party=party,
                via="Reuters",
                quote=figure,
                outlet="Reuters",
                url=f"https://example.org/{key}",
                published=as_of,
            )
        )
    return out


def hostile_rows() -> list[dict[str, Any]]:
    return [
        row(
            claim_key="hostile-claim",
            claim=f"A claim with {HOSTILE} in it.",
            category="statement",
            quantity="",
            source=f"Source {HOSTILE}",
            source_kind="person",
            source_named="true",
            source_affiliation="",
            quote=f"quoted {HOSTILE}",
            url="javascript:alert(1)",
        )
    ]


def write_extra(path: Path) -> Path:
    return write_csv(path, timeline_rows() + hostile_rows())
