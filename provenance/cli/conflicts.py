"""``provenance conflicts``: claims that cannot both be true, and review decisions."""

from __future__ import annotations

from typing import Annotated, Any

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
    new_app,
    recorded_by,
    render,
    session,
)

app = new_app(
    invoke_without_command=True,
    no_args_is_help=False,
)

CSV_COLUMNS = (
    "claim_a",
    "claim_b",
    "kind",
    "severity",
    "gap",
    "relative_gap",
    "sources_a",
    "sources_b",
    "explanation",
    "review",
)


@app.callback()
def conflicts_command(
    ctx: typer.Context,
    window: Annotated[int, typer.Option("--window", min=0, help="Days between as_of dates.")] = 7,
    tolerance: Annotated[
        float, typer.Option("--tolerance", min=0.0, max=0.99, help="Slack of 'about N' etc.")
    ] = 0.10,
    show_all: Annotated[bool, typer.Option("--all", help="Include dismissed pairs.")] = False,
    fail_on_conflict: Annotated[
        bool, typer.Option("--fail-on-conflict", help="Exit 5 if any unreviewed conflict remains.")
    ] = False,
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
) -> None:
    """Flag pairs of claims that cannot both be true, with the reason, by severity.

    Claims are compared only within one measure (category, unit, subject, metric,
    location) and within --window days. Hedges become intervals ("about N" is
    N ± tolerance, "over N" is (N, ∞), a bare 12,000 is 11,500-12,500); two claims
    conflict when their intervals do not overlap. Assert vs deny is a conflict too.

    Example:

        provenance conflicts --format json

        provenance conflicts --fail-on-conflict

        provenance conflicts review KEY_A KEY_B --dismiss --reason "different units of count"
    """
    if ctx.invoked_subcommand is not None:
        return
    from provenance.cli.progress import progress_bar
    from provenance.conflicts import find_conflicts
    from provenance.errors import ConflictsRemain

    with session(db) as db_session, progress_bar() as on_progress:
        report = find_conflicts(
            db_session,
            window_days=window,
            tolerance=tolerance,
            include_dismissed=show_all,
            on_progress=on_progress,
        )
    rows = [c.as_dict() for c in report.conflicts]
    if fmt is DataFormat.json:
        typer.echo(
            dumps(
                {
                    "conflicts": rows,
                    "disputes": [d.as_dict(tolerance) for d in report.disputes],
                    "claims_considered": report.claims_considered,
                    "pairs_compared": report.pairs_compared,
                }
            )
        )
    elif fmt is DataFormat.csv:
        render([_flat(r) for r in rows], fmt, columns=CSV_COLUMNS)
    else:
        _print(rows, report.claims_considered, report.pairs_compared)
    if fail_on_conflict and report.unreviewed():
        raise ConflictsRemain(f"{len(report.unreviewed())} unreviewed conflicts")


def _flat(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim_a": r["claims"][0],
        "claim_b": r["claims"][1],
        "kind": r["kind"],
        "severity": r["severity"],
        "gap": r["gap"]["absolute"],
        "relative_gap": r["gap"]["relative"],
        "sources_a": r["sources"][0] if r["sources"] else [],
        "sources_b": r["sources"][1] if r["sources"] else [],
        "explanation": r["explanation"],
        "review": r["review"],
    }


def _print(rows: list[dict[str, Any]], considered: int, compared: int) -> None:
    out = console()
    for r in rows:
        status = escape(f" [{r['review']}ed]") if r["review"] else ""
        out.print(
            f"[bold]{r['severity'].upper()}[/bold] {r['kind']}{status}: "
            f"{escape(r['claims'][0])} ✗ {escape(r['claims'][1])}"
        )
        out.print(f"  {escape(r['explanation'])}")
        for side, text, sources in zip("AB", r["texts"], r["sources"] or [[], []], strict=True):
            out.print(f"  {side}: {escape(text)} — {escape(', '.join(sources))}")
    noun = "conflict" if len(rows) == 1 else "conflicts"
    typer.echo(f"{len(rows)} {noun} among {considered} claims ({compared} pairs compared)")


def _decision(dismiss: bool, confirm: bool) -> str:
    from provenance.errors import UsageError

    if dismiss == confirm:
        raise UsageError("give exactly one of --dismiss or --confirm")
    return "dismiss" if dismiss else "confirm"


@app.command("review")
def review_command(
    claim_a: Annotated[str, typer.Argument(help="Key of one claim.")],
    claim_b: Annotated[str, typer.Argument(help="Key of the other claim.")],
    dismiss: Annotated[
        bool, typer.Option("--dismiss", help="Not a real conflict; hide it.")
    ] = False,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="A real conflict; keep it flagged.")
    ] = False,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record a decision on a flagged pair; dismissed pairs are hidden from later runs.

    Example:

        provenance conflicts review claim-a claim-b --dismiss --reason "different sectors"
    """
    from provenance.reviews import record_review

    decision = _decision(dismiss, confirm)
    with session(db, write=True, no_wait=no_wait) as db_session:
        record_review(
            db_session, "conflict", claim_a, claim_b, decision, reason, **recorded_by(actor)
        )
    typer.echo(f"recorded: {claim_a} / {claim_b} {decision}ed")


@app.command("review-dispute")
def review_dispute_command(
    measure: Annotated[
        str, typer.Argument(help="Key of the measure (measure_key in --format json).")
    ],
    start: Annotated[
        str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First day of the window.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day of the window.")
    ] = None,
    dismiss: Annotated[
        bool, typer.Option("--dismiss", help="Not a real dispute; hide it.")
    ] = False,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="A real dispute, reviewed; keep it listed.")
    ] = False,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record a decision on a whole dispute: every dispute of the measure whose dated claims
    fall within --from and --to (open when not given), and each of its pairs without a
    decision of its own. --fail-on-conflict counts them as reviewed; a dispute that grows
    beyond the window is flagged again. `provenance undo EVENT` withdraws the decision.

    Example:

        provenance conflicts review-dispute casualties-dead-in-sudan \\
            --from 2024-05-01 --to 2024-05-31 --confirm --reason "estimates differ in method"
    """
    from provenance.reviews import record_dispute_review

    decision = _decision(dismiss, confirm)
    with session(db, write=True, no_wait=no_wait) as db_session:
        record_dispute_review(
            db_session, measure, start, end, decision, reason, **recorded_by(actor)
        )
    window = f" from {start or 'the start'} to {end or 'now'}"
    typer.echo(f"recorded: disputes of {measure}{window} {decision}ed")
