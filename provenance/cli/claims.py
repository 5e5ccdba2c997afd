"""``provenance claims``, ``show`` and ``sources``: what fact-checkers ask every day."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from provenance.cli import filters
from provenance.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    dumps,
    escape,
    render,
    session,
)

PAGE = 50  # claims a table shows unless --limit says otherwise


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ClaimSort(StrEnum):
    key = "key"
    as_of = "as_of"
    reports = "reports"
    origins = "origins"


CLAIM_COLUMNS = (
    "key",
    "claim",
    "category",
    "as_of",
    "quantity",
    "sources",
    "via",
    "reports",
    "origins",
    "named_origins",
    "status",
)
CLAIM_TABLE_COLUMNS = ("key", "claim", "as_of", "quantity", "sources", "via", "reports", "origins")
SOURCE_COLUMNS = (
    "key",
    "name",
    "aliases",
    "kind",
    "named",
    "affiliation",
    "variants",
    "party",
    "reliability",
    "as_origin",
    "as_relay",
)


def claims_command(
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=0, help=f"Show at most N claims; 0: all. [table: {PAGE}]"
        ),
    ] = None,
    sort: Annotated[ClaimSort, typer.Option("--sort", help="Order of the claims.")] = ClaimSort.key,
    source: filters.Source = None,
    origin_only: filters.OriginOnly = False,
    via: filters.Via = None,
    source_kind: filters.SourceKind = None,
    named: filters.Named = False,
    unnamed: filters.Unnamed = False,
    party: filters.Party = None,
    category: filters.Category = None,
    subject: filters.Subject = None,
    metric: filters.Metric = None,
    location: filters.Location = None,
    since: filters.Since = None,
    until: filters.Until = None,
    search: filters.Search = None,
    min_reliability: filters.MinReliability = None,
    status: filters.Status = None,
    rating: filters.Rating = None,
) -> None:
    """List claims with their sources, filtered; filters combine.

    Example:

        provenance claims --source ISW

        provenance claims --unnamed --category territory --format json
    """
    from provenance.query import count_claims, iter_claims

    f = filters.from_options(locals())
    page = limit if limit is not None else PAGE if fmt is OutputFormat.table else 0
    with session(db) as db_session:
        views = iter_claims(db_session, f, limit=page or None, sort=sort.value)
        if fmt is not OutputFormat.table:
            render((v.summary() for v in views), fmt, columns=CLAIM_COLUMNS)
            return
        shown = [v.summary() for v in views]
        more = count_claims(db_session, f) - len(shown) if page and len(shown) == page else 0
    render(
        shown,
        fmt,
        columns=CLAIM_COLUMNS,
        table_columns=CLAIM_TABLE_COLUMNS,
        title=f"{len(shown)} of {len(shown) + more} claims" if more else f"{len(shown)} claims",
        empty="no claims match",
    )
    if more > 0:
        typer.echo(f"{more} more: --limit 0 for all", err=True)


def show_command(
    key: Annotated[str, typer.Argument(help="Claim key (old keys of merged claims work too).")],
    db: DbOption = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="table, json, or jsonl (one line).")
    ] = ShowFormat.table,
) -> None:
    """Show one claim: quantity, every attribution as origin → relays → document, history.

    Example:

        provenance show russia-concentrated-60000-troops-kursk
    """
    from provenance.query import claim_history, get_claim
    from provenance.verdicts import claim_verdicts

    with session(db) as db_session:
        view = get_claim(db_session, key)
        verdicts = claim_verdicts(db_session, view.key)
        history = claim_history(db_session, key)
    record = {**view.as_dict(), "verdicts": verdicts, "history": history}
    if fmt is ShowFormat.json:
        typer.echo(dumps(record))
    elif fmt is ShowFormat.jsonl:
        typer.echo(json.dumps(record, ensure_ascii=False, default=str))
    else:
        _print_claim(view, verdicts, history)


def _print_claim(view: Any, verdicts: list[dict[str, Any]], history: list[dict[str, Any]]) -> None:
    from rich.tree import Tree

    out = console()
    status = view.status + (f" into {view.merged_into}" if view.merged_into else "")
    out.print(
        f"[bold]{escape(view.key)}[/bold]  "
        + escape(f"({view.category}, as of {view.as_of or '?'}, {status})")
    )
    out.print(escape(view.text))
    q = view.quantity
    if q:
        out.print(f"quantity: {escape(str(q['text']))}  →  {escape(describe_quantity(q))}")
    out.print(
        f"reports: {view.reports}   distinct origins: {view.origins}   "
        f"named origins: {view.named_origins}"
    )
    tree = Tree("attributions")
    for a in view.attributions:
        origin = a.origin
        label = f"[bold]{escape(origin.name)}[/bold] " + escape(
            f"({origin.kind}, {'named' if origin.named else 'UNNAMED'}"
            + (f", {origin.affiliation}" if origin.affiliation else "")
            + f") {a.stance}  [reliability {a.reliability}, credibility {a.credibility}]"
        )
        node = tree.add(label)
        for relay in a.via:
            node = node.add(f"via {escape(relay.name)}")
        if a.document:
            d = a.document
            bits = [d.get("outlet"), d.get("published"), d.get("url")]
            node = node.add("in " + escape(" · ".join(str(b) for b in bits if b) or d["key"]))
            if d.get("title"):
                node.add(f"[italic]{escape(d['title'])}[/italic]")
        if a.quote:
            node.add(f"“{escape(a.quote)}”")
        if a.hedges:
            node.add("hedges: " + escape(", ".join(a.hedges)))
        for name, value in a.extra.items():
            node.add(escape(f"{name}: {value}"))
        if a.reported_as != view.key:
            node.add(f"reported as {escape(a.reported_as)}")
    out.print(tree)
    if verdicts:
        out.print("verdicts:")
        for v in verdicts:
            out.print("  " + escape(_verdict_line(v)))
    if history:
        out.print("history:")
        for h in history:
            out.print(
                escape(
                    f"  #{h['event']} {h['at']} {h['actor']} {h['action']} {h['entity_key'] or ''}"
                )
            )


def _verdict_line(v: dict[str, Any]) -> str:
    head = f"{v['rating']} by {v['reviewer']}" + (f", {v['published']}" if v["published"] else "")
    tail = "".join(f"\n    {v[f]}" for f in ("url", "explanation") if v[f])
    return head + tail


def describe_quantity(q: dict[str, Any]) -> str:
    """The parsed quantity in words: ``close_to 60000 troops``, ``range 10000–12000 troops``."""
    if not q["qualifier"]:
        return "not parsed (kept as text)"
    value, low, high = q["value"], q["low"], q["high"]
    figure = f"{value:.6g}" if value is not None else f"{low:.6g}–{high:.6g}"
    return " ".join(x for x in (q["qualifier"], figure, q["unit"]) if x)


def sources_command(
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    duplicates: Annotated[
        bool,
        typer.Option("--duplicates", help="Propose source merges (same source under two names)."),
    ] = False,
    include_merged: Annotated[
        bool, typer.Option("--include-merged", help="List merged sources too.")
    ] = False,
) -> None:
    """List sources: kind, named or not, affiliation, reliability, claims as origin and as relay.

    Example:

        provenance sources --format json
    """

    with session(db) as db_session:
        if duplicates:
            from provenance.dedupe import source_duplicates

            rows = source_duplicates(db_session)
            render(
                rows,
                fmt,
                columns=("keep", "other", "score", "reasons"),
                title="possible duplicate sources",
                empty="no duplicate sources found",
            )
            return
        from provenance.query import list_sources

        rows = list_sources(db_session, include_merged=include_merged)
    columns = (*SOURCE_COLUMNS, "merged_into") if include_merged else SOURCE_COLUMNS
    render(rows, fmt, columns=columns, title=f"{len(rows)} sources", empty="no sources")
