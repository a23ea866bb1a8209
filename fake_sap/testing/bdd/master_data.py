"""Master data as the master-data system keeps it, and as the IDocs it sends SAP.

Layer: ``fake_sap.testing`` (imports the emulator's IDoc model). A scenario's material or
customer is a small record with business fields; :meth:`MaterialRecord.idoc` and
:meth:`CustomerRecord.idoc` turn it into the full MATMAS05 / DEBMAS07 IDoc (MSGFN 005: the
whole object) that SAP's inbound ALE posts. A change is made on the record and sent whole
again, as a master-data system does."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fake_sap.idoc.document import Idoc, SegmentData

#: the master-data system that sends SAP its materials and customers (EDI_DC40-SNDPRN)
MASTER_DATA_SYSTEM = "MDMCLNT100"
#: the central warehouse (stock, shipping) and the provincial warehouse (stock transport)
CENTRAL_PLANT, PROVINCIAL_PLANT = "1000", "1100"
STORAGE_LOCATION = "0001"
SALES_AREA = {"VKORG": "1000", "VTWEG": "10", "SPART": "00"}
COMPANY_CODE, CREDIT_CONTROL_AREA = "1000", "1000"
#: account groups (KNA1-KTOKD) and the outlet → center partner function (KNVP-PARVW)
CENTER_GROUP, OUTLET_GROUP, CENTER_PARTNER = "ZPC", "ZOUT", "ZP"
#: KNVV-KZTLF: one delivery only, the remainder of an order is closed
ONE_DELIVERY_ONLY = "A"


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _control(idoctyp: str, mestyp: str) -> dict[str, str]:
    return {"IDOCTYP": idoctyp, "MESTYP": mestyp, "SNDPOR": "SAPMDM", "SNDPRT": "LS",
            "SNDPRN": MASTER_DATA_SYSTEM, "RCVPRT": "LS", "RCVPRN": "FAKESAP"}


@dataclass
class MaterialRecord:
    """A spare part: texts, the four prices of the central warehouse, deletion flag."""

    number: str
    description: str
    outlet_purchase_price: Decimal = Decimal("100.00")
    standard_price: Decimal | None = None
    moving_average_price: Decimal | None = None
    retail_price: Decimal | None = None
    description_zh: str = ""
    deleted: bool = False

    def prices(self) -> dict[str, Decimal]:
        """The four prices (MBEW), the ones not given derived from the outlet price."""
        purchase = self.outlet_purchase_price
        standard = self.standard_price if self.standard_price is not None \
            else (purchase * Decimal("0.8")).quantize(Decimal("0.01"))
        return {"STPRS": standard,
                "VERPR": self.moving_average_price if self.moving_average_price is not None
                else standard,
                "ZPLP1": purchase,
                "ZPLP2": self.retail_price if self.retail_price is not None
                else (purchase * Decimal("1.5")).quantize(Decimal("0.01"))}

    def idoc(self) -> Idoc:
        header = SegmentData("E1MARAM", {
            "MSGFN": "005", "MATNR": self.number, "MTART": "ERSA", "MBRSH": "M",
            "MATKL": "SP-PARTS", "MEINS": "ST", "SPART": "00",
            "LVORM": "X" if self.deleted else ""})
        header.children.append(SegmentData("E1MAKTM", {"SPRAS_ISO": "EN",
                                                       "MAKTX": self.description}))
        if self.description_zh:
            header.children.append(SegmentData("E1MAKTM", {"SPRAS_ISO": "ZH",
                                                           "MAKTX": self.description_zh}))
        prices = {name: _amount(value) for name, value in self.prices().items()}
        for plant in (CENTRAL_PLANT, PROVINCIAL_PLANT):
            header.children.append(SegmentData("E1MARCM", {"WERKS": plant, "MTVFP": "02"}, [
                SegmentData("E1MARDM", {"LGORT": STORAGE_LOCATION})]))
            header.children.append(SegmentData("E1MBEWM", {
                "BWKEY": plant, "VPRSV": "S", "PEINH": "1", "BKLAS": "3030", **prices}))
        header.children.append(SegmentData("E1MVKEM", {
            "VKORG": SALES_AREA["VKORG"], "VTWEG": SALES_AREA["VTWEG"],
            "DWERK": CENTRAL_PLANT, "MTPOS": "NORM"}))
        return Idoc(_control("MATMAS05", "MATMAS"), [header])


@dataclass
class CustomerRecord:
    """A provincial center (no ``center``) or an outlet of the center ``center``."""

    number: str
    name: str
    center: str | None = None
    city: str = "Wuhan"
    region: str = "420"  # REGIO: Hubei
    credit_limit: Decimal = Decimal("50000.00")
    #: KNKK-CRBLB: blocked by credit management (SAP blocks its orders for delivery)
    credit_blocked: bool = False
    #: KNVV-KZTLF A: SAP delivers an order in one delivery and closes the remainder
    one_delivery_only: bool = False
    deleted: bool = False

    @property
    def group(self) -> str:
        return OUTLET_GROUP if self.center else CENTER_GROUP

    def idoc(self) -> Idoc:
        header = SegmentData("E1KNA1M", {
            "MSGFN": "005", "KUNNR": self.number, "KTOKD": self.group, "NAME1": self.name,
            "LAND1": "CN", "ORT01": self.city, "REGIO": self.region, "SPRAS_ISO": "ZH",
            "LOEVM": "X" if self.deleted else ""})
        area = SegmentData("E1KNVVM", {
            **SALES_AREA, "WAERS": "CNY", "VWERK": CENTRAL_PLANT, "VSBED": "01",
            "ZTERM": "0001", "KTGRD": "01", "KDGRP": "01" if self.center else "02",
            "KZTLF": ONE_DELIVERY_ONLY if self.one_delivery_only else ""})
        # sold-to, ship-to and bill-to are the customer itself; an outlet names its center
        for function in ("AG", "WE", "RG"):
            area.children.append(SegmentData("E1KNVPM", {"PARVW": function,
                                                         "KUNN2": self.number}))
        if self.center:
            area.children.append(SegmentData("E1KNVPM", {"PARVW": CENTER_PARTNER,
                                                         "KUNN2": self.center}))
        header.children = [
            area,
            SegmentData("E1KNB1M", {"BUKRS": COMPANY_CODE, "AKONT": "0000140000",
                                    "ZTERM": "0001"}),
            SegmentData("E1KNKKM", {"KKBER": CREDIT_CONTROL_AREA,
                                    "KLIMK": _amount(self.credit_limit),
                                    "CRBLB": "X" if self.credit_blocked else ""}),
        ]
        return Idoc(_control("DEBMAS07", "DEBMAS"), [header])
