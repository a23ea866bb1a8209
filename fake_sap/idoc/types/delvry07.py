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

#: a public inbound program that reads delivery IDocs field by field: it declares each field
#: of each segment with its length, in the order of the data record
_LADS = ("GitHub, pandaasu/ANZregional, SOURCE/LADS/BASE/ORACLE/ATLLAD16/lads_atllad16.sql "
         "(a delivery inbound interface that declares each field of the segment with its "
         "length, in the order of the data record; record {record})")
#: what that program shows and what it does not
_LADS_LIMITS = ("The program reads some child segments into the record of their parent "
                "(E1EDL22 and E1EDL21 into the header record, for instance); only the "
                "fields up to where the next segment begins are taken. Its types are not "
                "SAP's: quantities, units, dates and times follow the delivery table fields, "
                "the rest is CHAR. Its customer fields (ZZ...) are not standard and are not "
                "declared; fields that later segment versions append are not confirmed and "
                "not declared.")

#: SAP's IDoc schema of DELVRY03 as a JAXB binding generated from it: each segment's fields in
#: order with their maximum lengths, and the segment tree with its occurrences
_DELVRY03_SCHEMA = ("SAP's IDoc schema of DELVRY03 as a JAXB binding generated from it, "
                    "published on GitHub (DaedonGJ/JM_Pedidos_SHPCON, "
                    "src/modelo/shpcon/DELVRY03{segment}.java: {what})")

E1EDL18 = Segment(
    "E1EDL18", "IDOC: Controlling (Delivery)",
    fields(("QUALF!", 3, C, "Qualifier for control of the delivery (DEL delete, CHG change, "
                            "PGI goods issue, PIC picking ...)"),
           ("PARAM", 20, C, "Parameter")),
    max_occurs=99,
    source=("SAP's IDoc schema of DELVRY03 as a JAXB binding generated from it, published on "
            "GitHub (DaedonGJ/JM_Pedidos_SHPCON, src/modelo/shpcon/DELVRY03E1EDL18.java: "
            "complex type DELVRY03.E1EDL18, \"IDOC: Controlling (Delivery)\", QUALF max. 3 "
            "and PARAM max. 20 characters, in this order; DELVRY03E1EDL20.java: E1EDL18 "
            "under E1EDL20, maxOccurs 99)"),
    notes=("SAP's full field list of the segment (two fields), from the DELVRY03 schema; "
           "DELVRY07 carries the same segment under E1EDL20 (later versions of a basic type "
           "add segments, they do not change one). The schema gives lengths, not types: both "
           "are CHAR. QUALF is declared mandatory as the emulator has always declared it (no "
           "control segment without its qualifier); the schema marks every field optional, "
           "as SAP's schemas do. The outbound delivery IDoc writes E1EDL18 with QUALF alone "
           "(CHG, PGI, DEL), as the consumers of SAP's delivery IDocs published on GitHub "
           "read it (a DEL control segment marks a deleted delivery); no source shows SAP "
           "writing PARAM, so PARAM is declared, accepted inbound and not written."),
)

E1EDL21 = Segment(
    "E1EDL21", "Additional delivery header data",
    fields(("LFART", 4, C, "Delivery type (LF, LR, NL)"),
           ("BZIRK", 6, C, "Sales district"),
           ("AUTLF", 1, C, "Complete delivery defined for each sales order?"),
           ("LIFSK", 2, C, "Delivery block (document header)"),
           ("LPRIO", 2, N, "Delivery priority"),
           ("KDGRP", 2, C, "Customer group"),
           ("BEROT", 20, C, "Picked items location"),
           ("TRAGR", 4, C, "Transportation group"),
           ("TRSPG", 2, C, "Shipment blocking reason"),
           ("AULWE", 10, C, "Route schedule")),
    source=_LADS.format(record="HDR, from LFART to AULWE, after the E1EDL20 and E1EDL22 "
                               "fields"),
    notes=_LADS_LIMITS,
)

E1ADRM1 = Segment(
    "E1ADRM1", "Partner information",
    fields(("PARTNER_Q!", 3, C, "Qualifier: AG sold-to, WE ship-to, ZP provincial center"),
           ("ADDRESS_T", 1, C, "Address type"),
           ("PARTNER_ID", 17, C, "Partner number"),
           ("LANGUAGE", 2, C, "Language"),
           ("FORMOFADDR", 15, C, "Form of address"),
           ("NAME1", 40, C, "Name"),
           ("NAME2", 40, C, "Name 2"),
           ("NAME3", 40, C, "Name 3"),
           ("NAME4", 40, C, "Name 4"),
           ("NAME_TEXT", 50, C, "Converted name field (with form of address)"),
           ("NAME_CO", 40, C, "c/o name"),
           ("LOCATION", 40, C, "Street 5"),
           ("BUILDING", 10, C, "Building (number or code)"),
           ("FLOOR", 10, C, "Floor in building"),
           ("ROOM", 10, C, "Room or appartment number"),
           ("STREET1", 40, C, "Street"),
           ("STREET2", 40, C, "Street 2"),
           ("STREET3", 40, C, "Street 3"),
           ("HOUSE_SUPL", 4, C, "House number supplement"),
           ("HOUSE_RANG", 10, C, "House numbers from/to"),
           ("POSTL_COD1", 10, C, "City postal code"),
           ("POSTL_COD3", 10, C, "Company postal code (for large customers)"),
           ("POSTL_AREA", 15, C, "(Not supported) post delivery district"),
           ("CITY1", 40, C, "City"),
           ("CITY2", 40, C, "District"),
           ("POSTL_PBOX", 10, C, "PO box"),
           ("POSTL_COD2", 10, C, "PO box postal code"),
           ("POSTL_CITY", 40, C, "PO box city"),
           ("TELEPHONE1", 30, C, "Telephone number"),
           ("TELEPHONE2", 30, C, "Telephone number 2"),
           ("TELEFAX", 30, C, "Fax number"),
           ("TELEX", 30, C, "Telex number"),
           ("E_MAIL", 70, C, "E-mail address"),
           ("COUNTRY1", 3, C, "Country key"),
           ("COUNTRY2", 3, C, "Country of PO box"),
           ("REGION", 3, C, "Region (state, province, county)"),
           ("COUNTY_COD", 3, C, "County code"),
           ("COUNTY_TXT", 25, C, "County name"),
           ("TZCODE", 6, C, "Time zone"),
           ("TZDESC", 35, C, "Description of the time zone")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="ADD, PARTNER_Q to TZDESC"),
    notes=_LADS_LIMITS,
)

E1EDT13 = Segment(
    "E1EDT13", "Deadlines (QUALF 006 goods issue, 007 delivery, 015 receipt ...)",
    fields(("QUALF!", 3, C, "Qualifier"),
           ("VSTZW", 4, C, "Deadline function"),
           ("VSTZW_BEZ", 20, C, "Description of the deadline function"),
           ("NTANF", 8, D, "Planned date"),
           ("NTANZ", 6, T, "Planned time"),
           ("NTEND", 8, D, "Planned end date"),
           ("NTENZ", 6, T, "Planned end time"),
           ("TZONE_BEG", 6, C, "Time zone of the start"),
           ("ISDD", 8, D, "Actual date"),
           ("ISDZ", 6, T, "Actual time"),
           ("IEDD", 8, D, "Actual end date"),
           ("IEDZ", 6, T, "Actual end time"),
           ("TZONE_END", 6, C, "Time zone of the end"),
           ("VORNR", 4, C, "Operation number"),
           ("VSTGA", 4, C, "Reason for deviation"),
           ("VSTGA_BEZ", 20, C, "Description of the reason for deviation"),
           ("EVENT", 10, C, "Event"),
           ("EVENT_ALI", 20, C, "Event alias")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="TIM, QUALF to EVENT_ALI"),
    notes="the record ends with QUALF1 and VDATU, a second qualifier and a date the program "
          "reads from elsewhere; they are not declared. " + _LADS_LIMITS,
)

E1EDL43 = Segment(
    "E1EDL43", "Reference document (QUALF C order, H returns, V purchase order)",
    fields(("QUALF!", 1, C, "Document category of the reference"),
           ("BELNR", 35, C, "Document number"),
           ("POSNR", 6, N, "Item number"),
           ("DATUM", 8, D, "Date"),
           ("DOCTYPE", 4, C, "Document type of the reference"),
           ("REASON", 3, C, "Reason")),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="IRF: QUALF 1, BELNR 35, POSNR 6, DATUM 8, DOCTYPE 4, "
                               "REASON 3"),
    notes=_LADS_LIMITS,
)

E1EDL24 = Segment(
    "E1EDL24", "Delivery item",
    fields(("POSNR!", 6, N, "Delivery item"),
           ("MATNR", 18, C, "Material number"),
           ("MATWA", 18, C, "Material entered"),
           ("ARKTX", 40, C, "Short text"),
           ("ORKTX", 40, C, "Description of the material entered"),
           ("SUGRD", 4, C, "Reason for material substitution"),
           ("SUDRU", 1, C, "Original entry will be printed"),
           ("MATKL", 9, C, "Material group"),
           ("WERKS", 4, C, "Plant"),
           ("LGORT", 4, C, "Storage location"),
           ("CHARG", 10, C, "Batch"),
           ("KDMAT", 22, C, "Material belonging to the customer"),
           ("LFIMG", 15, Q, "Actual quantity delivered (in sales units)"),
           ("VRKME", 3, U, "Sales unit"),
           ("LGMNG", 15, Q, "Actual quantity delivered in base unit"),
           ("MEINS", 3, U, "Base unit of measure"),
           ("NTGEW", 15, Q, "Net weight"),
           ("BRGEW", 15, Q, "Gross weight"),
           ("GEWEI", 3, U, "Weight unit"),
           ("VOLUM", 15, Q, "Volume"),
           ("VOLEH", 3, U, "Volume unit"),
           ("LGPBE", 10, C, "Storage bin"),
           ("HIPOS", 6, C, "Higher-level item in the item hierarchy"),
           ("HIEVW", 1, C, "Use of the hierarchy item"),
           ("LADGR", 4, C, "Loading group"),
           ("TRAGR", 4, C, "Transportation group"),
           ("VKBUR", 4, C, "Sales office"),
           ("VKGRP", 3, C, "Sales group"),
           ("VTWEG", 2, C, "Distribution channel"),
           ("SPART", 2, C, "Division"),
           ("GRKOR", 3, C, "Delivery group (items delivered together)"),
           ("EAN11", 18, C, "International article number (EAN/UPC)"),
           ("SERNR", 8, C, "BOM explosion number"),
           ("AESKD", 17, C, "Customer engineering change status"),
           ("EMPST", 25, C, "Receiving point"),
           ("MFRGR", 8, C, "Material freight group"),
           ("VBRST", 14, C, "Customer point of consumption"),
           ("LABNK", 17, C, "Customer number for forecast / JIT delivery schedule"),
           ("ABRDT", 8, D, "Delivery schedule date"),
           ("MFRPN", 40, C, "Manufacturer part number"),
           ("MFRNR", 10, C, "Manufacturer number"),
           ("ABRVW", 3, C, "Usage indicator"),
           ("KDMAT35", 35, C, "Material belonging to the customer (35 characters)"),
           ("KANNR", 35, C, "KANBAN/sequence number"),
           ("POSEX", 6, C, "External item number"),
           ("LIEFFZ", 17, C, "Cumulative quantity received by the customer"),
           ("USR01", 35, C, "Additional data field 1 for delivery schedules"),
           ("USR02", 35, C, "Additional data field 2 for delivery schedules"),
           ("USR03", 35, C, "Additional data field 3 for delivery schedules"),
           ("USR04", 10, C, "Additional data field 4 for delivery schedules"),
           ("USR05", 10, C, "Additional data field 5 for delivery schedules"),
           ("MATNR_EXTERNAL", 40, C, "Long material number for field MATNR"),
           ("MATNR_VERSION", 10, C, "Version number for field MATNR"),
           ("MATNR_GUID", 32, C, "External GUID for field MATNR"),
           ("MATWA_EXTERNAL", 40, C, "Long material number for field MATWA"),
           ("MATWA_VERSION", 10, C, "Version number for field MATWA"),
           ("MATWA_GUID", 32, C, "External GUID for field MATWA"),
           ("ZUDAT", 20, C, "Additional data"),
           ("VFDAT", 8, D, "Shelf life expiration date"),
           ("PSTYV", 4, C, "Delivery item category"),
           ("VGBEL", 10, C, "Reference document (order)"),
           ("VGPOS", 6, N, "Reference item")),
    children=(E1EDL43,),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="DET, POSNR to VFDAT") + "; PSTYV, VGBEL and VGPOS as the "
           "emulator's outbound deliveries write them.",
    notes="PSTYV, VGBEL and VGPOS are not in that record's part for this segment (PSTYV is "
          "read there with the item's SD data, from another segment); they are kept at the "
          "end as declared before, since the emulator writes them, and their place in SAP's "
          "segment is not confirmed. " + _LADS_LIMITS,
)

E1EDL20 = Segment(
    "E1EDL20", "Delivery header",
    fields(("VBELN!", 10, C, "Delivery"),
           ("VSTEL", 4, C, "Shipping point / receiving point"),
           ("VKORG", 4, C, "Sales organization"),
           ("LSTEL", 2, C, "Loading point"),
           ("VKBUR", 4, C, "Sales office"),
           ("LGNUM", 3, C, "Warehouse number"),
           ("ABLAD", 25, C, "Unloading point"),
           ("INCO1", 3, C, "Incoterms part 1"),
           ("INCO2", 28, C, "Incoterms part 2"),
           ("ROUTE", 6, C, "Route"),
           ("VSBED", 2, C, "Shipping conditions"),
           ("BTGEW", 17, Q, "Total weight"),
           ("NTGEW", 15, Q, "Net weight"),
           ("GEWEI", 3, U, "Weight unit"),
           ("VOLUM", 15, Q, "Volume"),
           ("VOLEH", 3, U, "Volume unit"),
           ("ANZPK", 5, C, "Total number of packages in delivery"),
           ("BOLNR", 35, C, "Bill of lading"),
           ("TRATY", 4, C, "Means of transport type"),
           ("TRAID", 20, C, "Means of transport ID"),
           ("XABLN", 10, C, "Goods receipt/issue slip number"),
           ("LIFEX", 35, C, "External identification of the delivery"),
           ("PARID", 35, C, "External partner identification"),
           ("PODAT", 8, D, "Date of proof of delivery"),
           ("POTIM", 6, T, "Time of proof of delivery"),
           ("LOC_SEQ", 3, C, ""),
           ("HOLD", 1, C, ""),
           ("MAX_ERR_TYPE", 1, C, ""),
           ("LE_SCENARIO", 1, C, ""),
           ("RECIPIENT_CREATE", 1, C, "")),
    children=(E1EDL21, E1EDL18, E1ADRM1, E1EDT13, E1EDL24),
    min_occurs=1,
    max_occurs=1,
    source=_LADS.format(record="HDR, VBELN to POTIM; the fields after POTIM are those of "
                               "E1EDL22 and E1EDL21") + "; " + _DELVRY03_SCHEMA.format(
        segment="E1EDL20", what="VBELN to POTIM as above, then LOC_SEQ 3, HOLD 1, "
                                "MAX_ERR_TYPE 1, LE_SCENARIO 1 and RECIPIENT_CREATE 1"),
    notes=_LADS_LIMITS + " LOC_SEQ to RECIPIENT_CREATE are the fields SAP's DELVRY03 schema "
          "has after POTIM: it gives their lengths, not their types (declared CHAR) nor "
          "their short texts (none declared); fields a later version of the segment adds "
          "after RECIPIENT_CREATE for DELVRY07 are not confirmed and not declared.",
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
