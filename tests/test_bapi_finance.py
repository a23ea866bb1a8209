"""FI over SOAP-RFC: BAPI_ACC_DOCUMENT_POST/CHECK through the SAP LUW, the open and cleared
items of customers (BAPI_AR_ACC_*) and vendors (BAPI_AP_ACC_*), and the clearing run of the
control API (``POST /_fake/clients/NNN/fi/clearing``) that moves items from open to cleared.

The story is the CRM's labour-fee settlement: a provincial center's customer account is
credited, the G/L expense account 0000470000 debited.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
import zeep
from finance_builders import (
    COMPANY_CODE,
    amounts,
    header,
    labour_fee_settlement,
    settlement_params,
    vendor_invoice,
)
from idoc_builders import customer, packet
from rfc_client import RfcSession, read_table
from zeep.transports import Transport

from fake_sap.idoc.types import DEBMAS07

VENDOR = "0000700001"
CLEARING_DATE = "2024-06-15"


@pytest.fixture
def center(sap) -> str:
    """A provincial center (a customer with company code data in 1000)."""
    return str(sap.seed(materials=0, customers=2)["provincial_centers"][0])


@pytest.fixture
def session(sap):
    session = RfcSession(sap)
    yield session
    session.close()


@pytest.fixture
def other_session(sap):
    session = RfcSession(sap)
    yield session
    session.close()


def commit(session: RfcSession) -> None:
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""


def posted(session: RfcSession, customer_number: str, amount: str = "1000.00") -> str:
    """Post and commit a settlement; its document number."""
    result = labour_fee_settlement(session, customer_number, amount)
    assert result["RETURN"][0]["TYPE"] == "S", result["RETURN"]
    commit(session)
    return str(result["OBJ_KEY"][:10])


def documents(session: RfcSession) -> list[str]:
    return [line.strip() for line in read_table(session, "BKPF", fields=["BELNR"])]


def messages(result) -> list[tuple[str, str, str]]:
    return [(row["TYPE"], row["ID"], row["NUMBER"]) for row in result["RETURN"]]


def line_items(result) -> list[dict]:
    """LINEITEMS of a response (an empty table comes back as an empty element)."""
    return result["LINEITEMS"] or []


def clearing(sap, **body):
    with sap.http() as http:
        return http.post(f"/_fake/clients/{sap.number}/fi/clearing",
                         json={"company_code": COMPANY_CODE, **body})


def open_items(session: RfcSession, customer_number: str, key_date: str = "2099-12-31"):
    return session.call("BAPI_AR_ACC_GETOPENITEMS", COMPANYCODE=COMPANY_CODE,
                        CUSTOMER=customer_number, KEYDATE=key_date)


def cleared_items(session: RfcSession, customer_number: str, date_from: str,
                  date_to: str = "9999-12-31"):
    """BAPI_AR_ACC_GETBALANCEDITEMS: DATE_FROM and DATE_TO are both mandatory in SAP."""
    return session.call("BAPI_AR_ACC_GETBALANCEDITEMS", COMPANYCODE=COMPANY_CODE,
                        CUSTOMER=customer_number, DATE_FROM=date_from, DATE_TO=date_to)


# --- BAPI_ACC_DOCUMENT_POST ----------------------------------------------------------------------

def test_a_balanced_settlement_is_posted_with_its_object_key(sap, session, center):
    result = labour_fee_settlement(session, center)

    belnr = result["OBJ_KEY"][:10]
    assert belnr.isdigit() and len(belnr) == 10
    assert (result["OBJ_TYPE"], result["OBJ_KEY"], result["OBJ_SYS"]) == \
        ("BKPFF", f"{belnr}10002024", f"FAKCLNT{sap.number}")
    [success] = result["RETURN"]
    assert (success["TYPE"], success["ID"], success["NUMBER"]) == ("S", "RW", "605")
    assert success["MESSAGE"] == \
        f"Document posted successfully: BKPFF {belnr}10002024 FAKCLNT{sap.number}"


def test_the_commit_writes_the_customer_credit_and_the_expense_debit(session, center):
    belnr = posted(session, center, "1000.00")

    lines = read_table(session, "BSEG", DELIMITER="|",
                       fields=["BUZEI", "BSCHL", "KOART", "SHKZG", "HKONT", "KUNNR", "WRBTR"],
                       where=f"BELNR = '{belnr}'")

    assert [[v.strip() for v in line.split("|")] for line in lines] == [
        ["001", "11", "D", "H", "0000140000", center, "1000.00"],
        ["002", "40", "S", "S", "0000470000", "", "1000.00"],
    ]


def test_the_header_keeps_the_reference_and_the_callers_texts(sap, session, center):
    result = labour_fee_settlement(session, center, REF_DOC_NO="CRM-SETTLE-7")
    commit(session)

    [line] = read_table(session, "BKPF", DELIMITER="|",
                        fields=["AWTYP", "AWKEY", "AWSYS", "XBLNR", "BKTXT", "USNAM", "MONAT"])

    assert [v.strip() for v in line.split("|")] == [
        "BKPFF", result["OBJ_KEY"], f"FAKCLNT{sap.number}", "CRM-SETTLE-7",
        "Labour fee settlement", "CRM", "05"]


def test_an_unbalanced_document_is_refused_with_f5_702_after_rw_609(sap, session, center):
    result = labour_fee_settlement(session, center, "1000.00", expense="999.99")

    assert messages(result) == [("E", "RW", "609"), ("E", "F5", "702")]
    assert result["RETURN"][0]["MESSAGE"] == f"Error in document: BKPFF $ FAKCLNT{sap.number}"
    assert result["RETURN"][1]["MESSAGE"] == "Balance in transaction currency: -0.01 CNY"
    assert result["OBJ_KEY"] == "$"


def test_an_unbalanced_document_posts_nothing_even_after_commit(session, center):
    labour_fee_settlement(session, center, "1000.00", expense="999.99")
    commit(session)

    assert documents(session) == []


def test_an_unknown_company_code_is_refused(session, center):
    result = labour_fee_settlement(session, center, COMP_CODE="9999")

    assert ("E", "F5", "165") in messages(result)
    assert result["RETURN"][1]["FIELD"] == "COMP_CODE"


def test_an_unknown_customer_is_refused(session, center):
    result = labour_fee_settlement(session, "4711")

    assert messages(result) == [("E", "RW", "609"), ("E", "F2", "153")]
    refusal = result["RETURN"][1]
    assert (refusal["PARAMETER"], refusal["ROW"], refusal["FIELD"]) == \
        ("ACCOUNTRECEIVABLE", "1", "CUSTOMER")


def test_a_customer_without_company_code_data_is_refused(sap, session):
    assert sap.post_idocs(packet(DEBMAS07, [customer("100001", "ZOUT")])).status_code == 200

    result = labour_fee_settlement(session, "100001")

    assert messages(result) == [("E", "RW", "609"), ("E", "F5", "153")]


def test_an_item_without_an_amount_is_refused(session, center):
    params = settlement_params(center)
    params["CURRENCYAMOUNT"] = amounts("-1000.00")  # item 2 has no amount

    result = session.call("BAPI_ACC_DOCUMENT_POST", **params)

    assert ("E", "F5", "701") in messages(result)


def test_an_amount_of_no_item_is_refused(session, center):
    params = settlement_params(center)
    params["CURRENCYAMOUNT"] += [{"ITEMNO_ACC": "0000000009", "AMT_DOCCUR": "0"}]

    result = session.call("BAPI_ACC_DOCUMENT_POST", **params)

    assert ("E", "RW", "014") in messages(result)


@pytest.mark.parametrize(("amount", "number"), [
    ("1000.001", "027"),  # more decimals than the currency has
    ("100000000000.00", "028"),  # more than BSEG-WRBTR (CURR 13.2) holds
])
def test_an_amount_that_does_not_fit_a_line_item_is_refused(session, center, amount, number):
    result = labour_fee_settlement(session, center, amount)

    assert ("E", "RW", number) in messages(result)


def test_a_document_of_more_than_999_items_is_refused(session):
    count = 1000
    result = session.call(
        "BAPI_ACC_DOCUMENT_POST", DOCUMENTHEADER=header(),
        # tax items: G/L lines with the narrowest structure, to keep the envelopes small
        ACCOUNTTAX=[{"ITEMNO_ACC": f"{item:010d}", "GL_ACCOUNT": "0000175000"}
                    for item in range(1, count + 1)],
        CURRENCYAMOUNT=amounts(*(["1.00", "-1.00"] * (count // 2))))

    assert ("E", "F5", "727") in messages(result)


def test_tax_items_are_booked_to_their_tax_account(session, center):
    params = settlement_params(center)
    params["ACCOUNTRECEIVABLE"][0]["ITEMNO_ACC"] = "0000000001"
    params["ACCOUNTTAX"] = [{"ITEMNO_ACC": "0000000003", "GL_ACCOUNT": "0000175000",
                             "TAX_CODE": "A1"}]
    params["CURRENCYAMOUNT"] = amounts("-1130.00", "1000.00", "130.00")

    result = session.call("BAPI_ACC_DOCUMENT_POST", **params)
    commit(session)

    assert messages(result) == [("S", "RW", "605")]
    assert read_table(session, "BSEG", fields=["HKONT"], where="BUZEI = '003'") == \
        ["0000175000"]


def test_a_posting_without_commit_is_invisible(session, other_session, center):
    labour_fee_settlement(session, center)

    assert documents(session) == []
    assert documents(other_session) == []


def test_a_committed_posting_is_visible_to_other_sessions(session, other_session, center):
    result = labour_fee_settlement(session, center)
    commit(session)

    assert documents(other_session) == [result["OBJ_KEY"][:10]]


def test_a_rolled_back_posting_leaves_a_gap_in_the_number_range(session, center):
    first = labour_fee_settlement(session, center)["OBJ_KEY"][:10]
    session.call("BAPI_TRANSACTION_ROLLBACK")
    second = labour_fee_settlement(session, center)["OBJ_KEY"][:10]
    commit(session)

    assert int(second) == int(first) + 1
    assert documents(session) == [second]


def test_a_refused_posting_draws_no_number(session, center):
    labour_fee_settlement(session, center, expense="1.00")
    first = labour_fee_settlement(session, center)["OBJ_KEY"][:10]
    labour_fee_settlement(session, center, expense="1.00")
    second = labour_fee_settlement(session, center)["OBJ_KEY"][:10]

    assert int(second) == int(first) + 1


def test_a_customer_posting_moves_the_receivables_in_credit_management(session, center):
    [before] = read_table(session, "KNKK", fields=["SKFOR"], where=f"KUNNR = '{center}'")

    posted(session, center, "1000.00")

    [after] = read_table(session, "KNKK", fields=["SKFOR"], where=f"KUNNR = '{center}'")
    assert Decimal(after) == Decimal(before) - Decimal("1000.00")


def test_vendor_items_are_posted_without_a_vendor_master(session):
    result = vendor_invoice(session, "700001")
    commit(session)

    assert messages(result) == [("S", "RW", "605")]
    [line] = read_table(session, "BSEG", DELIMITER="|", fields=["BSCHL", "LIFNR", "HKONT"],
                        where="KOART = 'K'")
    assert [v.strip() for v in line.split("|")] == ["31", VENDOR, "0000160000"]


# --- BAPI_ACC_DOCUMENT_CHECK ---------------------------------------------------------------------

def test_check_accepts_a_correct_document_and_posts_nothing(session, center):
    result = session.call("BAPI_ACC_DOCUMENT_CHECK", **settlement_params(center))
    commit(session)

    assert messages(result) == [("S", "RW", "614")]
    assert documents(session) == []


def test_check_finds_what_post_would_refuse(session, center):
    result = session.call("BAPI_ACC_DOCUMENT_CHECK",
                          **settlement_params(center, expense="999.99"))

    assert messages(result) == [("E", "RW", "609"), ("E", "F5", "702")]


# --- open and cleared items ----------------------------------------------------------------------

def test_open_items_list_the_committed_posting(session, center):
    belnr = posted(session, center, "1000.00")

    result = open_items(session, center)

    [item] = result["LINEITEMS"]
    assert result["RETURN"]["TYPE"] == ""
    assert (item["DOC_NO"], item["ITEM_NUM"], item["CUSTOMER"], item["DB_CR_IND"],
            item["POST_KEY"], item["AMT_DOCCUR"], item["CURRENCY"], item["CLR_DOC_NO"],
            item["PSTNG_DATE"], item["ALLOC_NMBR"]) == \
        (belnr, "001", center, "H", "11", "1000.0000", "CNY", "", "2024-05-31", "LF-2024-05")


def test_open_items_accept_the_customer_without_leading_zeros(session, center):
    posted(session, center)

    assert len(open_items(session, center.lstrip("0"))["LINEITEMS"]) == 1


def test_an_item_posted_after_the_key_date_is_not_open_at_it(session, center):
    posted(session, center)

    result = open_items(session, center, key_date="2024-05-30")

    assert line_items(result) == []
    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("I", "FN517")


@pytest.mark.parametrize(("company_code", "customer_number", "code"), [
    ("9999", None, "FN510"),
    (COMPANY_CODE, "4711", "FN502"),
])
def test_open_items_of_an_unknown_account_are_an_error(session, center, company_code,
                                                        customer_number, code):
    result = session.call("BAPI_AR_ACC_GETOPENITEMS", COMPANYCODE=company_code,
                          CUSTOMER=customer_number or center, KEYDATE="2099-12-31")

    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("E", code)


def test_open_items_of_a_customer_outside_the_company_code_are_an_error(sap, session):
    assert sap.post_idocs(packet(DEBMAS07, [customer("100001", "ZOUT")])).status_code == 200

    result = open_items(session, "100001")

    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("E", "FN503")


def test_the_clearing_run_clears_the_open_items_with_a_payment_document(sap, session, center):
    belnr = posted(session, center, "1000.00")

    response = clearing(sap, customer=center, date=CLEARING_DATE)

    assert response.status_code == 200, response.text
    run = response.json()
    assert run["clearing_document"].isdigit() and run["clearing_document"] != belnr
    assert (run["fiscal_year"], run["balance"], run["clearing_date"]) == \
        ("2024", "-1000.00", CLEARING_DATE)
    assert [(i["document"], i["item"], i["debit_credit"], i["amount"]) for i in run["cleared"]] \
        == [(belnr, "001", "H", "1000.00")]


def test_after_the_clearing_run_no_item_is_open(sap, session, center):
    posted(session, center)
    clearing(sap, customer=center, date=CLEARING_DATE)

    assert line_items(open_items(session, center)) == []


def test_cleared_items_list_the_item_with_its_clearing_document(sap, session, center):
    belnr = posted(session, center)
    clearing_document = clearing(sap, customer=center, date=CLEARING_DATE).json()[
        "clearing_document"]

    result = cleared_items(session, center, "2024-06-01")

    assert [(i["DOC_NO"], i["CLR_DOC_NO"], i["CLEAR_DATE"]) for i in result["LINEITEMS"]] == [
        (belnr, clearing_document, CLEARING_DATE),
        (clearing_document, clearing_document, CLEARING_DATE),  # the payment's own line
    ]


def test_cleared_items_outside_the_period_are_not_listed(sap, session, center):
    posted(session, center)
    clearing(sap, customer=center, date=CLEARING_DATE)

    result = cleared_items(session, center, "2024-06-16")

    assert line_items(result) == []
    assert result["RETURN"]["CODE"] == "FN517"


def test_the_clearing_period_needs_both_dates_as_in_sap(session, center):
    without_start = session.fault("BAPI_AR_ACC_GETBALANCEDITEMS", COMPANYCODE=COMPANY_CODE,
                                  CUSTOMER=center, DATE_TO="2099-12-31")
    without_end = session.fault("BAPI_AP_ACC_GETBALANCEDITEMS", COMPANYCODE=COMPANY_CODE,
                                VENDOR="700001", DATE_FROM="2024-01-01")

    assert (without_start.status, without_start.name) == (500, "CALL_FUNCTION_PARM_MISSING")
    assert (without_end.status, without_end.name) == (500, "CALL_FUNCTION_PARM_MISSING")


def test_an_item_cleared_inside_the_period_is_listed_up_to_date_to(sap, session, center):
    belnr = posted(session, center)
    clearing(sap, customer=center, date=CLEARING_DATE)

    ending_on_the_clearing = cleared_items(session, center, "2024-06-01", CLEARING_DATE)
    ending_before_it = cleared_items(session, center, "2024-06-01", "2024-06-14")

    assert [i["DOC_NO"] for i in ending_on_the_clearing["LINEITEMS"]][0] == belnr
    assert line_items(ending_before_it) == []


@pytest.mark.parametrize("invented", ["BAPI_AR_ACC_GETCLEAREDITEMS",
                                      "BAPI_AP_ACC_GETCLEAREDITEMS"])
def test_there_is_no_cleared_items_module_in_sap(session, invented):
    fault = session.fault(invented, COMPANYCODE=COMPANY_CODE)

    assert fault.name == "FU_NOT_FOUND"


def test_an_item_cleared_after_the_key_date_is_still_open_at_it(sap, session, center):
    belnr = posted(session, center)
    clearing(sap, customer=center, date=CLEARING_DATE)

    result = open_items(session, center, key_date="2024-06-14")

    assert [item["DOC_NO"] for item in result["LINEITEMS"]] == [belnr]


def test_the_payment_brings_the_receivables_back(sap, session, center):
    [before] = read_table(session, "KNKK", fields=["SKFOR"], where=f"KUNNR = '{center}'")
    posted(session, center, "1000.00")

    clearing(sap, customer=center, date=CLEARING_DATE)

    [after] = read_table(session, "KNKK", fields=["SKFOR"], where=f"KUNNR = '{center}'")
    assert Decimal(after) == Decimal(before)


def test_a_clearing_run_of_chosen_documents_leaves_the_others_open(sap, session, center):
    first = posted(session, center, "100.00")
    second = posted(session, center, "200.00")

    run = clearing(sap, customer=center, documents=[first.lstrip("0")],
                   date=CLEARING_DATE).json()

    assert [item["document"] for item in run["cleared"]] == [first]
    assert [item["DOC_NO"] for item in open_items(session, center)["LINEITEMS"]] == [second]


def test_a_clearing_run_with_nothing_open_clears_nothing(sap, center):
    response = clearing(sap, customer=center)

    assert response.status_code == 200
    assert (response.json()["clearing_document"], response.json()["cleared"]) == (None, [])


def test_items_posted_after_the_clearing_date_stay_open(sap, session, center):
    posted(session, center)

    run = clearing(sap, customer=center, date="2024-05-30").json()

    assert run["cleared"] == []
    assert len(open_items(session, center)["LINEITEMS"]) == 1


def test_a_clearing_run_for_an_unknown_client_is_not_found(sap_server):
    with sap_server.control() as http:
        response = http.post("/_fake/clients/998/fi/clearing",
                             json={"company_code": COMPANY_CODE, "customer": "1"})

    assert response.status_code == 404


def test_a_clearing_run_for_a_customer_outside_the_company_code_is_not_found(sap):
    assert clearing(sap, customer="4711").status_code == 404


def test_a_clearing_run_in_an_unknown_company_code_is_not_found(sap):
    assert clearing(sap, customer="1", company_code="9999").status_code == 404


@pytest.mark.parametrize("body", [
    {"customer": "1", "vendor": "1"},
    {},
    {"customer": "1", "company_code": "10000"},
    {"customer": "1", "date": "31.05.2024"},
    {"customer": "1", "date": "2024-02-30"},
    {"customer": "1", "documents": "0100000000"},
    {"customer": 1},
])
def test_a_clearing_run_with_bad_input_is_a_bad_request(sap, body):
    assert clearing(sap, **body).status_code == 400


# --- vendors (AP) --------------------------------------------------------------------------------

def test_vendor_open_items_list_the_invoice(session):
    belnr = vendor_invoice(session, "700001", "300.00")["OBJ_KEY"][:10]
    commit(session)

    result = session.call("BAPI_AP_ACC_GETOPENITEMS", COMPANYCODE=COMPANY_CODE,
                          VENDOR="700001", KEYDATE="2099-12-31")

    [item] = result["LINEITEMS"]
    assert (item["DOC_NO"], item["VENDOR"], item["DB_CR_IND"], item["POST_KEY"],
            item["AMT_DOCCUR"], item["DOC_TYPE"]) == \
        (belnr, VENDOR, "H", "31", "300.0000", "KR")


def test_the_clearing_run_pays_a_vendor(sap, session):
    belnr = vendor_invoice(session, "700001", "300.00")["OBJ_KEY"][:10]
    commit(session)

    run = clearing(sap, vendor="700001", date=CLEARING_DATE).json()

    result = session.call("BAPI_AP_ACC_GETBALANCEDITEMS", COMPANYCODE=COMPANY_CODE,
                          VENDOR="700001", DATE_FROM="2024-01-01", DATE_TO="9999-12-31")
    assert [(i["DOC_NO"], i["CLR_DOC_NO"]) for i in result["LINEITEMS"]][0] == \
        (belnr, run["clearing_document"])
    open_after = session.call("BAPI_AP_ACC_GETOPENITEMS", COMPANYCODE=COMPANY_CODE,
                              VENDOR="700001", KEYDATE="2099-12-31")
    assert line_items(open_after) == []


def test_an_unknown_vendor_simply_has_no_open_items(session):
    result = session.call("BAPI_AP_ACC_GETOPENITEMS", COMPANYCODE=COMPANY_CODE,
                          VENDOR="799999", KEYDATE="2099-12-31")

    assert (line_items(result), result["RETURN"]["CODE"]) == ([], "FN517")


# --- the same functions through zeep and the WSDL ------------------------------------------------

@pytest.fixture
def service(sap):
    """``service("NAME")``: zeep's proxy for one function module, all on one HTTP session."""
    http = requests.Session()
    http.auth = sap.auth
    transport = Transport(session=http)

    def proxy(name: str):
        wsdl = (f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                f"&sap-client={sap.number}")
        return getattr(zeep.Client(wsdl, transport=transport).service, name)

    yield proxy
    http.close()


def zeep_settlement(center: str, amount: str = "1000.00") -> dict:
    return {
        "DOCUMENTHEADER": header(),
        "ACCOUNTRECEIVABLE": {"item": [{"ITEMNO_ACC": "0000000001", "CUSTOMER": center}]},
        "ACCOUNTGL": {"item": [{"ITEMNO_ACC": "0000000002", "GL_ACCOUNT": "0000470000"}]},
        "CURRENCYAMOUNT": {"item": [
            {"ITEMNO_ACC": "0000000001", "CURRENCY": "CNY", "AMT_DOCCUR": Decimal(f"-{amount}")},
            {"ITEMNO_ACC": "0000000002", "CURRENCY": "CNY", "AMT_DOCCUR": Decimal(amount)}]},
    }


def zeep_post(service, center: str, amount: str = "1000.00") -> str:
    result = service("BAPI_ACC_DOCUMENT_POST")(**zeep_settlement(center, amount))
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    return str(result.OBJ_KEY[:10])


def test_zeep_document_post(sap, service, center):
    result = service("BAPI_ACC_DOCUMENT_POST")(**zeep_settlement(center))

    assert result.OBJ_TYPE == "BKPFF"
    assert result.OBJ_SYS == f"FAKCLNT{sap.number}"
    assert [(r.TYPE, r.ID, r.NUMBER) for r in result.RETURN.item] == [("S", "RW", "605")]


def test_zeep_document_check(service, center):
    result = service("BAPI_ACC_DOCUMENT_CHECK")(**zeep_settlement(center))

    assert [(r.TYPE, r.ID, r.NUMBER) for r in result.RETURN.item] == [("S", "RW", "614")]


def test_zeep_customer_open_items(service, center):
    belnr = zeep_post(service, center)

    result = service("BAPI_AR_ACC_GETOPENITEMS")(COMPANYCODE=COMPANY_CODE, CUSTOMER=center,
                                                 KEYDATE="2099-12-31")

    [item] = result.LINEITEMS.item
    assert (item.DOC_NO, item.AMT_DOCCUR, item.DB_CR_IND) == (belnr, Decimal("1000"), "H")


def test_zeep_customer_balanced_items(sap, service, center):
    belnr = zeep_post(service, center)
    clearing(sap, customer=center, date=CLEARING_DATE)

    result = service("BAPI_AR_ACC_GETBALANCEDITEMS")(COMPANYCODE=COMPANY_CODE,
                                                     CUSTOMER=center, DATE_FROM="2024-01-01",
                                                     DATE_TO="9999-12-31")

    assert result.LINEITEMS.item[0].DOC_NO == belnr
    assert str(result.LINEITEMS.item[0].CLEAR_DATE) == CLEARING_DATE


def test_zeep_vendor_open_items(service):
    result = service("BAPI_AP_ACC_GETOPENITEMS")(COMPANYCODE=COMPANY_CODE, VENDOR="700001",
                                                 KEYDATE="2099-12-31")

    assert result.RETURN.CODE == "FN517"


def test_zeep_vendor_balanced_items(service):
    result = service("BAPI_AP_ACC_GETBALANCEDITEMS")(COMPANYCODE=COMPANY_CODE,
                                                     VENDOR="700001", DATE_FROM="2024-01-01",
                                                     DATE_TO="9999-12-31")

    assert result.RETURN.CODE == "FN517"
