"""The accounting document tables: BKPF (header) and BSEG (line items).

Each declares, in SAP's order and with SAP's types and lengths, the leading fields its public
listing shows and, after them, the further fields the emulator's postings keep. The fields
the emulator never fills are declared not kept (no column; RFC_READ_TABLE reads them as their
initial value). What the listings do not confirm is said in each table's notes.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, TIMS, char, cuky, curr, dec, numc

_AMOUNT = curr(13)
_RATE = dec(9, 5)
_STECHNO = ("stechno.net, \"SAP Table {name}\" "
            "(https://stechno.net/repository/sap-tables.html?id={name}); field order checked "
            "against sapdatasheet.org, \"SAP ABAP Table {name}\" "
            "(https://www.sapdatasheet.org/abap/tabl/{lower}.html)")


def _listing(name: str) -> str:
    return _STECHNO.format(name=name, lower=name.lower())


def _document_key() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client", check_table="T000"),
            key("BUKRS", char(4), "Company Code", check_table="T001"),
            key("BELNR", char(10), "Accounting Document Number", element=""),
            key("GJAHR", numc(4), "Fiscal Year"))


def _header_indexes() -> list[SchemaItem]:
    # the adapter finds a settlement's document by its reference key
    return [Index("ix_bkpf_reference", "mandt", "awkey")]


BKPF = TableDeclaration(
    "BKPF", "Accounting Document Header",
    (
        *_document_key(),
        data("BLART", char(2), "Document Type", check_table="T003"),
        data("BLDAT", DATS, "Document Date in Document"),
        data("BUDAT", DATS, "Posting Date in the Document"),
        data("MONAT", numc(2), "Fiscal Period"),
        data("CPUDT", DATS, "Day On Which Accounting Document Was Entered"),
        data("CPUTM", TIMS, "Time of Entry"),
        data("AEDAT", DATS, "Date of the Last Document Change by Transaction", element="",
             kept=False),
        data("UPDDT", DATS, "Date of the Last Document Update", kept=False),
        data("WWERT", DATS, "Translation Date", kept=False),
        data("USNAM", char(12), "User name"),
        data("TCODE", char(20), "Transaction Code", kept=False),
        data("BVORG", char(16), "Number of Cross-Company Code Posting Transaction",
             kept=False),
        data("XBLNR", char(16), "Reference Document Number", element=""),
        data("DBBLG", char(10), "Recurring Entry Document Number", kept=False),
        data("STBLG", char(10), "Reverse Document Number"),
        data("STJAH", numc(4), "Reverse document fiscal year", kept=False),
        data("BKTXT", char(25), "Document Header Text"),
        data("WAERS", cuky(), "Currency Key", check_table="TCURC"),
        data("KURSF", _RATE, "Exchange rate", kept=False),
        data("KZWRS", cuky(), "Currency Key for the Group Currency", element="",
             check_table="TCURC", kept=False),
        data("KZKRS", _RATE, "Group Currency Exchange Rate", kept=False),
        data("BSTAT", char(1), "Document Status", kept=False),
        data("XNETB", char(1), "Indicator: Document posted net ?", kept=False),
        data("FRATH", _AMOUNT, "Unplanned delivery costs", kept=False),
        data("XRUEB", char(1), "Indicator: Document is posted to a previous period",
             kept=False),
        data("GLVOR", char(4), "Business Transaction", kept=False),
        data("GRPID", char(12), "Batch Input Session Name", kept=False),
        data("DOKID", char(40), "Document Name in the Archive System", kept=False),
        data("ARCID", char(10), "Extract ID Document Header", kept=False),
        data("IBLAR", char(2), "Internal Document Type for Document Control", kept=False),
        data("AWTYP", char(5), "Reference Transaction"),
        data("AWKEY", char(20), "Reference Key"),
        data("FIKRS", char(4), "Financial Management Area", kept=False),
        data("HWAER", cuky(), "Local Currency", element="", kept=False),
        data("HWAE2", cuky(), "Currency Key of Second Local Currency", kept=False),
        data("HWAE3", cuky(), "Currency Key of Third Local Currency", kept=False),
        data("KURS2", _RATE, "Exchange Rate for the Second Local Currency", kept=False),
        data("KURS3", _RATE, "Exchange Rate for the Third Local Currency", kept=False),
        data("BASW2", char(1), "Source Currency for Currency Translation", kept=False),
        data("BASW3", char(1), "Source Currency for Currency Translation", kept=False),
        data("UMRD2", char(1), "Translation Date Type for Second Local Currency",
             kept=False),
        data("UMRD3", char(1), "Translation Date Type for Third Local Currency", kept=False),
        data("XSTOV", char(1), "Indicator: Document is flagged for reversal", kept=False),
        data("STODT", DATS, "Planned date for the reverse posting", kept=False),
        data("XMWST", char(1), "Calculate tax automatically", kept=False),
        data("CURT2", char(2), "Currency Type of Second Local Currency", kept=False),
        data("CURT3", char(2), "Currency Type of Third Local Currency", kept=False),
        data("KUTY2", char(4), "Exchange Rate Type", kept=False),
        data("KUTY3", char(4), "Exchange Rate Type", kept=False),
        data("XSNET", char(1), "G/L account amounts entered exclude tax", kept=False),
        data("AUSBK", char(4), "Source Company Code", kept=False),
        data("XUSVR", char(1), "Indicator: US taxes changed at detail level ?", kept=False),
        data("DUEFL", char(1), "Status of Data Transfer into Subsequent Release",
             kept=False),
        data("AWSYS", char(10), "Logical system"),
        data("TXKRS", _RATE, "Exchange Rate for Taxes", kept=False),
        data("LOTKZ", char(10), "Lot Number for Documents", kept=False),
        data("XWVOF", char(1), "Indicator: Customer bill of exchange payment before due "
                               "date", kept=False),
        data("STGRD", char(2), "Reason for Reversal", kept=False),
        data("PPNAM", char(12), "Name of User Who Parked this Document", kept=False),
        data("BRNCH", char(4), "Branch number", kept=False),
        data("NUMPG", numc(3), "Number of pages of invoice", kept=False),
        data("ADISC", char(1), "Indicator: entry represents a discount document",
             kept=False),
        data("XREF1_HD", char(20), "Reference Key 1 Internal for Document Header",
             kept=False),
        data("XREF2_HD", char(20), "Reference Key 2 Internal for Document Header",
             kept=False),
        data("XREVERSAL", char(1), "Specifies whether doc. is reversal doc. or reversed doc.",
             kept=False),
        data("REINDAT", DATS, "Invoice Receipt Date", kept=False),
        data("RLDNR", char(2), "Ledger in General Ledger Accounting", kept=False),
        data("LDGRP", char(4), "Ledger Group", kept=False),
        data("PROPMANO", char(13), "Real Estate Management Mandate", kept=False),
        data("XBLNR_ALT", char(26), "Alternative Reference Number", kept=False),
        # the append ABKPF_PSO (IS-PS: payment requests)
        data("PSOTY", char(2), "Document category payment requests", check_table="PSOTP",
             kept=False),
        data("PSOAK", char(10), "Reason", check_table="PSO12", kept=False),
        data("PSOKS", char(10), "Region", kept=False),
        data("PSOSG", char(1), "Reason for reversal - IS-PS requests", kept=False),
        data("PSOFN", char(30), "IS-PS: File number", kept=False),
        data("INTFORM", char(4), "Interest Formula", kept=False),
        data("INTDATE", DATS, "Interest Calc. Date", kept=False),
        data("PSOBT", DATS, "Posting Day", kept=False),
        data("PSOZL", char(1), "Actual posting", kept=False),
        data("PSODT", DATS, "Last Changed On", kept=False),
        data("PSOTM", TIMS, "Last changed at", kept=False),
    ),
    source=(_listing("BKPF") + ", fields MANDT to AWKEY with their texts; \"TABLE "
            "DEFINITIONS FOR AUDIT ANALYSIS - BKPF\" (scribd.com document 52929617, \"SAP "
            "Tables\"), every field to XBLNR_ALT and the append ABKPF_PSO with data element, "
            "type and length; sapdatasheet.org, \"SAP ABAP Table ABKPF_PSO\" "
            "(https://www.sapdatasheet.org/abap/tabl/abkpf_pso.html) and the data elements of "
            "BKPF_ADD (https://www.sapdatasheet.org/wil/abap/tabl/bkpf_add/dtel.html), texts"),
    notes=("SAP's ECC 6.0 field list with the append ABKPF_PSO (IS-PS payment requests), in "
           "SAP's order. The audit listing names ARCID twice; it is declared once. The short "
           "texts from FIKRS on are those of the fields' data elements where sapdatasheet.org "
           "shows them (FIKRS, the local currencies and rates, BASW2/BASW3, UMRD2/UMRD3, "
           "CURT2/CURT3, KUTY2/KUTY3, AUSBK, DUEFL, BRNCH, NUMPG, ADISC, the PSO fields); "
           "the texts of XSTOV, STODT, XMWST, XSNET, XUSVR, TXKRS, LOTKZ, XWVOF, STGRD, "
           "PPNAM, XREF1_HD, XREF2_HD, XREVERSAL, REINDAT, RLDNR, LDGRP, PROPMANO and "
           "XBLNR_ALT are not confirmed by a public listing seen (their names, types and "
           "lengths are). Appends of later enhancement packages or industry solutions other "
           "than IS-PS are not declared."),
    first_columns=("mandt", "bukrs", "belnr", "gjahr", "blart", "bldat", "budat", "monat",
                   "cpudt", "cputm", "usnam", "xblnr", "bktxt", "waers", "awtyp", "awkey",
                   "awsys", "stblg"),
    own_columns=_header_indexes,
)


def _item_indexes() -> list[SchemaItem]:
    # open items per customer and per vendor (the settlement and the account statements)
    return [Index("ix_bseg_customer", "mandt", "bukrs", "kunnr"),
            Index("ix_bseg_vendor", "mandt", "bukrs", "lifnr")]


BSEG = TableDeclaration(
    "BSEG", "Accounting Document Segment",
    (
        *_document_key(),
        key("BUZEI", numc(3), "Number of Line Item Within Accounting Document"),
        data("BUZID", char(1), "Identification of the Line Item", kept=False),
        data("AUGDT", DATS, "Clearing Date"),
        data("AUGCP", DATS, "Clearing Entry Date"),
        data("AUGBL", char(10), "Document Number of the Clearing Document"),
        data("BSCHL", char(2), "Posting Key", check_table="TBSL"),
        data("KOART", char(1), "Account Type"),
        data("UMSKZ", char(1), "Special G/L Indicator", check_table="T074U", kept=False),
        data("UMSKS", char(1), "Special G/L Transaction Type", kept=False),
        data("ZUMSK", char(1), "Target Special G/L Indicator", check_table="T074U",
             kept=False),
        data("SHKZG", char(1), "Debit/Credit Indicator"),
        data("GSBER", char(4), "Business Area", check_table="TGSB", kept=False),
        data("PARGB", char(4), "Trading Partner's Business Area", check_table="TGSB",
             kept=False),
        data("MWSKZ", char(2), "Sales Tax Code", kept=False),
        data("QSSKZ", char(2), "Withholding Tax Code", check_table="T059Q", kept=False),
        data("DMBTR", _AMOUNT, "Amount in Local Currency", initial="0"),
        data("WRBTR", _AMOUNT, "Amount in Document Currency", initial="0"),
        data("KZBTR", _AMOUNT, "Original Reduction Amount in Local Currency", kept=False),
        data("PSWBT", _AMOUNT, "Amount for Updating in General Ledger", kept=False),
        data("PSWSL", cuky(), "Update Currency for General Ledger Transaction Figures",
             element="", check_table="TCURC", kept=False),
        data("TXBHW", _AMOUNT, "Original Tax Base Amount in Local Currency", kept=False),
        data("TXBFW", _AMOUNT, "Original Tax Base Amount in Document Currency", kept=False),
        data("MWSTS", _AMOUNT, "Tax Amount in Local Currency", kept=False),
        data("WMWST", _AMOUNT, "Tax Amount in Document Currency", kept=False),
        data("HWBAS", _AMOUNT, "Tax Base Amount in Local Currency", kept=False),
        data("FWBAS", _AMOUNT, "Tax Base Amount in Document Currency", kept=False),
        data("HWZUZ", _AMOUNT, "Provision Amount in Local Currency", kept=False),
        data("FWZUZ", _AMOUNT, "Additional Tax in Document Currency", kept=False),
        data("SHZUZ", char(1), "Debit/Credit Addition for Cash Discount", kept=False),
        data("STEKZ", char(2), "Version Number Component", kept=False),
        # after the listing's part this declaration confirms (see notes), in SAP's order
        data("ZUONR", char(18), "Assignment Number"),
        data("SGTXT", char(50), "Item Text"),
        data("HKONT", char(10), "General Ledger Account"),
        data("KUNNR", char(10), "Customer Number", element=""),
        data("LIFNR", char(10), "Account Number of Vendor or Creditor"),
        data("ZFBDT", DATS, "Baseline Date for Due Date Calculation"),
    ),
    source=_listing("BSEG"),
    notes=("BSEG is a cluster table in ECC 6.0 (table cluster RFBLG; sapdatasheet.org shows "
           "table category CLUSTER, pool/cluster RFBLG). Open SQL reads a cluster table "
           "like a transparent one, and so does RFC_READ_TABLE (a stackoverflow.com answer, "
           "\"Data compression algorithm in SAP clusters\", calls RFC_READ_TABLE a generic "
           "reader of any table, cluster tables included); the database holds the cluster "
           "RFBLG, which SQL outside the ABAP kernel cannot read. From ABAP 7.53 on, the "
           "cluster tables were made transparent tables (same answer). The emulator keeps "
           "BSEG as a plain table. The fields from MANDT to STEKZ are SAP's, in SAP's order, "
           "as the listing shows them; ZUONR, SGTXT, HKONT, KUNNR, LIFNR and ZFBDT follow "
           "later in SAP's table, in this order but not next to each other. The fields "
           "between STEKZ and them and after them (some 300 in ECC 6.0) are not declared "
           "yet: the listings seen were cut off after STEKZ."),
    first_columns=("mandt", "bukrs", "belnr", "gjahr", "buzei", "bschl", "koart", "shkzg",
                   "wrbtr", "dmbtr", "hkont", "kunnr", "lifnr", "sgtxt", "zuonr", "zfbdt",
                   "augbl", "augdt", "augcp"),
    own_columns=_item_indexes,
)

TABLES = (BKPF, BSEG)
