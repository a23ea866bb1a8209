"""Every declared table field's short text fits DFIES-FIELDTEXT and the FIELDS table of
RFC_READ_TABLE (CHAR 60): a longer text would make either answer fail."""

from __future__ import annotations

import pytest

from fake_sap.rfc import tables as readable_tables

pytestmark = pytest.mark.unit

FIELDTEXT_LENGTH = 60


@pytest.mark.parametrize("name", sorted(readable_tables.BY_NAME))
def test_every_short_text_fits_a_fieldtext(name):
    too_long = {field.name: len(field.text) for field in readable_tables.BY_NAME[name].fields
                if len(field.text) > FIELDTEXT_LENGTH}
    assert too_long == {}


def test_the_storage_locations_carry_the_fields_of_the_listings():
    fields = [field.name for field in readable_tables.BY_NAME["T001L"].fields]
    assert fields[:4] == ["MANDT", "WERKS", "LGORT", "LGOBE"]
    assert fields[-5:] == ["MESBS", "MESST", "OIH_LICNO", "OIG_ITRFL", "OIB_TNKASSIGN"]
    assert len(fields) == 22
