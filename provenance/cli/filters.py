"""The claim filters shared by ``claims``, ``facets``, ``export`` and the audits,
defined once.

A filter given several times matches claims that have any of its values
(``--source ISW --source Reuters``); filters of different names must all match. A
filter that takes one value (``--since``, ``--until``, ``--min-reliability``) is refused
when given twice rather than keeping only the last.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

ANY = " Repeat for any of several."

Source = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", help="Key, name or alias (case-insensitive)." + ANY),
]
OriginOnly = Annotated[
    bool,
    typer.Option("--origin-only", help="With --source: only where it is the origin, not a relay."),
]
Via = Annotated[
    list[str] | None,
    typer.Option("--via", help="Relayed by this source (key, name or alias)." + ANY),
]
SourceKind = Annotated[
    list[str] | None,
    typer.Option("--source-kind", help="Origin kind, e.g. official, think_tank." + ANY),
]
Named = Annotated[bool, typer.Option("--named", help="Has a named origin.")]
Unnamed = Annotated[bool, typer.Option("--unnamed", help="Has an unnamed origin.")]
Party = Annotated[
    list[str] | None, typer.Option("--party", help="Origin's side of the conflict." + ANY)
]
Category = Annotated[
    list[str] | None,
    typer.Option("--category", help="e.g. troop_count, territory, casualties." + ANY),
]
Subject = Annotated[
    list[str] | None, typer.Option("--subject", help="Subject contains this text." + ANY)
]
Metric = Annotated[
    list[str] | None, typer.Option("--metric", help="Metric contains this text." + ANY)
]
Location = Annotated[
    list[str] | None, typer.Option("--location", help="Location contains this text." + ANY)
]
Since = Annotated[
    list[str] | None, typer.Option("--since", help="as_of on or after YYYY[-MM[-DD]].")
]
Until = Annotated[
    list[str] | None, typer.Option("--until", help="as_of on or before YYYY[-MM[-DD]].")
]
Search = Annotated[
    list[str] | None,
    typer.Option(
        "--search",
        help="Every word in the claim or a quote, at a word's start; a number also with its "
        "digits grouped (60000 finds 60,000, 60 000, 60.000)." + ANY,
    ),
]
MinReliability = Annotated[
    list[str] | None,
    typer.Option("--min-reliability", help="Origin graded at least this (A best, F worst)."),
]
Rating = Annotated[
    list[str] | None,
    typer.Option(
        "--rating", help="Has a standing verdict with this rating (case-insensitive)." + ANY
    ),
]


class StatusChoice(StrEnum):
    active = "active"
    merged = "merged"
    retracted = "retracted"
    all = "all"


Status = Annotated[
    list[StatusChoice] | None,
    typer.Option("--status", help="Claims with this status." + ANY + " [default: active]"),
]


def build(
    *,
    source: list[str] | None = None,
    origin_only: bool = False,
    via: list[str] | None = None,
    source_kind: list[str] | None = None,
    named: bool = False,
    unnamed: bool = False,
    party: list[str] | None = None,
    category: list[str] | None = None,
    subject: list[str] | None = None,
    metric: list[str] | None = None,
    location: list[str] | None = None,
    since: list[str] | None = None,
    until: list[str] | None = None,
    search: list[str] | None = None,
    min_reliability: list[str] | None = None,
    status: list[StatusChoice] | None = None,
    rating: list[str] | None = None,
) -> Any:
    from provenance.errors import UsageError
    from provenance.query import ClaimFilter

    statuses = [str(getattr(s, "value", s)) for s in status] if status else ["active"]
    if origin_only and not source:
        raise UsageError("--origin-only goes with --source")
    if named and unnamed:
        raise UsageError("--named and --unnamed exclude each other; give one")
    return ClaimFilter(
        source=source,
        origin_only=origin_only,
        via=via,
        source_kind=source_kind,
        named=True if named else False if unnamed else None,
        party=party,
        category=category,
        subject=subject,
        metric=metric,
        location=location,
        since=_one("--since", since),
        until=_one("--until", until),
        search=search,
        min_reliability=_one("--min-reliability", min_reliability),
        status=None if "all" in statuses else statuses,
        rating=rating,
    )


def _one(option: str, given: list[str] | None) -> str | None:
    from provenance.errors import UsageError

    if given and len(given) > 1:
        raise UsageError(f"{option} takes one value, not {len(given)}: {', '.join(given)}")
    return given[0] if given else None


FILTER_NAMES = (
    "source",
    "origin_only",
    "via",
    "source_kind",
    "named",
    "unnamed",
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
