"""What ``--search`` finds: every term of the search, each where a word starts, and a
number whatever its digits are grouped by.

A term of letters (or letters and digits) matches at the start of a word, so ``troop``
finds "troops" but ``port`` does not find "report", and ``5724`` is not found inside
``c15724``. A term of digits matches that whole number written with or without
thousands separators: ``60000`` finds "60000", "60,000", "60 000", "60.000" (German),
"60'000" (Swiss), with a no-break or thin space too; it does not find "160,000",
"60,0001" or "60k". A number's digits are what is searched for, not its value: "60k"
and "60 thousand" are words, found by searching for them as written.

Each term becomes a regular expression both SQLite (Python's ``re``, which SQLAlchemy
gives it as REGEXP) and PostgreSQL (``~*``) read the same way, and a LIKE pattern that
every match also matches, which narrows the rows cheaply before the expression runs.

Where the database has the words index (migration 8), a search first finds the claims
that may match every term there, and the LIKE and the expression read only those, so
what is found is the same with or without it. On SQLite the index is an FTS5 table of
each claim's words, its text and its quotes together (``index_claims`` keeps it), asked
for the words every match starts (``Term.fts``); on PostgreSQL, pg_trgm indexes of texts
and quotes serve each term's expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from sqlalchemy import Connection, bindparam, text

from provenance.bulk import expanding_text
from provenance.normalize import like_literal
from provenance.search_folds import OTHER_CASES, SPLIT_WORD_CHARACTERS

SEPARATORS = " ,.'’\u00a0\u202f\u2009"
"""What may group a number's digits in threes."""
_GROUP = f"[{SEPARATORS}]?"
_NOT_IN_A_WORD = r"(?<!\w)"
_NOT_AFTER_A_NUMBER = r"(?<![0-9][,.])"
_NOT_MORE_DIGITS = r"(?![0-9])(?![,.][0-9])"


@dataclass(frozen=True)
class Term:
    like: str
    """A ``LIKE … ESCAPE '!'`` pattern (lower case) that every match also matches."""
    regex: str
    """The expression, matched case-insensitively."""
    fts: str | None = None
    """An FTS5 query of the words index that every claim with a match also matches, or
    None when the index cannot narrow the term."""
    numbers: tuple[str, ...] = ()
    """For a number, how it may be written in the index (``60000``, ``60 000``): each
    followed by no more digits, which only the index's list of words can tell."""


def terms(search: str) -> list[Term]:
    """The terms of a search, each to be found in the text."""
    return [term(word) for word in search.split()]


def term(word: str) -> Term:
    word = word.lower()
    if word.isdigit() and word.isascii():
        return _number(word)
    return Term(f"%{like_literal(word)}%", _NOT_IN_A_WORD + re.escape(word), _word_query(word))


def _number(digits: str) -> Term:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    regex = _NOT_IN_A_WORD + _NOT_AFTER_A_NUMBER + _GROUP.join(groups) + _NOT_MORE_DIGITS
    # Each pair of neighbouring groups is one word ("60000") or two ("60,000").
    spellings = [
        groups[0]
        + "".join(("" if joined else " ") + g for joined, g in zip(j, groups[1:], strict=True))
        for j in product((True, False), repeat=len(groups) - 1)
    ]
    if len(spellings) > MAX_SPELLINGS:
        return Term("%" + "%".join(groups) + "%", regex)
    fts = " OR ".join(_phrase(s, prefix=True) for s in spellings)
    return Term("%" + "%".join(groups) + "%", regex, fts, tuple(spellings))


# --- the words index (SQLite) -----------------------------------------------------------
#
# FTS5's unicode61 tokenizer makes words of letters, digits and a few more characters
# (combining marks, private use, those unassigned in its tables); Python's ``\w`` is
# letters, digits and ``_``. A match starts after a character that is not ``\w``: where
# that character is one the tokenizer splits words at, the match starts a word of the
# index. A claim whose words hold any other character that is not ``\w`` is marked as
# odd (``ODD``) and is a candidate of every search.

WORDS_TABLE = "claim_words"
"""The FTS5 table of each claim's words (rowid: the claim's id)."""
POSTGRESQL_INDEXES = {"claim": "ix_claim_text_trgm", "attribution": "ix_attribution_quote_trgm"}
"""The pg_trgm indexes of ``lower(text)`` and ``lower(quote)`` on PostgreSQL."""
MAX_SPELLINGS = 64
"""A term written more ways than this is left to the expression."""
ODD = "\ue001"
"""The word added to a claim whose words the index may split other than the search
does (a private-use character: any claim holding one is odd itself)."""
_SPLITTING = "".join(
    ch
    for lo, hi in (
        (0x00, 0x7F),
        (0xA0, 0xBF),
        (0xD7, 0xD7),
        (0xF7, 0xF7),
        (0x2000, 0x2064),
        (0x20A0, 0x20B9),
        (0x2116, 0x2116),
        (0x3000, 0x3004),
        (0x3008, 0x3020),
    )
    for ch in map(chr, range(lo, hi + 1))
    if not re.match(r"\w", ch)
)
"""Characters that are not ``\\w`` and at which the tokenizer splits words (checked by
``tests/test_search_index.py``): spaces, punctuation, common symbols."""
_ODD_CHARACTER = re.compile("[^\\w" + "".join(re.escape(ch) for ch in _SPLITTING) + "]")


def _word_query(word: str) -> str | None:
    """The FTS5 query finding the claims where ``word`` may start a word: its runs of
    word characters as consecutive words, the last one possibly longer; each letter also
    as the letters ``re`` takes for it that the tokenizer does not fold to it. None when
    the term holds a character the index may not split at as the search does."""
    if _ODD_CHARACTER.search(word) or not re.search(r"\w", word):
        return None
    if any(ch in SPLIT_WORD_CHARACTERS for ch in word):
        return None
    runs = " ".join(re.findall(r"\w+", word))
    choices = [(ch, *OTHER_CASES.get(ch, "")) for ch in runs]
    count = 1
    for c in choices:
        count *= len(c)
    if count > MAX_SPELLINGS:
        return None
    prefix = re.match(r"\w", word[-1]) is not None
    return " OR ".join(_phrase("".join(s), prefix=prefix) for s in product(*choices))


def _phrase(words: str, *, prefix: bool) -> str:
    return '"' + words.replace('"', '""') + '"' + (" *" if prefix else "")


def words_query(conn: Connection, search_terms: Sequence[Term]) -> str | None:
    """The FTS5 query for the claims that may hold every term (odd claims included), or
    None when no term can be looked up. A number's last group is looked up as the words
    of the index it starts that go on with no digit ("5", "5km", not "50")."""
    queries = []
    for t in search_terms:
        if t.numbers:
            queries.append(f"({_number_query(conn, t)})")
        elif t.fts is not None:
            queries.append(f"({t.fts})")
    if not queries:
        return None
    return f'({" AND ".join(queries)}) OR "{ODD}"'


_VOCABULARY = "claim_words_vocabulary"
MAX_ENDINGS = 64
"""Beyond this many words a number's last group may end, it is looked up as a prefix."""


def _number_query(conn: Connection, t: Term) -> str:
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_VOCABULARY} "
        f"USING fts5vocab(main, {WORDS_TABLE}, 'row')"
    )
    phrases = []
    for spelling in t.numbers:
        head, _, last = spelling.rpartition(" ")
        # After the digits: ':' is the character after '9', so what follows sorts past it.
        upper = last[:-1] + chr(ord(last[-1]) + 1)
        endings = (
            conn.execute(
                text(
                    f"SELECT term FROM temp.{_VOCABULARY} WHERE term >= :lo AND term < :hi LIMIT :n"
                ),
                {"lo": last + ":", "hi": upper, "n": MAX_ENDINGS + 1},
            )
            .scalars()
            .all()
        )
        if len(endings) > MAX_ENDINGS:
            phrases.append(_phrase(spelling, prefix=True))
            continue
        for word in [last, *endings]:
            phrases.append(_phrase(f"{head} {word}".strip(), prefix=False))
    return " OR ".join(phrases)


def claim_words(text_: str, quotes: Iterable[str | None]) -> str:
    """What the index holds for a claim: its text and its quotes, one a line, and
    ``ODD`` when they hold a character the index may split at otherwise."""
    words = "\n".join([text_, *(q for q in quotes if q)])
    return words + "\n" + ODD if _ODD_CHARACTER.search(words) else words


def search_index(conn: Connection) -> bool:
    """Whether this database has the words index. Migration 8 creates it where the
    backend offers it (SQLite with FTS5, PostgreSQL with pg_trgm); without it a search
    reads every claim."""
    if conn.dialect.name == "sqlite":
        sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN :names"
        names = [WORDS_TABLE]
    else:
        sql = (
            "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname IN :names"
        )
        names = list(POSTGRESQL_INDEXES.values())
    params = {"names": names}
    return int(conn.execute(expanding_text(sql, params), params).scalar_one()) == len(names)


def postgresql_indexed(t: Term) -> bool:
    """Whether pg_trgm can narrow the term: it holds three word characters in a row, so
    its expression has trigrams to look up (pg_trgm reads the expression itself)."""
    return re.search(r"\w{3}", t.like) is not None


INDEX_BATCH = 2000


def index_claims(conn: Connection, claim_ids: Iterable[int] | None = None) -> None:
    """Write the words index entries of these claims (all claims with None) from their
    text and quotes as they stand. The only writer of the index: every writer of a
    claim's text, a quote, or which claim a report belongs to calls it. Nothing to do on
    PostgreSQL (its indexes follow the rows) or without the index."""
    if conn.dialect.name != "sqlite" or not search_index(conn):
        return
    if claim_ids is None:
        conn.exec_driver_sql(f"DELETE FROM {WORDS_TABLE}")
        _write_words(conn, None)
        return
    ids = sorted(set(claim_ids))
    for i in range(0, len(ids), INDEX_BATCH):
        chunk = ids[i : i + INDEX_BATCH]
        params = {"ids": chunk}
        conn.execute(
            expanding_text(f"DELETE FROM {WORDS_TABLE} WHERE rowid IN :ids", params), params
        )
        _write_words(conn, chunk)


def index_batch(conn: Connection, batch_id: int) -> None:
    """Index the claims an import wrote or gave new reports to."""
    rows = conn.execute(
        text(
            "SELECT id FROM claim WHERE batch_id = :b "
            "UNION SELECT claim_id FROM attribution WHERE batch_id = :b"
        ),
        {"b": batch_id},
    )
    index_claims(conn, [r[0] for r in rows])


def index_written(conn: Connection, entity: str, row_id: int, values: dict[str, Any]) -> None:
    """After an edit of a claim's text or a report's quote: index that claim again."""
    if entity == "claim" and "text" in values:
        index_claims(conn, [row_id])
    elif entity == "attribution" and "quote" in values:
        owner = conn.execute(text("SELECT claim_id FROM attribution WHERE id = :i"), {"i": row_id})
        index_claims(conn, [r[0] for r in owner])


def _write_words(conn: Connection, ids: list[int] | None) -> None:
    sql = (
        "SELECT c.id, c.text, a.quote FROM claim c LEFT JOIN attribution a "
        "ON a.claim_id = c.id AND a.quote IS NOT NULL"
    )
    if ids is None:
        stmt = text(sql + " ORDER BY c.id, a.id")
    else:
        stmt = text(sql + " WHERE c.id IN :ids ORDER BY c.id, a.id").bindparams(
            bindparam("ids", expanding=True)
        )
    rows: list[tuple[int, str]] = []
    current: tuple[int, str] | None = None
    quotes: list[str | None] = []
    for claim_id, claim_text, quote in conn.execute(stmt, {"ids": ids} if ids else {}):
        if current is None or current[0] != claim_id:
            if current is not None:
                rows.append((current[0], claim_words(current[1], quotes)))
            current, quotes = (claim_id, claim_text), []
        quotes.append(quote)
        if len(rows) >= INDEX_BATCH:
            _insert_words(conn, rows)
            rows = []
    if current is not None:
        rows.append((current[0], claim_words(current[1], quotes)))
    _insert_words(conn, rows)


def _insert_words(conn: Connection, rows: list[tuple[int, str]]) -> None:
    if rows:
        conn.exec_driver_sql(f"INSERT INTO {WORDS_TABLE} (rowid, words) VALUES (?, ?)", rows)
