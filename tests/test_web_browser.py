"""The web view in a real headless browser (Chromium with ChromeDriver, from the OS
packages): what a person sees on the main pages, with screenshots kept as artefacts.

Without Chromium the tests skip, unless PROVENANCE_REQUIRE_BROWSER is set (CI), where
a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.helpers import ROOT
from tests.web_data import HOSTILE, write_extra

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("PROVENANCE_TEST_ARTIFACTS", ROOT / "test-artifacts"))
MEASURE = "troop_count: troops in kursk"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):
            pytest.fail(f"PROVENANCE_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="provenance-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def site(cli: Any, fixture_db: str, tmp_path: Path) -> Iterator[str]:
    """The web view of the fixture (and a timeline's claims) on a free port."""
    from provenance.web.server import make

    assert cli("import", str(write_extra(tmp_path / "extra.csv"))).exit_code == 0
    server, app = make(fixture_db, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        app.close()


def screenshot(driver: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(600, min(int(height) + 140, 2400)))
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    driver.set_window_size(1280, 900)


def test_claim_page_shows_the_chain_as_a_graph(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/claims/russia-concentrated-60000-troops-kursk")
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "Russia has concentrated close to 60,000 troops in Kursk."
    )
    assert browser.find_element(By.ID, "figure").text == "close to 60,000 troops"
    assert browser.find_element(By.ID, "interval").text == "[54,000, 60,000] troops"
    nodes = browser.find_elements(By.CSS_SELECTOR, "svg.chain g.node")
    labels = [n.find_element(By.CSS_SELECTOR, "text").text for n in nodes]
    assert labels == ["unnamed senior official of …", "Reuters", "Daily Express", "Daily Express"]
    kinds = [n.get_attribute("class") for n in nodes]
    assert kinds == ["node origin", "node relay", "node relay", "node document"]
    assert nodes[0].rect["x"] < nodes[1].rect["x"] < nodes[2].rect["x"] < nodes[3].rect["x"]
    quote_text = browser.find_element(By.CSS_SELECTOR, "blockquote.quote").text
    assert quote_text == "Russia has concentrated close to 60,000 troops in Kursk"
    screenshot(browser, "claim-page")
    nodes[1].click()  # a node is a link to its source
    assert browser.current_url == f"{site}/sources/reuters"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Reuters"
    aliases = browser.find_element(By.ID, "aliases").text
    assert aliases == "Reuters news agency, Thomson Reuters"
    assert browser.find_element(By.ID, "grade").text == "B"
    screenshot(browser, "source-page")


def test_a_facet_click_narrows_the_list(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/claims")
    assert browser.find_element(By.ID, "total").text == "28"
    facet = browser.find_element(By.CSS_SELECTOR, '[data-facet="named"]')
    facet.find_element(By.LINK_TEXT, "unnamed").click()
    assert "named=unnamed" in browser.current_url
    assert browser.find_element(By.ID, "total").text == "8"
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.claim-row")
    assert len(rows) == 8
    screenshot(browser, "claims-unnamed")


def test_the_timeline_draws_every_claim_as_a_bar(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/measures/{quote(MEASURE, safe='')}")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect.bar")
    assert len(bars) == 6
    disputed = {b.get_attribute("data-key") for b in bars if "disputed" in b.get_attribute("class")}
    assert "nk-troops-blog-nov" in disputed
    legend = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.timeline text.legend")]
    assert "unnamed military blogger" in legend
    blog = next(b for b in bars if b.get_attribute("data-key") == "nk-troops-blog-nov")
    sk = next(b for b in bars if b.get_attribute("data-key") == "nk-troops-sk-oct")
    assert blog.rect["y"] < sk.rect["y"]  # over 50,000 is drawn above about 10,000
    assert browser.find_elements(By.CSS_SELECTOR, "section.dispute")
    screenshot(browser, "timeline")


def test_stored_script_shows_as_text_and_never_runs(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}/claims/hostile-claim")
    assert browser.find_element(By.TAG_NAME, "h1").text == f"A claim with {HOSTILE} in it."
    assert browser.find_element(By.CSS_SELECTOR, "blockquote.quote").text == f"quoted {HOSTILE}"
    assert f"Source {HOSTILE}" in browser.find_element(By.CSS_SELECTOR, "a.origin").text
    assert browser.find_elements(By.CSS_SELECTOR, "main script") == []
    assert browser.execute_script("return window.__pwned === undefined")
    browser.get(f"{site}/claims?search=claim+with")
    assert browser.execute_script("return window.__pwned === undefined")
    screenshot(browser, "hostile")
