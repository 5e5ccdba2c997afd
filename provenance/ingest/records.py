"""Validated input records, built from CSV rows or YAML/JSON trees.

``None`` in a record means "not given": a record that only names a source, document
or claim matches the stored one without overriding it; a value that is given and
differs from the stored one is an error rather than a silent edit.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar

from provenance import quantities
from provenance.dates import DateOrder, PartialDate, parse_partial_date
from provenance.errors import Problem
from provenance.ingest.readers import LocDict, unstorable
from provenance.normalize import fold, short_hash, slug_or_hash
from provenance.vocabulary import (
    CATEGORIES,
    CLAIM_STATUSES,
    DOCUMENT_FIELDS,
    RELIABILITY_GRADES,
    SOURCE_KINDS,
    STANCES,
)

CSV_COLUMNS = (
    "claim_key",
    "claim",
    "category",
    "subject",
    "metric",
    "location",
    "quantity",
    "qualifier",
    "value",
    "low",
    "high",
    "unit",
    "as_of",
    "stance",
    "source",
    "source_kind",
    "source_named",
    "source_affiliation",
    "reliability",
    "credibility",
    "via",
    "quote",
    "document_title",
    "outlet",
    "author",
    "url",
    "published",
    "accessed",
    "language",
)
EXTRA_COLUMNS = (
    "hedges",
    "source_key",
    "source_party",
    "via_keys",
    "document_key",
    "via_kinds",
    "via_named",
    "via_sources",
    "document_language",
    "status",
    "merged_into",
    "source_merged_into",
    "status_reason",
    "source_merge_reason",
)
"""Optional columns beyond the issue's list, so that export -> import loses nothing:
``via_kinds`` and ``via_named`` give each relay's kind and flag, ``via_sources`` every
field of each relay (a JSON list, one object per relay; when present it is the one read),
``document_language`` the document's language where it differs from the claim's,
``status`` the claim's status (``merged_into``: the claim it was merged into) and
``source_merged_into`` the source the row's source was merged into; ``status_reason`` and
``source_merge_reason`` say why, as the retraction or merge gave it."""
READONLY_COLUMNS = ("reports", "origins", "named_origins")
"""Written by export after the others; recognised and ignored by import."""
REQUIRED_COLUMNS = ("claim", "source")
EXTRA_PREFIX = "extra:"
"""How a row names a column kept as an extra field (``extra:Notes``); no column has a colon."""
KNOWN_COLUMNS = CSV_COLUMNS + EXTRA_COLUMNS + READONLY_COLUMNS

_T = TypeVar("_T")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_TRUE = {"true", "yes", "1", "y", "named"}
_FALSE = {"false", "no", "0", "n", "unnamed"}


class FieldError(ValueError):
    """A field's value is invalid; the message is the reason shown to the user."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Loc:
    file: str
    line: int | None

    def problem(self, field: str | None, reason: str) -> Problem:
        return Problem(self.file, self.line, field, reason)


@dataclass(slots=True)
class SourceIn:
    ref: str
    loc: Loc = field(compare=False)
    key: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    named: bool | None = None
    affiliation: str | None = None
    party: str | None = None
    reliability: str | None = None
    notes: str | None = None
    merged_into: str | None = None
    """The key of the source this one was merged into (export writes it)."""
    merge_reason: str | None = None
    """Why it was merged, as the merge gave it."""
    create: bool = True
    """Create it when no stored source matches (False: an unknown ref is an error)."""


@dataclass(slots=True)
class DocumentIn:
    key: str
    loc: Loc = field(compare=False)
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    accessed: str | None = None
    language: str | None = None
    text: str | None = None
    sha256: str | None = None
    create: bool = True


@dataclass(slots=True)
class ClaimIn:
    key: str
    text: str
    loc: Loc = field(compare=False)
    category: str | None = None
    subject: str | None = None
    metric: str | None = None
    location: str | None = None
    as_of: PartialDate | None = None
    language: str | None = None
    quantity: quantities.Quantity | None = None
    quantity_text: str | None = None
    status: str | None = None
    """active, merged or retracted, when the file says (export writes it)."""
    merged_into: str | None = None
    status_reason: str | None = None
    """Why it was merged or retracted, as the merge or retraction gave it."""


@dataclass(slots=True)
class AttributionIn:
    claim: ClaimIn
    source: SourceIn
    loc: Loc = field(compare=False)
    via: tuple[SourceIn, ...] = ()
    document: DocumentIn | None = None
    quote: str | None = None
    stance: str = "asserts"
    credibility: int = 6
    hedges: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    """Fields provenance has no column for (a ``Notes`` column), by name, as text."""


# --- field converters ------------------------------------------------------------------


def text(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value)
    return s if s.strip() else None


def ident(value: Any) -> str | None:
    """A key, name or code: stripped and in Unicode NFC, so that the same word typed
    as composed or decomposed characters (``café``) is one key."""
    s = text(value)
    return unicodedata.normalize("NFC", s.strip()) if s is not None else None


def choice(field: str, value: Any, allowed: tuple[str, ...]) -> str | None:
    s = ident(value)
    if s is None:
        return None
    norm = s.lower().replace(" ", "_").replace("-", "_")
    if norm not in allowed:
        raise FieldError(field, f"{s!r} is not one of: {', '.join(allowed)}{_hint(norm, allowed)}")
    return norm


def _hint(word: str, allowed: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(allowed), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""


def boolean(field: str, value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    s = ident(value)
    if s is None:
        return None
    low = s.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise FieldError(field, f"{s!r} is not true or false")


def reliability(value: Any) -> str | None:
    s = ident(value)
    if s is None:
        return None
    if s.upper() not in RELIABILITY_GRADES:
        raise FieldError("reliability", f"{s!r} is not an Admiralty reliability grade A-F")
    return s.upper()


def credibility(value: Any) -> int | None:
    s = ident(value)
    if s is None:
        return None
    if s not in {"1", "2", "3", "4", "5", "6"}:
        raise FieldError("credibility", f"{s!r} is not an Admiralty credibility grade 1-6")
    return int(s)


def number(field: str, value: Any) -> float | None:
    if isinstance(value, bool):
        raise FieldError(field, f"{value!r} is not a number")
    if isinstance(value, int | float):
        return in_range(field, float(value), str(value))
    s = ident(value)
    if s is None:
        return None
    try:
        result = float(s)
    except ValueError:
        raise FieldError(field, f"{s!r} is not a plain number (write 1376 or 1.5)") from None
    return in_range(field, result, s)


MAX_FIGURE = 1e15  # larger than any count, area or sum in reporting; far below overflow


def in_range(field: str, value: float, written: str) -> float:
    """``value`` if finite and within ±MAX_FIGURE: a figure beyond that is a typo or an
    attack, and would overflow to infinity once converted (1e308 square miles)."""
    if not math.isfinite(value):
        raise FieldError(field, f"{written!r} is not a finite number")
    if abs(value) > MAX_FIGURE:
        raise FieldError(field, f"{written!r} is out of range (at most {MAX_FIGURE:.0e})")
    return value


def date_text(field: str, value: Any, order: DateOrder | None = None) -> str | None:
    d = partial_date(field, value, order)
    return d.iso() if d else None


def partial_date(field: str, value: Any, order: DateOrder | None = None) -> PartialDate | None:
    s = ident(value)
    if s is None:
        return None
    try:
        return parse_partial_date(s, order)
    except ValueError as exc:
        raise FieldError(field, str(exc)) from None


def language(value: Any) -> str | None:
    s = ident(value)
    if s is None:
        return None
    low = s.lower().replace("_", "-")
    if not _LANGUAGE.match(low):
        raise FieldError("language", f"{s!r} is not a language code such as en, de or pt-br")
    return low


def text_list(field: str, value: Any) -> tuple[str, ...]:
    """A list, or a ``;``-separated string."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(value).split(";")
    out = []
    for item in items:
        if item is not None and not isinstance(item, str):
            raise FieldError(field, f"entries must be text, not {_json_type(item)}")
        s = ident(item)
        if s is not None:
            out.append(s)
        elif isinstance(value, list):
            raise FieldError(field, "empty entry in list")
    return tuple(out)


def quantity_of(
    text_value: str | None, parts: Mapping[str, Any], lang: str | None, warn: Callable[[str], None]
) -> quantities.Quantity | None:
    """The parsed quantity: explicit numeric parts win; otherwise parse the text.

    Text that cannot be parsed is kept (``quantity`` column) with a warning, never guessed.
    """
    qualifier = ident(parts.get("qualifier"))
    value = number("value", parts.get("value"))
    low = number("low", parts.get("low"))
    high = number("high", parts.get("high"))
    unit = ident(parts.get("unit"))
    if any(x is not None for x in (qualifier, value, low, high, unit)):
        if value is None and low is None and high is None:
            raise FieldError("value", "a qualifier or unit is given but no value, low or high")
        try:
            q = quantities.from_parts(text_value, qualifier, value, low, high, unit, lang)
        except ValueError as exc:
            raise FieldError("unit" if "unit" in str(exc) else "qualifier", str(exc)) from None
        read = quantities.parse_quantity(text_value, lang) if text_value else None
        differs = quantity_disagreement(_parts(q), read)
        if differs:
            field, given, found = differs
            raise FieldError(
                field, f"{given!r} differs from {found!r} read in quantity {text_value!r}"
            )
        return _checked(_with_written_form(q, text_value, lang), "value", text_value)
    if text_value is None:
        return None
    parsed = quantities.parse_quantity(text_value, lang)
    if parsed is None:
        reason = quantities.explain_refusal(text_value, lang)
        warn(f"could not parse quantity {text_value!r} ({reason}); kept as text")
    return _checked(parsed, "quantity", text_value)


def _checked(
    q: quantities.Quantity | None, field: str, written: str | None
) -> quantities.Quantity | None:
    """The quantity, once every figure of it (after unit conversion) is in range."""
    if q is not None:
        for figure in (q.value, q.low, q.high):
            if figure is not None:
                in_range(field, figure, written or str(figure))
    return q


QUANTITY_PARTS = ("qualifier", "value", "low", "high", "unit")


def _parts(q: quantities.Quantity) -> dict[str, Any]:
    return {f: getattr(q, f) for f in QUANTITY_PARTS}


def quantity_disagreement(
    stored: Mapping[str, Any], read: quantities.Quantity | None
) -> tuple[str, Any, Any] | None:
    """The first part (field, stored, read) where a quantity's stored parts differ from
    what its text reads as, figures compared within the text's rounding; None when they
    agree or the text does not read as a quantity. Import refuses explicit parts that
    differ; ``check`` flags stored ones, e.g. after the parser learned a number word."""
    if read is None:
        return None
    slack = read.precision or 0.0
    for f in QUANTITY_PARTS:
        a, b = stored.get(f), getattr(read, f)
        if f in ("qualifier", "unit"):
            if (a or None) != (b or None):
                return f, a, b
        elif (a is None) != (b is None) or (
            a is not None and b is not None and abs(a - b) > max(slack, 1e-9 * max(abs(a), abs(b)))
        ):
            return f, a, b
    return None


def _with_written_form(
    q: quantities.Quantity, text_value: str | None, lang: str | None
) -> quantities.Quantity:
    """Keep how the figure was written (unit and rounding) when the text agrees."""
    if not text_value:
        return q
    parsed = quantities.parse_quantity(text_value, lang)
    if parsed is None or parsed.unit != q.unit:
        return q

    return replace(q, unit_written=parsed.unit_written, precision=parsed.precision)


def derive_claim_key(claim_text: str, as_of: PartialDate | None) -> str:
    """Rows without a claim_key: the same text on the same date is the same claim."""
    base = slug_or_hash(" ".join(claim_text.split()[:8]), "claim", 40)
    return f"{base}-{short_hash(fold(claim_text), as_of.iso() if as_of else '', length=8)}"


def derive_document_key(fields: Mapping[str, str | None]) -> str | None:
    """Documents are identified by URL, else by title, outlet, author and date together."""
    url = fields.get("url")
    ident_parts = (
        (url,)
        if url
        else tuple(fields.get(k) or "" for k in ("title", "outlet", "author", "published"))
    )
    if not any(ident_parts):
        return None
    label = fields.get("outlet") or fields.get("title") or "doc"
    return f"{slug_or_hash(label, 'doc', 24)}-{short_hash(*[fold(p or '') for p in ident_parts])}"


# --- CSV rows ------------------------------------------------------------------------------


_CLAIM_COLUMNS = (
    *CSV_COLUMNS[: CSV_COLUMNS.index("as_of") + 1],
    "language",
    "status",
    "merged_into",
    "status_reason",
)
_SOURCE_COLUMNS = (
    "source",
    "source_key",
    "source_kind",
    "source_named",
    "source_affiliation",
    "source_party",
    "reliability",
    "source_merged_into",
    "source_merge_reason",
)
_DOCUMENT_COLUMNS = (
    "document_title",
    "outlet",
    "author",
    "url",
    "published",
    "accessed",
    "language",
    "document_key",
    "document_language",
)
_CACHE_LIMIT = 50_000


def _restamp(record: Any, loc: Loc) -> Any:
    """A copy of a cached record carrying this row's location: its values read at once
    and passed to the constructor in field order (``dataclasses.replace``, or a copy
    slot by slot, costs several times more on the import path)."""
    read, at = _fields_of(record.__class__)
    values = list(read(record))
    values[at] = loc
    return record.__class__(*values)


@cache
def _fields_of(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], int]:
    """A getter of every field of a record class, in constructor order, and where
    ``loc`` is among them. The records have no ``__post_init__`` and every field is a
    constructor argument, so the constructor copies values as they are."""
    names = tuple(f.name for f in fields(cls))
    assert all(f.init for f in fields(cls)) and not hasattr(cls, "__post_init__")
    return attrgetter(*names), names.index("loc")


class RowParser:
    """Builds attributions from CSV rows, validating each distinct group of claim,
    source and document cells once: a large file repeats them on many rows. Only
    valid groups are cached, so every bad row is still reported."""

    def __init__(self, order: DateOrder | None = None) -> None:
        self.order = order
        self.extra_columns: tuple[str, ...] = ()
        """Columns kept as extra fields, named as their heading (``extra_column``)."""
        self._claims: dict[tuple[Any, ...], ClaimIn] = {}
        self._sources: dict[tuple[Any, ...], SourceIn] = {}
        self._documents: dict[tuple[Any, ...], DocumentIn | None] = {}
        self._hedges: dict[tuple[Any, ...], tuple[str, ...]] = {}
        self._languages: dict[str | None, str | None] = {}
        self._stances: dict[str | None, str] = {}
        self._grades: dict[str | None, int] = {}
        """A row's language, stance and credibility by their cells: few distinct ones."""

    def parse(
        self, row: Mapping[str, str], loc: Loc, warn: Callable[[str, str], None]
    ) -> AttributionIn | SourceIn:
        """One CSV row: an attribution with its claim, origin source, relays and
        document; or, when the row gives only a source's columns, that source."""
        get = row.get
        if not get("claim") and not get("claim_key") and _only_source(row):
            return _source_from_row(row, loc)
        lang = self._memo(self._languages, get("language"), language)
        claim = self._cached(
            self._claims,
            _CLAIM_COLUMNS,
            row,
            lambda: _claim_from_row(row, loc, lang, warn, self.order),
            loc,
        )
        source = self._cached(
            self._sources, _SOURCE_COLUMNS, row, lambda: _source_from_row(row, loc), loc
        )
        document = self._cached(
            self._documents,
            _DOCUMENT_COLUMNS,
            row,
            lambda: _document_from_row(row, loc, lang, self.order),
            loc,
        )
        quote = text(get("quote"))
        hedges = self._cached(
            self._hedges,
            ("hedges", "quote", "language"),
            row,
            lambda: _hedges(get("hedges"), quote, lang),
        )
        return AttributionIn(
            claim=claim,
            source=source,
            loc=loc,
            via=_relays(
                get("via"),
                get("via_keys"),
                loc,
                get("via_kinds"),
                get("via_named"),
                get("via_sources"),
            ),
            document=document,
            quote=quote,
            stance=self._memo(self._stances, get("stance"), _stance),
            credibility=self._memo(self._grades, get("credibility"), _credibility),
            hedges=hedges,
            extra=self._extra(row) if self.extra_columns else (),
        )

    def _extra(self, row: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(
            (column[len(EXTRA_PREFIX) :], row[column])
            for column in self.extra_columns
            if column in row and row[column].strip()
        )

    @staticmethod
    def _memo(memo: dict[str | None, _T], cell: str | None, read: Callable[[Any], _T]) -> _T:
        """``read(cell)``, once for each distinct cell: a valid value is kept (while the
        memo is small); an invalid one raises on every row that has it."""
        if cell in memo:
            return memo[cell]
        value = read(cell)
        if len(memo) < _CACHE_LIMIT:
            memo[cell] = value
        return value

    @staticmethod
    def _cached(
        cache: dict[tuple[Any, ...], Any],
        columns: tuple[str, ...],
        row: Mapping[str, str],
        build: Callable[[], Any],
        loc: Loc | None = None,
    ) -> Any:
        """The record built from these cells, once; a hit is re-stamped with this row's line."""
        key = tuple(map(row.get, columns))
        if key in cache:
            hit = cache[key]
            return hit if hit is None or loc is None else _restamp(hit, loc)
        value = build()
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = value
        return value


def _stance(value: str | None) -> str:
    return choice("stance", value, STANCES) or "asserts"


def _credibility(value: str | None) -> int:
    return credibility(value) or 6


def _only_source(row: Mapping[str, str]) -> bool:
    """Whether the row names a source and nothing else (export writes such a row for a
    source that others were merged into but that no report names)."""
    return bool(row.get("source")) and all(
        column in _SOURCE_COLUMNS or not value.strip() for column, value in row.items()
    )


def _claim_from_row(
    row: Mapping[str, str],
    loc: Loc,
    lang: str | None,
    warn: Callable[[str, str], None],
    order: DateOrder | None,
) -> ClaimIn:
    get = row.get
    claim_text = text(get("claim"))
    if claim_text is None:
        raise FieldError("claim", "required")
    as_of = partial_date("as_of", get("as_of"), order)
    quantity_text = text(get("quantity"))
    key = ident(get("claim_key")) or derive_claim_key(claim_text, as_of)
    status, merged_into = claim_status(key, get("status"), get("merged_into"))
    status_reason = text(get("status_reason"))
    if status_reason is not None and status in (None, "active"):
        raise FieldError("status_reason", "given for a claim that is neither merged nor retracted")
    return ClaimIn(
        key=key,
        status=status,
        merged_into=merged_into,
        status_reason=status_reason,
        text=claim_text,
        loc=loc,
        category=choice("category", get("category"), CATEGORIES),
        subject=text(get("subject")),
        metric=text(get("metric")),
        location=text(get("location")),
        as_of=as_of,
        language=lang,
        quantity_text=quantity_text,
        quantity=quantity_of(quantity_text, row, lang, lambda m: warn("quantity", m)),
    )


def _source_from_row(row: Mapping[str, str], loc: Loc) -> SourceIn:
    get = row.get
    source_name = text(get("source"))
    if source_name is None:
        raise FieldError("source", "required")
    merged_into = ident(get("source_merged_into"))
    merge_reason = _merge_reason("source_merge_reason", merged_into, get("source_merge_reason"))
    return SourceIn(
        ref=ident(get("source_key")) or source_name.strip(),
        loc=loc,
        key=ident(get("source_key")),
        name=source_name,
        kind=choice("source_kind", get("source_kind"), SOURCE_KINDS),
        named=boolean("source_named", get("source_named")),
        affiliation=text(get("source_affiliation")),
        party=text(get("source_party")),
        reliability=reliability(get("reliability")),
        merged_into=merged_into,
        merge_reason=merge_reason,
    )


def _merge_reason(field: str, merged_into: str | None, value: Any) -> str | None:
    reason = text(value)
    if reason is not None and merged_into is None:
        raise FieldError(field, "given for a source that is not merged")
    return reason


def claim_status(key: str, status: Any, merged_into: Any) -> tuple[str | None, str | None]:
    """A claim's status and the claim it was merged into: a merged claim names its
    target, and only a merged claim has one."""
    s = choice("status", status, CLAIM_STATUSES)
    into = ident(merged_into)
    if into is not None and s is None:
        s = "merged"
    if s == "merged" and into is None:
        raise FieldError(
            "merged_into", "a merged claim needs the key of the claim it was merged into"
        )
    if into is not None and s != "merged":
        raise FieldError("merged_into", f"given for a claim whose status is {s!r}")
    if into == key:
        raise FieldError("merged_into", "a claim cannot be merged into itself")
    return s, into


def _relays(
    names: Any,
    keys: Any,
    loc: Loc,
    kinds: Any = None,
    named: Any = None,
    records: Any = None,
) -> tuple[SourceIn, ...]:
    """Relays by name; ``via_keys`` (written by export) pins each to its source key, and
    ``via_kinds`` / ``via_named`` give each relay's kind and named flag; ``via_sources``
    (also written by export) gives every field of each relay and is then the one read."""
    if records is not None:
        return _relay_records(names, keys, records, loc)
    name_list = text_list("via", names)
    key_list = text_list("via_keys", keys)
    kind_list = [choice("via_kinds", k, SOURCE_KINDS) for k in text_list("via_kinds", kinds)]
    named_list = [boolean("via_named", n) for n in text_list("via_named", named)]
    for column, values in (
        ("via_keys", key_list),
        ("via_kinds", kind_list),
        ("via_named", named_list),
    ):
        if values and len(values) != len(name_list):
            raise FieldError(column, f"{len(values)} entries for {len(name_list)} relays in via")
    return tuple(
        SourceIn(
            ref=key_list[i] if key_list else n,
            loc=loc,
            key=key_list[i] if key_list else None,
            name=n,
            kind=kind_list[i] if kind_list else None,
            named=named_list[i] if named_list else None,
        )
        for i, n in enumerate(name_list)
    )


RELAY_FIELDS = (  # a relay's fields in ``via_sources``, as export writes them
    "key",
    "name",
    "kind",
    "named",
    "affiliation",
    "party",
    "reliability",
    "merged_into",
    "merge_reason",
)


def _relay_records(names: Any, keys: Any, records: str, loc: Loc) -> tuple[SourceIn, ...]:
    import json

    try:
        items = json.loads(records)
    except ValueError as exc:
        raise FieldError("via_sources", f"not a JSON list of relay sources: {exc}") from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise FieldError("via_sources", "expected a JSON list of objects, one per relay")
    relays = tuple(_relay_record(item, loc) for item in items)
    listed = text_list("via", "; ".join(r.ref_name for r in relays))
    if names is not None and text_list("via", names) != listed:
        raise FieldError("via", "the relay names differ from those in via_sources")
    given_keys = text_list("via_keys", keys)
    if given_keys and given_keys != tuple(r.key for r in relays):
        raise FieldError("via_keys", "the relay keys differ from those in via_sources")
    return tuple(r.source for r in relays)


@dataclass(frozen=True, slots=True)
class _Relay:
    source: SourceIn
    ref_name: str
    key: str | None


def _relay_record(item: dict[str, Any], loc: Loc) -> _Relay:
    unknown = sorted(set(item) - set(RELAY_FIELDS))
    if unknown:
        raise FieldError("via_sources", f"unknown field {unknown[0]!r} in a relay")
    for f, value in item.items():
        if value is not None and not isinstance(value, bool if f == "named" else str):
            kind = "true or false" if f == "named" else "text"
            raise FieldError("via_sources", f"relay field {f!r} must be {kind}")
        reason = unstorable(value) if isinstance(value, str) else None
        if reason:
            raise FieldError("via_sources", f"relay field {f!r}: {reason}")
    name = text(item.get("name"))
    if name is None:
        raise FieldError("via_sources", "every relay needs a name")
    key = ident(item.get("key"))
    merged_into = ident(item.get("merged_into"))
    source = SourceIn(
        ref=key or name.strip(),
        loc=loc,
        key=key,
        name=name,
        kind=choice("via_sources", item.get("kind"), SOURCE_KINDS),
        named=item.get("named"),
        affiliation=text(item.get("affiliation")),
        party=text(item.get("party")),
        reliability=_field("via_sources", reliability, item.get("reliability")),
        merged_into=merged_into,
        merge_reason=_merge_reason("via_sources", merged_into, item.get("merge_reason")),
    )
    return _Relay(source, name.strip(), key)


def _field(name: str, convert: Callable[[Any], Any], value: Any) -> Any:
    """``convert(value)``, its errors reported under the field ``name``."""
    try:
        return convert(value)
    except FieldError as exc:
        raise FieldError(name, exc.reason) from None


def _document_from_row(
    row: Mapping[str, str], loc: Loc, lang: str | None, order: DateOrder | None
) -> DocumentIn | None:
    fields: dict[str, Any] = {
        "title": text(row.get("document_title")),
        "outlet": text(row.get("outlet")),
        "author": text(row.get("author")),
        "url": ident(row.get("url")),
        "published": date_text("published", row.get("published"), order),
        "accessed": date_text("accessed", row.get("accessed"), order),
    }
    key = ident(row.get("document_key")) or derive_document_key(fields)
    if key is None:
        return None
    if "document_language" in row:
        lang = _field("document_language", language, row["document_language"])
    return DocumentIn(key=key, loc=loc, language=lang, **fields)


def _hedges(given: Any, quote: str | None, lang: str | None) -> tuple[str, ...]:
    """Hedge words as given, else those found verbatim in the quote."""
    explicit = text_list("hedges", given)
    if any(";" in h for h in explicit):
        raise FieldError("hedges", "a hedge may not contain ';' (it separates hedges)")
    if explicit or given is not None:
        return explicit
    return tuple(quantities.detect_hedges(quote, lang)) if quote else ()


def extra_fields(value: Any) -> tuple[tuple[str, str], ...]:
    """An ``extra:`` mapping: names to text, sorted by name; empty values are not given."""
    if value is None or isinstance(value, list | bool | int | float):
        return ()  # refused by the field's shape check
    if not isinstance(value, dict):
        raise FieldError("extra", f"expected a mapping of names to text, not {_json_type(value)}")
    out = []
    for name, item in value.items():
        label = text(name)
        if label is None or label != label.strip():
            raise FieldError("extra", f"{name!r} is not a field name (no blanks around it)")
        if item is not None and not isinstance(item, str):
            reason = f"{label!r} must be text, not {_json_type(item)}"
            raise FieldError("extra", reason)
        if isinstance(item, str) and item.strip():
            out.append((label, item))
    return tuple(sorted(out))


# --- nested YAML/JSON ---------------------------------------------------------------------

TOP_KEYS = ("format", "sources", "documents", "claims")
SOURCE_KEYS = (
    "key",
    "name",
    "aliases",
    "kind",
    "named",
    "affiliation",
    "party",
    "reliability",
    "notes",
)
DOCUMENT_KEYS = ("key", *DOCUMENT_FIELDS)
CLAIM_KEYS = (
    "key",
    "text",
    "category",
    "subject",
    "metric",
    "location",
    "as_of",
    "language",
    "quantity",
    "attributions",
)
QUANTITY_KEYS = ("text", "qualifier", "value", "low", "high", "unit")
ATTRIBUTION_KEYS = (
    "source",
    "via",
    "document",
    "quote",
    "stance",
    "credibility",
    "hedges",
    "extra",
)
FORMAT_VERSION = "provenance/1"


# Fields that may hold something other than text in YAML/JSON, and what.
_SHAPES: dict[str, type | tuple[type, ...]] = {
    "aliases": list,
    "named": bool,
    "credibility": int,
    "value": (int, float),
    "low": (int, float),
    "high": (int, float),
    "quantity": dict,
    "attributions": list,
    "via": list,
    "hedges": list,
    "document": dict,
    "extra": dict,
    "sources": list,
    "documents": list,
    "claims": list,
}
_SHAPE_NAMES = {
    "aliases": "a list of text",
    "named": "true or false",
    "credibility": "a grade 1-6",
    "value": "a number",
    "low": "a number",
    "high": "a number",
    "quantity": "text or a mapping",
    "attributions": "a list",
    "via": "text or a list of text",
    "hedges": "text or a list of text",
    "document": "a key or a mapping",
    "extra": "a mapping of names to text",
}


def _flat(shape: type | tuple[type, ...]) -> tuple[type, ...]:
    return shape if isinstance(shape, tuple) else (shape,)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class NestedReader:
    """Turns a nested YAML/JSON tree into records, collecting problems as it goes."""

    def __init__(
        self,
        name: str,
        problems: list[Problem],
        warnings: list[Problem],
        order: DateOrder | None = None,
        extra_name_problem: Callable[[str], str | None] = lambda _name: None,
    ) -> None:
        self.name = name
        self.order = order
        self.extra_name_problem = extra_name_problem
        self.problems = problems
        self.warnings = warnings
        self.documents: dict[str, DocumentIn] = {}

    def loc(self, node: Any, key: str | None = None) -> Loc:
        if isinstance(node, LocDict):
            return Loc(self.name, node.line_of(key) if key else node.line)
        return Loc(self.name, None)

    def read(self, tree: Any) -> Iterator[SourceIn | DocumentIn | AttributionIn]:
        if not isinstance(tree, LocDict):
            self.problems.append(Problem(self.name, 1, None, "expected a mapping with 'claims:'"))
            return
        self._unknown_keys(tree, TOP_KEYS)
        fmt = ident(tree.get("format"))
        if fmt is not None and fmt != FORMAT_VERSION:
            self.problems.append(
                self.loc(tree, "format").problem("format", f"expected {FORMAT_VERSION!r}")
            )
        for item in self._entries(tree, "sources"):
            source = self._guard(item, self._source)
            if source:
                yield source
        for item in self._entries(tree, "documents"):
            doc = self._guard(item, self._document)
            if doc:
                self.documents[doc.key] = doc
                yield doc
        for item in self._entries(tree, "claims"):
            yield from self._guard(item, self._claim) or ()

    def _entries(self, tree: LocDict, key: str) -> list[LocDict]:
        items = tree.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.problems.append(self.loc(tree, key).problem(key, "expected a list"))
            return []
        good = []
        for item in items:
            if isinstance(item, LocDict):
                good.append(item)
            else:
                self.problems.append(
                    self.loc(tree, key).problem(key, "each entry must be a mapping")
                )
        return good

    def _guard(self, node: LocDict, build: Callable[[LocDict], Any]) -> Any:
        try:
            return build(node)
        except FieldError as exc:
            self.problems.append(self.loc(node, exc.field).problem(exc.field, exc.reason))
            return None

    def _ok(self, node: LocDict, convert: Callable[..., _T | None], *args: Any) -> _T | None:
        """A field's value, or None with the problem recorded, so that one pass over
        the file reports every bad field rather than the first of each entry."""
        try:
            return convert(*args)
        except FieldError as exc:
            self.problems.append(self.loc(node, exc.field).problem(exc.field, exc.reason))
            return None

    def _unknown_keys(self, node: LocDict, allowed: tuple[str, ...]) -> None:
        """Unknown fields, and values of a type the field cannot hold (``true`` or a list
        where text is expected), are problems: neither is ever stored as a Python repr."""
        for key, value in node.items():
            if key not in allowed:
                reason = f"unknown field{_hint(key, allowed)}"
                self.problems.append(self.loc(node, key).problem(key, reason))
            elif not (value is None or isinstance(value, str | _SHAPES.get(key, str))) or (
                isinstance(value, bool) and bool not in _flat(_SHAPES.get(key, str))
            ):
                reason = f"expected {_SHAPE_NAMES.get(key, 'text')}, not {_json_type(value)}"
                self.problems.append(self.loc(node, key).problem(key, reason))

    def _source(self, node: LocDict) -> SourceIn:
        self._unknown_keys(node, SOURCE_KEYS)
        name = ident(node.get("name"))
        key = ident(node.get("key"))
        if name is None:
            raise FieldError("name", "required")
        return SourceIn(
            ref=key or name,
            loc=self.loc(node),
            key=key,
            name=name,
            aliases=self._ok(node, text_list, "aliases", node.get("aliases")) or (),
            kind=self._ok(node, choice, "kind", node.get("kind"), SOURCE_KINDS),
            named=self._ok(node, boolean, "named", node.get("named")),
            affiliation=text(node.get("affiliation")),
            party=text(node.get("party")),
            reliability=self._ok(node, reliability, node.get("reliability")),
            notes=text(node.get("notes")),
        )

    def _document(self, node: LocDict) -> DocumentIn:
        self._unknown_keys(node, DOCUMENT_KEYS)
        fields: dict[str, Any] = {
            "title": text(node.get("title")),
            "outlet": text(node.get("outlet")),
            "author": text(node.get("author")),
            "url": ident(node.get("url")),
            "published": self._ok(node, date_text, "published", node.get("published"), self.order),
            "accessed": self._ok(node, date_text, "accessed", node.get("accessed"), self.order),
        }
        key = ident(node.get("key")) or derive_document_key(fields)
        if key is None:
            raise FieldError("key", "a document needs a key, url or title")
        doc_text = text(node.get("text"))
        sha = ident(node.get("sha256"))
        if doc_text is not None:
            from provenance.normalize import sha256_text

            actual = sha256_text(doc_text)
            if sha is not None and sha.lower() != actual:
                raise FieldError("sha256", "does not match the document text")
            sha = actual
        return DocumentIn(
            key=key,
            loc=self.loc(node),
            language=self._ok(node, language, node.get("language")),
            text=doc_text,
            sha256=sha.lower() if sha else None,
            **fields,
        )

    def _claim(self, node: LocDict) -> list[AttributionIn]:
        self._unknown_keys(node, CLAIM_KEYS)
        claim_text = text(node.get("text"))
        if claim_text is None:
            raise FieldError("text", "required")
        raw_attributions = node.get("attributions")
        if not isinstance(raw_attributions, list) or not raw_attributions:
            raise FieldError("attributions", "a claim needs at least one attribution")
        as_of = self._ok(node, partial_date, "as_of", node.get("as_of"), self.order)
        lang = self._ok(node, language, node.get("language")) or self._first_language(
            raw_attributions
        )
        quantity_text, parts = self._quantity_parts(node)
        loc = self.loc(node)
        claim = ClaimIn(
            key=ident(node.get("key")) or derive_claim_key(claim_text, as_of),
            text=claim_text,
            loc=loc,
            category=self._ok(node, choice, "category", node.get("category"), CATEGORIES),
            subject=text(node.get("subject")),
            metric=text(node.get("metric")),
            location=text(node.get("location")),
            as_of=as_of,
            language=lang,
            quantity_text=quantity_text,
            quantity=self._ok(
                node, quantity_of, quantity_text, parts, lang, self._warner(node, "quantity")
            ),
        )
        out = []
        for raw in raw_attributions:
            if not isinstance(raw, LocDict):
                self.problems.append(loc.problem("attributions", "each entry must be a mapping"))
                continue
            attribution = self._guard(raw, lambda n: self._attribution(n, claim))
            if attribution:
                out.append(attribution)
        return out

    def _warner(self, node: LocDict, field: str) -> Callable[[str], None]:
        return lambda message: self.warnings.append(self.loc(node, field).problem(field, message))

    def _quantity_parts(self, node: LocDict) -> tuple[str | None, Mapping[str, Any]]:
        raw = node.get("quantity")
        if isinstance(raw, LocDict):
            self._unknown_keys(raw, QUANTITY_KEYS)
            return text(raw.get("text")), raw
        if isinstance(raw, list):
            raise FieldError("quantity", "expected text or a mapping")
        return text(raw), {}

    def _first_language(self, attributions: list[Any]) -> str | None:
        for raw in attributions:
            if isinstance(raw, LocDict):
                doc = raw.get("document")
                known = self.documents.get(doc) if isinstance(doc, str) else None
                if known and known.language:
                    return known.language
                if isinstance(doc, LocDict) and doc.get("language"):
                    return language(doc.get("language"))
        return None

    def _attribution(self, node: LocDict, claim: ClaimIn) -> AttributionIn:
        self._unknown_keys(node, ATTRIBUTION_KEYS)
        source_ref = ident(node.get("source"))
        if source_ref is None:
            raise FieldError("source", "required")
        loc = self.loc(node)
        lang = claim.language
        quote = text(node.get("quote"))
        return AttributionIn(
            claim=claim,
            source=SourceIn(ref=source_ref, loc=self.loc(node, "source"), create=False),
            loc=loc,
            via=tuple(
                SourceIn(ref=r, loc=self.loc(node, "via"), create=False)
                for r in self._ok(node, text_list, "via", node.get("via")) or ()
            ),
            document=self._document_ref(node),
            quote=quote,
            stance=self._ok(node, choice, "stance", node.get("stance"), STANCES) or "asserts",
            credibility=self._ok(node, credibility, node.get("credibility")) or 6,
            hedges=self._ok(node, _hedges, node.get("hedges"), quote, lang) or (),
            extra=self._ok(node, self._extra, node.get("extra")) or (),
        )

    def _extra(self, value: Any) -> tuple[tuple[str, str], ...]:
        fields = extra_fields(value)
        for name, _ in fields:
            reason = self.extra_name_problem(name)
            if reason:
                raise FieldError("extra", reason)
        return fields

    def _document_ref(self, node: LocDict) -> DocumentIn | None:
        raw = node.get("document")
        if raw is None:
            return None
        if isinstance(raw, LocDict):
            doc = self._document(raw)
            self.documents.setdefault(doc.key, doc)
            return doc
        key = ident(raw)
        if key is None:
            return None
        return self.documents.get(key) or DocumentIn(
            key=key, loc=self.loc(node, "document"), create=False
        )
