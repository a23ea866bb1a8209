"""The README, run: every command in it against ``make run``, then the CRM console pages the
tour shows, in the browser.

``make run`` is the ``run_all`` fixture (``python -m fake_sap.run_all`` on free ports), so
the README's addresses are rewritten to its ports. ``make test`` cannot run inside the suite
it starts; its target is checked with ``make -n``. No container engine runs here: the
``docker compose -f FILE`` commands must name a compose file, and tests/test_docker_files.py
checks every compose file. With ``CONSOLE_SCREENSHOTS=DIR`` the overview is saved as a
picture.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import httpx
from run_all_process import RunAllProcess
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By

from sap_client.steps.library import eventually

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SAP, CRM = "http://127.0.0.1:8000", "http://127.0.0.1:8001"
MAKE = re.compile(r"^make (\S+)", re.MULTILINE)
DEMO_MATERIALS = 200


def shell_blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"),
                      re.MULTILINE | re.DOTALL)


def test_the_make_targets_of_the_readme_exist_and_make_run_is_what_the_tests_start() -> None:
    targets = [t for block in shell_blocks() for t in MAKE.findall(block)]
    assert {"run", "test"} <= set(targets)
    for target in targets:
        dry_run = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True,
                                 text=True, timeout=60)
        assert dry_run.returncode == 0, dry_run.stderr
        if target == "run":
            assert "-m fake_sap.run_all" in dry_run.stdout  # what the run_all fixture runs


def test_the_readme_s_docker_commands_name_compose_files_that_exist() -> None:
    named = re.findall(r"docker compose -f (\S+)", README.read_text(encoding="utf-8"))
    assert named
    for path in named:
        assert (ROOT / path).is_file() and re.fullmatch(r"docker/compose[\w.]*\.yaml", path)


def test_every_readme_command_runs_and_the_console_shows_the_tour(
        run_all: RunAllProcess, browser_page: WebDriver, tmp_path: Path) -> None:
    # curl fails on an HTTP error status, as a command in a README should not
    (tmp_path / ".curlrc").write_text("fail-with-body\nmax-time = 60\n", encoding="utf-8")
    environment = {**os.environ, "CURL_HOME": str(tmp_path)}
    for block in shell_blocks():
        script = MAKE.sub("", block).replace(SAP, run_all.sap_url).replace(CRM, run_all.crm_url)
        if not script.strip():
            continue
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path,
                                env=environment, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{block}\n{result.stdout}\n{result.stderr}"

    # the tour's application: the worker created its sales order in SAP
    application = eventually(
        lambda: httpx.get(f"{run_all.crm_url}/api/applications/1", timeout=10).json(),
        lambda found: found["application"]["status"] in ("in_sap", "failed", "rejected"),
        timeout=60.0, what="the tour's application in SAP")["application"]
    assert application["status"] == "in_sap", application

    browser_page.get(f"{run_all.crm_url}/ui/")
    if os.environ.get("CONSOLE_SCREENSHOTS"):
        browser_page.save_screenshot(str(Path(os.environ["CONSOLE_SCREENSHOTS"])
                                         / "crm-home.png"))
    # the tour maintained one of the demo materials (the README's MATMAS may add one more)
    waiting = httpx.get(f"{run_all.crm_url}/api/materials/maintenance",
                        timeout=10).json()["materials"]
    assert "000000000010000001" not in [m["material_number"] for m in waiting]
    assert browser_page.find_element(By.ID, "waiting-materials").text == str(len(waiting))
    browser_page.get(f"{run_all.crm_url}/ui/applications/1")
    link = browser_page.find_element(By.CSS_SELECTOR, "#sap-document a")
    assert link.text == application["sap_document_number"]
    assert (link.get_attribute("href") or "").startswith(f"{run_all.sap_url}/_fake/ui/flow?")
    browser_page.get(f"{run_all.crm_url}/ui/inbox?message_type=MATMAS&status=processed")
    assert len(browser_page.find_elements(By.CSS_SELECTOR, "table#inbox tr.row-processed")) \
        >= DEMO_MATERIALS


def test_every_picture_the_readme_shows_is_in_the_repository() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README.read_text(encoding="utf-8"))
    assert pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
