"""The browser of the console tests: Debian's chromium, headless, driven by Selenium through
Debian's chromedriver (``apt-get install chromium chromium-driver``; ``.ci/run`` installs
both). Nothing is downloaded: the driver and the browser are the system's.

The console tests drive the adapter the way the adapter suite does, so its helpers
(``sap_crm``, ``landscape``, ``crm_driver``) are importable here too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adapter"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: a laptop screen
WINDOW = (1366, 900)


@pytest.fixture(scope="session")
def browser_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """One headless chromium for the session, with a fresh profile and no network of its
    own (no updates, no sync, no first-run pages)."""
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-dev-shm-usage",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def browser(browser_session: WebDriver) -> WebDriver:
    """The session's browser on a blank page, without cookies."""
    browser_session.get("about:blank")
    browser_session.delete_all_cookies()
    return browser_session


@pytest.fixture
def browser_page(browser: WebDriver) -> WebDriver:
    """The browser the CRM console tests drive (the same as :func:`browser`)."""
    return browser
