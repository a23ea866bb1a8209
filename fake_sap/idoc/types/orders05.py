"""ORDERS05: purchase order / sales order (message type ORDERS), inbound to SD."""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, D, T, Q = SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.TIMS, SapType.QUAN

E1EDK01 = Segment(
    "E1EDK01", "IDoc: Document header general data",
    fields(("ACTION", 3, C, "Action code for the whole EDI message"),
           ("CURCY", 3, C, "Currency"),
           ("HWAER", 3, C, "EDI local currency"),
           ("BSART", 4, C, "Document type"),
           ("BELNR", 35, C, "IDoc document number"),
           ("NTGEW", 18, Q, "Net weight"),
           ("BRGEW", 18, Q, "Total weight"),
           ("GEWEI", 3, C, "Weight unit"),
           ("AUGRU", 3, C, "Order reason"),
           ("LIFSK", 2, C, "Delivery block")),
    min_occurs=1,
)

E1EDK14 = Segment(
    "E1EDK14", "IDoc: Document header organizational data (QUALF 006 division, 007 "
               "distribution channel, 008 sales organization, 012 order type)",
    fields(("QUALF!", 3, C, "Qualifier organization"), ("ORGID", 35, C, "Organization")),
    max_occurs=12,
)

E1EDK03 = Segment(
    "E1EDK03", "IDoc: Document header date segment (IDDAT 002 requested delivery, 012 "
               "document date, 022 PO date)",
    fields(("IDDAT!", 3, C, "Qualifier for IDoc date segment"), ("DATUM", 8, D, "Date"),
           ("UZEIT", 6, T, "Time")),
    max_occurs=10,
)

E1EDKA1 = Segment(
    "E1EDKA1", "IDoc: Document header partner information (AG sold-to, WE ship-to)",
    fields(("PARVW!", 3, C, "Partner function"), ("PARTN", 17, C, "Partner number"),
           ("LIFNR", 17, C, "Vendor number at customer location"),
           ("NAME1", 35, C, "Name 1"), ("STRAS", 35, C, "Street and house number"),
           ("ORT01", 35, C, "City"), ("PSTLZ", 9, C, "Postal code"),
           ("LAND1", 3, C, "Country key")),
    max_occurs=UNBOUNDED,
)

E1EDK02 = Segment(
    "E1EDK02", "IDoc: Document header reference data (QUALF 001 customer purchase order)",
    fields(("QUALF!", 3, C, "IDoc qualifier reference document"),
           ("BELNR", 35, C, "IDoc document number"), ("POSNR", 6, C, "Item number"),
           ("DATUM", 8, D, "Date")),
    max_occurs=10,
)

E1EDP19 = Segment(
    "E1EDP19", "IDoc: Document item object identification (QUALF 002 material number)",
    fields(("QUALF!", 3, C, "IDoc object identification"),
           ("IDTNR", 35, C, "IDoc material ID"), ("KTEXT", 70, C, "IDoc short text")),
    max_occurs=UNBOUNDED,
)

E1EDP20 = Segment(
    "E1EDP20", "IDoc schedule lines",
    fields(("WMENG", 15, Q, "Scheduled quantity"), ("AMENG", 15, Q, "Previous quantity"),
           ("EDATU", 8, D, "IDoc: date"), ("EZEIT", 6, T, "IDoc: time")),
    max_occurs=UNBOUNDED,
)

E1EDP01 = Segment(
    "E1EDP01", "IDoc: Document item general data",
    fields(("POSEX", 6, C, "Item number"), ("ACTION", 3, C, "Action code for the item"),
           ("PSTYP", 1, C, "Item category"), ("MENGE", 15, Q, "Quantity"),
           ("MENEE", 3, C, "Unit of measure (ISO)"), ("PMENE", 3, C, "Price unit of measure"),
           ("VPREI", 15, Q, "Price (net)"), ("PEINH", 9, N, "Price unit"),
           ("NETWR", 18, Q, "Item value (net)"), ("MATKL", 9, C, "IDoc material class"),
           ("WERKS", 4, C, "Plant"), ("ABGRU", 2, C, "Reason for rejection")),
    children=(E1EDP20, E1EDP19),
    max_occurs=UNBOUNDED,
)

E1EDS01 = Segment(
    "E1EDS01", "IDoc: Summary segment general",
    fields(("SUMID!", 3, C, "Qualifier for totals segment"), ("SUMME", 18, C, "Total value"),
           ("SUNIT", 3, C, "Total value unit")),
    max_occurs=UNBOUNDED,
)

ORDERS05 = IdocType(
    "ORDERS05",
    ("ORDERS",),
    "Purchasing/Sales",
    (E1EDK01, E1EDK14, E1EDK03, E1EDKA1, E1EDK02, E1EDP01, E1EDS01),
)
