"""The customizing tables a new client gets (SPRO's organizational units, material types,
account groups, partner functions), as RFC_READ_TABLE and DDIF_FIELDINFO_GET show them.

Their entries are not kept in tables of their own: the client's baseline customizing
(``fake_sap.customizing.STORED``) is one row per SAP table and key in the generic
``customizing`` table, its values as JSON (written by ``fake_sap.db.clients`` alone, read by
the checks of SD, MM and FI). RFC_READ_TABLE reads these declarations through a read-only
view over those rows (``fake_sap.db.clients.customizing_view``): the key fields after MANDT
are the parts of the stored key (``1000/10/00`` is VKORG, VTWEG, SPART of TVTA), a kept field
is the JSON value of its name, and every other declared field reads as its initial value.

A field is *kept* when the baseline customizing stores it. Some of the baseline's values are
texts that SAP keeps in a text table of its own (TVKOT-VTEXT, TVTWT-VTEXT, TSPAT-VTEXT,
TVSTT-VTEXT, T077X-TXT30, TPART-VTEXT): they are no fields of these tables, so they are not
declared here and cannot be read. Each declaration names the listing its fields come from;
a listing that was cut off or not found is said in ``notes``, and the fields it did not show
are not declared.
"""

from __future__ import annotations

from fake_sap.ddic.elements import DATA_ELEMENTS
from fake_sap.ddic.tables.declaration import DeclaredField, TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, LANG, Elementary, char, cuky, curr, numc

#: (field, type, data element of the listing, check table, short text)
_Spec = tuple[str, Elementary, str, str, str]


def _element(listed: str) -> str:
    """The listing's data element where the dictionary declares it, else none ("": the
    field is not linked by its own name, which may name another element)."""
    return listed if listed in DATA_ELEMENTS else ""


def _fields(keys: tuple[_Spec, ...], fields: tuple[_Spec, ...], kept: frozenset[str]
            ) -> tuple[DeclaredField, ...]:
    """MANDT, the key fields and the other fields in the listing's order; a non-key field
    is kept when the baseline customizing stores it (see the module's docstring)."""
    declared = [key("MANDT", CLNT, "Client", check_table="T000", element="")]
    declared += [key(name, type_, text, element=_element(element), check_table=check)
                 for name, type_, element, check, text in keys]
    declared += [data(name, type_, text, element=_element(element), check_table=check,
                      kept=name in kept)
                 for name, type_, element, check, text in fields]
    return tuple(declared)


_FLAG = char(1)
#: where the rows come from (the table reference's general text is about stored tables)
_AS_VIEW = ("No table of its own: RFC_READ_TABLE reads the client's customizing entries "
            "through a read-only view (docs/architecture.md, section State); a field is kept "
            "when the baseline customizing stores it. ")

T001 = TableDeclaration(
    "T001", "Company Codes",
    _fields(
        (("BUKRS", char(4), "BUKRS", "", "Company Code"),),
        (
            ("BUTXT", char(25), "BUTXT", "", "Name of Company Code or Company"),
            ("ORT01", char(25), "ORT01", "", "City"),
            ("LAND1", char(3), "LAND1", "T005", "Country Key"),
            ("WAERS", cuky(), "WAERS", "TCURC", "Currency Key"),
            ("SPRAS", LANG, "SPRAS", "T002", "Language Key"),
            ("KTOPL", char(4), "KTOPL", "T004", "Chart of Accounts"),
            ("WAABW", numc(2), "WAABW_001", "", "Maximum exchange rate deviation in percent"),
            ("PERIV", char(2), "PERIV", "T009", "Fiscal Year Variant"),
            ("KOKFI", _FLAG, "KOKFI", "", "Allocation Indicator"),
            ("RCOMP", char(6), "RCOMP_D", "T880", "Company"),
            ("ADRNR", char(10), "ADRNR", "", "Address"),
            ("STCEG", char(20), "STCEG", "", "VAT Registration Number"),
            ("FIKRS", char(4), "FIKRS", "FM01", "Financial Management Area"),
            ("XFMCO", _FLAG, "XFMCO", "", "Indicator: Project Cash Management active?"),
            ("XFMCB", _FLAG, "XFMCB", "", "Indicator: Cash budget management active"),
            ("XFMCA", _FLAG, "XFMCA", "", "Activate Update in Funds Management"),
            ("TXJCD", char(15), "TXJCD_NSTX", "",
             "Jurisdiction for tax calculation - tax jurisdiction code"),
            ("FMHRDATE", DATS, "FM_HRDATE", "",
             "Funds center can be assigned to an account in HR from"),
        ),
        frozenset({"BUTXT", "WAERS", "LAND1"})),
    source=("leanx.eu, \"SAP Table T001\" (https://leanx.eu/sap/table/t001/); datapanda.eu, "
            "\"SAP table T001\" (https://datapanda.eu/en/sap/table/T001); saplearners.com, "
            "\"SAP T001 Table\""),
    notes=(_AS_VIEW +
           "The first 20 fields of SAP's T001, in SAP's order, on which the listings agree "
           "(through FMHRDATE). saplearners.com counts 81 fields (S/4HANA); the fields after "
           "FMHRDATE are not declared yet: the listings seen were cut off there, and some of "
           "the later ones (XTEMPLT, TRANSIT_PLANT) are S/4HANA's. The baseline keeps a "
           "credit control area (KKBER) with each company code, which is not among the "
           "declared fields and so is not readable."),
)

T001W = TableDeclaration(
    "T001W", "Plants/Branches",
    _fields(
        (("WERKS", char(4), "WERKS_D", "", "Plant"),),
        (
            ("NAME1", char(30), "NAME1", "", "Name"),
            ("BWKEY", char(4), "BWKEY", "T001K", "Valuation Area"),
            ("KUNNR", char(10), "KUNNR_WK", "KNA1", "Customer number of plant"),
            ("LIFNR", char(10), "LIFNR_WK", "LFA1", "Vendor number of plant"),
            ("FABKL", char(2), "FABKL", "TFACD", "Factory calendar key"),
            ("NAME2", char(30), "NAME2", "", "Name 2"),
            ("STRAS", char(30), "STRAS", "", "House number and street"),
            ("PFACH", char(10), "PFACH", "", "PO Box"),
            ("PSTLZ", char(10), "PSTLZ", "", "Postal Code"),
            ("ORT01", char(25), "ORT01", "", "City"),
            ("EKORG", char(4), "EKORG", "T024E", "Purchasing Organization"),
            ("VKORG", char(4), "VKOIV", "TVKO", "Sales organization for intercompany billing"),
            ("CHAZV", _FLAG, "CHAZV", "", "Indicator: batch status management active"),
            ("KKOWK", _FLAG, "KKOWK", "", "Indicator: Conditions at plant level"),
            ("KORDB", _FLAG, "KORDB", "", "Indicator: Source list requirement"),
            ("BEDPL", _FLAG, "BEDPL", "", "Activating requirements planning"),
            ("LAND1", char(3), "LAND1", "T005", "Country Key"),
            ("REGIO", char(3), "REGIO", "T005S", "Region (State, Province, County)"),
            ("COUNC", char(3), "COUNC", "T005E", "County Code"),
            ("CITYC", char(4), "CITYC", "T005G", "City Code"),
            ("ADRNR", char(10), "ADRNR", "", "Address"),
            ("IWERK", char(4), "IWERK", "T001W", "Maintenance Planning Plant"),
            ("TXJCD", char(15), "TXJCD", "TTXJ", "Tax Jurisdiction"),
            ("VTWEG", char(2), "VTWIV", "TVTW", "Distribution channel for intercompany billing"),
            ("SPART", char(2), "SPAIV", "TSPA", "Division for intercompany billing"),
            ("SPRAS", LANG, "SPRAS", "T002", "Language Key"),
            ("WKSOP", _FLAG, "WKSOP", "", "SOP plant"),
            ("AWSLS", char(6), "AWSLS", "TKV01", "Variance Key"),
            ("CHAZV_OLD", _FLAG, "CHAZV", "", "Indicator: batch status management active"),
        ),
        frozenset({"NAME1", "BWKEY", "VKORG"})),
    source=("leanx.eu, \"SAP Table T001W\" (http://leanx.eu/en/sap/table/t001w.html); "
            "datapanda.eu, \"SAP table T001W\" (https://datapanda.eu/en/sap/table/T001W)"),
    notes=(_AS_VIEW +
           "The first 31 fields of SAP's T001W, in SAP's order, with the types and lengths "
           "of leanx.eu's listing (through CHAZV_OLD). The fields after it (VLFKZ, BZIRK, "
           "ZONE1, TAXIW, BZQHL, LET01-LET03, TXNAM_MA1-3, BETOL, J_1BBRANCH ... as exports "
           "of the table name them) are not declared yet: the listing seen with their types "
           "was cut off there."),
)

TVKO = TableDeclaration(
    "TVKO", "Organizational Unit: Sales Organizations",
    _fields(
        (("VKORG", char(4), "VKORG", "", "Sales Organization"),),
        (
            ("WAERS", cuky(), "WAERS_V", "TCURC", "Statistics currency"),
            ("BUKRS", char(4), "VKBUK", "T001", "Company code of the sales organization"),
            ("ADRNR", char(10), "ADRNR", "", "Address"),
            ("TXNAM_ADR", char(16), "TXNAM_ADR", "",
             "Text name for form text module short address"),
            ("TXNAM_KOP", char(16), "TXNAM_KOP", "",
             "Text name for form text module letter header"),
            ("TXNAM_FUS", char(16), "TXNAM_FUS", "",
             "Text name for formula text module footer lines"),
            ("TXNAM_GRU", char(16), "TXNAM_GRU", "", "Text name for form text module: Greeting"),
            ("VKOAU", char(4), "VKOAU", "TVKO",
             "Reference sales org.for sales doc.types (by sales area)"),
            ("KUNNR", char(10), "KUNIV", "KNA1", "Customer number for intercompany billing"),
            ("BOAVO", _FLAG, "BOAVO", "", "Rebate processing active in the sales organization"),
            ("VKOKL", char(2), "VKOKL", "TFACD", "Sales organization calendar"),
            ("EKORG", char(4), "EKORG", "T024E", "Purchasing Organization"),
            ("EKGRP", char(3), "EKGRP", "T024", "Purchasing Group"),
            ("LIFNR", char(10), "LIFNR", "LFA1", "Account Number of Vendor or Creditor"),
            ("WERKS", char(4), "WERKS_D", "T001W", "Plant"),
            ("BSART", char(4), "BSART", "T161", "Order Type (Purchasing)"),
            ("BSTYP", _FLAG, "BSTYP", "", "Purchasing Document Category"),
            ("BWART", char(3), "BWARTWE", "T156", "Movement Type (Inventory Management)"),
            ("LGORT", char(4), "LGORT_D", "T001L", "Storage Location"),
            ("TXNAM_SDB", char(16), "TXNAM_SDB", "",
             "Text names for layout-set module SDS sender"),
            ("MWSKZ", char(2), "J_1AMWSKZ", "T007A", "Tax code for SD documents"),
        ),
        frozenset({"WAERS", "BUKRS"})),
    source=("leanx.eu, \"SAP Table TVKO\" (https://leanx.eu/en/sap/table/tvko.html); "
            "saplearners.com, \"SAP TVKO Table - Organizational Unit: Sales Organizations\" "
            "(https://saplearners.com/sap-tables/tvko/); se80.co.uk, \"TVKO SAP "
            "Organizational Unit: Sales Organizations Table\""),
    notes=(_AS_VIEW +
           "The first 23 fields of SAP's TVKO, in SAP's order (through MWSKZ). "
           "saplearners.com counts 27 fields; the last ones (XSTCEG, J_1ANUTIME, MAXBI ...) "
           "are not declared: no listing seen showed their types. The baseline's name of the "
           "sales organization (VTEXT) is a field of the text table TVKOT, not of TVKO."),
)

TVTW = TableDeclaration(
    "TVTW", "Organizational Unit: Distribution Channels",
    _fields((("VTWEG", char(2), "VTWEG", "", "Distribution Channel"),), (), frozenset()),
    source=("the check tables of leanx.eu, \"SAP Table TVKOV\" (foreign keys to TVTW-MANDT "
            "and TVTW-VTWEG) and sapdatasheet.org, data element VTWEG (value table TVTW)"),
    notes=(_AS_VIEW +
           "The key only: no public listing of TVTW's other fields was found. The baseline's "
           "name of the channel (VTEXT) is a field of the text table TVTWT."),
)

TSPA = TableDeclaration(
    "TSPA", "Organizational Unit: Sales Divisions",
    _fields((("SPART", char(2), "SPART", "", "Division"),), (), frozenset()),
    source=("the check tables of sapdatasheet.org, \"SAP ABAP Table TVTA\" (SPAKU, SPAKO, "
            "SPAAU: check table TSPA) and data element BSPART (value table TSPA)"),
    notes=(_AS_VIEW +
           "The key only: no public listing of TSPA's other fields was found. The baseline's "
           "name of the division (VTEXT) is a field of the text table TSPAT."),
)

TVTA = TableDeclaration(
    "TVTA", "Organizational Unit: Sales Area(s)",
    _fields(
        (
            ("VKORG", char(4), "VKORG", "TVKO", "Sales Organization"),
            ("VTWEG", char(2), "VTWEG", "TVKOV", "Distribution Channel"),
            ("SPART", char(2), "SPART", "TVKOS", "Division"),
        ),
        (
            ("VTWKU", char(2), "VTWKU", "TVTW",
             "Reference distrib.channel for cust.and material masters"),
            ("SPAKU", char(2), "SPAKU", "TSPA", "Reference division for customers"),
            ("VTWKO", char(2), "VTWKO", "TVTW", "Reference distribution channel for conditions"),
            ("SPAKO", char(2), "SPAKO", "TSPA", "Reference division for conditions"),
            ("MABER", char(2), "MABER", "T047M", "Dunning Area"),
            ("VKOAU", char(4), "VKOAU", "TVKO",
             "Reference sales org.for sales doc.types (by sales area)"),
            ("VTWAU", char(2), "VTWAU", "TVTW", "Distribution channel for sales doc types"),
            ("SPAAU", char(2), "SPAAU", "TSPA",
             "Reference division for document types (by sales area)"),
            ("GSBER", char(4), "GSBER", "TGSB", "Business Area"),
            ("REGGB", numc(3), "REGGB", "", "Rule for determining the business area"),
            ("REVFP", _FLAG, "REVFP", "",
             "Rule for transferring the results of the availability check"),
            ("FIXMG", _FLAG, "FIXMG", "", "Delivery date and quantity fixed"),
            ("AFIND", _FLAG, "AFIND", "", "Promo determination"),
            ("KKBER", char(4), "KKBER", "T014", "Credit control area"),
            ("J_1ASNR", char(4), "J_1ADBRNCH", "J_1BBRANCH", "Branch for domestic operations"),
            ("J_1AESNR", char(4), "J_1AEBRNCH", "J_1BBRANCH", "Branch for export operations"),
        ),
        frozenset()),
    source=("sapdatasheet.org, \"SAP ABAP Table TVTA (Organizational Unit: Sales Area(s))\" "
            "(https://www.sapdatasheet.org/abap/tabl/tvta.html); erpexplorer.com, table TVTA "
            "(https://www.erpexplorer.com/sap/r3/table/TVTA); saplearners.com, \"SAP TVTA "
            "Table\" (https://saplearners.com/sap-tables/tvta/); tcodesearch.com, TVTA"),
    notes=(_AS_VIEW +
           "SAP's fields through J_1AESNR, in SAP's order. tcodesearch.com shows further "
           "includes after them (J_3GKBAUL, OID_CHECKC ... of industry solutions); they are "
           "not declared."),
)

T001L = TableDeclaration(
    "T001L", "Storage Locations",
    _fields(
        (
            ("WERKS", char(4), "WERKS_D", "T001W", "Plant"),
            ("LGORT", char(4), "LGORT_D", "", "Storage Location"),
        ),
        (), frozenset()),
    source=("the key of SAP's T001L (MANDT, WERKS, LGORT) as the check tables of "
            "leanx.eu, \"SAP Table MCVTTS\" (LGORTA: check table T001L) and the data elements "
            "WERKS_D and LGORT_D name it"),
    notes=(_AS_VIEW +
           "The key only: no public listing of T001L itself was found. se80.co.uk lists the "
           "structure ROIIT001L (MANDT, WERKS, LGORT, LGOBE, SPART, XLONG ...), which is not "
           "the table; the baseline's description of the storage location (LGOBE) is "
           "therefore not declared yet."),
)

TVST = TableDeclaration(
    "TVST", "Organizational Unit: Shipping Points",
    _fields((("VSTEL", char(4), "VSTEL", "", "Shipping Point/Receiving Point"),), (),
            frozenset()),
    source=("sapdatasheet.org, data element VSTEL (CHAR 4, value table TVST)"),
    notes=(_AS_VIEW +
           "The key only: no public listing of TVST's other fields was found. The "
           "baseline's name of the shipping point (VTEXT) is a field of the text table TVSTT; "
           "its plant (WERKS) is not declared."),
)

T014 = TableDeclaration(
    "T014", "Credit control areas",
    _fields(
        (("KKBER", char(4), "KKBER", "", "Credit control area"),),
        (
            ("WAERS", cuky(), "WAERS", "TCURC", "Currency Key"),
            ("STAFO", char(6), "STAFO_CM", "",
             "Credit update for open order/delivery/billing document value"),
            ("PERIV", char(2), "PERIV_CM", "T009", "Fiscal Year Variant of Credit Control Area"),
            ("CTLPC", char(3), "CTLPD_CM", "T691A",
             "Credit Management: Risk Category New Customer"),
            ("KLIMK", curr(15, 2), "DKLIM_CM", "",
             "Credit limit (default setting, unless maintained by cust.)"),
            ("SBGRP", char(3), "DSBGR_CM", "T024B",
             "Credit management representatives group for new customers"),
            ("ALLCC", _FLAG, "ALLCC_CM", "",
             "Indicator: Is posting possible for all company codes?"),
        ),
        frozenset({"WAERS"})),
    source=("leanx.eu, \"SAP Table T014\" (https://leanx.eu/en/sap/table/t014.html); "
            "sapdatasheet.org, \"SAP ABAP Table T014 (Credit control areas)\"; datapanda.eu, "
            "\"SAP table T014\""),
    notes=(_AS_VIEW +
           "SAP's full field list (9 fields). The baseline's name of the credit control "
           "area (RTEXT) is not a field of T014 in these listings and is not readable."),
)

T134 = TableDeclaration(
    "T134", "Material Types",
    _fields(
        (("MTART", char(4), "MTART", "", "Material Type"),),
        (
            ("MTREF", char(4), "MTREF", "", "Reference material type"),
            ("MBREF", char(4), "MBREF", "", "Screen reference depending on the material type"),
            ("FLREF", char(4), "FLREF_MG", "T130A", "Field reference for material master"),
            ("NUMKI", char(2), "NUMKR", "", "Number range"),
            ("NUMKE", char(2), "NUMKR", "", "Number range"),
            ("ENVOP", _FLAG, "ENVOP", "", "External Number Assignment Without Validation"),
            ("BSEXT", _FLAG, "BSEXT", "", "External Purchase Orders Allowed"),
            ("BSINT", _FLAG, "BSINT", "", "Internal purchase orders allowed"),
            ("PSTAT", char(15), "PSTAT_D", "", "Maintenance status"),
            ("KKREF", char(4), "KKREF", "T025K", "Account category reference"),
            ("VPRSV", _FLAG, "VPRSV", "", "Price control indicator"),
            ("KZVPR", _FLAG, "KZVPR", "", "Price Control Mandatory"),
            ("VMTPO", char(4), "VMTPO", "TPTM", "Default value for material item category group"),
            ("EKALR", _FLAG, "CK_EKALREL", "", "Material Is Costed with Quantity Structure"),
            ("KZGRP", _FLAG, "KZGRP", "", "Grouping indicator"),
            ("KZKFG", _FLAG, "KZKFG", "", "Configurable Material"),
            ("BEGRU", char(4), "BEGRM", "", "Authorization group in the material master"),
            ("KZPRC", _FLAG, "KZPRC", "", "Material Master Record for a Process"),
            ("KZPIP", _FLAG, "KZPIP", "", "Pipeline Handling Mandatory"),
            ("PRDRU", _FLAG, "POSPRDRUCK", "",
             "Display price on cash register display and print on receipt"),
            ("ARANZ", _FLAG, "POSARTANZ", "", "Display material on cash register display"),
            ("WMAKG", _FLAG, "WMAK", "", "Material Type ID"),
            ("IZUST", _FLAG, "IZUST", "", "Initial status of a new batch"),
        ),
        frozenset()),
    source=("leanx.eu, \"SAP Table T134\" (http://leanx.eu/en/sap/table/t134.html); "
            "sapdatasheet.org, \"SAP ABAP Table T134 (Material Types)\"; datapanda.eu, \"SAP "
            "table T134\" (https://datapanda.eu/en/sap/table/T134); erpexplorer.com, T134"),
    notes=(_AS_VIEW +
           "The first 25 fields of SAP's T134, in SAP's order (through IZUST); the fields "
           "after it are not declared yet: the listings seen were cut off there."),
)

T077D = TableDeclaration(
    "T077D", "Customer account groups",
    _fields((("KTOKD", char(4), "KTOKD", "", "Customer Account Group"),), (), frozenset()),
    source=("sapdatasheet.org, \"SAP ABAP Table OIUCM_CUST_KTOKD\" (KTOKD, CHAR 4, check "
            "table T077D) and data element KTOGD (value table T077D)"),
    notes=(_AS_VIEW +
           "The key only: no public listing of T077D itself was found (se80.co.uk lists the "
           "structure TXI_T077D, which is not the table). The baseline's name of the account "
           "group (TXT30) is not declared."),
)

TPAR = TableDeclaration(
    "TPAR", "Business Partner: Functions",
    _fields(
        (("PARVW", char(2), "PARVW", "", "Partner Function"),),
        (
            ("STEIN", _FLAG, "STEIN", "", "Uniqueness in the master data"),
            ("UPARV", char(2), "UPARV", "TPAR", "Higher-level partner function"),
            ("FEHGR", char(2), "FEHGR", "TVUV", "Incompletion procedure for sales document"),
            ("ERNAM", char(12), "ERNAM", "", "Name of Person who Created the Object"),
            ("NRART", char(2), "NRART", "TVPA", "Type of partner number"),
            ("HITYP", _FLAG, "HITYP_KH", "THIT", "Customer hierarchy type"),
        ),
        frozenset()),
    source=("sapdatasheet.org, \"SAP ABAP Table TPAR (Business Partner: Functions)\" "
            "(http://www.sapdatasheet.org/abap/tabl/tpar.html); leanx.eu, \"SAP Table TPAR\"; "
            "datapanda.eu, \"SAP table TPAR\""),
    notes=(_AS_VIEW +
           "SAP's full field list (ECC 6.0: 8 fields; datapanda.eu shows a ninth, "
           "ADDR_OPERATION, of S/4HANA, not declared). The baseline's name of the partner "
           "function (VTEXT) is a field of the text table TPART."),
)

#: the customizing tables in the order of ``fake_sap.customizing.STORED``
TABLES: tuple[TableDeclaration, ...] = (T001, TVKO, TVTW, TSPA, TVTA, T001W, T001L, TVST,
                                        T014, T134, T077D, TPAR)
