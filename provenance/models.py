"""The tables. Nothing is hard-deleted: merges, edits and retractions change status
columns and are recorded in the append-only ``event`` table with before/after values.

An attribution's origin is its ``source``; the relays that carried the report are
the ordered ``relay`` rows (position 0 nearest the origin). Keeping the two apart
is what lets the audits count independent origins rather than repetitions.
"""

from __future__ import annotations

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from provenance.vocabulary import (
    CATEGORIES,
    CLAIM_STATUSES,
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    SOURCE_KINDS,
    STANCES,
)

__all__ = [
    "CATEGORIES",
    "CLAIM_STATUSES",
    "CREDIBILITY_GRADES",
    "RELIABILITY_GRADES",
    "SOURCE_KINDS",
    "STANCES",
    "SQLModel",
]


def _text(nullable: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(Text, nullable=nullable)


class Meta(SQLModel, table=True):
    """Key/value facts about the database itself, e.g. ``schema_version``."""

    key: str = Field(primary_key=True)
    value: str


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    started_at: str
    finished_at: str | None = None
    actor: str
    command: str
    files: str = Field(sa_column=_text(False), description="JSON list of {path, sha256, format}")
    counts: str = Field(sa_column=_text(False), description="JSON object of created/skipped counts")


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    name: str
    name_norm: str = Field(index=True, description="case-folded name, for matching")
    kind: str = "other"
    named: bool = True
    affiliation: str | None = None
    party: str | None = None
    reliability: str = "F"
    notes: str | None = Field(default=None, sa_column=_text())
    merged_into_id: int | None = Field(default=None, foreign_key="source.id")
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: str


class SourceAlias(SQLModel, table=True):
    __tablename__ = "source_alias"
    __table_args__ = (UniqueConstraint("source_id", "alias_norm"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    alias: str
    alias_norm: str = Field(index=True)


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    title: str | None = Field(default=None, sa_column=_text())
    outlet: str | None = None
    author: str | None = None
    url: str | None = Field(default=None, sa_column=_text())
    published: str | None = None
    accessed: str | None = None
    language: str | None = None
    text: str | None = Field(default=None, sa_column=_text())
    sha256: str | None = None
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: str


class Claim(SQLModel, table=True):
    __table_args__ = (
        Index("ix_claim_measure", "category", "subject", "metric"),
        Index("ix_claim_as_of", "as_of_start", "as_of_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    text: str = Field(sa_column=_text(False))
    category: str = "other"
    subject: str | None = None
    metric: str | None = None
    location: str | None = None
    as_of: str | None = Field(default=None, description="ISO date keeping its precision")
    as_of_start: str | None = None
    as_of_end: str | None = None
    language: str | None = None
    quantity: str | None = Field(default=None, description="the quantity as written")
    qualifier: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = Field(default=None, description="canonical unit")
    unit_written: str | None = None
    dimension: str | None = None
    precision: float | None = None
    status: str = "active"
    merged_into_id: int | None = Field(default=None, foreign_key="claim.id")
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: str
    updated_at: str


class Attribution(SQLModel, table=True):
    """One report of a claim: origin source x document, with quote and grades.

    ``claim_id`` is where the report belongs now (a merge moves it);
    ``reported_claim_id`` is the claim it was imported as and never changes.
    """

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    reported_claim_id: int = Field(foreign_key="claim.id")
    source_id: int = Field(foreign_key="source.id", index=True)
    document_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    quote: str | None = Field(default=None, sa_column=_text())
    stance: str = "asserts"
    credibility: int = 6
    hedges: str | None = Field(default=None, description="'; '-separated hedge words")
    fingerprint: str = Field(unique=True, description="identity of the report, for idempotence")
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: str


class Relay(SQLModel, table=True):
    attribution_id: int = Field(foreign_key="attribution.id", primary_key=True)
    position: int = Field(primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)


class ClaimBySource(SQLModel, table=True):
    """A report's claim key under its origin (``position`` -1) and under each of its
    relays: a source's claims in key order. Written by triggers, never by the code."""

    __tablename__ = "claim_by_source"

    source_id: int = Field(primary_key=True)
    claim_key: str = Field(primary_key=True)
    attribution_id: int = Field(primary_key=True)
    position: int = Field(primary_key=True)


class Event(SQLModel, table=True):
    """Append-only log of every change; a trigger rejects UPDATE and DELETE."""

    id: int | None = Field(default=None, primary_key=True)
    at: str
    actor: str
    command: str = Field(sa_column=_text(False))
    action: str = Field(index=True)
    entity: str
    entity_key: str | None = Field(default=None, index=True)
    before: str | None = Field(default=None, sa_column=_text())
    after: str | None = Field(default=None, sa_column=_text())
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    undoes_id: int | None = Field(default=None, foreign_key="event.id")


class Review(SQLModel, table=True):
    """A reviewer's decision on a pair of claims (conflict or duplicate); latest wins."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(description="'conflict' or 'duplicate'")
    claim_a_id: int = Field(foreign_key="claim.id", index=True)
    claim_b_id: int = Field(foreign_key="claim.id", index=True)
    decision: str = Field(description="dismiss | confirm | distinct")
    reason: str = Field(sa_column=_text(False))
    actor: str
    at: str
    event_id: int | None = Field(default=None, foreign_key="event.id")
