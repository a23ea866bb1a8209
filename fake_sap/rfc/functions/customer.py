"""Customer BAPIs: BAPI_CUSTOMER_GETDETAIL2 (address, general and company code data).

Layer: rfc (a function module). Reads go through the customer master
(:mod:`fake_sap.sd.customer_master`), never SQL.
"""

from __future__ import annotations

from typing import Any

from fake_sap.conversion import alpha_input, alpha_output
from fake_sap.errors import declared_message
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    LANG,
    LANGUAGE_ISO,
    Field,
    FunctionInterface,
    char,
    exporting,
    importing,
    structure,
    tables,
)
from fake_sap.rfc.structures import BAPIRET1, bapiret1
from fake_sap.sd import customer_master

BAPICUSTOMER_04 = structure(
    "BAPICUSTOMER_04", "Customer address",
    Field("CUSTOMER", char(10), "Customer number"),
    Field("FORM_OF_AD", char(15), "Title (ANRED)"),
    Field("NAME", char(35), "Name 1"),
    Field("NAME_2", char(35), "Name 2"),
    Field("STREET", char(35), "House number and street"),
    Field("POSTL_COD1", char(10), "Postal code"),
    Field("CITY", char(35), "City"),
    Field("REGION", char(3), "Region"),
    Field("COUNTRY", char(3), "Country key"),
    Field("COUNTRYISO", char(2), "Country, ISO code"),
    Field("LANGU", LANG, "Language key"),
    Field("LANGU_ISO", char(2), "Language, ISO code"),
    Field("TEL1_NUMBR", char(30), "First telephone number"),
    Field("SORT1", char(20), "Search term"),
)
BAPICUSTOMER_KNA1 = structure(
    "BAPICUSTOMER_KNA1", "Customer general data",
    Field("ACCNT_GRP", char(4), "Customer account group (KTOKD)"),
    Field("VAT_REG_NO", char(20), "VAT registration number"),
    Field("TAX_NO_1", char(16), "Tax number 1"),
    Field("ORDER_BLOCK", char(2), "Central order block"),
    Field("DELIV_BLOCK", char(2), "Central delivery block"),
    Field("BILL_BLOCK", char(2), "Central billing block"),
    Field("DEL_FLAG", FLAG, "Central deletion flag"),
    Field("CREATED_ON", DATS, "Created on"),
    Field("CREATED_BY", char(12), "Created by"),
)
BAPICUSTOMER_05 = structure(
    "BAPICUSTOMER_05", "Customer company code data",
    Field("COMP_CODE", char(4), "Company code"),
    Field("RECON_ACCOUNT", char(10), "Reconciliation account (AKONT)"),
    Field("PMNTTRMS", char(4), "Terms of payment (ZTERM)"),
    Field("DEL_FLAG", FLAG, "Deletion flag for the company code"),
)
BAPICUSTOMER_02 = structure(
    "BAPICUSTOMER_02", "Customer bank details",
    Field("BANK_CTRY", char(3), "Bank country"),
    Field("BANK_KEY", char(15), "Bank key"),
    Field("BANK_ACCT", char(18), "Bank account number"),
    Field("ACCT_HOLDER", char(60), "Account holder"),
)

BAPI_CUSTOMER_GETDETAIL2 = FunctionInterface(
    "BAPI_CUSTOMER_GETDETAIL2", "Customer: display details", (
        importing("CUSTOMERNO", char(10), "Customer number (leading zeros may be omitted)"),
        importing("COMPANYCODE", char(4), "Company code, for CUSTOMERCOMPANYDETAIL",
                  optional=True),
        exporting("CUSTOMERADDRESS", BAPICUSTOMER_04, "Address (KNA1)"),
        exporting("CUSTOMERGENERALDETAIL", BAPICUSTOMER_KNA1, "General data (KNA1)"),
        exporting("CUSTOMERCOMPANYDETAIL", BAPICUSTOMER_05, "Company code data (KNB1)"),
        exporting("RETURN", BAPIRET1, "Empty on success"),
        tables("CUSTOMERBANKDETAIL", BAPICUSTOMER_02, "Bank details (none are kept)"),
    ), group="V02D",
    notes="RETURN is a BAPIRET1. An unknown customer, or a customer without data in the "
          "requested company code, is a RETURN row of type E. Sales area data needs "
          "BAPI_CUSTOMER_GETSALESAREAS.")


def get_detail(call: Call) -> dict[str, Any]:
    try:
        kunnr = alpha_input(call["CUSTOMERNO"], 10)
    except ValueError:
        kunnr = call["CUSTOMERNO"]
    with call.db.read() as conn:
        customer = customer_master.customer(conn, call.mandt, kunnr)
        if customer is None:
            return {"RETURN": bapiret1(declared_message("E", "F2", "153", alpha_output(kunnr)))}
        result: dict[str, Any] = {"CUSTOMERADDRESS": _address(customer),
                                  "CUSTOMERGENERALDETAIL": _general(customer)}
        company_code = call["COMPANYCODE"]
        if company_code:
            company = customer_master.company_code_data(conn, call.mandt, kunnr,
                                                        company_code)
            if company is None:
                result["RETURN"] = bapiret1(declared_message("E", "F2", "154",
                                                             alpha_output(kunnr),
                                                             company_code))
                return result
            result["CUSTOMERCOMPANYDETAIL"] = {
                "COMP_CODE": company["bukrs"], "RECON_ACCOUNT": company["akont"],
                "PMNTTRMS": company["zterm"], "DEL_FLAG": company["loevm"]}
    return result


def _address(customer: Any) -> dict[str, Any]:
    country = customer["land1"]
    return {
        "CUSTOMER": customer["kunnr"], "FORM_OF_AD": customer["anred"],
        "NAME": customer["name1"], "NAME_2": customer["name2"], "STREET": customer["stras"],
        "POSTL_COD1": customer["pstlz"], "CITY": customer["ort01"],
        "REGION": customer["regio"], "COUNTRY": country,
        "COUNTRYISO": country if len(country) == 2 else "",
        "LANGU": customer["spras"], "LANGU_ISO": LANGUAGE_ISO.get(customer["spras"], ""),
        "TEL1_NUMBR": customer["telf1"], "SORT1": customer["sortl"],
    }


def _general(customer: Any) -> dict[str, Any]:
    return {
        "ACCNT_GRP": customer["ktokd"], "VAT_REG_NO": customer["stceg"],
        "ORDER_BLOCK": customer["aufsd"], "DELIV_BLOCK": customer["lifsd"],
        "BILL_BLOCK": customer["faksd"], "DEL_FLAG": customer["loevm"],
        "CREATED_ON": customer["erdat"], "CREATED_BY": customer["ernam"],
    }


FUNCTIONS = [RfcFunction(BAPI_CUSTOMER_GETDETAIL2, get_detail)]
