"""FI BAPIs: accounting documents (BAPI_ACC_DOCUMENT_POST / _CHECK) and the open and cleared
items of customer and vendor accounts (BAPI_AR_ACC_GETOPENITEMS / _GETBALANCEDITEMS and
their BAPI_AP_ACC_* twins).

BAPI_ACC_DOCUMENT_POST checks the document at call time, draws the document number from
range ``RF_BELEG:<company code>:<year>`` (a rolled-back posting leaves a gap, as in SAP) and
returns the reference OBJ_TYPE ``BKPFF`` / OBJ_KEY (number + company code + year) / OBJ_SYS
(the emulator's logical system) at once; BKPF/BSEG are written by the update function
``POST_DOCUMENT`` at BAPI_TRANSACTION_COMMIT. The business rules live in
:mod:`fake_sap.fi.accounting`, behind :mod:`fake_sap.fi.services`.

Layer: RFC edge. Maps parameters to the typed inputs of ``fake_sap.fi.services``, and results and
messages back to parameters; no SQL and no transactions here. The update tasks are
service functions of FI, registered under their SAP names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fake_sap import clock
from fake_sap.ale.outbound import own_logical_system
from fake_sap.errors import SapMessage, declared_message
from fake_sap.fi import accounting, services
from fake_sap.fi.accounting import DocumentInput, LineInput
from fake_sap.fi.services import LineItemQuery
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.functions.finance_structures import (
    BAPI3007_2,
    BAPI3008_2,
    BAPIACAP09,
    BAPIACAR09,
    BAPIACCAHD,
    BAPIACCAIT,
    BAPIACCR09,
    BAPIACEXTC,
    BAPIACGL09,
    BAPIACHE09,
    BAPIACKEC9,
    BAPIACKEV9,
    BAPIACPA09,
    BAPIACPC09,
    BAPIACRE09,
    BAPIACTX09,
    BAPIACWT09,
    BAPIPAREX,
)
from fake_sap.rfc.luw import UpdateFunctions
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    FunctionInterface,
    char,
    exporting,
    importing,
    tables,
    with_references,
)
from fake_sap.rfc.structures import BAPIRET2, BAPIRETURN, bapiret2, bapireturn

UPDATE_FUNCTION = "POST_DOCUMENT"
#: CURRENCYAMOUNT-CURR_TYPE of the document currency (the only one the emulator books)
DOCUMENT_CURRENCY = ("", "00")

# -- BAPI_ACC_DOCUMENT_POST / BAPI_ACC_DOCUMENT_CHECK ------------------------------------------

_DOCUMENT_PARAMETERS = (
    importing("DOCUMENTHEADER", BAPIACHE09, "Header: company code, dates, document type"),
    importing("CUSTOMERCPD", BAPIACPA09, "One-time customer (accepted, not kept)",
              optional=True),
    importing("CONTRACTHEADER", BAPIACCAHD, "FI-CA header (accepted, not used)",
              optional=True),
    tables("ACCOUNTGL", BAPIACGL09, "G/L account items"),
    tables("ACCOUNTRECEIVABLE", BAPIACAR09, "Customer items"),
    tables("ACCOUNTPAYABLE", BAPIACAP09, "Vendor items"),
    tables("ACCOUNTTAX", BAPIACTX09, "Tax items: booked to their GL_ACCOUNT"),
    tables("CURRENCYAMOUNT", BAPIACCR09, "Amounts per item: AMT_DOCCUR signed, debit "
                                         "positive, credit negative"),
    tables("CRITERIA", BAPIACKEC9, "CO-PA characteristics (accepted, not used)"),
    tables("VALUEFIELD", BAPIACKEV9, "CO-PA value fields (accepted, not used)"),
    tables("EXTENSION1", BAPIACEXTC, "Customer exit container (accepted, not used)"),
    tables("EXTENSION2", BAPIPAREX, "BAdI extension container (accepted, not used)"),
    tables("PAYMENTCARD", BAPIACPC09, "Payment cards (accepted, not used)"),
    tables("CONTRACTITEM", BAPIACCAIT, "FI-CA items (accepted, not used)"),
    tables("REALESTATE", BAPIACRE09, "Real estate (accepted, not used)"),
    tables("ACCOUNTWT", BAPIACWT09, "Withholding tax (accepted, not used)"),
    tables("RETURN", BAPIRET2, "Messages"),
)

_DOCUMENT_RULES = (
    "Each item of ACCOUNTGL, ACCOUNTRECEIVABLE, ACCOUNTPAYABLE and ACCOUNTTAX needs a "
    "CURRENCYAMOUNT row with the same ITEMNO_ACC and CURR_TYPE `00` (or empty): AMT_DOCCUR "
    "signed, at most two decimals, all items in one currency (default: the company code's), "
    "and the document must balance to zero (else `E F5 702`). Errors come back as "
    "`E RW 609 Error in document: BKPFF $ <logical system>` followed by one row per problem "
    "(PARAMETER/ROW/FIELD name it). Customer items need the customer in the company code "
    "(KNB1; its reconciliation account is used). The emulator has no vendor master: any "
    "vendor number is accepted. Fiscal year and period come from the posting date.")

BAPI_ACC_DOCUMENT_POST = FunctionInterface(
    "BAPI_ACC_DOCUMENT_POST", "Accounting: General Posting", (
        *_DOCUMENT_PARAMETERS[:3],
        exporting("OBJ_TYPE", char(5), "Reference procedure: BKPFF",
                  reference="BAPIACHE09-OBJ_TYPE"),
        exporting("OBJ_KEY", char(20), "Document number + company code + fiscal year ($ on "
                                       "error)", reference="BAPIACHE09-OBJ_KEY"),
        exporting("OBJ_SYS", char(10), "Logical system of the emulator (FAKCLNT<client>)",
                  reference="BAPIACHE09-OBJ_SYS"),
        *_DOCUMENT_PARAMETERS[3:],
    ), group="ACC9",
    references_source="stechno.net, \"SAP Function BAPI_ACC_DOCUMENT_POST - Accounting: "
                      "Posting\" (https://stechno.net/repository/sap-functions.html"
                      "?id=BAPI_ACC_DOCUMENT_POST)",
    notes=_DOCUMENT_RULES + " On success RETURN holds `S RW 605 Document posted "
          "successfully: BKPFF <OBJ_KEY> <OBJ_SYS>` and the number is already taken; BKPF and "
          "BSEG are written by BAPI_TRANSACTION_COMMIT in the same session (a rollback leaves "
          "a gap in the number range). Customer items also move the customer's receivables "
          "(KNKK-SKFOR) used by the sales credit check.")

BAPI_ACC_DOCUMENT_CHECK = FunctionInterface(
    "BAPI_ACC_DOCUMENT_CHECK", "Accounting: Check Document", _DOCUMENT_PARAMETERS,
    group="ACC9",
    notes=_DOCUMENT_RULES + " Nothing is posted and no number is drawn; a correct document "
          "gives `S RW 614 Document check without errors`.")


def post_document(call: Call) -> dict[str, Any]:
    own_system = own_logical_system(call.mandt)
    errors, document = _checked(call)
    if errors:
        return {"OBJ_TYPE": accounting.OBJECT_TYPE, "OBJ_KEY": "$", "OBJ_SYS": own_system,
                "RETURN": _refusal(errors, own_system)}
    number_range = accounting.number_range(document.comp_code, document.pstng_date[:4])
    belnr = f"{call.take_number(number_range):010d}"
    now = clock.now()
    planned = services.plan_posting(call.db, call.mandt, document, belnr=belnr,
                                    today=clock.dats(now), now_time=clock.tims(now),
                                    user=call.user, own_system=own_system)
    call.register_update(UPDATE_FUNCTION, planned.to_payload())
    return {"OBJ_TYPE": planned.awtyp, "OBJ_KEY": planned.obj_key, "OBJ_SYS": own_system,
            "RETURN": [_return_row(accounting.posted_message(planned), own_system)]}


def check_document(call: Call) -> dict[str, Any]:
    own_system = own_logical_system(call.mandt)
    errors, _document = _checked(call)
    if errors:
        return {"RETURN": _refusal(errors, own_system)}
    checked = declared_message("S", "RW", "614")
    return {"RETURN": [_return_row(checked, own_system)]}


def _checked(call: Call) -> tuple[list[SapMessage], DocumentInput]:
    document, amounts = _document_input(call)
    errors = services.check_posting(call.db, call.mandt, document)
    items = {line.itemno for line in document.lines}
    errors += [declared_message("E", "RW", "014", itemno, parameter="CURRENCYAMOUNT", row=row,
                                field="ITEMNO_ACC")
               for itemno, row in amounts.items() if itemno not in items]
    return errors, document


def _refusal(errors: list[SapMessage], own_system: str) -> list[dict[str, Any]]:
    failed = declared_message("E", "RW", "609", accounting.OBJECT_TYPE, "$", own_system)
    return [_return_row(failed, own_system), *(_return_row(e, own_system) for e in errors)]


def _return_row(error: SapMessage, own_system: str) -> dict[str, Any]:
    return bapiret2(error, error.parameter, error.row, error.field, own_system)


def _document_input(call: Call) -> tuple[DocumentInput, dict[str, int]]:
    """The document as the accounting module takes it, and the CURRENCYAMOUNT rows by item
    (to find amounts that belong to no item)."""
    header = call["DOCUMENTHEADER"]
    amounts: dict[str, tuple[Decimal, str]] = {}
    amount_rows: dict[str, int] = {}
    for row, amount in enumerate(call["CURRENCYAMOUNT"], start=1):
        if amount["CURR_TYPE"] in DOCUMENT_CURRENCY and amount["ITEMNO_ACC"] not in amounts:
            amounts[amount["ITEMNO_ACC"]] = (amount["AMT_DOCCUR"],
                                             amount["CURRENCY"] or amount["CURRENCY_ISO"])
            amount_rows[amount["ITEMNO_ACC"]] = row
    lines = [
        *_lines(call["ACCOUNTGL"], accounting.GL, "GL_ACCOUNT", amounts, "ACCOUNTGL"),
        *_lines(call["ACCOUNTRECEIVABLE"], accounting.CUSTOMER, "CUSTOMER", amounts,
                "ACCOUNTRECEIVABLE"),
        *_lines(call["ACCOUNTPAYABLE"], accounting.VENDOR, "VENDOR_NO", amounts,
                "ACCOUNTPAYABLE"),
        *_lines(call["ACCOUNTTAX"], accounting.GL, "GL_ACCOUNT", amounts, "ACCOUNTTAX"),
    ]
    document = DocumentInput(
        comp_code=header["COMP_CODE"], doc_date=header["DOC_DATE"],
        pstng_date=header["PSTNG_DATE"], doc_type=header["DOC_TYPE"] or "SA",
        header_txt=header["HEADER_TXT"], ref_doc_no=header["REF_DOC_NO"],
        username=header["USERNAME"], obj_type=header["OBJ_TYPE"],
        lines=tuple(sorted(lines, key=lambda line: line.itemno)))
    return document, amount_rows


def _lines(rows: list[dict[str, Any]], account_type: str, account_field: str,
           amounts: dict[str, tuple[Decimal, str]], parameter: str) -> list[LineInput]:
    lines = []
    for row, item in enumerate(rows, start=1):
        amount, currency = amounts.get(item["ITEMNO_ACC"], (None, ""))
        gl_account = "" if account_type == accounting.GL else item["GL_ACCOUNT"]
        lines.append(LineInput(
            itemno=item["ITEMNO_ACC"], account_type=account_type, account=item[account_field],
            amount="" if amount is None else f"{amount:f}", currency=currency,
            gl_account=gl_account, text=item.get("ITEM_TEXT", ""),
            allocation=item.get("ALLOC_NMBR", ""), baseline_date=item.get("BLINE_DATE", ""),
            comp_code=item.get("COMP_CODE", ""), row=row, parameter=parameter))
    return lines


#: the update task of BAPI_ACC_DOCUMENT_POST: BKPF, BSEG, KNKK receivables (written by FI)
update_document = services.save_posting


# -- open and cleared items of customer and vendor accounts ------------------------------------

_ITEMS_NOTES = (
    "RETURN is the old BAPIRETURN (CODE = message class and number): `E FN 510` unknown "
    "company code{checks}; `I FN 517` when no line item qualifies. Amounts are unsigned, "
    "DB_CR_IND says debit (S) or credit (H). NOTEDITEMS is accepted; the emulator has no "
    "noted items.")
_CUSTOMER_CHECKS = ", `E FN 502` unknown customer, `E FN 503` customer not in the company code"
_VENDOR_CHECKS = " (the emulator has no vendor master, so any vendor number is accepted)"


def _open_items_interface(name: str, text: str, account: str, line: Any, group: str,
                          checks: str) -> FunctionInterface:
    return FunctionInterface(name, text, (
        importing("COMPANYCODE", char(4), "Company code"),
        importing(account, char(10), f"{account.capitalize()} number (leading zeros may be "
                                     f"omitted)"),
        importing("KEYDATE", DATS, "Key date: items posted by then and not cleared by then"),
        importing("NOTEDITEMS", FLAG, "X: noted items requested", default=""),
        importing("SECINDEX", FLAG, "X: read via secondary indexes (no effect)", default=""),
        exporting("RETURN", BAPIRETURN, "Empty, or the reason for an empty list"),
        tables("LINEITEMS", line, "The open items"),
    ), group=group, notes=_ITEMS_NOTES.format(checks=checks) + " An item cleared after the "
                                                                  "key date still counts as "
                                                                  "open at the key date.")


def _balanced_items_interface(name: str, text: str, account: str, line: Any, group: str,
                              checks: str, source_note: str = "") -> FunctionInterface:
    # SAP's GetBalancedItems method: both dates are mandatory, there is no noted-items flag
    return FunctionInterface(name, text, (
        importing("COMPANYCODE", char(4), "Company code"),
        importing(account, char(10), f"{account.capitalize()} number (leading zeros may be "
                                     f"omitted)"),
        importing("DATE_FROM", DATS, "Cleared on or after"),
        importing("DATE_TO", DATS, "Cleared on or before"),
        exporting("RETURN", BAPIRETURN, "Empty, or the reason for an empty list"),
        tables("LINEITEMS", line, "The clearing entries and the items they cleared, with "
                                  "their clearing document"),
    ), group=group, notes=_ITEMS_NOTES.format(checks=checks).replace(
        " NOTEDITEMS is accepted; the emulator has no noted items.", "")
        + " The period restricts the clearing date (AUGDT): a payment and the items it "
          "cleared come back together." + source_note)


BAPI_AR_ACC_GETOPENITEMS = with_references(
    _open_items_interface("BAPI_AR_ACC_GETOPENITEMS", "Customer account open items at a key "
                          "date", "CUSTOMER", BAPI3007_2, "3007", _CUSTOMER_CHECKS),
    "stechno.net, \"SAP Function BAPI_AR_ACC_GETOPENITEMS - Customer account open items at a "
    "key date\" (https://www.stechno.net/referentiel/fonctions-sap.html"
    "?id=BAPI_AR_ACC_GETOPENITEMS)",
    COMPANYCODE="BAPI3007_1-COMP_CODE", CUSTOMER="BAPI3007_1-CUSTOMER",
    KEYDATE="BAPI3007-KEY_DATE", NOTEDITEMS="BAPI3007-NTDITMS_RQ",
    SECINDEX="BAPI3007-SINDEX_RQ")
BAPI_AR_ACC_GETBALANCEDITEMS = with_references(
    _balanced_items_interface("BAPI_AR_ACC_GETBALANCEDITEMS", "Customer account clearing "
                              "transactions in a given time period", "CUSTOMER", BAPI3007_2,
                              "3007", _CUSTOMER_CHECKS),
    "stechno.net, \"SAP Function BAPI_AR_ACC_GETBALANCEDITEMS - Customer account clearing "
    "transactions in a given time period\" (https://www.stechno.net/repository/"
    "sap-functions.html?id=BAPI_AR_ACC_GETBALANCEDITEMS)",
    COMPANYCODE="BAPI3007_1-COMP_CODE", CUSTOMER="BAPI3007_1-CUSTOMER",
    DATE_FROM="BAPI3007-FROM_DATE", DATE_TO="BAPI3007-TO_DATE")
BAPI_AP_ACC_GETOPENITEMS = _open_items_interface(
    "BAPI_AP_ACC_GETOPENITEMS", "Vendor account open items at a key date", "VENDOR",
    BAPI3008_2, "3008", _VENDOR_CHECKS)
BAPI_AP_ACC_GETBALANCEDITEMS = _balanced_items_interface(
    "BAPI_AP_ACC_GETBALANCEDITEMS", "Vendor account clearing transactions in a given time "
    "period", "VENDOR", BAPI3008_2, "3008", _VENDOR_CHECKS,
    " The module is method GetBalancedItems of business object APAccount (BUS3008), as "
    "listed by sapass.metro.client.jp, \"APAccount\" (http://sapass.metro.client.jp/Bapi/"
    "BUS3008.htm). No public parameter listing of this module was found: its parameters "
    "mirror BAPI_AR_ACC_GETBALANCEDITEMS, with VENDOR and BAPI3008_2.")


def customer_open_items(call: Call) -> dict[str, Any]:
    return _items(call, accounting.CUSTOMER, "CUSTOMER", cleared=False)


def customer_balanced_items(call: Call) -> dict[str, Any]:
    return _items(call, accounting.CUSTOMER, "CUSTOMER", cleared=True)


def vendor_open_items(call: Call) -> dict[str, Any]:
    return _items(call, accounting.VENDOR, "VENDOR", cleared=False)


def vendor_balanced_items(call: Call) -> dict[str, Any]:
    return _items(call, accounting.VENDOR, "VENDOR", cleared=True)


def _items(call: Call, account_type: str, account_field: str, *,
           cleared: bool) -> dict[str, Any]:
    bukrs, account = call["COMPANYCODE"], accounting.account_number(call[account_field])
    if cleared:
        query = LineItemQuery(bukrs, account_type, account, cleared=True,
                              date_from=_date(call["DATE_FROM"]),
                              # an initial DATE_TO is a range ending before any clearing
                              date_to=call["DATE_TO"] or "00000000")
    else:
        query = LineItemQuery(bukrs, account_type, account, cleared=False,
                              key_date=call["KEYDATE"])
    found = services.line_items(call.db, call.mandt, query)
    if found.refusal is not None:
        return {"RETURN": bapireturn(found.refusal)}
    rows = found.rows
    result: dict[str, Any] = {"LINEITEMS": [_line_item(row, account_field,
                                                       found.local_currency)
                                            for row in rows]}
    if not rows:
        result["RETURN"] = bapireturn(declared_message("I", "FN", "517", account, bukrs))
    return result


def _date(value: str) -> str:
    return "" if value in ("", "00000000") else value


def _line_item(row: dict[str, Any], account_field: str, local_currency: str
               ) -> dict[str, Any]:
    return {
        "COMP_CODE": row["bukrs"], account_field: row["kunnr"] or row["lifnr"],
        "CLEAR_DATE": row["augdt"], "CLR_DOC_NO": row["augbl"], "ALLOC_NMBR": row["zuonr"],
        "FISC_YEAR": row["gjahr"], "DOC_NO": row["belnr"], "ITEM_NUM": row["buzei"],
        "PSTNG_DATE": row["budat"], "DOC_DATE": row["bldat"], "ENTRY_DATE": row["cpudt"],
        "CURRENCY": row["waers"], "LOC_CURRCY": local_currency, "REF_DOC_NO": row["xblnr"],
        "DOC_TYPE": row["blart"], "FIS_PERIOD": row["monat"], "POST_KEY": row["bschl"],
        "DB_CR_IND": row["shkzg"], "LC_AMOUNT": row["dmbtr"], "AMT_DOCCUR": row["wrbtr"],
        "ITEM_TEXT": row["sgtxt"], "BLINE_DATE": row["zfbdt"],
    }


FUNCTIONS = [
    RfcFunction(BAPI_ACC_DOCUMENT_POST, post_document),
    RfcFunction(BAPI_ACC_DOCUMENT_CHECK, check_document),
    RfcFunction(BAPI_AR_ACC_GETOPENITEMS, customer_open_items),
    RfcFunction(BAPI_AR_ACC_GETBALANCEDITEMS, customer_balanced_items),
    RfcFunction(BAPI_AP_ACC_GETOPENITEMS, vendor_open_items),
    RfcFunction(BAPI_AP_ACC_GETBALANCEDITEMS, vendor_balanced_items),
]

#: the update functions this area's BAPIs register (wired in fake_sap.compose)
UPDATE_FUNCTIONS: UpdateFunctions = {
    UPDATE_FUNCTION: update_document,
}
