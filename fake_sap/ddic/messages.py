"""Table T100: the text of every message the emulator issues, one per class and number.

In SAP a message is identified by its class (ARBGB) and number (MSGNR) and has exactly one
short text, with ``&1``..``&4`` for its variables. Every BAPI RETURN row, IDoc status record
and refusal of the emulator names one of the messages declared here; ``fake_sap.errors``
refuses a class and number that is not declared, and a test checks the source for messages
whose text differs from the one declared.

``source`` names the public page that confirms class, number and text, or says "not
confirmed": the emulator then uses that number for lack of a better one, and the text is its
own wording. ``REUSED_NUMBERS`` lists the places where the emulator still gives one number
several texts because SAP's own message for the situation has not been found; they are
listed in docs/messages.md as open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

NOT_CONFIRMED = "not confirmed"


@dataclass(frozen=True, slots=True)
class T100Message:
    """One row of T100: message class, number, short text, and where that is documented."""

    msgid: str
    msgno: str
    text: str
    source: str = NOT_CONFIRMED

    @property
    def key(self) -> tuple[str, str]:
        return self.msgid, self.msgno


class UnknownMessage(LookupError):
    """A message class and number that T100 does not declare: a programming error."""


def _by_key(messages: Iterable[T100Message]) -> dict[tuple[str, str], T100Message]:
    table: dict[tuple[str, str], T100Message] = {}
    for message in messages:
        if message.key in table:
            raise ValueError(f"T100 declares {message.msgid} {message.msgno} twice")
        table[message.key] = message
    return table


T100: Mapping[tuple[str, str], T100Message] = _by_key([
    T100Message("06", "017", "&1 created under the number &2",
                "se80.co.uk, SAP message class 06 (Einkaufsbeleg), message 017; filled in as "
                "'Standard PO created under the number 4500018292' in the RETURN of "
                "BAPI_PO_CREATE shown by Theobald Software's ERPConnect documentation "
                "('Web Applications')"),
    T100Message("B1", "052", "Value &1 of field &2 is not a number", "not confirmed"),
    T100Message("B1", "385",
                "Not posted: IDoc &1 with the same or a newer serialization key was already "
                "posted for &2",
                "not confirmed"),
    T100Message("BAPI", "001",
                "No instance of object type PurchaseOrder has been created. External reference: &1",
                "not confirmed"),
    T100Message("E0", "002", "Error passing data to port: &1", "not confirmed"),
    T100Message("E0", "003", "Data passed to port OK (&1)", "not confirmed"),
    T100Message("E0", "072", "&1/&2: &3", "not confirmed"),
    T100Message("E0", "077", "EDI: Syntax error in IDoc (hierarchy level is invalid)",
                "sapdatasheet.org, \"SAP ABAP Message Class E0 Message Number 077\"; "
                "erplingo.com, \"E0077 - EDI: Syntax error in IDoc (hierarchy level is "
                "invalid)\" (long text: basic type, extension, segment and the hierarchy "
                "level it must have)"),
    T100Message("E0", "337",
                "No inbound partner profile for LS &1 message type &2", "not confirmed"),
    T100Message("E0", "414", "No inbound process code for message type &1", "not confirmed"),
    T100Message("E0", "500",
                "Duplicate: sender IDoc &1 was already received as IDoc &2", "not confirmed"),
    T100Message("EA", "101", "&1/&2: &3", "not confirmed"),
    T100Message("F2", "056", "Customer &1 has been changed", "not confirmed"),
    T100Message("F2", "058", "Customer &1 flagged for deletion", "not confirmed"),
    T100Message("F2", "101", "Account group is missing for new customer &1", "not confirmed"),
    T100Message("F2", "102", "Account group &1 does not exist", "not confirmed"),
    T100Message("F2", "103", "Name is required for new customer &1", "not confirmed"),
    T100Message("F2", "104", "Company code &1 does not exist", "not confirmed"),
    T100Message("F2", "105", "Credit control area &1 does not exist", "not confirmed"),
    T100Message("F2", "106", "Sales area &1/&2/&3 is not defined", "not confirmed"),
    T100Message("F2", "153", "Customer &1 does not exist", "not confirmed"),
    T100Message("F2", "154", "Customer &1 is not created in company code &2", "not confirmed"),
    T100Message("F2", "155", "Customer number &1 is too long", "not confirmed"),
    T100Message("F2", "172", "Customer &1 has been created", "not confirmed"),
    T100Message("F5", "151", "Enter a posting date", "not confirmed"),
    T100Message("F5", "152", "Line item &1: enter an account", "not confirmed"),
    T100Message("F5", "153", "Customer &1 is not defined in company code &2", "not confirmed"),
    T100Message("F5", "165", "Company code &1 does not exist", "not confirmed"),
    T100Message("F5", "701", "Line item &1 has no amount in CURRENCYAMOUNT", "not confirmed"),
    T100Message("F5", "702", "Balance in transaction currency: &1 &2", "not confirmed"),
    T100Message("F5", "703", "Several currencies in one document: &1", "not confirmed"),
    T100Message("F5", "727", "Maximum number of items in FI reached (&1)", "not confirmed"),
    T100Message("FL", "046", "Function module &1 not found", "not confirmed"),
    T100Message("FN", "502", "Customer &1 does not exist", "not confirmed"),
    T100Message("FN", "503", "Customer &1 is not defined in company code &2", "not confirmed"),
    T100Message("FN", "510", "Company code &1 is not defined", "not confirmed"),
    T100Message("FN", "517",
                "No line items were selected for account &1 in company code &2", "not confirmed"),
    T100Message("M3", "158", "Material type &1 does not exist", "not confirmed"),
    T100Message("M3", "302", "Enter a material type for the new material", "not confirmed"),
    T100Message("M3", "305", "The material &1 does not exist or is not activated", "not confirmed"),
    T100Message("M3", "312", "Language &1 is not defined", "not confirmed"),
    T100Message("M3", "344",
                "PLANTDATAX-PLANT must contain the plant of PLANTDATA (&1)", "not confirmed"),
    T100Message("M3", "349",
                "Material type &1 differs from the type &2 of material &3", "not confirmed"),
    T100Message("M3", "351", "Valuation area &1 does not exist", "not confirmed"),
    T100Message("M3", "352", "Price control &1 is not allowed", "not confirmed"),
    T100Message("M3", "731", "Material &1 is not maintained in valuation area &2", "not confirmed"),
    T100Message("M3", "732", "Material &1 is not maintained in plant &2", "not confirmed"),
    T100Message("M3", "800", "Material &1 created", "not confirmed"),
    T100Message("M3", "801", "Material &1 changed", "not confirmed"),
    T100Message("M3", "810", "Material &1 flagged for deletion", "not confirmed"),
    T100Message("M7", "001", "Material &1 does not exist", "not confirmed"),
    T100Message("M7", "002", "Purchase order &1 item &2 does not exist", "not confirmed"),
    T100Message("M7", "003", "Purchase order item &1 &2 is deleted", "not confirmed"),
    T100Message("M7", "004", "Material &1 is not maintained in plant &2", "not confirmed"),
    T100Message("M7", "005",
                "Material &1 is not the material of purchase order item &2 &3", "not confirmed"),
    T100Message("M7", "006",
                "Plant &1 is not the receiving plant &2 of the purchase order item",
                "not confirmed"),
    T100Message("M7", "021", "Deficit of &1 stock &2 &3 &4", "not confirmed"),
    T100Message("M7", "022",
                "Purchase order &1 &2: only &3 issued and not yet received, not &4",
                "not confirmed"),
    T100Message("M7", "024",
                "Unit of entry &1 is not defined for the material (base unit &2)", "not confirmed"),
    T100Message("M7", "063", "Enter a positive quantity (not &1)", "not confirmed"),
    T100Message("M7", "076", "Movement type &1 is not supported", "not confirmed"),
    T100Message("M7", "096", "Enter at least one item", "not confirmed"),
    T100Message("M7", "098", "Enter the customer for consignment stock", "not confirmed"),
    T100Message("M7", "099", "Enter the receiving plant for the stock transfer", "not confirmed"),
    T100Message("M7", "108", "Stock type &1 is not allowed", "not confirmed"),
    T100Message("M7", "116", "Goods receipt for a purchase order needs MVT_IND B", "not confirmed"),
    T100Message("M7", "427",
                "Goods movement code &1 is not supported (01 and 05 are)", "not confirmed"),
    T100Message("ME", "045", "Company code &1 does not exist", "not confirmed"),
    T100Message("ME", "046", "Supplying plant &1 does not exist", "not confirmed"),
    T100Message("ME", "047", "Receiving plant &1 does not exist", "not confirmed"),
    T100Message("ME", "048", "Supplying and receiving plant must differ (&1)", "not confirmed"),
    T100Message("ME", "049", "Material &1 does not exist", "not confirmed"),
    T100Message("ME", "050", "Material &1 is not maintained in plant &2", "not confirmed"),
    T100Message("ME", "061", "Item &1 is given more than once", "not confirmed"),
    T100Message("ME", "062", "No items in the purchase order", "not confirmed"),
    T100Message("ME", "064", "Enter a quantity greater than zero", "not confirmed"),
    T100Message("ME", "082",
                "External number &1: purchase orders are numbered internally", "not confirmed"),
    T100Message("ME", "083",
                "Document type &1 is not supported (only stock transport orders UB)",
                "not confirmed"),
    T100Message("MM", "356", "The material &1 has been created or extended", "not confirmed"),
    T100Message("RW", "001",
                "Reference procedure &1 is not supported; use BKPFF (or leave OBJ_TYPE empty)",
                "not confirmed"),
    T100Message("RW", "014",
                "Item &1 of CURRENCYAMOUNT has no account item with the same ITEMNO_ACC",
                "not confirmed"),
    T100Message("RW", "016", "Line item &1 is transferred more than once", "not confirmed"),
    T100Message("RW", "022", "No line items were transferred", "not confirmed"),
    T100Message("RW", "023", "Amount &1 is not a number", "not confirmed"),
    T100Message("RW", "025",
                "Line item &1: company code &2 differs from the header's &3 (cross-company "
                "postings are not emulated)",
                "not confirmed"),
    T100Message("RW", "027",
                "Amount &1 of line item &2 has more than two decimal places", "not confirmed"),
    T100Message("RW", "028",
                "Amount &1 of line item &2 does not fit a line item (at most &3)", "not confirmed"),
    T100Message("RW", "605", "Document posted successfully: &1 &2 &3", "not confirmed"),
    T100Message("RW", "609", "Error in document: &1 &2 &3", "not confirmed"),
    T100Message("RW", "614", "Document check without errors", "not confirmed"),
    T100Message("V1", "007", "Document number &1 is not valid", "not confirmed"),
    # the lock message the SAP reference names for sales documents (practitioner knowledge);
    # issued only by the fault kind "locked"
    T100Message("V1", "042", "Sales document &1 is currently being processed by &2",
                "not confirmed"),
    T100Message("V1", "008", "Sales document &1 already exists", "not confirmed"),
    T100Message("V1", "154",
                "Credit limit exceeded: exposure &1 &2 above limit &3 &2 of customer &4; the "
                "document is blocked for delivery",
                "not confirmed"),
    T100Message("V1", "155",
                "Customer &1 is blocked by credit management; the document is blocked for delivery",
                "not confirmed"),
    T100Message("V1", "301",
                "Reference document category &1 is not supported: only sales orders (C) can be "
                "referenced",
                "not confirmed"),
    T100Message("V1", "302",
                "SD document &1 is not in the database or has been archived", "not confirmed"),
    T100Message("V1", "303",
                "Reference document &1 belongs to another sold-to party", "not confirmed"),
    T100Message("V1", "304",
                "Item &1: name the reference item (REF_DOC_IT) or the material", "not confirmed"),
    T100Message("V1", "305", "Item &1 of reference document &2 does not exist", "not confirmed"),
    T100Message("V1", "306",
                "Material &1 differs from material &2 of reference item &3", "not confirmed"),
    T100Message("V1", "307", "Item number &1 is used twice", "not confirmed"),
    T100Message("V1", "309", "Condition type &1 is not allowed (maintained: &2)", "not confirmed"),
    T100Message("V1", "311", "&1 &2 has been saved", "not confirmed"),
    T100Message("V1", "317", "Sales area &1 is not defined", "not confirmed"),
    T100Message("V1", "382",
                "Material &1 is not defined for sales org. &2, distr. chan. &3", "not confirmed"),
    T100Message("V1", "390", "Enter a material for item &1", "not confirmed"),
    T100Message("V1", "391",
                "Material &1 does not exist or is flagged for deletion", "not confirmed"),
    T100Message("V1", "392", "Material &1 is not maintained in plant &2", "not confirmed"),
    T100Message("V1", "393", "Storage location &1 is not defined in plant &2", "not confirmed"),
    T100Message("V1", "394", "Unit &1 is not defined for material &2 (use &3)", "not confirmed"),
    T100Message("V1", "395",
                "Item &1: only &2 &3 of order &4 item &5 can still be returned", "not confirmed"),
    T100Message("V1", "396", "Item &1: price &2 or net value &3 is too large", "not confirmed"),
    T100Message("V1", "404", "Quantity &1 is not a number", "not confirmed"),
    T100Message("V1", "405", "Enter a quantity greater than zero for item &1", "not confirmed"),
    T100Message("V1", "501",
                "Item &1: only &2 of &3 &4 can be confirmed for material &5", "not confirmed"),
    T100Message("V1", "555", "The sales document is not yet complete: no items", "not confirmed"),
    T100Message("V1", "800", "Enter a sales document type", "not confirmed"),
    T100Message("V1", "801", "Sales document type &1 is not defined", "not confirmed"),
    T100Message("V1", "802",
                "Sales document type &1 is not a returns document type", "not confirmed"),
    T100Message("V4", "009",
                "Test run: &1 would have been saved (no document was created)", "not confirmed"),
    T100Message("V4", "219", "Sales document was not changed", "not confirmed"),
    T100Message("V4", "248", "Error in SALES_ITEM_IN &1", "not confirmed"),
    T100Message("V4", "233", "&1 has been processed successfully", "not confirmed"),
    T100Message("VG", "140", "Item &1: no material number (E1EDP19 QUALF 002)", "not confirmed"),
    T100Message("VG", "141", "Material number &1 is too long", "not confirmed"),
    T100Message("VG", "202", "Sold-to party (E1EDKA1 PARVW AG) is missing", "not confirmed"),
    T100Message("VG", "203", "Partner number &1 is not valid", "not confirmed"),
    T100Message("VG", "204",
                "Sales area could not be determined for sold-to party &1",
                "help.sap.com, AFS 'Document Header: Organizational Data (Segment E1EDK14)': "
                "the number for a failed sales area determination; the text is not confirmed"),
    T100Message("VII", "003",
                "ISO conversion error for &1 in segment &2 (&3), field &4",
                "stechno.net, SAP Message VII003 (ISO conversion error for & in segment & (&), "
                "field &)"),
    T100Message("VL", "001", "Delivery &1 does not exist", "not confirmed"),
    T100Message("VL", "003",
                "DELIVERY, HEADER_DATA and HEADER_CONTROL name different deliveries: &1",
                "not confirmed"),
    T100Message("VL", "004", "No ITEM_DATA row for item &1", "not confirmed"),
    T100Message("VL", "023", "Document &1 is blocked for delivery (credit check)", "not confirmed"),
    T100Message("VL", "150", "No items of &1 can be delivered (nothing open)", "not confirmed"),
    T100Message("VL", "248",
                "Material &1: only &2 &3 available in plant &4, &5 requested", "not confirmed"),
    T100Message("VL", "302", "Item &1 does not exist in document &2", "not confirmed"),
    T100Message("VL", "303", "Item &1 of &2: only &3 &4 are still open, not &5", "not confirmed"),
    T100Message("VL", "304",
                "Item &1 of &2 must be delivered complete (partial deliveries are not agreed)",
                "not confirmed"),
    T100Message("VL", "305", "Quantity &1 is not allowed", "not confirmed"),
    T100Message("VL", "306", "Item &1 of &2 is in unit &3, not &4", "not confirmed"),
    T100Message("VL", "311", "Delivery &1 has been saved", "not confirmed"),
    T100Message("VL", "363",
                "Delivery &1: the last item cannot be deleted; delete the delivery",
                "not confirmed"),
    T100Message("VL", "441", "Shipping point &1 is not defined", "not confirmed"),
    T100Message("VL", "602", "&1 for delivery &2 has already been posted", "not confirmed"),
    T100Message("VL", "609",
                "Delivery &1 cannot be &2: goods movement has been posted", "not confirmed"),
    T100Message("VP", "112", "Partner &1 (function &2) does not exist", "not confirmed"),
    T100Message("VP", "113", "Customer &1 is blocked for sales orders", "not confirmed"),
    T100Message("VP", "199", "Customer &1 is not defined for sales area &2/&3/&4", "not confirmed"),
    T100Message("VP", "200", "Partner function &1 is not defined", "not confirmed"),
    T100Message("VP", "201", "Partner function &1 can only be entered once", "not confirmed"),
    T100Message("VP", "202", "Enter the sold-to party (partner function AG)", "not confirmed"),
    T100Message("VP", "203", "Enter a partner number for partner function &1", "not confirmed"),
])

#: texts the emulator still issues under a number that T100 declares with another text
REUSED_NUMBERS: tuple[T100Message, ...] = (
    T100Message("06", "017", "Stock transport order will be created (test run)"),
    T100Message("M3", "302", "A description is required for new material &1"),
    T100Message("M3", "302", "Base unit of measure is missing for new material &1"),
    T100Message("M3", "302",
                "Enter a base unit of measure for the new material (CLIENTDATA-BASE_UOM with "
                "CLIENTDATAX-BASE_UOM = X)"),
    T100Message("M3", "302", "Enter a material description for the new material"),
    T100Message("M3", "302", "Enter an industry sector for the new material"),
    T100Message("M3", "302", "Material type is missing for new material &1"),
    T100Message("M3", "305", "Material &1 does not exist"),
    T100Message("M3", "305", "Material number &1 is too long"),
    T100Message("M3", "312", "Language of description &1 is missing or unknown"),
    T100Message("M3", "344",
                "SALESDATAX must contain the sales organization and distribution channel of "
                "SALESDATA (&1/&2)"),
    T100Message("M3", "344",
                "VALUATIONDATAX must contain the valuation area and type of VALUATIONDATA (&1)"),
    T100Message("M3", "344",
                "STORAGELOCATIONDATAX must contain the plant and storage location of "
                "STORAGELOCATIONDATA (&1/&2)"),
    T100Message("M3", "351", "Unit of measure &1 is not defined"),
    T100Message("M3", "351", "Delivering plant &1 does not exist"),
    T100Message("M3", "351", "Plant &1 does not exist"),
    T100Message("M3", "351", "Distribution channel &1 is not defined"),
    T100Message("M3", "351", "Sales organization &1 / distribution channel &2 is not defined"),
    T100Message("M3", "351", "Sales organization &1 is not defined"),
    T100Message("M3", "351", "Storage location &1 does not exist in plant &2"),
    T100Message("M3", "351", "Unit of measure &1 is not defined for material &2"),
    T100Message("M7", "001", "Plant &1 does not exist"),
    T100Message("M7", "001", "Storage location &1 &2 does not exist"),
    T100Message("M7", "076", "Movement type &1 is not allowed with goods movement code &2"),
    T100Message("V1", "306", "Schedule line &1: item &2 does not exist in the document"),
    T100Message("V1", "306", "Condition &1: item &2 does not exist in the document"),
    T100Message("V1", "311", "Condition &1 of item &2 may not be negative"),
    T100Message("V4", "233", "&1 &2 has been processed successfully"),
    T100Message("VL", "001", "&1 &2 does not exist"),
    T100Message("VL", "001", "Document &1 does not exist"),
    T100Message("VL", "001", "Enter the delivery (DELIVERY or VBKOK_WA-VBELN_VL)"),
    T100Message("VL", "001", "Enter the delivery (DELIVERY)"),
    T100Message("VL", "001", "Enter the reference document"),
    T100Message("VL", "003", "Item control row &1 names another delivery"),
    T100Message("VL", "003", "VBPOK_TAB row &1 names delivery &2, not &3"),
    T100Message("VL", "023", "Document &1 is blocked for delivery (delivery block &2)"),
    T100Message("VL", "150", "No items were transferred in &1"),
    T100Message("VP", "112", "Customer &1 (partner function &2) does not exist"),
    T100Message("VP", "113", "Customer &1 is not a provincial center (account group &2)"),
)


def t100(msgid: str, msgno: str) -> T100Message:
    """The declared message ``msgid msgno``; :class:`UnknownMessage` if there is none."""
    try:
        return T100[(msgid, msgno)]
    except KeyError:
        raise UnknownMessage(f"message {msgid} {msgno} is not declared in T100 "
                             "(fake_sap/ddic/messages.py)") from None


def is_declared(msgid: str, msgno: str, text: str) -> bool:
    """Whether ``text`` is the declared text of ``msgid msgno`` (or a listed reuse of it)."""
    return t100(msgid, msgno).text == text or any(
        m.key == (msgid, msgno) and m.text == text for m in REUSED_NUMBERS)


def reference_page() -> str:
    """docs/messages.md: every declared message with its source, then the open reuses."""
    sourced = sum(1 for m in T100.values() if m.source != NOT_CONFIRMED)
    lines = [
        "# Messages (T100)",
        "",
        "<!-- generated by `fake-sap contracts` from fake_sap/ddic/messages.py; do not edit -->",
        "",
        "Every message the emulator issues (BAPI RETURN rows, IDoc status records, refusals), "
        "with SAP's message class and number, the short text with its variables `&1`..`&4`, "
        "and the public page that confirms it. \"not confirmed\" means no public source was "
        "found for that class, number and text: the emulator uses the number for lack of a "
        "better one and the text is its own wording, so a client must not rely on it.",
        "",
        f"{len(T100)} messages, {sourced} with a public source (the column says what "
        "it confirms).",
        "",
        "| Class | Number | Text | Source |",
        "|---|---|---|---|",
    ]
    for message in sorted(T100.values(), key=lambda m: m.key):
        lines.append(f"| {message.msgid} | {message.msgno} | {_cell(message.text)} "
                     f"| {_cell(message.source)} |")
    lines += [
        "",
        "## Numbers still used for more than one text",
        "",
        "In SAP a class and number has one text. The emulator still issues these texts under "
        "a number declared above with another text, because SAP's own message for the "
        "situation has not been found in a public source. They are open defects: do not "
        "rely on the number of these messages.",
        "",
        "| Class | Number | Text also issued |",
        "|---|---|---|",
    ]
    for message in sorted(REUSED_NUMBERS, key=lambda m: (m.key, m.text)):
        lines.append(f"| {message.msgid} | {message.msgno} | {_cell(message.text)} |")
    beyond_four = [m for m in (*T100.values(), *REUSED_NUMBERS) if _MORE_THAN_FOUR.search(m.text)]
    lines += [
        "",
        "## Other known gaps",
        "",
        "- IDoc syntax errors (status 60): a segment the IDoc type declares, found under a "
        "parent (or at the top level) where it may not stand, carries E0 077; every other "
        "finding (unknown segment, segment occurring too often or missing, field too long, "
        "not a date or number, not defined, mandatory field empty) carries E0 072, a "
        "number not confirmed for them. Only the first finding of an IDoc decides the number. The "
        "status text of both is the emulator's located description (segment path, field, "
        "reason) and the variables are path, field and reason, not SAP's short text of "
        "E0 077 with its variables (basic type, extension, segment, hierarchy level). The "
        "order of segments within their parent is not checked. SAP's numbers for the other "
        "findings were not found in a public source. Searched for unknown segment, wrong "
        "order, field too long, too many segments and missing mandatory segment: the E0 "
        "message pages of sapdatasheet.org and stechno.net (the pages found are 051, 077, "
        "744, 768, 777, 778 and 803, none of the others a syntax finding of inbound "
        "data records), erplingo.com (E0 077, and pages of the classes EA, IDOC_ADAPTER "
        "and ECCEDI), SAP Community threads (the text \"EDI: Syntax error in IDoc (segment "
        "cannot be identified)\" is quoted, for an outbound IDoc in status 26, without its "
        "number), and IDoc samples and mappings in public repositories (no E0 number "
        "quoted).",
        "- The material master numbers (M3) listed above as not confirmed, and the reuses "
        "below, were searched on sapdatasheet.org and stechno.net without a page for the "
        "situations the emulator reports; the sales numbers (V1) were not searched yet. "
        "Both are kept until a public source gives SAP's number.",
        "- A T100 message has at most four variables (MESSAGE_V1..V4). These texts use more; "
        "RETURN rows carry only the first four values as MESSAGE_V1..V4:",
        "",
    ]
    lines += [f"  - {m.msgid} {m.msgno} \"{m.text}\""
              for m in sorted(beyond_four, key=lambda m: m.key)]
    return "\n".join(lines) + "\n"


_MORE_THAN_FOUR = re.compile(r"&[5-9]")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
