"""Which BAPI_MATERIAL_SAVEDATA fields are stored where: worked out from the structures'
short texts, which name the table field (no process)."""

from __future__ import annotations

import pytest

from fake_sap.rfc.functions.material import CLIENT_FIELD_COLUMNS, PLANT_FIELD_COLUMNS
from fake_sap.rfc.functions.material_structures import BAPI_MARA, BAPI_MARC

pytestmark = pytest.mark.unit


def test_every_bapi_field_that_names_a_kept_table_field_is_stored() -> None:
    # the mapping is worked out from the short texts: a field naming a MARA or MARC field
    # the material master keeps is stored
    assert {"PO_UNIT": "bstme", "DOCUMENT": "zeinr", "NO_SHEETS": "blanz",
            "BASIC_MATL": "wrkst"}.items() <= CLIENT_FIELD_COLUMNS.items()
    assert set(CLIENT_FIELD_COLUMNS) <= {field.name for field in BAPI_MARA.fields}
    assert {"MRP_CTRLER": "dispo", "REORDER_PT": "minbe", "DEP_REQ_ID": "sbdkz",
            "ISSUE_UNIT": "ausme"}.items() <= PLANT_FIELD_COLUMNS.items()
    # every MARC field BAPI_MARC names is kept, but the ordering costs (MARC-LOSFX)
    assert {field.name for field in BAPI_MARC.fields} - set(PLANT_FIELD_COLUMNS) == {
        "PLANT", "ISSUE_UNIT_ISO", "ORD_COSTS"}
