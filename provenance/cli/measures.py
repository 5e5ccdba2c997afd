"""``provenance measures``: what the claims count, as conflicts and dedupe read it."""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli.common import (
    ActorOption,
    DataFormat,
    DbOption,
    NoWaitOption,
    ReasonOption,
    ReportFormatOption,
    console,
    dumps,
    escape,
    recorded_by,
    render,
    session,
)


def measures_command(
    min_claims: Annotated[
        int, typer.Option("--min-claims", min=1, metavar="N", help="Only measures with N claims.")
    ] = 1,
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
) -> None:
    """List the measures of the claims with a figure, and why each claim is in one.

    A measure is what a figure counts (dead, wounded, displaced, troops, territory…), its
    scope (violent, civilians, internal…) and the place and party names the claim gives,
    read from the claim's words in its own language. Conflicts and duplicates are
    looked for within one measure.

    Example:

        provenance measures --min-claims 2

        provenance measures --format json
    """
    from provenance.cli.progress import progress_bar
    from provenance.measures import list_measures

    with session(db) as db_session, progress_bar() as on_progress:
        found = list_measures(db_session.connection(), min_claims, on_progress=on_progress)
    rows = [m.as_dict() for m in found]
    if fmt is DataFormat.json:
        typer.echo(dumps(rows))
        return
    if fmt is not DataFormat.table:
        flat = [
            {"measure": m.name, "measure_key": m.key, **c} for m in found for c in m.claim_rows()
        ]
        render(flat, fmt, columns=("measure", "measure_key", "key", "figure", "as_of", "why"))
        return
    out = console()
    for m in found:
        out.print(f"[bold]{escape(m.name)}[/bold]  ({len(m.claims)} claims; key {escape(m.key)})")
        out.print(f"  {escape(m.why)}")
        for p in m.claims:
            figure = p.quantity.text if p.quantity else ""
            note = f"  ({m.decided[p.key]})" if p.key in m.decided else ""
            out.print(f"  {escape(p.key)}: {escape(figure)}{escape(note)}")
    typer.echo(f"{len(found)} measures", err=True)


def measure_merge_command(
    keep: Annotated[str, typer.Argument(help="Key of the measure to keep.")],
    other: Annotated[str, typer.Argument(help="Key of the measure that is the same one.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record that two measures are one (keys from `provenance measures`).

    Conflicts and dedupe then compare the claims of both as one measure, and
    `provenance measures` lists them under KEEP. `provenance undo EVENT` separates them.

    Example:

        provenance measure-merge casualties-dead-in-fasher casualties-dead-in-facher \
            --reason "one city, two spellings"
    """
    from provenance.measure_decisions import merge_measures

    with session(db, write=True, no_wait=no_wait) as db_session:
        change = merge_measures(db_session, keep, other, reason=reason, **recorded_by(actor))
    typer.echo(
        f"merged measure {other} into {keep} ({len(change.claims)} claims; event {change.event})"
    )


def measure_split_command(
    key: Annotated[str, typer.Argument(help="Key of the measure the claims are in.")],
    claims: Annotated[
        str, typer.Option("--claims", metavar="KEY,KEY", help="Claims to move, comma-separated.")
    ],
    name: Annotated[str, typer.Option("--name", help="Label of their new measure.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Move claims out of a measure into a new one of their own.

    The moved claims are compared with each other only: never a conflict or a
    duplicate of the claims they left. `provenance undo EVENT` moves them back.

    Example:

        provenance measure-split casualties-dead-in-sudan --claims a,b \
            --name "deaths in Darfur" --reason "a regional toll"
    """
    from provenance.measure_decisions import split_measure

    with session(db, write=True, no_wait=no_wait) as db_session:
        change = split_measure(
            db_session, key, claims.split(","), name, reason=reason, **recorded_by(actor)
        )
    typer.echo(
        f"moved {len(change.claims)} claims from {key} to {change.measure} (event {change.event})"
    )


def measure_rename_command(
    key: Annotated[str, typer.Argument(help="Key of the measure.")],
    label: Annotated[str, typer.Argument(help="Its new label.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Give a measure a label, shown by measures and conflicts (its key stays).

    Example:

        provenance measure-rename casualties-dead-in-sudan "war deaths, Sudan" --reason "clearer"
    """
    from provenance.measure_decisions import rename_measure

    with session(db, write=True, no_wait=no_wait) as db_session:
        change = rename_measure(db_session, key, label, reason=reason, **recorded_by(actor))
    typer.echo(f"labelled measure {key} {label!r} (event {change.event})")
