"""What browser tests share besides the fixtures of ``conftest.py``: waiting for the next
page."""

from __future__ import annotations

from collections.abc import Callable

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

#: how long a test waits for the next page after a click that loads one
PAGE_WAIT_SECONDS = 30


def navigate(browser: WebDriver, action: Callable[[], object]) -> None:
    """Run ``action`` (a click on a link or a submit button, a change of an auto-submitting
    field) and wait until the browser has left the page: Selenium may return from the click
    before the next page has replaced this one, and reading the page then reads the old one."""
    page = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, PAGE_WAIT_SECONDS).until(lambda _browser: _is_stale(page))


#: what chromedriver sometimes answers, instead of a stale element reference, when asked about
#: an element of a page the browser is just leaving (SeleniumHQ/selenium issue 15401)
_LEFT_DOCUMENT = "Node with given id does not belong to the document"


def _is_stale(element: WebElement) -> bool:
    """Selenium's ``staleness_of``, also taking chromedriver's "does not belong to the
    document" error for what it means: the page is gone."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if _LEFT_DOCUMENT in str(error):
            return True
        raise
    return False
