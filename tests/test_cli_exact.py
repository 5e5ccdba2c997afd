"""Exact output of the main commands, as sqlite-utils tests it: the whole expected
stdout as a literal, for tables at 80 and 200 columns, CSV and JSON.

Regenerate a literal only after reading the new output: these tests are the
specification of what a person sees."""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app

CASES = [
    pytest.param(
        80,
        ["claims", "--source", "ISW"],
        """\
                                    2 claims
key                claim                         as of    quantity  sources
────────────────────────────────────────────────────────────────────────────────
isw-geolocated-    Geolocated footage confirms   2024-11            Institute
footage-progress-  Russian progress southeast                       for the
southeast-of-      of Korenevo.                                     Study of War
korenevo
isw-russian-       Russian forces recently       2024-11            Institute
forces-recently-   advanced in areas of Kursk                       for the
advanced-kursk     previously under Ukrainian                       Study of War
                   control.
""",
        """\
not shown at 80 columns: via, reports, origins (use --format csv or json)
""",
        id="claims_table_80",
    ),
    pytest.param(
        200,
        ["claims", "--source", "ISW"],
        """\
                                                                                                2 claims
key                                                    claim                                                          as of    quantity  sources                         via            reports  origins
────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
isw-geolocated-footage-progress-southeast-of-korenevo  Geolocated footage confirms Russian progress southeast of      2024-11            Institute for the Study of War  Daily Express  1        1
                                                       Korenevo.
isw-russian-forces-recently-advanced-kursk             Russian forces recently advanced in areas of Kursk previously  2024-11            Institute for the Study of War  Daily Express  1        1
                                                       under Ukrainian control.
""",
        "",
        id="claims_table_200",
    ),
    pytest.param(
        80,
        ["claims", "--unnamed", "-n", "2"],
        """\
                                 2 of 7 claims
key            claim                         as of    quantity      sources
────────────────────────────────────────────────────────────────────────────────
north-korea-   North Korea has sent Russia   2024-11                unspecified
sent-          a significant cache of                               reports
missiles-and-  missiles and a stockpile of
munitions      munitions.
russia-        Russia has concentrated       2024-11  close to      unnamed
concentrated-  close to 60,000 troops in              60,000        senior
60000-troops-  Kursk.                                 troops        official of
kursk                                                               the
                                                                    Ukrainian
                                                                    General
                                                                    Staff
""",
        """\
not shown at 80 columns: via, reports, origins (use --format csv or json)
5 more: --limit 0 for all
""",
        id="claims_page_80",
    ),
    pytest.param(
        80,
        ["claims", "--source", "ISW", "-f", "csv"],
        """\
key,claim,category,as_of,quantity,sources,via,reports,origins,named_origins,status
isw-geolocated-footage-progress-southeast-of-korenevo,Geolocated footage confirms Russian progress southeast of Korenevo.,advance,2024-11,,Institute for the Study of War,Daily Express,1,1,1,active
isw-russian-forces-recently-advanced-kursk,Russian forces recently advanced in areas of Kursk previously under Ukrainian control.,advance,2024-11,,Institute for the Study of War,Daily Express,1,1,1,active
""",
        "",
        id="claims_csv",
    ),
    pytest.param(
        80,
        ["claims", "--source", "ISW", "-f", "json"],
        """\
[
  {
    "key": "isw-geolocated-footage-progress-southeast-of-korenevo",
    "claim": "Geolocated footage confirms Russian progress southeast of Korenevo.",
    "category": "advance",
    "as_of": "2024-11",
    "quantity": null,
    "sources": [
      "Institute for the Study of War"
    ],
    "via": [
      "Daily Express"
    ],
    "reports": 1,
    "origins": 1,
    "named_origins": 1,
    "status": "active"
  },
  {
    "key": "isw-russian-forces-recently-advanced-kursk",
    "claim": "Russian forces recently advanced in areas of Kursk previously under Ukrainian control.",
    "category": "advance",
    "as_of": "2024-11",
    "quantity": null,
    "sources": [
      "Institute for the Study of War"
    ],
    "via": [
      "Daily Express"
    ],
    "reports": 1,
    "origins": 1,
    "named_origins": 1,
    "status": "active"
  }
]
""",
        "",
        id="claims_json",
    ),
    pytest.param(
        80,
        ["sources"],
        """\
                                   11 sources
key                  name                kind                 named  reliability
────────────────────────────────────────────────────────────────────────────────
daily-express        Daily Express       news_outlet          true   C
isw                  Institute for the   think_tank           true   B
                     Study of War
reuters              Reuters             news_agency          true   B
south-korean-        South Korean        intelligence_agency  true   F
intelligence         intelligence
south-korean-        unnamed South       intelligence_agency  false  F
intelligence-source  Korean
                     intelligence
                     source
syrskyi              Oleksandr Syrskyi   military             true   F
ua-general-staff-    unnamed senior      official             false  F
official             official of the
                     Ukrainian General
                     Staff
ukraine-government   Government of       government           true   F
                     Ukraine
ukrainian-           Ukrainian           intelligence_agency  true   F
intelligence         intelligence
unspecified-reports  unspecified         other                false  F
                     reports
us-intelligence      US intelligence     intelligence_agency  true   F
""",
        """\
not shown at 80 columns: aliases, affiliation, variants, party, as origin, as relay (use --format csv or json)
""",
        id="sources_table_80",
    ),
    pytest.param(
        200,
        ["sources"],
        """\
                                                                                               11 sources
key                               name                             aliases                    kind                 named  affiliation                variants  party    reliability  as origin  as relay
────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
daily-express                     Daily Express                    Express.co.uk; Express     news_outlet          true   Reach plc                            none     C            9          13
isw                               Institute for the Study of War   ISW                        think_tank           true   Institute for the Study              none     B            2          0
                                                                                                                          of War (Washington)
reuters                           Reuters                          Reuters news agency;       news_agency          true                                        none     B            0          5
                                                                   Thomson Reuters
south-korean-intelligence         South Korean intelligence                                   intelligence_agency  true   South Korea                          none     F            2          0
south-korean-intelligence-source  unnamed South Korean                                        intelligence_agency  false  South Korea                          none     F            1          0
                                  intelligence source
syrskyi                           Oleksandr Syrskyi                Syrskyi; Oleksandr Syrsky  military             true   Commander-in-Chief of the            Ukraine  F            1          0
                                                                                                                          Armed Forces of Ukraine
ua-general-staff-official         unnamed senior official of the                              official             false  Ukrainian General Staff              Ukraine  F            5          0
                                  Ukrainian General Staff
ukraine-government                Government of Ukraine            Ukraine; Kyiv              government           true                                        Ukraine  F            1          0
ukrainian-intelligence            Ukrainian intelligence                                      intelligence_agency  true   Ukraine                              Ukraine  F            2          0
unspecified-reports               unspecified reports                                         other                false                                                F            1          0
us-intelligence                   US intelligence                                             intelligence_agency  true   United States                        none     F            2          0
""",
        "",
        id="sources_table_200",
    ),
    pytest.param(
        200,
        ["sources", "-f", "csv"],
        """\
key,name,aliases,kind,named,affiliation,variants,party,reliability,as_origin,as_relay
daily-express,Daily Express,Express.co.uk; Express,news_outlet,true,Reach plc,,none,C,9,13
isw,Institute for the Study of War,ISW,think_tank,true,Institute for the Study of War (Washington),,none,B,2,0
reuters,Reuters,Reuters news agency; Thomson Reuters,news_agency,true,,,none,B,0,5
south-korean-intelligence,South Korean intelligence,,intelligence_agency,true,South Korea,,none,F,2,0
south-korean-intelligence-source,unnamed South Korean intelligence source,,intelligence_agency,false,South Korea,,none,F,1,0
syrskyi,Oleksandr Syrskyi,Syrskyi; Oleksandr Syrsky,military,true,Commander-in-Chief of the Armed Forces of Ukraine,,Ukraine,F,1,0
ua-general-staff-official,unnamed senior official of the Ukrainian General Staff,,official,false,Ukrainian General Staff,,Ukraine,F,5,0
ukraine-government,Government of Ukraine,Ukraine; Kyiv,government,true,,,Ukraine,F,1,0
ukrainian-intelligence,Ukrainian intelligence,,intelligence_agency,true,Ukraine,,Ukraine,F,2,0
unspecified-reports,unspecified reports,,other,false,,,,F,1,0
us-intelligence,US intelligence,,intelligence_agency,true,United States,,none,F,2,0
""",
        "",
        id="sources_csv",
    ),
    pytest.param(
        80,
        ["audit", "unnamed", "--category", "troop_count"],
        """\
Ukrainian General Staff
  russia-concentrated-60000-troops-kursk: Russia has concentrated close to
  60,000 troops in Kursk.
    origin: unnamed senior official of the Ukrainian General Staff  via: Reuters
    → Daily Express
2 claims: 1 rest only on unnamed sources, 0 mix named and unnamed origins
""",
        "",
        id="audit_unnamed_80",
    ),
    pytest.param(
        200,
        ["audit", "unnamed", "--category", "troop_count"],
        """\
Ukrainian General Staff
  russia-concentrated-60000-troops-kursk: Russia has concentrated close to 60,000 troops in Kursk.
    origin: unnamed senior official of the Ukrainian General Staff  via: Reuters → Daily Express
2 claims: 1 rest only on unnamed sources, 0 mix named and unnamed origins
""",
        "",
        id="audit_unnamed_200",
    ),
    pytest.param(
        80,
        ["audit", "unnamed", "--category", "troop_count", "-f", "csv"],
        """\
affiliations,key,claim,unnamed_origins,relayed_by,named_origins,possibly_identified,reports,origins,rests_on
Ukrainian General Staff,russia-concentrated-60000-troops-kursk,"Russia has concentrated close to 60,000 troops in Kursk.",unnamed senior official of the Ukrainian General Staff,Reuters; Daily Express,,,1,1,unnamed only
""",
        "",
        id="audit_unnamed_csv",
    ),
]


@pytest.mark.parametrize(("columns", "args", "stdout", "stderr"), CASES)
def test_exact_output(
    fixture_db: str, columns: int, args: list[str], stdout: str, stderr: str
) -> None:
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert result.stdout == stdout
    assert result.stderr == stderr


def test_no_line_is_wider_than_the_terminal(cli: Any, fixture_db: str) -> None:
    for columns in (60, 80, 120, 200):
        for args in (
            ["claims", "-n", "0"],
            ["sources"],
            ["log"],
            ["audit", "unnamed", "-f", "table"],
        ):
            if args[0] == "audit" and columns < 80:
                continue  # its closing summary is one unwrapped line of 75 characters
            result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})
            assert result.exit_code == 0
            assert max(len(line) for line in result.stdout.splitlines()) <= columns, (columns, args)


STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z \S+")
SHOW_80 = """\
ukraine-holds-309-sq-mi  (territory, as of 2024-11, active)
The area of Kursk held by Ukrainian forces has shrunk to roughly 309 square
miles.
quantity: roughly 309 square miles  →  about 800.306 km2
reports: 1   distinct origins: 1   named origins: 0
attributions
└── unnamed senior official of the Ukrainian General Staff (official, UNNAMED,
    Ukrainian General Staff) asserts  [reliability F, credibility 3]
    └── via Reuters
        └── via Daily Express
            └── in Daily Express · 2024-11
                ├── Russian and North Korean troops deliver huge blow to Ukraine
                │   in Kursk battle
                ├── “has now shrunk to roughly 309 square miles as per the
                │   official”
                └── hedges: as per
history:
  #1 STAMP import 1
"""
SHOW_200 = """\
ukraine-holds-309-sq-mi  (territory, as of 2024-11, active)
The area of Kursk held by Ukrainian forces has shrunk to roughly 309 square miles.
quantity: roughly 309 square miles  →  about 800.306 km2
reports: 1   distinct origins: 1   named origins: 0
attributions
└── unnamed senior official of the Ukrainian General Staff (official, UNNAMED, Ukrainian General Staff) asserts  [reliability F, credibility 3]
    └── via Reuters
        └── via Daily Express
            └── in Daily Express · 2024-11
                ├── Russian and North Korean troops deliver huge blow to Ukraine in Kursk battle
                ├── “has now shrunk to roughly 309 square miles as per the official”
                └── hedges: as per
history:
  #1 STAMP import 1
"""
FACETS_200 = """\
     facets of 22 claims
facet     value         count
─────────────────────────────
category  advance       8
          statement     6
          territory     4
          aid_transfer  2
          troop_count   2
named     named         15
          unnamed       7
"""


@pytest.mark.parametrize(
    ("columns", "args", "stdout"),
    [
        pytest.param(80, ["show", "ukraine-holds-309-sq-mi"], SHOW_80, id="show_80"),
        pytest.param(200, ["show", "ukraine-holds-309-sq-mi"], SHOW_200, id="show_200"),
        pytest.param(200, ["facets", "-b", "category", "-b", "named"], FACETS_200, id="facets_200"),
    ],
)
def test_exact_output_with_times_masked(
    fixture_db: str, columns: int, args: list[str], stdout: str
) -> None:
    """The same, for output that shows when and by whom: the time and the OS user are
    masked as STAMP."""
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert STAMP.sub("STAMP", result.stdout) == stdout
    assert result.stderr == ""
