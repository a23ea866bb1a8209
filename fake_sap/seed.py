"""Deterministic master data: ``fake-sap seed`` and the demo data of ``fake-sap serve --demo``.

Seeding is an initial data load, not a change: rows are bulk-upserted into the master-data
tables (MARA/MAKT/MARC/MARD/MBEW/MVKE, KNA1/KNVV/KNVP/KNB1/KNKK) by their writers'
``load`` (:mod:`fake_sap.mm.material_master`, :mod:`fake_sap.sd.customer_master`), with no
IDocs and no change pointers. The same arguments give the same rows, and running the seed again
only overwrites them with the same values (stock and credit exposure are left as they are,
as an inbound IDoc leaves them).

Keys depend only on the counts, never on the seed: material *i* is always the same MATNR, so
a smaller seed is a prefix of a larger one and re-seeding never piles up extra objects.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from tqdm import tqdm

from fake_sap.basis.seeding import CUSTOMERS_PER_CENTER, SeedPlan
from fake_sap.config import Settings
from fake_sap.customizing import PROVINCIAL_CENTER_PARTNER_FUNCTION
from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.db.schema import kna1, knb1, knkk, knvp, knvv, makt, mara, marc, mard, mbew, mvke
from fake_sap.faker_provider import (
    COMPANY_CODE,
    CREDIT_CONTROL_AREA,
    CURRENCY,
    PLANTS,
    PROVINCES,
    SALES_AREA,
    STORAGE_LOCATION,
    VALUATION,
    Province,
    SapProvider,
    sap_provider,
)
from fake_sap.mm import material_master
from fake_sap.sd import customer_master

#: first numbers of the seeded objects (material i is FIRST_MATERIAL + i)
FIRST_MATERIAL = 10_000_000
FIRST_PROVINCIAL_CENTER = 900_000
FIRST_OUTLET = 1_000_000
#: every tenth material has an alphanumeric number, the rest numeric ones
ALPHANUMERIC_EVERY = 10
#: objects per write transaction: large enough for bulk speed, small enough to let a
#: running server's workers in between
BATCH_SIZE = 2_000
#: creator of seeded master data (MARA-ERNAM, KNA1-ERNAM), as a migration user would be
SEED_USER = "DATALOAD"
#: the partner functions an outlet or center is to itself: sold-to, ship-to, payer
OWN_PARTNER_FUNCTIONS = ("AG", "WE", "RG")
OUTLET_GROUP, PROVINCIAL_CENTER_GROUP = "ZOUT", "ZPC"
CHINESE, ENGLISH = "1", "E"  # internal language keys (SPRAS)
CENTRAL_PLANT = PLANTS[0]  # 1000, the central warehouse: stock and deliveries


@dataclass(frozen=True)
class SeedResult:
    materials: int
    provincial_centers: int
    outlets: int
    seconds: float


Rows = dict[Table, list[dict[str, Any]]]

# --- loading ----------------------------------------------------------------------------------


def seed_demo(db_url: str, client: str) -> None:
    """The small, fixed demo data set of ``fake-sap serve --demo``: 200 materials with
    100 units in stock in plant 1000 / 0001, 40 customers (2 provincial centers)."""
    seed_database(db_url, SeedPlan(client, materials=200, customers=40, seed=42,
                                   initial_stock="100"))


def seed_database(db_url: str, plan: SeedPlan, show_progress: bool = False) -> SeedResult:
    """Prepare the database (schema, client) and load the plan into it."""
    _prepare(db_url, plan.client)
    db = Database(db_url)
    try:
        return seed(db, plan, show_progress)
    finally:
        db.dispose()


def _prepare(db_url: str, client: str) -> None:
    """What ``fake-sap serve`` prepares (:func:`fake_sap.app.prepare_database`: the schema,
    the default client), and the client to seed. Done here rather than through the app
    module, which would import Flask and every edge of the emulator for a command that
    needs none of them."""
    db = Database(db_url)
    try:
        db.create_schema()
        with db.write() as conn:
            for number, text in ((Settings(db_url=db_url).default_client, "Default client"),
                                 (client, "Seeded client")):
                if not clients.exists(conn, number):
                    clients.create(conn, number, text)
    finally:
        db.dispose()


def seed(db: Database, plan: SeedPlan, show_progress: bool = False) -> SeedResult:
    """Bulk-load the plan into an existing client, one write transaction per batch."""
    started = time.perf_counter()
    centers = provincial_center_count(plan.customers)
    # disable=None: tqdm switches itself off when stderr is not a terminal
    with tqdm(total=plan.materials + plan.customers, unit=" objects", file=sys.stderr,
              desc=f"seeding client {plan.client}",
              disable=None if show_progress else True) as progress:
        for count, rows in _batches(material_rows(plan)):
            with db.write() as conn:
                material_master.load(conn, rows)
            progress.update(count)
        for count, rows in _batches(customer_rows(plan)):
            with db.write() as conn:
                customer_master.load(conn, rows)
            progress.update(count)
    return SeedResult(plan.materials, centers, plan.customers - centers,
                      time.perf_counter() - started)


def provincial_center_count(customers: int) -> int:
    return max(1, customers // CUSTOMERS_PER_CENTER) if customers else 0


def _batches(objects: Iterator[Rows]) -> Iterator[tuple[int, Rows]]:
    """Merge the rows of BATCH_SIZE objects per table: (objects in batch, rows)."""
    batch: Rows = {}
    count = 0
    for rows in objects:
        for table, table_rows in rows.items():
            batch.setdefault(table, []).extend(table_rows)
        count += 1
        if count == BATCH_SIZE:
            yield count, batch
            batch, count = {}, 0
    if count:
        yield count, batch


def _faker(plan: SeedPlan, stream: str) -> SapProvider:
    # one random stream per object kind, so that the number of customers does not change
    # the materials
    return sap_provider(f"{plan.seed}/{stream}")


# --- materials --------------------------------------------------------------------------------


def material_rows(plan: SeedPlan) -> Iterator[Rows]:
    """The rows of each material of the plan, in MATNR order of creation."""
    fake = _faker(plan, "materials")
    for index in range(1, plan.materials + 1):
        matnr = fake.matnr(FIRST_MATERIAL + index,
                           alphanumeric=index % ALPHANUMERIC_EVERY == 0)
        yield _material(fake, plan, matnr)


def _material(fake: SapProvider, plan: SeedPlan, matnr: str) -> Rows:
    mandt = plan.client
    part = fake.spare_part()
    mtart = fake.material_type()
    bklas, vprsv = VALUATION[mtart]
    prices = fake.material_prices(part)
    gross, net = fake.material_weights(part)
    key = {"mandt": mandt, "matnr": matnr}
    return {
        mara: [{**key, "mtart": mtart, "mbrsh": "M", "matkl": part.kind.group,
                "meins": part.kind.meins, "spart": SALES_AREA.spart, "bismt": "",
                "mtpos_mara": "NORM", "brgew": gross, "ntgew": net, "gewei": "KG",
                "lvorm": "", "ersda": fake.dats(), "ernam": SEED_USER, "laeda": "",
                "aenam": ""}],
        makt: [{**key, "spras": ENGLISH, "maktx": part.description_en},
               {**key, "spras": CHINESE, "maktx": part.description_zh}],
        marc: [{**key, "werks": werks, "ekgrp": "001", "dismm": "PD", "mtvfp": "02",
                "prctr": "", "lvorm": ""} for werks in PLANTS],
        mard: [{**key, "werks": werks, "lgort": STORAGE_LOCATION, "lgpbe": fake.storage_bin(),
                "lvorm": "", "labst": plan.initial_stock if werks == CENTRAL_PLANT else "0",
                "insme": "0", "speme": "0"} for werks in PLANTS],
        mbew: [{**key, "bwkey": werks, "bwtar": "", "vprsv": vprsv, "verpr": prices.verpr,
                "stprs": prices.stprs, "peinh": "1", "bklas": bklas, "zplp1": prices.zplp1,
                "zplp2": prices.zplp2} for werks in PLANTS],
        mvke: [{**key, "vkorg": SALES_AREA.vkorg, "vtweg": SALES_AREA.vtweg,
                "dwerk": CENTRAL_PLANT, "vrkme": "", "mtpos": "NORM", "versg": "1",
                "ktgrm": "01", "lvorm": ""}],
    }


# --- customers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Center:
    kunnr: str
    province: Province


def customer_rows(plan: SeedPlan) -> Iterator[Rows]:
    """Provincial centers first (outlets point at them), then the outlets."""
    fake = _faker(plan, "customers")
    centers = []
    for index in range(provincial_center_count(plan.customers)):
        province = PROVINCES[index % len(PROVINCES)]
        center = _Center(fake.kunnr(FIRST_PROVINCIAL_CENTER + index + 1), province)
        centers.append(center)
        name = fake.provincial_center_name(province)
        if index >= len(PROVINCES):  # more centers than provinces: number them
            name += str(index // len(PROVINCES) + 1)
        yield _customer(fake, plan, center.kunnr, PROVINCIAL_CENTER_GROUP, name, province,
                        province.cities[0], center=None)
    for index in range(plan.customers - len(centers)):
        center = fake.generator.random.choice(centers)
        city = fake.cn_city(center.province)
        yield _customer(fake, plan, fake.kunnr(FIRST_OUTLET + index + 1), OUTLET_GROUP,
                        fake.outlet_name(city), center.province, city, center=center.kunnr)


def _customer(fake: SapProvider, plan: SeedPlan, kunnr: str, ktokd: str, name: str,
              province: Province, city: str, center: str | None) -> Rows:
    mandt = plan.client
    is_center = center is None
    key = {"mandt": mandt, "kunnr": kunnr}
    area = {**key, "vkorg": SALES_AREA.vkorg, "vtweg": SALES_AREA.vtweg,
            "spart": SALES_AREA.spart}
    partners = [{**area, "parvw": parvw, "parza": "000", "kunn2": kunnr, "defpa": ""}
                for parvw in OWN_PARTNER_FUNCTIONS]
    if center is not None:
        partners.append({**area, "parvw": PROVINCIAL_CENTER_PARTNER_FUNCTION, "parza": "000",
                         "kunn2": center, "defpa": ""})
    return {
        kna1: [{**key, "ktokd": ktokd, "anred": "公司", "name1": name, "name2": "",
                "sortl": f"{province.abbreviation}-{'CENTER' if is_center else 'OUTLET'}",
                "stras": fake.cn_street_address(), "ort01": city,
                "pstlz": fake.cn_postcode(province), "regio": province.regio, "land1": "CN",
                "spras": CHINESE, "telf1": fake.cn_mobile_number(),
                "stceg": fake.cn_tax_number(province), "aufsd": "", "lifsd": "", "faksd": "",
                "loevm": "", "erdat": fake.dats(), "ernam": SEED_USER}],
        knvv: [{**area, "kdgrp": "02" if is_center else "01", "bzirk": f"CN{province.regio}",
                "waers": CURRENCY, "vwerk": CENTRAL_PLANT, "vsbed": "01", "zterm": "0001",
                "ktgrd": "01", "aufsd": "", "lifsd": "", "loevm": ""}],
        knvp: partners,
        knb1: [{**key, "bukrs": COMPANY_CODE, "akont": "0000140000", "zterm": "0001",
                "loevm": ""}],
        knkk: [{**key, "kkber": CREDIT_CONTROL_AREA, "klimk": fake.credit_limit(is_center),
                "knkli": kunnr, "ctlpc": "", "crblb": "", "skfor": "0", "ssobl": "0",
                "sauft": "0"}],
    }
