"""The words index (migration 8) finds exactly what reading every claim finds, every
writer of a claim's words, a quote or a report's claim keeps it in step (import, edit,
undo, merge, unmerge), and what the index assumes of SQLite's tokenizer holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from provenance.db import now, open_session
from provenance.query import ClaimFilter, claim_where, expanding_text
from provenance.search import (
    POSTGRESQL_INDEXES,
    WORDS_TABLE,
    claim_words,
    index_claims,
    search_index,
    term,
)
from tests.helpers import row, write_csv


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return result


def found(conn: Connection, search: str | list[str], *, index: bool) -> list[str]:
    where, params = claim_where(conn, ClaimFilter(search=search, status=None), search_index=index)
    sql = f"SELECT c.key FROM claim c WHERE {where} ORDER BY c.key"
    return list(conn.execute(expanding_text(sql, params), params).scalars())


def search(db: str, query: str) -> list[str]:
    """Keys found through the index, after checking the scan finds the same."""
    with open_session(db) as session:
        conn = session.connection()
        assert search_index(conn)
        keys = found(conn, query, index=True)
        assert keys == found(conn, query, index=False)
        _check_index(conn)
    return keys


def _check_index(conn: Connection) -> None:
    """On SQLite, each claim's entry is what its text and quotes give now."""
    if conn.dialect.name != "sqlite":
        return
    rows = conn.execute(
        text(
            "SELECT c.id, c.text, a.quote FROM claim c LEFT JOIN attribution a "
            "ON a.claim_id = c.id ORDER BY c.id, a.id"
        )
    )
    parts: dict[int, tuple[str, list[str | None]]] = {}
    for claim_id, words, quote in rows:
        parts.setdefault(claim_id, (words, []))[1].append(quote)
    expected = {i: claim_words(t, quotes) for i, (t, quotes) in parts.items()}
    stored = dict(conn.execute(text(f"SELECT rowid, words FROM {WORDS_TABLE}")).all())
    assert stored == expected


@pytest.fixture
def texts(cli: Any, tmp_path: Path, db_url: str) -> str:
    rows = [
        row(claim_key="a", claim="Russia moved 60,000 troops to Kursk.", quote="a convoy"),
        row(claim_key="b", claim="Ukraine reported 5,724 drones.", quote="Sappers at Sumy"),
        row(claim_key="c", claim="A quiet day.", quote=""),
    ]
    ok(cli("import", str(write_csv(tmp_path / "texts.csv", rows))))
    return db_url


def test_a_new_database_has_the_index(texts: str) -> None:
    assert search(texts, "troops") == ["a"]
    assert search(texts, "60000 kursk") == ["a"]
    assert search(texts, "sapper") == ["b"]
    assert search(texts, "5724") == ["b"]
    assert search(texts, "apper") == []
    assert search(texts, "quiet") == ["c"]


def test_an_edit_and_its_undo_keep_the_index_in_step(cli: Any, texts: str) -> None:
    edit = ok(
        cli("edit", "claim", "c", "--set", "text=Heavy shelling near Avdiivka.", "--reason", "x")
    )
    assert edit.stdout == (
        "claim c: text 'A quiet day.' → 'Heavy shelling near Avdiivka.' (event 2)\n"
    )
    assert search(texts, "shelling avdiivka") == ["c"]
    assert search(texts, "quiet") == []
    ok(
        cli(
            "edit",
            "report",
            "c",
            "unnamed General Staff official",
            "--set",
            "quote=Pontoon bridges",
            "--reason",
            "x",
        )
    )
    assert search(texts, "pontoon") == ["c"]
    ok(
        cli(
            "edit",
            "report",
            "a",
            "unnamed General Staff official",
            "--set",
            "quote=",
            "--reason",
            "x",
        )
    )
    assert search(texts, "convoy") == []
    ok(cli("undo", "4"))
    ok(cli("undo", "3"))
    ok(cli("undo", "2"))
    assert search(texts, "convoy") == ["a"]
    assert search(texts, "pontoon") == []
    assert search(texts, "quiet") == ["c"]
    assert search(texts, "shelling") == []


def test_merge_and_unmerge_move_quotes_with_their_reports(cli: Any, texts: str) -> None:
    assert search(texts, "troops sapper") == []
    ok(cli("merge", "a", "b", "--reason", "same report"))
    assert search(texts, "troops sapper") == ["a"]
    assert search(texts, "sapper") == ["a"]
    assert search(texts, "drones") == ["b"]  # a merged claim keeps its words
    ok(cli("unmerge", "b"))
    assert search(texts, "troops sapper") == []
    assert search(texts, "sapper") == ["b"]


def test_a_later_import_is_indexed(cli: Any, texts: str, tmp_path: Path) -> None:
    later = [row(claim_key="d", claim="Strikes on 1 200 000 homes.", quote="Kharkiv grid")]
    ok(cli("import", str(write_csv(tmp_path / "later.csv", later))))
    assert search(texts, "1200000") == ["d"]
    assert search(texts, "kharkiv strikes") == ["d"]


def test_without_the_index_a_search_reads_every_claim(texts: str) -> None:
    with open_session(texts, write=True) as session:
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"DROP TABLE {WORDS_TABLE}"))
        else:
            for name in POSTGRESQL_INDEXES.values():
                conn.execute(text(f"DROP INDEX {name}"))
    with open_session(texts) as session:
        conn = session.connection()
        assert not search_index(conn)
        assert found(conn, "troops kursk", index=True) == ["a"]
        assert found(conn, ["5724", "quiet"], index=True) == ["b", "c"]


def test_what_the_index_is_asked() -> None:
    assert term("Troops").fts == '"troops" *'
    assert term("5").fts == '"5" *'
    assert term("60000").fts == '"60000" * OR "60 000" *'
    assert term("1200000").fts == '"1200000" * OR "1200 000" * OR "1 200000" * OR "1 200 000" *'
    assert term("U.S.").fts == '"u s"'
    assert term("pit").fts == '"pit" * OR "p\u0130t" * OR "p\u0131t" *'
    assert term("Курск").fts == '"курск" * OR "кур\u1c83к" *'
    assert term("!!").fts is None  # no word
    assert term("a_b").fts is None  # the tokenizer splits at _, re does not
    assert term("\U0001f9e8x").fts is None  # the tokenizer keeps emoji in words
    assert claim_words("A (b)", ["c", None]) == "A (b)\nc"
    assert claim_words("A \U0001f9e8b", []) == "A \U0001f9e8b\n\ue001"


# --- the index against the scan, on random words ---------------------------------------

WORDS = [
    "troop", "Troops", "TROOPS", "report", "port", "60", "000", "60,000", "60.000",
    "60\u00a0000", "160,000", "5724", "c15724", "5,724", "1", "12", "123", "ſtreet",
    "street", "STRASSE", "Straße", "Курск", "Курской", "İzmir", "izmir", "U.S.", "u.s",
    "100%", "_x_", "!bang", '"quoted"', "K", "\u212aelvin", "kelvin", "«Sumy»", "5km",
    "60000km", "a_b", "\ue000x", "ı", "Iİ", "e\u0301s", "²", "x²", "½", "Ⅻ", "ǅ",
    "\U0001f9e8troops", "\U0001f9e8", "\u0345", "ι", "Ι", "\u1c83к", "Сумы", "\u19b0x",
    "x\u19b0troop", "\ue001", "№5", "°5",
]  # fmt: skip
GLUE = [" ", "", ",", ".", "-", "'", "\u00a0", "\u2009", "’", "/"]
SEARCHES = [
    "troop", "troops", "port", "60000", "60", "000", "5724", "street", "str", "strasse",
    "straße", "курск", "izmir", "u.s.", "1", "12", "123", "100%", "_x_", "!bang", '"quoted',
    "kelvin", "sumy", "«sumy", "1600", "160000", "5", "60000", "a_b", "x", "i", "ii", "s",
    "b", "km", "60000km", "e", "dz", "ι", "сумы", "ск", "к", "troops", "\u19b0x", "№5",
]  # fmt: skip

texts_of = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), max_size=6).map(
    lambda parts: "".join(w + g for w, g in parts)
)
searches_of = st.lists(
    st.one_of(
        st.sampled_from(SEARCHES), st.text(st.sampled_from("tro5k0,.ſ K!%iİ_сι\u0345"), min_size=1)
    ),
    min_size=1,
    max_size=3,
).map(" ".join)


@pytest.fixture
def one_source(cli: Any, tmp_path: Path, db_url: str) -> Iterator[str]:
    ok(cli("import", str(write_csv(tmp_path / "one.csv", [row(claim_key="seed")]))))
    yield db_url


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    claims=st.lists(st.tuples(texts_of, st.lists(st.none() | texts_of, max_size=2)), max_size=6),
    query=searches_of,
)
def test_the_index_finds_what_the_scan_finds(
    one_source: str, claims: list[tuple[str, list[str | None]]], query: str
) -> None:
    with open_session(one_source, write=True) as session:
        conn = session.connection()
        source = conn.execute(text("SELECT MIN(id) FROM source")).scalar_one()
        ids = []
        for i, (words, quotes) in enumerate(claims):
            claim = conn.execute(
                text(
                    "INSERT INTO claim (key, text, category, status, created_at, updated_at) "
                    "VALUES (:k, :t, 'statement', 'active', :n, :n) RETURNING id"
                ),
                {"k": f"k{i}", "t": words, "n": now()},
            ).scalar_one()
            ids.append(claim)
            for j, quote in enumerate(quotes):
                conn.execute(
                    text(
                        "INSERT INTO attribution (claim_id, reported_claim_id, source_id, quote, "
                        "stance, credibility, fingerprint, created_at) "
                        "VALUES (:c, :c, :s, :q, 'asserts', 6, :f, :n)"
                    ),
                    {"c": claim, "s": source, "q": quote, "f": f"f{i}-{j}", "n": now()},
                )
        index_claims(conn, ids)
        assert found(conn, query, index=True) == found(conn, query, index=False)
        _check_index(conn)
        session.rollback()


# --- what the index assumes of the tokenizer ---------------------------------------------


def _words(texts: dict[int, str]) -> dict[int, list[str]]:
    """How FTS5 (migration 8's tokenizer) splits each text into words."""
    import sqlite3

    from provenance.db import _SEARCH_DDL_SQLITE

    conn = sqlite3.connect(":memory:")
    conn.execute(_SEARCH_DDL_SQLITE.replace(WORDS_TABLE, "t"))
    conn.executemany("INSERT INTO t (rowid, words) VALUES (?, ?)", list(texts.items()))
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, 'instance')")
    out: dict[int, list[str]] = {i: [] for i in texts}
    for word, doc, offset in conn.execute("SELECT term, doc, offset FROM temp.v"):
        out[doc].append((offset, word))
    conn.close()
    return {i: [w for _, w in sorted(ws)] for i, ws in out.items()}


def test_the_tokenizer_splits_words_where_the_index_expects() -> None:
    import re
    import sys

    from provenance.search import _SPLITTING
    from provenance.search_folds import SPLIT_WORD_CHARACTERS

    split = _words({ord(ch): f"a{ch}b" for ch in _SPLITTING})
    assert [chr(i) for i, ws in split.items() if ws != ["a", "b"]] == []
    word = [
        cp
        for cp in range(sys.maxunicode + 1)
        if not 0xD800 <= cp < 0xE000 and re.match(r"\w", chr(cp))
    ]
    kept = _words({cp: f"a{chr(cp)}b" for cp in word})
    splitting = {chr(cp) for cp, ws in kept.items() if len(ws) != 1}
    assert splitting <= set(SPLIT_WORD_CHARACTERS), "add to SPLIT_WORD_CHARACTERS"


def test_every_letter_re_takes_for_another_is_looked_up() -> None:
    import re
    import sys
    from collections import defaultdict

    from provenance.search_folds import OTHER_CASES

    letters = [
        cp for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000 and chr(cp).isalnum()
    ]
    fold = {
        i: (ws[0] if len(ws) == 1 else None)
        for i, ws in _words({cp: chr(cp) for cp in letters}).items()
    }
    lower = defaultdict(set)
    for cp in letters:
        lower[chr(cp).lower()].add(cp)
        lower[chr(cp).upper().lower()].add(cp)
    missing = {}
    for cp in letters:
        ch = chr(cp)
        near = lower[ch.lower()] | lower[ch.upper().lower()]
        looked_up = {fold.get(ord(x)) for x in (ch, *OTHER_CASES.get(ch, ""))}
        for other in near:
            if fold[other] not in looked_up and re.fullmatch("(?i)" + re.escape(ch), chr(other)):
                missing.setdefault(ch, set()).add(chr(other))
    assert missing == {}, "add to OTHER_CASES"
