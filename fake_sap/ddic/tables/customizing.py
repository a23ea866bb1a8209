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
from fake_sap.ddic.types import CLNT, DATS, LANG, Elementary, char, cuky, curr, dec, numc

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
#: a public dbt/SQL Server project that copies an ECC 6.0 system's tables: its generated
#: SELECT lists name every column in SAP's order with a comment giving the DDIC type, length
#: and check table (the short texts are Spanish)
_FARINTER = ("farinter-analitica/dbt-sqlserver on GitHub, {path} (every column of {name} in "
             "SAP's order, each with its DDIC type, length and check table in a comment)")
#: the English short texts of fields a listing gives in Spanish only
_TEXTS_RENDERED = ("The short texts of {fields} are English renderings of the Spanish short "
                   "texts of that project; SAP's English wording may differ.")
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
            ("BUVAR", _FLAG, "", "", "Company code variant (screen)"),
            ("FDBUK", char(4), "", "T001", "Company code for cash management"),
            ("XFDIS", _FLAG, "", "", "Indicator: Cash management activated"),
            ("XVALV", _FLAG, "", "", "Indicator: Propose CPU date as value date"),
            ("XSKFN", _FLAG, "", "", "Indicator: Discount base amount is the net value"),
            ("KKBER", char(4), "", "T014", "Credit control area"),
            ("XMWSN", _FLAG, "", "", "Indicator: Base amount for tax is net of discount"),
            ("MREGL", char(4), "", "T004R",
             "Rules for copying the sample account to the G/L account"),
            ("XGSBE", _FLAG, "", "", "Indicator: Business area balance sheets"),
            ("XGJRV", _FLAG, "", "", "Indicator: Propose fiscal year"),
            ("XKDFT", _FLAG, "", "", "Indicator: Post translation risk on exchange differences"),
            ("XPROD", _FLAG, "", "", "Indicator: Productive company code"),
            ("XEINK", _FLAG, "", "", "Indicator: Purchase account processing active"),
            ("XJVAA", _FLAG, "", "", "Indicator: Joint venture accounting active"),
            ("XVVWA", _FLAG, "", "", "Indicator: Real estate management active"),
            ("XSLTA", _FLAG, "", "",
             "Ind.: No exchange rate differences when clearing in LC"),
            ("XFDMM", _FLAG, "", "", "Indicator: MM update in cash management active"),
            ("XFDSD", _FLAG, "", "", "Indicator: SD update in cash management active"),
            ("XEXTB", _FLAG, "", "", "Indicator: Company code is in another system"),
            ("EBUKR", char(4), "", "", "Original company code key"),
            ("KTOP2", char(4), "", "T004", "Chart of accounts according to country legislation"),
            ("UMKRS", char(4), "", "T007F", "Sales/purchases tax group"),
            ("BUKRS_GLOB", char(6), "", "T001O", "Global company code"),
            ("FSTVA", char(4), "", "T004V", "Field status variant"),
            ("OPVAR", char(4), "", "T010O", "Posting period variant"),
            ("XCOVR", _FLAG, "", "", "Indicator: Guarantee request active"),
            ("TXKRS", _FLAG, "", "", "Exchange rate translation in tax items"),
            ("WFVAR", char(4), "", "VBWF01", "Workflow variant"),
            ("XBBBF", _FLAG, "", "",
             "Authorization check for G/L accounts in inventory management"),
            ("XBBBE", _FLAG, "", "",
             "Authorization check for G/L accounts in POs/sched. agmts"),
            ("XBBBA", _FLAG, "", "",
             "Authorization check for G/L accounts in purch. requisitions"),
            ("XBBKO", _FLAG, "", "",
             "Authorization check for G/L accounts in outline agreements"),
            ("XSTDT", _FLAG, "", "", "Indicator: Document date as basis for tax calculation"),
            ("MWSKV", char(2), "", "", "Input tax code for non-taxable transactions"),
            ("MWSKA", char(2), "", "", "Output tax code for non-taxable transactions"),
            ("IMPDA", _FLAG, "", "",
             "Foreign trade: Control of import data in MM purchase orders"),
            ("XNEGP", _FLAG, "", "", "Indicator: Negative postings permitted"),
            ("XKKBI", _FLAG, "", "", "Indicator: Can the credit control area be overwritten?"),
            ("WT_NEWWT", _FLAG, "", "", "Indicator: Extended withholding tax active"),
            ("PP_PDATE", _FLAG, "", "", "Procedure: specify posting date"),
            ("INFMT", char(4), "", "J_1AINFMET", "Inflation method"),
            ("FSTVARE", char(4), "", "TREV", "Field status variant for funds reservation"),
            ("KOPIM", _FLAG, "", "",
             "Foreign trade: Control of copying import data for GR"),
            ("DKWEG", _FLAG, "", "",
             "Foreign trade: Control of import data images for MM GR"),
            ("OFFSACCT", numc(1), "", "", "Method for determining offsetting accounts"),
            ("BAPOVAR", char(2), "", "TGSB_CUS",
             "Additional option variant for business area balance sheets"),
            ("XCOS", _FLAG, "", "", "Status of cost of sales accounting"),
            ("XCESSION", _FLAG, "", "", "Cession transactions active"),
            ("XSPLT", _FLAG, "", "", "Allow tax splitting"),
            ("SURCCM", _FLAG, "", "", "Surcharge Calculation Method"),
            ("DTPROV", char(2), "", "T003",
             "Document Type for Provisions for Taxes on Services Received"),
            ("DTAMTC", char(2), "", "T003",
             "Document Type for Journal Voucher (Amount Correction)"),
            ("DTTAXC", char(2), "", "T003",
             "Document Type for Journal Voucher (Tax Code Correction)"),
            ("DTTDSP", char(2), "", "T003", "Document Type for Remittance Challans"),
            ("DTAXR", char(4), "", "T007DT", "Deferred tax rule"),
            ("XVATDATE", _FLAG, "", "", "Tax reporting date active in documents"),
            ("PST_PER_VAR", _FLAG, "", "",
             "Manage Variant of Posting Period for Company Code/Ledger"),
            ("FM_DERIVE_ACC", _FLAG, "", "",
             "Activate account assignment derivation in funds management"),
        ),
        frozenset({"BUTXT", "WAERS", "LAND1", "KKBER"})),
    source=("leanx.eu, \"SAP Table T001\" (https://leanx.eu/sap/table/t001/); datapanda.eu, "
            "\"SAP table T001\" (https://datapanda.eu/en/sap/table/T001); saplearners.com, "
            "\"SAP T001 Table\"; "
            + _FARINTER.format(path="dagster_sap_loc/dagster_sap/assets/sap_etl_dwh_sql/"
                               "DL_SAP_T001.sql", name="T001")),
    notes=(_AS_VIEW +
           "MANDT to FMHRDATE are the fields on which the listings agree, with their data "
           "elements. The fields after FMHRDATE (BUVAR to FM_DERIVE_ACC) and their types, "
           "lengths and check tables are those of the dbt project's T001, which continues the "
           "same order; their data elements are not confirmed (none is linked) "
           "and the list ends where that project's ends: saplearners.com counts 81 fields in "
           "S/4HANA, whose later ones (XTEMPLT, TRANSIT_PLANT ...) are not declared. "
           + _TEXTS_RENDERED.format(fields="BUVAR to FM_DERIVE_ACC (except SURCCM and the "
                                           "DT... document types, which it gives in English)")
           + " The baseline's credit control area of each company code (KKBER) is kept."),
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
            ("VLFKZ", _FLAG, "", "", "Plant category"),
            ("BZIRK", char(6), "", "T171", "Sales district"),
            ("ZONE1", char(10), "", "TZONE", "Supply region (region supplied)"),
            ("TAXIW", _FLAG, "", "TMKW1", "Tax indicator: Plant (Purchasing)"),
            ("BZQHL", _FLAG, "", "", "Take regular vendor into account"),
            ("LET01", dec(3, 0), "", "", "Number of days for first reminder"),
            ("LET02", dec(3, 0), "", "", "Number of days for second reminder"),
            ("LET03", dec(3, 0), "", "", "Number of days for third reminder"),
            ("TXNAM_MA1", char(16), "", "", "Text name of 1st dunning of vendor declarations"),
            ("TXNAM_MA2", char(16), "", "", "Text name of 2nd dunning of vendor declarations"),
            ("TXNAM_MA3", char(16), "", "", "Text name of 3rd dunning of vendor declarations"),
            ("BETOL", numc(3), "", "",
             "Number of days for PO tolerance - compress info record SU"),
            ("J_1BBRANCH", char(4), "", "J_1BBRANCH", "Business Place"),
            ("VTBFI", char(2), "", "",
             "Rule for determining the sales area for stock transfers"),
            ("FPRFW", char(3), "", "TWFPF", "Distribution profile at plant level"),
            ("ACHVM", _FLAG, "", "", "Central archiving marker for master record"),
            ("DVSART", _FLAG, "", "", "Batch record: type of DMS used"),
            ("NODETYPE", char(3), "", "MDRP_NODT", "Supply network node type"),
            ("NSCHEMA", char(4), "", "CKMLMV007", "Naming structure"),
            ("PKOSA", _FLAG, "", "", "Cost object controlling linking active"),
            ("MISCH", _FLAG, "", "", "Update for mixed costing active"),
            ("MGVUPD", _FLAG, "", "", "Update for actual costing active"),
            ("VSTEL", char(4), "", "TVST", "Shipping Point/Receiving Point"),
            ("MGVLAUPD", _FLAG, "", "", "Activity update in quantity structure"),
            ("MGVLAREVAL", _FLAG, "", "", "Cost center credit control"),
            ("SOURCING", _FLAG, "", "", "Access to source determination via ATP"),
            ("OILIVAL", _FLAG, "", "", "Exchange valuation indicator"),
            ("OIHVTYPE", _FLAG, "", "", "Vendor type (refinery/plant/others) (Brazil)"),
            ("OIHCREDIPI", _FLAG, "", "", "IPI credit allowed"),
            ("STORETYPE", _FLAG, "", "",
             "Store type: store, department store, convenience store"),
            ("DEP_STORE", char(4), "", "", "Superior department store"),
        ),
        frozenset({"NAME1", "BWKEY", "VKORG"})),
    source=("leanx.eu, \"SAP Table T001W\" (http://leanx.eu/en/sap/table/t001w.html); "
            "datapanda.eu, \"SAP table T001W\" (https://datapanda.eu/en/sap/table/T001W); "
            + _FARINTER.format(path="dbt_dwh_farinter/models/dwh_sap/sap_etl_datos_maestros/"
                               "DL_SAP_T001W.sql", name="T001W")),
    notes=(_AS_VIEW +
           "MANDT to CHAZV_OLD have the data elements, types and lengths of leanx.eu's "
           "listing; the dbt project's T001W agrees with them and continues in the same order "
           "with VLFKZ to DEP_STORE, whose types, lengths and check tables are taken from it "
           "(LET01 to LET03 DEC 3, BETOL NUMC 3, the others CHAR). Their data elements are not "
           "confirmed (none is linked); the list ends where that project's "
           "ends (later enhancement packages add fields after DEP_STORE, not declared here). "
           + _TEXTS_RENDERED.format(fields="VLFKZ to DEP_STORE")),
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
        (
            ("LGOBE", char(16), "", "", "Description of Storage Location"),
            ("SPART", char(2), "", "TSPA", "Division"),
            ("XLONG", _FLAG, "", "", "Negative stocks allowed in storage location"),
            ("XBUFX", _FLAG, "", "",
             "Freezing book inventory balance in storage location allowed"),
            ("DISKZ", _FLAG, "", "", "Storage location MRP indicator"),
            ("XBLGO", _FLAG, "", "",
             "Storage location authorization for goods movements active"),
            ("XRESS", _FLAG, "", "",
             "Storage location is allocated to a resource"),
            ("XHUPF", _FLAG, "", "", "Handling unit requirement"),
            ("PARLG", char(4), "", "", "Partner storage location for handling units"),
            ("VKORG", char(4), "", "TVKO", "Sales Organization"),
            ("VTWEG", char(2), "", "TVTW", "Distribution Channel"),
            ("VSTEL", char(4), "", "TVST", "Shipping Point/Receiving Point"),
            ("LIFNR", char(10), "", "LFA1", "Account Number of Vendor or Creditor"),
            ("KUNNR", char(10), "", "KNA1", "Account number of customer"),
            ("MESBS", char(60), "", "", ""),
            ("MESST", _FLAG, "", "", ""),
            ("OIH_LICNO", char(15), "", "", "License number for untaxed stock"),
            ("OIG_ITRFL", _FLAG, "", "", "TD: In-transit indicator"),
            ("OIB_TNKASSIGN", _FLAG, "", "", "Silo management: tank assignment indicator"),
        ),
        frozenset({"LGOBE"})),
    source=("the key of SAP's T001L (MANDT, WERKS, LGORT) as the check tables of "
            "leanx.eu, \"SAP Table MCVTTS\" (LGORTA: check table T001L) and the data elements "
            "WERKS_D and LGORT_D name it; "
            + _FARINTER.format(path="dbt_dwh_farinter/models/dwh_sap/sap_etl_datos_maestros/"
                               "DL_SAP_T001L.sql", name="T001L")
            + "; the CREATE TABLEs of T001L published on GitHub in nodiergarcia89/Test1 "
            "(SAP_STG/Tables/dbo.T001L.sql) and in a landing-table script "
            "(tsa.ics_land_SAP_GBR_T001L: every column in SAP's order with its length)"),
    notes=(_AS_VIEW +
           "LGOBE to KUNNR and OIH_LICNO to OIB_TNKASSIGN have the types, lengths and check "
           "tables of the dbt project's T001L; the two CREATE TABLEs have the same columns in "
           "the same order. MESBS (60 characters) and MESST (1) stand between KUNNR and "
           "OIH_LICNO in the landing-table script alone (a later enhancement package's "
           "fields): they are declared CHAR with those lengths and without short texts. Their "
           "data elements are not confirmed; none is linked. "
           + _TEXTS_RENDERED.format(fields="LGOBE to KUNNR and OIH_LICNO to OIB_TNKASSIGN")
           + " The baseline's description of each storage location (LGOBE) is kept."),
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
    _fields(
        (("KTOKD", char(4), "KTOKD", "", "Customer Account Group"),),
        (
            ("FAUSA", char(40), "FAUSA_077D", "",
             "Customer master record field status def.for general data"),
            ("FAUSF", char(40), "FAUSF_077D", "",
             "Customer master record field status def.for comp.code data"),
            ("FAUSV", char(40), "FAUSV_077D", "",
             "Customer master record field status def.for sales fields"),
            ("NUMKR", char(2), "NUMKR", "", "Number range"),
            ("XCPDS", _FLAG, "XCPDS", "", "Indicator: Account group for one-time accounts?"),
        ),
        frozenset()),
    source=("se80.co.uk, \"TXI_T077D SAP (Customer account groups) Structure details\" "
            "(https://www.se80.co.uk/saptables/t/txi_/txi_t077d.htm: MANDT, KTOKD, FAUSA, FAUSF, "
            "FAUSV, NUMKR with data elements, types and lengths); sapdatasheet.org, \"SAP ABAP "
            "Table CNV_20800_T077D\" (https://www.sapdatasheet.org/abap/tabl/"
            "cnv_20800_t077d.html: the same fields after its own key, then XCPDS); the check "
            "tables of sapdatasheet.org, \"SAP ABAP Table OIUCM_CUST_KTOKD\" (KTOKD, CHAR 4, "
            "check table T077D)"),
    notes=(_AS_VIEW +
           "No public listing of T077D itself was found: the fields after the key are those "
           "two copies of its layout agree on, in their order (the structure TXI_T077D, whose "
           "short text is T077D's, and the conversion table CNV_20800_T077D); the vendor "
           "account groups T077K (leanx.eu, \"SAP Table T077K\") begin the same way (FAUSA, "
           "FAUSF, FAUSM, NUMKR, XCPDS). The fields after XCPDS (the conversion table goes on "
           "with an output determination procedure and DEAR1 to DEAR3 under names of its own) "
           "are not declared. The baseline's name of the account group (TXT30) is a field of "
           "the text table T077X, not declared here."),
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
