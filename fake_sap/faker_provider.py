"""A Faker provider for SAP-shaped master data of an appliance after-sales business.

Self-contained (no database, no Flask): used by ``fake-sap seed``, by tests and by the pytest
plugin. Every value is already in SAP *internal* format, as it is stored in the tables and
travels in IDocs: keys with leading zeros (MATN1, ALPHA), dates as DATS ``YYYYMMDD``, amounts
as decimal text with two decimals.

    from faker import Faker, Generator
    from fake_sap.faker_provider import SapProvider

    fake = Faker()
    fake.add_provider(SapProvider)
    fake.seed_instance(42)              # same seed, same values
    fake.matnr()                        # '000000000047110815'
    part = fake.spare_part()
    fake.material_description_zh(part)  # '压缩机 KFR-35GW/BP3'
    fake.material_prices(part).zplp2    # '1349.90'

or simply ``sap_faker(42)``. Master data in the baseline organisation of every client:
plants 1000/1100, storage location 0001, sales area 1000/10/00, company code 1000,
credit control area 1000 (see ``fake_sap.customizing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from random import Random
from typing import NamedTuple

from faker import Faker, Generator
from faker.providers import BaseProvider

from fake_sap.customizing import BASELINE

#: plants of the baseline customizing (T001W): central and provincial warehouse
PLANTS: tuple[str, ...] = tuple(BASELINE["T001W"])
STORAGE_LOCATION = "0001"
COMPANY_CODE = "1000"
CREDIT_CONTROL_AREA = "1000"
CURRENCY = "CNY"

#: material types of spare parts business, with how often each occurs
MATERIAL_TYPES: dict[str, int] = {"ERSA": 70, "HAWA": 20, "FERT": 10}
#: valuation class (MBEW-BKLAS) and price control (MBEW-VPRSV) per material type
VALUATION: dict[str, tuple[str, str]] = {
    "ERSA": ("3040", "S"),  # spare parts, standard price
    "HAWA": ("3100", "V"),  # trading goods, moving average price
    "FERT": ("7920", "S"),  # finished products, standard price
}


_MATERIAL_TYPE_KEYS = tuple(MATERIAL_TYPES)
_MATERIAL_TYPE_CUM_WEIGHTS = tuple(accumulate(MATERIAL_TYPES.values()))


class SalesArea(NamedTuple):
    vkorg: str
    vtweg: str
    spart: str

    @property
    def key(self) -> str:
        return f"{self.vkorg}/{self.vtweg}/{self.spart}"


SALES_AREA = SalesArea("1000", "10", "00")


@dataclass(frozen=True, slots=True)
class PartKind:
    """A kind of spare part: texts, material group, unit and standard-price range (CNY)."""

    group: str  # MARA-MATKL
    en: str
    zh: str
    meins: str
    cost: tuple[int, int]
    appliances: tuple[str, ...]


# appliance families whose model codes parts are made for
_AC, _FRIDGE, _WASHER, _HEATER = "air_conditioner", "refrigerator", "washer", "water_heater"
_ALL = (_AC, _FRIDGE, _WASHER, _HEATER)

PART_KINDS: tuple[PartKind, ...] = (
    PartKind("SP-CMP", "Compressor", "压缩机", "ST", (380, 1600), (_AC, _FRIDGE)),
    PartKind("SP-PCB", "Main control board", "主板", "ST", (150, 820), _ALL),
    PartKind("SP-PCB", "Display board", "显示板", "ST", (45, 260), _ALL),
    PartKind("SP-PCB", "Inverter module", "变频模块", "ST", (220, 950), (_AC, _FRIDGE, _WASHER)),
    PartKind("SP-SEAL", "Sealing ring", "密封圈", "ST", (2, 25), (_WASHER, _HEATER)),
    PartKind("SP-SEAL", "Door gasket", "门封条", "ST", (30, 140), (_FRIDGE, _WASHER)),
    PartKind("SP-PUMP", "Drain pump", "排水泵", "ST", (40, 190), (_AC, _WASHER)),
    PartKind("SP-PUMP", "Circulation pump", "循环泵", "ST", (90, 420), (_HEATER,)),
    PartKind("SP-MOT", "Fan motor", "风机电机", "ST", (85, 360), (_AC, _FRIDGE)),
    PartKind("SP-MOT", "Drive motor", "驱动电机", "ST", (260, 900), (_WASHER,)),
    PartKind("SP-HEX", "Evaporator", "蒸发器", "ST", (160, 640), (_AC, _FRIDGE)),
    PartKind("SP-HEX", "Condenser", "冷凝器", "ST", (150, 600), (_AC, _FRIDGE)),
    PartKind("SP-VLV", "Expansion valve", "电子膨胀阀", "ST", (40, 210), (_AC,)),
    PartKind("SP-VLV", "Water inlet valve", "进水阀", "ST", (15, 75), (_WASHER, _HEATER)),
    PartKind("SP-SNS", "Temperature sensor", "温度传感器", "ST", (5, 45), _ALL),
    PartKind("SP-SNS", "Thermostat", "温控器", "ST", (15, 85), (_FRIDGE, _HEATER)),
    PartKind("SP-ELE", "Heating element", "加热管", "ST", (30, 160), (_WASHER, _HEATER)),
    PartKind("SP-ELE", "Capacitor", "电容", "ST", (5, 30), (_AC, _WASHER)),
    PartKind("SP-ELE", "Power cord", "电源线", "ST", (5, 28), _ALL),
    PartKind("SP-ACC", "Remote control", "遥控器", "ST", (10, 65), (_AC,)),
    PartKind("SP-ACC", "Filter", "过滤网", "ST", (5, 45), (_AC, _HEATER)),
    PartKind("SP-MEC", "Drum bearing", "滚筒轴承", "ST", (10, 70), (_WASHER,)),
    PartKind("SP-MEC", "Door hinge", "门铰链", "ST", (5, 35), (_FRIDGE, _WASHER)),
    PartKind("SP-ACC", "Installation kit", "安装配件包", "SET", (20, 110), (_AC, _HEATER)),
)


@dataclass(frozen=True, slots=True)
class SparePart:
    """One spare part for one appliance model: the English and Chinese texts describe it."""

    kind: PartKind
    model: str

    @property
    def description_en(self) -> str:  # MAKT-MAKTX, SPRAS E (40 characters at most)
        return f"{self.kind.en} {self.model}"

    @property
    def description_zh(self) -> str:  # MAKT-MAKTX, SPRAS 1
        return f"{self.kind.zh} {self.model}"


class MaterialPrices(NamedTuple):
    """The four MBEW prices the CRM keeps, as decimal text (see docs/master-data.md)."""

    stprs: str  # standard price: the cost
    verpr: str  # moving average price: the cost, give or take a few percent
    zplp1: str  # planned price 1: outlet purchase price, above cost
    zplp2: str  # planned price 2: retail price, above the outlet purchase price


@dataclass(frozen=True, slots=True)
class Province:
    """A Chinese province-level division and some of its cities."""

    regio: str  # KNA1-REGIO, three-digit region key of country CN
    abbreviation: str  # ISO 3166-2:CN subdivision code
    name: str  # full name, e.g. 广东省
    short_name: str  # e.g. 广东
    postcode_prefix: str  # first two digits of its postal codes
    cities: tuple[str, ...]


def _province(regio: str, abbreviation: str, name: str, short_name: str, postcode: str,
              *cities: str) -> Province:
    return Province(regio, abbreviation, name, short_name, postcode, cities or (name,))


PROVINCES: tuple[Province, ...] = (
    _province("010", "BJ", "北京市", "北京", "10"),
    _province("020", "SH", "上海市", "上海", "20"),
    _province("030", "TJ", "天津市", "天津", "30"),
    _province("320", "CQ", "重庆市", "重庆", "40"),
    _province("040", "NM", "内蒙古自治区", "内蒙古", "01", "呼和浩特市", "包头市", "赤峰市"),
    _province("050", "SX", "山西省", "山西", "03", "太原市", "大同市", "长治市", "运城市"),
    _province("060", "HE", "河北省", "河北", "05", "石家庄市", "唐山市", "保定市", "邯郸市"),
    _province("070", "LN", "辽宁省", "辽宁", "11", "沈阳市", "大连市", "鞍山市", "锦州市"),
    _province("080", "JL", "吉林省", "吉林", "13", "长春市", "吉林市", "四平市"),
    _province("090", "HL", "黑龙江省", "黑龙江", "15", "哈尔滨市", "齐齐哈尔市", "大庆市"),
    _province("100", "JS", "江苏省", "江苏", "21", "南京市", "苏州市", "无锡市", "常州市",
              "南通市", "徐州市"),
    _province("110", "AH", "安徽省", "安徽", "23", "合肥市", "芜湖市", "蚌埠市", "安庆市"),
    _province("120", "SD", "山东省", "山东", "25", "济南市", "青岛市", "烟台市", "潍坊市",
              "临沂市"),
    _province("130", "ZJ", "浙江省", "浙江", "31", "杭州市", "宁波市", "温州市", "绍兴市",
              "金华市"),
    _province("140", "JX", "江西省", "江西", "33", "南昌市", "赣州市", "九江市", "上饶市"),
    _province("150", "FJ", "福建省", "福建", "35", "福州市", "厦门市", "泉州市", "漳州市"),
    _province("160", "HN", "湖南省", "湖南", "41", "长沙市", "株洲市", "衡阳市", "岳阳市"),
    _province("170", "HB", "湖北省", "湖北", "43", "武汉市", "宜昌市", "襄阳市", "荆州市"),
    _province("180", "HA", "河南省", "河南", "45", "郑州市", "洛阳市", "开封市", "南阳市"),
    _province("190", "GD", "广东省", "广东", "51", "广州市", "深圳市", "佛山市", "东莞市",
              "珠海市", "汕头市"),
    _province("200", "HI", "海南省", "海南", "57", "海口市", "三亚市"),
    _province("210", "GX", "广西壮族自治区", "广西", "53", "南宁市", "柳州市", "桂林市"),
    _province("220", "GZ", "贵州省", "贵州", "55", "贵阳市", "遵义市", "六盘水市"),
    _province("230", "SC", "四川省", "四川", "61", "成都市", "绵阳市", "德阳市", "宜宾市"),
    _province("240", "YN", "云南省", "云南", "65", "昆明市", "曲靖市", "玉溪市"),
    _province("250", "SN", "陕西省", "陕西", "71", "西安市", "宝鸡市", "咸阳市"),
    _province("260", "GS", "甘肃省", "甘肃", "73", "兰州市", "天水市", "酒泉市"),
    _province("270", "NX", "宁夏回族自治区", "宁夏", "75", "银川市", "石嘴山市"),
    _province("280", "QH", "青海省", "青海", "81", "西宁市", "海东市"),
    _province("290", "XJ", "新疆维吾尔自治区", "新疆", "83", "乌鲁木齐市", "克拉玛依市"),
    _province("300", "XZ", "西藏自治区", "西藏", "85", "拉萨市", "日喀则市"),
)

_OUTLET_AREAS = ("东区", "西区", "南区", "北区", "城中", "新区", "高新区", "开发区", "老城")
_OUTLET_KINDS = ("家电维修部", "售后服务站", "电器服务中心", "家电服务网点", "安装维修店")
_STREETS = ("人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "黄河路", "新华路",
            "朝阳路", "文化路", "胜利路", "工业大道")

_STORAGE_BINS = tuple(f"{aisle}-{rack:02d}-{shelf:02d}" for aisle in "ABCDEF"
                      for rack in range(1, 21) for shelf in range(1, 7))

#: alphanumeric material numbers start with this (MATN1 keeps them left-aligned)
ALPHANUMERIC_MATNR_PREFIX = "SP-"
#: share of alphanumeric material numbers when the caller does not choose
ALPHANUMERIC_MATNR_SHARE = 0.1

_FIRST_DATE = date(2015, 1, 1)
_LAST_DATE = date(2024, 12, 31)


def amount_text(cents: int) -> str:
    """An amount in cents as SAP decimal text with two decimals (``123456`` → ``1234.56``)."""
    return f"{cents // 100}.{cents % 100:02d}"


class SapProvider(BaseProvider):
    """SAP-shaped values for materials, customers and documents (internal formats)."""

    @property
    def _rng(self) -> Random:
        # the generator's own Random (seeded by seed_instance); used directly rather than
        # through random_element(), which is several times slower in bulk seeding
        return self.generator.random

    # --- keys -------------------------------------------------------------------------------

    def matnr(self, number: int | None = None, alphanumeric: bool | None = None) -> str:
        """A material number (MATNR) in MATN1 internal format, always 18 characters.

        Numeric ones are zero-padded (``000000000010000001``); alphanumeric ones
        (``SP-000000010000001``) are kept as entered, so they are made 18 long by design.
        """
        if number is None:
            number = self._rng.randint(1, 99_999_999)
        if alphanumeric is None:
            alphanumeric = self._rng.random() < ALPHANUMERIC_MATNR_SHARE
        if alphanumeric:
            width = 18 - len(ALPHANUMERIC_MATNR_PREFIX)
            return f"{ALPHANUMERIC_MATNR_PREFIX}{number:0{width}d}"
        return f"{number:018d}"

    def kunnr(self, number: int | None = None) -> str:
        """A customer number (KUNNR), ALPHA internal format: 10 digits with leading zeros."""
        if number is None:
            number = self._rng.randint(1, 9_999_999)
        return f"{number:010d}"

    def vbeln(self, document: str = "order", number: int | None = None) -> str:
        """An SD document number (VBELN, 10 characters) in the usual ranges: orders
        ``00000xxxxx``, deliveries ``008xxxxxxx``, billing documents ``009xxxxxxx``."""
        ranges = {"order": (0, 99_999), "delivery": (80_000_000, 89_999_999),
                  "invoice": (90_000_000, 99_999_999)}
        low, high = ranges[document]
        if number is None:
            number = self._rng.randint(low + 1, high)
        return f"{number:010d}"

    # --- organisation -----------------------------------------------------------------------

    def plant(self) -> str:
        """A plant (WERKS) of the baseline customizing: 1000 or 1100."""
        return self._rng.choice(PLANTS)

    def storage_bin(self) -> str:
        """A storage bin (MARD-LGPBE) such as ``B-07-03``: aisle, rack, shelf."""
        return self._rng.choice(_STORAGE_BINS)

    def storage_location(self) -> str:
        """The storage location (LGORT) every baseline plant has."""
        return STORAGE_LOCATION

    def sales_area(self) -> SalesArea:
        """The sales area (VKORG/VTWEG/SPART) of the baseline customizing: 1000/10/00."""
        return SALES_AREA

    # --- materials --------------------------------------------------------------------------

    def spare_part(self) -> SparePart:
        """A spare part for an appliance model; pass it on to get matching texts and prices."""
        kind = self._rng.choice(PART_KINDS)
        return SparePart(kind, self.appliance_model(self._rng.choice(kind.appliances)))

    def appliance_model(self, appliance: str | None = None) -> str:
        """A model code in Chinese appliance style, e.g. ``KFR-35GW/BP3``, ``BCD-452WDPF``."""
        random = self._rng
        appliance = appliance or random.choice(_ALL)
        if appliance == _AC:
            return (f"KFR-{random.choice((26, 32, 35, 50, 72))}"
                    f"{random.choice(('GW', 'LW'))}/{random.choice(('BP2', 'BP3', 'DY', 'FNh'))}")
        if appliance == _FRIDGE:
            return (f"BCD-{random.randrange(180, 660, 2)}"
                    f"{random.choice(('W', 'WD', 'WDP', 'WDPF', 'WPM'))}")
        if appliance == _WASHER:
            return (f"XQG{random.choice((70, 80, 90, 100, 120))}-"
                    f"{random.choice(('B', 'BD', 'HB', 'BX'))}{random.randint(10, 1499)}")
        return f"JSQ{random.choice((16, 20, 24, 26, 32))}-{random.choice(('12', '13', '16'))}" \
               f"{random.choice('ABDHW')}{random.randint(1, 9)}"

    def material_description_en(self, part: SparePart | None = None) -> str:
        """English material text (MAKT-MAKTX, SPRAS E), e.g. ``Compressor KFR-35GW/BP3``."""
        return (part or self.spare_part()).description_en

    def material_description_zh(self, part: SparePart | None = None) -> str:
        """Chinese material text (MAKT-MAKTX, SPRAS 1), e.g. ``压缩机 KFR-35GW/BP3``."""
        return (part or self.spare_part()).description_zh

    def material_type(self) -> str:
        """A material type (MARA-MTART): mostly spare parts ERSA, some HAWA and FERT."""
        return self._rng.choices(_MATERIAL_TYPE_KEYS, cum_weights=_MATERIAL_TYPE_CUM_WEIGHTS)[0]

    def material_group(self, part: SparePart | None = None) -> str:
        """A material group (MARA-MATKL) such as ``SP-CMP`` (compressors)."""
        return (part or self.spare_part()).kind.group

    def material_prices(self, part: SparePart | None = None) -> MaterialPrices:
        """The four MBEW prices, related as in a real price list:
        cost ≈ moving average < outlet purchase price (ZPLP1) < retail price (ZPLP2)."""
        random = self._rng
        low, high = (part or self.spare_part()).kind.cost
        standard = random.randint(low * 100, high * 100)
        moving_average = round(standard * random.uniform(0.95, 1.05))
        outlet = round(max(standard, moving_average) * random.uniform(1.15, 1.40))
        retail = round(outlet * random.uniform(1.20, 1.60))
        # retail prices end in .90 or .00, as price lists do
        retail = retail // 100 * 100 + random.choice((0, 90))
        retail = max(retail, outlet + 100)
        return MaterialPrices(amount_text(standard), amount_text(moving_average),
                              amount_text(outlet), amount_text(retail))

    def material_weights(self, part: SparePart | None = None) -> tuple[str, str]:
        """Gross and net weight in KG (MARA-BRGEW, MARA-NTGEW) as decimal text, net ≤ gross."""
        random = self._rng
        low, high = (part or self.spare_part()).kind.cost
        # heavier parts cost more: a rough, plausible link between price and weight
        net = random.randint(max(10, low * 2), max(20, high * 12))
        gross = net + random.randint(10, max(20, net // 5))
        return f"{gross / 1000:.3f}", f"{net / 1000:.3f}"

    # --- customers --------------------------------------------------------------------------

    def cn_province(self) -> Province:
        """A Chinese province-level division (with region key, postcode prefix, cities)."""
        return self._rng.choice(PROVINCES)

    def cn_province_name(self) -> str:
        """A province name, e.g. ``广东省``."""
        return self.cn_province().name

    def cn_city(self, province: Province | None = None) -> str:
        """A city of the province (of any province when none is given), e.g. ``深圳市``."""
        return self._rng.choice((province or self.cn_province()).cities)

    def provincial_center_name(self, province: Province | None = None) -> str:
        """The name of a provincial center (account group ZPC), e.g. ``广东区域服务中心``."""
        return f"{(province or self.cn_province()).short_name}区域服务中心"

    def outlet_name(self, city: str | None = None) -> str:
        """The name of an outlet (account group ZOUT), e.g. ``深圳市高新区售后服务站``."""
        return (f"{city or self.cn_city()}{self._rng.choice(_OUTLET_AREAS)}"
                f"{self._rng.choice(_OUTLET_KINDS)}")

    def cn_street_address(self) -> str:
        """A street and house number (KNA1-STRAS), e.g. ``人民路88号``."""
        return f"{self._rng.choice(_STREETS)}{self._rng.randint(1, 999)}号"

    def cn_postcode(self, province: Province | None = None) -> str:
        """A six-digit Chinese postal code of the province (KNA1-PSTLZ)."""
        prefix = (province or self.cn_province()).postcode_prefix
        return f"{prefix}{self._rng.randint(0, 9999):04d}"

    def cn_mobile_number(self) -> str:
        """A Chinese mobile number (KNA1-TELF1), 11 digits."""
        return f"1{self._rng.choice('3589')}{self._rng.randint(0, 999_999_999):09d}"

    def cn_tax_number(self, province: Province | None = None) -> str:
        """An 18-character unified social credit code (KNA1-STCEG) registered in the province
        (shape only; the check character is not computed)."""
        random = self._rng
        prefix = (province or self.cn_province()).postcode_prefix
        tail = "".join(random.choices("0123456789ABCDEFGHJKLMNPQRTUWXY", k=10))
        return f"91{prefix}{random.randint(0, 9999):04d}{tail}"

    def credit_limit(self, provincial_center: bool = False) -> str:
        """A credit limit (KNKK-KLIMK) in CNY: outlets 50k-500k, provincial centers 2M-10M."""
        if provincial_center:
            return amount_text(self._rng.randint(20, 100) * 100_000 * 100)
        return amount_text(self._rng.randint(5, 50) * 10_000 * 100)

    # --- dates ------------------------------------------------------------------------------

    def dats(self, start: date = _FIRST_DATE, end: date = _LAST_DATE) -> str:
        """A date as SAP DATS text ``YYYYMMDD`` between start and end (inclusive)."""
        return self._rng.choice(_dats_between(start, end))


@cache
def _dats_between(start: date, end: date) -> tuple[str, ...]:
    return tuple((start + timedelta(days=offset)).strftime("%Y%m%d")
                 for offset in range((end - start).days + 1))


def sap_provider(seed: int | str | None = None) -> SapProvider:
    """The provider on a bare generator of its own, seeded: for bulk use (no Faker proxy in
    between). Gives the same values as ``sap_faker`` with the same seed."""
    generator = Generator()
    if seed is not None:
        generator.seed_instance(seed)
    return SapProvider(generator)


def sap_faker(seed: int | str | None = None) -> Faker:
    """A Faker with :class:`SapProvider`, seeded for its own (not Faker's global) random."""
    fake = Faker()
    fake.add_provider(SapProvider)
    if seed is not None:
        fake.seed_instance(seed)
    return fake
