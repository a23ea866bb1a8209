"""Accounting documents: posting (BAPI_ACC_DOCUMENT_POST), open/cleared items, clearing.

Lines are G/L account lines, customer lines (AR, account type D) or vendor lines (AP,
account type K). Amounts are signed in document currency: debit positive, credit negative;
a document must balance to zero. The fiscal year is the calendar year, the period the
month. The reference to the sending application is kept like SAP does: OBJ_TYPE ``BKPFF``,
OBJ_KEY = document number + company code + fiscal year.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update

from fake_sap.conversion import alpha_input
from fake_sap.db.documents import bkpf, bseg
from fake_sap.db.schema import knb1
from fake_sap.errors import ApplicationError, SapMessage, sap_message

OBJECT_TYPE = "BKPFF"
RECONCILIATION_ACCOUNTS = {"D": "0000140000", "K": "0000160000"}
#: posting keys by account type and debit/credit
POSTING_KEYS = {("S", "S"): "40", ("S", "H"): "50", ("D", "S"): "01", ("D", "H"): "11",
                ("K", "S"): "21", ("K", "H"): "31"}


@dataclass
class LineInput:
    itemno: str
    account_type: str  # S G/L, D customer, K vendor
    account: str
    amount: str
    currency: str = "CNY"
    gl_account: str = ""
    text: str = ""
    allocation: str = ""
    baseline_date: str = ""


@dataclass
class DocumentInput:
    comp_code: str
    doc_date: str
    pstng_date: str
    doc_type: str = "SA"
    header_txt: str = ""
    ref_doc_no: str = ""
    username: str = ""
    lines: list[LineInput] = field(default_factory=list)


@dataclass
class PlannedLine:
    buzei: str
    bschl: str
    koart: str
    shkzg: str
    amount: str
    hkont: str
    kunnr: str
    lifnr: str
    sgtxt: str
    zuonr: str
    zfbdt: str


@dataclass
class AccountingDocument:
    bukrs: str
    belnr: str
    gjahr: str
    monat: str
    blart: str
    bldat: str
    budat: str
    cpudt: str
    cputm: str
    usnam: str
    xblnr: str
    bktxt: str
    waers: str
    awsys: str
    lines: list[PlannedLine]
    messages: list[SapMessage] = field(default_factory=list)

    @property
    def obj_key(self) -> str:
        return f"{self.belnr}{self.bukrs}{self.gjahr}"

    def to_payload(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("messages")
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> AccountingDocument:
        return cls(**{**data, "lines": [PlannedLine(**line) for line in data["lines"]]})


def number_range(bukrs: str, gjahr: str) -> str:
    return f"RF_BELEG:{bukrs}:{gjahr}"


def check(conn: Connection, mandt: str, document: DocumentInput,
          customizing: dict[str, set[str]]) -> list[SapMessage]:
    """Everything that would stop the posting, as RETURN messages (empty: fine)."""
    errors: list[SapMessage] = []
    if document.comp_code not in customizing.get("T001", set()):
        errors.append(sap_message("E", "F5", "165", "Company code &1 does not exist",
                                  document.comp_code, parameter="DOCUMENTHEADER",
                                  field="COMP_CODE"))
    if len(document.pstng_date) != 8:
        errors.append(sap_message("E", "F5", "151", "Enter a posting date",
                                  parameter="DOCUMENTHEADER", field="PSTNG_DATE"))
    if not document.lines:
        errors.append(sap_message("E", "RW", "022", "No line items were transferred"))
    total = Decimal(0)
    currencies = set()
    for row, line in enumerate(document.lines, start=1):
        try:
            amount = Decimal(line.amount)
        except InvalidOperation:
            errors.append(sap_message("E", "RW", "023", "Amount &1 is not a number",
                                      line.amount, parameter="CURRENCYAMOUNT", row=row))
            continue
        total += amount
        currencies.add(line.currency)
        if amount == 0:
            errors.append(sap_message("E", "F5", "701", "Line item &1 has no amount",
                                      line.itemno, parameter="CURRENCYAMOUNT", row=row))
        if line.account_type == "D" and not _customer_in_company_code(
                conn, mandt, line.account, document.comp_code):
            errors.append(sap_message(
                "E", "F5", "153", "Customer &1 is not defined in company code &2",
                line.account.lstrip("0"), document.comp_code,
                parameter="ACCOUNTRECEIVABLE", row=row, field="CUSTOMER"))
        if line.account_type == "S" and not line.account:
            errors.append(sap_message("E", "F5", "152", "Enter a G/L account",
                                      parameter="ACCOUNTGL", row=row, field="GL_ACCOUNT"))
    if len(currencies) > 1:
        errors.append(sap_message("E", "F5", "703", "Several currencies in one document"))
    if document.lines and total != 0:
        currency = next(iter(currencies), "")
        errors.append(sap_message("E", "F5", "702", "Balance in transaction currency: &1 &2",
                                  total, currency))
    return errors


def _customer_in_company_code(conn: Connection, mandt: str, kunnr: str, bukrs: str) -> bool:
    return conn.execute(select(knb1.c.kunnr).where(
        knb1.c.mandt == mandt, knb1.c.kunnr == kunnr, knb1.c.bukrs == bukrs)).first() \
        is not None


def plan(conn: Connection, mandt: str, document: DocumentInput, *, belnr: str, cpudt: str,
         cputm: str, user: str, own_system: str,
         customizing: dict[str, set[str]]) -> AccountingDocument:
    errors = check(conn, mandt, document, customizing)
    if errors:
        errors.append(sap_message("E", "RW", "609", "Error in document: &1 &2", OBJECT_TYPE,
                                  "$", own_system))
        raise ApplicationError(*errors)
    lines = []
    for number, line in enumerate(document.lines, start=1):
        amount = Decimal(line.amount)
        shkzg = "S" if amount > 0 else "H"
        account = alpha_input(line.account, 10)
        lines.append(PlannedLine(
            buzei=f"{number:03d}", bschl=POSTING_KEYS[(line.account_type, shkzg)],
            koart=line.account_type, shkzg=shkzg, amount=str(abs(amount)),
            hkont=alpha_input(line.gl_account, 10) if line.gl_account else (
                RECONCILIATION_ACCOUNTS.get(line.account_type, account)),
            kunnr=account if line.account_type == "D" else "",
            lifnr=account if line.account_type == "K" else "", sgtxt=line.text,
            zuonr=line.allocation, zfbdt=line.baseline_date or document.pstng_date))
    result = AccountingDocument(
        bukrs=document.comp_code, belnr=belnr, gjahr=document.pstng_date[:4],
        monat=document.pstng_date[4:6], blart=document.doc_type or "SA",
        bldat=document.doc_date or document.pstng_date, budat=document.pstng_date,
        cpudt=cpudt, cputm=cputm, usnam=document.username or user,
        xblnr=document.ref_doc_no, bktxt=document.header_txt,
        waers=document.lines[0].currency, awsys=own_system, lines=lines)
    result.messages.append(sap_message("S", "RW", "605", "Document posted successfully: "
                                       "&1 &2 &3", OBJECT_TYPE, result.obj_key, own_system))
    return result


def save(conn: Connection, mandt: str, document: AccountingDocument) -> None:
    conn.execute(insert(bkpf).values(
        mandt=mandt, bukrs=document.bukrs, belnr=document.belnr, gjahr=document.gjahr,
        blart=document.blart, bldat=document.bldat, budat=document.budat,
        monat=document.monat, cpudt=document.cpudt, cputm=document.cputm,
        usnam=document.usnam, xblnr=document.xblnr, bktxt=document.bktxt,
        waers=document.waers, awtyp=OBJECT_TYPE, awkey=document.obj_key,
        awsys=document.awsys, stblg=""))
    conn.execute(insert(bseg), [{
        "mandt": mandt, "bukrs": document.bukrs, "belnr": document.belnr,
        "gjahr": document.gjahr, "buzei": line.buzei, "bschl": line.bschl,
        "koart": line.koart, "shkzg": line.shkzg, "wrbtr": line.amount, "dmbtr": line.amount,
        "hkont": line.hkont, "kunnr": line.kunnr, "lifnr": line.lifnr, "sgtxt": line.sgtxt,
        "zuonr": line.zuonr, "zfbdt": line.zfbdt, "augbl": "", "augdt": "", "augcp": ""}
        for line in document.lines])


# --- open and cleared items ---------------------------------------------------------------------

def _account_column(account_type: str) -> Any:
    return bseg.c.kunnr if account_type == "D" else bseg.c.lifnr


def items(conn: Connection, mandt: str, bukrs: str, account_type: str, account: str, *,
          cleared: bool, key_date: str = "", date_from: str = "",
          date_to: str = "") -> list[dict[str, Any]]:
    """Line items of a customer or vendor account, open (at ``key_date``) or cleared."""
    query = (select(bseg, bkpf.c.budat, bkpf.c.bldat, bkpf.c.blart, bkpf.c.waers,
                    bkpf.c.xblnr, bkpf.c.bktxt)
             .select_from(bseg.join(bkpf, and_(bkpf.c.mandt == bseg.c.mandt,
                                               bkpf.c.bukrs == bseg.c.bukrs,
                                               bkpf.c.belnr == bseg.c.belnr,
                                               bkpf.c.gjahr == bseg.c.gjahr)))
             .where(bseg.c.mandt == mandt, bseg.c.bukrs == bukrs,
                    bseg.c.koart == account_type,
                    _account_column(account_type) == alpha_input(account, 10))
             .order_by(bseg.c.gjahr, bseg.c.belnr, bseg.c.buzei))
    if cleared:
        query = query.where(bseg.c.augbl != "")
        if date_from:
            query = query.where(bseg.c.augdt >= date_from)
        if date_to:
            query = query.where(bseg.c.augdt <= date_to)
    else:
        query = query.where(bseg.c.augbl == "")
        if key_date:
            query = query.where(bkpf.c.budat <= key_date)
    return [dict(r) for r in conn.execute(query).mappings()]


def clear(conn: Connection, mandt: str, bukrs: str, account_type: str, account: str, *,
          belnr: str, clearing_date: str, cputm: str, user: str,
          documents: list[str] | None = None) -> AccountingDocument | None:
    """The finance clerk's payment run (F-28/F-53): clear the open items of an account.

    Posts a payment document (bank G/L 0000113100 against the account) for the balance of
    the items and marks them cleared with it. Returns it, or ``None`` when nothing is open.
    """
    open_items = [i for i in items(conn, mandt, bukrs, account_type, account, cleared=False)
                  if not documents or i["belnr"] in documents]
    if not open_items:
        return None
    balance = sum((Decimal(i["wrbtr"]) * (1 if i["shkzg"] == "S" else -1) for i in open_items),
                  Decimal(0))
    kunnr = alpha_input(account, 10)
    lines = []
    if balance != 0:
        account_side = "H" if balance > 0 else "S"
        bank_side = "S" if account_side == "H" else "H"
        lines = [
            PlannedLine("001", POSTING_KEYS[(account_type, account_side)], account_type,
                        account_side, str(abs(balance)),
                        RECONCILIATION_ACCOUNTS[account_type],
                        kunnr if account_type == "D" else "",
                        kunnr if account_type == "K" else "", "Clearing", "", clearing_date),
            PlannedLine("002", POSTING_KEYS[("S", bank_side)], "S", bank_side,
                        str(abs(balance)), "0000113100", "", "", "Payment", "",
                        clearing_date),
        ]
    document = AccountingDocument(
        bukrs=bukrs, belnr=belnr, gjahr=clearing_date[:4], monat=clearing_date[4:6],
        blart="DZ" if account_type == "D" else "KZ", bldat=clearing_date,
        budat=clearing_date, cpudt=clearing_date, cputm=cputm, usnam=user, xblnr="",
        bktxt="Payment run", waers=open_items[0]["waers"], awsys="", lines=lines)
    save(conn, mandt, document)
    where_cleared = [(i["bukrs"], i["belnr"], i["gjahr"], i["buzei"]) for i in open_items]
    where_cleared += [(bukrs, belnr, document.gjahr, line.buzei) for line in lines
                      if line.koart == account_type]
    for key in where_cleared:
        conn.execute(update(bseg).where(
            bseg.c.mandt == mandt, bseg.c.bukrs == key[0], bseg.c.belnr == key[1],
            bseg.c.gjahr == key[2], bseg.c.buzei == key[3])
            .values(augbl=belnr, augdt=clearing_date, augcp=clearing_date))
    return document
