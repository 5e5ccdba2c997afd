"""Keys are compared exactly: event lookups never match by pattern, filters take `%`
and `_` literally, and limits are bounded."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_csv


def _four_claims(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"claim_key": k, "claim": f"claim {k}", "source": "S", "subject": subject}
        for k, subject in (("keep1", "50%"), ("keep2", "a_b"), ("x y", "axb"), ("y", "a b"))
    ]
    assert cli("import", str(write_csv(tmp_path / "c.csv", rows))).exit_code == 0


def test_unmerge_of_a_key_that_ends_another_key_undoes_its_own_merge(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _four_claims(cli, tmp_path)
    assert cli("merge", "keep2", "y", "--reason", "same").exit_code == 0
    assert cli("merge", "keep1", "x y", "--reason", "same").exit_code == 0
    result = cli("unmerge", "y")
    assert result.output == "unmerged y from keep2 (1 reports restored)\n"
    listing = cli("claims", "--status", "all", "--format", "csv").output.splitlines()
    assert [line.split(",")[0] + ":" + line.split(",")[-1] for line in listing[1:]] == [
        "keep1:active",
        "keep2:active",
        "x y:merged",
        "y:active",
    ]
    assert cli("check").exit_code == 0
    assert cli("unmerge", "x y").output == "unmerged x y from keep1 (1 reports restored)\n"
    assert cli("check").exit_code == 0


def test_log_of_a_key_lists_only_its_own_pair_events(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _four_claims(cli, tmp_path)
    cli("merge", "keep2", "y", "--reason", "same")
    cli("merge", "keep1", "x y", "--reason", "same")
    y_events = cli("log", "y", "--format", "csv").output.splitlines()[1:]
    assert [line.split(",")[0] for line in y_events] == ["2"]
    xy_events = cli("log", "x y", "--format", "csv").output.splitlines()[1:]
    assert [line.split(",")[0] for line in xy_events] == ["3"]
    shown = cli("show", "y", "--format", "json").output
    assert '"keep1 x y"' not in shown and '"keep2 y"' in shown


def test_filters_take_percent_and_underscore_literally(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _four_claims(cli, tmp_path)

    def keys(*args: str) -> list[str]:
        out = cli("claims", *args, "--format", "csv").output.splitlines()[1:]
        return [line.split(",")[0] for line in out]

    assert keys("--subject", "%") == ["keep1"]
    assert keys("--subject", "_") == ["keep2"]
    assert keys("--subject", "a_") == ["keep2"]
    assert keys("--search", "%") == []
    assert keys("--search", "x_y") == []


def test_a_huge_limit_is_no_database_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _four_claims(cli, tmp_path)
    huge = str(10**30)
    result = cli("claims", "--limit", huge, "--format", "csv")
    assert result.exit_code == 0 and len(result.output.splitlines()) == 5
    assert cli("log", "--limit", huge, "--format", "csv").exit_code == 0
    assert cli("claims", "--limit", "-1").exit_code == 2
