"""The published site in a real browser: headless Chromium (Debian's package, driven by
Selenium) opens index.html from a local HTTP server, finds no console error, follows
the subscribe and download links, and prints the page to PDF on A4 with no table wider
than the page."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import http.server
import io
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import agenda
from agenda import publish_site
from conftest import require_tool
from test_publish_site import marked, swapped

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
T0 = dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)
A4 = (595.28, 841.89)  # points
MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    publish_site(marked(), folder, now=T0)
    publish_site(swapped(marked()), folder, now=T0 + dt.timedelta(days=7))
    return folder


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    require_tool("chromium and chromedriver (apt-get install chromium chromium-driver)",
                 CHROMIUM.exists() and CHROMEDRIVER.exists())
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require_tool("selenium (pip install -e '.[test]')", False)
        raise
    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_the_page_loads_without_a_console_error(browser: Any, served: str) -> None:
    browser.get(served + "index.html")
    assert browser.title == agenda.reference_meeting().title
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []


def test_subscribe_and_download_links_resolve(browser: Any, served: str) -> None:
    browser.get(served + "index.html")
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "a")]
    webcal = [h for h in links if h.startswith("webcal://")]
    assert len(webcal) == 3  # the whole feed and the two audiences', never one event
    for link in links:
        url = "http://" + link.removeprefix("webcal://") if link.startswith("webcal") else link
        with urllib.request.urlopen(url, timeout=10) as answer:
            body = answer.read()
        assert answer.status == 200, link
        if url.endswith(".ics"):
            assert agenda.from_ics(body).meeting is not None
        elif url.endswith("live.html"):
            assert b'id="live-config"' in body
        else:
            assert b"<table" in body


def test_printing_gives_a4_pages_and_no_table_wider_than_the_page(browser: Any,
                                                                  served: str) -> None:
    import pypdf

    browser.get(served + "index.html")
    pdf = base64.b64decode(browser.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert pages
    for page in pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=1), size
    # (Chromium's subset fonts map the space to U+0001 for pypdf)
    text = "".join(page.extract_text() for page in pages).replace("\x01", " ")
    assert "차관 맺음말씀" in text and "변경 이력" in text
    # Laid out at the width of A4 less the page margins (the @page rule), as printed:
    content = int((210 - 2 * 14) * MM)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": content, "height": int(297 * MM), "deviceScaleFactor": 1, "mobile": False})
    widths = browser.execute_script(
        "return [...document.querySelectorAll('table')].map(t => "
        "[t.scrollWidth, Math.ceil(t.getBoundingClientRect().right)])")
    assert widths
    for scroll, right in widths:
        assert scroll <= content and right <= content, (scroll, right, content)
