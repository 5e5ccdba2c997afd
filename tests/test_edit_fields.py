"""``edit`` reaches every claim and report field, as events that ``undo`` reverses and
``check`` vouches for; ``merge`` needs a reason and warns of claims of other measures."""

from __future__ import annotations

from typing import Any

from provenance.db import open_session
from provenance.query import get_claim
from tests.helpers import snapshot

KEY = "russia-concentrated-60000-troops-kursk"
ORIGIN = "ua-general-staff-official"


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return result


def events(result: Any) -> list[int]:
    return sorted(
        {int(line.rsplit("(event ", 1)[1].rstrip(")")) for line in result.stdout.splitlines()}
    )


def undo_all(cli: Any, *numbers: int) -> None:
    for n in sorted(numbers, reverse=True):
        ok(cli("undo", str(n)))


def test_a_new_quantity_is_parsed_and_undone(cli: Any, fixture_db: str) -> None:
    before = snapshot(fixture_db)
    result = ok(cli("edit", "claim", KEY, "--set", "quantity=about 70,000 troops", "--reason", "r"))
    assert result.stdout == (
        f"claim {KEY}: quantity 'close to 60,000 troops' → 'about 70,000 troops' (event 2)\n"
        f"claim {KEY}: qualifier 'close_to' → 'about' (event 2)\n"
        f"claim {KEY}: value 60000.0 → 70000.0 (event 2)\n"
    )
    with open_session(fixture_db) as session:
        q = get_claim(session, KEY).quantity
    assert q is not None and (q["qualifier"], q["value"], q["unit"]) == ("about", 70000.0, "troops")
    unread = ok(cli("edit", "claim", KEY, "--set", "quantity=many troops", "--reason", "r"))
    assert unread.stderr == (
        "warning: could not parse quantity 'many troops' (no figure); kept as text\n"
    )
    with open_session(fixture_db) as session:
        q = get_claim(session, KEY).quantity
    assert q is not None and (q["text"], q["value"], q["unit"]) == ("many troops", None, None)
    assert ok(cli("check")).stdout.endswith("ok\n")
    undo_all(cli, 2, 3)
    assert ok(cli("check")).stdout.endswith("ok\n")
    after = snapshot(fixture_db)
    assert [r[:-1] for r in after["claim"]] == [r[:-1] for r in before["claim"]]  # not updated_at


def test_a_figure_out_of_range_is_refused(cli: Any, fixture_db: str) -> None:
    result = cli(
        "edit", "claim", KEY, "--set", "quantity=9,000,000,000,000,000 troops", "--reason", "r"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: quantity: ")
    assert "\n" not in result.stderr.rstrip("\n")


def test_report_fields_are_edited_shown_logged_and_undone(cli: Any, fixture_db: str) -> None:
    before = snapshot(fixture_db)
    grades = ok(
        cli(
            "edit",
            "report",
            KEY,
            ORIGIN,
            "--set",
            "credibility=2",
            "--set",
            "stance=denies",
            "--set",
            "hedges=reportedly; said",
            "--set",
            "quote=Russia has concentrated close to 60,000 troops",
            "--reason",
            "checked",
        )
    )
    name = f"report of {KEY} by {ORIGIN}"
    assert grades.stdout == (
        f"{name}: credibility 3 → 2 (event 2)\n"
        f"{name}: stance 'asserts' → 'denies' (event 2)\n"
        f"{name}: hedges 'indicated' → 'reportedly; said' (event 2)\n"
        f"{name}: quote 'Russia has concentrated close to 60,000 troops in Kursk' → "
        "'Russia has concentrated close to 60,000 troops' (event 2)\n"
    )
    relays = ok(
        cli(
            "edit",
            "report",
            KEY,
            "unnamed senior official of the Ukrainian General Staff",
            "--set",
            "via=Daily Express; Reuters",
            "--reason",
            "order",
        )
    )
    assert relays.stdout == (
        f"report of {KEY} by unnamed senior official of the Ukrainian General Staff: via ['reuters', 'daily-express'] → "
        "['daily-express', 'reuters'] (event 3)\n"
    )
    with open_session(fixture_db) as session:
        (report,) = get_claim(session, KEY).attributions
    assert (report.credibility, report.stance, report.hedges) == (
        2,
        "denies",
        ["reportedly", "said"],
    )
    assert [v.key for v in report.via] == ["daily-express", "reuters"]
    history = ok(cli("show", KEY, "-f", "json")).stdout
    assert '"action": "edit",\n      "entity": "attribution"' in history
    assert ok(cli("check")).stdout.endswith("ok\n")
    undo_all(cli, 2, 3)
    assert ok(cli("check")).stdout.endswith("ok\n")
    after = snapshot(fixture_db)
    for table in ("attribution", "relay", "claim", "source"):
        assert after[table] == before[table], table


def test_report_edits_that_cannot_be_kept_are_refused(cli: Any, fixture_db: str) -> None:
    cases = [
        (
            ["--set", "via=Reuters"],
            2,
            "error: via can name other relays, not change their number (2: reuters; daily-express)\n",
        ),
        (
            ["--set", "credibility=7"],
            2,
            "error: credibility: '7' is not an Admiralty credibility grade 1-6\n",
        ),
        (["--set", "stance="], 2, "error: stance: cannot be empty\n"),
        (["--set", "via=Nobody; Reuters"], 4, None),
    ]
    for args, code, message in cases:
        result = cli("edit", "report", KEY, ORIGIN, *args, "--reason", "r")
        assert result.exit_code == code, result.output
        if message is not None:
            assert result.stderr == message
    missing = cli("edit", "report", KEY, "isw", "--set", "credibility=2", "--reason", "r")
    assert missing.exit_code == 4
    assert missing.stderr == f"error: claim {KEY!r} has no report from 'isw'\n"


def test_merge_needs_a_reason_and_warns_of_other_measures(cli: Any, fixture_db: str) -> None:
    bare = cli("merge", KEY, "ukraine-holds-309-sq-mi")
    assert bare.exit_code == 2
    assert bare.stderr == "error: --reason is required: say why these claims are one\n"
    merged = ok(cli("merge", KEY, "russia-ramping-up-counteroffensive", "--reason", "same"))
    assert merged.stdout == (
        f"merged russia-ramping-up-counteroffensive into {KEY} (1 reports moved)\n"
    )
    assert merged.stderr == (
        f"warning: russia-ramping-up-counteroffensive may not count what {KEY} counts: "
        "categories troop_count and statement\n"
    )
    log = ok(cli("log", KEY, "-f", "json")).stdout
    assert '"reason": "same"' in log
