"""BAPI_MATERIAL_SAVEDATA's structures through zeep, against the real server: a client built
from the WSDL sends every field of CLIENTDATA, STORAGELOCATIONDATA, FORECASTPARAMETERS,
PLANNINGDATA, PRTDATA, WAREHOUSENUMBERDATA and STORAGETYPEDATA (with their X structures),
INTERNATIONALARTNOS, MATERIALLONGTEXT and TAXCLASSIFICATIONS; the fields the emulator keeps
come back through RFC_READ_TABLE (MARA, MARD), the others are accepted and not stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import requests
import zeep
from rfc_client import RfcSession, read_table

from fake_sap.rfc.functions.material_structures import (
    BAPI_MARA,
    BAPI_MARAX,
    BAPI_MARC,
    BAPI_MARCX,
    BAPI_MARD,
    BAPI_MARDX,
    BAPI_MEAN,
    BAPI_MFHM,
    BAPI_MFHMX,
    BAPI_MLAN,
    BAPI_MLGN,
    BAPI_MLGNX,
    BAPI_MLGT,
    BAPI_MLGTX,
    BAPI_MLTX,
    BAPI_MPGD,
    BAPI_MPGDX,
    BAPI_MPOP,
    BAPI_MPOPX,
)
from fake_sap.rfc.model import Structure
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

MATNR = "000000000000004712"

CLIENT = {
    "DEL_FLAG": "", "MATL_GROUP": "", "OLD_MAT_NO": "OLD-4712", "BASE_UOM": "",
    "BASE_UOM_ISO": "PCE", "PO_UNIT": "", "PO_UNIT_ISO": "KGM", "DOCUMENT": "DRAWING-0815",
    "DOC_TYPE": "DRW", "DOC_VERS": "02", "DOC_FORMAT": "A4", "DOC_CHG_NO": "000123",
    "PAGE_NO": "007", "NO_SHEETS": "012", "PROD_MEMO": "MEMO-42", "PAGEFORMAT": "A3",
    "SIZE_DIM": "30 x 20 x 10 cm", "BASIC_MATL": "Stainless steel", "STD_DESCR": "DIN 1234",
    "DSN_OFFICE": "001", "PUR_VALKEY": "1", "NET_WEIGHT": Decimal("1.25"), "UNIT_OF_WT": "",
    "UNIT_OF_WT_ISO": "KGM", "CONTAINER": "01", "STOR_CONDS": "02", "TEMP_CONDS": "03",
    "TRANS_GRP": "0001", "HAZ_MAT_NO": "UN1203", "DIVISION": "", "COMPETITOR": "COMP-01",
    "QTY_GR_GI": Decimal(2), "PROC_RULE": "1", "SUP_SOURCE": "1", "SEASON": "S26",
    "LABEL_TYPE": "01", "LABEL_FORM": "E1", "PROD_HIER": "000100020003", "CAD_ID": "X",
    "ALLOWED_WT": Decimal("12.5"), "PACK_WT_UN": "", "PACK_WT_UN_ISO": "KGM",
    "ALLWD_VOL": Decimal(30), "PACK_VO_UN": "L", "PACK_VO_UN_ISO": "",
    "WT_TOL_LT": Decimal("2.5"), "VOL_TOL_LT": Decimal("1.0"), "VAR_ORD_UN": "1",
    "BATCH_MGMT": "X", "SH_MAT_TYP": "V050", "ITEM_CAT": "NORM"}
#: the MARA fields CLIENT fills, as RFC_READ_TABLE shows them (ISO units converted)
MARA_STORED = {"MEINS": "ST", "BISMT": "OLD-4712", "BSTME": "KG", "ZEINR": "DRAWING-0815",
               "ZEIAR": "DRW", "ZEIVR": "02", "ZEIFO": "A4", "AESZN": "000123",
               "BLATT": "007", "BLANZ": "012", "FERTH": "MEMO-42", "FORMT": "A3",
               "GROES": "30 x 20 x 10 cm", "WRKST": "Stainless steel", "NORMT": "DIN 1234",
               "LABOR": "001", "EKWSL": "1", "NTGEW": "1.250", "GEWEI": "KG",
               "BEHVO": "01", "RAUBE": "02", "TEMPB": "03", "TRAGR": "0001",
               "STOFF": "UN1203", "MTPOS_MARA": "NORM", "KUNNR": "COMP-01",
               "WESCH": "2.000", "BWVOR": "1", "BWSCL": "1", "SAISO": "S26", "ETIAR": "01",
               "ETIFO": "E1", "PRDHA": "000100020003", "CADKZ": "X", "ERGEW": "12.500",
               "ERGEI": "KG", "ERVOL": "30.000", "ERVOE": "L", "GEWTO": "2.5",
               "VOLTO": "1.0", "VABME": "1", "XCHPF": "X", "VHART": "V050"}
PLANT = {
    "PLANT": "1000", "DEL_FLAG": "", "ABC_ID": "A", "CRIT_PART": "X", "PUR_GROUP": "001",
    "ISSUE_UNIT": "", "ISSUE_UNIT_ISO": "KGM", "MRPPROFILE": "0001", "MRP_TYPE": "PD",
    "MRP_CTRLER": "001", "PLND_DELRY": Decimal(14), "GR_PR_TIME": Decimal(2),
    "PERIOD_IND": "M", "ASSY_SCRAP": Decimal("1.50"), "LOTSIZEKEY": "EX", "PROC_TYPE": "F",
    "SPPROCTYPE": "", "REORDER_PT": Decimal("10.5"), "SAFETY_STK": Decimal(4),
    "MINLOTSIZE": Decimal(1), "MAXLOTSIZE": Decimal(500), "FIXED_LOT": Decimal(0),
    "ROUND_VAL": Decimal(5), "MAX_STOCK": Decimal(1000), "ORD_COSTS": Decimal("12.5"),
    "DEP_REQ_ID": "2", "STOR_COSTS": "A", "ALT_BOM_ID": "1", "AVAILCHECK": "02",
    "PROFIT_CTR": "1000"}
#: the MARC fields PLANT fills, as RFC_READ_TABLE shows them (ORD_COSTS has no column)
MARC_STORED = {"MAABC": "A", "KZKRI": "X", "EKGRP": "001", "AUSME": "KG", "DISPR": "0001",
               "DISMM": "PD", "DISPO": "001", "PLIFZ": "14", "WEBAZ": "2", "PERKZ": "M",
               "AUSSS": "1.50", "DISLS": "EX", "BESKZ": "F", "MINBE": "10.500",
               "EISBE": "4.000", "BSTMI": "1.000", "BSTMA": "500.000", "BSTFE": "0.000",
               "BSTRF": "5.000", "MABST": "1000.000", "SBDKZ": "2", "LAGPR": "A",
               "ALTSL": "1", "MTVFP": "02", "PRCTR": "1000"}
STORAGE_LOCATION = {
    "PLANT": "1000", "STGE_LOC": "0001", "DEL_FLAG": "X", "MRP_IND": "1", "SPEC_PROC": "",
    "REORDER_PT": Decimal("5"), "REPL_QTY": Decimal("20"), "STGE_BIN": "B-07-3",
    "PICKG_AREA": "001", "INV_CORR_FAC": 1.0}
FORECAST = {
    "PLANT": "1000", "FORE_PROF": "", "MODEL_SI": "T", "MODEL_SP": "1", "PARAM_OPT": "X",
    "OPTIM_LEV": "M", "INITIALIZE": "X", "FORE_MODEL": "D", "ALPHA_FACT": Decimal("0.20"),
    "BETA_FACT": Decimal("0.10"), "GAMMA_FACT": Decimal("0.30"),
    "DELTA_FACT": Decimal("0.30"), "TRACKLIMIT": Decimal("4.000"),
    "FORE_DATE": date(2026, 1, 31), "HIST_VALS": Decimal(12), "INIT_PDS": Decimal(6)}
PLANNING = {
    "PLANT": "1000", "PLNG_MATL": "4711", "PLNG_PLANT": "1000", "CONVFACTOR": "1",
    "PLNG_MATL_EXTERNAL": "", "PLNG_MATL_GUID": "", "PLNG_MATL_VERSION": ""}
PRT = {
    "PLANT": "1000", "CREATE_LOAD_RECS": "X", "CTRL_KEY": "1", "CTRL_KEY_NO_CHG": "",
    "GRP_KEY_1": "G1", "GRP_KEY_2": "G2", "PRT_USAGE": "009", "STD_TEXT_KEY": "",
    "REF_KEY_NO_CHG": "", "START_REF_DATE": "01", "ST_REF_DATE_NO_CHG": "",
    "START_OFFSET": Decimal(2), "START_OFFSET_UNIT": "", "START_OFFSET_UNIT_ISO": "HUR",
    "START_OFFSET_NO_CHG": "", "END_REF_DATE": "02", "END_REF_DATE_NO_CHG": "",
    "END_OFFSET": Decimal(1), "END_OFFSET_UNIT": "H"}

WAREHOUSE = {
    "WHSE_NO": "100", "DEL_FLAG": "", "STGESECTOR": "001", "PLACEMENT": "001",
    "WITHDRAWAL": "002", "L_EQUIP_1": Decimal(40), "L_EQUIP_2": Decimal(20),
    "L_EQUIP_3": Decimal(10), "LEQ_UNIT_1": "ST", "LEQ_UNIT_1_ISO": "", "LEQ_UNIT_2": "",
    "LEQ_UNIT_2_ISO": "PCE", "LEQ_UNIT_3": "KAR", "LEQ_UNIT_3_ISO": "", "UNITTYPE_1": "E1",
    "UNITTYPE_2": "E2", "UNITTYPE_3": "", "WM_UNIT": "ST", "WM_UNIT_ISO": "",
    "ADD_TO_STK": "X", "BLOCK_STGE": "B1", "MSG_TO_IM": "", "SPEC_MVMT": "A",
    "CAPY_USAGE": Decimal("1.250"), "PROCURE_UN": "", "PROCURE_UN_ISO": "KGM",
    "STGE_TYPE": "001", "REF_UNIT": "A"}
STORAGE_TYPE = {
    "WHSE_NO": "100", "STGE_TYPE": "001", "DEL_FLAG": "", "STGE_BIN": "01-02-03",
    "MAX_SB_QTY": Decimal(500), "MIN_SB_QTY": Decimal(50), "CTRL_QTY": Decimal(25),
    "REPLEN_QTY": Decimal(100), "PICK_AREA": "001", "ROUND_QTY": Decimal(10)}
EAN = {"UNIT": "ST", "UNIT_ISO": "", "EAN_UPC": "4006381333931", "EAN_CAT": "HE",
       "MAIN_EAN": "X"}
LONG_TEXT = {"APPLOBJECT": "MATERIAL", "TEXT_NAME": "4712", "TEXT_ID": "GRUN", "LANGU": "E",
             "LANGU_ISO": "", "FORMAT_COL": "*", "TEXT_LINE": "Cast iron pump housing"}
TAX = {"DEPCOUNTRY": "DE", "DEPCOUNTRY_ISO": "", "TAX_IND": "1",
       **{f"TAX_TYPE_{n}": "MWST" if n == 1 else "" for n in range(1, 10)},
       **{f"TAXCLASS_{n}": "1" if n == 1 else "" for n in range(1, 10)}}


def every_flag(structure: Structure, **keys: str) -> dict[str, str]:
    """The X structure with every checkbox set and its key fields as values."""
    return {**{field.name: "X" for field in structure.fields}, **keys}


@pytest.fixture
def session(sap: SapClient) -> Iterator[RfcSession]:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def call_through_zeep(sap: SapClient, **parameters: Any) -> Any:
    """BAPI_MATERIAL_SAVEDATA and BAPI_TRANSACTION_COMMIT with clients built from the WSDL,
    in one HTTP session (the LUW is the session's)."""
    http = requests.Session()
    http.auth = sap.auth
    transport = zeep.transports.Transport(session=http)

    def service(name: str) -> Any:
        return zeep.Client(f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                           f"&sap-client={sap.number}", transport=transport).service

    try:
        saved = service("BAPI_MATERIAL_SAVEDATA").BAPI_MATERIAL_SAVEDATA(
            HEADDATA={"MATERIAL": MATNR.lstrip("0"), "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                      "BASIC_VIEW": "X"},
            MATERIALDESCRIPTION={"item": [{"LANGU": "EN", "MATL_DESC": "Pump housing"}]},
            **parameters)
        if saved.RETURN.TYPE == "S":
            service("BAPI_TRANSACTION_COMMIT").BAPI_TRANSACTION_COMMIT(WAIT="X")
        return saved
    finally:
        http.close()


def test_zeep_sends_every_field_of_the_structures_and_the_kept_ones_are_stored(
        sap: SapClient, session: RfcSession) -> None:
    for data, declared in ((CLIENT, BAPI_MARA), (PLANT, BAPI_MARC),
                           (STORAGE_LOCATION, BAPI_MARD),
                           (FORECAST, BAPI_MPOP), (PLANNING, BAPI_MPGD), (PRT, BAPI_MFHM)):
        assert set(data) == {field.name for field in declared.fields}, declared.name

    saved = call_through_zeep(
        sap,
        CLIENTDATA=CLIENT, CLIENTDATAX=every_flag(BAPI_MARAX),
        PLANTDATA=PLANT, PLANTDATAX=every_flag(BAPI_MARCX, PLANT="1000"),
        STORAGELOCATIONDATA=STORAGE_LOCATION,
        STORAGELOCATIONDATAX=every_flag(BAPI_MARDX, PLANT="1000", STGE_LOC="0001"),
        FORECASTPARAMETERS=FORECAST, FORECASTPARAMETERSX=every_flag(BAPI_MPOPX, PLANT="1000"),
        PLANNINGDATA=PLANNING, PLANNINGDATAX=every_flag(BAPI_MPGDX, PLANT="1000"),
        PRTDATA=PRT, PRTDATAX=every_flag(BAPI_MFHMX, PLANT="1000"))

    assert saved.RETURN.TYPE == "S", saved.RETURN.MESSAGE
    [mara] = read_table(session, "MARA", where=f"MATNR = '{MATNR}'",
                        fields=list(MARA_STORED), DELIMITER="|")
    assert dict(zip(MARA_STORED, (value.strip() for value in mara.split("|")),
                    strict=True)) == MARA_STORED
    [marc] = read_table(session, "MARC", where=f"MATNR = '{MATNR}'",
                        fields=list(MARC_STORED), DELIMITER="|")
    assert dict(zip(MARC_STORED, (value.strip() for value in marc.split("|")),
                    strict=True)) == MARC_STORED
    [mard] = read_table(session, "MARD", where=f"MATNR = '{MATNR}'",
                        fields=["WERKS", "LGORT", "LGPBE", "LVORM"], DELIMITER="|")
    assert [value.strip() for value in mard.split("|")] == ["1000", "0001", "B-07-3", "X"]


def test_a_purchase_order_unit_without_a_conversion_is_refused_with_nothing_stored(
        sap: SapClient, session: RfcSession) -> None:
    saved = call_through_zeep(
        sap, CLIENTDATA={"BASE_UOM": "ST", "PO_UNIT_ISO": "XYZ"},
        CLIENTDATAX={"BASE_UOM": "X", "PO_UNIT_ISO": "X"})

    assert (saved.RETURN.TYPE, saved.RETURN.ID, saved.RETURN.NUMBER) == ("E", "M3", "351")
    assert (saved.RETURN.PARAMETER, saved.RETURN.FIELD) == ("CLIENTDATA", "PO_UNIT")
    assert read_table(session, "MARA", where=f"MATNR = '{MATNR}'", fields=["MATNR"]) == []


def test_an_issue_unit_without_a_conversion_is_refused_with_nothing_stored(
        sap: SapClient, session: RfcSession) -> None:
    saved = call_through_zeep(
        sap, CLIENTDATA={"BASE_UOM": "ST"}, CLIENTDATAX={"BASE_UOM": "X"},
        PLANTDATA={"PLANT": "1000", "ISSUE_UNIT_ISO": "XYZ"},
        PLANTDATAX={"PLANT": "1000", "ISSUE_UNIT_ISO": "X"})

    assert (saved.RETURN.TYPE, saved.RETURN.ID, saved.RETURN.NUMBER) == ("E", "M3", "351")
    assert (saved.RETURN.PARAMETER, saved.RETURN.FIELD) == ("PLANTDATA", "ISSUE_UNIT")
    assert read_table(session, "MARA", where=f"MATNR = '{MATNR}'", fields=["MATNR"]) == []


def test_bd10_sends_the_stored_plant_fields_in_e1marcm_with_the_issue_unit_as_iso_code(
        sap: SapClient) -> None:
    saved = call_through_zeep(
        sap, CLIENTDATA={"BASE_UOM": "ST"}, CLIENTDATAX={"BASE_UOM": "X"},
        PLANTDATA={"PLANT": "1000", "ISSUE_UNIT_ISO": "KGM", "MRP_CTRLER": "001",
                   "REORDER_PT": Decimal("10.5")},
        PLANTDATAX={"PLANT": "1000", "ISSUE_UNIT_ISO": "X", "MRP_CTRLER": "X",
                    "REORDER_PT": "X"})
    assert saved.RETURN.TYPE == "S", saved.RETURN.MESSAGE
    receiver = IdocReceiver()
    try:
        sap.register_partner("CRMCLNT100", url=receiver.url, outbound=["MATMAS"])
        sap.send_master_data("MATMAS", objects=[MATNR])
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()

    [plant] = received.xml().findall("IDOC/E1MARAM/E1MARCM")
    assert [plant.findtext(name) for name in ("WERKS", "AUSME", "DISPO", "MINBE")] == [
        "1000", "KGM", "001", "10.500"]


def test_zeep_sends_every_field_of_the_warehouse_ean_text_and_tax_structures(
        sap: SapClient, session: RfcSession) -> None:
    """Declared so that a client built from the WSDL can send them; the emulator keeps no
    MLGN, MLGT, MEAN, long text or MLAN data, so the call takes them and stores the rest."""
    for data, declared in ((WAREHOUSE, BAPI_MLGN), (STORAGE_TYPE, BAPI_MLGT), (EAN, BAPI_MEAN),
                           (LONG_TEXT, BAPI_MLTX), (TAX, BAPI_MLAN)):
        assert set(data) == {field.name for field in declared.fields}, declared.name

    saved = call_through_zeep(
        sap, CLIENTDATA={"BASE_UOM": "ST"}, CLIENTDATAX={"BASE_UOM": "X"},
        WAREHOUSENUMBERDATA=WAREHOUSE,
        WAREHOUSENUMBERDATAX=every_flag(BAPI_MLGNX, WHSE_NO="100"),
        STORAGETYPEDATA=STORAGE_TYPE,
        STORAGETYPEDATAX=every_flag(BAPI_MLGTX, WHSE_NO="100", STGE_TYPE="001"),
        INTERNATIONALARTNOS={"item": [EAN]}, MATERIALLONGTEXT={"item": [LONG_TEXT]},
        TAXCLASSIFICATIONS={"item": [TAX]})

    assert saved.RETURN.TYPE == "S", saved.RETURN.MESSAGE
    [mara] = read_table(session, "MARA", where=f"MATNR = '{MATNR}'", fields=["MEINS"])
    assert mara.strip() == "ST"


def test_get_detail_gives_back_the_stored_unit_of_issue_in_materialplantdata(
        sap: SapClient, session: RfcSession) -> None:
    saved = call_through_zeep(
        sap, CLIENTDATA={"BASE_UOM": "ST"}, CLIENTDATAX={"BASE_UOM": "X"},
        PLANTDATA={"PLANT": "1000", "PUR_GROUP": "001", "ISSUE_UNIT_ISO": "KGM"},
        PLANTDATAX={"PLANT": "1000", "PUR_GROUP": "X", "ISSUE_UNIT_ISO": "X"})
    assert saved.RETURN.TYPE == "S", saved.RETURN.MESSAGE

    detail = session.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=MATNR.lstrip("0"),
                          PLANT="1000")

    plant = detail["MATERIALPLANTDATA"]
    assert (plant["PUR_GROUP"], plant["ISSUE_UNIT"]) == ("001", "KG")
