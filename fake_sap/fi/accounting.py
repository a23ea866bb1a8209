"""Accounting documents: posting (BAPI_ACC_DOCUMENT_POST), open/cleared items, clearing.

Lines are G/L account lines (account type S), customer lines (AR, D) or vendor lines (AP,
K). Amounts come in signed, in document currency (debit positive, credit negative); a
document must balance to zero. BSEG keeps them unsigned with the debit/credit indicator
SHKZG (S/H), as SAP does. The fiscal year is the calendar year, the period the month. The
reference to the sending application is kept like SAP does: OBJ_TYPE ``BKPFF``, OBJ_KEY =
document number + company code + fiscal year.

The emulator has no vendor master (LFA1/LFB1): vendor lines are accepted for any vendor
number. Customer lines need the customer in the company code (KNB1), whose reconciliation
account (AKONT) becomes the line's G/L account. Customer lines also move the customer's
receivables in credit management (KNKK-SKFOR), which the sales order credit check reads.

Posting happens in two steps like every write BAPI: :func:`check` and :func:`build` at call
time, :func:`save` in the update task at BAPI_TRANSACTION_COMMIT.

Layer: business (FI). The one writer of BKPF and BSEG, and of the receivables in KNKK-SKFOR
(credit exposure). Callers outside FI go through ``fake_sap.fi.services``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from fake_sap.conversion import alpha_input
from fake_sap.db import numbers
from fake_sap.db.documents import bkpf, bseg
from fake_sap.db.schema import kna1, knb1
from fake_sap.errors import SapMessage, declared_message, sap_message
from fake_sap.sd import customer_master

OBJECT_TYPE = "BKPFF"
#: the reference procedure of documents entered in FI itself (FB01, F-28 ...)
FI_OBJECT_TYPE = "BKPF"
CUSTOMER, VENDOR, GL = "D", "K", "S"
DEBIT, CREDIT = "S", "H"
#: reconciliation accounts used when the master has none (vendors have no master here)
RECONCILIATION_ACCOUNTS = {CUSTOMER: "0000140000", VENDOR: "0000160000"}
#: the bank account the clearing run's payments go through
BANK_ACCOUNT = "0000113100"
#: posting keys by account type and debit/credit
POSTING_KEYS = {(GL, DEBIT): "40", (GL, CREDIT): "50", (CUSTOMER, DEBIT): "01",
                (CUSTOMER, CREDIT): "11", (VENDOR, DEBIT): "21", (VENDOR, CREDIT): "31"}
#: the BAPI table each account type comes from, for the message's PARAMETER
PARAMETERS = {GL: "ACCOUNTGL", CUSTOMER: "ACCOUNTRECEIVABLE", VENDOR: "ACCOUNTPAYABLE"}
ACCOUNT_FIELDS = {GL: "GL_ACCOUNT", CUSTOMER: "CUSTOMER", VENDOR: "VENDOR_NO"}
CENT = Decimal("0.01")
#: BSEG-WRBTR is CURR 13.2: eleven digits before the decimal point
LARGEST_AMOUNT = Decimal("99999999999.99")
#: BSEG-BUZEI is NUMC 3
MAX_LINES = 999


@dataclass(frozen=True)
class LineInput:
    itemno: str
    account_type: str  # S G/L, D customer, K vendor
    account: str
    #: signed amount in document currency; "" when CURRENCYAMOUNT has no row for the item
    amount: str
    currency: str = ""
    gl_account: str = ""
    text: str = ""
    allocation: str = ""
    baseline_date: str = ""
    comp_code: str = ""
    #: the BAPI table and 1-based row the line came from, for messages
    row: int = 0
    parameter: str = ""


@dataclass(frozen=True)
class DocumentInput:
    """An accounting document to check and post (BAPI_ACC_DOCUMENT_POST / _CHECK)."""

    comp_code: str
    doc_date: str
    pstng_date: str
    doc_type: str = "SA"
    header_txt: str = ""
    ref_doc_no: str = ""
    username: str = ""
    obj_type: str = ""
    lines: tuple[LineInput, ...] = ()


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
    awtyp: str = OBJECT_TYPE
    #: credit control area of the company code: where customer lines move receivables
    kkber: str = ""

    @property
    def obj_key(self) -> str:
        return f"{self.belnr}{self.bukrs}{self.gjahr}"

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> AccountingDocument:
        return cls(**{**data, "lines": [PlannedLine(**line) for line in data["lines"]]})


def number_range(bukrs: str, gjahr: str) -> str:
    return f"RF_BELEG:{bukrs}:{gjahr}"


def company_code(customizing: dict[str, dict[str, Any]], bukrs: str) -> dict[str, Any] | None:
    """The T001 entry of a company code (currency WAERS, credit control area KKBER)."""
    entry = customizing.get("T001", {}).get(bukrs)
    return dict(entry) if entry is not None else None


# --- posting ------------------------------------------------------------------------------------

def check(conn: Connection, mandt: str, document: DocumentInput,
          customizing: dict[str, dict[str, Any]]) -> list[SapMessage]:
    """Everything that would stop the posting, as RETURN messages (empty: fine)."""
    errors: list[SapMessage] = []
    company = company_code(customizing, document.comp_code)
    if company is None:
        errors.append(declared_message("E", "F5", "165", document.comp_code,
                                       parameter="DOCUMENTHEADER",
                                       field="COMP_CODE"))
    if document.obj_type not in ("", OBJECT_TYPE):
        errors.append(declared_message("E", "RW", "001", document.obj_type,
                                       parameter="DOCUMENTHEADER",
                                       field="OBJ_TYPE"))
    if document.pstng_date in ("", "00000000"):
        errors.append(declared_message("E", "F5", "151", parameter="DOCUMENTHEADER",
                                       field="PSTNG_DATE"))
    if not document.lines:
        errors.append(declared_message("E", "RW", "022", parameter="ACCOUNTGL"))
    if len(document.lines) > MAX_LINES:
        errors.append(declared_message("E", "F5", "727", MAX_LINES, parameter="ACCOUNTGL"))
    seen: set[str] = set()
    for line in document.lines:
        errors += _check_line(conn, mandt, document, line, seen)
    currencies = {line.currency or (company or {}).get("WAERS", "") for line in document.lines}
    if len(currencies) > 1:
        errors.append(declared_message("E", "F5", "703", ", ".join(sorted(currencies)),
                                       parameter="CURRENCYAMOUNT"))
    total = sum((_amount_or_zero(line) for line in document.lines), Decimal(0))
    if document.lines and total != 0:
        errors.append(declared_message("E", "F5", "702", f"{total.quantize(CENT):f}",
                                       next(iter(currencies), ""),
                                       parameter="CURRENCYAMOUNT"))
    return errors


def _amount_or_zero(line: LineInput) -> Decimal:
    try:
        return Decimal(line.amount or 0)
    except InvalidOperation:
        return Decimal(0)


def _check_line(conn: Connection, mandt: str, document: DocumentInput, line: LineInput,
                seen: set[str]) -> list[SapMessage]:
    parameter, row = line.parameter or PARAMETERS[line.account_type], line.row
    errors: list[SapMessage] = []

    def refuse(msgid: str, msgno: str, text: str, *variables: object, field: str = "",
               on: str = parameter) -> None:
        errors.append(sap_message("E", msgid, msgno, text, *variables, parameter=on,
                                  row=row, field=field))

    if line.itemno in seen:
        refuse("RW", "016", "Line item &1 is transferred more than once", line.itemno,
               field="ITEMNO_ACC")
    seen.add(line.itemno)
    if line.comp_code and line.comp_code != document.comp_code:
        refuse("RW", "025", "Line item &1: company code &2 differs from the header's &3 "
                            "(cross-company postings are not emulated)", line.itemno,
               line.comp_code, document.comp_code, field="COMP_CODE")
    try:
        amount = Decimal(line.amount) if line.amount else Decimal(0)
    except InvalidOperation:
        refuse("RW", "023", "Amount &1 is not a number", line.amount, on="CURRENCYAMOUNT")
        return errors
    if amount == 0:
        refuse("F5", "701", "Line item &1 has no amount in CURRENCYAMOUNT", line.itemno,
               field="AMT_DOCCUR", on="CURRENCYAMOUNT")
    elif abs(amount) > LARGEST_AMOUNT:
        refuse("RW", "028", "Amount &1 of line item &2 does not fit a line item (at most "
                            "&3)", f"{amount:f}", line.itemno, LARGEST_AMOUNT,
               field="AMT_DOCCUR", on="CURRENCYAMOUNT")
    elif amount != amount.quantize(CENT):
        refuse("RW", "027", "Amount &1 of line item &2 has more than two decimal places",
               f"{amount:f}", line.itemno, field="AMT_DOCCUR", on="CURRENCYAMOUNT")
    if not line.account:
        refuse("F5", "152", "Line item &1: enter an account", line.itemno,
               field=ACCOUNT_FIELDS[line.account_type])
    elif line.account_type == CUSTOMER:
        errors += _check_customer(conn, mandt, document.comp_code, line, parameter)
    return errors


def _check_customer(conn: Connection, mandt: str, bukrs: str, line: LineInput,
                    parameter: str) -> list[SapMessage]:
    kunnr = account_number(line.account)
    if not customer_exists(conn, mandt, kunnr):
        return [declared_message("E", "F2", "153", kunnr.lstrip("0"), parameter=parameter,
                                 row=line.row, field="CUSTOMER")]
    if _reconciliation_account(conn, mandt, kunnr, bukrs) is None:
        return [declared_message("E", "F5", "153", kunnr.lstrip("0"), bukrs, parameter=parameter,
                                 row=line.row, field="CUSTOMER")]
    return []


def account_number(account: str) -> str:
    try:
        return alpha_input(account, 10)
    except ValueError:
        return account.strip().upper()


def customer_exists(conn: Connection, mandt: str, kunnr: str) -> bool:
    return conn.execute(select(kna1.c.kunnr).where(
        kna1.c.mandt == mandt, kna1.c.kunnr == account_number(kunnr))).first() is not None


def customer_in_company_code(conn: Connection, mandt: str, kunnr: str, bukrs: str) -> bool:
    return _reconciliation_account(conn, mandt, account_number(kunnr), bukrs) is not None


def _reconciliation_account(conn: Connection, mandt: str, kunnr: str, bukrs: str) -> str | None:
    row = conn.execute(select(knb1.c.akont).where(
        knb1.c.mandt == mandt, knb1.c.kunnr == kunnr, knb1.c.bukrs == bukrs)).first()
    if row is None:
        return None
    return row[0] or RECONCILIATION_ACCOUNTS[CUSTOMER]


def build(conn: Connection, mandt: str, document: DocumentInput, *, belnr: str, today: str,
          now_time: str, user: str, own_system: str,
          customizing: dict[str, dict[str, Any]]) -> AccountingDocument:
    """The document as it will be written, for a :func:`check`-ed input and its number."""
    company = company_code(customizing, document.comp_code) or {}
    lines = []
    for number, line in enumerate(document.lines, start=1):
        amount = Decimal(line.amount)
        shkzg = DEBIT if amount > 0 else CREDIT
        account = account_number(line.account)
        lines.append(PlannedLine(
            buzei=f"{number:03d}", bschl=POSTING_KEYS[(line.account_type, shkzg)],
            koart=line.account_type, shkzg=shkzg, amount=f"{abs(amount).quantize(CENT)}",
            hkont=_line_account(conn, mandt, document.comp_code, line, account),
            kunnr=account if line.account_type == CUSTOMER else "",
            lifnr=account if line.account_type == VENDOR else "", sgtxt=line.text,
            zuonr=line.allocation, zfbdt=_date(line.baseline_date) or document.pstng_date))
    return AccountingDocument(
        bukrs=document.comp_code, belnr=belnr, gjahr=document.pstng_date[:4],
        monat=document.pstng_date[4:6], blart=document.doc_type or "SA",
        bldat=_date(document.doc_date) or document.pstng_date, budat=document.pstng_date,
        cpudt=today, cputm=now_time, usnam=document.username or user,
        xblnr=document.ref_doc_no, bktxt=document.header_txt,
        waers=next((line.currency for line in document.lines if line.currency), "")
        or str(company.get("WAERS", "")),
        awsys=own_system, lines=lines, kkber=str(company.get("KKBER", "")))


def _line_account(conn: Connection, mandt: str, bukrs: str, line: LineInput,
                  account: str) -> str:
    if line.account_type == GL:
        return account
    if line.gl_account:
        return account_number(line.gl_account)
    if line.account_type == CUSTOMER:
        return _reconciliation_account(conn, mandt, account, bukrs) or \
            RECONCILIATION_ACCOUNTS[CUSTOMER]
    return RECONCILIATION_ACCOUNTS[VENDOR]


def _date(value: str) -> str:
    return "" if value in ("", "00000000") else value


def posted_message(document: AccountingDocument) -> SapMessage:
    return declared_message("S", "RW", "605", document.awtyp, document.obj_key, document.awsys)


def save(conn: Connection, mandt: str, document: AccountingDocument) -> None:
    """Write BKPF and BSEG, and move the receivables of the customers posted to."""
    conn.execute(insert(bkpf).values(
        mandt=mandt, bukrs=document.bukrs, belnr=document.belnr, gjahr=document.gjahr,
        blart=document.blart, bldat=document.bldat, budat=document.budat,
        monat=document.monat, cpudt=document.cpudt, cputm=document.cputm,
        usnam=document.usnam, xblnr=document.xblnr, bktxt=document.bktxt,
        waers=document.waers, awtyp=document.awtyp, awkey=document.obj_key,
        awsys=document.awsys, stblg=""))
    if not document.lines:
        return  # a clearing of items that balance to zero has a header only
    conn.execute(insert(bseg), [{
        "mandt": mandt, "bukrs": document.bukrs, "belnr": document.belnr,
        "gjahr": document.gjahr, "buzei": line.buzei, "bschl": line.bschl,
        "koart": line.koart, "shkzg": line.shkzg, "wrbtr": line.amount, "dmbtr": line.amount,
        "hkont": line.hkont, "kunnr": line.kunnr, "lifnr": line.lifnr, "sgtxt": line.sgtxt,
        "zuonr": line.zuonr, "zfbdt": line.zfbdt, "augbl": "", "augdt": "", "augcp": ""}
        for line in document.lines])
    for line in document.lines:
        if line.koart == CUSTOMER and document.kkber:
            _move_receivables(conn, mandt, line.kunnr, document.kkber, _signed(line))


def _signed(line: PlannedLine) -> Decimal:
    return Decimal(line.amount) * (1 if line.shkzg == DEBIT else -1)


def _move_receivables(conn: Connection, mandt: str, kunnr: str, kkber: str,
                      delta: Decimal) -> None:
    # KNKK belongs to the customer master; FI only moves the receivables it posted
    customer_master.add_receivables(conn, mandt, kunnr, kkber, delta)


# --- open and cleared items ---------------------------------------------------------------------

def _account_column(account_type: str) -> Any:
    return bseg.c.kunnr if account_type == CUSTOMER else bseg.c.lifnr


def items(conn: Connection, mandt: str, bukrs: str, account_type: str, account: str, *,
          cleared: bool, key_date: str = "", date_from: str = "", date_to: str = "",
          lock: bool = False) -> list[dict[str, Any]]:
    """Line items of a customer or vendor account, open at ``key_date`` or cleared.

    Open at a key date means posted on or before it and not cleared by then: an item
    cleared after the key date still counts, as in SAP (BSID plus BSAD with AUGDT after
    the key date). Cleared items are selected by clearing date (AUGDT).
    """
    query = (select(bseg, bkpf.c.budat, bkpf.c.bldat, bkpf.c.blart, bkpf.c.waers,
                    bkpf.c.xblnr, bkpf.c.bktxt, bkpf.c.monat, bkpf.c.cpudt)
             .select_from(bseg.join(bkpf, and_(bkpf.c.mandt == bseg.c.mandt,
                                               bkpf.c.bukrs == bseg.c.bukrs,
                                               bkpf.c.belnr == bseg.c.belnr,
                                               bkpf.c.gjahr == bseg.c.gjahr)))
             .where(bseg.c.mandt == mandt, bseg.c.bukrs == bukrs,
                    bseg.c.koart == account_type,
                    _account_column(account_type) == account_number(account))
             .order_by(bseg.c.gjahr, bseg.c.belnr, bseg.c.buzei))
    if cleared:
        query = query.where(bseg.c.augbl != "")
        if date_from:
            query = query.where(bseg.c.augdt >= date_from)
        if date_to:
            query = query.where(bseg.c.augdt <= date_to)
    elif key_date:
        query = query.where(bkpf.c.budat <= key_date,
                            or_(bseg.c.augbl == "", bseg.c.augdt > key_date))
    else:
        query = query.where(bseg.c.augbl == "")
    if lock:
        query = query.with_for_update(of=bseg)
    return [dict(r) for r in conn.execute(query).mappings()]


def signed_amount(item: dict[str, Any]) -> Decimal:
    return Decimal(item["wrbtr"]) * (1 if item["shkzg"] == DEBIT else -1)


# --- the clearing run ---------------------------------------------------------------------------

@dataclass
class ClearingRun:
    #: the clearing (payment) document; its lines are empty when the items balance to zero
    document: AccountingDocument
    #: the items that were open and are now cleared, as :func:`items` returns them
    cleared: list[dict[str, Any]]

    @property
    def balance(self) -> Decimal:
        return sum((signed_amount(item) for item in self.cleared), Decimal(0))


def clear(conn: Connection, mandt: str, bukrs: str, account_type: str, account: str, *,
          clearing_date: str, today: str, now_time: str, user: str,
          customizing: dict[str, dict[str, Any]],
          documents: list[str] | None = None) -> ClearingRun | None:
    """The finance clerk's payment run (F-28 incoming / F-53 outgoing payment with clearing).

    Takes the items of the account that are open at ``clearing_date`` (only those of
    ``documents`` when given), posts a payment document for their balance (bank G/L
    0000113100 against the account, on the clearing date) and marks the items and the
    payment's own account line cleared with it (AUGBL, AUGDT). Returns ``None`` when
    nothing is open. Runs in the caller's write transaction, which also draws the number.
    """
    open_items = [item for item in items(conn, mandt, bukrs, account_type, account,
                                         cleared=False, key_date=clearing_date, lock=True)
                  if item["augbl"] == "" and (not documents or item["belnr"] in documents)]
    if not open_items:
        return None
    gjahr = clearing_date[:4]
    belnr = f"{numbers.take(conn, mandt, number_range(bukrs, gjahr)):010d}"
    run = ClearingRun(_payment(bukrs, belnr, account_type, account_number(account),
                               clearing_date, today, now_time, user, open_items,
                               company_code(customizing, bukrs) or {}), open_items)
    run.document.lines = _payment_lines(account_type, account_number(account),
                                        open_items[0]["hkont"], run.balance, clearing_date)
    save(conn, mandt, run.document)
    keys = [(i["belnr"], i["gjahr"], i["buzei"]) for i in open_items]
    keys += [(belnr, gjahr, line.buzei) for line in run.document.lines
             if line.koart == account_type]
    for document_number, year, item in keys:
        conn.execute(update(bseg).where(
            bseg.c.mandt == mandt, bseg.c.bukrs == bukrs, bseg.c.belnr == document_number,
            bseg.c.gjahr == year, bseg.c.buzei == item)
            .values(augbl=belnr, augdt=clearing_date, augcp=today))
    return run


def _payment(bukrs: str, belnr: str, account_type: str, account: str, clearing_date: str,
             today: str, now_time: str, user: str, open_items: list[dict[str, Any]],
             company: dict[str, Any]) -> AccountingDocument:
    return AccountingDocument(
        bukrs=bukrs, belnr=belnr, gjahr=clearing_date[:4], monat=clearing_date[4:6],
        blart="DZ" if account_type == CUSTOMER else "KZ", bldat=clearing_date,
        budat=clearing_date, cpudt=today, cputm=now_time, usnam=user, xblnr="",
        bktxt=f"Payment run {account.lstrip('0')}"[:25], waers=open_items[0]["waers"],
        awsys="", lines=[], awtyp=FI_OBJECT_TYPE, kkber=str(company.get("KKBER", "")))


def _payment_lines(account_type: str, account: str, hkont: str, balance: Decimal,
                   clearing_date: str) -> list[PlannedLine]:
    """The account line that offsets the items' balance, and the bank line."""
    if balance == 0:
        return []
    account_side = CREDIT if balance > 0 else DEBIT
    bank_side = DEBIT if account_side == CREDIT else CREDIT
    amount = f"{abs(balance).quantize(CENT)}"
    return [
        PlannedLine("001", POSTING_KEYS[(account_type, account_side)], account_type,
                    account_side, amount, hkont,
                    account if account_type == CUSTOMER else "",
                    account if account_type == VENDOR else "", "Clearing", "", clearing_date),
        PlannedLine("002", POSTING_KEYS[(GL, bank_side)], GL, bank_side, amount, BANK_ACCOUNT,
                    "", "", "Payment", "", clearing_date),
    ]


# --- reading (the document flow display, FB03) ------------------------------------------------

def documents_numbered(conn: Connection, mandt: str, belnr: str) -> list[dict[str, Any]]:
    """BKPF headers with document number ``belnr`` (in any company code and year)."""
    return [dict(r) for r in conn.execute(select(bkpf).where(
        bkpf.c.mandt == mandt, bkpf.c.belnr == belnr).order_by(
        bkpf.c.bukrs, bkpf.c.gjahr)).mappings()]


def documents_referencing(conn: Connection, mandt: str, awkey: str) -> list[dict[str, Any]]:
    """BKPF headers whose reference key (AWKEY) is ``awkey``."""
    return [dict(r) for r in conn.execute(select(bkpf).where(
        bkpf.c.mandt == mandt, bkpf.c.awkey == awkey).order_by(
        bkpf.c.bukrs, bkpf.c.belnr)).mappings()]


def line_items(conn: Connection, mandt: str, bukrs: str, belnr: str, gjahr: str
               ) -> list[dict[str, Any]]:
    """BSEG lines of one accounting document."""
    return [dict(r) for r in conn.execute(select(bseg).where(
        bseg.c.mandt == mandt, bseg.c.bukrs == bukrs, bseg.c.belnr == belnr,
        bseg.c.gjahr == gjahr).order_by(bseg.c.buzei)).mappings()]
