"""``provenance verdict``: record a fact-checker's rating of a claim."""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli.common import (
    ActorOption,
    DbOption,
    NoWaitOption,
    recorded_by,
    session,
)


def verdict_command(
    key: Annotated[str, typer.Argument(help="Claim key.")],
    rating: Annotated[
        str, typer.Option("--rating", help='The rating as the fact-check words it, e.g. "False".')
    ],
    by: Annotated[str, typer.Option("--by", help="The organisation that checked the claim.")],
    url: Annotated[str | None, typer.Option("--url", help="The fact-check's address.")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="When the fact-check was published, YYYY[-MM[-DD]]."),
    ] = None,
    explanation: Annotated[
        str | None, typer.Option("--explanation", help="Why the claim got this rating.")
    ] = None,
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Record a fact-check of a claim; `provenance undo EVENT` withdraws it.

    The verdict is shown by `provenance show`, selects claims with `--rating`, and is
    exported as schema.org ClaimReview (`provenance export --format claimreview`).

    Example:

        provenance verdict ukraine-holds-309-sq-mi --rating Unproven --by "Example Check"
    """
    from provenance.verdicts import make_verdict, record

    verdict = make_verdict(rating, by, url=url, published=date, explanation=explanation)
    with session(db, write=True, no_wait=no_wait) as db_session:
        done = record(db_session, key, verdict, **recorded_by(actor))
    typer.echo(
        f"{key}: {verdict.rating} by {verdict.reviewer} (event {done.event}; "
        f"`provenance undo {done.event}` withdraws it)"
    )
