"""Candidate claims from article text: figures with their hedge, date, origin, relays and quote.

``extract_article`` reads one article (see ``reading``) and proposes a candidate for
every figure a fact-checker would record; ``to_nested`` writes candidates in the nested
import format, with the document's text and sha256 so that ``check`` verifies quotes.
The pieces live in their own modules: ``sentences`` (spans), ``figures`` (what is a
figure), ``attribution`` (origin and relays), ``when`` (the date spoken of), ``describe``
(category, subject, metric, location).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.dates import PartialDate, parse_partial_date
from provenance.extract.attribution import Attribution, SourceRef, attribute
from provenance.extract.dateline import Dateline, find_dateline
from provenance.extract.describe import Description, describe, infer_language
from provenance.extract.figures import Figure, find_figures
from provenance.extract.reading import Article, read_article, with_metadata
from provenance.extract.sentences import Sentence, sentences
from provenance.extract.when import sentence_date
from provenance.normalize import sha256_text, short_hash, slug_or_hash
from provenance.quantities import detect_hedges

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from provenance.ingest import ImportReport

__all__ = [
    "Candidate",
    "Extraction",
    "extract_article",
    "extract_files",
    "import_candidates",
    "to_nested",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed claim: a figure in a sentence, with who said it and when; the quote
    is the whole sentence, the sentence read for the claim what follows a dateline."""

    figure: Figure
    sentence: Sentence
    description: Description
    as_of: PartialDate | None
    attribution: Attribution | None
    hedges: tuple[str, ...]
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    language: str
    published: PartialDate | None
    candidates: tuple[Candidate, ...]
    agency: SourceRef | None = None


def extract_article(article: Article) -> Extraction:
    """Every figure of the article as a candidate claim, in reading order."""
    language = article.language or infer_language(article.text)
    published = _published(article.published)
    dateline = find_dateline(article.text)
    previous: Attribution | None = None
    out: list[Candidate] = []
    for whole in sentences(article.text, language):
        sentence = _after_dateline(whole, dateline)
        if sentence is None:
            continue
        figures = find_figures(sentence.text, language)
        stops = tuple(f.start for f in figures)
        found = attribute(sentence.text, language, previous, stops)
        if found is not None and found.origins:
            previous = found
        named = _names(found)
        for figure in figures:
            out.append(
                Candidate(
                    figure=figure,
                    sentence=sentence,
                    description=describe(sentence.text, figure, language, not_places=named),
                    as_of=sentence_date(sentence.text, language, published),
                    attribution=found,
                    hedges=tuple(detect_hedges(sentence.text, language)),
                    quote=whole.text,
                )
            )
    agency = SourceRef(dateline.agency, named=True, kind="news_agency") if dateline else None
    return Extraction(article, language, published, tuple(out), agency)


def _after_dateline(sentence: Sentence, dateline: Dateline | None) -> Sentence | None:
    """The sentence without the dateline it opens with; None when it is all dateline."""
    if dateline is None or not dateline.start <= sentence.start < dateline.end:
        return sentence
    if sentence.end <= dateline.end:
        return None
    cut = dateline.end - sentence.start
    return Sentence(dateline.end, sentence.end, sentence.text[cut:], sentence.paragraph)


def _names(found: Attribution | None) -> tuple[str, ...]:
    """The names of a sentence's origins and relays, with their aliases and affiliations."""
    if found is None:
        return ()
    parties = (*found.origins, *found.via)
    return tuple(n for s in parties for n in (s.name, s.alias, s.affiliation) if n)


def extract_files(paths: Sequence[Path], **metadata: str | None) -> list[Extraction]:
    """Read and extract each file; ``metadata`` (title, outlet, author, published, url,
    language) replaces what was read from the files."""
    if metadata.get("published"):
        parse_partial_date(str(metadata["published"]))
    return [extract_article(with_metadata(read_article(p), **metadata)) for p in paths]


def import_candidates(
    session: Session, nested: dict[str, Any], *, actor: str, command: str, name: str
) -> ImportReport:
    """Import candidates in the nested format through the ordinary validated import."""
    import json
    import tempfile

    from provenance.ingest import import_files

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.json"
        path.write_text(json.dumps(nested, ensure_ascii=False), encoding="utf-8")
        return import_files(session, [path], actor=actor, command=command)


def _published(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return parse_partial_date(value)
    except ValueError:
        return None


# --- the nested import format ------------------------------------------------------------


def to_nested(extractions: list[Extraction]) -> dict[str, object]:
    """Candidates of one or more articles as a ``provenance/1`` document."""
    sources: dict[str, dict[str, object]] = {}
    documents: list[dict[str, object]] = []
    claims: list[dict[str, object]] = []
    for ex in extractions:
        doc = _document(ex)
        documents.append(doc)
        outlet = _outlet_source(ex.article)
        for c in ex.candidates:
            claims.append(_claim(c, ex, str(doc["key"]), outlet, sources))
    return {
        "format": "provenance/1",
        "sources": list(sources.values()),
        "documents": documents,
        "claims": claims,
    }


def _document(ex: Extraction) -> dict[str, object]:
    a = ex.article
    fields = {
        "title": a.title,
        "outlet": a.outlet,
        "author": a.author,
        "url": a.url,
        "published": ex.published.iso() if ex.published else None,
    }
    label = a.outlet or a.title or "document"
    key = f"{slug_or_hash(label, 'doc', 32)}-{short_hash(sha256_text(a.text), length=8)}"
    doc: dict[str, object] = {"key": key}
    doc.update({k: v for k, v in fields.items() if v})
    doc.update({"language": ex.language, "text": a.text, "sha256": sha256_text(a.text)})
    return doc


def _outlet_source(article: Article) -> SourceRef | None:
    if article.outlet:
        return SourceRef(article.outlet, named=True, kind="news_outlet")
    return None


def _claim(
    c: Candidate,
    ex: Extraction,
    document: str,
    outlet: SourceRef | None,
    sources: dict[str, dict[str, object]],
) -> dict[str, object]:
    d = c.description
    attributions = []
    origins, via = _chain(c, ex.article, outlet, ex.agency)
    via_keys = [_source_key(s, sources) for s in via]
    for origin in origins:
        row: dict[str, object] = {
            "source": _source_key(origin, sources),
            "via": list(via_keys),
            "document": document,
            "quote": c.quote or c.sentence.text,
        }
        if not via_keys:
            del row["via"]
        if c.hedges:
            row["hedges"] = list(c.hedges)
        attributions.append(row)
    claim: dict[str, object] = {
        "key": f"{slug_or_hash(' '.join(d.text.split()[:6]), 'claim', 40)}-"
        f"{short_hash(d.text, c.figure.text, str(c.sentence.start), length=8)}",
        "text": d.text,
        "category": d.category,
        "subject": d.subject,
        "metric": d.metric,
        "location": d.location,
        "as_of": c.as_of.iso() if c.as_of else None,
        "language": ex.language,
        "quantity": c.figure.text,
        "attributions": attributions,
    }
    return {k: v for k, v in claim.items() if v is not None}


def _chain(
    c: Candidate, article: Article, outlet: SourceRef | None, agency: SourceRef | None
) -> tuple[tuple[SourceRef, ...], tuple[SourceRef, ...]]:
    """Origins and relays; the article's outlet ends the chain, or is the origin when the
    sentence attributes nothing (the article's own statement). The agency of a dateline
    carries what the sentence gives no relay for, and states what it attributes to no one."""
    if c.attribution is None or not c.attribution.origins:
        if agency is not None:
            return (agency,), (outlet,) if outlet is not None and not _same(outlet, agency) else ()
        return (outlet or _author(article),), ()
    via = list(c.attribution.via)
    if (
        agency is not None
        and not via
        and not any(_same(agency, s) for s in (*c.attribution.origins, outlet) if s)
    ):
        via.append(agency)
    if outlet is not None and outlet not in via and outlet not in c.attribution.origins:
        via.append(outlet)
    return c.attribution.origins, tuple(via)


def _same(a: SourceRef, b: SourceRef) -> bool:
    return a.name.casefold() == b.name.casefold()


def _author(article: Article) -> SourceRef:
    if article.author:
        return SourceRef(article.author, named=True, kind="person")
    return SourceRef("author of the article", named=False, kind="other")


def _source_key(s: SourceRef, sources: dict[str, dict[str, object]]) -> str:
    key = slug_or_hash(s.name, "source", 48)
    if key not in sources:
        entry: dict[str, object] = {"key": key, "name": s.name, "kind": s.kind, "named": s.named}
        if s.alias:
            entry["aliases"] = [s.alias]
        if s.affiliation:
            entry["affiliation"] = s.affiliation
        sources[key] = entry
    return key
