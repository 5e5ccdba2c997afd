"""Exports never destroy data: a database is never a target, a dangling link needs
--force, an unwritable place is exit 8, and no temporary file outlives an export."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from provenance.errors import OutputError
from provenance.export import atomic_file
from tests.helpers import synthetic_rows, write_csv
from tests.test_crash import provenance_cmd


def test_the_database_itself_is_refused_even_with_force(
    cli, fixture_db: str, is_postgres: bool
) -> None:  # type: ignore[no-untyped-def]
    if is_postgres:
        pytest.skip("a server database has no file to overwrite")
    before = Path(fixture_db).read_bytes()[:16]
    result = cli("export", "-o", fixture_db, "--force")
    assert result.exit_code == 8
    assert (
        result.output
        == f"error: {fixture_db!r} is the database being exported; choose another file\n"
    )
    assert Path(fixture_db).read_bytes()[:16] == before
    assert cli("check").exit_code == 0


def test_any_sqlite_file_is_refused(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    result = cli("export", "-o", str(other), "--force")
    assert result.exit_code == 8
    assert "is an SQLite database; export never overwrites one" in result.output
    assert other.read_bytes().startswith(b"SQLite format 3\x00")
    link = tmp_path / "link.csv"
    link.symlink_to(other)
    assert cli("export", "-o", str(link), "--force").exit_code == 8
    assert link.is_symlink()


def test_a_dangling_symlink_needs_force(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "missing" / "target.csv")
    result = cli("export", "-o", str(link))
    assert result.exit_code == 8
    assert (
        result.output
        == f"error: {str(link)!r} is a symbolic link to nothing; pass --force to replace it\n"
    )
    assert link.is_symlink()
    assert cli("export", "-o", str(link), "--force").exit_code == 0
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("claim_key,")


def test_an_unwritable_directory_is_an_output_error(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if os.geteuid() == 0:
        target = Path("/sys/provenance-export.csv")  # not writable, even by root
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        target = locked / "out.csv"
    result = cli("export", "-o", str(target))
    assert result.exit_code == 8
    assert result.output.startswith(f"error: cannot write in {str(target.parent)!r}: ")


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(OutputError, match="cannot write"), atomic_file(target, force=False) as fh:
        fh.write("partial")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_partials_of_dead_exports_are_removed_by_the_next(
    cli, fixture_db: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dead = subprocess.Popen(["true"])
    dead.wait()
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".out.csv.{dead.pid}.abc123.partial"
    live = out / f".out.csv.{os.getpid()}.def456.partial"
    stale.write_text("half", encoding="utf-8")
    live.write_text("in progress", encoding="utf-8")
    assert cli("export", "-o", str(out / "out.csv")).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [live.name, "out.csv"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signalled_export_removes_its_temporary_file(
    cli, db_url: str, tmp_path: Path, signum: int
) -> None:  # type: ignore[no-untyped-def]
    """The export is stopped (SIGSTOP) as soon as its temporary file exists, signalled,
    then resumed: the signal always arrives while the file is being written, however fast
    the export or busy the machine. JSON renders every row (a CSV export copies stored
    lines, too fast to be caught on a loaded machine)."""
    data = write_csv(tmp_path / "data.csv", synthetic_rows(3000, "sig"))
    assert cli("import", str(data)).exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    target = out / "citations.json"
    for _attempt in range(20):
        proc = subprocess.Popen(
            [*provenance_cmd(), "export", "-f", "json", "-o", str(target), "--db", db_url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and not list(out.glob(".*.partial")):
            assert time.monotonic() < deadline
            time.sleep(0.001)
        if proc.poll() is None:
            proc.send_signal(signal.SIGSTOP)
            caught = proc.poll() is None and bool(list(out.glob(".*.partial")))
            if caught:
                proc.send_signal(signum)
            proc.send_signal(signal.SIGCONT)
            code = proc.wait(timeout=60)
            if caught and not target.exists():
                break
        proc.wait(timeout=60)
        assert not list(out.glob(".*.partial")), "a finished export left its temporary file"
        target.unlink(missing_ok=True)
    else:
        pytest.fail("every export finished before the signal")
    assert code in (128 + signum, 130)
    assert list(out.iterdir()) == []
