"""Import of schema.org ClaimReview (JSON-LD, or HTML pages that embed it).

Each review becomes a claim in the nested import format (so it is validated like any
other file) plus a verdict. The claim's key is its ``identifier``, else derived from
its text and date as for CSV rows; sources are keyed by ``identifier``, else matched
by name. A review without a rating or reviewer, or a claim without any author, is
skipped with a warning rather than guessed.

HTML is read with the standard library's parser: the JSON-LD ``<script>`` blocks are
all ClaimReview markup needs, and the extractors that also read microdata and RDFa
bring several heavy dependencies for markup that fact-check pages do not use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, text

from provenance.claimreview import KIND_OF_TYPE, find_reviews, jsonld_blocks, short_type
from provenance.errors import InputError, Problem
from provenance.ingest.readers import LocDict, load_json, read_text
from provenance.ingest.records import derive_claim_key, derive_document_key, partial_date
from provenance.normalize import fold
from provenance.verdicts import VerdictIn

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_jsonld(tree: Any) -> bool:
    """JSON that is JSON-LD rather than the nested provenance format."""
    items = tree if isinstance(tree, list) else [tree]
    return any(isinstance(i, dict) and ("@context" in i or "@graph" in i) for i in items)


def load_reviews(
    path: Path, tree: Any = None
) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """The ClaimReviews in a JSON-LD or HTML file, with the line each starts on."""
    name = str(path)
    if tree is not None or path.suffix.lower() not in HTML_SUFFIXES:
        tree = load_json(path) if tree is None else tree
        return [(getattr(r, "line", 0), r) for r in find_reviews(tree)], []
    problems: list[Problem] = []
    found: list[tuple[int, dict[str, Any]]] = []
    for line, block in jsonld_blocks(read_text(path)):
        try:
            tree = json.loads(block)
        except json.JSONDecodeError as exc:
            problems.append(Problem(name, line + exc.lineno - 1, None, f"JSON-LD: {exc.msg}"))
            continue
        found.extend((line, r) for r in find_reviews(tree))
    return found, problems


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    value = _one(value)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None


def _date(value: Any) -> str | None:
    s = _text(value)
    if s and len(s) > 10 and s[10] in "T ":
        return s[:10]
    return s


@dataclass
class Converted:
    """The nested-format tree of a file's reviews, and the verdicts by claim key."""

    tree: LocDict
    verdicts: list[tuple[str, VerdictIn]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class _Converter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.by_key: dict[str, LocDict] = {}
        self.by_name: dict[str, LocDict] = {}
        self.nodes: list[LocDict] = []
        self.documents: dict[str, LocDict] = {}
        self.claims: dict[str, LocDict] = {}
        self.out = Converted(LocDict())

    def warn(self, line: int, reason: str) -> None:
        self.out.warnings.append(Problem(self.name, line or None, None, reason))

    def source(self, agent: Any, line: int) -> str | None:
        """The reference to the source an agent names, recorded once: by ``identifier``
        when it has one, else by name (the first source of that name)."""
        agent = _one(agent)
        if isinstance(agent, str):
            agent = {"name": agent}
        if not isinstance(agent, dict):
            return None
        name = _text(agent.get("name"))
        if name is None:
            return None
        key = _text(agent.get("identifier"))
        named = self.by_name.get(fold(name))
        if key is None:
            if named is None:
                self.by_name[fold(name)] = self._register(
                    self._source_node(agent, name, None, line)
                )
                return name
            return str(named.get("key") or named["name"])
        if key in self.by_key:
            return key
        if named is not None and "key" not in named:
            named.update(self._source_node(agent, name, key, line))  # an outlet named earlier
            self.by_key[key] = named
            return key
        node = self._register(self._source_node(agent, name, key, line))
        self.by_key[key] = node
        self.by_name.setdefault(fold(name), node)
        return key

    def _source_node(self, agent: dict[str, Any], name: str, key: str | None, line: int) -> LocDict:
        node = LocDict({"name": name}, line=line)
        if key:
            node["key"] = key
        kind = KIND_OF_TYPE.get(next(iter(sorted(short_type(agent.get("@type")))), ""), "other")
        node["kind"] = kind
        affiliation = _text(agent.get("affiliation") or agent.get("parentOrganization"))
        if affiliation:
            node["affiliation"] = affiliation
        return node

    def _register(self, node: LocDict) -> LocDict:
        self.nodes.append(node)
        return node

    def document(self, work: Any, line: int) -> str | None:
        work = _one(work)
        if not isinstance(work, dict):
            url = _text(work)
            work = {"url": url} if url else None
        if not work:
            return None
        fields = {
            "title": _text(work.get("headline") or work.get("name")),
            "outlet": _text(work.get("publisher")),
            "author": _text(work.get("author")),
            "url": _text(work.get("url")),
            "published": _date(work.get("datePublished")),
        }
        key = _text(work.get("identifier")) or derive_document_key(fields)
        if key is None:
            return None
        if work.get("publisher"):
            self.source(work["publisher"], line)  # outlets are sources: their kind tells
        if key not in self.documents:
            node = LocDict({"key": key, **{k: v for k, v in fields.items() if v}}, line=line)
            language = _text(work.get("inLanguage"))
            if language:
                node["language"] = language
            self.documents[key] = node
        return key

    def attribution(self, appearance: Any, authors: list[str], line: int) -> dict[str, Any] | None:
        if not isinstance(appearance, dict):
            doc = self.document(appearance, line)
            return {"source": authors[0], "document": doc} if authors and doc else None
        if "Quotation" not in short_type(appearance.get("@type")):
            doc = self.document(appearance, line)
            return {"source": authors[0], "document": doc} if authors and doc else None
        origin = self.source(appearance.get("creator") or appearance.get("author"), line)
        origin = origin or (authors[0] if authors else None)
        if origin is None:
            return None
        out: dict[str, Any] = {"source": origin}
        via = [self.source(v, line) for v in _many(appearance.get("contributor"))]
        if any(via):
            out["via"] = [v for v in via if v]
        doc = self.document(appearance.get("isPartOf") or appearance.get("url"), line)
        if doc:
            out["document"] = doc
        quote = _text(appearance.get("text"))
        if quote:
            out["quote"] = quote
        return out

    def review(self, review: dict[str, Any], line: int) -> None:
        item = _one(review.get("itemReviewed"))
        item = item if isinstance(item, dict) else {}
        claim_text = _text(review.get("claimReviewed")) or _text(item.get("text"))
        if claim_text is None:
            self.warn(line, "ClaimReview without claimReviewed: skipped")
            return
        authors = [a for a in (self.source(x, line) for x in _many(item.get("author"))) if a]
        attributions = [
            a
            for a in (self.attribution(x, authors, line) for x in _many(item.get("appearance")))
            if a
        ]
        if not attributions and authors:
            attributions = [{"source": a} for a in authors]
        if not attributions:
            self.warn(line, f"claim {claim_text[:60]!r} names no author: skipped")
            return
        as_of = _date(item.get("datePublished"))
        try:
            parsed = partial_date("as_of", as_of)
        except ValueError:
            parsed = None  # the nested reader reports the bad date with its line
        key = _text(item.get("identifier")) or derive_claim_key(claim_text, parsed)
        self._add_claim(key, claim_text, as_of, attributions, line)
        self._verdict(key, review, line)

    def _add_claim(
        self, key: str, claim_text: str, as_of: str | None, attributions: list[Any], line: int
    ) -> None:
        node = self.claims.get(key)
        if node is None:
            node = LocDict({"key": key, "text": claim_text, "attributions": []}, line=line)
            if as_of:
                node["as_of"] = as_of
            self.claims[key] = node
        for a in attributions:
            entry = LocDict(a, line=line)
            if entry not in node["attributions"]:
                node["attributions"].append(entry)

    def _verdict(self, key: str, review: dict[str, Any], line: int) -> None:
        from provenance.errors import UsageError
        from provenance.verdicts import make_verdict

        rating = _one(review.get("reviewRating"))
        rating = rating if isinstance(rating, dict) else {}
        try:
            verdict = make_verdict(
                _text(rating.get("alternateName")) or _text(rating.get("name")) or "",
                _text(review.get("author")) or "",
                url=_text(review.get("url")),
                published=_text(review.get("datePublished")),
                explanation=_text(rating.get("ratingExplanation") or review.get("reviewBody")),
            )
        except UsageError as exc:
            self.warn(line, f"claim {key!r}: {exc}; the claim is kept without this verdict")
            return
        self.out.verdicts.append((key, verdict))

    def result(self) -> Converted:
        self.out.tree.update(
            {
                "sources": self.nodes,
                "documents": list(self.documents.values()),
                "claims": list(self.claims.values()),
            }
        )
        return self.out


def convert(name: str, reviews: list[tuple[int, dict[str, Any]]]) -> Converted:
    converter = _Converter(name)
    for line, review in reviews:
        converter.review(review, line)
    return converter.result()


def import_claimreview(
    path: Path, writer: Any, problems: list[Problem], warnings: list[Problem], *, tree: Any = None
) -> int:
    """Add a file's reviews to the import; returns how many verdicts were new."""
    from provenance.ingest.records import NestedReader
    from provenance.verdicts import record_imported

    try:
        reviews, found = load_reviews(path, tree)
    except InputError as exc:
        problems.extend(exc.problems)
        return 0
    problems.extend(found)
    if not reviews:
        warnings.append(Problem(str(path), None, None, "no ClaimReview found"))
        return 0
    converted = convert(str(path), reviews)
    warnings.extend(converted.warnings)
    _keep_stored_sources(converted.tree, writer)
    before = len(problems)
    for item in NestedReader(str(path), problems, warnings).read(converted.tree):
        writer.add(item)
    writer.flush()
    if len(problems) > before or not converted.verdicts:
        return 0
    ids = _claim_ids(writer.conn, sorted({k for k, _ in converted.verdicts}))
    return record_imported(
        writer.conn,
        [(ids[k], v) for k, v in converted.verdicts],
        actor=writer.actor,
        batch=writer.batch_id,
    )


def _keep_stored_sources(tree: LocDict, writer: Any) -> None:
    """A source already stored keeps its kind and affiliation: a file's agent type is
    coarser than a kind, and not a contradiction of it."""
    for node in tree["sources"]:
        if writer.sources.lookup(node.get("key") or node["name"], key_only="key" in node):
            node.pop("kind", None)
            node.pop("affiliation", None)


def _claim_ids(conn: Any, keys: list[str]) -> dict[str, int]:
    sql = text("SELECT key, id FROM claim WHERE key IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    return {r[0]: int(r[1]) for r in conn.execute(sql, {"keys": keys})}
