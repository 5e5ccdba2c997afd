"""The command line: thin commands over the library, composed into one app."""

from __future__ import annotations

from provenance.cli import (
    audit,
    check,
    claims,
    conflicts,
    dedupe,
    edits,
    export,
    extract,
    importing,
    verdicts,
)
from provenance.cli.common import DbOption, new_app, set_top_level_db

app = new_app(
    "provenance: claims from war reporting with every source, relay, document and quote.\n\n"
    "Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 not found, "
    "5 conflicts remain, 6 database error, 7 check failed, 8 output file problem."
)


@app.callback()
def _top_level(db: DbOption = None) -> None:
    set_top_level_db(db)


app.command("import")(importing.import_command)
app.command("extract")(extract.extract_command)
app.command("claims")(claims.claims_command)
app.command("show")(claims.show_command)
app.command("sources")(claims.sources_command)
app.command("export")(export.export_command)
app.add_typer(audit.app, name="audit")
app.add_typer(conflicts.app, name="conflicts", help=conflicts.conflicts_command.__doc__)
app.add_typer(dedupe.app, name="dedupe", help=dedupe.dedupe_command.__doc__)
app.command("merge")(dedupe.merge_command)
app.command("unmerge")(dedupe.unmerge_command)
app.add_typer(edits.app, name="edit")
app.command("retract")(edits.retract_command)
app.command("undo")(edits.undo_command)
app.command("log")(edits.log_command)
app.command("check")(check.check_command)
app.command("merge-source")(edits.merge_source_command)
app.command("unmerge-source")(edits.unmerge_source_command)
app.command("verdict")(verdicts.verdict_command)


def main() -> None:
    app()
