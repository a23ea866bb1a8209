"""The sales document tables: VBAK, VBAP, VBEP (sales documents), VBUK, VBUP (their
statuses) and VBFA (the document flow).

VBAK, VBAP, VBEP, VBUK and VBFA carry SAP's standard field list (ECC 6.0), VBUP the fields
the public listings consulted confirm, in SAP's order. The fields no process here fills are
declared not kept (``kept=False``): RFC_READ_TABLE reads them as their initial value and
DDIF_FIELDINFO_GET describes them, but they have no column. Each declaration names its
source and says in its notes what the source does not confirm.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import (
    CLNT,
    DATS,
    INT4,
    TIMS,
    AbapType,
    Elementary,
    char,
    cuky,
    curr,
    dec,
    numc,
    quan,
    unit,
)

_FLOAT = Elementary(AbapType.FLTP, 16, 16)

_STECHNO = ("stechno.net, \"SAP Table {name} - {text}\" "
            "(https://stechno.net/repository/sap-tables.html?id={name})")
_GITHUB_CREATE_TABLE = (
    "the CREATE TABLE of an ECC 6.0 {name} published on GitHub (nodiergarcia89/Test1, "
    "SAP_STG/Tables/dbo.{name}.sql: every column in SAP's order with its length, packed "
    "numbers with their digits and decimals)")
#: a second script, with the full ECC 6.0 field lists of VBEP, VBFA, VBUK, LIKP and LIPS
ECC_SCRIPT = (
    "an SQL Server script of the tables of an ECC 6.0 system (schema eu1, scripted on 1 July "
    "2014) published on GitHub (the copy consulted does not show the repository's name): "
    "every column of {names} in SAP's order with its length, packed numbers with their "
    "digits and decimals")
#: how the types of the fields beyond a listing's head were read from those CREATE TABLEs
TYPES_FROM_CREATE_TABLE = (
    "The CREATE TABLE scripts cited have character columns for every character-like field: "
    "those are declared CHAR with its length, except the dates (8 characters, DATS), times "
    "(6, TIMS), units of measure (UNIT 3), currency keys (CUKY 5) and SD item numbers (NUMC "
    "6) whose data elements say so; a field SAP types NUMC or LANG among the others is not "
    "distinguished. Their packed columns are declared CURR where they have two decimals and "
    "are amounts (NETWR, NETPR, KZWI1 ...; the other two-decimal fields, processing times and "
    "percentages, DEC), QUAN where they have three and DEC otherwise; their float columns "
    "FLTP, their integer columns INT4; their binary columns (RAW) are not declared, as the "
    "dictionary has no RAW type. The customer fields (ZZ...) and the fields in an industry "
    "add-on's namespace (/BEV1/, /SOPROMET/ ...) of those systems are not declared, nor are "
    "the fields S/4HANA added. Short texts are given where a listing consulted shows them; "
    "the other fields have none here.")


def _vbak_indexes() -> Sequence[SchemaItem]:
    return (Index("ix_vbak_bstnk", "mandt", "bstnk"), Index("ix_vbak_kunnr", "mandt", "kunnr"))


def _vbap_indexes() -> Sequence[SchemaItem]:
    # the availability check sums open demand per material and plant
    return (Index("ix_vbap_material", "mandt", "matnr", "werks"),)


def _vbfa_indexes() -> Sequence[SchemaItem]:
    return (Index("ix_vbfa_subsequent", "mandt", "vbeln"),)

_VBAK_SOURCE = (
    _STECHNO.format(name="VBAK", text="Sales Document: Header Data") + " (field, data "
    "element, type, offset, length and decimals from MANDT to KALSM in SAP's order); "
    "dev-workbench.com, \"SAP Table VBAK\" (https://dev-workbench.com/de/sap-dictionary/"
    "table/vbak: the same with check tables); summit-bi.com, \"VBAK\" (https://summit-bi.com/"
    "resources/sap-reference/tables/VBAK: short texts of VSBED, KUNNR, KVGR1 to KVGR5, "
    "KNKLI, KKBER, CTLPC, VGBEL, OBJNR, BUKRS_VF, TAXK1 and XBLNR); "
    + _GITHUB_CREATE_TABLE.format(name="VBAK"))
_VBAK_NOTES = (
    TYPES_FROM_CREATE_TABLE + " BSTNK is CHAR 20 as in ECC 6.0 (S/4HANA widened it to 35); "
    "the emulator keeps the customer's purchase order number as the BAPIs take it "
    "(PURCH_NO_C, 35 characters) in a column of 35, so RFC_READ_TABLE gives its first 20 "
    "characters, as SAP would have stored them. KUNNR is the sold-to party (data element "
    "KUNAG) and NETWR has data element NETWR_AK: neither element is declared, so neither "
    "field is linked to one.")

_VBAP_SOURCE = (
    "sapdatasheet.org, \"SAP ABAP Table VBAP (Sales Document: Item Data)\" "
    "(https://www.sapdatasheet.org/abap/tabl/VBAP.html: data element, domain, type, length, "
    "short text and check table from MANDT to ABGRU in SAP's order); "
    + _GITHUB_CREATE_TABLE.format(name="VBAP"))
_VBAP_NOTES = (
    TYPES_FROM_CREATE_TABLE + " The fields after ABGRU that the emulator keeps have the "
    "short texts it has always given them. LFREL (data element LFREL_AP), ABGRU "
    "(ABGRU_VA), UEPOS (POSNR) and NETWR (NETWR_AP) are not linked to a data element "
    "(theirs are not declared).")

_VBEP_SOURCE = (
    "leanx.eu, \"SAP Table VBEP\" (https://www.leanx.eu/en/sap/table/vbep.html: MANDT to "
    "ETTYP with data elements, types, lengths and check tables); docsfortec.com, "
    "\"VSVBEP_CN - Version: Sales document: Schedule line data\" "
    "(https://docsfortec.com/sap/S4/tables/VSVBEP_CN: LFREL to IDNNR, the fields the version "
    "table copies from VBEP, in the same order, with their data elements and types); "
    + ECC_SCRIPT.format(names="VBEP"))
_VBEP_NOTES = (
    TYPES_FROM_CREATE_TABLE + " MANDT to IDNNR have the types the listings give; the fields "
    "after IDNNR are typed from the script alone. WMENG and BMENG are QUAN 13.3.")

_VBUK_SOURCE = (
    "docsfortec.com, \"VBUK - Sales Document: Header Status and Administrative Data\" "
    "(https://docsfortec.com/sap/S4/tables/VBUK: the fields from MANDT to UVALL in SAP's "
    "order with their data elements); "
    + _STECHNO.format(name="VSVBUK_CN",
                      text="Sales Document: Header Status and Administrative Data")
    + " (the version table that copies VBUK's fields after its version key: ECC 6.0 "
    "lengths, data elements and short texts, and the fields from UVVLK to UVK03); "
    + ECC_SCRIPT.format(names="VBUK"))
_VBUK_NOTES = (
    "The fields after UVK03 are taken from the script: every one is CHAR 1 there except "
    "SAPRL (CHAR 4); they are declared so, without short texts except CMGST's (overall status "
    "of credit checks, the text the emulator has always given it). S/4HANA moved these "
    "statuses into VBAK and LIKP; VBUK is ECC 6.0's table.")

_VBUP_SOURCE = (
    "datapanda.eu, \"SAP table VBUP (Sales Document: Item Status)\" "
    "(https://datapanda.eu/nl/sap/table/VBUP: MANDT to COSTA in SAP's order with types, "
    "lengths and data elements); leanx.eu, \"SAP Table VBUP\" "
    "(https://leanx.eu/en/sap/table/vbup.html: the ECC short texts); "
    + _STECHNO.format(name="VSVBUP_CN", text="Sales Document: Item Status")
    + " (the same fields with their ECC texts)")
_VBUP_NOTES = ("VBUP's fields after COSTA (CMPPI and the later ones) are not confirmed by the "
               "listings read and not declared.")

_VBFA_SOURCE = (
    _STECHNO.format(name="VBFA", text="Sales Document Flow") + " (MANDT to GEWEI in SAP's "
    "order with data elements, types, lengths, decimals and check tables); "
    "sapdatasheet.org, \"SAP ABAP Table VBFA (Sales Document Flow)\" "
    "(https://www.sapdatasheet.org/abap/tabl/vbfa.html: the same with domains); "
    "docsfortec.com, \"VBFA - Sales Document Flow\" "
    "(https://docsfortec.com/sap/S4/tables/VBFA: VOLUM to SOBKZ after GEWEI, in the same "
    "order); " + ECC_SCRIPT.format(names="VBFA"))
_VBFA_NOTES = (
    TYPES_FROM_CREATE_TABLE + " SONUM to MJAHR are typed from the script alone (NTGEW is "
    "QUAN 13.3 there). VBELN (data element VBELN_NACH) and WAERS (WAERS_V) are not linked to "
    "a data element. S/4HANA added the key RUUID, not declared here.")


VBAK = TableDeclaration(
    "VBAK", "Sales Document: Header Data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Sales Document", element="VBELN_VA", check_table="VBUK"),
        data("ERDAT", DATS, "Date on Which Record Was Created"),
        data("ERZET", TIMS, "Entry time"),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("ANGDT", DATS, "Quotation/Inquiry is valid from", kept=False),
        data("BNDDT", DATS, "Date until which bid/quotation is binding (valid-to date)",
             kept=False),
        data("AUDAT", DATS, "Document Date (Date Received/Sent)"),
        data("VBTYP", char(1), "SD document category"),
        data("TRVOG", char(1), "Transaction group", kept=False),
        data("AUART", char(4), "Sales Document Type", check_table="TVAK"),
        data("AUGRU", char(3), "Order reason (reason for the business transaction)",
             check_table="TVAU"),
        data("GWLDT", DATS, "Guarantee date", kept=False),
        data("SUBMI", char(10), "Collective number (SD)", kept=False),
        data("LIFSK", char(2), "Delivery block (document header)", check_table="TVLS"),
        data("FAKSK", char(2), "Billing block in SD document", check_table="TVFS"),
        data("NETWR", curr(15), "Net Value of the Sales Order in Document Currency",
             element="", initial="0"),
        data("WAERK", cuky(), "SD Document Currency", check_table="TCURC"),
        data("VKORG", char(4), "Sales Organization", check_table="TVKO"),
        data("VTWEG", char(2), "Distribution Channel", check_table="TVTW"),
        data("SPART", char(2), "Division", check_table="TSPA"),
        data("VKGRP", char(3), "Sales Group", check_table="TVKGR", kept=False),
        data("VKBUR", char(4), "Sales Office", check_table="TVBUR", kept=False),
        data("GSBER", char(4), "Business Area", check_table="TGSB", kept=False),
        data("GSKST", char(4), "Business area from cost center", check_table="TGSB", kept=False),
        data("GUEBG", DATS, "Valid-from date (outline agreements, product proposals)", kept=False),
        data("GUEEN", DATS, "Valid-to date (outline agreements, product proposals)", kept=False),
        data("KNUMV", char(10), "Number of the document condition", kept=False),
        data("VDATU", DATS, "Requested delivery date"),
        data("VPRGR", char(1), "Proposed date type", kept=False),
        data("AUTLF", char(1), "Complete delivery defined for each sales order?", kept=False),
        data("VBKLA", char(9), "Original system with release and transaction control", kept=False),
        data("VBKLT", char(1), "SD document indicator", kept=False),
        data("KALSM", char(6), "Pricing Procedure in Pricing", check_table="T683", kept=False),
        data("VSBED", char(2), "Shipping Conditions", kept=False),
        data("FKARA", char(4), "", kept=False),
        data("AWAHR", char(3), "", kept=False),
        data("KTEXT", char(40), "", kept=False),
        data("BSTNK", char(20), "Customer purchase order number", stored_length=35),
        data("BSARK", char(4), "", kept=False),
        data("BSTDK", DATS, "Customer purchase order date"),
        data("BSTZD", char(4), "", kept=False),
        data("IHREZ", char(12), "", kept=False),
        data("BNAME", char(35), "", kept=False),
        data("TELF1", char(16), "", kept=False),
        data("MAHZA", dec(3), "", kept=False),
        data("MAHDT", DATS, "", kept=False),
        data("KUNNR", char(10), "Sold-to party", element="", check_table="KNA1"),
        data("KOSTL", char(10), "", kept=False),
        data("STAFO", char(6), "", kept=False),
        data("STWAE", cuky(), "", kept=False),
        data("AEDAT", DATS, "", kept=False),
        data("KVGR1", char(3), "Customer Group 1", kept=False),
        data("KVGR2", char(3), "Customer Group 2", kept=False),
        data("KVGR3", char(3), "Customer Group 3", kept=False),
        data("KVGR4", char(3), "Customer Group 4", kept=False),
        data("KVGR5", char(3), "Customer Group 5", kept=False),
        data("KNUMA", char(10), "", kept=False),
        data("KOKRS", char(4), "", kept=False),
        data("PS_PSP_PNR", char(8), "", kept=False),
        data("KURST", char(4), "", kept=False),
        data("KKBER", char(4), "Credit Control Area", kept=False),
        data("KNKLI", char(10), "Customer's Account Number with Credit Limit Reference",
             kept=False),
        data("GRUPP", char(4), "", kept=False),
        data("SBGRP", char(3), "", kept=False),
        data("CTLPC", char(3), "Risk Category", kept=False),
        data("CMWAE", cuky(), "", kept=False),
        data("CMFRE", DATS, "", kept=False),
        data("CMNUP", DATS, "", kept=False),
        data("CMNGV", DATS, "", kept=False),
        data("AMTBL", curr(15), "", kept=False),
        data("HITYP_PR", char(1), "", kept=False),
        data("ABRVW", char(3), "", kept=False),
        data("ABDIS", char(1), "", kept=False),
        data("VGBEL", char(10), "Document number of the reference document"),
        data("OBJNR", char(22), "Object Number at Header Level", kept=False),
        data("BUKRS_VF", char(4), "Company Code to Be Billed", check_table="T001", kept=False),
        data("TAXK1", char(1), "Tax Classification 1 for Customer", kept=False),
        data("TAXK2", char(1), "", kept=False),
        data("TAXK3", char(1), "", kept=False),
        data("TAXK4", char(1), "", kept=False),
        data("TAXK5", char(1), "", kept=False),
        data("TAXK6", char(1), "", kept=False),
        data("TAXK7", char(1), "", kept=False),
        data("TAXK8", char(1), "", kept=False),
        data("TAXK9", char(1), "", kept=False),
        data("XBLNR", char(16), "Reference Document Number", kept=False),
        data("ZUONR", char(18), "", kept=False),
        data("VGTYP", char(1), "Preceding doc. category"),
        data("KALSM_CH", char(6), "", kept=False),
        data("AGRZR", char(2), "", kept=False),
        data("AUFNR", char(12), "", kept=False),
        data("QMNUM", char(12), "", kept=False),
        data("VBELN_GRP", char(10), "", kept=False),
        data("SCHEME_GRP", char(4), "", kept=False),
        data("ABRUF_PART", char(1), "", kept=False),
        data("ABHOD", DATS, "", kept=False),
        data("ABHOV", TIMS, "", kept=False),
        data("ABHOB", TIMS, "", kept=False),
        data("RPLNR", char(10), "", kept=False),
        data("VZEIT", TIMS, "", kept=False),
        data("STCEG_L", char(3), "", kept=False),
        data("LANDTX", char(3), "", kept=False),
        data("XEGDR", char(1), "", kept=False),
        data("ENQUEUE_GRP", char(1), "", kept=False),
        data("DAT_FZAU", DATS, "", kept=False),
        data("FMBDAT", DATS, "", kept=False),
        data("VSNMR_V", char(12), "", kept=False),
        data("HANDLE", char(22), "", kept=False),
        data("PROLI", char(3), "", kept=False),
        data("CONT_DG", char(1), "", kept=False),
        data("CRM_GUID", char(70), "", kept=False),
        data("UPD_TMSTMP", dec(21, 7), "", kept=False),
        data("MSR_ID", char(10), "", kept=False),
        data("SWENR", char(8), "", kept=False),
        data("SMENR", char(8), "", kept=False),
        data("PHASE", char(11), "", kept=False),
        data("MTLAUR", char(1), "", kept=False),
        data("STAGE", INT4, "", kept=False),
        data("HB_CONT_REASON", char(2), "", kept=False),
        data("HB_EXPDATE", DATS, "", kept=False),
        data("HB_RESDATE", DATS, "", kept=False),
        data("MILL_APPL_ID", char(2), "", kept=False),
        data("LOGSYSB", char(10), "", kept=False),
        data("KALCD", char(6), "", kept=False),
        data("MULTI", char(1), "", kept=False),
        data("WTYSC_CLM_HDR", char(16), "", kept=False),
    ),
    source=_VBAK_SOURCE,
    notes=_VBAK_NOTES,
    first_columns=("mandt", "vbeln", "auart", "vbtyp", "erdat", "erzet", "ernam", "audat",
                   "vkorg", "vtweg", "spart", "kunnr", "bstnk", "bstdk", "vdatu", "lifsk",
                   "faksk", "augru", "netwr", "waerk", "vgbel", "vgtyp"),
    own_columns=_vbak_indexes,
)


VBAP = TableDeclaration(
    "VBAP", "Sales Document: Item Data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Sales Document", element="VBELN_VA", check_table="VBUK"),
        key("POSNR", numc(6), "Sales Document Item", element="POSNR_VA", check_table="VBUP"),
        data("MATNR", char(18), "Material Number", check_table="MARA"),
        data("MATWA", char(18), "Material entered", check_table="MARA", kept=False),
        data("PMATN", char(18), "Pricing Reference Material",
             element="", check_table="MARA", kept=False),
        data("CHARG", char(10), "Batch Number", element="CHARG_D", check_table="MCHA", kept=False),
        data("MATKL", char(9), "Material Group", check_table="T023", kept=False),
        data("ARKTX", char(40), "Short text for sales order item"),
        data("PSTYV", char(4), "Sales document item category", check_table="TVPT"),
        data("POSAR", char(1), "Item type", kept=False),
        data("LFREL", char(1), "Item is relevant for delivery", element="", kept=False),
        data("FKREL", char(1), "Relevant for Billing", kept=False),
        data("UEPOS", numc(6), "Higher-level item in bill of material structures",
             element="", kept=False),
        data("GRPOS", numc(6), "Item for which this item is an alternative", kept=False),
        data("ABGRU", char(2), "Reason for rejection of quotations and sales orders", element=""),
        data("PRODH", char(18), "", kept=False),
        data("ZWERT", curr(13), "", kept=False),
        data("ZMENG", quan(13), "", kept=False),
        data("ZIEME", unit(), "", kept=False),
        data("UMZIZ", dec(5), "", kept=False),
        data("UMZIN", dec(5), "", kept=False),
        data("MEINS", unit(), "Base Unit of Measure"),
        data("SMENG", quan(13), "", kept=False),
        data("ABLFZ", quan(13), "", kept=False),
        data("ABDAT", DATS, "", kept=False),
        data("ABSFZ", quan(13), "", kept=False),
        data("POSEX", char(6), "", kept=False),
        data("KDMAT", char(35), "", kept=False),
        data("KBVER", dec(3), "", kept=False),
        data("KEVER", dec(3), "", kept=False),
        data("VKGRU", char(3), "", kept=False),
        data("VKAUS", char(3), "", kept=False),
        data("GRKOR", char(3), "", kept=False),
        data("FMENG", char(1), "", kept=False),
        data("UEBTK", char(1), "", kept=False),
        data("UEBTO", dec(3, 1), "", kept=False),
        data("UNTTO", dec(3, 1), "", kept=False),
        data("FAKSP", char(2), "", kept=False),
        data("ATPKZ", char(1), "", kept=False),
        data("RKFKF", char(1), "", kept=False),
        data("SPART", char(2), "", kept=False),
        data("GSBER", char(4), "", kept=False),
        data("NETWR", curr(15), "Net value of the order item in document currency",
             element="", initial="0"),
        data("WAERK", cuky(), "SD Document Currency"),
        data("ANTLF", dec(1), "", kept=False),
        data("KZTLF", char(1), "", kept=False),
        data("CHSPL", char(1), "", kept=False),
        data("KWMENG", quan(15), "Cumulative Order Quantity in Sales Units", initial="0"),
        data("LSMENG", quan(15), "", kept=False),
        data("KBMENG", quan(15), "", kept=False),
        data("KLMENG", quan(15), "", kept=False),
        data("VRKME", unit(), "Sales unit"),
        data("UMVKZ", dec(5), "", kept=False),
        data("UMVKN", dec(5), "", kept=False),
        data("BRGEW", quan(15), "", kept=False),
        data("NTGEW", quan(15), "", kept=False),
        data("GEWEI", unit(), "", kept=False),
        data("VOLUM", quan(15), "", kept=False),
        data("VOLEH", unit(), "", kept=False),
        data("VBELV", char(10), "", kept=False),
        data("POSNV", numc(6), "", kept=False),
        data("VGBEL", char(10), "Document number of the reference document"),
        data("VGPOS", numc(6), "Item number of the reference item"),
        data("VOREF", char(1), "", kept=False),
        data("UPFLU", char(1), "", kept=False),
        data("ERLRE", char(1), "", kept=False),
        data("LPRIO", char(2), "", kept=False),
        data("WERKS", char(4), "Plant (Own or External)", element="WERKS_D"),
        data("LGORT", char(4), "Storage Location", element="LGORT_D"),
        data("VSTEL", char(4), "Shipping Point/Receiving Point"),
        data("ROUTE", char(6), "", kept=False),
        data("STKEY", char(1), "", kept=False),
        data("STDAT", DATS, "", kept=False),
        data("STLNR", char(8), "", kept=False),
        data("STPOS", dec(5), "", kept=False),
        data("AWAHR", char(3), "", kept=False),
        data("ERDAT", DATS, "", kept=False),
        data("ERNAM", char(12), "", kept=False),
        data("ERZET", TIMS, "", kept=False),
        data("TAXM1", char(1), "", kept=False),
        data("TAXM2", char(1), "", kept=False),
        data("TAXM3", char(1), "", kept=False),
        data("TAXM4", char(1), "", kept=False),
        data("TAXM5", char(1), "", kept=False),
        data("TAXM6", char(1), "", kept=False),
        data("TAXM7", char(1), "", kept=False),
        data("TAXM8", char(1), "", kept=False),
        data("TAXM9", char(1), "", kept=False),
        data("VBEAF", dec(5, 2), "", kept=False),
        data("VBEAV", dec(5, 2), "", kept=False),
        data("VGREF", char(1), "", kept=False),
        data("NETPR", curr(11), "Net Price", initial="0"),
        data("KPEIN", dec(5), "", kept=False),
        data("KMEIN", unit(), "", kept=False),
        data("SHKZG", char(1), "", kept=False),
        data("SKTOF", char(1), "", kept=False),
        data("MTVFP", char(2), "", kept=False),
        data("SUMBD", char(1), "", kept=False),
        data("KONDM", char(2), "", kept=False),
        data("KTGRM", char(2), "", kept=False),
        data("BONUS", char(2), "", kept=False),
        data("PROVG", char(2), "", kept=False),
        data("EANNR", char(13), "", kept=False),
        data("PRSOK", char(1), "", kept=False),
        data("BWTAR", char(10), "", kept=False),
        data("BWTEX", char(1), "", kept=False),
        data("XCHPF", char(1), "", kept=False),
        data("XCHAR", char(1), "", kept=False),
        data("LFMNG", quan(13), "", kept=False),
        data("STAFO", char(6), "", kept=False),
        data("WAVWR", curr(13), "", kept=False),
        data("KZWI1", curr(13), "", kept=False),
        data("KZWI2", curr(13), "", kept=False),
        data("KZWI3", curr(13), "", kept=False),
        data("KZWI4", curr(13), "", kept=False),
        data("KZWI5", curr(13), "", kept=False),
        data("KZWI6", curr(13), "", kept=False),
        data("STCUR", dec(9, 5), "", kept=False),
        data("AEDAT", DATS, "", kept=False),
        data("EAN11", char(18), "", kept=False),
        data("FIXMG", char(1), "", kept=False),
        data("PRCTR", char(10), "", kept=False),
        data("MVGR1", char(3), "", kept=False),
        data("MVGR2", char(3), "", kept=False),
        data("MVGR3", char(3), "", kept=False),
        data("MVGR4", char(3), "", kept=False),
        data("MVGR5", char(3), "", kept=False),
        data("KMPMG", quan(13), "", kept=False),
        data("SUGRD", char(4), "", kept=False),
        data("SOBKZ", char(1), "", kept=False),
        data("VPZUO", char(1), "", kept=False),
        data("PAOBJNR", char(10), "", kept=False),
        data("PS_PSP_PNR", char(8), "", kept=False),
        data("AUFNR", char(12), "", kept=False),
        data("VPMAT", char(18), "", kept=False),
        data("VPWRK", char(4), "", kept=False),
        data("PRBME", unit(), "", kept=False),
        data("UMREF", _FLOAT, "", kept=False),
        data("KNTTP", char(1), "", kept=False),
        data("KZVBR", char(1), "", kept=False),
        data("SERNR", char(8), "", kept=False),
        data("OBJNR", char(22), "", kept=False),
        data("ABGRS", char(6), "", kept=False),
        data("BEDAE", char(4), "", kept=False),
        data("CMPRE", curr(11), "", kept=False),
        data("CMTFG", char(1), "", kept=False),
        data("CMPNT", char(1), "", kept=False),
        data("CMKUA", dec(9, 5), "", kept=False),
        data("CUOBJ", char(18), "", kept=False),
        data("CUOBJ_CH", char(18), "", kept=False),
        data("CEPOK", char(1), "", kept=False),
        data("KOUPD", char(1), "", kept=False),
        data("SERAIL", char(4), "", kept=False),
        data("ANZSN", INT4, "", kept=False),
        data("NACHL", char(1), "", kept=False),
        data("MAGRV", char(4), "", kept=False),
        data("MPROK", char(1), "", kept=False),
        data("VGTYP", char(1), "", kept=False),
        data("PROSA", char(1), "", kept=False),
        data("UEPVW", char(1), "", kept=False),
        data("KALNR", char(12), "", kept=False),
        data("KLVAR", char(4), "", kept=False),
        data("SPOSN", char(4), "", kept=False),
        data("KOWRR", char(1), "", kept=False),
        data("STADAT", DATS, "", kept=False),
        data("EXART", char(2), "", kept=False),
        data("PREFE", char(1), "", kept=False),
        data("KNUMH", char(10), "", kept=False),
        data("CLINT", char(10), "", kept=False),
        data("CHMVS", char(3), "", kept=False),
        data("STLTY", char(1), "", kept=False),
        data("STLKN", char(8), "", kept=False),
        data("STPOZ", char(8), "", kept=False),
        data("STMAN", char(1), "", kept=False),
        data("ZSCHL_K", char(6), "", kept=False),
        data("KALSM_K", char(6), "", kept=False),
        data("KALVAR", char(4), "", kept=False),
        data("KOSCH", char(18), "", kept=False),
        data("UPMAT", char(18), "", kept=False),
        data("UKONM", char(2), "", kept=False),
        data("MFRGR", char(8), "", kept=False),
        data("PLAVO", char(4), "", kept=False),
        data("KANNR", char(35), "", kept=False),
        data("CMPRE_FLT", _FLOAT, "", kept=False),
        data("ABFOR", char(2), "", kept=False),
        data("ABGES", _FLOAT, "", kept=False),
        data("J_1BCFOP", char(10), "", kept=False),
        data("J_1BTAXLW1", char(3), "", kept=False),
        data("J_1BTAXLW2", char(3), "", kept=False),
        data("J_1BTXSDC", char(2), "", kept=False),
        data("WKTNR", char(10), "", kept=False),
        data("WKTPS", char(6), "", kept=False),
        data("SKOPF", char(18), "", kept=False),
        data("KZBWS", char(1), "", kept=False),
        data("WGRU1", char(18), "", kept=False),
        data("WGRU2", char(18), "", kept=False),
        data("KNUMA_PI", char(10), "", kept=False),
        data("KNUMA_AG", char(10), "", kept=False),
        data("KZFME", char(1), "", kept=False),
        data("LSTANR", char(1), "", kept=False),
        data("TECHS", char(12), "", kept=False),
        data("MWSBP", curr(13), "", kept=False),
        data("BERID", char(10), "", kept=False),
        data("PCTRF", char(10), "", kept=False),
        data("LOGSYS_EXT", char(10), "", kept=False),
        data("J_1BTAXLW3", char(3), "", kept=False),
        data("J_1BTAXLW4", char(3), "", kept=False),
        data("J_1BTAXLW5", char(3), "", kept=False),
        data("STOCKLOC", char(20), "", kept=False),
        data("SLOCTYPE", char(4), "", kept=False),
        data("MSR_RET_REASON", char(3), "", kept=False),
        data("MSR_REFUND_CODE", char(3), "", kept=False),
        data("MSR_APPROV_BLOCK", char(1), "", kept=False),
        data("AUFPL_OLC", char(10), "", kept=False),
        data("APLZL_OLC", char(8), "", kept=False),
        data("FERC_IND", char(4), "", kept=False),
        data("KOSTL", char(10), "", kept=False),
        data("FONDS", char(10), "", kept=False),
        data("FISTL", char(16), "", kept=False),
        data("FKBER", char(16), "", kept=False),
        data("GRANT_NBR", char(20), "", kept=False),
        data("BUDGET_PD", char(10), "", kept=False),
        data("IUID_RELEVANT", char(1), "", kept=False),
        data("MILL_SE_GPOSN", char(6), "", kept=False),
        data("PRS_OBJNR", char(22), "", kept=False),
        data("ARSNUM", char(10), "", kept=False),
        data("ARSPOS", char(4), "", kept=False),
        data("WTYSC_CLMITEM", char(16), "", kept=False),
    ),
    source=_VBAP_SOURCE,
    notes=_VBAP_NOTES,
    first_columns=("mandt", "vbeln", "posnr", "matnr", "arktx", "pstyv", "kwmeng", "vrkme",
                   "meins", "werks", "lgort", "vstel", "netpr", "netwr", "waerk", "vgbel",
                   "vgpos", "abgru"),
    own_columns=_vbap_indexes,
)


VBEP = TableDeclaration(
    "VBEP", "Sales Document: Schedule Line Data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Sales Document", element="VBELN_VA", check_table="VBUK"),
        key("POSNR", numc(6), "Sales Document Item", element="POSNR_VA", check_table="VBUP"),
        key("ETENR", numc(4), "Delivery Schedule Line Number"),
        data("ETTYP", char(2), "Schedule line category", check_table="TVEP"),
        data("LFREL", char(1), "Item is relevant for delivery", kept=False),
        data("EDATU", DATS, "Schedule line date"),
        data("EZEIT", TIMS, "Arrival time", kept=False),
        data("WMENG", quan(13), "Order Quantity in Sales Units", initial="0"),
        data("BMENG", quan(13), "Confirmed Quantity", initial="0"),
        data("VRKME", unit(), "Sales unit", kept=False),
        data("LMENG", quan(13), "Required quantity for mat.management in stockkeeping units",
             kept=False),
        data("MEINS", unit(), "Base Unit of Measure", kept=False),
        data("BDDAT", DATS, "Requirement date (deadline for procurement)", kept=False),
        data("BDART", char(2), "Requirement type", kept=False),
        data("PLART", char(1), "Planning type", kept=False),
        data("VBELE", char(10), "Business document number", kept=False),
        data("POSNE", numc(6), "Business item number", kept=False),
        data("ETENE", numc(4), "Schedule line", kept=False),
        data("RSDAT", DATS, "Earliest possible reservation date", kept=False),
        data("IDNNR", numc(10), "Maintenance request", kept=False),
        data("BANFN", char(10), "", kept=False),
        data("BSART", char(4), "", kept=False),
        data("BSTYP", char(1), "", kept=False),
        data("WEPOS", char(1), "", kept=False),
        data("REPOS", char(1), "", kept=False),
        data("LRGDT", DATS, "", kept=False),
        data("PRGRS", char(1), "", kept=False),
        data("TDDAT", DATS, "", kept=False),
        data("MBDAT", DATS, "", kept=False),
        data("LDDAT", DATS, "", kept=False),
        data("WADAT", DATS, "", kept=False),
        data("CMENG", quan(13), "", kept=False),
        data("LIFSP", char(2), "Schedule line blocked for delivery"),
        data("GRSTR", char(3), "", kept=False),
        data("ABART", char(1), "", kept=False),
        data("ABRUF", char(10), "", kept=False),
        data("ROMS1", quan(13), "", kept=False),
        data("ROMS2", quan(13), "", kept=False),
        data("ROMS3", quan(13), "", kept=False),
        data("ROMEI", unit(), "", kept=False),
        data("RFORM", char(2), "", kept=False),
        data("UMVKZ", dec(5), "", kept=False),
        data("UMVKN", dec(5), "", kept=False),
        data("VERFP", char(1), "", kept=False),
        data("BWART", char(3), "", kept=False),
        data("BNFPO", char(5), "", kept=False),
        data("ETART", char(1), "", kept=False),
        data("AUFNR", char(12), "", kept=False),
        data("PLNUM", char(10), "", kept=False),
        data("SERNR", char(8), "", kept=False),
        data("AESKD", char(17), "", kept=False),
        data("ABGES", _FLOAT, "", kept=False),
        data("MBUHR", TIMS, "", kept=False),
        data("TDUHR", TIMS, "", kept=False),
        data("LDUHR", TIMS, "", kept=False),
        data("WAUHR", TIMS, "", kept=False),
        data("AULWE", char(10), "", kept=False),
    ),
    source=_VBEP_SOURCE,
    notes=_VBEP_NOTES,
    first_columns=("mandt", "vbeln", "posnr", "etenr", "edatu", "wmeng", "bmeng", "lifsp",
                   "ettyp"),
)


VBUK = TableDeclaration(
    "VBUK", "Sales Document: Header Status and Administrative Data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Sales and Distribution Document Number"),
        data("RFSTK", char(1), "Reference document header status", kept=False),
        data("RFGSK", char(1), "Total reference status of all items", kept=False),
        data("BESTK", char(1), "Confirmation status", kept=False),
        data("LFSTK", char(1), "Delivery status"),
        data("LFGSK", char(1), "Overall delivery status for all items"),
        data("WBSTK", char(1), "Total goods movement status"),
        data("FKSTK", char(1), "Billing status"),
        data("FKSAK", char(1), "Billing status (order-related billing document)", kept=False),
        data("BUCHK", char(1), "Posting Status of Billing Document", kept=False),
        data("ABSTK", char(1), "Overall rejection status of all document items"),
        data("GBSTK", char(1), "Overall processing status of document"),
        data("KOSTK", char(1), "Overall picking / putaway status"),
        data("LVSTK", char(1), "Overall status of warehouse management activities", kept=False),
        data("UVALS", char(1), "Total incompletion status of all items in general", kept=False),
        data("UVVLS", char(1), "Total incompletion status of all items: Delivery", kept=False),
        data("UVFAS", char(1), "Total incompletion status of all items: Billing", kept=False),
        data("UVALL", char(1), "General incompletion status of the header"),
        data("UVVLK", char(1), "Header incompletion status concerning delivery", kept=False),
        data("UVFAK", char(1), "Header incompletion status with respect to billing", kept=False),
        data("UVPRS", char(1), "Document is incomplete with respect to pricing", kept=False),
        data("VBTYP", char(1), "SD document category"),
        data("VBOBJ", char(1), "SD document object", kept=False),
        data("AEDAT", DATS, "Changed On", kept=False),
        data("FKIVK", char(1), "Billing totals status for intercompany billing", kept=False),
        data("RELIK", char(1), "Invoice list status of billing document", kept=False),
        data("UVK01", char(1), "Customer reserves 1: Header status", kept=False),
        data("UVK02", char(1), "Customer reserves 2: Header status", kept=False),
        data("UVK03", char(1), "Customer reserves 3: Header status", kept=False),
        data("UVK04", char(1), "", kept=False),
        data("UVK05", char(1), "", kept=False),
        data("UVS01", char(1), "", kept=False),
        data("UVS02", char(1), "", kept=False),
        data("UVS03", char(1), "", kept=False),
        data("UVS04", char(1), "", kept=False),
        data("UVS05", char(1), "", kept=False),
        data("PKSTK", char(1), "", kept=False),
        data("CMPSA", char(1), "", kept=False),
        data("CMPSB", char(1), "", kept=False),
        data("CMPSC", char(1), "", kept=False),
        data("CMPSD", char(1), "", kept=False),
        data("CMPSE", char(1), "", kept=False),
        data("CMPSF", char(1), "", kept=False),
        data("CMPSG", char(1), "", kept=False),
        data("CMPSH", char(1), "", kept=False),
        data("CMPSI", char(1), "", kept=False),
        data("CMPSJ", char(1), "", kept=False),
        data("CMPSK", char(1), "", kept=False),
        data("CMPSL", char(1), "", kept=False),
        data("CMPS0", char(1), "", kept=False),
        data("CMPS1", char(1), "", kept=False),
        data("CMPS2", char(1), "", kept=False),
        data("CMGST", char(1), "Overall status of credit checks"),
        data("TRSTA", char(1), "", kept=False),
        data("KOQUK", char(1), "", kept=False),
        data("COSTA", char(1), "", kept=False),
        data("SAPRL", char(4), "", kept=False),
        data("UVPAS", char(1), "", kept=False),
        data("UVPIS", char(1), "", kept=False),
        data("UVWAS", char(1), "", kept=False),
        data("UVPAK", char(1), "", kept=False),
        data("UVPIK", char(1), "", kept=False),
        data("UVWAK", char(1), "", kept=False),
        data("UVGEK", char(1), "", kept=False),
        data("CMPSM", char(1), "", kept=False),
        data("DCSTK", char(1), "", kept=False),
        data("VESTK", char(1), "", kept=False),
        data("VLSTK", char(1), "", kept=False),
        data("RRSTA", char(1), "", kept=False),
        data("BLOCK", char(1), "", kept=False),
        data("FSSTK", char(1), "", kept=False),
        data("LSSTK", char(1), "", kept=False),
        data("SPSTG", char(1), "", kept=False),
        data("PDSTK", char(1), "", kept=False),
        data("FMSTK", char(1), "", kept=False),
        data("MANEK", char(1), "", kept=False),
        data("SPE_TMPID", char(1), "", kept=False),
        data("HDALL", char(1), "", kept=False),
        data("HDALS", char(1), "", kept=False),
        data("CMPS_CM", char(1), "", kept=False),
    ),
    source=_VBUK_SOURCE,
    notes=_VBUK_NOTES,
    first_columns=("mandt", "vbeln", "vbtyp", "gbstk", "lfstk", "lfgsk", "wbstk", "kostk",
                   "fkstk", "cmgst", "abstk", "uvall"),
)


VBUP = TableDeclaration(
    "VBUP", "Sales Document: Item Status",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Sales and Distribution Document Number", check_table="VBUK"),
        key("POSNR", numc(6), "Item number of the SD document"),
        data("RFSTA", char(1), "Reference status", kept=False),
        data("RFGSA", char(1), "Overall status of reference", kept=False),
        data("BESTA", char(1), "Confirmation Status of Document Item", kept=False),
        data("LFSTA", char(1), "Delivery status"),
        data("LFGSA", char(1), "Overall delivery status of the item"),
        data("WBSTA", char(1), "Goods movement status"),
        data("FKSTA", char(1), "Billing status of delivery-related billing documents"),
        data("FKSAA", char(1), "Billing Status for Order-Related Billing Documents", kept=False),
        data("ABSTA", char(1), "Rejection status for SD item"),
        data("GBSTA", char(1), "Overall processing status of the SD document item"),
        data("KOSTA", char(1), "Picking status/Putaway status", kept=False),
        data("LVSTA", char(1), "Status of warehouse management activities", kept=False),
        data("UVALL", char(1), "General Incompletion Status of Item", kept=False),
        data("UVVLK", char(1), "Incompletion status of the item with regard to delivery",
             kept=False),
        data("UVFAK", char(1), "Item Incompletion Status with Respect to Billing", kept=False),
        data("UVPRS", char(1), "Pricing for item is incomplete", kept=False),
        data("FKIVP", char(1), "Intercompany Billing Status", kept=False),
        data("UVP01", char(1), "Customer reserves 1: Item status", kept=False),
        data("UVP02", char(1), "Customer reserves 2: Item status", kept=False),
        data("UVP03", char(1), "Item reserves 3: Item status", kept=False),
        data("UVP04", char(1), "Item reserves 4: Item status", kept=False),
        data("UVP05", char(1), "Customer reserves 5: Item status", kept=False),
        data("PKSTA", char(1), "Packing Status (Item)", kept=False),
        data("KOQUA", char(1), "Confirmation Status of Picking/Putaway", kept=False),
        data("COSTA", char(1), "Purchasing Confirmation Status", kept=False),
    ),
    source=_VBUP_SOURCE,
    notes=_VBUP_NOTES,
    first_columns=("mandt", "vbeln", "posnr", "gbsta", "lfsta", "lfgsa", "wbsta", "fksta",
                   "absta"),
)


VBFA = TableDeclaration(
    "VBFA", "Sales Document Flow",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELV", char(10), "Preceding sales and distribution document", check_table="VBUK"),
        key("POSNV", numc(6), "Preceding item of an SD document", check_table="VBUP"),
        key("VBELN", char(10), "Subsequent sales and distribution document",
            element="", check_table="VBUK"),
        key("POSNN", numc(6), "Subsequent item of an SD document", check_table="VBUP"),
        key("VBTYP_N", char(1), "Document category of subsequent document"),
        data("RFMNG", quan(15), "Referenced quantity in base unit of measure", initial="0"),
        data("MEINS", unit(), "Base Unit of Measure", check_table="T006"),
        data("RFWRT", curr(15), "Reference value", initial="0"),
        data("WAERS", cuky(), "Statistics currency", element="", check_table="TCURC"),
        data("VBTYP_V", char(1), "Document category of preceding SD document"),
        data("PLMIN", char(1), "Quantity is calculated positively, negatively or not at all"),
        data("TAQUI", char(1), "ID: MM-WM transfer order confirmed", kept=False),
        data("ERDAT", DATS, "Date on Which Record Was Created"),
        data("ERZET", TIMS, "Entry time"),
        data("MATNR", char(18), "Material Number", check_table="MARA", kept=False),
        data("BWART", char(3), "Movement Type (Inventory Management)", check_table="T156"),
        data("BDART", char(2), "Requirement type", kept=False),
        data("PLART", char(1), "Planning type", kept=False),
        data("STUFE", numc(2), "Level of the document flow record", kept=False),
        data("LGNUM", char(3), "Warehouse Number / Warehouse Complex",
             check_table="T300", kept=False),
        data("AEDAT", DATS, "Changed On", kept=False),
        data("FKTYP", char(1), "Billing category", kept=False),
        data("BRGEW", quan(15), "Gross weight", kept=False),
        data("GEWEI", unit(), "Weight Unit", check_table="T006", kept=False),
        data("VOLUM", quan(15), "Volume", kept=False),
        data("VOLEH", unit(), "Volume unit", kept=False),
        data("FPLNR", char(10), "Billing plan number / invoicing plan number",
             check_table="FPLA", kept=False),
        data("FPLTR", numc(6), "Item for billing plan/invoice plan/payment cards", kept=False),
        data("RFMNG_FLO", _FLOAT, "Referenced quantity in sales unit (float)", kept=False),
        data("RFMNG_FLT", _FLOAT, "Referenced quantity in base unit of measure (float)",
             kept=False),
        data("VRKME", unit(), "Sales unit", check_table="T006", kept=False),
        data("ABGES", _FLOAT, "Guaranteed (factor between 0 and 1)", kept=False),
        data("SOBKZ", char(1), "Special Stock Indicator", kept=False),
        data("SONUM", char(16), "", kept=False),
        data("KZBEF", char(1), "", kept=False),
        data("NTGEW", quan(13), "", kept=False),
        data("LOGSYS", char(10), "", kept=False),
        data("WBSTA", char(1), "", kept=False),
        data("CMETH", char(1), "", kept=False),
        data("MJAHR", numc(4), "Material Document Year"),
    ),
    source=_VBFA_SOURCE,
    notes=_VBFA_NOTES,
    first_columns=("mandt", "vbelv", "posnv", "vbeln", "posnn", "vbtyp_n", "vbtyp_v", "rfmng",
                   "meins", "rfwrt", "waers", "plmin", "bwart", "mjahr", "erdat", "erzet"),
    own_columns=_vbfa_indexes,
)


TABLES: tuple[TableDeclaration, ...] = (VBAK, VBAP, VBEP, VBUK, VBUP, VBFA)
