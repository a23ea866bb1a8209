from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import MATMAS05
from fake_sap.idoc.writer import to_xml


def test_a_material_idoc_is_posted(sap):
    idoc = Idoc({"MESTYP": "MATMAS", "SNDPRN": "ERPCLNT100", "SNDPRT": "LS"}, [
        SegmentData("E1MARAM", {"MATNR": "4711", "MTART": "FERT", "MEINS": "ST"},
                    [SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"})])])
    response = sap.post_idocs(to_xml(MATMAS05, [idoc]))
    assert response.status_code == 200
    [stored] = sap.idocs(direction="inbound")
    assert stored["status"] == "53"
