"""The browser for the console tests: Debian's chromium, headless, driven by Selenium through
Debian's chromedriver (``.ci/run`` installs both when they are missing).

One browser per test session (starting chromium costs a second or two); :func:`browser` hands
each test that browser with no cookies and a blank page, so tests do not see each other's
logins. The emulator's and the CRM adapter's console tests both use it.

Set ``CONSOLE_SCREENSHOTS`` to a folder (``docs/images``) to have :func:`screenshot` save the
pictures of the main pages that the documentation shows; without it nothing is written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

# the CRM console's tests drive the adapter the way the adapter suite does, with its helpers
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adapter"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: a laptop screen; the screenshots in the documentation have this size
WINDOW = (1280, 800)
#: how long a test waits for an element (Selenium's implicit wait); pages render on the
#: server, so an element that is not there within this time is not coming
ELEMENT_WAIT_SECONDS = 5


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def chromium_options(profile: Path) -> webdriver.ChromeOptions:
    """Headless, in a fresh profile, and quiet: no first-run pages, no update or sync
    traffic (the tests talk to loopback servers only)."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run",
                     "--no-default-browser-check", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-extensions", "--hide-scrollbars",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    return options


@pytest.fixture(scope="session")
def browser_session() -> Iterator[WebDriver]:
    """The session's chromium (see the module's docstring)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: apt-get install chromium chromium-driver "
                    "(.ci/run does it)")
    with tempfile.TemporaryDirectory(prefix="console-browser-") as profile:
        driver = webdriver.Chrome(options=chromium_options(Path(profile)),
                                  service=Service(executable_path=str(CHROMEDRIVER)))
        driver.implicitly_wait(ELEMENT_WAIT_SECONDS)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def browser(browser_session: WebDriver) -> WebDriver:
    """The session's browser on a blank page, without cookies."""
    browser_session.get("about:blank")
    # every site's cookies, not only the current page's (which is what Selenium clears)
    browser_session.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return browser_session


@pytest.fixture
def browser_page(browser: WebDriver) -> WebDriver:
    """The browser the CRM console tests drive (the same as :func:`browser`)."""
    return browser


@pytest.fixture
def screenshot(browser: WebDriver) -> Callable[[str], None]:
    """``screenshot("name")`` saves the page as ``name.png`` in ``CONSOLE_SCREENSHOTS``."""
    folder = os.environ.get("CONSOLE_SCREENSHOTS")

    def save(name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(Path(folder) / f"{name}.png"))

    return save

