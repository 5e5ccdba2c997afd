"""Reference-manager exports: CSL-JSON, RIS and BibTeX, one item per cited document.

Each item carries the document's author, outlet, dates and address, and a note with
every selected claim the document reports: its text, the verbatim quote and the
provenance chain (origin, then relays). The item type follows what the outlet is,
when a source of that name is known: a news outlet or agency writes newspaper
articles, a think tank, NGO or public body writes reports, a person or official gives
an interview, a social-media account posts; otherwise a document with an address is
a web page.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from provenance.interchange import Selection
from provenance.query import AttributionView, ClaimView, SourceRef

_CSL_TYPES = {
    "news_outlet": "article-newspaper",
    "news_agency": "article-newspaper",
    "think_tank": "report",
    "ngo": "report",
    "government": "report",
    "military": "report",
    "intelligence_agency": "report",
    "person": "interview",
    "official": "interview",
    "social_media": "post",
}
_RIS_TYPES = {
    "article-newspaper": "NEWS",
    "report": "RPRT",
    "interview": "GEN",
    "post": "ELEC",
    "webpage": "ELEC",
    "article": "GEN",
}
_BIBTEX_TYPES = {"article-newspaper": "article", "report": "techreport"}


def csl_type(selection: Selection, doc: dict[str, Any]) -> str:
    kind = selection.outlet_kind(doc.get("outlet"))
    if kind in _CSL_TYPES:
        return _CSL_TYPES[kind]
    return "webpage" if doc.get("url") else "article"


def _agent(s: SourceRef) -> str:
    traits = [s.kind.replace("_", " ")] + ([] if s.named else ["unnamed"])
    traits += [s.affiliation] if s.affiliation else []
    return f"{s.name} ({', '.join(traits)})"


def chain(a: AttributionView) -> str:
    """Origin → relays, with the origin's kind, namedness and affiliation."""
    return " → ".join([_agent(a.origin), *(v.name for v in a.via)])


def claim_notes(reports: list[tuple[ClaimView, AttributionView]]) -> list[list[str]]:
    """One note per claim: ``[key] text``, then each report's quote and chain. The labels
    are none of CSL's variable names, which Zotero would read from an Extra field."""
    notes: dict[str, list[str]] = {}
    for claim, a in reports:
        lines = notes.setdefault(claim.key, [f"[{claim.key}] {claim.text}"])
        if a.quote:
            lines.append(f"quote: “{a.quote}”")
        lines.append(f"{'denied by' if a.stance == 'denies' else 'chain'}: {chain(a)}")
    return list(notes.values())


def _note(reports: list[tuple[ClaimView, AttributionView]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in claim_notes(reports))


def _date_parts(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


def csl_items(selection: Selection) -> list[dict[str, Any]]:
    items = []
    for key, (doc, reports) in selection.documents().items():
        kind = csl_type(selection, doc)
        item: dict[str, Any] = {"id": key, "type": kind, "title": doc.get("title")}
        author = doc.get("author") or (doc.get("outlet") if kind == "report" else None)
        if author:
            item["author"] = [{"literal": author}]  # names are not split: not every culture
            # writes given name then family name
        if doc.get("outlet"):
            item["publisher" if kind == "report" else "container-title"] = doc["outlet"]
        item["issued"] = _date_parts(doc.get("published"))
        item["accessed"] = _date_parts(doc.get("accessed"))
        item["URL"] = doc.get("url")
        item["language"] = doc.get("language")
        item["note"] = _note(reports)
        items.append({k: v for k, v in item.items() if v is not None})
    return items


def write_csl_json(selection: Selection, out: IO[str]) -> int:
    items = csl_items(selection)
    out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    return len(items)


# --- RIS --------------------------------------------------------------------------------


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _ris_date(iso: str) -> str:
    parts = [*iso.split("-"), "", ""]
    return f"{parts[0]}/{parts[1]}/{parts[2]}/"


def write_ris(selection: Selection, out: IO[str]) -> int:
    """RIS: one record per document, each report a note (``N1``) of its own."""
    n = 0
    for key, (doc, reports) in selection.documents().items():
        kind = csl_type(selection, doc)
        tags: list[tuple[str, str | None]] = [
            ("TY", _RIS_TYPES.get(kind, "GEN")),
            ("ID", key),
            ("TI", doc.get("title")),
            ("AU", doc.get("author")),
            ("PB" if kind == "report" else "T2", doc.get("outlet")),
            ("PY", (doc.get("published") or "")[:4] or None),
            ("DA", _ris_date(doc["published"]) if doc.get("published") else None),
            ("Y2", _ris_date(doc["accessed"]) if doc.get("accessed") else None),
            ("UR", doc.get("url")),
            ("LA", doc.get("language")),
        ]
        tags += [("N1", " / ".join(lines)) for lines in claim_notes(reports)]
        for tag, value in tags:
            if value:
                out.write(f"{tag}  - {_one_line(value)}\n")
        out.write("ER  - \n\n")
        n += 1
    return n


# --- BibTeX -----------------------------------------------------------------------------

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BAD_KEY = re.compile(r"[^A-Za-z0-9_:.\-]+")


def latex(value: str) -> str:
    return _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group(0)], value)


def _url(value: str) -> str:
    """URLs are verbatim in biblatex; only braces would break the field."""
    return value.replace("{", "%7B").replace("}", "%7D")


def write_bibtex(selection: Selection, out: IO[str]) -> int:
    """BibTeX (with biblatex's ``date``, ``urldate`` and ``langid``): newspaper articles as
    ``@article``, reports as ``@techreport``, the rest as ``@misc``."""
    n = 0
    for key, (doc, reports) in selection.documents().items():
        kind = csl_type(selection, doc)
        entry = _BIBTEX_TYPES.get(kind, "misc")
        published = doc.get("published")
        fields: list[tuple[str, str | None]] = [
            ("title", doc.get("title")),
            ("author", doc.get("author")),
            ("institution" if entry == "techreport" else "journal", doc.get("outlet")),
            ("year", published[:4] if published else None),
            ("month", str(int(published[5:7])) if published and len(published) >= 7 else None),
            ("date", published),
            ("url", doc.get("url")),
            ("urldate", doc.get("accessed")),
            ("langid", doc.get("language")),
            ("note", _note(reports)),
        ]
        if entry == "misc" and doc.get("outlet"):
            fields[2] = ("howpublished", doc["outlet"])
        body = ",\n".join(
            f"  {name} = {{{_url(value) if name == 'url' else latex(value)}}}"
            for name, value in fields
            if value
        )
        out.write(f"@{entry}{{{_BAD_KEY.sub('-', key)},\n{body}\n}}\n\n")
        n += 1
    return n
