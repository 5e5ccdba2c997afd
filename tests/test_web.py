"""The web view as a WSGI application: pages, status codes, escaping, read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests.web_data import HOSTILE, write_extra

pytest.importorskip("jinja2")

MEASURE = "troop_count: troops in kursk"


@pytest.fixture
def web_db(cli: Any, fixture_db: str, tmp_path: Path) -> str:
    result = cli("import", str(write_extra(tmp_path / "extra.csv")))
    assert result.exit_code == 0, result.output
    return fixture_db


@pytest.fixture
def app(web_db: str) -> Iterator[Any]:
    from provenance.web.app import WebApp

    web = WebApp(web_db)
    yield web
    web.close()


def call(app: Any, path: str, method: str = "GET") -> tuple[str, dict[str, str], str]:
    """Request ``path`` (percent-encoded, with an optional query) as a server would."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": unquote(path, encoding="latin-1"),
        "QUERY_STRING": query,
    }
    got: dict[str, Any] = {}

    def start(status: str, headers: list[tuple[str, str]]) -> None:
        got["status"], got["headers"] = status, dict(headers)

    body = b"".join(app(environ, start)).decode("utf-8")
    return got["status"], got["headers"], body


def test_every_page_answers(app: Any) -> None:
    pages = [
        "/",
        "/claims",
        "/claims?named=unnamed&category=troop_count",
        "/claims/russia-concentrated-60000-troops-kursk",
        "/sources",
        "/sources/reuters",
        "/measures",
        f"/measures/{quote(MEASURE, safe='')}",
        f"/measures/{quote(MEASURE, safe='')}?colour=party",
        "/disputes",
        "/audit/unnamed",
        "/audit/unnamed?any=1",
        "/audit/circular",
        "/static/style.css",
    ]
    for page in pages:
        status, headers, _ = call(app, page)
        assert status == "200 OK", page
        assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_missing_things_are_404_and_bad_parameters_400(app: Any) -> None:
    assert call(app, "/nowhere")[0] == "404 Not Found"
    status, _, body = call(app, "/claims/russia-concentrated-60000-troops")
    assert status == "404 Not Found"
    assert "did you mean &#39;russia-concentrated-60000-troops-kursk&#39;?" in body
    assert call(app, "/sources/nobody-at-all")[0] == "404 Not Found"
    assert call(app, "/measures/no%20such%20measure")[0] == "404 Not Found"
    assert call(app, "/static/../app.py")[0] == "404 Not Found"
    assert call(app, "/claims?category=weather")[0] == "400 Bad Request"
    assert call(app, "/claims?page=0")[0] == "400 Bad Request"
    assert call(app, "/claims?sort=random")[0] == "400 Bad Request"
    assert call(app, f"/measures/{quote(MEASURE, safe='')}?colour=blue")[0] == "400 Bad Request"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_nothing_but_get_and_head(app: Any, method: str) -> None:
    status, headers, _ = call(app, "/claims", method)
    assert status == "405 Method Not Allowed"
    assert headers["Allow"] == "GET, HEAD"


def test_head_sends_headers_only(app: Any) -> None:
    status, headers, body = call(app, "/claims", "HEAD")
    assert status == "200 OK" and body == ""
    assert int(headers["Content-Length"]) > 1000


def test_stored_text_is_escaped_everywhere(app: Any) -> None:
    escaped = "&lt;script&gt;window.__pwned = 1&lt;/script&gt;"
    for page in ["/claims", "/claims/hostile-claim", "/sources", "/audit/circular"]:
        _, _, body = call(app, page)
        assert HOSTILE not in body, page
    _, _, claim = call(app, "/claims/hostile-claim")
    assert f"A claim with {escaped} in it." in claim
    assert f"quoted {escaped}" in claim
    assert f"Source {escaped}" in claim
    assert "javascript:" not in claim  # a document URL that is not http(s) is no link
    _, _, source = call(app, "/sources/" + quote(f"Source {HOSTILE}", safe=""))
    assert f"Source {escaped}" in source and HOSTILE not in source


def test_claims_filters_narrow_and_facets_count(app: Any) -> None:
    _, _, everything = call(app, "/claims")
    assert '<span id="total">28</span>' in everything
    _, _, unnamed = call(app, "/claims?named=unnamed")
    assert '<span id="total">8</span>' in unnamed
    _, _, troops = call(app, "/claims?category=troop_count&search=north")
    assert '<span id="total">6</span>' in troops
    assert "nk-troops-ua-nov" in troops and "kursk-offensive-launched-august-2024" not in troops


def test_csv_and_json_links_give_the_export_formats(app: Any, cli: Any) -> None:
    status, headers, body = call(app, "/claims.csv?category=troop_count")
    assert status == "200 OK" and headers["Content-Type"] == "text/csv; charset=utf-8"
    exported = cli("export", "--format", "csv", "--category", "troop_count").output
    assert body == exported
    _, _, as_json = call(app, "/claims.json?source=reuters&origin_only=1")
    assert json.loads(as_json) == json.loads(
        cli("export", "--format", "json", "--source", "reuters", "--origin-only").output
    )


def test_claim_page_shows_figure_interval_chain_and_history(app: Any) -> None:
    _, _, body = call(app, "/claims/russia-concentrated-60000-troops-kursk")
    assert "Russia has concentrated close to 60,000 troops in Kursk." in body
    assert '<dd id="interval">[54,000, 60,000] troops</dd>' in body
    assert 'data-node="s:ua-general-staff-official"' in body
    assert 'data-node="s:reuters"' in body
    assert body.count('class="edge"') == 3  # official → Reuters → Daily Express → document
    assert "<td>import</td>" in body


def test_measure_page_draws_a_bar_per_dated_claim_and_marks_disputes(app: Any) -> None:
    _, _, body = call(app, f"/measures/{quote(MEASURE, safe='')}")
    assert body.count('<rect class="bar') == 6
    assert 'data-key="nk-troops-blog-nov"' in body
    assert body.count('class="bar disputed"') >= 2
    assert "camp 1: asserts" in body


def test_the_view_cannot_write(web_db: str, is_postgres: bool) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from provenance.web.app import WebApp

    web = WebApp(web_db)
    try:
        with web.session() as s, pytest.raises(DBAPIError):
            s.execute(text("UPDATE claim SET text = 'x'"))
    finally:
        web.close()


def test_the_measure_facet_comes_once_measures_are_computed(app: Any) -> None:
    _, _, before = call(app, "/claims")
    assert 'id="measures-pending"' in before and 'data-facet="measure"' not in before
    app.prepare()
    _, _, after = call(app, "/claims")
    assert 'id="measures-pending"' not in after
    assert 'data-facet="measure"' in after
    assert f"?measure={quote(MEASURE, safe='').replace('%20', '+')}" in after
    _, _, narrowed = call(app, f"/claims?measure={quote(MEASURE)}")
    assert '<span id="total">6</span>' in narrowed
    assert call(app, "/claims?measure=nothing")[0] == "404 Not Found"


def test_facet_counts_are_distinct_claims(app: Any) -> None:
    _, _, body = call(app, "/claims?category=troop_count")
    named = body[body.index('data-facet="named"') :]
    named = named[: named.index("</section>")]
    assert '>named</a> <span class="count">5</span>' in named
    assert '>unnamed</a> <span class="count">2</span>' in named


def test_facets_count_what_the_library_counts(app: Any, web_db: str) -> None:
    """The page's facets are read from arrays for speed; they must equal
    ``provenance.facets``, where their meaning is defined (less a missing party, which
    no filter selects, and with parties as the case-insensitive filter takes them)."""
    from provenance.db import open_session
    from provenance.facets import facet_counts
    from provenance.query import ClaimFilter
    from provenance.web.pages import facets, matches

    for flt in (ClaimFilter(), ClaimFilter(category="troop_count"), ClaimFilter(named=False)):
        with open_session(web_db) as s:
            expected = {
                name: {v.value.lower(): v.count for v in values if v.value is not None}
                for name, values in facet_counts(s, flt, limit=0).items()
            }
        with app.session() as s:
            shown = facets(app, s, matches(app, s, flt), {})
        assert [f.name for f in shown] == list(expected)
        for facet in shown:
            assert {v.value: v.count for v in facet.values} == expected[facet.name], facet.name


def test_pages_follow_the_cli_order(app: Any, cli: Any) -> None:
    import re

    for sort in ("key", "as_of", "reports"):
        _, _, body = call(app, f"/claims?sort={sort}")
        shown = re.findall(r'class="claim-link" href="/claims/([^"]+)"', body)
        listed = json.loads(cli("claims", "--sort", sort, "-f", "json").output)
        assert shown == [quote(c["key"], safe="") for c in listed], sort
    _, _, past = call(app, "/claims?page=2")
    assert "no claims match" in past and "page 2" not in past


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("category=troop_count&named=unnamed", ["--category", "troop_count", "--unnamed"]),
        ("party=UKRAINE&search=troops", ["--party", "UKRAINE", "--search", "troops"]),
        ("named=named&source=reuters", ["--named", "--source", "reuters"]),
        ("status=all&category=statement", ["--status", "all", "--category", "statement"]),
        ("party=nobody", ["--party", "nobody"]),
    ],
)
def test_the_page_lists_what_the_cli_lists(
    app: Any, cli: Any, query: str, options: list[str]
) -> None:
    import re

    _, _, body = call(app, f"/claims?{query}")
    shown = re.findall(r'class="claim-link" href="/claims/([^"]+)"', body)
    listed = json.loads(cli("claims", *options, "-f", "json").output or "[]")
    assert shown == [quote(c["key"], safe="") for c in listed]
    assert f'<span id="total">{len(listed)}</span>' in body


def test_pages_needing_measures_say_so_while_they_are_computed(app: Any, web_db: str) -> None:
    """Another thread holds the measures' computation (as the server's start does)."""
    import contextlib
    import threading

    from provenance.db import open_session

    started, release = threading.Event(), threading.Event()

    def computing() -> None:
        started.set()
        release.wait(30)
        raise RuntimeError("nothing to store")

    def hold() -> None:
        with open_session(web_db) as session, contextlib.suppress(RuntimeError):
            app.cache.get(session, "analysis", computing)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert started.wait(30)
        status, headers, body = call(app, "/measures")
        assert status == "503 Service Unavailable" and headers["Retry-After"] == "10"
        assert "reload this page in a moment" in body
        assert call(app, "/claims")[0] == "200 OK"
    finally:
        release.set()
        holder.join(30)
    assert call(app, "/measures")[0] == "200 OK"


# --- paging of the audits and disputes ----------------------------------------------------


def _more_rows() -> list[dict[str, Any]]:
    """Two more disputes (troops in Belgorod and in Bryansk, 5,000 against 40,000 on one
    day) and three claims each reported twice by one origin through two outlets."""
    from tests.helpers import row

    rows = []
    for place in ("Belgorod", "Bryansk"):
        for n, figure in enumerate(("5,000 troops", "40,000 troops")):
            rows.append(
                row(
                    claim_key=f"{place.lower()}-{n}",
                    claim=f"Russia has {figure} in {place}.",
                    subject="Russian troops",
                    location=f"{place} Oblast",
                    quantity=figure,
                    as_of="2024-12-01",
                    source=f"{place} governor {n}",
                    source_kind="official",
                    source_named="true",
                    quote=figure,
                    url=f"https://example.org/{place}/{n}",
                )
            )
    for n in range(3):
        for outlet in ("Reuters", "AP"):
            rows.append(
                row(
                    claim_key=f"echo-{n}",
                    claim=f"Echoed claim number {n}.",
                    category="statement",
                    quantity="",
                    source="Echo ministry",
                    source_kind="official",
                    source_named="true",
                    via=outlet,
                    outlet=outlet,
                    url=f"https://example.org/echo/{n}/{outlet}",
                )
            )
    return rows


@pytest.fixture
def paged(cli: Any, web_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from provenance.web import pages
    from provenance.web.app import WebApp
    from tests.helpers import write_csv

    result = cli("import", str(write_csv(tmp_path / "more.csv", _more_rows())))
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(pages, "AUDIT_ROWS", 2)
    web = WebApp(web_db)
    yield web
    web.close()


def _links(body: str, pattern: str) -> list[str]:
    import re

    return re.findall(pattern, body)


def _pager(body: str) -> list[str]:
    import re

    return re.findall(r'<p class="pager">\n(.*?)</p>', body, re.S)


def _every_page(app: Any, url: str, pattern: str) -> tuple[list[str], list[list[str]]]:
    """The links on each page of ``url`` until a page without them, and each pager."""
    found, pagers = [], []
    for page in range(1, 20):
        sep = "&" if "?" in url else "?"
        status, _, body = call(app, f"{url}{sep}page={page}")
        assert status == "200 OK"
        links = _links(body, pattern)
        if not links:
            assert "on this page" in body
            break
        found.append(links)
        pagers.append(_pager(body))
    return [link for page in found for link in page], pagers


def test_the_unnamed_audit_is_paged_and_hides_nothing(paged: Any, cli: Any) -> None:
    audit = json.loads(cli("audit", "unnamed", "--any", "-f", "json").output)
    listed = {quote(c["key"], safe="") for g in audit["groups"] for c in g["claims"]}
    shown, pagers = _every_page(paged, "/audit/unnamed?any=1", r'<li><a href="/claims/([^"]+)"')
    assert set(shown) == listed and len(listed) == 8
    prev, more = '<a rel="prev" href="?any=1&amp;page={}">← previous</a>', '<a rel="next"'
    assert (
        pagers[1]
        == [f'{prev.format(1)} page 2 of 4 (3–4 of 8) {more} href="?any=1&amp;page=3">next →</a>']
        * 2
    )
    assert pagers[3] == [f"{prev.format(3)} page 4 of 4 (7–8 of 8)"] * 2
    _, _, past = call(paged, "/audit/unnamed?any=1&page=5")
    assert _pager(past) == [f"{prev.format(4)} page 5 of 4"]
    assert "<p>no claims on this page</p>" in past


def test_the_circular_audit_is_paged(paged: Any, cli: Any) -> None:
    listed = [c["key"] for c in json.loads(cli("audit", "circular", "-f", "json").output)]
    shown, pagers = _every_page(paged, "/audit/circular", r'<tr><td><a href="/claims/([^"]+)"')
    assert shown == listed == ["echo-0", "echo-1", "echo-2"]
    assert pagers == [
        ['page 1 of 2 (1–2 of 3) <a rel="next" href="?page=2">next →</a>'] * 2,
        ['<a rel="prev" href="?page=1">← previous</a> page 2 of 2 (3–3 of 3)'] * 2,
    ]
    _, _, three = call(paged, "/audit/circular?min_reports=3")
    assert "no claim has several reports from a single origin" in three
    assert _pager(three) == []


def test_the_disputes_are_paged_and_numbered_across_pages(paged: Any) -> None:
    shown, pagers = _every_page(paged, "/disputes", r"<h3>Dispute (\d+): ([^<]+) <span")
    assert [n for n, _ in shown] == ["1", "2", "3"]
    places = [next((p for p in ("belgorod", "bryansk", "kursk") if p in m), m) for _, m in shown]
    assert sorted(places) == ["belgorod", "bryansk", "kursk"]
    assert pagers == [
        ['page 1 of 2 (1–2 of 3) <a rel="next" href="?page=2">next →</a>'] * 2,
        ['<a rel="prev" href="?page=1">← previous</a> page 2 of 2 (3–3 of 3)'] * 2,
    ]
    _, _, body = call(paged, "/disputes?page=2")
    assert '<section class="dispute" id="dispute-3">' in body
    assert "<p>3 disputes: claims of one measure and time" in body
    assert call(paged, "/disputes?page=0")[0] == "400 Bad Request"


def test_named_and_party_hold_on_one_origin_as_in_the_cli(
    cli: Any, web_db: str, tmp_path: Path
) -> None:
    """A claim whose unnamed origin is Ukraine's and whose named origin is Russia's has
    no named Ukrainian origin: the page must not meet the two conditions on two origins."""
    import re

    from provenance.web.app import WebApp
    from tests.helpers import row, write_csv

    origins = [("Unnamed Kyiv official", "false", "Ukraine"), ("Maria Zakharova", "true", "Russia")]
    rows = [
        row(claim_key="two-origins", claim="Two origins of one claim.", category="statement",
            quantity="", source=name, source_kind="official", source_named=named,
            source_party=party, url=f"https://example.org/two-origins/{named}")
        for name, named, party in origins
    ]  # fmt: skip
    assert cli("import", str(write_csv(tmp_path / "two.csv", rows))).exit_code == 0
    listed = json.loads(cli("claims", "--party", "Ukraine", "--named", "-f", "json").output)
    web = WebApp(web_db)
    try:
        _, _, body = call(web, "/claims?party=Ukraine&named=named")
    finally:
        web.close()
    shown = re.findall(r'class="claim-link" href="/claims/([^"]+)"', body)
    assert "two-origins" not in shown
    assert shown == [quote(c["key"], safe="") for c in listed]
