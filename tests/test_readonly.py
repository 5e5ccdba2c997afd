"""A read-only copy of a database (read-only file in a read-only directory) serves every
query command, and reading never writes: no schema write, no pragma needing write access."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FIXTURE, ROOT

QUERIES = [
    ["claims", "--source", "ISW"],
    ["claims", "--unnamed", "-f", "json"],
    ["show", "russia-concentrated-60000-troops-kursk"],
    ["show", "russia-concentrated-60000-troops-kursk", "-f", "json"],
    ["sources"],
    ["sources", "--duplicates"],
    ["export"],
    ["export", "-f", "json"],
    ["audit", "unnamed"],
    ["audit", "circular"],
    ["conflicts"],
    ["dedupe"],
    ["log", "-n", "3"],
    ["check"],
]


def _provenance(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI on ``db``; under root, as an unprivileged user (file permissions do
    not bind root, so the read-only copy would not be read-only)."""
    command = [sys.executable, "-m", "provenance", "--db", str(db), *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=db.parent)


@pytest.fixture
def read_only_db(is_postgres: bool) -> Iterator[Path]:
    if is_postgres:
        pytest.skip("SQLite files; PostgreSQL readers are tested in test_postgres_roles.py")
    directory = Path(tempfile.mkdtemp(prefix="provenance-ro-"))
    db = directory / "shared.db"
    try:
        subprocess.run(
            [sys.executable, "-m", "provenance", "--db", str(db), "import", str(FIXTURE)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        directory.chmod(0o555)  # readable by the unprivileged user too
        yield db
    finally:
        directory.chmod(0o755)
        shutil.rmtree(directory)


def test_every_query_command_reads_a_read_only_copy(read_only_db: Path) -> None:
    directory = read_only_db.parent
    before = hashlib.sha256(read_only_db.read_bytes()).hexdigest()
    files_before = sorted(p.name for p in directory.iterdir())
    for args in QUERIES:
        done = _provenance(read_only_db, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert "error" not in done.stderr, (args, done.stderr)
        assert done.stdout or done.stderr.startswith("no "), args
    assert hashlib.sha256(read_only_db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in directory.iterdir()) == files_before


def test_a_write_on_a_read_only_copy_fails_with_one_line(read_only_db: Path) -> None:
    done = _provenance(read_only_db, "retract", "ukraine-holds-309-sq-mi", "--reason", "x")
    assert done.returncode == 6, done.stderr
    assert done.stderr.startswith("error: database ") and done.stderr.count("\n") == 1
