"""``provenance dedupe``, ``merge`` and ``unmerge``: duplicates without loss."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from provenance.dedupe import Cluster

app = new_app(
    invoke_without_command=True,
    no_args_is_help=False,
)


@app.callback()
def dedupe_command(
    ctx: typer.Context,
    threshold: Annotated[
        int, typer.Option("--threshold", min=0, max=100, help="Least score to propose.")
    ] = 85,
    window: Annotated[int, typer.Option("--window", min=0, help="Days between as_of dates.")] = 7,
    tolerance: Annotated[
        float, typer.Option("--tolerance", min=0.0, max=0.99, help="Slack of hedges.")
    ] = 0.10,
    apply: Annotated[
        bool, typer.Option("--apply", help="Merge clusters at or above --apply-threshold.")
    ] = False,
    apply_threshold: Annotated[int, typer.Option("--apply-threshold", min=0, max=100)] = 95,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --apply: do not ask.")] = False,
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
    fmt: ReportFormatOption = DataFormat.table,
) -> None:
    """Propose clusters of duplicate claims, scored 0-100 with reasons.

    Same measure with compatible figures (309 square miles ≈ 800 km², "close to
    60,000" ≈ "some 59,000"), or near-identical text whose figures agree. Pairs a
    reviewer marked distinct are never proposed again. --apply merges the clusters
    scoring at least --apply-threshold, keeping the claim with the most reports.

    Example:

        provenance dedupe --format json

        provenance dedupe --apply --yes

        provenance dedupe review KEY_A KEY_B --distinct --reason "different brigades"
    """
    if ctx.invoked_subcommand is not None:
        return
    from provenance.cli.progress import progress_bar
    from provenance.dedupe import find_duplicates

    with session(db) as db_session, progress_bar() as on_progress:
        report = find_duplicates(
            db_session,
            threshold=threshold,
            window_days=window,
            tolerance=tolerance,
            on_progress=on_progress,
        )
    summary = {
        "clusters": len(report.clusters),
        "claims": report.claims,
        "pairs_compared": report.pairs_compared,
        "all_pairs": report.all_pairs,
    }
    if fmt is DataFormat.json and not apply:
        typer.echo(dumps({**summary, "duplicates": [c.as_dict() for c in report.clusters]}))
        return
    if fmt is DataFormat.csv and not apply:
        render(_pair_rows(report.clusters), fmt, columns=PAIR_COLUMNS)
        return
    _print([c.as_dict() for c in report.clusters], summary)
    if apply:
        mergeable = [c.as_dict() for c in report.clusters if c.mergeable(apply_threshold)]
        _apply(mergeable, yes, db, actor, no_wait)


PAIR_COLUMNS = ("cluster", "claim_a", "claim_b", "score", "reasons")


def _pair_rows(clusters: list[Cluster]) -> Iterator[dict[str, Any]]:
    """One row per scored pair, numbered by its cluster."""
    for i, c in enumerate(clusters, 1):
        for p in c.pairs:
            yield {
                "cluster": i,
                "claim_a": p.a.key,
                "claim_b": p.b.key,
                "score": p.score,
                "reasons": p.reasons,
            }


def _print(clusters: list[dict[str, Any]], summary: dict[str, int]) -> None:
    out = console()
    for i, c in enumerate(clusters, 1):
        out.print(f"[bold]cluster {i}[/bold] score {c['score']}: {escape(', '.join(c['claims']))}")
        out.print(f"  {escape('; '.join(c['reasons']))}")
        if c["held"]:
            out.print(f"  not merged automatically: {escape('; '.join(c['held']))}")
    typer.echo(
        f"{summary['clusters']} clusters among {summary['claims']} claims "
        f"({summary['pairs_compared']} pairs compared of {summary['all_pairs']} possible)"
    )


def _apply(
    clusters: list[dict[str, Any]], yes: bool, db: str | None, actor: str | None, no_wait: bool
) -> None:
    from provenance.dedupe import choose_keep
    from provenance.errors import UsageError
    from provenance.merge import merge_claims

    if not clusters:
        typer.echo(
            "nothing scores at or above the apply threshold with nothing holding it back; "
            "nothing merged"
        )
        return
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("--apply without a terminal needs --yes")
        typer.confirm(f"merge {len(clusters)} clusters?", abort=True)
    with session(db, write=True, no_wait=no_wait) as db_session:
        for c in clusters:
            keep = choose_keep(db_session, c["claims"])
            others = [k for k in c["claims"] if k != keep]
            result = merge_claims(
                db_session,
                keep,
                others,
                reason=f"duplicates scored {c['score']}: {'; '.join(c['reasons'])}",
                **recorded_by(actor),
            )
            typer.echo(f"merged {', '.join(others)} into {keep}")
            for warning in result.warnings:
                typer.echo(f"warning: {warning}", err=True)


@app.command("review")
def review_command(
    claim_a: Annotated[str, typer.Argument(help="Key of one claim.")],
    claim_b: Annotated[str, typer.Argument(help="Key of the other claim.")],
    distinct: Annotated[bool, typer.Option("--distinct", help="Not the same claim.")] = False,
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record that two claims are distinct; they are never proposed again.

    Example:

        provenance dedupe review claim-a claim-b --distinct --reason "different dates"
    """
    from provenance.errors import UsageError
    from provenance.reviews import record_review

    if not distinct:
        raise UsageError("say --distinct (to merge, use provenance merge)")
    with session(db, write=True, no_wait=no_wait) as db_session:
        record_review(
            db_session, "duplicate", claim_a, claim_b, "distinct", reason, **recorded_by(actor)
        )
    typer.echo(f"recorded: {claim_a} and {claim_b} are distinct")


def merge_command(
    keep: Annotated[str, typer.Argument(help="Key of the claim to keep.")],
    others: Annotated[list[str], typer.Argument(help="Keys of the claims merged into it.")],
    reason: ReasonOption = "",
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Merge claims into one: their reports move to KEEP; they stay, marked merged.

    Nothing is deleted; `provenance unmerge OTHER` restores exactly what was there.
    The reason is kept in the event log. Claims that seem to count something else than
    KEEP (another category, concept, scope or place) are merged with a warning.

    Example:

        provenance merge russia-troops-kursk russia-troops-kursk-de --reason "same report"
    """
    from provenance.errors import UsageError
    from provenance.merge import merge_claims

    if not reason.strip():
        raise UsageError("--reason is required: say why these claims are one")
    with session(db, write=True, no_wait=no_wait) as db_session:
        result = merge_claims(
            db_session,
            keep,
            others,
            reason=reason,
            **recorded_by(actor),
        )
    typer.echo(
        f"merged {', '.join(result.merged)} into {result.keep} "
        f"({result.attributions_moved} reports moved)"
    )
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)


def unmerge_command(
    key: Annotated[str, typer.Argument(help="Key of a merged claim.")],
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Undo the latest merge of a claim: its reports return and it is active again.

    Example:

        provenance unmerge russia-troops-kursk-de
    """
    from provenance.merge import unmerge_claim

    with session(db, write=True, no_wait=no_wait) as db_session:
        result = unmerge_claim(db_session, key, **recorded_by(actor))
    typer.echo(f"unmerged {key} from {result.keep} ({result.attributions_moved} reports restored)")
