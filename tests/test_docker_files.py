"""The container files in ``docker/`` name only what exists.

No container engine runs where the suite runs, so the files are checked against the code
instead: every command line of the compose files and Dockerfiles is parsed by the real
command's own argument parser, every environment variable is a setting the programs read,
every file is in the repository, every port is the one the program listens on, and every
health check's path answers 200 on a real ``fake-sap serve`` and ``crm-adapter serve``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import io
import json
import re
import shlex
import signal
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml
from sqlalchemy.engine import make_url

from crm_adapter import cli as crm_cli
from crm_adapter.config import AdapterSettings
from fake_sap import cli as sap_cli
from fake_sap import run_all
from fake_sap.config import Settings
from fake_sap.testing.process import FakeSapProcess, free_port

ROOT = Path(__file__).resolve().parents[1]
DOCKER = ROOT / "docker"
#: every compose file (the README names them; all are checked here)
COMPOSE_FILES = tuple(sorted(path.name for path in DOCKER.glob("compose*.yaml")))
#: our images, by the Dockerfile that builds them
DOCKERFILES = ("Dockerfile", "crm_adapter.Dockerfile")
#: what the postgres image documents for its first start (hub.docker.com/_/postgres)
POSTGRES_VARIABLES = {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}
POSTGRES_PORT = 5432


# --- reading the files ----------------------------------------------------------------------

@dataclass(frozen=True)
class Dockerfile:
    path: Path
    instructions: list[tuple[str, str]]

    @classmethod
    def read(cls, name: str) -> Dockerfile:
        text = re.sub(r"\\\n", " ", (DOCKER / name).read_text(encoding="utf-8"))
        instructions = []
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                keyword, _, rest = line.partition(" ")
                instructions.append((keyword.upper(), rest.strip()))
        return cls(DOCKER / name, instructions)

    def all(self, keyword: str) -> list[str]:
        return [rest for key, rest in self.instructions if key == keyword]

    def one(self, keyword: str) -> str:
        [value] = self.all(keyword)
        return value

    def exec_form(self, keyword: str) -> list[str]:
        value = self.one(keyword)
        assert value.startswith("["), f"{self.path.name}: {keyword} is not in exec form"
        parsed: list[str] = json.loads(value)
        return parsed

    def healthcheck(self) -> list[str]:
        _, _, command = self.one("HEALTHCHECK").partition("CMD ")
        assert command, f"{self.path.name}: HEALTHCHECK has no CMD"
        parsed: list[str] = json.loads(command)
        return parsed

    def copied(self) -> list[str]:
        """The repository paths COPY takes from the build context (the repository root)."""
        return [source for rest in self.all("COPY") for source in shlex.split(rest)[:-1]]


@functools.cache
def compose(name: str) -> dict[str, Any]:
    """The compose file, read once (so that a service is the same object every time)."""
    loaded: dict[str, Any] = yaml.safe_load((DOCKER / name).read_text(encoding="utf-8"))
    return loaded


def services() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for file in COMPOSE_FILES:
        for name, service in compose(file)["services"].items():
            yield file, name, service


def image_of(service: dict[str, Any]) -> Dockerfile | None:
    """The Dockerfile of our image the service runs; None for a public image."""
    build = service.get("build")
    if build is None:
        return None
    assert (ROOT / build["dockerfile"]).exists() and (DOCKER / build["context"]).resolve() \
        == ROOT, build
    return Dockerfile.read(Path(build["dockerfile"]).name)


def command_line(service: dict[str, Any], image: Dockerfile) -> list[str]:
    """What the container runs: compose's entrypoint and command over the image's."""
    entrypoint = service.get("entrypoint", image.exec_form("ENTRYPOINT"))
    default_command = image.exec_form("CMD") if "entrypoint" not in service else []
    return [*entrypoint, *service.get("command", default_command)]


def our_services() -> list[tuple[str, str, dict[str, Any], Dockerfile]]:
    return [(file, name, service, image) for file, name, service in services()
            if (image := image_of(service)) is not None]


# --- the programs' own argument parsers ---------------------------------------------------------

def parse(argv: Sequence[str]) -> tuple[str, argparse.Namespace | run_all.Landscape]:
    """Parse a container's command line with the real program's parser; (program, result).
    An unknown option or a bad value fails the test with the parser's message."""
    program, *arguments = argv
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors):
            if program == "fake-sap":
                return program, sap_cli.build_parser().parse_args(arguments)
            if program == "crm-adapter":
                return program, crm_cli.build_parser().parse_args(arguments)
            if program == "python" and arguments[:2] == ["-m", "fake_sap.run_all"]:
                return "fake_sap.run_all", run_all.parse_arguments(arguments[2:])[0]
    except SystemExit:
        pytest.fail(f"{' '.join(argv)}: {errors.getvalue()}")
    pytest.fail(f"unknown program in {argv}")


def scripts() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, str] = project["project"]["scripts"]
    return found


#: the package each program needs inside its image
PACKAGE_OF = {"fake-sap": "fake_sap", "crm-adapter": "crm_adapter",
              "fake_sap.run_all": "fake_sap"}


def listening_port(program: str, parsed: Any) -> int | None:
    if program in ("fake-sap", "crm-adapter") and parsed.command == "serve":
        return int(parsed.port)
    return None


# --- static checks (no process) -----------------------------------------------------------------

@pytest.mark.unit
def test_every_compose_service_runs_a_command_its_program_accepts() -> None:
    for file, name, service, image in our_services():
        argv = command_line(service, image)
        program, _ = parse(argv)
        if program in PACKAGE_OF and program != "fake_sap.run_all":
            assert program in scripts(), f"{file} {name}: no console script {program}"
        assert importlib.util.find_spec(PACKAGE_OF[program]) is not None
        assert PACKAGE_OF[program] in image.copied(), (
            f"{file} {name}: {image.path.name} does not copy {PACKAGE_OF[program]}")


@pytest.mark.unit
def test_every_image_s_own_command_is_accepted_and_listens_on_its_exposed_port() -> None:
    for name in DOCKERFILES:
        image = Dockerfile.read(name)
        program, parsed = parse([*image.exec_form("ENTRYPOINT"), *image.exec_form("CMD")])
        [exposed] = image.all("EXPOSE")
        assert listening_port(program, parsed) == int(exposed), name


@pytest.mark.unit
def test_every_image_is_slim_runs_as_a_user_and_checks_its_health() -> None:
    for name in DOCKERFILES:
        image = Dockerfile.read(name)
        assert image.one("FROM").endswith("-slim"), name
        assert image.one("USER") not in ("root", "0"), name
        check = image.healthcheck()
        assert check[:2] == ["python", "-c"], name
        port = urlsplit(health_url(check)).port
        assert port == int(image.one("EXPOSE")), name
        for source in image.copied():
            assert (ROOT / source).exists(), f"{name} copies {source}, which does not exist"


@pytest.mark.unit
def test_every_environment_variable_is_a_setting_the_program_reads() -> None:
    adapter = {f"CRM_ADAPTER_{f.name.upper()}" for f in fields(AdapterSettings)}
    emulator = {f"FAKE_SAP_{f.name.upper()}" for f in fields(Settings)}
    for file, name, service in services():
        environment = service.get("environment", {})
        assert isinstance(environment, dict), f"{file} {name}: environment as a mapping"
        for variable in environment:
            if service.get("image", "").startswith("postgres:"):
                assert variable in POSTGRES_VARIABLES, f"{file} {name}: {variable}"
            else:
                assert variable in adapter | emulator, f"{file} {name}: {variable} is no setting"
        if any(v.startswith("CRM_ADAPTER_") for v in environment):
            # the values load, as the adapter loads them at start
            AdapterSettings.load(environ={k: str(v) for k, v in environment.items()})


@pytest.mark.unit
def test_every_file_a_compose_file_mounts_is_in_the_repository() -> None:
    for file, name, service in services():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (DOCKER / source).is_file(), f"{file} {name}: {source} does not exist"
            else:
                assert source in compose(file).get("volumes", {}), f"{file} {name}: {source}"


@pytest.mark.unit
def test_every_service_named_exists_and_waits_only_for_health_that_is_checked() -> None:
    for file in COMPOSE_FILES:
        declared = compose(file)["services"]
        for name, service in declared.items():
            waits = service.get("depends_on", {})
            for other in waits:
                assert other in declared, f"{file} {name} depends on {other}"
                if isinstance(waits, dict) and waits[other].get("condition") == \
                        "service_healthy":
                    assert has_healthcheck(declared[other]), f"{file}: {other} has no check"


def has_healthcheck(service: dict[str, Any]) -> bool:
    own = service.get("healthcheck")
    if own is not None:
        return not own.get("disable", False)
    image = image_of(service)
    return image is not None and bool(image.all("HEALTHCHECK"))


@pytest.mark.unit
def test_ports_agree_between_the_services() -> None:
    declared = compose("compose.yaml")["services"]
    listens = {name: port for _, name, service, image in our_services()
               if name in declared and declared[name] is service
               and (port := listening_port(*parse(command_line(service, image)))) is not None}
    nginx = (DOCKER / "nginx.conf").read_text(encoding="utf-8")
    [proxy_port] = re.findall(r"listen (\d+);", nginx)
    listens["sap"] = int(proxy_port)
    # what is published is what the program (or the proxy) listens on
    for name, service in declared.items():
        for mapping in service.get("ports", []):
            assert int(mapping.split(":")[-1]) == listens[name], f"{name}: {mapping}"
    # the proxy's upstreams are the two SAP processes, at their ports
    upstreams = re.findall(r"server ([\w-]+):(\d+);", nginx)
    assert {(host, int(port)) for host, port in upstreams} == {
        ("sap-1", listens["sap-1"]), ("sap-2", listens["sap-2"])}
    # the adapter reaches SAP through the proxy; the wiring reaches both servers
    adapter_sap = urlsplit(declared["crm-adapter"]["environment"]["CRM_ADAPTER_SAP_URL"])
    assert (adapter_sap.hostname, adapter_sap.port) == ("sap", listens["sap"])
    wiring = parse(command_line(declared["wiring"], image_of(declared["wiring"])))[1]
    assert isinstance(wiring, run_all.Landscape)
    assert (wiring.sap_host, wiring.sap_port) == ("sap", listens["sap"])
    assert (wiring.crm_host, wiring.crm_port) == ("crm-adapter", listens["crm-adapter"])


@pytest.mark.unit
def test_every_database_url_names_the_postgresql_service_and_a_database_it_has() -> None:
    declared = compose("compose.yaml")["services"]
    postgres = declared["postgres"]["environment"]
    init = (DOCKER / "postgres-init.sql").read_text(encoding="utf-8")
    databases = {postgres["POSTGRES_DB"], *re.findall(r"CREATE DATABASE (\w+)", init)}
    urls = [declared[name]["environment"]["CRM_ADAPTER_DB_URL"]
            for name in ("crm-adapter", "worker")]
    for _, name, service, image in our_services():
        program, parsed = parse(command_line(service, image))
        if name in declared and declared[name] is service:
            url = getattr(parsed, "db", None) or getattr(parsed, "sap_database", None)
            if url:
                urls.append(url)
    assert len(urls) >= 5  # sap-1, sap-2, wiring, crm-adapter, worker
    for url in urls:
        parsed_url = make_url(url)
        assert (parsed_url.drivername, parsed_url.host, parsed_url.port or POSTGRES_PORT) == (
            "postgresql+psycopg", "postgres", POSTGRES_PORT), url
        assert (parsed_url.username, parsed_url.password) == (
            postgres["POSTGRES_USER"], postgres["POSTGRES_PASSWORD"]), url
        assert parsed_url.database in databases, url
    crm, sap = make_url(urls[0]).database, make_url(urls[-1]).database
    assert crm != sap, "the CRM and SAP need databases of their own"


# --- health checks on real processes ------------------------------------------------------------

def health_url(check: list[str]) -> str:
    [url] = re.findall(r"http://[\w.:-]+/[\w/.?=-]*", " ".join(check))
    return url


def health_paths(image_name: str) -> set[str]:
    """Every path a health check asks of the image's program: the image's own, and those of
    the compose services in front of it."""
    paths = {urlsplit(health_url(Dockerfile.read(image_name).healthcheck())).path}
    if image_name == "Dockerfile":
        for _, _, service in services():
            test = service.get("healthcheck", {}).get("test")
            if test and service.get("image", "").startswith("nginx"):
                paths.add(urlsplit(health_url(test)).path)
    return paths


def test_the_emulator_s_health_paths_answer_200(sap_server: FakeSapProcess) -> None:
    for path in health_paths("Dockerfile"):
        assert httpx.get(f"{sap_server.url}{path}", timeout=10).status_code == 200, path


@pytest.fixture
def crm_adapter_url(tmp_path: Path) -> Iterator[str]:
    """``crm-adapter serve`` with its default settings but its own database."""
    config = tmp_path / "crm.toml"
    config.write_text(f'db_url = "sqlite:///{tmp_path / "crm.db"}"\n', encoding="utf-8")
    port = free_port()
    log = tmp_path / "crm.log"
    with log.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
             "--workers", "1", "--config", str(config)], stdout=subprocess.DEVNULL,
            stderr=log_file)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError(log.read_text(errors="replace"))
            with contextlib.suppress(httpx.TransportError):
                httpx.get(url, timeout=1.0)
                break
            process_wait(process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def process_wait(process: subprocess.Popen[bytes]) -> None:
    """Give a starting server a moment (returns early if it exits)."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=0.1)


def test_the_adapter_s_health_path_answers_200(crm_adapter_url: str) -> None:
    for path in health_paths("crm_adapter.Dockerfile"):
        assert httpx.get(f"{crm_adapter_url}{path}", timeout=10).status_code == 200, path
