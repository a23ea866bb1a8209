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

#: the order of the E1EDKA1 fields: an XSLT generated from SAP's ORDERS05 metadata that
#: writes every field of every segment in the segment's order
_GENERATED_MAPPING = ("GitHub, an XSLT generated from the IDoc metadata of ORDERS05 (one xsl:if "
                      "per field, in the order of the segment, E1EDKA1 from PARVW to TITLE, "
                      "then its child E1EDKA3)")

E1EDKA1 = Segment(
    "E1EDKA1", "IDoc: Document header partner information (AG sold-to, WE ship-to)",
    fields(("PARVW!", 3, C, "Partner function"), ("PARTN", 17, C, "Partner number"),
           ("LIFNR", 17, C, "Vendor number at customer location"),
           ("NAME1", 35, C, "Name 1"), ("NAME2", 35, C, "Name 2"),
           ("NAME3", 35, C, "Name 3"), ("NAME4", 35, C, "Name 4"),
           ("STRAS", 35, C, "Street and house number 1"),
           ("STRS2", 35, C, "Street and house number 2"),
           ("PFACH", 35, C, "PO box"), ("ORT01", 35, C, "City"),
           ("COUNC", 9, C, "County code"), ("PSTLZ", 9, C, "Postal code"),
           ("PSTL2", 9, C, "P.O. box postal code"), ("LAND1", 3, C, "Country key"),
           ("ABLAD", 35, C, "Unloading point"),
           ("PERNR", 30, C, "Contact person's personnel number"),
           ("PARNR", 30, C, "Contact person's number (not personnel number)"),
           ("TELF1", 25, C, "First telephone number of contact person"),
           ("TELF2", 25, C, "Second telephone number of contact person"),
           ("TELFX", 25, C, "Fax number"),
           ("SPRAS", 1, C, "Language key"), ("ANRED", 15, C, "Form of address"),
           ("ORT02", 35, C, "District"), ("HAUSN", 6, C, "House number"),
           ("STOCK", 6, C, "Floor"), ("REGIO", 3, C, "Region"),
           ("ISOAL", 2, C, "Country ISO code"),
           ("IHREZ", 30, C, "Your reference (partner)"),
           ("BNAME", 35, C, "IDoc user name"), ("PAORG", 30, C, "IDoc organization code"),
           ("ORGTX", 35, C, "IDoc organization code text"),
           ("PAGRU", 30, C, "IDoc group code"),
           ("KNREF", 30, C, "Customer description of partner (plant, storage location)"),
           ("ILNNR", 70, C, "Character field, length 70"),
           ("PFORT", 35, C, "PO box city"),
           ("SPRAS_ISO", 2, C, "Language according to ISO 639"), ("TITLE", 15, C, "Title")),
    max_occurs=UNBOUNDED,
    source=_GENERATED_MAPPING + " for the order; " + _LADS.format(
        record="PNR (table lads_sto_po_pnr): the length of each field but TELBX, TELTX, "
               "TELX1, PARGE, ISONU and FCODE") + "; SAP Help AFS 5.0, \"Document Header: "
           "Partner Info (Segment E1EDKA1)\" (PARVW, PARTN, LIFNR, NAME1, NAME2 ... KNREF, "
           "ILNNR, PFORT, SPRAS_ISO, TITLE).",
    notes="TELBX, TELTX and TELX1 (after TELF2 and TELFX), PARGE (after REGIO), ISONU and "
          "FCODE (after ISOAL) are fields of the segment, but no public listing gave their "
          "lengths, so they are not declared and an IDoc carrying one of them ends in "
          "status 60. leanx.eu's listing of the delivery partner segment E2EDLA1 has the "
          "same data elements with the same lengths as far as it could be read (to PARNR). "
          "SPRAS is a character field of 1 in the program's table.",
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

#: a schema generated from SAP's IDoc metadata for ORDERS05: each segment's fields in order
#: with their lengths, its position in the tree and its occurrences
_XSD = ("GitHub, a BizTalk schema for basic type ORDERS05 (xsd:schema generated from SAP's IDoc "
        "metadata, IDOCTYP fixed to ORDERS05: fields in order with xsd:maxLength, segments "
        "in SAP's order with minOccurs/maxOccurs); segment {segment}")
#: the order of the segments, as SAP documents it for ORDERS02
_HELP_TREE = ("SAP Help 4.70, \"Basic Type ORDERS02\" (help.sap.com/saphelp_470, the segment "
              "list: E1EDK02, E1EDK17, E1EDK18, E1EDKT1 with E1EDKT2, E1EDP01 with E1EDP02, "
              "E1EDP03, E1EDP04, E1EDP05, E1EDP20, E1EDPA1, E1EDP19, E1EDP17, E1EDP18, E1EDPT1 "
              "with E1EDPT2)")
_IDOC_ONLY = "No posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
_CHAR_ONLY = ("The schema gives lengths only; the fields are declared as CHAR, as IDoc "
              "segment fields travel. ")

E1EDK17 = Segment(
    "E1EDK17", "IDoc: Document header terms of delivery",
    fields(("QUALF", 3, C, "IDoc qualifier: terms of delivery"),
           ("LKOND", 3, C, "IDoc delivery condition code"),
           ("LKTEXT", 70, C, "IDoc delivery condition text")),
    max_occurs=4,
    source=_XSD.format(segment="E1EDK17, 0..4, QUALF 3, LKOND 3, LKTEXT 70") + "; " +
           _LADS.format(record="DEL: QUALF 3, LKOND 3, LKTEXT 70") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDK18 = Segment(
    "E1EDK18", "IDoc: Document header terms of payment",
    fields(("QUALF", 3, C, "IDoc qualifier: terms of payment"),
           ("TAGE", 8, C, "IDoc number of days"),
           ("PRZNT", 8, C, "IDoc percentage for terms of payment"),
           ("ZTERM_TXT", 70, C, "Text line")),
    max_occurs=3,
    source=_XSD.format(segment="E1EDK18, 0..3, QUALF 3, TAGE 8, PRZNT 8, ZTERM_TXT 70") +
           "; " + _LADS.format(record="PAY: QUALF 3, TAGE 8, PRZNT 8, ZTERM_TXT 70") + "; " +
           _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDK35 = Segment(
    "E1EDK35", "IDoc: Document header additional data",
    fields(("QUALZ", 3, C, "Qualifier for IDoc additional data"),
           ("CUSADD", 35, C, "Additional data"),
           ("CUSADD_BEZ", 40, C, "Description of the additional data")),
    max_occurs=99999,
    source=_XSD.format(segment="E1EDK35, 0..99999, after E1EDK18: QUALZ 3, CUSADD 35, "
                               "CUSADD_BEZ 40"),
    notes=_IDOC_ONLY + _CHAR_ONLY + "SAP Help lists no E1EDK35 for ORDERS02; its position "
          "comes from the ORDERS05 schema alone.",
)

E1EDK36 = Segment(
    "E1EDK36", "IDoc: Document header payment cards",
    fields(("CCINS", 4, C, "Payment cards: card type"),
           ("CCINS_BEZEI", 20, C, "Description of the card type"),
           ("CCNUM", 25, C, "Payment cards: card number"),
           ("EXDATBI", 8, C, "IDoc: date (valid to)"),
           ("CCNAME", 40, C, "Payment cards: name of cardholder"),
           ("FAKWR", 17, C, "Maximum amount")),
    max_occurs=99,
    source=_XSD.format(segment="E1EDK36, 0..99, after E1EDK35: CCINS 4, CCINS_BEZEI 20, "
                               "CCNUM 25, EXDATBI 8, CCNAME 40, FAKWR 17"),
    notes=_IDOC_ONLY + _CHAR_ONLY + "SAP Help lists no E1EDK36 for ORDERS02; its position "
          "comes from the ORDERS05 schema alone. Later versions of the segment may append "
          "fields after FAKWR (a public XSLT mapping writes a CCGUID); they are not confirmed "
          "with a length and not declared.",
)

E1EDKT2 = Segment(
    "E1EDKT2", "IDoc: Document header texts",
    fields(("TDLINE", 70, C, "Text line"), ("TDFORMAT", 2, C, "Tag column")),
    max_occurs=999999,
    source=_XSD.format(segment="E1EDKT2, 0..999999 under E1EDKT1: TDLINE 70, TDFORMAT 2") +
           "; " + _LADS.format(record="HTX: TDFORMAT 2, TDLINE 70 (in an order of its own)") +
           "; " + _HELP_TREE,
    notes=_IDOC_ONLY,
)

E1EDKT1 = Segment(
    "E1EDKT1", "IDoc: Document header text identification",
    fields(("TDID", 4, C, "Text ID"), ("TSSPRAS", 3, C, "Language key"),
           ("TSSPRAS_ISO", 2, C, "Language according to ISO 639"),
           ("TDOBJECT", 10, C, "Texts: application object"), ("TDOBNAME", 70, C, "Name")),
    children=(E1EDKT2,),
    max_occurs=99,
    source=_XSD.format(segment="E1EDKT1, 0..99, after E1EDK36: TDID 4, TSSPRAS 3, "
                               "TSSPRAS_ISO 2, TDOBJECT 10, TDOBNAME 70") + "; " +
           _LADS.format(record="HTI: TDID 4, TSSPRAS 3, TSSPRAS_ISO 2, TDOBJECT 10, "
                               "TDOBNAME 70") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + "The header texts are not stored as order texts.",
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

E1EDP02 = Segment(
    "E1EDP02", "IDoc: Document item reference data",
    fields(("QUALF", 3, C, "IDoc qualifier reference document"),
           ("BELNR", 35, C, "IDoc document number"), ("ZEILE", 6, C, "Item number"),
           ("DATUM", 8, C, "IDoc: date"), ("UZEIT", 6, C, "IDoc: time"),
           ("BSARK", 35, C, "IDoc organization"),
           ("IHREZ", 30, C, "Your reference (partner)")),
    max_occurs=10,
    source=_XSD.format(segment="E1EDP02, 0..10, first child of E1EDP01: QUALF 3, BELNR 35, "
                               "ZEILE 6, DATUM 8, UZEIT 6, BSARK 35, IHREZ 30") + "; " +
           _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDP03 = Segment(
    "E1EDP03", "IDoc: Document item date segment",
    fields(("IDDAT", 3, C, "Qualifier for IDoc date segment"), ("DATUM", 8, C, "Date"),
           ("UZEIT", 6, C, "Time")),
    max_occurs=10,
    source=_XSD.format(segment="E1EDP03, 0..10, after E1EDP02 (and the configuration and "
                               "additionals segments E1CUREF, E1ADDI1): IDDAT 3, DATUM 8, "
                               "UZEIT 6") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY + "The item dates are not read: the requested delivery "
          "date comes from the schedule lines (E1EDP20) and the header (E1EDK03).",
)

E1EDP04 = Segment(
    "E1EDP04", "IDoc: Document item taxes",
    fields(("MWSKZ", 7, C, "VAT indicator"), ("MSATZ", 17, C, "VAT rate"),
           ("MWSBT", 18, C, "Value added tax amount"), ("TXJCD", 15, C, "Tax jurisdiction"),
           ("KTEXT", 50, C, "Text field")),
    max_occurs=10,
    source=_XSD.format(segment="E1EDP04, 0..10, after E1EDP03: MWSKZ 7, MSATZ 17, MWSBT 18, "
                               "TXJCD 15, KTEXT 50") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDPS5 = Segment(
    "E1EDPS5", "A&D: Price scale (quantity)",
    fields(("KSTBM", 17, C, "Condition scale quantity"),
           ("KBETR", 13, C, "Rate (condition amount or percentage)")),
    max_occurs=99,
    source=_XSD.format(segment="E1EDPS5, 0..99 under E1EDP05: KSTBM 17, KBETR 13"),
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDP05 = Segment(
    "E1EDP05", "IDoc: Document item conditions",
    fields(("ALCKZ", 3, C, "Surcharge or discount indicator"),
           ("KSCHL", 4, C, "Condition type (coded)"), ("KOTXT", 80, C, "Condition text"),
           ("BETRG", 18, C, "Fixed surcharge/discount on total gross"),
           ("KPERC", 8, C, "Condition percentage rate"),
           ("KRATE", 15, C, "Condition record per unit"), ("UPRBS", 9, C, "Price unit"),
           ("MEAUN", 3, C, "Unit of measurement"),
           ("KOBTR", 18, C, "IDoc condition end amount"),
           ("MENGE", 15, C, "Price scale quantity"),
           ("PREIS", 15, C, "Price by unit of measure"), ("MWSKZ", 7, C, "VAT indicator"),
           ("MSATZ", 17, C, "VAT rate"), ("KOEIN", 3, C, "Currency"),
           ("CURTP", 2, C, "Currency type and valuation view"),
           ("KOBAS", 18, C, "Base value to which the condition refers")),
    children=(E1EDPS5,),
    max_occurs=16,
    source=_XSD.format(segment="E1EDP05, 0..16, after E1EDP04: ALCKZ 3 to KOBAS 18") + "; " +
           _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY + "Conditions in an inbound order are not applied: the "
          "emulator prices the order itself. MEAUN is not converted from an ISO code.",
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

E1EDP17 = Segment(
    "E1EDP17", "IDoc: Document item terms of delivery",
    fields(("QUALF", 3, C, "IDoc qualifier: terms of delivery"),
           ("LKOND", 3, C, "IDoc delivery condition code"),
           ("LKTEXT", 70, C, "IDoc delivery condition text"),
           ("LPRIO", 2, C, "Delivery priority")),
    max_occurs=5,
    source=_XSD.format(segment="E1EDP17, 0..5, after E1EDP19: QUALF 3, LKOND 3, LKTEXT 70, "
                               "LPRIO 2") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDP18 = Segment(
    "E1EDP18", "IDoc: Document item terms of payment",
    fields(("QUALF", 3, C, "IDoc qualifier: terms of payment"),
           ("TAGE", 8, C, "IDoc number of days"),
           ("PRZNT", 8, C, "IDoc percentage for terms of payment"),
           ("ZTERM_TXT", 70, C, "Text line")),
    max_occurs=3,
    source=_XSD.format(segment="E1EDP18, 0..3, after E1EDP17: QUALF 3, TAGE 8, PRZNT 8, "
                               "ZTERM_TXT 70") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + _CHAR_ONLY,
)

E1EDP35 = Segment(
    "E1EDP35", "IDoc: Document item additional data",
    fields(("QUALZ", 3, C, "Qualifier for IDoc additional data"),
           ("CUSADD", 35, C, "Additional data"),
           ("CUSADD_BEZ", 40, C, "Description of the additional data")),
    max_occurs=99999,
    source=_XSD.format(segment="E1EDP35, 0..99999, after E1EDP18: QUALZ 3, CUSADD 35, "
                               "CUSADD_BEZ 40"),
    notes=_IDOC_ONLY + _CHAR_ONLY + "SAP Help lists no E1EDP35 for ORDERS02; its position "
          "comes from the ORDERS05 schema alone.",
)

E1EDPT2 = Segment(
    "E1EDPT2", "IDoc: Document item texts",
    fields(("TDLINE", 70, C, "Text line"), ("TDFORMAT", 2, C, "Tag column")),
    max_occurs=999999,
    source=_XSD.format(segment="E1EDPT2, 0..999999 under E1EDPT1: TDLINE 70, TDFORMAT 2") +
           "; " + _HELP_TREE,
    notes=_IDOC_ONLY,
)

E1EDPT1 = Segment(
    "E1EDPT1", "IDoc: Document item text identification",
    fields(("TDID", 4, C, "Text ID"), ("TSSPRAS", 3, C, "Language key"),
           ("TSSPRAS_ISO", 2, C, "Language according to ISO 639")),
    children=(E1EDPT2,),
    max_occurs=999999,
    source=_XSD.format(segment="E1EDPT1, 0..999999, after E1EDP35: TDID 4, TSSPRAS 3, "
                               "TSSPRAS_ISO 2") + "; " + _HELP_TREE,
    notes=_IDOC_ONLY + "The item texts are not stored as order texts.",
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
    children=(E1EDP02, E1EDP03, E1EDP04, E1EDP05, E1EDP20, E1EDP19, E1EDP17, E1EDP18,
              E1EDP35, E1EDPT1),
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
    (E1EDK01, E1EDK14, E1EDK03, E1EDKA1, E1EDK02, E1EDK17, E1EDK18, E1EDK35, E1EDK36,
     E1EDKT1, E1EDP01, E1EDS01),
)
