"""The warehouse, EAN, long text and tax structures of BAPI_MATERIAL_SAVEDATA against the
byte lengths SAP's parameter listing gives (no process)."""

from __future__ import annotations

import pytest

from fake_sap.rfc.functions.material import BAPI_MATERIAL_SAVEDATA
from fake_sap.rfc.functions.material_structures import (
    BAPI_MLAN,
    BAPI_MLGN,
    BAPI_MLGNX,
    BAPI_MLGT,
    BAPI_MLGTX,
    BAPI_MLTX,
)
from fake_sap.rfc.model import Structure

pytestmark = pytest.mark.unit


def bytes_non_unicode(structure: Structure) -> int:
    return sum(field.type.internal_length(unicode=False) for field in structure.fields)


def test_the_storage_type_structures_have_sap_s_lengths() -> None:
    # stechno.net, "SAP Function BAPI_MATERIAL_SAVEDATA": BAPI_MLGT 55, BAPI_MLGTX 14
    assert bytes_non_unicode(BAPI_MLGT) == 55
    assert bytes_non_unicode(BAPI_MLGTX) == 14


def test_the_warehouse_structures_have_sap_s_lengths_but_for_2step_pick() -> None:
    # BAPI_MLGN 89 and BAPI_MLGNX 31 in the same listing; 2STEP_PICK (CHAR 1) and its flag
    # are not declared, their name begins with a digit
    assert bytes_non_unicode(BAPI_MLGN) == 89 - 1
    assert bytes_non_unicode(BAPI_MLGNX) == 31 - 1
    assert [f.name for f in BAPI_MLGNX.fields] == [f.name for f in BAPI_MLGN.fields]


def test_the_long_text_structure_has_the_length_of_its_get_all_counterpart() -> None:
    assert bytes_non_unicode(BAPI_MLTX) == 221


def test_the_tax_structure_has_nine_tax_categories_with_their_classifications() -> None:
    names = [f.name for f in BAPI_MLAN.fields]
    assert names[:2] == ["DEPCOUNTRY", "DEPCOUNTRY_ISO"]
    assert names[-1] == "TAX_IND"
    assert names[2:-1] == [name for n in range(1, 10)
                           for name in (f"TAX_TYPE_{n}", f"TAXCLASS_{n}")]


def test_savedata_declares_the_parameters_in_sap_s_order() -> None:
    names = [parameter.name for parameter in BAPI_MATERIAL_SAVEDATA.parameters]
    assert names.index("WAREHOUSENUMBERDATA") == names.index("VALUATIONDATAX") + 1
    assert names.index("STORAGETYPEDATA") == names.index("SALESDATAX") + 1
    assert names.index("INTERNATIONALARTNOS") == names.index("UNITSOFMEASUREX") + 1
    assert names.index("TAXCLASSIFICATIONS") == names.index("RETURNMESSAGES") - 1
