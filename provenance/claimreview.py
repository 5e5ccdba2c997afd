"""schema.org ClaimReview: the JSON-LD that fact-checkers publish and search engines read.

Export writes one ClaimReview per standing verdict of a selected claim. The reviewed
Claim carries its key (``identifier``), date and origins (``author``); each report is
an ``appearance``: a ``Quotation`` whose ``text`` is the verbatim quote, ``creator`` the
origin, ``contributor`` the relays (nearest the origin first) and ``isPartOf`` the
document. Sources become a Person or an Organization of the type closest to their kind.

Import reads such JSON-LD (a file, or the ``<script type="application/ld+json">``
blocks of an HTML page) into claims with their sources, documents and verdicts.
Fact-checks written by others are read too: a plain ``CreativeWork`` appearance is a
document, reported by the claim's author. What schema.org has no place for (grades,
stances, hedges, whether a source is named, access dates) is not exported and takes
its default on import; exporting what was imported gives the same document again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any

from provenance.interchange import Selection
from provenance.query import AttributionView, ClaimView, SourceRef

CONTEXT = "https://schema.org"
PERSON_KINDS = ("person", "official")
_AGENT_TYPES = {
    "person": "Person",
    "official": "Person",
    "news_outlet": "NewsMediaOrganization",
    "news_agency": "NewsMediaOrganization",
    "government": "GovernmentOrganization",
    "military": "GovernmentOrganization",
    "intelligence_agency": "GovernmentOrganization",
    "ngo": "NGO",
    "think_tank": "ResearchOrganization",
}
KIND_OF_TYPE = {
    "Person": "person",
    "NewsMediaOrganization": "news_outlet",
    "GovernmentOrganization": "government",
    "NGO": "ngo",
    "ResearchOrganization": "think_tank",
}
"""A source kind for each agent type; the kinds above map back to the same type."""
_DOCUMENT_TYPES = {
    "article-newspaper": "NewsArticle",
    "report": "Report",
    "webpage": "WebPage",
    "post": "SocialMediaPosting",
}


def agent_type(kind: str | None) -> str:
    return _AGENT_TYPES.get(kind or "", "Organization")


def _agent(s: SourceRef) -> dict[str, Any]:
    kind_type = agent_type(s.kind)
    out: dict[str, Any] = {"@type": kind_type, "identifier": s.key, "name": s.name}
    if s.affiliation:
        link = "affiliation" if kind_type == "Person" else "parentOrganization"
        out[link] = {"@type": "Organization", "name": s.affiliation}
    return out


def _document(selection: Selection, doc: dict[str, Any]) -> dict[str, Any]:
    from provenance.citations import csl_type

    out: dict[str, Any] = {
        "@type": _DOCUMENT_TYPES.get(csl_type(selection, doc), "CreativeWork"),
        "identifier": doc["key"],
    }
    if doc.get("title"):
        out["headline"] = doc["title"]
    if doc.get("author"):
        out["author"] = {"@type": "Person", "name": doc["author"]}
    if doc.get("outlet"):
        kind = selection.outlet_kind(doc["outlet"])
        out["publisher"] = {"@type": agent_type(kind), "name": doc["outlet"]}
    for field, prop in (("published", "datePublished"), ("url", "url"), ("language", "inLanguage")):
        if doc.get(field):
            out[prop] = doc[field]
    return out


def _appearance(selection: Selection, a: AttributionView) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Quotation"}
    if a.quote:
        out["text"] = a.quote
    out["creator"] = _agent(a.origin)
    if a.via:
        out["contributor"] = [_agent(v) for v in a.via]
    if a.document:
        out["isPartOf"] = _document(selection, a.document)
        if a.document.get("url"):
            out["url"] = a.document["url"]
    return out


def _claim(selection: Selection, claim: ClaimView) -> dict[str, Any]:
    origins = {a.origin.key: a.origin for a in claim.attributions}
    out: dict[str, Any] = {"@type": "Claim", "identifier": claim.key}
    if claim.as_of:
        out["datePublished"] = claim.as_of
    out["author"] = [_agent(s) for s in origins.values()]
    out["appearance"] = [_appearance(selection, a) for a in claim.attributions]
    return out


def _review(claim: dict[str, Any], text: str, verdict: dict[str, Any]) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict["rating"]}
    if verdict["explanation"]:
        rating["ratingExplanation"] = verdict["explanation"]
    out: dict[str, Any] = {"@type": "ClaimReview"}
    if verdict["url"]:
        out["url"] = verdict["url"]
    out["claimReviewed"] = text
    out["itemReviewed"] = claim
    out["reviewRating"] = rating
    out["author"] = {"@type": "Organization", "name": verdict["reviewer"]}
    if verdict["published"]:
        out["datePublished"] = verdict["published"]
    return out


def reviews(selection: Selection) -> list[dict[str, Any]]:
    """One ClaimReview per standing verdict, claims by key, verdicts oldest first."""
    out: list[dict[str, Any]] = []
    for claim in selection.claims:
        verdicts = selection.verdicts.get(claim.key, [])
        if verdicts:
            item = _claim(selection, claim)
            out.extend(_review(item, claim.text, v) for v in verdicts)
    return out


def write_claimreview(selection: Selection, out: IO[str]) -> int:
    graph = reviews(selection)
    document = {"@context": CONTEXT, "@graph": graph}
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(graph)


# --- reading ------------------------------------------------------------------------------


class _ScriptReader(HTMLParser):
    """Collects the text of ``<script type="application/ld+json">`` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            if kind == "application/ld+json":
                self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.blocks.append((self._open[0], "".join(self._open[1])))
            self._open = None


def jsonld_blocks(html: str) -> list[tuple[int, str]]:
    """The JSON-LD blocks of an HTML page, each with the line its script tag starts on."""
    reader = _ScriptReader()
    reader.feed(html)
    reader.close()
    return reader.blocks


def short_type(value: Any) -> set[str]:
    """``schema:ClaimReview``, ``http://schema.org/ClaimReview`` → ``ClaimReview``."""
    types = value if isinstance(value, list) else [value]
    return {
        t.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in types if isinstance(t, str)
    }


def find_reviews(tree: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview object in a JSON-LD tree, at any depth, in document order."""
    if isinstance(tree, list):
        for item in tree:
            yield from find_reviews(item)
    elif isinstance(tree, dict):
        if "ClaimReview" in short_type(tree.get("@type")):
            yield tree
            return
        for value in tree.values():
            yield from find_reviews(value)
