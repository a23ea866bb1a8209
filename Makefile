# fake-sap: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test unit test-sqlite test-postgres bench bench-postgres contracts contract-record steps lint fuzz clean

# the packages, and what the linters look at
PACKAGES := fake_sap crm_adapter sap_client schema_migrations store_engines

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: the emulator on http://127.0.0.1:8000 (demo data in client 100) and the CRM adapter
## on http://127.0.0.1:8001 with its worker, wired; the demo master data flows to the CRM
run: $(STAMP)
	$(BIN)/python -m fake_sap.run_all

## test: the linters (ruff, the import contracts, mypy), then the whole suite on SQLite, and
## again on PostgreSQL when FAKE_SAP_TEST_PG_URL is set
test: $(STAMP)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$FAKE_SAP_TEST_PG_URL" ]; then \
		$(MAKE) --no-print-directory test-postgres; \
	else \
		echo "FAKE_SAP_TEST_PG_URL is not set: PostgreSQL run skipped (.ci/run sets it up)"; \
	fi

## TEST_WORKERS: the pytest-xdist workers of test-sqlite and test-postgres (auto: one per CPU
## core; 0: the whole suite in one process, serially), e.g. `make test TEST_WORKERS=4`.
## --dist loadfile runs each file on one worker, in order (a module fixture starts once);
## each worker has its own emulator and its own PostgreSQL database (tests/conftest.py)
TEST_WORKERS ?= auto
PARALLEL := -n $(TEST_WORKERS) --dist loadfile

test-sqlite: $(STAMP)
	$(BIN)/pytest -q $(PARALLEL)

## unit: the fast unit layer only (pure logic, no process started; `make test` runs it too)
unit: $(STAMP)
	$(BIN)/pytest -m unit -q

test-postgres: $(STAMP)
	FAKE_SAP_TEST_DB_URL="$$FAKE_SAP_TEST_PG_URL" $(BIN)/pytest -q -p no:cacheprovider $(PARALLEL)

## bench: measure throughput and memory against the peers in the same run (mock-sap, the
## bare Flask ceiling); results go to docs/benchmarks.md by hand. BENCH_ARGS picks some,
## e.g. BENCH_ARGS="inbound bapi-orders --quick"
BENCH_STAMP := $(VENV)/.bench-stamp
BENCH_ARGS ?=
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

## bench-postgres: the inbound, orders and packet benchmarks against two fake-sap serve
## processes on one PostgreSQL database (FAKE_SAP_TEST_PG_URL's server, else a throw-away
## one started like .ci/postgres.sh does)
bench-postgres: $(BENCH_STAMP)
	$(BIN)/python -m bench two-processes $(BENCH_ARGS)

## contracts: regenerate contracts/ and the generated docs from the declarations
contracts: $(STAMP)
	$(BIN)/fake-sap contracts

## contract-record: run the adapter's tests recording what it sends to and reads from SAP;
## rewrites the consumer contract and docs/contract-coverage.md, then checks the contract
CONSUMER_CONTRACT := contracts/consumer/crm-adapter.json
contract-record: $(STAMP)
	$(BIN)/pytest -q -p crm_adapter.testing.recording --record-contract $(CONSUMER_CONTRACT) \
		tests/adapter features
	$(BIN)/fake-sap contract-check $(CONSUMER_CONTRACT) \
		--coverage-report docs/contract-coverage.md

## steps: regenerate docs/steps.md, the catalogue of the Gherkin step library
steps: $(STAMP)
	$(BIN)/python -m sap_client.steps.catalogue fake_sap.testing.bdd crm_adapter.testing.bdd

## fuzz: the random campaign by hand (CI runs derandomized examples): schemathesis against the
## live control API and the live adapter API, then the IDoc-XML and SOAP-RFC fuzzers scaled up;
## options in FUZZ_ARGS, e.g. FUZZ_ARGS="--examples 200 --seeds 5 --fuzz-scale 50"
FUZZ_ARGS ?=
fuzz: $(STAMP)
	env -u CI $(BIN)/python tests/fuzz_campaign.py $(FUZZ_ARGS)

## lint: ruff, the import contracts of pyproject.toml (lint-imports), mypy over the packages
lint: $(STAMP)
	$(BIN)/ruff check $(PACKAGES) tests features bench
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) var .pytest_cache
