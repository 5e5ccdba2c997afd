"""Read-side queries: claims by source and other filters, one claim in full, sources.

Corroboration is counted by independent origins: ten outlets relaying one unnamed
official are ten reports, one origin. Sources merged into another count as that one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from provenance.bulk import chunks, code_point_order, expanding_text, in_set
from provenance.errors import NotFoundError, UsageError
from provenance.normalize import fold, like_literal
from provenance.vocabulary import CATEGORIES, DOCUMENT_FIELDS, RELIABILITY_GRADES, SOURCE_KINDS

_V = TypeVar("_V")
CLAIM_SORTS = ("key", "as_of", "reports", "origins")


Values = str | Sequence[str] | None
"""A filter's value, or several: a claim matches any of them."""


@dataclass
class ClaimFilter:
    """What claims to select. Each field narrows the selection; a field given several
    values matches a claim that has any of them (``source=["ISW", "Reuters"]``)."""

    source: Values = None
    origin_only: bool = False
    via: Values = None
    source_kind: Values = None
    named: bool | None = None
    party: Values = None
    category: Values = None
    subject: Values = None
    metric: Values = None
    location: Values = None
    since: str | None = None
    until: str | None = None
    search: Values = None
    min_reliability: str | None = None
    status: Values = "active"
    keys: Sequence[str] | None = None
    rating: Values = None


def values(value: Values) -> list[str]:
    """A filter field's values as a list (none, one or several), without blanks."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [v for v in value if v]


@dataclass
class SourceRef:
    key: str
    name: str
    named: bool
    kind: str
    affiliation: str | None


@dataclass
class AttributionView:
    id: int
    origin: SourceRef
    via: list[SourceRef]
    quote: str | None
    stance: str
    credibility: int
    reliability: str
    hedges: list[str]
    document: dict[str, Any] | None
    reported_as: str
    extra: dict[str, str] = field(default_factory=dict)
    """Fields of the imported file that provenance has no column for (``Notes``)."""


@dataclass
class ClaimView:
    key: str
    text: str
    category: str
    subject: str | None
    metric: str | None
    location: str | None
    as_of: str | None
    language: str | None
    quantity: dict[str, Any] | None
    status: str
    merged_into: str | None
    attributions: list[AttributionView] = field(default_factory=list)

    @property
    def reports(self) -> int:
        return len(self.attributions)

    @property
    def origins(self) -> int:
        return len({a.origin.key for a in self.attributions})

    @property
    def named_origins(self) -> int:
        return len({a.origin.key for a in self.attributions if a.origin.named})

    def summary(self) -> dict[str, Any]:
        """The flat form used by ``claims`` output (table, JSON, CSV)."""
        origins = list(dict.fromkeys(a.origin.name for a in self.attributions))
        return {
            "key": self.key,
            "claim": self.text,
            "category": self.category,
            "as_of": self.as_of,
            "quantity": (self.quantity or {}).get("text"),
            "sources": origins,
            "via": list(dict.fromkeys(v.name for a in self.attributions for v in a.via)),
            "reports": self.reports,
            "origins": self.origins,
            "named_origins": self.named_origins,
            "status": self.status,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "claim": self.text,
            "category": self.category,
            "subject": self.subject,
            "metric": self.metric,
            "location": self.location,
            "as_of": self.as_of,
            "language": self.language,
            "quantity": self.quantity,
            "status": self.status,
            "merged_into": self.merged_into,
            "reports": self.reports,
            "origins": self.origins,
            "named_origins": self.named_origins,
            "attributions": [_attribution_dict(a) for a in self.attributions],
        }


def _attribution_dict(a: AttributionView) -> dict[str, Any]:
    return {
        "origin": a.origin.__dict__,
        "via": [v.__dict__ for v in a.via],
        "quote": a.quote,
        "stance": a.stance,
        "credibility": a.credibility,
        "reliability": a.reliability,
        "hedges": a.hedges,
        "document": a.document,
        "reported_as": a.reported_as,
        "extra": a.extra,
    }


# --- source resolution ------------------------------------------------------------------


def resolve_sources(conn: Connection, name: str) -> list[int]:
    """Ids of the source called ``name`` (key, name or alias, case-insensitive) and of the
    sources merged into it. Unknown names raise NotFoundError with the closest matches."""
    rows = conn.execute(text(_RESOLVE_SOURCES), {"f": fold(name)}).all()
    if not rows:
        raise NotFoundError(f"no source {name!r}{suggest_sources(conn, name)}")
    return [int(r[0]) for r in rows]


_RESOLVE_SOURCES = (
    "WITH named AS (SELECT id FROM source WHERE lower(key) = :f OR name_norm = :f "
    "UNION SELECT source_id FROM source_alias WHERE alias_norm = :f), "
    "kept AS (SELECT COALESCE(s.merged_into_id, s.id) AS id FROM source s "
    "JOIN named n ON n.id = s.id) "
    "SELECT id FROM kept UNION "
    "SELECT s.id FROM source s WHERE s.merged_into_id IN (SELECT id FROM kept) ORDER BY 1"
)
"""The sources a name finds, each seen as the source it was merged into, and the
sources merged into those: one query (a listing by source runs it for every page)."""


def canonical_source(conn: Connection, source_id: int) -> int:
    target = conn.execute(
        text("SELECT merged_into_id FROM source WHERE id = :i"), {"i": source_id}
    ).scalar()
    return int(target) if target is not None else source_id


def suggest_sources(conn: Connection, name: str) -> str:
    names: dict[str, str] = {}
    for key, source_name in conn.execute(text("SELECT key, name FROM source")):
        names[source_name] = key
    for alias, key in conn.execute(
        text("SELECT a.alias, s.key FROM source_alias a JOIN source s ON s.id = a.source_id")
    ):
        names.setdefault(alias, key)
    found = closest_sources(name, names)
    if not found:
        return ""
    options = ", ".join(f"{n!r} ({key})" for n, key in found)
    return f"; did you mean {options}?"


def closest_sources(
    name: str, names: Mapping[str, _V], *, cutoff: float = 75, limit: int = 3, folded: bool = False
) -> list[tuple[str, _V]]:
    """The source names (with their values, e.g. keys) closest to ``name``, best first:
    word order and case are ignored, so a dropped or misspelt word still finds its
    source. ``folded``: the names are already folded (saves folding them on every call)."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        fold(name),
        list(names),
        scorer=fuzz.token_sort_ratio,
        processor=None if folded else fold,
        limit=limit,
        score_cutoff=cutoff,
    )
    return [(m[0], names[m[0]]) for m in found]


# --- claims -----------------------------------------------------------------------------


def validate_filter(f: ClaimFilter) -> None:
    """The filter's own checks and messages (a category or grade that does not exist)."""
    for category in values(f.category):
        if category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    for kind in values(f.source_kind):
        if kind not in SOURCE_KINDS:
            raise UsageError(f"unknown source kind {kind!r}; use one of {', '.join(SOURCE_KINDS)}")
    if f.min_reliability and f.min_reliability.upper() not in RELIABILITY_GRADES:
        raise UsageError("{min_reliability} takes a grade A-F", params=("min_reliability",))


def _date_bound(value: str, *, end: bool) -> str:
    from provenance.dates import parse_partial_date

    try:
        d = parse_partial_date(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return (d.last_day() if end else d.first_day()).isoformat()


def claim_where(
    conn: Connection, f: ClaimFilter, *, search_index: bool = True
) -> tuple[str, dict[str, Any]]:
    """SQL condition on ``c`` (claim) for the filter, with its parameters.

    ``search_index=False`` finds a search by reading every claim, as on a database
    without the search index (what the index must not change)."""
    validate_filter(f)
    conds: list[str] = []
    params: dict[str, Any] = {}
    if values(f.status):
        conds.append("c.status IN :status")
        params["status"] = values(f.status)
    if values(f.category):
        conds.append("c.category IN :category")
        params["category"] = values(f.category)
    for name in ("subject", "metric", "location"):
        contains = []
        for i, value in enumerate(values(getattr(f, name))):
            contains.append(f"lower(c.{name}) LIKE :{name}{i} ESCAPE '!'")
            params[f"{name}{i}"] = f"%{like_literal(value.lower())}%"
        if contains:
            conds.append(f"({' OR '.join(contains)})")
    if f.since:
        conds.append("c.as_of_end >= :since")
        params["since"] = _date_bound(f.since, end=False)
    if f.until:
        conds.append("c.as_of_start <= :until")
        params["until"] = _date_bound(f.until, end=True)
    if f.keys is not None:
        conds.append("c.key IN :keys")
        params["keys"] = list(f.keys)
    searched = _search_condition(conn, values(f.search), params, use_index=search_index)
    if searched:
        conds.append(searched)
    if values(f.rating):
        conds.append(
            "c.id IN (SELECT v.claim_id FROM verdict v "
            "WHERE v.status = 'active' AND lower(v.rating) IN :rating)"
        )
        params["rating"] = [r.strip().lower() for r in values(f.rating)]
    by_attribution = _attribution_subquery(conn, f, params)
    if by_attribution:
        conds.append(f"c.id IN ({by_attribution})")
    return (" AND ".join(conds) or "1=1"), params


def _search_condition(
    conn: Connection, searches: list[str], params: dict[str, Any], *, use_index: bool = True
) -> str:
    """Claims whose text or a quote holds every term of one of the searches
    (``provenance.search``): a LIKE narrows the rows, the expression decides.

    With the words index, the claims that may hold every term are found there first and
    only they are read. ``use_index=False`` reads every claim, as a database without the
    index does."""
    from provenance.search import WORDS_TABLE, postgresql_indexed, search_index, terms, words_query

    sqlite = conn.dialect.name == "sqlite"
    operator, flags = ("REGEXP", "(?i)") if sqlite else ("~*", "")
    index = use_index and bool(searches) and search_index(conn)
    either = []
    for i, search in enumerate(searches):
        every = []
        found = terms(search)
        if index and sqlite:
            query = words_query(conn, found)
            if query is not None:
                params[f"w{i}m"] = query
                every.append(
                    f"c.id IN (SELECT rowid FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH :w{i}m)"
                )
        for j, term in enumerate(found):
            name = f"w{i}_{j}"
            params[f"{name}r"] = flags + term.regex
            narrow = ""
            if term.like.isascii():
                params[f"{name}l"] = term.like
                narrow = f"lower({{col}}) LIKE :{name}l ESCAPE '!' AND "
            test = f"({narrow}{{col}} {operator} :{name}r)"
            if index and not sqlite and postgresql_indexed(term):
                every.append(
                    f"c.id IN (SELECT c2.id FROM claim c2 WHERE c2.text ~* :{name}r "
                    f"UNION SELECT qa.claim_id FROM attribution qa WHERE qa.quote ~* :{name}r)"
                )
            every.append(
                f"({test.format(col='c.text')} OR EXISTS (SELECT 1 FROM attribution qa "
                f"WHERE qa.claim_id = c.id AND {test.format(col='qa.quote')}))"
            )
        if every:
            either.append(f"({' AND '.join(every)})")
    return f"({' OR '.join(either)})" if either else ""


def _attribution_subquery(conn: Connection, f: ClaimFilter, params: dict[str, Any]) -> str | None:
    """Ids of claims with an attribution matching the source filters, found through the
    source and relay indexes (a UNION of origin and relay routes), never claim by claim."""
    origin: list[str] = []
    if values(f.source_kind):
        origin.append("s.kind IN :kind")
        params["kind"] = values(f.source_kind)
    if f.named is not None:
        origin.append("s.named = :named")
        params["named"] = f.named
    if values(f.party):
        origin.append("lower(s.party) IN :party")
        params["party"] = [p.lower() for p in values(f.party)]
    if f.min_reliability:
        origin.append("s.reliability <= :rel")
        params["rel"] = f.min_reliability.upper()
    if values(f.via):
        params["via"] = _resolve_all(conn, values(f.via))
        origin.append("a.id IN (SELECT r2.attribution_id FROM relay r2 WHERE r2.source_id IN :via)")
    base = "SELECT a.claim_id FROM attribution a JOIN source s ON s.id = a.source_id"
    routes: list[tuple[str, list[str]]] = []
    if values(f.source):
        params["src"] = _resolve_all(conn, values(f.source))
        routes.append((base, ["a.source_id IN :src"]))
        if not f.origin_only:
            relayed = (
                "SELECT a.claim_id FROM relay r JOIN attribution a ON a.id = r.attribution_id "
                "JOIN source s ON s.id = a.source_id"
            )
            routes.append((relayed, ["r.source_id IN :src"]))
    elif origin:
        routes.append((base, []))
    if not routes:
        return None
    return " UNION ".join(f"{sql} WHERE {' AND '.join(own + origin)}" for sql, own in routes)


def _resolve_all(conn: Connection, names: list[str]) -> list[int]:
    return sorted({i for name in names for i in resolve_sources(conn, name)})


MAX_LIMIT = 2**31 - 1


def bounded_limit(limit: int | None) -> int | None:
    """A row limit SQL can take: at least 0, and no more rows than a table can hold."""
    if limit is None:
        return None
    if limit < 0:
        raise UsageError(f"a limit cannot be negative (got {limit})")
    return min(int(limit), MAX_LIMIT)


def find_claims(
    session: Session, f: ClaimFilter, *, limit: int | None = None, sort: str = "key"
) -> list[ClaimView]:
    """Claims matching every filter, in a stable order, each with its attributions."""
    return list(iter_claims(session, f, limit=limit, sort=sort))


def iter_claims(
    session: Session, f: ClaimFilter, *, limit: int | None = None, sort: str = "key"
) -> Iterator[ClaimView]:
    """``find_claims`` loaded and given ``LOAD_CHUNK`` claims at a time: only the ids of
    the matching claims are held, so listing a whole archive takes the memory of a chunk.
    The orders by counts are sorted by the database, ties by key in code-point order."""
    if sort not in CLAIM_SORTS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(CLAIM_SORTS)}")
    conn = session.connection()
    if sort == "key" and values(f.source) and not has_origin_filter(f):
        sql, params = _by_source_in_key_order(conn, f)
    else:
        where, params = claim_where(conn, f)
        sql = f"SELECT c.id FROM claim c {_COUNTS_JOIN if sort in _COUNTED else ''}WHERE {where} "
        sql += f"ORDER BY {_order_by(conn, sort)}"
    limit = bounded_limit(limit)
    if limit is not None:
        sql += f" LIMIT {limit}"
    ids = [r[-1] for r in conn.execute(expanding_text(sql, params), params)]
    for chunk in chunks(ids, LOAD_CHUNK):
        yield from load_claims(conn, chunk)


def has_origin_filter(f: ClaimFilter) -> bool:
    """Whether the filter asks something of a report's origin or relays beyond its source."""
    return bool(
        values(f.source_kind)
        or f.named is not None
        or values(f.party)
        or f.min_reliability
        or values(f.via)
    )


def _by_source_in_key_order(conn: Connection, f: ClaimFilter) -> tuple[str, dict[str, Any]]:
    """The claims of a source (as origin, or as relay too) in key order, read from
    ``claim_by_source`` in that order: a page stops after its rows, however many claims
    the source has. The claims' own conditions apply as each is read."""
    where, params = claim_where(conn, replace(f, source=None))
    params["src"] = _resolve_all(conn, values(f.source))
    role = " AND x.position = -1" if f.origin_only else ""
    sql = (
        "SELECT DISTINCT x.claim_key, c.id FROM claim_by_source x "
        "JOIN claim c ON c.key = x.claim_key "
        f"WHERE x.source_id IN :src{role} AND {where} ORDER BY x.claim_key"
    )
    return sql, params


LOAD_CHUNK = 5000
_COUNTED = {"reports": "n.reports", "origins": "n.origins"}
_COUNTS_JOIN = (
    "LEFT JOIN (SELECT a.claim_id, COUNT(*) AS reports, "
    "COUNT(DISTINCT COALESCE(s.merged_into_id, s.id)) AS origins "
    "FROM attribution a JOIN source s ON s.id = a.source_id GROUP BY a.claim_id) n "
    "ON n.claim_id = c.id "
)
"""A claim's reports and origins (``ClaimView.reports``, ``ClaimView.origins``): its
attributions, and their origin sources counted as the sources they were merged into."""


def _order_by(conn: Connection, sort: str) -> str:
    if sort == "as_of":
        return "c.as_of_start, c.key"
    if sort not in _COUNTED:
        return "c.key"
    collate = code_point_order(conn)
    return f"COALESCE({_COUNTED[sort]}, 0) DESC, c.key{collate}"


def count_claims(session: Session, f: ClaimFilter) -> int:
    """How many claims match the filter (for "N more" after a page)."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    sql = f"SELECT COUNT(*) FROM claim c WHERE {where}"
    return int(conn.execute(expanding_text(sql, params), params).scalar_one())


def load_claims(conn: Connection, ids: Sequence[int]) -> list[ClaimView]:
    """Full views of the given claims, in the given order."""
    views: dict[int, ClaimView] = {}
    for chunk in chunks(ids, 5000):
        _load_chunk(conn, chunk, views)
    return [views[i] for i in ids if i in views]


def rows_in(conn: Connection, sql: str, ids: Sequence[int]) -> Sequence[Any]:
    """Every row of ``sql`` whose ``{column}`` placeholder is that column being one of
    ``ids``: one bound parameter however many ids (``in_set``), so the statement is not
    rendered again for each page, and the rows fetched at once."""
    column = sql[sql.index("{") + 1 : sql.index("}")]
    condition, value = in_set(conn, column, "ids", ids)
    found = sql.replace("{" + column + "}", condition)
    return conn.execute(text(found), {"ids": value}).all()


def _load_chunk(conn: Connection, ids: list[int], views: dict[int, ClaimView]) -> None:
    if not ids:
        return
    claims = rows_in(
        conn,
        "SELECT c.id, c.key, c.text, c.category, c.subject, c.metric, c.location, c.as_of, "
        "c.language, c.quantity, c.qualifier, c.value, c.low, c.high, c.unit, c.unit_written, "
        "c.status, m.key FROM claim c LEFT JOIN claim m ON m.id = c.merged_into_id "
        "WHERE {c.id}",
        ids,
    )
    for r in claims:
        views[r[0]] = ClaimView(
            key=r[1],
            text=r[2],
            category=r[3],
            subject=r[4],
            metric=r[5],
            location=r[6],
            as_of=r[7],
            language=r[8],
            quantity=_quantity(r[9:16]),
            status=r[16],
            merged_into=r[17],
        )
    _attach_attributions(conn, ids, views)


def _quantity(r: Sequence[Any]) -> dict[str, Any] | None:
    written, qualifier, value, low, high, unit, unit_written = r
    if written is None and qualifier is None:
        return None
    return {
        "text": written,
        "qualifier": qualifier,
        "value": value,
        "low": low,
        "high": high,
        "unit": unit,
        "unit_written": unit_written,
    }


_DOCUMENT_VIEW = ("key", *DOCUMENT_FIELDS[:7])  # shown with each report; not text or sha256


def _attach_attributions(conn: Connection, ids: list[int], views: dict[int, ClaimView]) -> None:
    sources = _SourceCache(conn)
    rows = rows_in(
        conn,
        "SELECT a.id, a.claim_id, a.source_id, a.quote, a.stance, a.credibility, a.hedges, "
        "rc.key, d.key, d.title, d.outlet, d.author, d.url, d.published, d.accessed, "
        "d.language "
        "FROM attribution a JOIN claim rc ON rc.id = a.reported_claim_id "
        "LEFT JOIN document d ON d.id = a.document_id WHERE {a.claim_id} ORDER BY a.id",
        ids,
    )
    relays = _relays(conn, [r[0] for r in rows])
    extras = _extras(conn, [r[0] for r in rows])
    sources.preload([r[2] for r in rows] + [s for ids in relays.values() for s in ids])
    for r in rows:
        doc = None
        if r[8] is not None:
            doc = dict(zip(_DOCUMENT_VIEW, r[8:16], strict=True))
        origin = sources.get(r[2])
        views[r[1]].attributions.append(
            AttributionView(
                id=r[0],
                origin=origin,
                via=[sources.get(s) for s in relays.get(r[0], [])],
                quote=r[3],
                stance=r[4],
                credibility=r[5],
                reliability=sources.reliability(r[2]),
                hedges=r[6].split("; ") if r[6] else [],
                document=doc,
                reported_as=r[7],
                extra=extras.get(r[0], {}),
            )
        )


def _extras(conn: Connection, attribution_ids: list[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for chunk in chunks(attribution_ids, 5000):
        for aid, name, value in rows_in(
            conn,
            "SELECT attribution_id, name, value FROM attribution_extra "
            "WHERE {attribution_id} ORDER BY attribution_id, name",
            chunk,
        ):
            out.setdefault(aid, {})[name] = value
    return out


def _relays(conn: Connection, attribution_ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for chunk in chunks(attribution_ids, 5000):
        for aid, sid in rows_in(
            conn,
            "SELECT attribution_id, source_id FROM relay WHERE {attribution_id} "
            "ORDER BY attribution_id, position",
            chunk,
        ):
            out.setdefault(aid, []).append(sid)
    return out


class _SourceCache:
    """Sources by id, seen through merges (a merged source shows as its target),
    loaded in one query for all the ids a page needs."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.cache: dict[int, tuple[SourceRef, str]] = {}

    def preload(self, ids: Iterable[int]) -> None:
        wanted = sorted(set(ids) - self.cache.keys())
        for chunk in chunks(wanted, 5000):
            sql = (
                "SELECT s.id, t.key, t.name, t.named, t.kind, t.affiliation, t.reliability "
                "FROM source s JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id) "
                "WHERE {s.id}"
            )
            for r in rows_in(self.conn, sql, chunk):
                self.cache[r[0]] = (SourceRef(r[1], r[2], bool(r[3]), r[4], r[5]), r[6])

    def _entry(self, source_id: int) -> tuple[SourceRef, str]:
        if source_id not in self.cache:
            self.preload([source_id])
        return self.cache[source_id]

    def get(self, source_id: int) -> SourceRef:
        return self._entry(source_id)[0]

    def reliability(self, source_id: int) -> str:
        return self._entry(source_id)[1]


def claim_id_of(conn: Connection, key: str) -> int:
    """The id of the claim with this key."""
    row = conn.execute(text("SELECT id FROM claim WHERE key = :k"), {"k": key}).first()
    if row is None:
        raise NotFoundError(f"no claim {key!r}")
    return int(row[0])


def get_claim(session: Session, key: str) -> ClaimView:
    conn = session.connection()
    row = conn.execute(text("SELECT id FROM claim WHERE key = :k"), {"k": key}).first()
    if row is None:
        raise NotFoundError(f"no claim {key!r}{_suggest_claims(conn, key)}")
    return load_claims(conn, [row[0]])[0]


def _suggest_claims(conn: Connection, key: str) -> str:
    from rapidfuzz import process

    prefix = key[:3].lower()
    keys = [
        r[0]
        for r in conn.execute(
            text("SELECT key FROM claim WHERE substr(lower(key), 1, 3) = :p"), {"p": prefix}
        )
    ]
    best = process.extractOne(key, keys, score_cutoff=70) if keys else None
    return f"; did you mean {best[0]!r}?" if best else ""


def pair_keys(before: Any, after: Any) -> set[str]:
    """The claim keys an event about a pair of claims names, read from its payload
    (a pair's ``entity_key`` joins two keys with a space, which keys may contain)."""
    keys: set[str] = set()
    for payload in (before, after):
        if isinstance(payload, dict):
            keys.update(payload.get("claims") or ())
            keys.update(payload[f] for f in ("claim", "into") if payload.get(f) is not None)
    return keys


def claim_history(session: Session, key: str) -> list[dict[str, Any]]:
    """Events about the claim: the import that created it, then edits (of it and of its
    reports), merges, reviews."""
    conn = session.connection()
    found = conn.execute(
        text(
            "SELECT e.id, e.at, e.actor, e.action, e.entity, e.entity_key, e.before, e.after, "
            "e.command "
            "FROM event e WHERE (e.entity = 'claim' AND e.entity_key = :k) "
            "OR (e.action = 'import' AND e.batch_id = (SELECT batch_id FROM claim WHERE key = :k)) "
            "OR e.entity IN ('claim_pair', 'attribution') "
            "ORDER BY e.id"
        ),
        {"k": key},
    )
    rows = [
        r
        for r in found
        if r[4] not in ("claim_pair", "attribution")
        or key in pair_keys(json.loads(r[6]) if r[6] else None, json.loads(r[7]) if r[7] else None)
    ]
    return [
        {
            "event": r[0],
            "at": r[1],
            "actor": r[2],
            "action": r[3],
            "entity": r[4],
            "entity_key": r[5],
            "before": json.loads(r[6]) if r[6] else None,
            "after": json.loads(r[7]) if r[7] else None,
            "command": r[8],
        }
        for r in rows
    ]


# --- sources ----------------------------------------------------------------------------


def list_sources(session: Session, *, include_merged: bool = False) -> list[dict[str, Any]]:
    """Every source with its claim counts as origin and as relay (active claims)."""
    conn = session.connection()
    origin_counts: dict[int, int] = dict(
        conn.execute(
            text(
                "SELECT COALESCE(s.merged_into_id, s.id), COUNT(DISTINCT a.claim_id) "
                "FROM attribution a "
                "JOIN source s ON s.id = a.source_id JOIN claim c ON c.id = a.claim_id "
                "WHERE c.status = 'active' GROUP BY COALESCE(s.merged_into_id, s.id)"
            )
        ).all()
    )
    relay_counts: dict[int, int] = dict(
        conn.execute(
            text(
                "SELECT COALESCE(s.merged_into_id, s.id), COUNT(DISTINCT a.claim_id) FROM relay r "
                "JOIN source s ON s.id = r.source_id JOIN attribution a ON a.id = r.attribution_id "
                "JOIN claim c ON c.id = a.claim_id WHERE c.status = 'active' "
                "GROUP BY COALESCE(s.merged_into_id, s.id)"
            )
        ).all()
    )
    aliases: dict[int, list[str]] = {}
    for sid, alias in conn.execute(text("SELECT source_id, alias FROM source_alias ORDER BY id")):
        aliases.setdefault(sid, []).append(alias)
    merged_names = text(
        "SELECT name, merged_into_id FROM source WHERE merged_into_id IS NOT NULL ORDER BY id"
    )
    for name, target in conn.execute(merged_names):
        aliases.setdefault(target, []).append(name)  # a merged source's name is an alias now
    variants: dict[int, list[str]] = {}
    for sid, name, value in conn.execute(
        text("SELECT source_id, field, value FROM source_variant ORDER BY created_at, value")
    ):
        variants.setdefault(sid, []).append(f"{name}: {value}")
    out = []
    for r in conn.execute(
        text(
            "SELECT s.id, s.key, s.name, s.kind, s.named, s.affiliation, s.party, s.reliability, "
            "m.key FROM source s LEFT JOIN source m ON m.id = s.merged_into_id ORDER BY s.key"
        )
    ):
        if r[8] is not None and not include_merged:
            continue
        out.append(
            {
                "key": r[1],
                "name": r[2],
                "aliases": aliases.get(r[0], []),
                "kind": r[3],
                "named": bool(r[4]),
                "affiliation": r[5],
                "variants": variants.get(r[0], []),
                "party": r[6],
                "reliability": r[7],
                "as_origin": origin_counts.get(r[0], 0),
                "as_relay": relay_counts.get(r[0], 0),
                "merged_into": r[8],
            }
        )
    return out


def get_source(session: Session, name: str) -> dict[str, Any]:
    """One source (key, name or alias) as ``list_sources`` gives it, with the sources
    merged into it counted as it; unknown names raise NotFoundError with suggestions."""
    conn = session.connection()
    by_key = conn.execute(text("SELECT id FROM source WHERE key = :k"), {"k": name}).scalar()
    ids = [int(by_key)] if by_key is not None else resolve_sources(conn, name)
    canonical = min(canonical_source(conn, i) for i in ids)
    merged = text("SELECT id FROM source WHERE merged_into_id = :i")
    ids = sorted({canonical, *(row[0] for row in conn.execute(merged, {"i": canonical}))})
    params: dict[str, Any] = {"ids": ids}
    origin = conn.execute(
        expanding_text(
            "SELECT COUNT(DISTINCT a.claim_id) FROM attribution a JOIN claim c ON c.id = "
            "a.claim_id WHERE c.status = 'active' AND a.source_id IN :ids",
            params,
        ),
        params,
    ).scalar_one()
    relay = conn.execute(
        expanding_text(
            "SELECT COUNT(DISTINCT a.claim_id) FROM relay r JOIN attribution a ON a.id = "
            "r.attribution_id JOIN claim c ON c.id = a.claim_id "
            "WHERE c.status = 'active' AND r.source_id IN :ids",
            params,
        ),
        params,
    ).scalar_one()
    r = conn.execute(
        text(
            "SELECT key, name, kind, named, affiliation, party, reliability FROM source "
            "WHERE id = :i"
        ),
        {"i": canonical},
    ).one()
    aliases = [
        row[0]
        for row in conn.execute(
            expanding_text(
                "SELECT alias FROM source_alias WHERE source_id IN :ids ORDER BY id", params
            ),
            params,
        )
    ]
    aliases += [
        row[0]
        for row in conn.execute(
            text("SELECT name FROM source WHERE merged_into_id = :i ORDER BY id"), {"i": canonical}
        )
    ]
    variants = [
        f"{row[0]}: {row[1]}"
        for row in conn.execute(
            text(
                "SELECT field, value FROM source_variant WHERE source_id = :i "
                "ORDER BY created_at, value"
            ),
            {"i": canonical},
        )
    ]
    return {
        "key": r[0],
        "name": r[1],
        "aliases": list(dict.fromkeys(aliases)),
        "kind": r[2],
        "named": bool(r[3]),
        "affiliation": r[4],
        "variants": variants,
        "party": r[5],
        "reliability": r[6],
        "as_origin": int(origin),
        "as_relay": int(relay),
        "merged_into": None,
    }
