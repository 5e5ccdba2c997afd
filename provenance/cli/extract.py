"""``provenance extract``: candidate claims from article text."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from provenance.cli.common import (
    ActorOption,
    DbOption,
    NoWaitOption,
    dumps,
    fail,
    print_table,
    recorded_by,
    session,
)

EXAMPLE = """
Example:

    provenance extract article.txt --published 2024-11-23 --outlet "Daily Express"

    provenance extract page.html --format table

    provenance extract article.md --import --yes
"""


class ExtractFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    table = "table"


_TABLE_COLUMNS = ("quantity", "category", "as_of", "origin", "via", "claim")


def extract_command(
    files: Annotated[
        list[Path], typer.Argument(help="Plain text, Markdown or HTML files.", show_default=False)
    ],
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="yaml or json (the import format), table to read."),
    ] = ExtractFormat.yaml,
    language: Annotated[
        str | None, typer.Option("--language", help="ISO 639-1 code; inferred when not given.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="The article's date: YYYY, YYYY-MM or YYYY-MM-DD."),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Where the article appeared.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The article's title.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="The article's author.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The article's address.")] = None,
    do_import: Annotated[
        bool, typer.Option("--import", help="Import the candidates after showing them.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Import without asking (needed without a terminal).")
    ] = False,
    db: DbOption = None,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
) -> None:
    """Propose the claims of articles: every figure with its hedge, the date it speaks
    of, its origin and relays, and the exact quote; in the nested import format.

    The document's text and sha256 go with the candidates, so after import `check`
    verifies every quote. HTML needs the extra: pip install 'provenance\\[extract]'.
    """
    from provenance.errors import UsageError
    from provenance.extract import extract_files, import_candidates, to_nested

    if do_import and not yes and not sys.stdin.isatty():
        raise UsageError("importing without a terminal to confirm on needs --yes")
    if published:
        from provenance.dates import parse_partial_date

        try:
            parse_partial_date(published)
        except ValueError as exc:
            raise UsageError(f"--published: {exc}") from exc
    extractions = extract_files(
        files,
        language=language,
        published=published,
        outlet=outlet,
        title=title,
        author=author,
        url=url,
    )
    nested = to_nested(extractions)
    _show(nested, fmt)
    count = len(nested["claims"])  # type: ignore[arg-type]
    if not do_import:
        return
    if count == 0:
        typer.echo("nothing to import", err=True)
        return
    if not yes and not typer.confirm(f"import {count} candidate claims?", err=True):
        fail("not imported", 0)
    with session(db, write=True, no_wait=no_wait) as db_session:
        report = import_candidates(
            db_session,
            nested,
            name=files[0].stem,
            **recorded_by(actor),
        )
    c = report.counts
    typer.echo(
        f"imported {c.claims} claims, {c.attributions} attributions, {c.sources} sources, "
        f"{c.documents} documents ({c.unchanged} already present); batch {report.batch_id}",
        err=True,
    )


def _show(nested: dict[str, Any], fmt: ExtractFormat) -> None:
    if fmt is ExtractFormat.json:
        typer.echo(dumps(nested))
    elif fmt is ExtractFormat.yaml:
        import yaml

        typer.echo(yaml.safe_dump(nested, sort_keys=False, allow_unicode=True, width=100), nl=False)
    elif not nested["claims"]:
        typer.echo("no figures found", err=True)
    else:
        print_table(_rows(nested), _TABLE_COLUMNS)


def _rows(nested: dict[str, Any]) -> list[dict[str, Any]]:
    names = {s["key"]: s["name"] for s in nested["sources"]}
    rows = []
    for claim in nested["claims"]:
        first = claim["attributions"][0]
        rows.append(
            {
                "quantity": claim["quantity"],
                "category": claim["category"],
                "as_of": claim.get("as_of"),
                "origin": "; ".join(names[a["source"]] for a in claim["attributions"]),
                "via": " → ".join(names[v] for v in first.get("via", [])),
                "claim": claim["text"],
            }
        )
    return rows


extract_command.__doc__ = (extract_command.__doc__ or "") + EXAMPLE
