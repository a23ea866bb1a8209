"""``fake-sap seed``, the demo data set and the SAP Faker provider, on temporary SQLite
databases (no server needed: seeding writes the tables directly)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select, update

from fake_sap.cli import main
from fake_sap.conversion import alpha_input, matn1_input
from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.db.schema import (
    bdcp2,
    kna1,
    knb1,
    knkk,
    knvp,
    knvv,
    makt,
    mara,
    marc,
    mard,
    mbew,
    mvke,
)
from fake_sap.faker_provider import PART_KINDS, PROVINCES, sap_faker, sap_provider
from fake_sap.seed import SeedPlan, seed_database, seed_demo

SEEDED_TABLES = (mara, makt, marc, mard, mbew, mvke, kna1, knvv, knvp, knb1, knkk)
PLAN = SeedPlan(client="100", materials=60, customers=45, seed=7)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
TWO_DECIMALS = re.compile(r"^\d+\.\d{2}$")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sap.db'}"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database seeded with PLAN, shared by the tests that only read it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'sap.db'}"
    seed_database(url, PLAN)
    db = Database(url)
    yield db
    db.dispose()


def table_rows(db: Database, table: Table, client: str = "100") -> list[dict[str, Any]]:
    with db.read() as conn:
        statement = select(table).where(table.c.mandt == client).order_by(
            *table.primary_key.columns)
        return [dict(row) for row in conn.execute(statement).mappings()]


def all_rows(url: str) -> dict[str, list[dict[str, Any]]]:
    db = Database(url)
    try:
        return {table.name: table_rows(db, table) for table in SEEDED_TABLES}
    finally:
        db.dispose()


def count(db: Database, table: Table, *criteria: Any) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(
            table.c.mandt == "100", *criteria)).scalar_one())


def customers_by_group(db: Database, ktokd: str) -> set[str]:
    return {row["kunnr"] for row in table_rows(db, kna1) if row["ktokd"] == ktokd}


# --- determinism ------------------------------------------------------------------------------


def test_the_same_seed_gives_identical_rows(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    seed_database(first, PLAN)
    seed_database(second, PLAN)
    assert all_rows(first) == all_rows(second)


def test_a_different_seed_gives_different_data_under_the_same_keys(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    seed_database(first, PLAN)
    seed_database(second, SeedPlan("100", PLAN.materials, PLAN.customers, seed=8))
    a, b = all_rows(first), all_rows(second)
    assert [r["matnr"] for r in a["mara"]] == [r["matnr"] for r in b["mara"]]
    assert a["makt"] != b["makt"]
    assert a["mbew"] != b["mbew"]
    assert a["kna1"] != b["kna1"]


# --- what is written --------------------------------------------------------------------------


def test_each_material_gets_general_text_plant_storage_valuation_and_sales_rows(
        seeded: Database) -> None:
    materials = PLAN.materials
    assert count(seeded, mara) == materials
    assert count(seeded, makt) == 2 * materials  # English and Chinese
    assert count(seeded, marc) == 2 * materials  # plants 1000 and 1100
    assert count(seeded, mard, mard.c.lgort == "0001") == 2 * materials
    assert count(seeded, mbew) == 2 * materials  # valuation area = plant
    assert count(seeded, mvke, mvke.c.vkorg == "1000", mvke.c.vtweg == "10") == materials


def test_about_one_customer_in_twenty_is_a_provincial_center(seeded: Database) -> None:
    assert count(seeded, kna1) == PLAN.customers
    assert len(customers_by_group(seeded, "ZPC")) == PLAN.customers // 20
    assert len(customers_by_group(seeded, "ZOUT")) == PLAN.customers - PLAN.customers // 20


def test_a_few_customers_still_get_one_provincial_center(db_url: str) -> None:
    seed_database(db_url, SeedPlan("100", materials=0, customers=5, seed=1))
    db = Database(db_url)
    assert len(customers_by_group(db, "ZPC")) == 1
    assert len(customers_by_group(db, "ZOUT")) == 4
    db.dispose()


def test_every_outlet_names_a_provincial_center_as_partner_zp(seeded: Database) -> None:
    centers = customers_by_group(seeded, "ZPC")
    partners = table_rows(seeded, knvp)
    for outlet in customers_by_group(seeded, "ZOUT"):
        zp = [p["kunn2"] for p in partners if p["kunnr"] == outlet and p["parvw"] == "ZP"]
        assert len(zp) == 1 and zp[0] in centers, outlet


def test_outlets_are_their_own_sold_to_ship_to_and_payer_in_sales_area_1000_10_00(
        seeded: Database) -> None:
    partners = table_rows(seeded, knvp)
    for outlet in customers_by_group(seeded, "ZOUT"):
        own = {(p["vkorg"], p["vtweg"], p["spart"], p["parvw"]) for p in partners
               if p["kunnr"] == outlet and p["kunn2"] == outlet}
        assert own == {("1000", "10", "00", parvw) for parvw in ("AG", "WE", "RG")}


def test_outlets_lie_in_the_province_of_their_center(seeded: Database) -> None:
    region = {row["kunnr"]: row["regio"] for row in table_rows(seeded, kna1)}
    for partner in table_rows(seeded, knvp):
        if partner["parvw"] == "ZP":
            assert region[partner["kunnr"]] == region[partner["kunn2"]]


def test_every_customer_has_sales_company_code_and_credit_data(seeded: Database) -> None:
    kunnrs = {row["kunnr"] for row in table_rows(seeded, kna1)}
    assert {r["kunnr"] for r in table_rows(seeded, knvv)
            if (r["vkorg"], r["vtweg"], r["spart"]) == ("1000", "10", "00")} == kunnrs
    assert {r["kunnr"] for r in table_rows(seeded, knb1) if r["bukrs"] == "1000"} == kunnrs
    credit = {r["kunnr"]: r for r in table_rows(seeded, knkk) if r["kkber"] == "1000"}
    assert set(credit) == kunnrs
    assert all(Decimal(r["klimk"]) > 0 for r in credit.values())


def test_provincial_centers_get_higher_credit_limits_than_outlets(seeded: Database) -> None:
    limits = {r["kunnr"]: Decimal(r["klimk"]) for r in table_rows(seeded, knkk)}
    centers = customers_by_group(seeded, "ZPC")
    outlets = customers_by_group(seeded, "ZOUT")
    assert min(limits[k] for k in centers) > max(limits[k] for k in outlets)


def test_materials_carry_four_prices_with_planned_prices_above_cost(seeded: Database) -> None:
    for row in table_rows(seeded, mbew):
        prices = [row["stprs"], row["verpr"], row["zplp1"], row["zplp2"]]
        assert all(TWO_DECIMALS.match(price) for price in prices), row
        standard, moving_average, outlet, retail = map(Decimal, prices)
        assert 0 < standard < outlet and moving_average < outlet < retail, row


def test_material_numbers_are_18_characters_in_internal_format(seeded: Database) -> None:
    matnrs = [row["matnr"] for row in table_rows(seeded, mara)]
    assert all(len(m) == 18 and matn1_input(m) == m for m in matnrs)
    numeric = [m for m in matnrs if m.isdigit()]
    assert len(matnrs) > len(numeric) > len(matnrs) // 2  # mostly numeric, some not


def test_customer_numbers_are_10_characters_in_internal_format(seeded: Database) -> None:
    kunnrs = [row["kunnr"] for row in table_rows(seeded, kna1)]
    assert all(len(k) == 10 and alpha_input(k) == k for k in kunnrs)


def test_materials_are_described_in_english_and_chinese(seeded: Database) -> None:
    texts = table_rows(seeded, makt)
    english = [t["maktx"] for t in texts if t["spras"] == "E"]
    chinese = [t["maktx"] for t in texts if t["spras"] == "1"]
    assert len(english) == len(chinese) == PLAN.materials
    assert not any(CHINESE.search(text) for text in english)
    assert all(CHINESE.search(text) for text in chinese)
    assert all(len(t["maktx"]) <= 40 for t in texts)


def test_seeding_writes_no_change_pointers(seeded: Database) -> None:
    with seeded.read() as conn:
        assert conn.execute(select(func.count()).select_from(bdcp2)).scalar_one() == 0


def test_a_smaller_seed_is_a_prefix_of_a_larger_one(tmp_path: Path) -> None:
    small, large = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    seed_database(small, SeedPlan("100", materials=10, customers=0, seed=3))
    seed_database(large, SeedPlan("100", materials=30, customers=20, seed=3))
    small_rows, large_rows = all_rows(small), all_rows(large)
    for table in ("mara", "makt", "mbew"):
        assert all(row in large_rows[table] for row in small_rows[table]), table


# --- re-running -------------------------------------------------------------------------------


def test_rerunning_the_seed_succeeds_and_changes_nothing(db_url: str) -> None:
    seed_database(db_url, PLAN)
    before = all_rows(db_url)
    seed_database(db_url, PLAN)
    assert all_rows(db_url) == before


def test_reseeding_leaves_stock_as_goods_movements_left_it(db_url: str) -> None:
    seed_database(db_url, PLAN)
    db = Database(db_url)
    with db.write() as conn:
        conn.execute(update(mard).values(labst="7"))
    seed_database(db_url, PLAN)
    assert {row["labst"] for row in table_rows(db, mard)} == {"7"}
    db.dispose()


# --- the command ------------------------------------------------------------------------------


def test_seed_command_exits_0_and_loads_the_data(db_url: str) -> None:
    status = main(["seed", "--db", db_url, "--client", "100", "--materials", "25",
                   "--customers", "20", "--seed", "5"])
    assert status == 0
    db = Database(db_url)
    assert count(db, mara) == 25
    assert count(db, kna1) == 20
    db.dispose()


def test_seed_command_creates_a_missing_client_with_baseline_customizing(db_url: str) -> None:
    assert main(["seed", "--db", db_url, "--client", "300", "--materials", "3",
                 "--customers", "2"]) == 0
    db = Database(db_url)
    with db.read() as conn:
        assert clients.exists(conn, "300")
        assert clients.exists(conn, "100")  # the default client, as `serve` prepares it
        assert "1000" in clients.customizing_keys(conn, "300", "T001W")
    assert len(table_rows(db, mara, client="300")) == 3
    db.dispose()


def test_seed_command_refuses_a_client_that_is_not_three_digits(db_url: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["seed", "--db", db_url, "--client", "1000"])
    assert exit_info.value.code == 2


# --- demo data ---------------------------------------------------------------------------------


def test_demo_data_has_200_materials_and_40_customers_with_2_centers(db_url: str) -> None:
    seed_demo(db_url, "100")
    db = Database(db_url)
    assert count(db, mara) == 200
    assert count(db, kna1) == 40
    assert len(customers_by_group(db, "ZPC")) == 2
    db.dispose()


def test_demo_materials_have_100_units_in_stock_in_plant_1000_only(db_url: str) -> None:
    seed_demo(db_url, "100")
    db = Database(db_url)
    stock = {(row["werks"], row["lgort"], row["labst"]) for row in table_rows(db, mard)}
    assert stock == {("1000", "0001", "100"), ("1100", "0001", "0")}
    db.dispose()


# --- the Faker provider ------------------------------------------------------------------------


def test_provider_values_repeat_with_the_same_seed() -> None:
    def sample(seed: int) -> list[object]:
        fake = sap_faker(seed)
        return [fake.matnr(), fake.kunnr(), fake.vbeln(), fake.spare_part(),
                fake.material_prices(), fake.cn_province(), fake.outlet_name()]

    assert sample(11) == sample(11)
    assert sample(11) != sample(12)


def test_bare_provider_and_faker_give_the_same_values_for_a_seed() -> None:
    fake, provider = sap_faker(5), sap_provider(5)
    assert [fake.material_description_zh() for _ in range(5)] == \
        [provider.material_description_zh() for _ in range(5)]


def test_provider_keys_are_in_internal_format() -> None:
    fake = sap_faker(1)
    for _ in range(200):
        matnr, kunnr = fake.matnr(), fake.kunnr()
        assert len(matnr) == 18 and matn1_input(matnr) == matnr
        assert len(kunnr) == 10 and kunnr.isdigit()
    assert fake.vbeln("delivery").startswith("008")
    assert fake.vbeln("invoice").startswith("009")
    assert fake.plant() in ("1000", "1100")
    assert fake.sales_area().key == "1000/10/00"


def test_every_part_kind_fits_maktx_for_every_appliance_model() -> None:
    fake = sap_faker(2)
    for kind in PART_KINDS:
        for appliance in kind.appliances:
            for _ in range(20):
                model = fake.appliance_model(appliance)
                assert len(f"{kind.en} {model}") <= 40
                assert len(f"{kind.zh} {model}") <= 40


def test_provider_cities_belong_to_the_province_asked_for() -> None:
    fake = sap_faker(3)
    for province in PROVINCES:
        assert fake.cn_city(province) in province.cities
        assert fake.cn_postcode(province).startswith(province.postcode_prefix)
