"""``provenance edit``, ``retract``, ``undo`` and ``log``: recorded, reversible changes."""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli.common import (
    ActorOption,
    DbOption,
    FormatOption,
    LimitOption,
    NoWaitOption,
    OutputFormat,
    ReasonOption,
    new_app,
    recorded_by,
    render,
    session,
)

app = new_app("Change a claim or source; the old values stay in the event log.")

SetOption = Annotated[
    list[str], typer.Option("--set", help="FIELD=VALUE; repeat for several fields.")
]


def _edit(
    entity: str,
    key: str,
    assignments: list[str],
    reason: str,
    db: str | None,
    actor: str | None,
    no_wait: bool,
    report: tuple[str, str, str | None] | None = None,
) -> None:
    """Edit one row; ``report`` (claim, origin, document) names an attribution."""
    from provenance.edits import edit, find_attribution

    with session(db, write=True, no_wait=no_wait) as db_session:
        if report is not None:
            key = find_attribution(db_session, *report)
        change = edit(db_session, entity, key, assignments, reason=reason, **recorded_by(actor))
    name = f"{entity} {key}" if report is None else f"report of {report[0]} by {report[1]}"
    for f, v in change.after.items():
        typer.echo(f"{name}: {f} {change.before[f]!r} → {v!r} (event {change.event})")
    for warning in change.warnings:
        typer.echo(f"warning: {warning}", err=True)


@app.command("claim")
def edit_claim(
    key: Annotated[str, typer.Argument(help="Claim key.")],
    assignments: SetOption,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Change claim fields: text, category, subject, metric, location, as_of, language,
    quantity.

    A new quantity is parsed as import parses it (the other quantity columns follow);
    text that does not read as a figure is kept as text, with a warning. A report's
    fields (quote, stance, credibility, hedges, via) are edited with `edit report`, a
    source's (reliability…) with `edit source`.

    Example:

        provenance edit claim ukraine-holds-309-sq-mi --set as_of=2024-11-16 --reason dateline

        provenance edit claim ukraine-holds-309-sq-mi --set "quantity=800 km²" --reason typo
    """
    _edit("claim", key, assignments, reason, db, actor, no_wait)


@app.command("report")
def edit_report(
    key: Annotated[str, typer.Argument(help="Claim key.")],
    origin: Annotated[str, typer.Argument(help="Origin source of the report (key, name, alias).")],
    assignments: SetOption,
    document: Annotated[
        str | None,
        typer.Option("--document", help="Document key, when the origin reported it in several."),
    ] = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Change a report's fields: quote, stance, credibility, hedges, via.

    via names the relays, nearest the origin first and separated by ";", and keeps their
    number. A new quote must stand in its document's text when that is stored. The
    report keeps its identity, so importing the original file again adds nothing.

    Example:

        provenance edit report ukraine-holds-309-sq-mi ua-general-staff-official
            --set credibility=4 --reason "confirmed later"
    """
    _edit(
        "attribution", key, assignments, reason, db, actor, no_wait, report=(key, origin, document)
    )


@app.command("source")
def edit_source(
    key: Annotated[str, typer.Argument(help="Source key.")],
    assignments: SetOption,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Change source fields: name, kind, named, affiliation, party, reliability, notes.

    Example:

        provenance edit source isw --set reliability=A --reason "track record review"
    """
    _edit("source", key, assignments, reason, db, actor, no_wait)


def retract_command(
    key: Annotated[str, typer.Argument(help="Claim key.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Retract a claim: it stays, with its reports, but leaves default listings.

    Example:

        provenance retract north-korean-troops-expected-to-join --reason "outlet corrected"
    """
    from provenance.edits import retract

    with session(db, write=True, no_wait=no_wait) as db_session:
        change = retract(db_session, key, reason=reason, **recorded_by(actor))
    typer.echo(
        f"retracted {key} (event {change.event}; `provenance undo {change.event}` reverses it)"
    )


def undo_command(
    event: Annotated[int, typer.Argument(help="Event number (see provenance log).")],
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Reverse one recorded change: an edit, fill-in, retraction, merge, review or verdict.

    Refuses when the data has changed since; undo the later change first.

    Example:

        provenance undo 42
    """
    from provenance.edits import undo

    with session(db, write=True, no_wait=no_wait) as db_session:
        message = undo(db_session, event, **recorded_by(actor))
    typer.echo(message)


def log_command(
    key: Annotated[
        str | None, typer.Argument(help="Only events about this claim or source key.")
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    head: Annotated[
        bool, typer.Option("--head", help="Print only the chain head, to keep elsewhere.")
    ] = False,
) -> None:
    """Show the event log: every import, edit, merge, review and undo, with before/after.
    --head prints the hash of the newest event; `check --head H` later proves that
    nothing up to it changed.

    Example:

        provenance log ukraine-holds-309-sq-mi --format json
    """
    from provenance.edits import chain_head, list_events

    if head:
        with session(db) as db_session:
            typer.echo(chain_head(db_session))
        return
    with session(db) as db_session:
        events = list_events(db_session, key=key, limit=limit)
    render(
        events,
        fmt,
        columns=(
            "event",
            "at",
            "actor",
            "action",
            "entity",
            "entity_key",
            "before",
            "after",
            "undoes",
            "undone",
        ),
        table_columns=("event", "at", "actor", "action", "entity_key", "summary", "undone"),
        title="event log",
        empty="no events",
    )


def merge_source_command(
    keep: Annotated[str, typer.Argument(help="Key of the source to keep.")],
    other: Annotated[str, typer.Argument(help="Key of the source that is the same one.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record that two sources are one (see `provenance sources --duplicates`).

    Every query, count and audit then sees OTHER as KEEP; reports keep naming OTHER,
    and `provenance unmerge-source OTHER` separates them again.

    Example:

        provenance merge-source isw institute-for-the-study-of-war --reason "same think tank"
    """
    from provenance.edits import merge_source

    with session(db, write=True, no_wait=no_wait) as db_session:
        change = merge_source(db_session, keep, other, reason=reason, **recorded_by(actor))
    typer.echo(f"merged source {other} into {keep} (event {change.event})")


def unmerge_source_command(
    key: Annotated[str, typer.Argument(help="Key of a merged source.")],
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Undo the latest merge of a source.

    Example:

        provenance unmerge-source institute-for-the-study-of-war
    """
    from provenance.edits import unmerge_source

    with session(db, write=True, no_wait=no_wait) as db_session:
        message = unmerge_source(db_session, key, **recorded_by(actor))
    typer.echo(message)
