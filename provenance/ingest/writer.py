"""Bulk write of validated records inside one transaction.

Sources are few and resolved in memory. Documents, claims and attributions are
resolved a batch at a time against the database (``WHERE key IN (...)``), so memory
does not grow with the file, and rows are written with the backend's fast path
(``db.bulk_insert``) with ids reserved up front, never as ORM objects row by row.

A record that repeats a stored one changes nothing (keys and attribution fingerprints
make import idempotent). A field that was left at its default ("not given") may be
filled in by a later record; that is logged as an edit. A given value that differs
from a stored one is an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, text

from provenance import db
from provenance.bulk import collect_young, in_set
from provenance.errors import Problem
from provenance.ingest.options import ImportOptions
from provenance.ingest.records import (
    AttributionIn,
    ClaimIn,
    DocumentIn,
    Loc,
    SourceIn,
)
from provenance.intervals import Quantity
from provenance.normalize import (
    fold,
    quote_found,
    scripts,
    searchable,
    sha256_text,
    skeleton,
    slug_or_hash,
)
from provenance.progress import Progress, ignore
from provenance.vocabulary import DOCUMENT_FIELDS

BATCH_SIZE = 5000
EXTRA_COLUMNS = ("attribution_id", "name", "value", "batch_id")
IMPORTING = "importing"

SOURCE_DEFAULTS: dict[str, Any] = {
    "kind": "other",
    "affiliation": None,
    "party": None,
    "reliability": "F",
    "notes": None,
}
SOURCE_FIELDS = ("name", "kind", "named", "affiliation", "party", "reliability", "notes")
CLAIM_TEXT_FIELDS = ("category", "subject", "metric", "location", "as_of", "language", "quantity")
QUANTITY_FIELDS = (
    "qualifier",
    "value",
    "low",
    "high",
    "unit",
    "unit_written",
    "dimension",
    "precision",
)


def quantity_values(q: Quantity | None) -> dict[str, Any]:
    """The stored columns (``QUANTITY_FIELDS``) of a parsed figure; all empty without one."""
    if q is None:
        return dict.fromkeys(QUANTITY_FIELDS)
    return {
        "qualifier": q.qualifier,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "unit_written": q.unit_written or None,
        "dimension": q.dimension,
        "precision": q.precision,
    }


CLAIM_COLUMNS = (
    "id",
    "key",
    "text",
    "category",
    "subject",
    "metric",
    "location",
    "as_of",
    "as_of_start",
    "as_of_end",
    "language",
    "quantity",
    *QUANTITY_FIELDS,
    "status",
    "batch_id",
    "created_at",
    "updated_at",
)
ATTRIBUTION_COLUMNS = (
    "id",
    "claim_id",
    "reported_claim_id",
    "source_id",
    "document_id",
    "quote",
    "stance",
    "credibility",
    "hedges",
    "fingerprint",
    "batch_id",
    "created_at",
)


@dataclass
class Counts:
    sources: int = 0
    aliases: int = 0
    documents: int = 0
    claims: int = 0
    attributions: int = 0
    unchanged: int = 0
    filled_in: int = 0
    verdicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(slots=True)
class SourceRow:
    id: int
    key: str
    name: str
    kind: str
    named: bool
    affiliation: str | None
    party: str | None
    reliability: str
    notes: str | None


class SourceIndex:
    """Every source by folded key, name and alias."""

    def __init__(self) -> None:
        self.rows: dict[int, SourceRow] = {}
        self.by_key: dict[str, int] = {}
        self.by_name: dict[str, set[int]] = {}
        self.names_of: dict[int, set[str]] = {}
        self.stored_names: dict[str, tuple[str, str]] = {}
        """Folded name or alias -> (as written, key) of every source stored before this
        import, for warnings about near misses."""

    @classmethod
    def load(cls, conn: Connection) -> SourceIndex:
        index = cls()
        for r in conn.execute(
            text(
                "SELECT id, key, name, kind, named, affiliation, party, reliability, notes "
                "FROM source"
            )
        ):
            index.add(SourceRow(r[0], r[1], r[2], r[3], bool(r[4]), *r[5:]))
        for source_id, alias in conn.execute(
            text("SELECT source_id, alias_norm FROM source_alias")
        ):
            index.by_name.setdefault(alias, set()).add(source_id)
            index.names_of.setdefault(source_id, {fold(index.rows[source_id].name)}).add(alias)
            index.stored_names.setdefault(alias, (alias, index.rows[source_id].key))
        for row in index.rows.values():
            index.stored_names.setdefault(fold(row.name), (row.name, row.key))
        return index

    def add(self, row: SourceRow) -> None:
        self.rows[row.id] = row
        self.by_key[fold(row.key)] = row.id
        self.by_name.setdefault(fold(row.name), set()).add(row.id)

    def lookup(self, ref: str, *, key_only: bool = False) -> set[int]:
        folded = fold(ref)
        if folded in self.by_key:
            return {self.by_key[folded]}
        return set() if key_only else set(self.by_name.get(folded, set()))

    def unique_key(self, name: str) -> str:
        base = slug_or_hash(name, "source")
        key, n = base, 2
        while fold(key) in self.by_key:
            key, n = f"{base}-{n}", n + 1
        return key


@dataclass
class Writer:
    conn: Connection
    batch_id: int
    stamp: str
    actor: str
    command: str
    problems: list[Problem]
    counts: Counts = field(default_factory=Counts)
    warnings: list[Problem] = field(default_factory=list)
    options: ImportOptions = field(default_factory=ImportOptions)
    on_progress: Progress = ignore
    """Told the number of attributions read so far, at each batch."""
    on_written: Callable[[], None] = lambda: None
    """Called after each batch is written (the claims it created are then stored)."""
    attributions_read: int = 0
    sources: SourceIndex = field(init=False)
    pending: list[AttributionIn] = field(default_factory=list)
    doc_ids: dict[str, int] = field(default_factory=dict)
    fill_events: list[dict[str, Any]] = field(default_factory=list)
    alias_ids: list[int] = field(default_factory=list)
    created_sources: set[int] = field(default_factory=set)
    warned_sources: set[int] = field(default_factory=set)
    variants: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    claim_statuses: dict[str, tuple[str, str | None, str | None, Loc]] = field(default_factory=dict)
    """Status, merge target and reason each claim is given, where it may differ from stored."""
    source_merges: dict[str, tuple[str, str | None, Loc]] = field(default_factory=dict)
    """Source key -> key of the source the file says it was merged into, and why."""
    filled_claims: set[int] = field(default_factory=set)
    """Claims whose fields this import filled in after they were stored."""
    unflagged: set[int] = field(default_factory=set)
    """Sources this import created without being told named or unnamed (a bare relay
    name): a later row of the same import may still say which."""
    _source_memo: dict[tuple[Any, ...], SourceRow] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sources = SourceIndex.load(self.conn)

    # --- entry points -----------------------------------------------------------------

    def add(self, item: SourceIn | DocumentIn | AttributionIn) -> None:
        if isinstance(item, AttributionIn):
            self.pending.append(item)
            self.attributions_read += 1
            if len(self.pending) >= BATCH_SIZE:
                self.flush()
                self.on_progress(IMPORTING, self.attributions_read, None)
        else:
            self._guarded([item])

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if batch:
            self._guarded(batch)
            collect_young()
            self.on_written()

    def _guarded(self, items: Sequence[SourceIn | DocumentIn | AttributionIn]) -> None:
        """Write ``items`` inside a savepoint. If the database refuses them, each is
        retried alone and every one it refuses becomes a problem at its ``file:line``
        (the import then fails as a whole, so what the retries wrote is never kept)."""
        savepoint = self.conn.begin_nested()
        try:
            self._write(items)
        except Exception as exc:
            if not refused_value(exc):
                raise
            savepoint.rollback()
            self._forget_written()
            if len(items) == 1:
                reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
                self.problems.append(
                    items[0].loc.problem(None, f"the database refused it: {reason}")
                )
                return
            for item in items:
                self._guarded([item])
        else:
            savepoint.commit()

    def _write(self, items: Sequence[SourceIn | DocumentIn | AttributionIn]) -> None:
        batch = [a for a in items if isinstance(a, AttributionIn)]
        for item in items:
            if isinstance(item, SourceIn):
                self.resolve_source(item)
            elif isinstance(item, DocumentIn):
                self._resolve_documents([item])
        if not batch:
            return
        resolved = [r for r in (self._resolve_sources_of(a) for a in batch) if r is not None]
        docs = self._resolve_documents(a.document for a, _, _ in resolved if a.document)
        claims = self._resolve_claims([a.claim for a, _, _ in resolved])
        self._write_attributions(resolved, docs, claims)
        self._write_fill_events()

    def _forget_written(self) -> None:
        """After a rolled-back savepoint: what is known of stored rows comes from the
        database again."""
        self.sources = SourceIndex.load(self.conn)
        self._source_memo.clear()
        self.doc_ids.clear()
        self.fill_events.clear()

    # --- sources ----------------------------------------------------------------------

    def resolve_source(self, s: SourceIn) -> SourceRow | None:
        """The stored source ``s`` refers to (created if allowed); memoised per distinct
        record, since a large file names the same sources on most of its rows."""
        memo_key = (
            s.ref,
            s.key,
            s.name,
            s.aliases,
            s.kind,
            s.named,
            s.affiliation,
            s.party,
            s.reliability,
            s.notes,
            s.create,
        )
        found = self._source_memo.get(memo_key)
        if found is None:
            problems_before = len(self.problems)
            found = self._resolve_source(s)
            if found is not None and len(self.problems) == problems_before:
                self._source_memo[memo_key] = found
        if s.merged_into is not None and found is not None:
            self._note_source_merge(found.key, s)
        return found

    def _note_source_merge(self, key: str, s: SourceIn) -> None:
        assert s.merged_into is not None
        first = self.source_merges.setdefault(key, (s.merged_into, s.merge_reason, s.loc))
        if first[0] != s.merged_into:
            reason = f"{s.merged_into!r} differs from the {first[0]!r} given for source {key!r}"
            self.problems.append(s.loc.problem("source_merged_into", reason))
        elif first[1] != s.merge_reason:
            reason = f"{s.merge_reason!r} differs from the {first[1]!r} given for source {key!r}"
            self.problems.append(s.loc.problem("source_merge_reason", reason))

    def _resolve_source(self, s: SourceIn) -> SourceRow | None:
        matches = self.sources.lookup(s.key or s.ref, key_only=s.key is not None)
        if len(matches) > 1:
            keys = ", ".join(sorted(self.sources.rows[i].key for i in matches))
            self.problems.append(
                s.loc.problem("source", f"{s.ref!r} matches several sources ({keys}); use the key")
            )
            return None
        if matches:
            row = self.sources.rows[matches.pop()]
            self._merge_source_fields(row, s)
            return row
        if not s.create:
            self.problems.append(
                s.loc.problem("source", f"unknown source {s.ref!r}{self._near(s.ref)}")
            )
            return None
        return self._create_source(s)

    def _near(self, ref: str) -> str:
        from rapidfuzz import process

        names = {r.name: r.key for r in self.sources.rows.values()}
        best = process.extractOne(ref, list(names), score_cutoff=75)
        return f"; did you mean {best[0]!r} ({names[best[0]]})?" if best else ""

    def _warn_if_near(self, s: SourceIn, name: str) -> None:
        """A new source spelt almost like a stored one is more often a typo than a
        new party; it is created all the same, with a warning naming the likely match."""
        stored = self.sources.stored_names
        if not stored:
            return
        from provenance.query import closest_sources

        found = closest_sources(name, stored, cutoff=90, limit=1, folded=True)
        if found:
            match, key = stored[found[0][0]]
            reason = f"new source {name!r} is close to {match!r} ({key}); is it the same?"
            self.warnings.append(s.loc.problem("source", reason))

    def _named(self, s: SourceIn, name: str) -> bool:
        """As given; otherwise unnamed when the name carries a cue, with a warning."""
        if s.named is not None:
            return s.named
        from provenance.unnamed import unnamed_cue

        cue = unnamed_cue(name)
        if cue is None:
            return True
        reason = (
            f"source {name!r} taken as unnamed from {cue!r} "
            "(the input does not say whether it is named)"
        )
        self.warnings.append(s.loc.problem("source", reason))
        return False

    def _create_source(self, s: SourceIn) -> SourceRow:
        name = s.name or s.ref
        if not self.options.new_sources:
            self._warn_if_near(s, name)
        self._warn_lookalike(name, s)
        key = s.key or self.sources.unique_key(name)
        (new_id,) = db.allocate_ids(self.conn, "source", 1)
        row = SourceRow(
            id=new_id,
            key=key,
            name=name,
            kind=s.kind or "other",
            named=self._named(s, name),
            affiliation=s.affiliation,
            party=s.party,
            reliability=s.reliability or "F",
            notes=s.notes,
        )
        db.bulk_insert(
            self.conn,
            "source",
            (
                "id",
                "key",
                "name",
                "name_norm",
                "kind",
                "named",
                "affiliation",
                "party",
                "reliability",
                "notes",
                "batch_id",
                "created_at",
            ),
            [
                (
                    row.id,
                    row.key,
                    row.name,
                    fold(row.name),
                    row.kind,
                    row.named,
                    row.affiliation,
                    row.party,
                    row.reliability,
                    row.notes,
                    self.batch_id,
                    self.stamp,
                )
            ],
        )
        self.sources.add(row)
        self.created_sources.add(row.id)
        if s.named is None:
            self.unflagged.add(row.id)
        self.counts.sources += 1
        self._add_aliases(row, s.aliases)
        return row

    def _warn_lookalike(self, name: str, s: SourceIn) -> None:
        """A new name mixing scripts that reads like an existing source's name
        ("Rеutеrs" with Cyrillic е) is most likely that source, mistyped or spoofed."""
        if len(scripts(name)) < 2:
            return
        shape = skeleton(name)
        for row in self.sources.rows.values():
            if skeleton(row.name) == shape and row.name != name:
                mixed = " and ".join(sorted(x.title() for x in scripts(name)))
                self.warnings.append(
                    s.loc.problem(
                        "source",
                        f"{name!r} mixes {mixed} letters and looks like the existing "
                        f"source {row.name!r} ({row.key})",
                    )
                )
                return

    def _add_aliases(self, row: SourceRow, aliases: Iterable[str]) -> None:
        have = self.sources.names_of.setdefault(row.id, {fold(row.name)})
        new = [(row.id, a, fold(a)) for a in dict.fromkeys(aliases) if fold(a) not in have]
        if not new:
            return
        ids = db.allocate_ids(self.conn, "source_alias", len(new))
        self.alias_ids.extend(ids)
        db.bulk_insert(
            self.conn,
            "source_alias",
            ("id", "source_id", "alias", "alias_norm"),
            [(i, *row) for i, row in zip(ids, new, strict=True)],
        )
        for _, _, norm in new:
            self.sources.by_name.setdefault(norm, set()).add(row.id)
            have.add(norm)
        self.counts.aliases += len(new)

    def _merge_source_fields(self, row: SourceRow, s: SourceIn) -> None:
        given = {f: getattr(s, f) for f in SOURCE_FIELDS if f != "name"}
        if s.key is not None and s.name is not None:
            given["name"] = s.name
        differing: dict[str, Any] | None = None if self.options.strict else {}
        defaults = SOURCE_DEFAULTS | ({"named": True} if row.id in self.unflagged else {})
        if s.named is not None:
            self.unflagged.discard(row.id)
        before, after = _reconcile(
            _slots(row),
            given,
            defaults,
            s.loc,
            f"source {row.key!r}",
            self.problems,
            differing,
        )
        if after:
            for f, v in after.items():
                setattr(row, f, v)
            self._fill_in("source", row.id, row.key, before, after, row.id in self.created_sources)
        self._add_aliases(row, s.aliases)
        if differing:
            self._keep_variants(row, s, differing)

    def _keep_variants(self, row: SourceRow, s: SourceIn, differing: dict[str, Any]) -> None:
        """Values that differ from the stored ones: another name becomes an alias, any
        other detail a variant that ``sources`` lists; the stored value stays."""
        self._add_aliases(row, [v for f, v in differing.items() if f == "name"])
        known = self._variants_of(row.id)
        new = [
            (row.id, f, _variant_text(v), self.batch_id, self.stamp)
            for f, v in differing.items()
            if f != "name" and (f, _variant_text(v)) not in known
        ]
        db.bulk_insert(
            self.conn,
            "source_variant",
            ("source_id", "field", "value", "batch_id", "created_at"),
            new,
        )
        known.update((f, v) for _, f, v, _, _ in new)
        if row.id not in self.warned_sources:
            self.warned_sources.add(row.id)
            kept = ", ".join(f"{_csv_name(f)} {_slots(row)[f]!r}" for f in differing)
            other = ", ".join(repr(v) for v in differing.values())
            noun = "a variant" if len(differing) == 1 else "variants"
            reason = f"kept the stored {kept} of source {row.key!r}; recorded {other} as {noun}"
            self.warnings.append(s.loc.problem(_csv_name(next(iter(differing))), reason))

    def _variants_of(self, source_id: int) -> set[tuple[str, str]]:
        if source_id not in self.variants:
            stored = self.conn.execute(
                text("SELECT field, value FROM source_variant WHERE source_id = :i"),
                {"i": source_id},
            )
            self.variants[source_id] = {(f, v) for f, v in stored}
        return self.variants[source_id]

    def _resolve_sources_of(
        self, a: AttributionIn
    ) -> tuple[AttributionIn, SourceRow, list[SourceRow]] | None:
        origin = self.resolve_source(a.source)
        relays = [self.resolve_source(v) for v in a.via]
        if origin is None or any(r is None for r in relays):
            return None
        return a, origin, [r for r in relays if r is not None]

    # --- documents --------------------------------------------------------------------

    def _resolve_documents(self, docs: Iterable[DocumentIn]) -> dict[str, int]:
        wanted: dict[str, DocumentIn] = {}
        for d in docs:
            if d.key not in wanted or not wanted[d.key].create:
                wanted.setdefault(d.key, d)
                if d.create:
                    wanted[d.key] = d
            elif d != wanted[d.key]:
                self._compare_document(wanted[d.key], d)
                if d.create:
                    wanted[d.key] = _completed(wanted[d.key], d, _DOCUMENT_PARTS)
        stored = self._fetch("document", ("id", "key", "batch_id", *DOCUMENT_FIELDS), list(wanted))
        new: list[DocumentIn] = []
        for key, d in wanted.items():
            if key in stored:
                row = stored[key]
                self.doc_ids[key] = row["id"]
                if d.create:
                    self._fill_row("document", row, d, DOCUMENT_FIELDS, {})
                    if d.text is not None and row["text"] is None:
                        self._check_stored_quotes(row["id"], d)
            elif d.create:
                new.append(d)
            else:
                self.problems.append(d.loc.problem("document", f"unknown document {key!r}"))
        ids = db.allocate_ids(self.conn, "document", len(new))
        db.bulk_insert(
            self.conn,
            "document",
            ("id", "key", *DOCUMENT_FIELDS, "batch_id", "created_at"),
            [
                (i, d.key, *(getattr(d, f) for f in DOCUMENT_FIELDS), self.batch_id, self.stamp)
                for i, d in zip(ids, new, strict=True)
            ],
        )
        for i, d in zip(ids, new, strict=True):
            self.doc_ids[d.key] = i
        self.counts.documents += len(new)
        if len(self.doc_ids) > 200_000:
            self.doc_ids = {k: self.doc_ids[k] for k in wanted if k in self.doc_ids}
        return self.doc_ids

    def _compare_document(self, first: DocumentIn, other: DocumentIn) -> None:
        for f in DOCUMENT_FIELDS:
            a, b = getattr(first, f), getattr(other, f)
            if a is not None and b is not None and a != b:
                self.problems.append(
                    other.loc.problem(
                        _csv_name(f), f"{b!r} differs from {a!r} given for the same document"
                    )
                )

    # --- claims -----------------------------------------------------------------------

    def _resolve_claims(self, claims: list[ClaimIn]) -> dict[str, tuple[int, int]]:
        """Map each claim key to (id it was reported as, id it belongs to now)."""
        first: dict[str, ClaimIn] = {}
        for c in claims:
            if c.key in first:
                if c != first[c.key]:
                    self._compare_claims(first[c.key], c)
                    first[c.key] = _completed(first[c.key], c, _CLAIM_PARTS)
            else:
                first[c.key] = c
        stored = self._fetch(
            "claim",
            (
                "id",
                "key",
                "text",
                "batch_id",
                *CLAIM_TEXT_FIELDS,
                "as_of_start",
                "as_of_end",
                *QUANTITY_FIELDS,
                "merged_into_id",
            ),
            list(first),
        )
        out: dict[str, tuple[int, int]] = {}
        new = []
        for key, c in first.items():
            if key in stored:
                row = stored[key]
                self._check_claim(row, c)
                out[key] = (row["id"], self._final_claim(row))
            else:
                new.append(c)
        for c in claims:
            if c.status is not None:
                self._note_status(c)
        ids = db.allocate_ids(self.conn, "claim", len(new))
        db.bulk_insert(
            self.conn,
            "claim",
            CLAIM_COLUMNS,
            [self._claim_row(i, c) for i, c in zip(ids, new, strict=True)],
        )
        for i, c in zip(ids, new, strict=True):
            out[c.key] = (i, i)
        self.counts.claims += len(new)
        return out

    def _note_status(self, c: ClaimIn) -> None:
        assert c.status is not None
        given = (c.status, c.merged_into, c.status_reason, c.loc)
        first = self.claim_statuses.setdefault(c.key, given)
        if first[:2] != given[:2]:
            now = c.status + (f" into {c.merged_into!r}" if c.merged_into else "")
            was = first[0] + (f" into {first[1]!r}" if first[1] else "")
            reason = f"{now!r} differs from the {was!r} given for claim {c.key!r}"
            self.problems.append(c.loc.problem("status", reason))
        elif first[2] != given[2]:
            reason = f"{given[2]!r} differs from the {first[2]!r} given for claim {c.key!r}"
            self.problems.append(c.loc.problem("status_reason", reason))

    def _final_claim(self, row: dict[str, Any]) -> int:
        claim_id, target = row["id"], row["merged_into_id"]
        while target is not None:
            claim_id = target
            target = self.conn.execute(
                text("SELECT merged_into_id FROM claim WHERE id = :i"), {"i": claim_id}
            ).scalar_one()
        return int(claim_id)

    def _claim_row(self, new_id: int, c: ClaimIn) -> tuple[Any, ...]:
        values = _claim_values(c)
        values.update(
            id=new_id,
            key=c.key,
            text=c.text,
            category=values["category"] or "other",
            status="active",
            batch_id=self.batch_id,
            created_at=self.stamp,
            updated_at=self.stamp,
        )
        return tuple(values[col] for col in CLAIM_COLUMNS)

    def _compare_claims(self, first: ClaimIn, other: ClaimIn) -> None:
        a, b = _claim_values(first), _claim_values(other)
        if first.text != other.text:
            self.problems.append(
                other.loc.problem(
                    "claim", f"text differs from the text given for claim {first.key!r}"
                )
            )
        for f in (*CLAIM_TEXT_FIELDS, *QUANTITY_FIELDS[:5]):
            if a[f] is not None and b[f] is not None and a[f] != b[f]:
                self.problems.append(
                    other.loc.problem(
                        f, f"{b[f]!r} differs from {a[f]!r} given for claim {first.key!r}"
                    )
                )

    def _check_claim(self, row: dict[str, Any], c: ClaimIn) -> None:
        if row["text"] != c.text:
            self.problems.append(
                c.loc.problem(
                    "claim", f"text differs from the stored claim {c.key!r}: {row['text']!r}"
                )
            )
            return
        values = _claim_values(c)
        quantity_given = (
            {f: values[f] for f in QUANTITY_FIELDS}
            if values["quantity"] or values["value"] is not None
            else {}
        )
        spans = ("as_of_start", "as_of_end")
        given = {f: values[f] for f in (*CLAIM_TEXT_FIELDS, *spans)} | quantity_given
        self._fill_row("claim", row, None, (), {"category": "other"}, given=given, loc=c.loc)

    # --- attributions -----------------------------------------------------------------

    def _write_attributions(
        self,
        resolved: list[tuple[AttributionIn, SourceRow, list[SourceRow]]],
        docs: dict[str, int],
        claims: dict[str, tuple[int, int]],
    ) -> None:
        candidates: dict[str, tuple[AttributionIn, SourceRow, list[SourceRow]]] = {}
        for a, origin, relays in resolved:
            if a.claim.key not in claims or (a.document and a.document.key not in docs):
                continue
            fp = _fingerprint(a, origin, relays)
            first = candidates.setdefault(fp, (a, origin, relays))
            if first[0] is not a:
                self._compare_grades(_grades(first[0]), a, origin, "given on an earlier line")
                merged = _with_grades(first[0], a)
                if a.extra or merged.extra:
                    extra = self._merged_extra(merged, a, origin)
                    merged = replace(merged, extra=extra)
                candidates[fp] = (merged, origin, relays)
        existing = self._existing_fingerprints(list(candidates))
        for fp, stored in existing.items():
            a, origin, _ = candidates[fp]
            self._compare_grades(stored, a, origin, "stored", fingerprint=fp)
        self._fill_extra(existing, candidates)
        new = [(fp, v) for fp, v in candidates.items() if fp not in existing]
        self._check_quotes([a for _, (a, _, _) in new], docs)
        self.counts.unchanged += len(resolved) - len(new)
        ids = db.allocate_ids(self.conn, "attribution", len(new))
        rows: list[tuple[Any, ...]] = []
        relay_rows: list[tuple[int, int, int]] = []
        extra_rows: list[tuple[int, str, str, int]] = []
        for new_id, (fp, (a, origin, relays)) in zip(ids, new, strict=True):
            if a.extra:
                extra_rows.extend((new_id, n, v, self.batch_id) for n, v in a.extra)
            reported, current = claims[a.claim.key]
            doc_id = docs[a.document.key] if a.document else None
            rows.append(
                (
                    new_id,
                    current,
                    reported,
                    origin.id,
                    doc_id,
                    a.quote,
                    a.stance,
                    a.credibility,
                    "; ".join(a.hedges) or None,
                    fp,
                    self.batch_id,
                    self.stamp,
                )
            )
            relay_rows.extend((new_id, pos, r.id) for pos, r in enumerate(relays))
        db.bulk_insert(self.conn, "attribution", ATTRIBUTION_COLUMNS, rows)
        db.bulk_insert(self.conn, "relay", ("attribution_id", "position", "source_id"), relay_rows)
        db.bulk_insert(self.conn, "attribution_extra", EXTRA_COLUMNS, extra_rows)
        self.counts.attributions += len(rows)

    def _merged_extra(
        self, first: AttributionIn, later: AttributionIn, origin: SourceRow
    ) -> tuple[tuple[str, str], ...]:
        """The extra fields of two records of one report: a name given with two
        different values is an error; one given only once is kept."""
        kept = dict(first.extra)
        for name, value in later.extra:
            if kept.setdefault(name, value) != value:
                what = f"the report of claim {later.claim.key!r} by {origin.key!r}"
                reason = f"{value!r} differs from the {kept[name]!r} given on an earlier line"
                self.problems.append(later.loc.problem(name, f"{reason} for {what}"))
        return tuple(sorted(kept.items()))

    def _fill_extra(
        self,
        existing: dict[str, dict[str, Any]],
        candidates: dict[str, tuple[AttributionIn, SourceRow, list[SourceRow]]],
    ) -> None:
        """Extra fields given again for stored reports: the same value changes nothing,
        a different one is an error, a new name is added (logged unless this import
        wrote the report)."""
        given = {stored["id"]: fp for fp, stored in existing.items() if candidates[fp][0].extra}
        if not given:
            return
        stored_extra: dict[int, dict[str, str]] = {}
        condition, ids = in_set(self.conn, "attribution_id", "ids", list(given))
        sql = f"SELECT attribution_id, name, value FROM attribution_extra WHERE {condition}"
        for aid, name, value in self.conn.execute(text(sql), {"ids": ids}):
            stored_extra.setdefault(aid, {})[name] = value
        rows: list[tuple[int, str, str, int]] = []
        for aid, fp in given.items():
            a, origin, _ = candidates[fp]
            have = stored_extra.get(aid, {})
            added = {}
            for name, value in a.extra:
                if name not in have:
                    added[name] = value
                elif have[name] != value:
                    what = f"the report of claim {a.claim.key!r} by {origin.key!r}"
                    reason = f"{value!r} differs from the stored {have[name]!r} of {what}"
                    self.problems.append(a.loc.problem(name, reason))
            rows.extend((aid, n, v, self.batch_id) for n, v in added.items())
            if added and existing[fp]["batch_id"] != self.batch_id:
                self.counts.filled_in += len(added)
                self.fill_events.append(
                    {
                        "row": aid,
                        "entity": "attribution",
                        "table": "attribution_extra",
                        "action": "fill_in_extra",
                        "entity_key": fp,
                        "before": json.dumps({"extra": {n: None for n in added}}),
                        "after": json.dumps({"extra": added}),
                    }
                )
        db.bulk_insert(self.conn, "attribution_extra", EXTRA_COLUMNS, rows)

    def _check_quotes(self, attributions: list[AttributionIn], docs: dict[str, int]) -> None:
        """Each quote must stand in its document's text where the text is stored, by the
        rule ``check`` applies (``quote_found``)."""
        quoted = [(a, docs[a.document.key]) for a in attributions if a.quote and a.document]
        if not quoted:
            return
        wanted = sorted({doc_id for _, doc_id in quoted})
        condition, ids = in_set(self.conn, "id", "ids", wanted)
        sql = f"SELECT id, text FROM document WHERE text IS NOT NULL AND {condition}"
        bodies = {
            doc_id: searchable(body) for doc_id, body in self.conn.execute(text(sql), {"ids": ids})
        }
        for a, doc_id in quoted:
            body = bodies.get(doc_id)
            if body is not None and a.quote and a.document and not quote_found(a.quote, body):
                reason = f"not found in the text of document {a.document.key!r}"
                self.problems.append(a.loc.problem("quote", reason))

    def _check_stored_quotes(self, doc_id: int, d: DocumentIn) -> None:
        """A document's text given now must hold the quotes already stored for it."""
        assert d.text is not None
        body = searchable(d.text)
        rows = self.conn.execute(
            text(
                "SELECT c.key, a.quote FROM attribution a "
                "JOIN claim c ON c.id = a.reported_claim_id "
                "WHERE a.document_id = :d AND a.quote IS NOT NULL ORDER BY a.id"
            ),
            {"d": doc_id},
        )
        for claim_key, quote in rows:
            if not quote_found(quote, body):
                reason = f"does not contain the stored quote of claim {claim_key!r}: {quote!r}"
                self.problems.append(d.loc.problem("text", reason))

    def _existing_fingerprints(self, fingerprints: list[str]) -> dict[str, dict[str, Any]]:
        """The stored grades of the attributions already present, by fingerprint."""
        if not fingerprints:
            return {}
        condition, fps = in_set(self.conn, "fingerprint", "fps", fingerprints)
        columns = "fingerprint, id, credibility, hedges, batch_id"
        sql = f"SELECT {columns} FROM attribution WHERE {condition}"
        return {
            r[0]: {"id": r[1], "key": r[0], "credibility": r[2], "hedges": r[3], "batch_id": r[4]}
            for r in self.conn.execute(text(sql), {"fps": fps})
        }

    def _compare_grades(
        self,
        stored: dict[str, Any],
        a: AttributionIn,
        origin: SourceRow,
        how: str,
        *,
        fingerprint: str | None = None,
    ) -> None:
        """A repeated report must carry the same grades: a different credibility or
        hedges is an error, a grade left at "cannot be judged" (6, no hedges) may be
        filled in (logged as an edit); it is never ignored."""
        what = f"the report of claim {a.claim.key!r} by {origin.key!r}"
        given = _grades(a)
        given = {f: v for f, v in given.items() if v != _GRADE_DEFAULTS[f]}
        if fingerprint is None:
            for f, value in given.items():
                if stored[f] not in (value, _GRADE_DEFAULTS[f]):
                    reason = f"{value!r} differs from the {stored[f]!r} {how} for {what}"
                    self.problems.append(a.loc.problem(f, reason))
            return
        before, after = _reconcile(stored, given, _GRADE_DEFAULTS, a.loc, what, self.problems)
        if after:
            new = stored["batch_id"] == self.batch_id
            self._fill_in("attribution", stored["id"], fingerprint, before, after, new)

    # --- helpers ----------------------------------------------------------------------

    def _fetch(
        self, table: str, columns: Sequence[str], keys: list[str]
    ) -> dict[str, dict[str, Any]]:
        if not keys:
            return {}
        condition, values = in_set(self.conn, "key", "keys", keys)
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {condition}"
        out = {}
        for r in self.conn.execute(text(sql), {"keys": values}):
            row = dict(r._mapping)
            out[row["key"]] = row
        return out

    def _fill_row(
        self,
        table: str,
        row: dict[str, Any],
        record: Any,
        fields: Sequence[str],
        defaults: dict[str, Any],
        *,
        given: dict[str, Any] | None = None,
        loc: Loc | None = None,
    ) -> None:
        if given is None:
            given = {f: getattr(record, f) for f in fields}
        where = loc or record.loc
        before, after = _reconcile(
            row, given, defaults, where, f"{table} {row['key']!r}", self.problems
        )
        if after:
            new = row.get("batch_id") == self.batch_id
            self._fill_in(table, row["id"], row["key"], before, after, new)

    def _fill_in(
        self,
        table: str,
        row_id: int,
        key: str,
        before: dict[str, Any],
        after: dict[str, Any],
        new: bool,
    ) -> None:
        """Complete a row; logged as an edit unless this import created the row."""
        sets = ", ".join(f"{k} = :{k}" for k in after)
        self.conn.execute(
            text(f"UPDATE {table} SET {sets} WHERE id = :_id"), {**after, "_id": row_id}
        )
        if table == "claim":
            self.filled_claims.add(row_id)
        if not new:
            self.counts.filled_in += len(after)
            self._fill_event(table, row_id, key, before, after)

    def _fill_event(
        self, entity: str, row_id: int, key: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        self.fill_events.append(
            {
                "row": row_id,
                "entity": entity,
                "entity_key": key,
                "before": json.dumps({"set": before}),
                "after": json.dumps({"set": after}),
            }
        )

    def _write_fill_events(self) -> None:
        from provenance import ledger

        events, self.fill_events = self.fill_events, []
        ledger.append(
            self.conn,
            [
                ledger.NewEvent(
                    {
                        "at": self.stamp,
                        "actor": self.actor,
                        "command": self.command,
                        "action": e.get("action", "fill_in"),
                        "entity": e["entity"],
                        "entity_key": e["entity_key"],
                        "before": e["before"],
                        "after": e["after"],
                        "batch_id": self.batch_id,
                    },
                    {e.get("table", e["entity"]): [e["row"]]},
                )
                for e in events
            ],
        )


_GRADE_DEFAULTS: dict[str, Any] = {"credibility": 6, "hedges": None}


def _grades(a: AttributionIn) -> dict[str, Any]:
    return {"credibility": a.credibility, "hedges": "; ".join(a.hedges) or None}


def _with_grades(first: AttributionIn, later: AttributionIn) -> AttributionIn:
    """The first of two records of one report, with the grades the later one fills in."""
    return replace(
        first,
        credibility=first.credibility if first.credibility != 6 else later.credibility,
        hedges=first.hedges or later.hedges,
    )


def _slots(row: SourceRow) -> dict[str, Any]:
    return {f: getattr(row, f) for f in SourceRow.__slots__}


def _reconcile(
    stored: dict[str, Any],
    given: dict[str, Any],
    defaults: dict[str, Any],
    loc: Loc,
    what: str,
    problems: list[Problem],
    differing: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Compare given values with stored ones: fill in fields still at their default,
    record a problem for any other difference (or, given ``differing``, collect it
    there). Returns (before, after) of the fill-ins."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for f, value in given.items():
        if value is None:
            continue
        current = stored.get(f)
        if isinstance(current, int) and isinstance(value, bool):
            current = bool(current)
        if current == value:
            continue
        if current is None or (f in defaults and current == defaults[f]):
            before[f], after[f] = current, value
            continue
        if differing is not None:
            differing[f] = value
            continue
        problems.append(
            loc.problem(_csv_name(f), f"{value!r} differs from the stored {current!r} of {what}")
        )
    return before, after


def _variant_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_name(f: str) -> str:
    """The CSV column name of a stored field, for messages."""
    renamed = {
        "title": "document_title",
        "kind": "source_kind",
        "named": "source_named",
        "affiliation": "source_affiliation",
        "party": "source_party",
    }
    return renamed.get(f, f)


_CLAIM_PARTS = (
    *((f,) for f in CLAIM_TEXT_FIELDS if f != "quantity"),
    ("quantity", "quantity_text"),
)
_DOCUMENT_PARTS = (
    *((f,) for f in DOCUMENT_FIELDS if f not in ("text", "sha256")),
    ("text", "sha256"),
)
"""A record's fields that one row may give and another leave out, each group taken whole."""

_R = TypeVar("_R", ClaimIn, DocumentIn)


def _completed(first: _R, other: _R, parts: tuple[tuple[str, ...], ...]) -> _R:
    """``first`` with the fields it does not give taken from a later record of the same
    claim or document, as a later batch fills them in on the stored row: what a file
    gives is kept whether or not its rows fall in one batch. Values both give and that
    differ are the comparison's problems; ``first``'s stand."""
    taken = {
        f: getattr(other, f)
        for group in parts
        if all(getattr(first, f) is None for f in group)
        for f in group
    }
    return replace(first, **taken) if any(v is not None for v in taken.values()) else first


def _claim_values(c: ClaimIn) -> dict[str, Any]:
    q = c.quantity
    return {
        "category": c.category,
        "subject": c.subject,
        "metric": c.metric,
        "location": c.location,
        "as_of": c.as_of.iso() if c.as_of else None,
        "as_of_start": c.as_of.first_day().isoformat() if c.as_of else None,
        "as_of_end": c.as_of.last_day().isoformat() if c.as_of else None,
        "language": c.language,
        "quantity": c.quantity_text,
        **quantity_values(q),
    }


def _fingerprint(a: AttributionIn, origin: SourceRow, relays: list[SourceRow]) -> str:
    parts = (
        a.claim.key,
        origin.key,
        a.document.key if a.document else "",
        a.quote or "",
        ">".join(r.key for r in relays),
        a.stance,
    )
    return sha256_text("\x1f".join(parts))[:32]


def refused_value(exc: BaseException) -> bool:
    """Whether the database refused a value (constraint, data or size limit) rather than
    failing for another reason (a lock, a lost connection), which is not a row's fault."""
    from sqlalchemy.exc import DataError, IntegrityError

    if isinstance(exc, IntegrityError | DataError | UnicodeEncodeError):
        return True
    sqlstate = getattr(getattr(exc, "orig", exc), "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate[:2] in ("22", "23", "54")
    import sqlite3

    return isinstance(exc, sqlite3.IntegrityError | sqlite3.DataError)
