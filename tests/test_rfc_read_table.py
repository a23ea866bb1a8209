"""RFC_READ_TABLE: WHERE clauses, field selection and layout, paging, and its exceptions.

The catalogue (four materials, one customer) is loaded once per module into its own client
through IDoc-XML and only read afterwards.
"""

from __future__ import annotations

import pytest
from idoc_builders import customer, material, packet
from rfc_client import RfcSession, read_table

from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.rfc import where

P4711, P4712, P4713 = (f"{n:018d}" for n in (4711, 4712, 4713))
A100 = "A100"


@pytest.fixture(scope="module")
def catalog(sap_server):
    sap = sap_server.new_client()
    materials = [
        material("4711", "Pump", MATKL="PUMPS", ERSDA="20240115", BRGEW="12.5"),
        material("4712", "Valve", MTART="HAWA", MATKL="VALVES", ERSDA="20240301", BRGEW="2"),
        material("4713", "O'Brien part", MTART="ROH", ERSDA="20231231", BRGEW="100"),
        material("A100", "Alpha", MATKL="pumps", ERSDA="20250101", BRGEW="0.5"),
    ]
    assert sap.post_idocs(packet(MATMAS05, materials)).status_code == 200
    assert sap.post_idocs(packet(DEBMAS07, [customer("100001", "ZOUT", name="Outlet East")])
                          ).status_code == 200
    session = RfcSession(sap)
    yield session
    session.close()


def matnrs(session: RfcSession, condition: str | list[str]) -> list[str]:
    return [line.strip() for line in read_table(session, "MARA", where=condition,
                                                fields=["MATNR"])]


def fault(session: RfcSession, **params):
    return session.fault("RFC_READ_TABLE", **params)


# --- WHERE ----------------------------------------------------------------------------------

def test_without_options_every_row_comes_in_key_order(catalog):
    assert matnrs(catalog, "") == [P4711, P4712, P4713, A100]


@pytest.mark.parametrize(("condition", "expected"), [
    ("MTART = 'FERT'", [P4711, A100]),
    ("MTART EQ 'FERT'", [P4711, A100]),
    ("MTART <> 'FERT'", [P4712, P4713]),
    ("MTART NE 'FERT'", [P4712, P4713]),
    ("BRGEW > 10", [P4711, P4713]),  # a number, not text: '2' is not above '10'
    ("BRGEW GT '10'", [P4711, P4713]),
    ("BRGEW < 2", [A100]),
    ("BRGEW LT 12.5", [P4712, A100]),
    ("BRGEW <= 2", [P4712, A100]),
    ("BRGEW LE 2", [P4712, A100]),
    ("BRGEW >= 12.5", [P4711, P4713]),
    ("BRGEW GE 100", [P4713]),
    ("ERSDA BETWEEN '20240101' AND '20241231'", [P4711, P4712]),
    ("ERSDA NOT BETWEEN '20240101' AND '20241231'", [P4713, A100]),
    ("MATKL LIKE 'PUMP%'", [P4711]),  # case-sensitive, as on SAP's databases
    ("MATKL LIKE '_ALVES'", [P4712]),
    ("MATKL NOT LIKE 'P%'", [P4712, P4713, A100]),
    ("MTART IN ( 'HAWA', 'ROH' )", [P4712, P4713]),
    ("MTART NOT IN ('HAWA')", [P4711, P4713, A100]),
    ("MATKL IS INITIAL", [P4713]),
    ("MATKL IS NOT INITIAL", [P4711, P4712, A100]),
    ("MATKL IS NULL", []),
    ("MATKL IS NOT NULL", [P4711, P4712, P4713, A100]),
    ("MATKL = ' '", [P4713]),  # trailing blanks do not count
    ("MTART = 'FERT' AND MATKL = 'PUMPS'", [P4711]),
    ("MTART = 'HAWA' OR MTART = 'ROH'", [P4712, P4713]),
    ("NOT MTART = 'FERT'", [P4712, P4713]),
    ("( MTART = 'FERT' OR MTART = 'HAWA' ) AND BRGEW > 1", [P4711, P4712]),
    ("mtart = 'FERT' and not ( matkl = 'pumps' )", [P4711]),
    ("MTART = MTART AND LAEDA >= ERSDA", [P4711, P4712, P4713, A100]),
])
def test_where_conditions_select_the_matching_rows(catalog, condition, expected):
    assert matnrs(catalog, condition) == expected


def test_options_rows_are_joined_into_one_condition(catalog):
    assert matnrs(catalog, ["MTART = 'FERT'", "AND MATKL = 'PUMPS'"]) == [P4711]


def test_a_quote_inside_a_literal_is_doubled(catalog):
    lines = read_table(catalog, "MAKT", where="MAKTX = 'O''Brien part'", fields=["MATNR"])
    assert lines == [P4713]


def test_a_literal_can_not_break_out_of_the_condition(catalog):
    assert matnrs(catalog, "MATKL = 'x'' OR ''1'' = ''1'") == []
    assert len(matnrs(catalog, "")) == 4


# --- fields, layout, paging -------------------------------------------------------------

def test_fields_describe_the_layout_of_data(catalog):
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA", DELIMITER="|", ROWCOUNT="1",
                          FIELDS=[{"FIELDNAME": "MATNR"}, {"FIELDNAME": "MTART"},
                                  {"FIELDNAME": "ERSDA"}])
    layout = [(f["FIELDNAME"], f["OFFSET"], f["LENGTH"], f["TYPE"])
              for f in result["FIELDS"]]
    assert layout == [("MATNR", "000000", "000018", "C"), ("MTART", "000019", "000004", "C"),
                      ("ERSDA", "000024", "000008", "D")]
    assert result["FIELDS"][0]["FIELDTEXT"] == "Material Number"
    assert result["DATA"] == [{"WA": f"{P4711}|FERT|20240115"}]


def test_without_a_delimiter_fields_are_fixed_width(catalog):
    lines = read_table(catalog, "MARA", where="MTART = 'HAWA'", fields=["MATNR", "MTART"])
    assert lines == [f"{P4712}HAWA"]


def test_without_fields_every_sap_field_of_the_table_is_returned(catalog):
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA", NO_DATA="X")
    names = [f["FIELDNAME"] for f in result["FIELDS"]]
    assert names[:3] == ["MANDT", "MATNR", "ERSDA"]
    assert "MTPOS_MARA" in names


def test_quantities_are_right_aligned_with_their_decimals(catalog):
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA", ROWCOUNT="1",
                          FIELDS=[{"FIELDNAME": "BRGEW"}])
    assert result["FIELDS"][0]["TYPE"] == "P"
    assert result["DATA"][0]["WA"] == "12.500".rjust(13)  # QUAN 13.3: DFIES-LENG 13


def test_rowskips_and_rowcount_page_through_the_rows(catalog):
    lines = read_table(catalog, "MARA", fields=["MATNR"], ROWSKIPS="1", ROWCOUNT="2")
    assert lines == [P4712, P4713]


def test_rowskips_alone_skips_rows(catalog):
    assert read_table(catalog, "MARA", fields=["MATNR"], ROWSKIPS="3") == [A100]


def test_no_data_returns_only_the_layout(catalog):
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA", NO_DATA="X",
                          FIELDS=[{"FIELDNAME": "MATNR"}])
    assert result["DATA"] == ""
    assert result["FIELDS"][0]["FIELDNAME"] == "MATNR"


def test_the_options_come_back_as_sent(catalog):
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA",
                          OPTIONS=[{"TEXT": "MTART = 'ROH'"}], FIELDS=[{"FIELDNAME": "MATNR"}])
    assert result["OPTIONS"] == [{"TEXT": "MTART = 'ROH'"}]


def test_only_the_logon_client_is_read(sap, catalog):
    other = RfcSession(sap)
    assert read_table(other, "MARA", fields=["MATNR"]) == []
    other.close()


def test_customer_and_idoc_tables_are_readable(catalog):
    assert read_table(catalog, "KNA1", where="NAME1 LIKE 'Outlet%'",
                      fields=["KUNNR", "KTOKD"]) == ["0000100001ZOUT"]
    idocs = read_table(catalog, "EDIDC", where="MESTYP = 'MATMAS' AND DIRECT = '2'",
                       fields=["DOCNUM", "STATUS"])
    assert len(idocs) == 4 and all(line.endswith("53") for line in idocs)


def test_an_inbound_idocs_refint_is_saps_blank_interchange_reference(catalog):
    """REFINT is CHAR 14, the EDI interchange reference: the sender's 16-digit IDoc number
    (which the duplicate check keeps) is not shown in it."""
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="EDIDC", DELIMITER="|",
                          FIELDS=[{"FIELDNAME": "DOCNUM"}, {"FIELDNAME": "REFINT"}],
                          OPTIONS=[{"TEXT": "MESTYP = 'MATMAS' AND DIRECT = '2'"}])

    assert [(f["FIELDNAME"], f["LENGTH"], f["TYPE"]) for f in result["FIELDS"]] == \
        [("DOCNUM", "000016", "N"), ("REFINT", "000014", "C")]
    lines = [row["WA"].split("|") for row in result["DATA"]]
    assert len(lines) == 4 and all(refint.strip() == "" for _, refint in lines)


# --- exceptions -------------------------------------------------------------------------

def test_an_unknown_table_is_table_not_available(catalog):
    assert fault(catalog, QUERY_TABLE="ZNOPE").name == "TABLE_NOT_AVAILABLE"


def test_a_structure_is_table_without_data(catalog):
    assert fault(catalog, QUERY_TABLE="BAPIRET2").name == "TABLE_WITHOUT_DATA"


def test_an_unknown_field_is_field_not_valid(catalog):
    result = fault(catalog, QUERY_TABLE="MARA", FIELDS=[{"FIELDNAME": "NOPE"}])
    assert (result.status, result.code, result.name) == (500, "SOAP-ENV:Client",
                                                         "FIELD_NOT_VALID")


def test_columns_that_are_not_sap_fields_can_not_be_read(catalog):
    assert fault(catalog, QUERY_TABLE="EDIDC", FIELDS=[{"FIELDNAME": "XML"}]).name == \
        "FIELD_NOT_VALID"
    assert fault(catalog, QUERY_TABLE="EDIDC", OPTIONS=[{"TEXT": "XML LIKE '%'"}]).name == \
        "OPTION_NOT_VALID"


@pytest.mark.parametrize("condition", [
    "MTART =", "MTART = 'FERT' AND", "NOPE = 'X'", "MTART = 'FERT' OR 1 = 1",
    "MTART = 'FERT'; DROP TABLE mara", "MTART IN ()", "( MTART = 'FERT'", "'FERT' = MTART",
    "MTART = 'unterminated", "BRGEW > 'heavy'",
])
def test_an_invalid_where_clause_is_option_not_valid(catalog, condition):
    # one field: MARA's full row is wider than a DATA line (DATA_BUFFER_EXCEEDED comes first)
    result = fault(catalog, QUERY_TABLE="MARA", OPTIONS=[{"TEXT": condition}],
                   FIELDS=[{"FIELDNAME": "MATNR"}])
    assert result.name == "OPTION_NOT_VALID"


def test_a_row_wider_than_512_characters_is_data_buffer_exceeded(catalog):
    assert fault(catalog, QUERY_TABLE="EDIDS").name == "DATA_BUFFER_EXCEEDED"


def test_mara_without_fields_is_data_buffer_exceeded_as_in_sap(catalog):
    # SAP's MARA row (every standard field) is far wider than 512 characters
    assert fault(catalog, QUERY_TABLE="MARA").name == "DATA_BUFFER_EXCEEDED"
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="MARA", NO_DATA="X")
    names = [f["FIELDNAME"] for f in result["FIELDS"]]
    assert {"BLANZ", "EKWSL", "GROES", "LAENG", "MSTDE", "FASHGRD"} <= set(names)
    last = result["FIELDS"][-1]
    assert int(last["OFFSET"]) + int(last["LENGTH"]) > 512


def test_with_no_data_the_layout_of_a_row_wider_than_512_characters_comes_back(catalog):
    # SAP checks the width only when it reads data (IF ... AND no_data EQ space)
    result = catalog.call("RFC_READ_TABLE", QUERY_TABLE="EDIDS", NO_DATA="X",
                          DELIMITER="|")
    last = result["FIELDS"][-1]
    assert last["FIELDNAME"] == "APPL_LOG"  # SAP's last field of EDIDS
    assert int(last["OFFSET"]) + int(last["LENGTH"]) > 512
    assert result["DATA"] == ""


# --- the parser on its own ----------------------------------------------------------------

def test_the_parser_builds_a_tree_with_and_binding_tighter_than_or():
    tree = where.parse("A = '1' OR B = '2' AND NOT C LIKE 'x%'")
    assert tree == where.Or((
        where.Compare("A", "=", where.Literal("1", True)),
        where.And((where.Compare("B", "=", where.Literal("2", True)),
                   where.Not(where.Like("C", where.Literal("x%", True)))))))


def test_between_takes_its_own_and():
    tree = where.parse("D BETWEEN 1 AND 5 AND E = 'x'")
    assert tree == where.And((
        where.Between("D", where.Literal("1", False), where.Literal("5", False)),
        where.Compare("E", "=", where.Literal("x", True))))


def test_an_empty_condition_parses_to_nothing():
    assert where.parse("   ") is None
