"""The CRM keeps SAP's internal units: MATMAS carries the base unit as an ISO code (PCE), the
CRM stores ST, the unit its BAPI calls send back."""

from __future__ import annotations

import pytest

from crm_adapter.flows.master_data import material_from_matmas
from sap_client.idoc import read_idocs

pytestmark = pytest.mark.unit


def test_the_base_unit_of_a_material_sap_sends_in_iso_is_kept_as_the_internal_unit():
    document = (b"<MATMAS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><MESTYP>MATMAS</MESTYP>"
                b"</EDI_DC40><E1MARAM SEGMENT=\"1\"><MSGFN>005</MSGFN><MATNR>4711</MATNR>"
                b"<MTART>FERT</MTART><MEINS>PCE</MEINS></E1MARAM></IDOC></MATMAS05>")
    [idoc] = read_idocs(document)

    assert material_from_matmas(idoc).base_unit == "ST"
