"""DELVRY07 (deliveries: message types DESADV, SHPORD, WHSCON ...) and the extension
ZDELVRY07, which carries what the CRM needs about partial deliveries and returns receipts.

No basic type says how much of an order item is still open after a delivery, whether that
remainder will become another delivery, or whether the order is now complete. Real
projects add such data as an IDoc extension (CIMTYP) with customer segments; so does this
one: Z1EDL20 under the header, Z1EDL24 under each item.
"""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, extend, fields

C, N, D, T, Q, U = (SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.TIMS, SapType.QUAN,
                    SapType.UNIT)

E1EDL18 = Segment(
    "E1EDL18", "Control segment (QUALF: DEL delete, CHG change, PGI goods issue, PIC "
               "picking ...)",
    fields(("QUALF!", 3, C, "Qualifier for control of the delivery"),
           ("PARAM", 20, C, "Parameter")),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1EDL21 = Segment(
    "E1EDL21", "Additional delivery header data",
    fields(("LFART", 4, C, "Delivery type (LF, LR, NL)"),
           ("LPRIO", 2, N, "Delivery priority"),
           ("TRAGR", 4, C, "Transportation group")),
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1ADRM1 = Segment(
    "E1ADRM1", "Partner information",
    fields(("PARTNER_Q!", 3, C, "Qualifier: AG sold-to, WE ship-to, ZP provincial center"),
           ("PARTNER_ID", 17, C, "Partner number"),
           ("LANGUAGE", 2, C, "Language"),
           ("NAME1", 40, C, "Name")),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1EDT13 = Segment(
    "E1EDT13", "Deadlines (QUALF 006 goods issue, 007 delivery, 015 receipt ...)",
    fields(("QUALF!", 3, C, "Qualifier"),
           ("NTANF", 8, D, "Planned date"),
           ("NTANZ", 6, T, "Planned time"),
           ("ISDD", 8, D, "Actual date"),
           ("ISDZ", 6, T, "Actual time")),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1EDL43 = Segment(
    "E1EDL43", "Reference document (QUALF C order, H returns, V purchase order)",
    fields(("QUALF!", 1, C, "Document category of the reference"),
           ("BELNR", 35, C, "Document number"),
           ("POSNR", 6, N, "Item number"),
           ("DATUM", 8, D, "Date")),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1EDL24 = Segment(
    "E1EDL24", "Delivery item",
    fields(("POSNR!", 6, N, "Delivery item"),
           ("MATNR", 18, C, "Material number"),
           ("MATWA", 18, C, "Material entered"),
           ("ARKTX", 40, C, "Short text"),
           ("MATKL", 9, C, "Material group"),
           ("WERKS", 4, C, "Plant"),
           ("LGORT", 4, C, "Storage location"),
           ("CHARG", 10, C, "Batch"),
           ("LFIMG", 15, Q, "Actual quantity delivered (in sales units)"),
           ("VRKME", 3, U, "Sales unit"),
           ("LGMNG", 15, Q, "Actual quantity delivered in base unit"),
           ("MEINS", 3, U, "Base unit of measure"),
           ("PSTYV", 4, C, "Delivery item category"),
           ("VGBEL", 10, C, "Reference document (order)"),
           ("VGPOS", 6, N, "Reference item")),
    children=(E1EDL43,),
    max_occurs=UNBOUNDED,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1EDL20 = Segment(
    "E1EDL20", "Delivery header",
    fields(("VBELN!", 10, C, "Delivery"),
           ("VSTEL", 4, C, "Shipping point / receiving point"),
           ("VKORG", 4, C, "Sales organization"),
           ("LSTEL", 2, C, "Loading point"),
           ("LGNUM", 3, C, "Warehouse number"),
           ("INCO1", 3, C, "Incoterms part 1"),
           ("BTGEW", 17, Q, "Total weight"),
           ("NTGEW", 15, Q, "Net weight"),
           ("GEWEI", 3, U, "Weight unit"),
           ("LIFEX", 35, C, "External identification of the delivery"),
           ("PODAT", 8, D, "Date of proof of delivery")),
    children=(E1EDL21, E1EDL18, E1ADRM1, E1EDT13, E1EDL24),
    min_occurs=1,
    max_occurs=1,
    source="none found: these are the fields the emulator's flows use",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

DELVRY07 = IdocType(
    "DELVRY07",
    ("DESADV", "SHPORD", "WHSORD", "SHPCON", "WHSCON"),
    "Delivery interface",
    (E1EDL20,),
)

Z1EDL20 = Segment(
    "Z1EDL20", "CRM: delivery event and state of the referenced order",
    fields(("ZEVENT!", 3, C, "Event: CRE created, CHG quantities changed, PGI goods issue, "
                             "PGR goods receipt, DEL deleted"),
           ("ZORDER", 10, C, "Sales document or purchase order delivered"),
           ("ZORDTYP", 1, C, "Its category: C order, H returns, V purchase order"),
           ("ZORDCOMPL", 1, C, "X = the order is now completely delivered"),
           ("ZLFGSK", 1, C, "Overall delivery status of the order (A, B, C)"),
           ("ZWBSTK", 1, C, "Goods movement status of this delivery (A, C)"),
           ("ZMBLNR", 10, C, "Material document of the goods movement"),
           ("ZMJAHR", 4, N, "Year of the material document"),
           ("ZEVDAT", 8, D, "Date of the event"),
           ("ZEVTIM", 6, T, "Time of the event")),
    source="customer segment of this project's extension ZDELVRY07 (not an SAP segment)",
)

Z1EDL24 = Segment(
    "Z1EDL24", "CRM: shipped and open quantities of the order item",
    fields(("ZSHIPPED", 15, Q, "Quantity shipped with this delivery"),
           ("ZDELIVERED", 15, Q, "Quantity delivered for the order item so far"),
           ("ZOPEN", 15, Q, "Quantity of the order item still open"),
           ("ZNEWDLV", 1, C, "X = the open remainder will become a new delivery"),
           ("ZITEMCOMPL", 1, C, "X = the order item is completely delivered"),
           ("ZEXPECTED", 15, Q, "Returns: quantity expected"),
           ("ZRECEIVED", 15, Q, "Returns: quantity counted and received"),
           ("ZDIFF", 1, C, "X = received differs from expected")),
    source="customer segment of this project's extension ZDELVRY07 (not an SAP segment)",
)

ZDELVRY07 = extend(DELVRY07, "ZDELVRY07", "Delivery interface with CRM delivery data",
                   {"E1EDL20": (Z1EDL20,), "E1EDL24": (Z1EDL24,)})
