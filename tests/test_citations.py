"""CSL-JSON, RIS and BibTeX exports, read back by citeproc-py, rispy and bibtexparser."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import citeproc
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON

from tests.helpers import row, write_csv

STYLE = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
EXPRESS = "express-kursk-2024-11"


def more_documents(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A news-agency wire with an address and access date, and a think-tank report."""
    rows = [
        row(claim_key="wire-60000", outlet="Reuters", author="Tom Balmforth",
            document_title="Russia masses 50,000 troops in Kursk {update 2}",
            url="https://wire.example.org/kursk?id=50_000&src=x", published="2024-11-16",
            accessed="2024-11-18", source_key="ua-general-staff-official",
            source="unnamed senior official of the Ukrainian General Staff", via="", via_keys=""),
        row(claim_key="isw-assessment", claim="Russian forces advanced near Korenevo.",
            category="advance", quantity="", source="Institute for the Study of War", source_key="isw",
            source_kind="think_tank", source_named="true",
            source_affiliation="Institute for the Study of War (Washington)", via="", via_keys="",
            quote="Russian forces recently advanced near Korenevo", outlet="ISW",
            document_title="Russian Offensive Campaign Assessment, November 16, 2024",
            url="https://isw.example.org/assessment-2024-11-16", published="2024-11-16",
            author=""),
    ]  # fmt: skip
    result = cli("import", str(write_csv(tmp_path / "more.csv", rows)))
    assert result.exit_code == 0, result.output


def bibliography(csl: str) -> list[str]:
    source = CiteProcJSON(json.loads(csl))
    style = CitationStylesStyle(str(STYLE), validate=False)
    bib = CitationStylesBibliography(style, source, citeproc_formatter.plain)
    for key in source:
        bib.register(Citation([CitationItem(key)]))
    return [str(item) for item in bib.bibliography()]


def test_csl_json_renders_as_a_bibliography(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    more_documents(cli, tmp_path)
    out = cli("export", "--format", "csl-json")
    assert out.exit_code == 0
    items = json.loads(out.output)
    assert [(i["id"], i["type"]) for i in items] == [
        (EXPRESS, "article-newspaper"),
        ("isw-5e7f96d759", "report"),
        ("reuters-eda63fe871", "article-newspaper"),
    ]
    assert sorted(bibliography(out.output)) == [
        "ISW (2024) Russian Offensive Campaign Assessment, November 16, 2024. ISW. Available at: "
        "https://isw.example.org/assessment-2024-11-16.",
        "Rebecca Robinson (2024) “Russian and North Korean troops deliver huge blow to Ukraine in "
        "Kursk battle”, Daily Express, November.",
        "Tom Balmforth (2024) “Russia masses 50,000 troops in Kursk {update 2}”, Reuters, 16 "
        "November. Available at: https://wire.example.org/kursk?id=50_000&src=x (Accessed: "
        "November 18, 2024).",
    ]
    wire = items[2]
    assert wire["accessed"] == {"date-parts": [[2024, 11, 18]]}
    assert wire["note"] == (
        "[wire-60000] Russia has concentrated close to 60,000 troops in Kursk.\n"
        "quote: “close to 60,000 troops”\n"
        "chain: unnamed senior official of the Ukrainian General Staff "
        "(official, unnamed, Ukrainian General Staff)"
    )
    express_note = items[0]["note"]
    assert express_note.count("\n\n") == 22 - 1  # one paragraph per claim
    assert (
        "[up-to-10000-north-korean-soldiers-kursk] Up to 10,000 North Korean soldiers have been "
        "deployed to Kursk to aid Russia.\nquote: “Intelligence reports from South Korea, the US, "
        "and Ukraine suggest that up to 10,000 North Korean soldiers have been deployed to "
        "Kursk”\nchain: South Korean intelligence (intelligence agency, South Korea) → Daily "
        "Express\nquote:"
    ) in express_note
    assert (
        "chain: unnamed senior official of the Ukrainian General Staff (official, unnamed, "
        "Ukrainian General Staff) → Reuters → Daily Express"
    ) in express_note


def test_claim_filters_select_the_documents(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    more_documents(cli, tmp_path)
    items = json.loads(cli("export", "-f", "csl-json", "--source", "ISW").output)
    assert [i["id"] for i in items] == [EXPRESS, "isw-5e7f96d759"]
    assert items[0]["note"].count("[") == 2  # the two ISW claims only
    items = json.loads(cli("export", "-f", "csl-json", "--until", "2024-10").output)
    assert [i["id"] for i in items] == [EXPRESS]  # the five claims dated before November
    assert items[0]["note"].count("[") == 5
    empty = cli("export", "-f", "csl-json", "--search", "Zaporizhzhia")
    assert empty.output == "[]\n"


def test_ris_reads_back_with_rispy(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    more_documents(cli, tmp_path)
    target = tmp_path / "cites.ris"
    done = cli("export", "-f", "ris", "-o", str(target))
    assert done.output == f"wrote 3 documents to {target}\n"
    entries = rispy.loads(target.read_text(encoding="utf-8"))
    assert [(e["type_of_reference"], e["id"]) for e in entries] == [
        ("NEWS", EXPRESS),
        ("RPRT", "isw-5e7f96d759"),
        ("NEWS", "reuters-eda63fe871"),
    ]
    express, report, wire = entries
    assert express["authors"] == ["Rebecca Robinson"]
    assert express["secondary_title"] == "Daily Express"
    assert express["date"] == "2024/11//" and express["year"] == "2024"
    assert len(express["notes"]) == 22
    assert report["publisher"] == "ISW"
    assert wire["urls"] == ["https://wire.example.org/kursk?id=50_000&src=x"]
    assert wire["access_date"] == "2024/11/18/"
    assert wire["notes"] == [
        "[wire-60000] Russia has concentrated close to 60,000 troops in Kursk. / quote: “close "
        "to 60,000 troops” / chain: unnamed senior official of the Ukrainian General Staff "
        "(official, unnamed, Ukrainian General Staff)"
    ]


def test_bibtex_reads_back_with_bibtexparser(cli, fixture_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    more_documents(cli, tmp_path)
    library = bibtexparser.parse_string(cli("export", "-f", "bibtex").output)
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert {k: e.entry_type for k, e in entries.items()} == {
        EXPRESS: "article",
        "isw-5e7f96d759": "techreport",
        "reuters-eda63fe871": "article",
    }
    wire = entries["reuters-eda63fe871"].fields_dict
    assert wire["title"].value == r"Russia masses 50,000 troops in Kursk \{update 2\}"
    assert wire["url"].value == "https://wire.example.org/kursk?id=50_000&src=x"
    assert (wire["year"].value, wire["month"].value, wire["urldate"].value) == (
        "2024",
        "11",
        "2024-11-18",
    )
    assert entries["isw-5e7f96d759"].fields_dict["institution"].value == "ISW"
    assert entries[EXPRESS].fields_dict["note"].value.count("\n\n") == 21
