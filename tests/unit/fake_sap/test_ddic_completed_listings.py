"""Field lists completed from public listings: S001's pricing subtotals, EDIDC's reference
fields, EKKO, EKPO, MSEG and MSKU, and BAPIRET1. The order, types and kept flags are what the
sources in the declarations give; no process is started."""

from __future__ import annotations

import pytest
from sqlalchemy import Column

from fake_sap.ddic.tables.idoc import EDIDC
from fake_sap.ddic.tables.inventory import MSEG, MSKU
from fake_sap.ddic.tables.purchasing import EKKO, EKPO
from fake_sap.ddic.tables.statistics import S001
from fake_sap.ddic.types import AbapType, char, curr
from fake_sap.rfc import tables as readable_tables
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.read_table import layout_of
from fake_sap.rfc.structures import BAPIRET1

pytestmark = pytest.mark.unit

_SUBTOTALS = [f"{prefix}KZWI{number}" for number in range(1, 7)
              for prefix in ("AE", "UM", "RE", "GU")]


def test_s001_ends_with_the_24_pricing_subtotals_after_the_costs():
    names = [f.name for f in S001.fields]
    assert names[names.index("GUWAVWR") + 1:] == _SUBTOTALS


def test_s001_subtotals_are_curr_17_2_and_have_no_column():
    for name in _SUBTOTALS:
        declared = S001.field(name)
        assert declared is not None
        assert declared.type == curr(17)
        assert (declared.type.type, declared.type.decimals) == (AbapType.CURR, 2)
        assert not declared.kept
    assert "aekzwi1" not in {f.column_name for f in S001.kept_fields}


def test_s001_read_whole_no_longer_fits_a_data_line_but_a_selection_does():
    table = readable_tables.BY_NAME["S001"]
    with pytest.raises(AbapException) as raised:
        layout_of(table, [], "")
    assert raised.value.name == "DATA_BUFFER_EXCEEDED"
    layout = layout_of(table, ["KUNNR", "GUWAVWR", "AEKZWI1", "GUKZWI6"], "")
    assert [(entry.field.name, entry.offset) for entry in layout] == \
        [("KUNNR", 0), ("GUWAVWR", 10), ("AEKZWI1", 10 + curr(19).width),
         ("GUKZWI6", 10 + curr(19).width + curr(17).width)]


def test_edidc_reference_fields_follow_refint_as_in_edi_dc():
    names = [f.name for f in EDIDC.fields]
    start = names.index("REFINT")
    assert names[start:start + 6] == ["REFINT", "REFGRP", "REFMES", "ARCKEY", "CREDAT",
                                      "CRETIM"]
    assert [(EDIDC.field(name).type, EDIDC.field(name).kept)  # type: ignore[union-attr]
            for name in ("REFGRP", "REFMES", "ARCKEY")] == \
        [(char(14), False), (char(14), False), (char(70), False)]


def test_bapiret1_has_the_ten_fields_of_bapireturn1():
    assert [f.name for f in BAPIRET1.fields] == [
        "TYPE", "ID", "NUMBER", "MESSAGE", "LOG_NO", "LOG_MSG_NO",
        "MESSAGE_V1", "MESSAGE_V2", "MESSAGE_V3", "MESSAGE_V4"]
    # 470 characters, the length listed for BAPIRETURN1 parameters
    assert sum(f.type.width for f in BAPIRET1.fields) == 470


def test_edidc_refint_is_saps_interchange_reference_and_the_sender_docnum_an_own_column():
    """REFINT is CHAR 14 (the EDI interchange reference): no 16-digit IDoc number fits it, so
    the sender's IDoc number is kept in the emulator's own column, which is no SAP field."""
    refint = EDIDC.field("REFINT")
    assert refint is not None and (refint.type, refint.kept) == (char(14), False)
    own = {c.name: c for c in EDIDC.own_columns() if isinstance(c, Column)}
    assert own["refint"].type.length == 16  # type: ignore[attr-defined]
    assert "refint" not in {f.column_name for f in EDIDC.kept_fields}


def test_the_purchasing_and_inventory_tables_carry_the_ecc_field_lists_of_their_script():
    ekko = [f.name for f in EKKO.fields]
    assert (len(ekko), ekko.index("RESWK") + 1, ekko[-1]) == (110, 45, "CON_DISTR_LEV")
    ekpo = [f.name for f in EKPO.fields]
    assert (len(ekpo), ekpo[ekpo.index("SPINF") + 1], ekpo[-1]) == (230, "PRSDR", "CONS_ORDER")
    assert EKPO.field("NETWR").type == curr(13)  # type: ignore[union-attr]
    mseg = [f.name for f in MSEG.fields]
    assert mseg[mseg.index("BPRME") + 1:mseg.index("BPRME") + 3] == ["EBELN", "EBELP"]
    assert mseg[-4:] == ["ZUSTD_T156M", "SPE_GTS_STOCK_TY", "VBELN_IM", "VBELP_IM"]
    assert [f.name for f in MSKU.key_fields] == ["MANDT", "MATNR", "WERKS", "CHARG", "SOBKZ",
                                                 "KUNNR"]
    assert len(MSKU.fields) == 25
    # no industry add-on or customer field
    assert not [name for table in (EKKO, EKPO, MSEG, MSKU) for name in
                (f.name for f in table.fields) if name.startswith(("/", "ZZ", "OI"))]
    # the emulator stores only what it stored before
    assert [f.name for f in MSKU.kept_fields] == ["MANDT", "MATNR", "WERKS", "CHARG", "SOBKZ",
                                                  "KUNNR", "KULAB"]
