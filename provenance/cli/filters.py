"""The claim filters shared by ``claims``, ``export`` and the audits, defined once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

Source = Annotated[
    str | None, typer.Option("--source", "-s", help="Key, name or alias (case-insensitive).")
]
OriginOnly = Annotated[
    bool,
    typer.Option("--origin-only", help="With --source: only where it is the origin, not a relay."),
]
Via = Annotated[
    str | None, typer.Option("--via", help="Relayed by this source (key, name or alias).")
]
SourceKind = Annotated[
    str | None, typer.Option("--source-kind", help="Origin kind, e.g. official, think_tank.")
]
Named = Annotated[
    bool | None,
    typer.Option("--named/--unnamed", help="Has a named / an unnamed origin.", show_default=False),
]
Party = Annotated[str | None, typer.Option("--party", help="Origin's side of the conflict.")]
Category = Annotated[
    str | None, typer.Option("--category", help="e.g. troop_count, territory, casualties.")
]
Subject = Annotated[str | None, typer.Option("--subject", help="Subject contains this text.")]
Metric = Annotated[str | None, typer.Option("--metric", help="Metric contains this text.")]
Location = Annotated[str | None, typer.Option("--location", help="Location contains this text.")]
Since = Annotated[str | None, typer.Option("--since", help="as_of on or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, typer.Option("--until", help="as_of on or before YYYY[-MM[-DD]].")]
Search = Annotated[str | None, typer.Option("--search", help="Every word in the claim or a quote.")]
MinReliability = Annotated[
    str | None,
    typer.Option("--min-reliability", help="Origin graded at least this (A best, F worst)."),
]
Rating = Annotated[
    str | None,
    typer.Option("--rating", help="Has a standing verdict with this rating (case-insensitive)."),
]


class StatusChoice(StrEnum):
    active = "active"
    merged = "merged"
    retracted = "retracted"
    all = "all"


Status = Annotated[StatusChoice, typer.Option("--status", help="Claims with this status.")]


def build(
    *,
    source: str | None = None,
    origin_only: bool = False,
    via: str | None = None,
    source_kind: str | None = None,
    named: bool | None = None,
    party: str | None = None,
    category: str | None = None,
    subject: str | None = None,
    metric: str | None = None,
    location: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    min_reliability: str | None = None,
    status: str = "active",
    rating: str | None = None,
) -> Any:
    from provenance.errors import UsageError
    from provenance.query import ClaimFilter

    status = str(getattr(status, "value", status))
    if status not in ("active", "merged", "retracted", "all"):
        raise UsageError("--status takes active, merged, retracted or all")
    if origin_only and not source:
        raise UsageError("--origin-only goes with --source")
    return ClaimFilter(
        source=source,
        origin_only=origin_only,
        via=via,
        source_kind=source_kind,
        named=named,
        party=party,
        category=category,
        subject=subject,
        metric=metric,
        location=location,
        since=since,
        until=until,
        search=search,
        min_reliability=min_reliability,
        status=None if status == "all" else status,
        rating=rating,
    )


FILTER_NAMES = (
    "source",
    "origin_only",
    "via",
    "source_kind",
    "named",
    "party",
    "category",
    "subject",
    "metric",
    "location",
    "since",
    "until",
    "search",
    "min_reliability",
    "status",
    "rating",
)


def from_options(options: dict[str, Any]) -> Any:
    """The filter from a command's options (its ``locals()``): the commands declare the
    options above, and this picks them out, so the list is written once."""
    return build(**{name: options[name] for name in FILTER_NAMES if name in options})
