"""Two first commands on a new SQLite file: the second waits for the first's header."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import text

from provenance.db import open_session


def test_a_writer_waits_while_another_writes_a_new_files_header(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    first.execute("BEGIN IMMEDIATE")  # rollback mode: the file has no header yet
    first.execute("CREATE TABLE header_being_written (i INTEGER)")
    waiting_since = time.monotonic()

    def finish_later() -> None:
        time.sleep(0.5)
        first.execute("COMMIT")

    releaser = threading.Thread(target=finish_later)
    releaser.start()
    try:
        with open_session(str(path), write=True) as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
    finally:
        releaser.join()
        first.close()
    assert time.monotonic() - waiting_since >= 0.5
