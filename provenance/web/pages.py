"""The pages: each reads through the library's query functions and fills a template.

Lists are paged (``PAGE_SIZE`` rows) so that a page costs the same at a hundred
claims or a million; measures and disputes, which take a pass over every claim, are
computed once per version of the data (``app.Cache``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from provenance.errors import NotFoundError, UsageError
from provenance.query import ClaimFilter, ClaimView

if TYPE_CHECKING:
    from provenance.web.app import Request, Response, WebApp

Handler = Callable[["WebApp", Session, "Request", str], "Response"]
PAGE_SIZE = 50
AUDIT_ROWS = 200
"""Rows on a page of the audits and of the disputes (each a pass over every claim,
computed whole; a page shows a slice)."""
TEXT_FILTERS = (
    "source",
    "via",
    "source_kind",
    "party",
    "category",
    "subject",
    "metric",
    "location",
    "since",
    "until",
    "search",
    "min_reliability",
    "rating",
)
SORTS = ("key", "as_of", "reports", "origins")
STATUSES = ("active", "merged", "retracted", "all")


def route(path: str) -> tuple[Handler | None, str]:
    exact: dict[str, Handler] = {
        "/": claims_page,
        "/claims": claims_page,
        "/claims.csv": claims_csv,
        "/claims.json": claims_json,
        "/sources": sources_page,
        "/measures": measures_page,
        "/disputes": disputes_page,
        "/audit/unnamed": unnamed_page,
        "/audit/circular": circular_page,
    }
    if path in exact:
        return exact[path], ""
    for prefix, handler in (
        ("/claims/", claim_page),
        ("/sources/", source_page),
        ("/measures/", measure_page),
    ):
        if path.startswith(prefix) and len(path) > len(prefix):
            return handler, path[len(prefix) :]
    return None, ""


# --- claims -----------------------------------------------------------------------------


def claim_filter(
    request: Request, app: WebApp | None = None, session: Session | None = None
) -> tuple[ClaimFilter, dict[str, str]]:
    """The filter the query parameters ask for (the CLI's options, by the same names,
    and ``measure``: the claims of one measure), and the parameters kept for links."""
    params = {name: v for name in TEXT_FILTERS if (v := request.get(name))}
    measure = request.get("measure")
    keys = None
    if measure is not None and app is not None and session is not None:
        members = analysis(app, session).members.get(measure)
        if members is None:
            raise NotFoundError(f"no measure {measure!r}")
        keys = members
        params["measure"] = measure
    named = request.get("named")
    if named not in (None, "named", "unnamed"):
        raise UsageError("named takes named or unnamed")
    status = request.get("status", "active") or "active"
    if status not in STATUSES:
        raise UsageError(f"status takes one of {', '.join(STATUSES)}")
    origin_only = request.get("origin_only") in ("1", "true", "on")
    if origin_only and "source" not in params:
        raise UsageError("origin_only goes with source")
    f = ClaimFilter(
        **{k: v for k, v in params.items() if k != "measure"},
        keys=keys,
        named=None if named is None else named == "named",
        origin_only=origin_only,
        status=None if status == "all" else status,
    )
    kept = dict(params)
    if named:
        kept["named"] = named
    if origin_only:
        kept["origin_only"] = "1"
    if status != "active":
        kept["status"] = status
    return f, kept


def page_number(request: Request) -> int:
    raw = request.get("page", "1") or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise UsageError("page takes a number from 1")
    return int(raw)


@dataclass
class Slice:
    """One page of a list computed whole: its rows, which page of how many, and the
    place of its first row in the list (from 1)."""

    rows: list[Any]
    page: int
    pages: int
    first: int
    total: int

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    def pager(self, params: dict[str, str]) -> dict[str, Any]:
        """What ``_pager.html`` needs, linking with ``params``."""
        return {"page": self.page, "pages": self.pages, "params": params, "slice": self}


def slice_of(rows: Sequence[Any], request: Request) -> Slice:
    """The page the request asks for (``page``, from 1) of ``rows``; past the last page,
    no rows."""
    size = AUDIT_ROWS
    page = page_number(request)
    offset = (page - 1) * size
    return Slice(
        list(rows[offset : offset + size]),
        page,
        max(1, math.ceil(len(rows) / size)),
        offset + 1,
        len(rows),
    )


@dataclass
class Matches:
    """The claims a filter keeps: their ids, and the index they are read with."""

    index: Any
    ids: Any

    def __len__(self) -> int:
        return len(self.ids)


def matches(app: WebApp, session: Session, f: ClaimFilter) -> Matches:
    """Matching ids, kept for the last few filters (paging through a list asks again)."""
    from provenance.web.app import data_version
    from provenance.web.facets import build_index, matching_ids

    conn = session.connection()
    index = app.cache.get(session, "facets", lambda: build_index(conn))
    key = (data_version(session), repr(f))
    ids = app.recent.get(key)
    if ids is None:
        ids = matching_ids(conn, f, index)
        app.recent.put(key, ids)
    return Matches(index, ids)


def page_of_claims(
    session: Session, found: Matches, f: ClaimFilter, *, sort: str, page: int
) -> list[ClaimView]:
    """One page of matching claims in full: by rank for key and date order, through
    ``find_claims`` for the orders by counts."""
    from provenance.query import find_claims, load_claims
    from provenance.web.facets import ORDERS, page_ids

    offset = (page - 1) * PAGE_SIZE
    if sort not in ORDERS:
        return find_claims(session, f, limit=offset + PAGE_SIZE, sort=sort)[offset:]
    ids = page_ids(found.index, found.ids, sort, offset, PAGE_SIZE)
    return load_claims(session.connection(), ids)


def claims_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    f, params = claim_filter(request, app, session)
    sort = request.get("sort", "key") or "key"
    if sort not in SORTS:
        raise UsageError(f"sort takes one of {', '.join(SORTS)}")
    page = page_number(request)
    found = matches(app, session, f)
    views = page_of_claims(session, found, f, sort=sort, page=page)
    total = len(found)
    link_params = {**params, **({"sort": sort} if sort != "key" else {})}
    return app.render(
        "claims.html",
        claims=views,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / PAGE_SIZE)),
        params=link_params,
        filters=params,
        facets=facets(app, session, found, params),
        measures_ready=app.cache.peek(session, "analysis") is not None,
        sorts=SORTS,
        sort=sort,
    )


def facets(app: WebApp, session: Session, found: Matches, params: dict[str, str]) -> list[Any]:
    """The facets of the matching claims. The measure facet is shown once measures
    have been computed (the server starts on that at once)."""
    from provenance.web.facets import facet_counts

    index = found.index
    ready: Analysis | None = app.cache.peek(session, "analysis")
    if ready is not None:
        index = replace(index, facets=[*index.facets, ready.measure_pairs])
    return facet_counts(index, found.ids, params)


def _export(app: WebApp, session: Session, request: Request, fmt: str) -> Response:
    from provenance.export import export
    from provenance.web.app import Response

    f, _params = claim_filter(request, app, session)
    buf = io.StringIO()
    export(session, f, out_path=None, out=buf, fmt=fmt)
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(
        buf.getvalue().encode("utf-8"),
        content_type=content_type,
        headers=[("Content-Disposition", f'inline; filename="claims.{fmt}"')],
    )


def claims_csv(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    return _export(app, session, request, "csv")


def claims_json(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    return _export(app, session, request, "json")


def claim_page(app: WebApp, session: Session, request: Request, key: str) -> Response:
    from provenance.query import claim_history, get_claim
    from provenance.verdicts import claim_verdicts
    from provenance.web.chain import chain_graph, chain_svg

    view = get_claim(session, key)
    graph = chain_graph(view.attributions)
    return app.render(
        "claim.html",
        claim=view,
        interval=figure_interval(view),
        graph=_markup(chain_svg(graph)),
        verdicts=claim_verdicts(session, view.key),
        history=claim_history(session, view.key),
    )


def figure_interval(view: ClaimView) -> str | None:
    """The interval the claim's figure stands for, as conflicts compare it."""
    from provenance import quantities
    from provenance.measures import DEFAULT_TOLERANCE

    q = view.quantity
    if not q or not q.get("qualifier"):
        return None
    try:
        parsed = quantities.from_parts(
            q["text"], q["qualifier"], q["value"], q["low"], q["high"], q["unit"], view.language
        )
    except ValueError:
        return None
    iv = quantities.interval(parsed, DEFAULT_TOLERANCE)
    return bracket(iv.lo, iv.hi, iv.lo_closed, iv.hi_closed, parsed.unit)


def bracket(lo: float, hi: float, lo_closed: bool, hi_closed: bool, unit: str | None) -> str:
    from provenance.web.render import number

    left = "[" if lo_closed else "("
    right = "]" if hi_closed else ")"
    low = "−∞" if math.isinf(lo) else number(lo)
    high = "∞" if math.isinf(hi) else number(hi)
    return f"{left}{low}, {high}{right}" + (f" {unit}" if unit else "")


def _markup(svg: str) -> Any:
    """SVG built with every text escaped (see ``chain`` and ``timeline``), marked safe."""
    from markupsafe import Markup

    return Markup(svg)


# --- sources ----------------------------------------------------------------------------


def sources_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    from provenance.query import list_sources

    return app.render("sources.html", sources=list_sources(session))


def source_page(app: WebApp, session: Session, request: Request, key: str) -> Response:
    from provenance.query import get_source

    source = get_source(session, key)
    as_origin = ClaimFilter(source=source["key"], origin_only=True)
    as_relay = ClaimFilter(via=source["key"])
    origin, relay = matches(app, session, as_origin), matches(app, session, as_relay)
    return app.render(
        "source.html",
        source=source,
        origin_claims=page_of_claims(session, origin, as_origin, sort="as_of", page=1),
        origin_total=len(origin),
        relay_claims=page_of_claims(session, relay, as_relay, sort="as_of", page=1),
        relay_total=len(relay),
        page_size=PAGE_SIZE,
    )


# --- audits -----------------------------------------------------------------------------


def unnamed_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    from provenance.audit import unnamed_audit

    any_unnamed = request.get("any") in ("1", "true", "on")
    audit = unnamed_audit(session, ClaimFilter(), any_unnamed=any_unnamed)
    shown = slice_of(audit.rows, request)
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in shown.rows:
        for aff in row["affiliations"]:
            groups.setdefault(aff, []).append(row)
    return app.render(
        "unnamed.html",
        summary=audit.summary(),
        groups=sorted(groups.items()),
        any_unnamed=any_unnamed,
        **shown.pager({"any": "1"} if any_unnamed else {}),
    )


def circular_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    from provenance.audit import circular_audit

    raw = request.get("min_reports", "2") or "2"
    if not raw.isdigit() or int(raw) < 2:
        raise UsageError("min_reports takes a number from 2")
    rows = circular_audit(session, ClaimFilter(), min_reports=int(raw))
    shown = slice_of(rows, request)
    return app.render(
        "circular.html",
        rows=shown.rows,
        total=len(rows),
        min_reports=int(raw),
        **shown.pager({"min_reports": raw} if int(raw) != 2 else {}),
    )


# --- measures and disputes --------------------------------------------------------------


@dataclass
class Analysis:
    """Measures and disputes of the whole database, with the indexes pages need."""

    measures: list[Any]
    disputes: list[Any]
    dispute_of: dict[str, int]
    """Claim key -> number (from 1) of the dispute it is in."""
    measure_of: dict[str, str]
    """Claim key -> name of its measure."""
    members: dict[str, list[str]]
    """Measure name -> keys of its claims."""
    measure_pairs: Any
    """(claim, measure) pairs for the claims page's measure facet."""


class Pending(Exception):
    """Measures and disputes are being computed by another thread: try again soon."""


def analysis(app: WebApp, session: Session, *, wait: bool = False) -> Analysis:
    """Measures and disputes of the current data. While the server computes them, a
    page asking for them says so at once (``Pending``) instead of hanging for minutes;
    ``wait``: wait for them instead."""
    ready: Analysis | None = app.cache.peek(session, "analysis")
    if ready is not None:
        return ready
    if not wait and app.cache.busy("analysis"):
        raise Pending

    def compute() -> Analysis:
        from provenance.conflicts import find_conflicts
        from provenance.measures import list_measures
        from provenance.web.facets import pairs

        measures = list_measures(session.connection())
        found = find_conflicts(session).disputes
        dispute_of = {
            x.key: i
            for i, d in enumerate(found, start=1)
            for camp in d.camps
            for p in camp
            for x in (p, *p.twins)
        }
        measure_of = {p.key: m.name for m in measures for p in m.claims}
        members: dict[str, list[str]] = {}
        for m in measures:
            members.setdefault(m.name, []).extend(p.key for p in m.claims)
        facet = pairs(
            "measure", "measure", ((p.id, m.name, m.name) for m in measures for p in m.claims)
        )
        return Analysis(measures, found, dispute_of, measure_of, members, facet)

    result: Analysis = app.cache.get(session, "analysis", compute)
    return result


def measures_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    a = analysis(app, session)
    rows = [
        {
            "name": m.name,
            "why": m.why,
            "claims": len(m.claims),
            "disputes": len({a.dispute_of[p.key] for p in m.claims if p.key in a.dispute_of}),
        }
        for m in a.measures
    ]
    return app.render("measures.html", measures=rows, disputes=len(a.disputes))


def colour_choice(request: Request) -> str:
    by = request.get("colour", "source") or "source"
    if by not in ("source", "party"):
        raise UsageError("colour takes source or party")
    return by


def measure_page(app: WebApp, session: Session, request: Request, name: str) -> Response:
    from provenance.timeline import build_timeline, timeline_svg

    by = colour_choice(request)
    a = analysis(app, session)
    found = [m for m in a.measures if m.name == name]
    if not found:
        raise NotFoundError(f"no measure {name!r}")
    conn = session.connection()
    timelines = []
    numbers: set[int] = set()
    for m in found:
        tl = build_timeline(conn, m, a.dispute_of)
        numbers |= {b.dispute for b in tl.bars if b.dispute is not None}
        numbers |= {a.dispute_of[k] for k in tl.undated if k in a.dispute_of}
        svg = timeline_svg(tl, by=by, link="/claims/")  # type: ignore[arg-type]
        timelines.append({"timeline": tl, "svg": _markup(svg), "measure": m})
    return app.render(
        "measure.html",
        name=name,
        timelines=timelines,
        colour=by,
        disputes=[dispute_view(n, a.disputes[n - 1], a) for n in sorted(numbers)],
    )


def dispute_view(number: int, d: Any, a: Analysis) -> dict[str, Any]:
    from provenance.measures import DEFAULT_TOLERANCE

    texts = {x.key: x for camp in d.camps for p in camp for x in (p, *p.twins)}
    record = d.as_dict(DEFAULT_TOLERANCE)
    for camp in record["camps"]:
        camp["members"] = [
            {
                "key": k,
                "text": texts[k].text if k in texts else "",
                "figure": texts[k].quantity.text if k in texts and texts[k].quantity else "",
            }
            for k in camp["claims"]
        ]
    first = d.camps[0][0].key
    return {"number": number, "measure_link": a.measure_of.get(first), **record}


def disputes_page(app: WebApp, session: Session, request: Request, _rest: str) -> Response:
    a = analysis(app, session)
    shown = slice_of(a.disputes, request)
    return app.render(
        "disputes.html",
        disputes=[dispute_view(i, d, a) for i, d in enumerate(shown.rows, start=shown.first)],
        total=len(a.disputes),
        **shown.pager({}),
    )
