"""What browser tests share besides the fixtures of ``conftest.py``: waiting for the next
page."""

from __future__ import annotations

from collections.abc import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

#: how long a test waits for the next page after a click that loads one
PAGE_WAIT_SECONDS = 30


def navigate(browser: WebDriver, action: Callable[[], object]) -> None:
    """Run ``action`` (a click on a link or a submit button, a change of an auto-submitting
    field) and wait until the browser has left the page: Selenium may return from the click
    before the next page has replaced this one, and reading the page then reads the old one."""
    page = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, PAGE_WAIT_SECONDS).until(expected_conditions.staleness_of(page))
