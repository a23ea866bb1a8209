"""ORDERS05: purchase order / sales order (message type ORDERS), inbound to SD.

Each segment lists SAP's standard fields in SAP's order with the lengths of the segment
definition, as far as a public reference confirms them; ``source`` names the reference and
``notes`` what it did not confirm (those fields are left out rather than guessed).
"""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, D, T, Q, DE = (SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.TIMS, SapType.QUAN,
                    SapType.DEC)

_LADS = ("GitHub, pandaasu/ANZregional, SOURCE/LADS/BASE/ORACLE/ATLLAD09/lads_atllad09.sql "
         "(an inbound interface for purchase orders in the ORDERS format that declares each "
         "field of the segment with its length; record {record})")
#: where that program's record is not in SAP's order, it is used for lengths and presence only
_LADS_LIMITS = ("The program lists E1EDK01 and E1EDKA1 in an order of its own, so it is "
                "used here only where its order agrees with an independent listing or the "
                "segment is short; fields that later segment versions append after the "
                "last one listed there are not confirmed and not declared.")

E1EDK01 = Segment(
    "E1EDK01", "IDoc: Document header general data",
    fields(("ACTION", 3, C, "Action code for the whole EDI message"),
           ("KZABS", 1, C, "Flag: order acknowledgment required"),
           ("CURCY", 3, C, "Currency"),
           ("HWAER", 3, C, "EDI local currency"),
           ("WKURS", 12, C, "Exchange rate"),
           ("ZTERM", 17, C, "Terms of payment key"),
           ("KUNDEUINR", 20, C, "VAT registration number (customer)"),
           ("EIGENUINR", 20, C, "VAT registration number (own)"),
           ("BSART", 4, C, "Document type"),
           ("BELNR", 35, C, "IDoc document number"),
           ("NTGEW", 18, Q, "Net weight"),
           ("BRGEW", 18, Q, "Total weight"),
           ("GEWEI", 3, C, "Weight unit"),
           ("FKART_RL", 4, C, "Invoice list type"),
           ("ABLAD", 25, C, "Unloading point"),
           ("BSTZD", 4, C, "Purchase order number supplement"),
           ("VSART", 2, C, "Shipping type"),
           ("VSART_BEZ", 20, C, "Description of the shipping type"),
           ("RECIPNT_NO", 10, C, "Number of recipient (for control by the ALE model)"),
           ("KZAZU", 1, C, "Order combination indicator"),
           ("AUTLF", 1, C, "Complete delivery defined for each sales order?"),
           ("AUGRU", 3, C, "Order reason"),
           ("AUGRU_BEZ", 40, C, "Description of the order reason"),
           ("ABRVW", 3, C, "Usage indicator"),
           ("ABRVW_BEZ", 20, C, "Description of the usage indicator"),
           ("FKTYP", 1, C, "Billing category"),
           ("LIFSK", 2, C, "Delivery block"),
           ("LIFSK_BEZ", 20, C, "Description of the delivery block"),
           ("EMPST", 25, C, "Receiving point"),
           ("ABTNR", 4, C, "Department number"),
           ("DELCO", 3, C, "Agreed delivery time"),
           ("WKURS_M", 12, C, "Indirectly quoted exchange rate in an IDoc segment")),
    min_occurs=1,
    source="beyondse16.com, \"Complete field list of E1EDK01 - IDoc: Document header general "
           "data\" (all 32 fields in SAP's order with their segment lengths); sapdatasheet.org, "
           "\"E2EDK01002\" for the first 20 (same order and lengths); " +
           _LADS.format(record="HDR, with the same 32 fields and lengths in an order of "
                               "its own") + ".",
)

E1EDK14 = Segment(
    "E1EDK14", "IDoc: Document header organizational data (QUALF 006 division, 007 "
               "distribution channel, 008 sales organization, 012 order type)",
    fields(("QUALF!", 3, C, "Qualifier organization"), ("ORGID", 35, C, "Organization")),
    max_occurs=12,
    source=_LADS.format(record="ORG: QUALF 3, ORGID 35, and no other field"),
    notes=_LADS_LIMITS,
)

E1EDK03 = Segment(
    "E1EDK03", "IDoc: Document header date segment (IDDAT 002 requested delivery, 012 "
               "document date, 022 PO date)",
    fields(("IDDAT!", 3, C, "Qualifier for IDoc date segment"), ("DATUM", 8, D, "Date"),
           ("UZEIT", 6, T, "Time")),
    max_occurs=10,
    source=_LADS.format(record="DAT: IDDAT 3, DATUM 8, UZEIT 6, and no other field"),
    notes=_LADS_LIMITS,
)

E1EDKA1 = Segment(
    "E1EDKA1", "IDoc: Document header partner information (AG sold-to, WE ship-to)",
    fields(("PARVW!", 3, C, "Partner function"), ("PARTN", 17, C, "Partner number"),
           ("LIFNR", 17, C, "Vendor number at customer location"),
           ("NAME1", 35, C, "Name 1"), ("STRAS", 35, C, "Street and house number"),
           ("ORT01", 35, C, "City"), ("PSTLZ", 9, C, "Postal code"),
           ("LAND1", 3, C, "Country key")),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing in SAP's order; its other standard fields are not declared yet. " +
          _LADS.format(record="PNR") + " lists the partner number before the partner "
          "function and the address fields in an order of its own, so it does not confirm "
          "the order of the segment.",
)

E1EDK02 = Segment(
    "E1EDK02", "IDoc: Document header reference data (QUALF 001 customer purchase order)",
    fields(("QUALF!", 3, C, "IDoc qualifier reference document"),
           ("BELNR", 35, C, "IDoc document number"), ("POSNR", 6, C, "Item number"),
           ("DATUM", 8, C, "Date"), ("UZEIT", 6, C, "Time")),
    max_occurs=10,
    source="se80.co.uk, \"E2EDK02 SAP (IDoc: Document header reference data) Structure "
           "details\" (QUALF CHAR 3, BELNR CHAR 35, POSNR CHAR 6, DATUM CHAR 8, UZEIT CHAR 6 "
           "in SAP's order); " + _LADS.format(record="REF: QUALF 3, the reference number 35, "
                                                     "DATUM 8, UZEIT 6, POSNR 6") + ".",
    notes="the listing is of segment definition E2EDK02; which definition ORDERS05 uses is "
          "not confirmed by it. DATUM and UZEIT are character fields there (data "
          "elements EDIDAT8, EDITIM6) and are declared so.",
)

E1EDP19 = Segment(
    "E1EDP19", "IDoc: Document item object identification (QUALF 002 material number)",
    fields(("QUALF!", 3, C, "IDoc object identification"),
           ("IDTNR", 35, C, "IDoc material ID"), ("KTEXT", 70, C, "IDoc short text"),
           ("MFRNR", 10, C, "Manufacturer number"),
           ("MFRPN", 42, C, "Manufacturer part number")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="OID: QUALF 3, IDTNR 35, KTEXT 70, MFRNR 10, MFRPN 42"),
    notes=_LADS_LIMITS,
)

E1EDP20 = Segment(
    "E1EDP20", "IDoc schedule lines",
    fields(("WMENG", 15, Q, "Scheduled quantity"), ("AMENG", 15, Q, "Previous quantity"),
           ("EDATU", 8, D, "IDoc: date"), ("EZEIT", 6, T, "IDoc: time"),
           ("EDATU_OLD", 8, D, "IDoc: date (previous)"),
           ("EZEIT_OLD", 6, T, "IDoc: time (previous)"),
           ("ACTION", 3, C, "Action code for the schedule line")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="SCH: WMENG 15, AMENG 15, EDATU 8, EZEIT 6, EDATU_OLD 8, "
                               "EZEIT_OLD 6, ACTION 3"),
    notes=_LADS_LIMITS,
)

E1EDP01 = Segment(
    "E1EDP01", "IDoc: Document item general data",
    fields(("POSEX", 6, C, "Item number"), ("ACTION", 3, C, "Action code for the item"),
           ("PSTYP", 1, C, "Item category"),
           ("KZABS", 1, C, "Flag: order acknowledgment required"),
           ("MENGE", 15, Q, "Quantity"),
           ("MENEE", 3, C, "Unit of measure (ISO)"),
           ("BMNG2", 15, Q, "Quantity in price unit"),
           ("PMENE", 3, C, "Price unit of measure"),
           ("ABFTZ", 7, C, "Agreed cumulative quantity"),
           ("VPREI", 15, Q, "Price (net)"), ("PEINH", 9, N, "Price unit"),
           ("NETWR", 18, Q, "Item value (net)"),
           ("ANETW", 18, Q, "Absolute net value of item"),
           ("SKFBP", 18, Q, "Amount qualifying for cash discount"),
           ("NTGEW", 18, Q, "Net weight"),
           ("GEWEI", 3, C, "Weight unit"),
           ("EINKZ", 1, C, "Flag: more than one schedule line for the item"),
           ("CURCY", 3, C, "Currency"),
           ("PREIS", 18, Q, "Gross price"),
           ("MATKL", 9, C, "IDoc material class"),
           ("UEPOS", 6, C, "Higher-level item in BOM structures"),
           ("GRKOR", 3, C, "Delivery group (items delivered together)"),
           ("EVERS", 7, C, "Shipping instructions"),
           ("BPUMN", 6, DE, "Denominator for conversion of order price unit into order unit"),
           ("BPUMZ", 6, DE, "Numerator for conversion of order price unit into order unit"),
           ("ABGRU", 2, C, "Reason for rejection"),
           ("ABGRT", 40, C, "Description of the reason for rejection"),
           ("ANTLF", 1, DE, "Maximum number of partial deliveries allowed per item"),
           ("FIXMG", 1, C, "Delivery date and quantity fixed"),
           ("KZAZU", 1, C, "Order combination indicator"),
           ("BRGEW", 18, Q, "Total weight"),
           ("PSTYV", 4, C, "Sales document item category"),
           ("EMPST", 25, C, "Receiving point"),
           ("ABTNR", 4, C, "Department number"),
           ("ABRVW", 3, C, "Usage indicator"),
           ("WERKS", 4, C, "Plant"),
           ("LPRIO", 2, C, "Delivery priority"),
           ("LPRIO_BEZ", 20, C, "Description of the delivery priority"),
           ("ROUTE", 6, C, "Route"),
           ("ROUTE_BEZ", 40, C, "Description of the route"),
           ("LGORT", 4, C, "Storage location"),
           ("VSTEL", 4, C, "Shipping point/receiving point"),
           ("DELCO", 3, C, "Agreed delivery time"),
           ("MATNR", 35, C, "IDoc material ID"),
           ("VALTG", 2, C, "Additional value days"),
           ("HIPOS", 6, C, "Superior item in an item hierarchy"),
           ("HIEVW", 1, C, "Use of hierarchy item"),
           ("POSGUID", 22, C, "ATP: encryption of DELNR and DELPS")),
    children=(E1EDP20, E1EDP19),
    max_occurs=UNBOUNDED,
    source="datapanda.eu, \"SAP table E3EDP01 (IDoc: Document Item General Data)\" "
           "(https://datapanda.eu/nl/sap/table/E3EDP01), fields POSEX to KZAZU in SAP's order "
           "with their segment lengths and types; the fields after KZAZU: " +
           _LADS.format(record="GEN, which has POSEX to KZAZU in the same order, then BRGEW "
                               "to POSGUID") + ".",
    notes="BPUMN and BPUMZ are 6 characters in the inbound program and 5 on datapanda.eu; "
          "the longer length is declared, so that a value SAP writes in 6 characters is not "
          "refused. " + _LADS_LIMITS,
)

E1EDS01 = Segment(
    "E1EDS01", "IDoc: Summary segment general",
    fields(("SUMID!", 3, C, "Qualifier for totals segment"), ("SUMME", 18, C, "Total value"),
           ("SUNIT", 3, C, "Total value unit"), ("WAERQ", 3, C, "Currency")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="SMY: SUMID 3, SUMME 18, SUNIT 3, WAERQ 3"),
    notes=_LADS_LIMITS,
)

ORDERS05 = IdocType(
    "ORDERS05",
    ("ORDERS",),
    "Purchasing/Sales",
    (E1EDK01, E1EDK14, E1EDK03, E1EDKA1, E1EDK02, E1EDP01, E1EDS01),
)
