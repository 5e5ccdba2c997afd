"""What makes two claims speak of the same measure, and the blocked pairing both
``conflicts`` and ``dedupe`` use.

Two claims are compared only when they have the same category and unit, subject and
metric that match after normalisation (case, punctuation, word order, a small synonym
table, then rapidfuzz ``token_sort_ratio`` >= ``MATCH_THRESHOLD`` between the distinct
normalised strings), the same location when both give one, and ``as_of`` spans that
come within the window of each other (a claim dated to a month matches the days in it).

Nothing compares all pairs: claims are grouped by measure, each group is sorted by
date, and a sweep pairs only claims whose dates fall within the window. Fuzzy matching
runs on the distinct normalised strings of one category, not on claims.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, bindparam, text

from provenance import db, figure_words, lexicon, organisations, quantities, sides, workers
from provenance.bulk import chunks, stream_batches
from provenance.cues import Cues, Reading, read_words, tokens, version
from provenance.folding import fold_word, script_of
from provenance.normalize import ascii_slug, fold, short_hash
from provenance.progress import Progress, ignore

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

NO_CUES = Cues(frozenset(), frozenset(), frozenset(), False, "")
ASSERTED = frozenset({"asserts"})
DENIED_ONLY = frozenset({"denies"})


@lru_cache(maxsize=262_144)
def interval(q: quantities.Quantity, tolerance: float) -> quantities.Interval:
    """``quantities.interval``, memoised: one figure takes part in many comparisons."""
    return quantities.interval(q, tolerance)


DEFAULT_WINDOW_DAYS = 7
"""Claims this many days apart (or closer) speak of the same moment."""
DEFAULT_TOLERANCE = 0.10
"""The slack of "about N" and of figures compared for agreement."""
MATCH_THRESHOLD = 90
"""rapidfuzz token_sort_ratio (0-100) at which two normalised subjects (or metrics,
or locations) name the same thing: tolerates typos and inflection, not other words."""
FUZZY_ALL_PAIRS_LIMIT = 3000
"""Up to this many distinct strings in a block are compared all-pairs (in C, fast);
larger blocks are split by each string's rarest word first."""

_T = TypeVar("_T")
TextFeatures = tuple[str, frozenset[str], frozenset[str], frozenset[str]]
"""A claim text's comparable form, meaning-flipping words, countries and ``canon`` words
(``text_features``)."""


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """Stopwords, synonyms and meaning-flipping words for labels and claim words
    (``[measures.labels]`` of the English lexicon, the language coders label in)."""
    table = lexicon.section("en", "measures")["labels"]
    return frozenset(table["stopwords"]), dict(table["synonyms"]), frozenset(table["flips"])


@lru_cache(maxsize=262_144)
def canon(value: str | None) -> str:
    """Normalised form: lower case, no accents or punctuation, synonyms, sorted words.
    Words are split and folded as country names are (``sides.split``), so that a label's
    country is found in any script."""
    if not value:
        return ""
    return " ".join(sorted(_canon_words(sides.labelled(sides.split(value)))))


def _canon_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for word in words for w in _canon_word(word))


@lru_cache(maxsize=262_144)
def _canon_word(word: str) -> tuple[str, ...]:
    """One word of ``canon``: none for a stopword, else its synonym's words (a plural
    read as its singular), memoised: texts share most of their words."""
    stopwords, synonyms, _ = _labels()
    if word in stopwords:
        return ()
    word = synonyms.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = synonyms.get(word[:-1], word[:-1])
    return tuple(word.split())


@dataclass(slots=True)
class ClaimPoint:
    """The fields of a claim that comparisons need, compactly."""

    id: int
    key: str
    text: str
    category: str
    subject: str
    metric: str
    location: str
    start: int
    end: int
    quantity: quantities.Quantity | None
    language: str | None
    origins: frozenset[int] = frozenset()
    origin_words: frozenset[str] = frozenset()
    named_origins: bool = False
    documents: frozenset[int] = frozenset()
    stances: frozenset[str] = ASSERTED
    cues: Cues = NO_CUES
    text_figure: quantities.Quantity | None = None
    rare_words: frozenset[str] = frozenset()
    twins: list[ClaimPoint] = field(default_factory=list)
    """Claims that say exactly what this one says (``collapse_twins``)."""
    measure: str = ""
    """The key of the claim's measure: read from its words (``auto_key``), unless a user
    moved the claim or merged its measure into another (``Decisions``)."""
    pinned: bool = False
    """A user put the claim in its measure: it is compared within that measure only."""
    read_text: TextFeatures | None = None
    """``text_features`` of the text, once asked for (``words_of``)."""

    @property
    def figure(self) -> quantities.Quantity | None:
        """The claim's quantity, or else the first figure its text states."""
        return self.quantity or self.text_figure

    @property
    def has_date(self) -> bool:
        return self.start > 0

    @property
    def denies(self) -> bool:
        """Only denied by its sources, or worded as a denial of another claim."""
        return self.stances == DENIED_ONLY or (self.cues.denial and "denies" not in self.stances)


READING = "reading claims"
COMPARING = "comparing claims"
_CLAIM_COLUMNS = (
    "c.id, c.key, c.text, c.category, c.subject, c.metric, c.location, c.as_of_start, "
    "c.as_of_end, c.quantity, c.qualifier, c.value, c.low, c.high, c.unit, c.unit_written, "
    "c.dimension, c.precision, c.language"
)
_WITH_READINGS = (
    f"SELECT {_CLAIM_COLUMNS}, k.digest, k.concepts, k.scopes, k.named, k.written, k.denial, "
    "k.script FROM claim c LEFT JOIN claim_cues k ON k.claim_id = c.id"
)
_LOAD_SQL = f"{_WITH_READINGS} WHERE c.status = 'active'"


def load_points(
    conn: Connection, on_progress: Progress = ignore, *, ids: Sequence[int] | None = None
) -> list[ClaimPoint]:
    """Every active claim (or those of ``ids``) as a ClaimPoint, streamed from the
    database, with its origins, documents, stances and what its words say (``cues``: the
    reading stored at import while it is current, else read now)."""
    total = None
    if on_progress is not ignore:
        total = conn.execute(text("SELECT COUNT(*) FROM claim WHERE status = 'active'")).scalar()
        on_progress(READING, 0, total)
    points = _PointReader(_ClaimReports(conn, ids), _name_words(conn))
    out: list[ClaimPoint] = []
    sql, params = _only(_LOAD_SQL, "c.id", ids)
    for rows in stream_batches(conn, sql + " ORDER BY c.id", params):
        if out:
            on_progress(READING, len(out), total)
        out.extend(map(points.point, rows))
    points.read_stale()
    _attach_rare_words(out)
    assign(out, load_decisions(conn))
    on_progress(READING, len(out), total)
    return out


_Figure = tuple[quantities.Quantity | None, str | None, tuple[str, ...]]
"""A claim's quantity, its text as written and its digits (``_figure_digits``)."""
_NO_FIGURE: _Figure = (None, None, ())
"""Of a claim without a qualifier (``_quantity``)."""


class _PointReader:
    """Makes a ClaimPoint of each row of ``_LOAD_SQL``. What many rows repeat is worked
    out once: a figure (its columns), a stored reading, the figure of a text."""

    def __init__(self, reports: _ClaimReports, exclude: frozenset[str]) -> None:
        self.reports = reports
        self.exclude = exclude
        self.figures: dict[tuple[Any, ...], _Figure] = {}
        self.readings: dict[tuple[Any, ...], Cues] = {}
        self.text_figures: dict[tuple[str, str | None, str | None], quantities.Quantity | None]
        self.text_figures = {}
        self.stale: list[tuple[ClaimPoint, _Inputs]] = []
        """Claims whose stored reading is not current, read once all are loaded."""

    def point(self, r: Sequence[Any]) -> ClaimPoint:
        """The claim of a row, its fields given in their order (by name, they would cost
        a second a million claims)."""
        figure = self.figure(r)
        quantity = figure[0]
        inputs = _reading_inputs(r, figure)
        point = ClaimPoint(
            r[0],
            r[1],
            r[2],
            sys.intern(r[3]),
            canon(r[4]),
            canon(r[5]),
            canon(r[6]),
            _ordinal(r[7]),
            _ordinal(r[8]),
            quantity,
            _shared_text(r[18]),
            *self.reports.of(r[0]),
            self.cues(r[19], tuple(r[20:]), inputs),
            None if quantity else self.text_figure(r[2], r[18], r[9]),
        )
        if point.cues is _UNREAD:
            self.stale.append((point, inputs))
        return point

    def figure(self, r: Sequence[Any]) -> _Figure:
        """The quantity of a row's figure columns (``_quantity``), its text and digits."""
        if r[10] is None:
            return _NO_FIGURE
        columns = tuple(r[9:18])
        known = self.figures.get(columns)
        if known is None:
            known = self.figures[columns] = _figure_of(columns)
        return known

    def text_figure(
        self, claim_text: str, language: str | None, written: str | None
    ) -> quantities.Quantity | None:
        """``figure_in_text``: one wording may be dated many times."""
        key = (claim_text, language, written)
        if key not in self.text_figures:
            self.text_figures[key] = figure_in_text(claim_text, language, written)
        return self.text_figures[key]

    def cues(self, digest: str | None, stored: tuple[Any, ...], inputs: _Inputs) -> Cues:
        """The stored reading while its digest is that of the claim's inputs, else
        ``_UNREAD``: the claim's words are read with the others' (``read_stale``)."""
        if digest is None or digest != _reading_digest(inputs):
            return _UNREAD
        return self.stored_cues(stored)

    def stored_cues(self, stored: tuple[Any, ...]) -> Cues:
        """The cues of a reading's stored values, once for each distinct reading."""
        cues = self.readings.get(stored)
        if cues is None:
            cues = self.readings[stored] = _stored_reading((None, *stored)).cues(self.exclude)
        return cues

    def read_stale(self) -> None:
        """Read the words of the claims without a current reading, as ``store_readings``
        does, on every core once there are many: after an upgrade of the reader every
        stored reading is stale until a command writes, and a command that only reads
        would otherwise read every claim in its own process, on each run."""
        pages = ((page, [inputs for _, inputs in page]) for page in chunks(self.stale, STORE_BATCH))
        for page, values in workers.spread(read_inputs, pages, after=PARALLEL_AFTER, size=len):
            for (point, _), read_values in zip(page, values, strict=True):
                point.cues = self.stored_cues(tuple(read_values[2:]))
        self.stale.clear()


_UNREAD = Cues(frozenset(), frozenset(), frozenset(), False, "")
"""The cues of a claim loaded before its words are read (``_PointReader.read_stale``)."""


def _one(shared: dict[Any, Any], value: Any) -> Any:
    """The object equal to ``value`` already in ``shared``, else ``value``, now shared."""
    return shared.setdefault(value, value)


def _shared_text(value: str | None) -> str | None:
    """A short value repeated across rows (a category, a language, a unit), held once."""
    return sys.intern(value) if value else value


_Inputs = tuple[str, str | None, tuple[str, ...], str | None, str | None, str | None, str | None]
_SEP = "|"


def _reading_inputs(r: Sequence[Any], figure: _Figure) -> _Inputs:
    """What a claim's reading depends on: text, figure as written and its digits,
    subject, metric, location, language (row in ``_CLAIM_COLUMNS`` order)."""
    _, qtext, digits = figure
    return (r[2], qtext, digits, r[4], r[5], r[6], r[18])


def _figure_of(columns: Sequence[object]) -> _Figure:
    """The quantity of a row's figure columns (``_quantity``), its text and digits."""
    quantity = _quantity(columns)
    return (quantity, quantity.text if quantity else None, _figure_digits(quantity))


def _reading_options(inputs: _Inputs) -> dict[str, Any]:
    _, qtext, figure, subject, metric, location, language = inputs
    return {
        "quantity_text": qtext,
        "figure": figure,
        "subject": subject,
        "metric": metric,
        "location": location,
        "language": language,
    }


def _reading_digest(inputs: _Inputs) -> str:
    """A digest of a reading's inputs and of the reader's version (``cues.version``)."""
    return _digest(version(), inputs)


_DIGEST_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""``json.dumps`` with these options, built once rather than per claim."""


def _digest(reader: str, inputs: _Inputs) -> str:
    """Not memoised: each claim's inputs are digested once per run, and a cache would hold
    every claim's text."""
    try:
        data = _digest_text(reader, inputs)
    except TypeError:
        data = _DIGEST_JSON.encode([reader, *inputs])
    return hashlib.sha1(data.encode("utf-8"), usedforsecurity=False).hexdigest()[:24]


_quoted = json.encoder.encode_basestring
"""A string as ``_DIGEST_JSON`` writes it (the encoder of ``ensure_ascii=False``)."""


def _digest_text(reader: str, inputs: _Inputs) -> str:
    """``_DIGEST_JSON.encode([reader, *inputs])`` written out for inputs as the database
    gives them (strings or None, the digits a tuple of strings), at half the encoder's
    cost; a TypeError for a value of any other type."""
    text, qtext, digits, subject, metric, location, language = inputs
    q = _quoted
    return (
        f"[{q(reader)},{q(text)},{'null' if qtext is None else q(qtext)},"
        f"[{','.join(map(q, digits))}],{'null' if subject is None else q(subject)},"
        f"{'null' if metric is None else q(metric)},"
        f"{'null' if location is None else q(location)},"
        f"{'null' if language is None else q(language)}]"
    )


def _stored_reading(stored: Sequence[Any]) -> Reading:
    _, concepts, scopes, named, written, denial, script = stored
    words = _stored_words
    return Reading(
        words(concepts), words(scopes), words(named), words(written), bool(denial), str(script)
    )


@lru_cache(maxsize=65_536)
def _stored_words(value: str) -> frozenset[str]:
    """The words of a stored column, memoised: most readings share their concepts and
    scopes, many their places."""
    return frozenset(value.split(_SEP)) if value else frozenset()


STORE_BATCH = 5_000


def store_readings(conn: Connection, claim_ids: Sequence[int] | None = None) -> int:
    """Store what the words of claims say (``cues.read_words``), so later runs need not
    read them: the given claims, or every claim without a reading by the current reader.
    The only writer of ``claim_cues``; returns how many readings were written. Claims
    are read and stored a page at a time, so memory does not grow with the archive."""
    written = 0
    _READ_BEFORE.clear()
    for rows, values in _readings(_unread_pages(conn, claim_ids)):
        written += _write_readings(conn, rows, values)
    _READ_BEFORE.clear()
    return written


def _write_readings(conn: Connection, rows: _Page, values: list[_Values]) -> int:
    """Store the values read for a page of claims: the only writer of ``claim_cues``."""
    fresh: list[tuple[Any, ...]] = []
    stale: list[dict[str, Any]] = []
    for r, v in zip(rows, values, strict=True):
        if r[19] is None:
            fresh.append((r[0], *v))
        else:
            stale.append(dict(zip(_READING_FIELDS, (r[0], *v), strict=True)))
    db.bulk_insert(conn, "claim_cues", _READING_FIELDS, fresh)
    if stale:
        sets = ", ".join(f"{f} = :{f}" for f in _READING_FIELDS[1:])
        conn.execute(text(f"UPDATE claim_cues SET {sets} WHERE claim_id = :claim_id"), stale)
    return len(fresh) + len(stale)


class ReadingsAhead:
    """Reads the words of the claims a bulk import has written while it goes on writing:
    after each of its batches the new claims go to worker processes, and their readings
    are stored as they come back, so the import's own process no longer waits for them
    at the end (``store_readings`` then finds only what is left). A claim the import
    changes after it was sent (a field filled in by a later row) must be read again:
    ``store_readings`` with its id. Use as a context manager: leaving it stops the
    workers, what was read but not stored is dropped with the import's transaction."""

    AHEAD = 8
    """Batches sent and not yet stored before the import waits for the oldest."""

    def __init__(self, batch_id: int) -> None:
        self.batch_id = batch_id
        self.last = 0
        self.pending: deque[tuple[_Page, list[_Inputs], list[_Inputs], Future[list[_Values]]]]
        self.pending = deque()
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ReadingsAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)
            self.executor = None

    def feed(self, conn: Connection) -> None:
        """Send the claims written since the last call, and store what is read."""
        sql = _TO_READ + "WHERE c.batch_id = :b AND c.id > :last ORDER BY c.id"
        rows = conn.execute(text(sql), {"b": self.batch_id, "last": self.last}).all()
        if rows:
            self.last = rows[-1][0]
            inputs, distinct = _page_inputs(rows)
            if self.executor is None:
                self.executor = workers.pool(max(1, workers.cores() - 1))
            future = self.executor.submit(read_inputs, distinct)
            self.pending.append((rows, inputs, distinct, future))
        self._store(conn, wait=len(self.pending) > self.AHEAD)

    def finish(self, conn: Connection) -> None:
        """Store every reading still to come."""
        self.feed(conn)
        while self.pending:
            self._store(conn, wait=True)

    def _store(self, conn: Connection, *, wait: bool) -> None:
        while self.pending and (wait or self.pending[0][3].done()):
            rows, inputs, distinct, future = self.pending.popleft()
            _write_readings(conn, rows, _each(inputs, distinct, future.result()))
            wait = False


def refresh_readings(conn: Connection) -> int:
    """Store the readings a newer reader has made stale (``cues.version`` changes with the
    code and lexicons that read words), so that dedupe and conflicts do not read every
    claim again on each run; returns how many were written. Finding none stale costs one
    scan of the stored readings' versions."""
    stale = text("SELECT 1 FROM claim_cues WHERE version != :v LIMIT 1")
    if conn.execute(stale, {"v": version()}).first() is None:
        return 0
    return store_readings(conn)


_Page = Sequence[Sequence[Any]]
_Values = tuple[Any, ...]


def _readings(pages: Iterator[_Page]) -> Iterator[tuple[_Page, list[_Values]]]:
    """Each page of claims with the values to store for each of its claims, read in worker
    processes once there are many (``workers.spread``)."""
    work = workers.spread(read_inputs, _shipped(pages), after=PARALLEL_AFTER, size=len)
    for (rows, inputs, distinct), values in work:
        yield rows, _each(inputs, distinct, values)


PARALLEL_AFTER = STORE_BATCH
"""Claims read here before the rest go to worker processes: a page, about half a second."""


def _shipped(
    pages: Iterator[_Page],
) -> Iterator[tuple[tuple[_Page, list[_Inputs], list[_Inputs]], list[_Inputs]]]:
    """Each page with its claims' reading inputs, and the distinct ones: those alone are
    read (in a worker process, once there are many)."""
    for rows in pages:
        inputs, distinct = _page_inputs(rows)
        yield (rows, inputs, distinct), distinct


def _page_inputs(rows: _Page) -> tuple[list[_Inputs], list[_Inputs]]:
    """What each claim's reading depends on, and the distinct inputs: claims with the same
    words (one wording on other dates) are read once."""
    inputs = [_reading_inputs(r, _figure_of(r[9:18])) for r in rows]
    return inputs, list(dict.fromkeys(inputs))


def _each(inputs: list[_Inputs], distinct: list[_Inputs], values: list[_Values]) -> list[_Values]:
    """The values read for the distinct inputs, given to each claim of the page."""
    by_inputs = dict(zip(distinct, values, strict=True))
    return [by_inputs[i] for i in inputs]


def _read_page(inputs: list[_Inputs], memo: dict[_Inputs, _Values]) -> list[_Values]:
    """The values to store for each claim of a page; claims with the same words (one
    wording on other dates) are read once."""
    if len(memo) > _READ_BEFORE_LIMIT:
        memo.clear()
    out = []
    for i in inputs:
        values = memo.get(i)
        if values is None:
            values = memo[i] = _stored_values(i)
        out.append(values)
    return out


_READ_BEFORE: dict[_Inputs, _Values] = {}
"""Values read by this process, across the pages of one ``store_readings`` call and, in a
worker process, across the pages it is given."""


def read_inputs(page: list[_Inputs]) -> list[_Values]:
    """The values to store for each reading input of a page (a public name, so that a
    worker process can be given it)."""
    return _read_page(page, _READ_BEFORE)


_READ_BEFORE_LIMIT = 100_000


def _stored_values(inputs: _Inputs) -> tuple[Any, ...]:
    reading = read_words(inputs[0], **_reading_options(inputs))
    return (
        version(),
        _reading_digest(inputs),
        _SEP.join(sorted(reading.concepts)),
        _SEP.join(sorted(reading.scopes)),
        _SEP.join(sorted(reading.named)),
        _SEP.join(sorted(reading.written)),
        int(reading.denial),
        reading.script,
    )


_TO_READ = (
    f"SELECT {_CLAIM_COLUMNS}, k.claim_id FROM claim c LEFT JOIN claim_cues k ON k.claim_id = c.id "
)
"""Claims with what their reading depends on, and whether one is stored (``k.claim_id``)."""


def _unread_pages(
    conn: Connection, claim_ids: Sequence[int] | None
) -> Iterator[Sequence[Sequence[Any]]]:
    """The claims to read, ``STORE_BATCH`` at a time: the given ones, or those without a
    reading by the current reader, in id order, each page a query of its own (what the
    page before stored is not being read meanwhile)."""
    sql = _TO_READ
    if claim_ids is not None:
        ids = sorted(set(claim_ids))
        stmt = text(sql + "WHERE c.id IN :ids").bindparams(bindparam("ids", expanding=True))
        for i in range(0, len(ids), STORE_BATCH):
            yield conn.execute(stmt, {"ids": ids[i : i + STORE_BATCH]}).all()
        return
    page = text(
        sql + "WHERE (k.claim_id IS NULL OR k.version != :v) AND c.id > :last "
        "ORDER BY c.id LIMIT :n"
    )
    last = 0
    while rows := conn.execute(page, {"v": version(), "last": last, "n": STORE_BATCH}).all():
        yield rows
        last = rows[-1][0]


def altered_readings(conn: Connection) -> Iterator[str]:
    """Claims whose stored reading, current by its digest, is not what their words say
    when read again: the stored row was changed behind provenance's back."""
    rows = conn.execute(
        text(f"{_WITH_READINGS} ORDER BY c.key").execution_options(
            stream_results=True, yield_per=20_000
        )
    )
    for r in rows:
        inputs = _reading_inputs(r, _figure_of(r[9:18]))
        stored = r[19:]
        if stored[0] is None or stored[0] != _reading_digest(inputs):
            continue
        if _stored_reading(stored) != read_words(inputs[0], **_reading_options(inputs)):
            yield f"claim {r[1]!r}: its stored reading differs from what its words say"


_READING_FIELDS = (
    "claim_id",
    "version",
    "digest",
    "concepts",
    "scopes",
    "named",
    "written",
    "denial",
    "script",
)


_TEXT_NUMBER = re.compile(r"\d{1,3}(?:[ ,.'’\u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def figure_in_text(
    claim_text: str, language: str | None, quantity_text: str | None = None
) -> quantities.Quantity | None:
    """The figure a claim's text states with its hedge ("rejected claims that more than
    400 people were killed"), for claims whose quantity is not given or could not be
    read: the first one whose digits the coder's unread quantity text holds ("Some think
    it's at 150,000" picks 150,000 out of "by a factor of 10 or 15; ... at 150,000"),
    else the first one. A year is not a figure. Read with up to three words before it and
    one after."""
    wanted = {re.sub(r"\D", "", m.group()) for m in _TEXT_NUMBER.finditer(quantity_text or "")}
    numbers = [m for m in _TEXT_NUMBER.finditer(claim_text) if not _YEAR.fullmatch(m.group())]
    chosen = [m for m in numbers if re.sub(r"\D", "", m.group()) in wanted] or numbers[:1]
    for m in chosen[:1]:
        before = claim_text[: m.start()].split()[-3:]
        after = claim_text[m.end() :].split()[:1]
        for start in range(len(before) + 1):
            phrase = " ".join([*before[start:], m.group(), *after]).strip(" ,.;:()\"'")
            q = quantities.parse_quantity(phrase, language)
            if q is not None:
                return q
    return None


RARE_SHARE = 0.01
"""A word found in at most this share of claims (and at least two) names something."""


def _attach_rare_words(points: list[ClaimPoint]) -> None:
    """Words of four letters or more that few claims share, for claims written in scripts
    without capitals, where place names cannot be told by their case."""
    uncased = [p for p in points if p.cues.script not in ("latin", "cyrillic", "greek")]
    words_of = {
        p.id: {w for w in map(fold_word, tokens(p.text)) if len(w) >= 4 and w.isalpha()}
        for p in uncased
    }
    frequency: dict[str, int] = defaultdict(int)
    for words in words_of.values():
        for w in words:
            frequency[w] += 1
    limit = max(2, int(RARE_SHARE * len(points)))
    for p in uncased:
        p.rare_words = frozenset(w for w in words_of[p.id] if frequency[w] <= limit)


_REPORTS_SQL = (
    "SELECT a.claim_id, a.source_id, a.document_id, a.stance FROM attribution a "
    "JOIN source s ON s.id = a.source_id"
)
"""Every claim's reports: those of claims that are not active are read too, and never
asked for (leaving them out would look up each report's claim, a third of the query)."""
_SOURCES_SQL = "SELECT id, COALESCE(merged_into_id, id), name, affiliation, named FROM source"

_Origins = tuple[frozenset[int], frozenset[str], bool]
"""The origins of some sources, their distinctive name words, whether one is named."""
_Reports = tuple[frozenset[int], frozenset[str], bool, frozenset[int], frozenset[str]]
"""A claim's origins, their name words, whether one is named, its documents, stances."""
_NO_REPORTS: _Reports = (frozenset(), frozenset(), False, frozenset(), ASSERTED)


def _only(sql: str, column: str, ids: Sequence[int] | None) -> tuple[str, dict[str, object]]:
    """The query narrowed to the rows whose ``column`` is one of ``ids`` (when given)."""
    if ids is None:
        return sql, {}
    return f"{sql} AND {column} IN :ids", {"ids": list(ids)}


class _ClaimReports:
    """Each claim's reports (origin, the origin's distinctive name words, whether it is
    named, the document and the stance), read in two queries: the reports by source id,
    and the sources, whose name words are read once for each set of sources claims have.
    Claims with equal sets of origins, or of stances, share one object."""

    def __init__(self, conn: Connection, ids: Sequence[int] | None) -> None:
        sql, params = _REPORTS_SQL, {}
        if ids is not None:
            sql, params = f"{sql} WHERE a.claim_id IN :ids", {"ids": list(ids)}
        self.rows: dict[int, list[Sequence[Any]]] = {}
        rows = self.rows
        for batch in stream_batches(conn, sql, params):
            for row in batch:
                own = rows.get(row[0])
                if own is None:
                    rows[row[0]] = [row]
                else:
                    own.append(row)
        self.sources = {r[0]: tuple(r[1:]) for r in conn.execute(text(_SOURCES_SQL))}
        self.origins: dict[frozenset[int], _Origins] = {}
        self.stances: dict[tuple[str, ...], frozenset[str]] = {}
        self.shared: dict[Any, Any] = {}

    def of(self, claim_id: int) -> _Reports:
        """The claim's reports, summed up as a ClaimPoint holds them (asked once a claim:
        its rows are let go)."""
        own = self.rows.pop(claim_id, None)
        if own is None:
            return _NO_REPORTS
        _, sources, documents, stances = zip(*own, strict=True)
        held = frozenset(documents)
        if None in held:
            held = held.difference((None,))
        return (*self._origins(frozenset(sources)), held, self._stances(stances))

    def _origins(self, sources: frozenset[int]) -> _Origins:
        known = self.origins.get(sources)
        if known is None:
            each = [self.sources[s] for s in sources]
            words = (
                origin_words(f"{name} {affiliation or ''}") for _, name, affiliation, _ in each
            )
            known = (
                _one(self.shared, frozenset(origin for origin, *_ in each)),
                _one(self.shared, frozenset().union(*words)),
                any(named for *_, named in each),
            )
            self.origins[sources] = known
        return known

    def _stances(self, stances: tuple[str, ...]) -> frozenset[str]:
        known = self.stances.get(stances)
        if known is None:
            known = self.stances[stances] = _one(self.shared, frozenset(stances))
        return known


PARTY_KINDS = ("government", "military", "intelligence_agency", "official")
"""Sources whose names carry a side ("Russian Ministry of Defence", "Sudanese army"):
their words stay readable as places and parties in a claim's text."""


def _name_words(conn: Connection) -> frozenset[str]:
    """Words of the names of organisations, people and outlets that are not a side in the
    conflict: capitalised in a claim's text ("citing Acled", "told Reuters"), they name
    who speaks, not where or whose. So do the names of the people who speak for a side
    (``person_words``): a spokesman's name is no place."""
    words: set[str] = set()
    kinds = ", ".join(f"'{k}'" for k in PARTY_KINDS)
    for (value,) in conn.execute(
        text(
            f"SELECT name FROM source WHERE kind NOT IN ({kinds}) "
            f"UNION SELECT affiliation FROM source WHERE kind NOT IN ({kinds}) "
            "UNION SELECT outlet FROM document"
        )
    ):
        words.update(fold_word(w) for w in tokens(value))
    for (value,) in conn.execute(text(f"SELECT DISTINCT name FROM source WHERE kind IN ({kinds})")):
        words.update(person_words(value))
    return frozenset(words)


_NAME_END = re.compile(r"[,(\[;:،]")
PERSON_WORDS = (2, 4)
"""How many words a person's name has: a given name and a surname or two, a patronymic."""


@lru_cache(maxsize=65_536)
def person_words(name: str | None) -> frozenset[str]:
    """The folded words (and their hyphenated parts) of a person's name heading a source's
    name ("Lior Haiat, foreign ministry spokesperson", "Patrick Muyaya"): two to four
    words, each capitalised and none an acronym, none naming a country or an origin's
    generic word ("Israel Defense Forces", "Rapid Support Forces" are bodies, "RSF" an
    acronym). Empty for any other name, and in scripts without capitals."""
    head = _NAME_END.split(name or "", maxsplit=1)[0]
    words = tokens(head)
    if not PERSON_WORDS[0] <= len(words) <= PERSON_WORDS[1] or len(words) != len(head.split()):
        return frozenset()
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return frozenset()
    folded = [fold_word(w) for w in words]
    if sides.labels_in(head) or _generic_origin_words() & set(folded):
        return frozenset()
    return frozenset(folded) | {part for w in folded for part in w.split("-")}


@lru_cache(maxsize=65_536)
def origin_words(name: str) -> frozenset[str]:
    """Words that identify an origin across wordings and languages: its name's words of
    four letters or more, its acronyms (WHO, ACLED), the initials of its name (Organización
    Mundial de la Salud → oms), the countries it names, as labels read them ("حكومة
    مصر" and "Government of Egypt" both name egyptian), and the international bodies it
    names (``organisations``: "OMS" and "WHO" both name who); never the words any
    language lists as ``origin_generic_words`` ("ministry", "army")."""
    raw = tokens(name)
    out = {fold_word(w) for w in raw if len(w) >= 4 or (w.isupper() and len(w) >= 2)}
    capitals = [w for w in raw if w[:1].isupper()]
    if len(capitals) >= 3:
        out.add("".join(fold_word(w)[0] for w in capitals))
    out.update(sides.label(code) for code in sides.named(sides.split(name)))
    out -= _generic_origin_words()
    return frozenset(out | organisations.named(name))


@lru_cache(maxsize=1)
def _generic_origin_words() -> frozenset[str]:
    """``[sources] origin_generic_words`` and ``name_function_words`` of every language
    (a source's name has no language of its own): "ministry" and "para" say nothing of
    which origin a name names."""
    return frozenset(
        fold_word(str(word))
        for code in lexicon.languages()
        for table in ("origin_generic_words", "name_function_words")
        for word in lexicon.section(code, "sources").get(table, [])
    )


_WRITTEN_DIGITS = re.compile(r"\d[\d.,'\u00a0\u202f ]*\d|\d")
_NOT_DIGIT = re.compile(r"\D")


def _figure_digits(q: quantities.Quantity | None) -> tuple[str, ...]:
    """Digit strings under which the figure may appear in the claim text."""
    if q is None:
        return ()
    written = _WRITTEN_DIGITS.search(q.text)
    out = []
    if written:
        out.append(_NOT_DIGIT.sub("", written.group()))
    point = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    if point is not None and point == int(point):
        out.append(str(int(point)))
    return tuple(out)


@lru_cache(maxsize=65_536)
def _ordinal(iso: str | None) -> int:
    return date.fromisoformat(iso).toordinal() if iso else 0


def _quantity(r: Sequence[object]) -> quantities.Quantity | None:
    written, qualifier, value, low, high, unit, unit_written, dimension, precision = r
    if qualifier is None:
        return None
    return quantities.Quantity(
        text=str(written or ""),
        qualifier=sys.intern(str(qualifier)),
        value=value if value is None else float(value),  # type: ignore[arg-type]
        low=low if low is None else float(low),  # type: ignore[arg-type]
        high=high if high is None else float(high),  # type: ignore[arg-type]
        unit=sys.intern(str(unit or "")),
        unit_written=sys.intern(str(unit_written or "")),
        dimension=sys.intern(str(dimension or "")),
        precision=float(precision or 0.0),  # type: ignore[arg-type]
    )


# --- fuzzy clusters of distinct strings ----------------------------------------------------


_DIGITS = re.compile(r"\d+")


WORD_VARIANT_THRESHOLD = 70
"""rapidfuzz ratio at which two words are spellings of one (Kiev/Kyiv 75, Mala/Verkhnia 33)."""


def _same_shape(a: str, b: str) -> bool:
    """Spelling variants, not different names: the same numbers, and word for word
    (canonical strings are sorted) each word a variant of the other. "Mala Bohdanysche"
    is not "Bohdanysche", "Verkhnia" is not "Mala", "Sector 12" is not "Sector 13"."""
    from rapidfuzz import fuzz

    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    return all(
        x == y or (fuzz.ratio(x, y) >= WORD_VARIANT_THRESHOLD and not other_countries(x, y))
        for x, y in zip(words_a, words_b, strict=True)
    )


def other_countries(x: str, y: str) -> bool:
    """Two words naming two different countries, or their peoples ("spanish" and
    "danish", "austria" and "australia", "nigerian" and "nigerien"): never spellings of
    one name, however alike their letters."""
    cx, cy = _countries(x), _countries(y)
    return bool(cx) and bool(cy) and not cx & cy


@lru_cache(maxsize=65_536)
def _countries(word: str) -> frozenset[str]:
    """The countries a word names in any language's ``[sides]`` table."""
    return sides.read(sides.split(word), None)[1]


def cluster_strings(values: Sequence[str], threshold: int = MATCH_THRESHOLD) -> dict[str, str]:
    """Map each distinct string to a representative of its cluster of near-identical ones.

    Only spelling variants match: strings with a different number of words or different
    numbers never do, however close the rest ("Mala Bohdanysche" / "Bohdanysche",
    "Sector 12" / "Sector 13", "47th brigade" / "48th brigade")."""
    from rapidfuzz import fuzz, process

    distinct = sorted(set(values))
    parent = {v: v for v in distinct}

    def find(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for block in _blocks(distinct):
        if len(block) < 2:
            continue
        matrix = process.cdist(block, block, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
        for i, j in zip(*matrix.nonzero(), strict=True):
            if i < j and _same_shape(block[i], block[j]):
                a, b = find(block[i]), find(block[j])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {v: find(v) for v in distinct}


def _blocks(distinct: list[str]) -> Iterator[list[str]]:
    """All strings at once when few; otherwise strings grouped by their rarest word."""
    if len(distinct) <= FUZZY_ALL_PAIRS_LIMIT:
        yield distinct
        return
    frequency: dict[str, int] = defaultdict(int)
    for v in distinct:
        for word in set(v.split()):
            frequency[word] += 1
    by_word: dict[str, list[str]] = defaultdict(list)
    for v in distinct:
        words = v.split() or [""]
        by_word[min(words, key=lambda w: (frequency[w], w))].append(v)
    for block in by_word.values():
        for i in range(0, len(block), FUZZY_ALL_PAIRS_LIMIT):
            yield block[i : i + FUZZY_ALL_PAIRS_LIMIT]


# --- grouping and the windowed sweep -------------------------------------------------------


def measure_groups(points: Sequence[ClaimPoint]) -> list[list[ClaimPoint]]:
    """Claims with a quantity, subject or metric and a date, grouped by measure."""
    usable = [p for p in points if p.quantity and (p.subject or p.metric) and p.has_date]
    by_category: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in usable:
        by_category[p.category].append(p)
    groups: dict[tuple[str, str, str, str], list[ClaimPoint]] = defaultdict(list)
    for category, members in by_category.items():
        subjects = cluster_strings([p.subject for p in members])
        metrics = cluster_strings([p.metric for p in members])
        for p in members:
            assert p.quantity is not None
            groups[(category, p.quantity.unit, subjects[p.subject], metrics[p.metric])].append(p)
    return [g for g in groups.values() if len(g) > 1]


def window_pairs(
    group: Sequence[ClaimPoint], window_days: int, locations: dict[str, str]
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the group whose dates come within the window and whose places agree.

    Claims are split by place first, so a measure reported from a thousand villages
    costs the pairs within each village, not all pairs; a claim without a place is
    paired with every place."""
    places, anywhere = split_by_place(group, lambda p: p.location, locations)
    for members in places:
        yield from _sweep(members, window_days, None)
        if anywhere:
            yield from _sweep(members + anywhere, window_days, set(map(id, anywhere)))
    yield from _sweep(anywhere, window_days, None)


def split_by_place(
    items: Iterable[_T], place: Callable[[_T], str], locations: Mapping[str, str]
) -> tuple[list[list[_T]], list[_T]]:
    """The items grouped by their place (spellings of one place clustered by
    ``locations``), and the items without a place, which may meet any of them."""
    by_place: dict[str, list[_T]] = defaultdict(list)
    anywhere: list[_T] = []
    for item in items:
        name = place(item)
        if name:
            by_place[locations.get(name, name)].append(item)
        else:
            anywhere.append(item)
    return list(by_place.values()), anywhere


def _sweep(
    claims: Sequence[ClaimPoint], window_days: int, cross: set[int] | None
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Date-sorted sweep; with ``cross``, only pairs with exactly one member in it."""
    ordered = sorted(claims, key=lambda p: (p.start, p.id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start > a.end + window_days:
                break
            if cross is not None and (id(a) in cross) == (id(b) in cross):
                continue
            if b.start - window_days <= a.end and a.start - window_days <= b.end:
                yield a, b


SMALL_PART = 64
"""Parts of a block with at most this many cells are worked one pair at a time (scored,
counted): a matrix call costs more than a few pairs."""

PAIR_BITS = 32
"""A pair of claims is known by one integer, ``pair_key``: ids below 2**31 fit in the
64-bit integers of a numpy array of keys."""


def pair_key(a: int, b: int) -> int:
    """The key of the pair of claims ``a`` and ``b``, the same in either order."""
    return a << PAIR_BITS | b if a < b else b << PAIR_BITS | a


class PairCount:
    """Distinct pairs of claims compared, however many routes and blocks met them: the
    routes' pairs one by one, a text block's cells (scored in C, too many to walk in
    Python) worked out as arrays of pair keys, all kept in one set (hashing them costs a
    fraction of sorting them)."""

    def __init__(self) -> None:
        self.pairs: set[int] = set()

    def add(self, key: int) -> None:
        """One pair, by its ``pair_key``."""
        self.pairs.add(key)

    def add_cells(self, rows: list[int], cols: list[int] | None) -> None:
        """The cells of ``rows`` against ``cols`` (against themselves if None), the
        diagonal left out."""
        others = rows if cols is None else cols
        if len(rows) * len(others) <= SMALL_PART:
            for i, x in enumerate(rows):
                for y in others[i + 1 :] if cols is None else others:
                    if x != y:
                        self.pairs.add(pair_key(x, y))
            return
        import numpy as np

        a = np.asarray(rows, dtype=np.int64)
        b = a if cols is None else np.asarray(cols, dtype=np.int64)
        low, high = np.minimum.outer(a, b), np.maximum.outer(a, b)
        keep = np.triu(np.ones(low.shape, dtype=bool), 1) if cols is None else low != high
        self.pairs.update(((low[keep] << PAIR_BITS) | high[keep]).tolist())

    def total(self) -> int:
        return len(self.pairs)


def location_clusters(points: Sequence[ClaimPoint]) -> dict[str, str]:
    return cluster_strings([p.location for p in points if p.location])


# --- measures from what the words say ------------------------------------------------------

NARROWING_SCOPES = frozenset(
    {
        "violent",
        "civilians",
        "children",
        "women",
        "internal",
        "identified",
        "recent",
        "remaining",
        "released",
        "intercepted",
    }
)
"""Scopes that pick a part of a whole: violent deaths are some of all deaths, so the part's
figure can be lower than the whole's but never higher. Other scopes (abroad, killed and
wounded together) make a different measure."""
PLACE_MATCH = 80
"""rapidfuzz ratio at which two place words are spellings of one (Fasher / Facher / Fashir)."""


def dimension_kind(q: quantities.Quantity) -> str:
    """Counts compare with counts whatever noun follows ("people", "muertos"): what they
    count is read from the words (``cues``). Areas, money and shares need the same unit."""
    return "count" if q.dimension == "count" else f"{q.dimension}:{q.unit}"


def other_things(a: quantities.Quantity, b: quantities.Quantity) -> bool:
    """Two counts of different nouns, one of which counts a thing of its own
    (``figure_words.distinct_counts``): "97 tanks" and "788 armoured vehicles", "500
    families" and "2,000 people" are two counts, whatever the words say they count. A
    figure with no noun, or two nouns that may name one count ("killed", "people"), are
    left to the words."""
    if a.unit == b.unit or a.dimension != "count" or b.dimension != "count":
        return False
    if not a.unit or not b.unit:
        return False
    ua, ub = _unit_key(a.unit), _unit_key(b.unit)
    return ua != ub and bool({ua, ub} & figure_words.distinct_counts())


@lru_cache(maxsize=4096)
def _unit_key(unit: str) -> str:
    return figure_words.key(unit)


def places_agree(a: ClaimPoint, b: ClaimPoint, locations: Mapping[str, str]) -> bool:
    """No evidence of different places: ``locations_agree`` and ``names_agree``."""
    return locations_agree(a, b, locations) and names_agree(a, b)


def locations_agree(a: ClaimPoint, b: ClaimPoint, locations: Mapping[str, str]) -> bool:
    """When both claims give a location, the locations are spellings of one
    (``locations`` maps each to its cluster)."""
    return (
        not a.location
        or not b.location
        or locations.get(a.location, a.location) == locations.get(b.location, b.location)
    )


def names_agree(a: ClaimPoint, b: ClaimPoint) -> bool:
    """The place and party names in the claims' words agree: among the names written in
    one script, every name of one side is (a spelling of) a name of the other side. Names
    in different scripts cannot be compared and are no evidence either way."""
    return a.cues.places is b.cues.places or _names_agree(a.cues.places, b.cues.places)


@lru_cache(maxsize=262_144)
def _names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """``names_agree`` of two sets of names, memoised: many claims name the same places."""
    by_a, by_b = _by_script(a), _by_script(b)
    for script in by_a.keys() & by_b.keys():
        pa, pb = by_a[script], by_b[script]
        if not (_within(pa, pb) or _within(pb, pa)):
            return False
    return True


@lru_cache(maxsize=65_536)
def _by_script(names: frozenset[str]) -> Mapping[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for w in names:
        out[script_of(w)].add(w)
    return {script: frozenset(found) for script, found in out.items()}


def _within(names: AbstractSet[str], others: AbstractSet[str]) -> bool:
    return all(any(_same_place(x, y) for y in others) for x in names)


def shared_place(a: Cues, b: Cues) -> bool:
    return any(place_among(x, b.places) for x in a.places)


def place_among(name: str, places: AbstractSet[str]) -> bool:
    """Whether one of ``places`` is a spelling of ``name`` or a word made from it."""
    return any(_same_place(name, y) for y in places)


def shared_names(a: ClaimPoint, b: ClaimPoint) -> bool:
    """A place, or in scripts without capitals a rare word, that both claims name."""
    return shared_place(a.cues, b.cues) or bool(a.rare_words & b.rare_words)


DENIED_RATIO = 2
"""A denial restates the figure it denies ("more than 400" for "more than 460"): figures
further apart than this factor are other claims."""
RATIO_LIMIT = 15
"""Figures further apart than this factor count different things (a town's toll is not
the country's), however alike their words: no dispute between claims of one measure
spans more than an order of magnitude."""


def same_order(a: quantities.Quantity, b: quantities.Quantity, limit: float = RATIO_LIMIT) -> bool:
    """The figures are within a factor ``limit`` of each other."""
    pa, pb = quantities.point(a), quantities.point(b)
    if pa is None or pb is None or pa <= 0 or pb <= 0:
        return True
    return max(pa, pb) <= limit * min(pa, pb)


def _same_place(x: str, y: str) -> bool:
    """Spellings of one name (Fasher / Facher / Fashir), or a name and a word made from it
    (Sudan / Sudanese, Soudan / soudanais, Ukraine / Ukrainian); never the names of two
    countries (Austria / Australia: ``other_countries``)."""
    return x == y or _similar_names(*sorted((x, y)))


@lru_cache(maxsize=262_144)
def _similar_names(x: str, y: str) -> bool:
    """``_same_place`` of two different names, memoised: a few names meet in many pairs."""
    from rapidfuzz import fuzz

    if other_countries(x, y):
        return False
    if fuzz.ratio(x, y) >= PLACE_MATCH:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and fuzz.ratio(short, long[: len(short) + 1]) >= PLACE_MATCH


def scope_relation(a: ClaimPoint, b: ClaimPoint) -> str | None:
    """``same`` when both claims count the same scope, ``a<b`` / ``b<a`` when one counts a
    part of the other (its extra scopes all narrowing), None when the scopes differ."""
    sa, sb = a.cues.scopes, b.cues.scopes
    if sa == sb:
        return "same"
    if sa < sb and all(_narrowing(s) for s in sb - sa):
        return "b<a"
    if sb < sa and all(_narrowing(s) for s in sa - sb):
        return "a<b"
    return None


def _narrowing(scope: str) -> bool:
    return scope in NARROWING_SCOPES or scope.startswith("of ")


def close_in_time(a: ClaimPoint, b: ClaimPoint, window_days: int) -> bool:
    """Dated claims within the window of each other; an undated claim only with a claim
    read in the same document (the page states both at one moment)."""
    if a.has_date and b.has_date:
        return b.start - window_days <= a.end and a.start - window_days <= b.end
    return bool(a.documents & b.documents)


def same_statement(a: ClaimPoint, b: ClaimPoint) -> bool:
    """One origin giving two figures in one document: a breakdown, never a contradiction."""
    return bool(a.origins & b.origins) and bool(a.documents & b.documents)


def same_origin(a: ClaimPoint, b: ClaimPoint) -> bool:
    """The same origin source, or origins whose names share a distinctive word (an
    acronym, a surname, an organisation's name in another wording)."""
    return bool(a.origins & b.origins) or bool(a.origin_words & b.origin_words)


def cue_groups(points: Sequence[ClaimPoint]) -> list[list[ClaimPoint]]:
    """Claims with a figure and a counted concept, grouped by category, dimension and
    concept: the blocks within which measures are compared by their words."""
    groups: dict[tuple[str, str, frozenset[str]], list[ClaimPoint]] = defaultdict(list)
    for p in points:
        if p.quantity is not None and p.cues.concepts:
            groups[(p.category, dimension_kind(p.quantity), p.cues.concepts)].append(p)
    return [g for g in groups.values() if len(g) > 1]


def close_pairs(
    group: Sequence[ClaimPoint], window_days: int, locations: dict[str, str] | None = None
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the group close in time (``close_in_time``): a date-sorted sweep for
    dated claims, and undated claims paired through the documents they share. Given
    ``locations``, dated claims whose locations differ are not paired (``window_pairs``):
    for callers that would reject them anyway, so that a concept reported from many
    places costs the pairs within each place."""
    dated = [p for p in group if p.has_date]
    if locations is None:
        yield from _sweep(dated, window_days, None)
    else:
        yield from window_pairs(dated, window_days, locations)
    by_document: dict[int, list[ClaimPoint]] = defaultdict(list)
    for p in group:
        for d in p.documents:
            by_document[d].append(p)
    for members in by_document.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not (a.has_date and b.has_date):
                    yield a, b


def measure_differences(a: ClaimPoint, b: ClaimPoint) -> list[str]:
    """What says two claims count different things: another category, figures of
    another kind, other counted concepts, scopes that are not one or a part of the
    other, or places that do not agree. Empty when nothing does."""
    out = []
    if a.category != b.category:
        out.append(f"categories {a.category} and {b.category}")
    if a.quantity and b.quantity and dimension_kind(a.quantity) != dimension_kind(b.quantity):
        out.append(
            f"figures of kinds {dimension_kind(a.quantity)} and {dimension_kind(b.quantity)}"
        )
    if a.cues.concepts and b.cues.concepts and a.cues.concepts != b.cues.concepts:
        out.append(
            f"counting {' and '.join(sorted(a.cues.concepts))} and "
            f"{' and '.join(sorted(b.cues.concepts))}"
        )
    elif scope_relation(a, b) is None:
        out.append(
            f"scopes {', '.join(sorted(a.cues.scopes)) or 'none'} and "
            f"{', '.join(sorted(b.cues.scopes)) or 'none'}"
        )
    if not places_agree(a, b, location_clusters([a, b])):
        out.append(
            f"places {', '.join(_places(a)) or 'none'} and {', '.join(_places(b)) or 'none'}"
        )
    return out


def _places(p: ClaimPoint) -> list[str]:
    """The location a coder gave, then the place and party names of the words."""
    return [p.location] * bool(p.location) + sorted(p.cues.places - {p.location})


def same_measure_reasons(
    a: ClaimPoint, b: ClaimPoint, locations: Mapping[str, str]
) -> list[str] | None:
    """Why two claims of one cue group count the same thing, or None when their scopes or
    places say they do not."""
    relation = scope_relation(a, b)
    if relation is None or not places_agree(a, b, locations):
        return None
    reasons = ["counts " + " and ".join(sorted(a.cues.concepts))]
    if relation != "same":
        part, whole = (a, b) if relation == "a<b" else (b, a)
        reasons.append(
            f"{part.key} counts a part ({', '.join(sorted(part.cues.scopes - whole.cues.scopes))})"
            f" of what {whole.key} counts"
        )
    elif a.cues.scopes:
        reasons.append("scope " + ", ".join(sorted(a.cues.scopes)))
    if shared_place(a.cues, b.cues):
        reasons.append("place " + ", ".join(sorted(a.cues.places & b.cues.places) or a.cues.places))
    return reasons


# --- words and stances shared by conflicts and dedupe ------------------------------------

NUMBER = re.compile(r"\d[\d,.\u00a0\u202f ']*\d|\d")


def _text_form(claim_text: str) -> str:
    return fold(NUMBER.sub(" ", claim_text))


POLAR_PENALTY = 20


@lru_cache(maxsize=262_144)
def text_features(claim_text: str, language: str | None = None) -> TextFeatures:
    """A claim text's comparable form, the meaning-flipping words in it, the countries it
    names and its words as ``canon`` reads them, countries read in its language (cached:
    one text takes part in many pairs)."""
    form = _text_form(claim_text)
    words, named = sides.read(sides.split(form), language)
    canonical = _canon_words(words)
    return form, canonical & _labels()[2], named, canonical


def opposed_sides(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both texts name countries, and no country in common ("Russian troops", "Ukrainian
    troops"). A text naming no country, or one more, may be the same claim: reports add
    and drop the side they take for granted."""
    return bool(a) and bool(b) and not a & b


@lru_cache(maxsize=1)
def _fuzz() -> Any:
    """rapidfuzz's scorers, imported on first use (not at start-up) and then once, not
    once per pair."""
    from rapidfuzz import fuzz

    return fuzz


def words_of(p: ClaimPoint) -> TextFeatures:
    """``text_features`` of a claim's text, read once per claim however many pairs it
    takes part in."""
    found = p.read_text
    if found is None:
        found = p.read_text = text_features(p.text, p.language)
    return found


def text_score(a: ClaimPoint, b: ClaimPoint) -> int:
    """Word similarity (rapidfuzz), less ``POLAR_PENALTY`` when a negation, gain or loss
    differs or the texts name opposed sides."""
    fuzz = _fuzz()
    (ta, polar_a, sides_a, _), (tb, polar_b, sides_b, _) = words_of(a), words_of(b)
    score: float = (fuzz.token_set_ratio(ta, tb) + fuzz.token_sort_ratio(ta, tb)) / 2
    if polar_a != polar_b or opposed_sides(sides_a, sides_b):
        score -= POLAR_PENALTY
    return max(0, round(score))


TextScorer = Callable[[ClaimPoint, ClaimPoint], int]


class TextScores:
    """``text_score`` of each pair computed once: the routes of ``dedupe`` meet many
    pairs more than once. Both scores are symmetric, so a pair is known by its ids in
    either order."""

    def __init__(self) -> None:
        self.known: dict[int, int] = {}

    def __call__(self, a: ClaimPoint, b: ClaimPoint) -> int:
        key = pair_key(a.id, b.id)
        score = self.known.get(key)
        if score is None:
            score = self.known[key] = text_score(a, b)
        return score

    def prime(self, pairs: Iterable[tuple[ClaimPoint, ClaimPoint]]) -> None:
        """Score the pairs not yet known all at once (``text_scores``), so that asking
        for them one by one later finds them."""
        todo: dict[int, tuple[ClaimPoint, ClaimPoint]] = {}
        for a, b in pairs:
            key = pair_key(a.id, b.id)
            if key not in self.known:
                todo[key] = (a, b)
        self.known.update(zip(todo, text_scores(list(todo.values())), strict=True))


PRIME_WORKERS = -1
"""Threads rapidfuzz scores a batch of pairs with: every core."""


def text_scores(pairs: Sequence[tuple[ClaimPoint, ClaimPoint]]) -> list[int]:
    """``text_score`` of each pair, the word similarities computed by rapidfuzz in C over
    the whole batch (``process.cpdist``, double precision like the scorers it calls)."""
    if not pairs:
        return []
    import numpy as np
    from rapidfuzz import process

    fuzz = _fuzz()
    left = [words_of(a) for a, _ in pairs]
    right = [words_of(b) for _, b in pairs]
    forms, others = [f[0] for f in left], [f[0] for f in right]
    ratios = [
        process.cpdist(forms, others, scorer=s, dtype=np.float64, workers=PRIME_WORKERS)
        for s in (fuzz.token_set_ratio, fuzz.token_sort_ratio)
    ]
    penalty = np.fromiter(
        (
            POLAR_PENALTY if fa[1] != fb[1] or opposed_sides(fa[2], fb[2]) else 0
            for fa, fb in zip(left, right, strict=True)
        ),
        dtype=np.float64,
        count=len(pairs),
    )
    scores = np.maximum(0, np.round((ratios[0] + ratios[1]) / 2 - penalty))
    return [int(x) for x in scores]


def qualitative_groups(
    points: list[ClaimPoint], clusters: dict[str, str]
) -> list[list[ClaimPoint]]:
    """Claims without figures, grouped by category, subject, metric and location."""
    groups: dict[tuple[str, ...], list[ClaimPoint]] = defaultdict(list)
    for p in points:
        if p.quantity is None and p.subject and p.metric and p.location and p.has_date:
            key = (p.category, *(clusters.get(v, v) for v in (p.subject, p.metric, p.location)))
            groups[key].append(p)
    return [g for g in groups.values() if len(g) > 1]


def opposed(a: Iterable[str], b: Iterable[str]) -> bool:
    """One claim only asserted, the other only denied: opposite propositions. A claim
    some sources assert and others deny is the same proposition, disputed."""
    return {frozenset(a), frozenset(b)} == {ASSERTED, DENIED_ONLY}


QUALITATIVE_MIN_TEXT = 60
"""Least word similarity for two same-language claims without figures."""


def same_event(
    a: ClaimPoint, b: ClaimPoint, clusters: dict[str, str], words: TextScorer = text_score
) -> int | None:
    """The word similarity of two claims without figures whose subject, metric and
    location all agree on the same dates, or None. In one language the words must agree
    too (``QUALITATIVE_MIN_TEXT``): "ramping up its counteroffensive" is not "has been
    conducting counteroffensive operations". Across languages structure decides."""
    if a.quantity or b.quantity or a.category != b.category:
        return None
    if not all(
        x and y and clusters.get(x, x) == clusters.get(y, y)
        for x, y in ((a.subject, b.subject), (a.metric, b.metric), (a.location, b.location))
    ):
        return None
    score = words(a, b)
    same_language = (a.language or "en") == (b.language or "en")
    if same_language and score < QUALITATIVE_MIN_TEXT:
        return None
    return score


def claim_stances(conn: Connection) -> dict[int, set[str]]:
    """Stances of claims that have at least one denial (the rest only assert)."""
    rows = conn.execute(
        text(
            "SELECT a.claim_id, a.stance FROM attribution a WHERE a.claim_id IN "
            "(SELECT claim_id FROM attribution WHERE stance = 'denies')"
        )
    )
    out: dict[int, set[str]] = defaultdict(set)
    for claim_id, stance in rows:
        out[claim_id].add(stance)
    return out


CUMULATIVE = frozenset({"dead", "wounded", "missing", "hostages", "displaced", "refugees"})
"""Counts that grow as they are tallied: on different days, a higher later figure is the
count going on (the dead buried, the hostages identified one by one, the people who
fled counted as they arrive), not a contradiction; only a fall is. What remains of such
a count (``remaining``) only falls."""


def _twin_key(p: ClaimPoint) -> tuple[object, ...] | None:
    q = p.quantity
    if q is None or not p.cues.concepts:
        return None
    return (
        p.category,
        p.cues.concepts,
        p.cues.scopes,
        p.cues.places,
        p.location,
        q.qualifier,
        q.value,
        q.low,
        q.high,
        q.unit,
        p.start,
        p.end,
        p.origins,
        p.denies,
        p.measure,
    )


def collapse_twins(points: Sequence[ClaimPoint]) -> list[ClaimPoint]:
    """One claim for each set of claims that say exactly the same thing (same figure and
    hedge, what it counts, scope, place, dates and origins), the others kept as its
    ``twins``: a figure repeated by hundreds of outlets is compared once, so cost grows
    with what is said, not with how often."""
    first: dict[tuple[object, ...], ClaimPoint] = {}
    out = []
    for p in points:
        p.twins = []
    for p in points:
        key = _twin_key(p)
        if key is None:
            out.append(p)
        elif key in first:
            first[key].twins.append(p)
        else:
            first[key] = p
            out.append(p)
    return out


def components(edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Union-find over claim ids: each id that takes part in an edge, mapped to the
    smallest id of its connected component."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in list(parent)}


@dataclass
class Measure:
    """Claims that count one thing, with one scope, at one place: what ``conflicts`` and
    ``dedupe`` compare. ``why`` says how the claims' words were read; ``decided`` says
    which claims a user's decision put here, and why."""

    category: str
    counts: list[str]
    scopes: list[str]
    places: list[str]
    claims: list[ClaimPoint]
    key: str = ""
    label: str | None = None
    decided: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.label or measure_name(self.category, self.counts, self.scopes, self.places)

    @property
    def why(self) -> str:
        parts = [f"figures counting {' and '.join(self.counts)}"]
        if self.scopes:
            parts.append("scope " + ", ".join(self.scopes))
        parts.append("places " + ", ".join(self.places) if self.places else "no place named")
        return "; ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "measure": self.name,
            "key": self.key,
            "label": self.label,
            "category": self.category,
            "counts": self.counts,
            "scopes": self.scopes,
            "places": self.places,
            "why": self.why,
            "claims": self.claim_rows(),
        }

    def claim_rows(self) -> list[dict[str, str | None]]:
        return [
            {
                "key": p.key,
                "figure": p.quantity.text if p.quantity else None,
                "as_of": date.fromordinal(p.start).isoformat() if p.has_date else None,
                "why": self.decided.get(p.key, self.why),
            }
            for p in self.claims
        ]


def list_measures(
    conn: Connection, min_claims: int = 1, *, on_progress: Progress = ignore
) -> list[Measure]:
    """The measures of the active claims with a figure: read from their words (claims
    grouped by category, dimension, what they count and its scope, and the place and
    party names they give or the location a coder gave), then as users merged, split
    and named them."""
    decisions = load_decisions(conn)
    merges = _merge_reasons(conn) if decisions.into else {}
    groups: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in load_points(conn, on_progress):
        if p.measure and p.quantity is not None:
            groups[p.measure].append(p)
    out = []
    for key, members in groups.items():
        if len(members) < min_claims:
            continue
        own = [p for p in members if not p.pinned and auto_key(p) == key] or members
        first = own[0]
        assert first.quantity is not None
        where = (first.location,) if first.location else tuple(sorted(first.cues.places))
        decided = {}
        for p in members:
            if p.pinned:
                decided[p.key] = f"moved here: {decisions.pins[p.id][1]}"
            elif auto_key(p) != key:
                decided[p.key] = f"from {auto_key(p)}, merged here: {merges.get(auto_key(p))}"
        measure = Measure(
            first.category,
            sorted(first.cues.concepts),
            sorted(first.cues.scopes),
            list(where),
            sorted(members, key=lambda p: (p.start, p.key)),
            key,
            decisions.labels.get(key),
            decided,
        )
        out.append(measure)
    out.sort(key=lambda m: (-len(m.claims), m.name))
    return out


def _merge_reasons(conn: Connection) -> dict[str, str]:
    """Why each merged measure was merged: the reason of its latest merge not undone."""
    import json

    out: dict[str, str] = {}
    for key, after in conn.execute(
        text(
            "SELECT e.entity_key, e.after FROM event e WHERE e.action = 'measure_merge' "
            "AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes_id = e.id) ORDER BY e.id"
        )
    ):
        out[key] = json.loads(after).get("reason", "")
    return out


# --- users' decisions on measures ----------------------------------------------------------


def auto_key(p: ClaimPoint) -> str:
    """The key of the measure a claim's words give (empty without a figure and a counted
    thing): a readable slug of its name, with a short hash when the slug leaves out part
    of it (a name in another script, a unit)."""
    if p.quantity is None or not p.cues.concepts:
        return ""
    where = (p.location,) if p.location else tuple(sorted(p.cues.places))
    return _key_of(p.category, dimension_kind(p.quantity), p.cues.concepts, p.cues.scopes, where)


@lru_cache(maxsize=65_536)
def _key_of(
    category: str, kind: str, counts: frozenset[str], scopes: frozenset[str], where: tuple[str, ...]
) -> str:
    name = measure_name(category, sorted(counts), sorted(scopes), list(where))
    base = ascii_slug(name, 60)
    if kind == "count" and name.isascii() and base:
        return base
    return f"{base or 'measure'}-{short_hash(name, kind, length=6)}"


def measure_name(category: str, counts: list[str], scopes: list[str], places: list[str]) -> str:
    scope = f" ({', '.join(scopes)})" if scopes else ""
    where = f" in {', '.join(places)}" if places else ""
    return f"{category}: {' and '.join(counts)}{scope}{where}"


@dataclass
class Decisions:
    """What users decided about measures (``measure_decisions`` writes them): claims
    placed in a measure, measures merged into others, labels; each with its reason."""

    pins: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Claim id: (measure key, why), the latest placement still in force."""
    into: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Merged measure key: (the key it was merged into, why)."""
    labels: dict[str, str] = field(default_factory=dict)

    def resolve(self, key: str) -> str:
        """The measure a key stands for now, following merges."""
        seen = {key}
        while key in self.into:
            key = self.into[key][0]
            if key in seen:
                break
            seen.add(key)
        return key

    @property
    def shaped(self) -> set[str]:
        """Measures whose claims a user chose: merge targets and measures claims were
        placed in. Their claims are compared with each other, whatever their words say."""
        return {self.resolve(k) for k, _ in self.pins.values()} | {
            self.resolve(k) for k in self.into
        }


def load_decisions(conn: Connection) -> Decisions:
    """Users' decisions in force: merged measures, labels, and each claim's latest
    placement that was not undone."""
    out = Decisions()
    rows = conn.execute(
        text(
            "SELECT m.key, m.label, m.status, t.key FROM measure m "
            "LEFT JOIN measure t ON t.id = m.merged_into_id"
        )
    )
    for key, label, status, into in rows:
        if label:
            out.labels[key] = label
        if status == "merged" and into:
            out.into[key] = (into, "")
    for claim_id, key, reason in conn.execute(
        text(
            "SELECT cm.claim_id, m.key, cm.reason FROM claim_measure cm "
            "JOIN measure m ON m.id = cm.measure_id "
            "WHERE cm.status = 'active' AND m.status != 'withdrawn' ORDER BY cm.id"
        )
    ):
        out.pins[claim_id] = (key, reason)
    return out


def assign(points: Sequence[ClaimPoint], decisions: Decisions) -> None:
    """Each claim's measure: its placement by a user, else the measure its words give,
    either followed through the measures users merged."""
    for p in points:
        pin = decisions.pins.get(p.id)
        p.pinned = pin is not None
        key = pin[0] if pin else auto_key(p)
        p.measure = decisions.resolve(key) if key and decisions.into else key


def apart(a: ClaimPoint, b: ClaimPoint) -> bool:
    """A user put the claims in different measures: never compared."""
    return (a.pinned or b.pinned) and a.measure != b.measure


def user_groups(points: Sequence[ClaimPoint], decisions: Decisions) -> list[list[ClaimPoint]]:
    """Claims of the measures users shaped (``Decisions.shaped``), by measure: compared
    with each other as one measure."""
    shaped = decisions.shaped
    if not shaped:
        return []
    groups: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        if p.measure in shaped and p.quantity is not None:
            groups[p.measure].append(p)
    return [g for g in groups.values() if len(g) > 1]
