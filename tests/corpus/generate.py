#!/usr/bin/env python3
"""Generate the labelled extraction corpus: documents and their golden files.

Every document is rendered from a ground truth built here (the purchase order, its lines, the
way it prints numbers and dates), and ``NAME.expected.json`` is written from that same ground
truth — never from mailflow's output. See ``tests/corpus/README.md``.

    python tests/corpus/generate.py                    # check: committed files up to date?
    python tests/corpus/generate.py --write-expected   # rewrite documents and golden files

Deterministic: one seed, fixed timestamps in every container (PDF, OOXML zip, MIME). Documents
converted by LibreOffice or printed by Chromium are not byte-reproducible; for those the hash of
the generated source (.docx/.xlsx/.html) is recorded in ``converted.json`` and the committed PDF is
kept until its source changes.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = 20261122
FIXED_TIME = datetime(2026, 11, 20, 8, 0, 0, tzinfo=timezone.utc)
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FORMATS = ("pdf", "xlsx", "xls", "docx", "csv", "html", "txt", "eml", "ods", "odt", "fods")
MANIFEST = "converted.json"

OUR_NAME = "Example Manufacturing Co., Ltd."
OUR_NAME_ZH = "示例制造有限公司"
OUR_ADDRESS = ["88 Industrial Road, Chang'an Town", "Dongguan, Guangdong 523850, China"]
OUR_ADDRESS_ZH = ["广东省东莞市长安镇工业路88号"]


# --------------------------------------------------------------------------- ground truth


@dataclass
class Buyer:
    name: str
    address: list[str]
    contact: str
    email: str
    lang: str = "en"
    currency: str = "USD"
    num: str = "en"  # en 1,234.56 | de 1.234,56 | fr 1 234,56
    dates: str = "iso"  # iso | de | us | uk | long | ukl | zh
    incoterms: str | None = None
    payment: str | None = None


@dataclass
class Line:
    item: str
    desc: str | None
    qty: Decimal
    unit: str
    price: Decimal
    amount: Decimal  # as printed
    date: date | None = None


@dataclass
class PO:
    number: str
    buyer: Buyer
    po_date: date
    delivery: date | None  # printed in the header
    currency: str
    incoterms: str | None
    payment: str | None
    lines: list[Line]
    total: Decimal | None = None  # as printed; None: not printed

    @property
    def requested(self) -> date | None:
        if self.delivery:
            return self.delivery
        dates = [ln.date for ln in self.lines if ln.date]
        return min(dates) if dates else None


@dataclass
class Style:
    """How one document prints its purchase order."""

    lang: str = "en"
    num: str = "en"
    dates: str = "iso"
    currency_label: str | None = None  # the Currency field as printed; None: no such field
    symbol: str | None = None  # prefix on money cells ("$", "€ ", "¥")
    header: str = "kv"  # kv: "Label: value" lines | blocks: labels above values
    supplier: bool = False  # a labelled supplier block naming our company
    amounts: bool = True  # line amounts printed
    totals: bool = True  # total printed
    line_dates: bool = False
    variant: int = 0  # which label spelling
    notes: bool = True
    suffix: str | None = None  # after money cells (" EUR")
    column_order: tuple[str, ...] | None = None  # e.g. quantity before the part number
    labels: dict[str, str] = field(default_factory=dict)  # label overrides ("price": "Rate")
    capital_total: bool = False  # Chinese: the total again in capital numerals (大写)


BUYERS = {
    "northwind": Buyer(
        "Northwind Tools Inc.",
        ["1200 Harbor Blvd", "Long Beach, CA 90802, USA"],
        "Jane Miller",
        "purchasing@northwind-tools.example",
        currency="USD",
        dates="us",
        incoterms="FOB Shenzhen",
        payment="Net 30",
    ),
    "bergmann": Buyer(
        "Bergmann Maschinenbau GmbH",
        ["Industriestraße 14", "72770 Reutlingen, Germany"],
        "Klaus Weber",
        "einkauf@bergmann-mb.example",
        currency="EUR",
        num="de",
        dates="de",
        incoterms="FCA Shenzhen",
        payment="30 days net",
    ),
    "thames": Buyer(
        "Thames Valley Instruments Ltd",
        ["Unit 7, Kennet Park", "Reading RG2 0QX, United Kingdom"],
        "Oliver Hughes",
        "buying@tvinstruments.example",
        currency="GBP",
        dates="uk",
        incoterms="CIF Southampton",
        payment="60 days from invoice date",
    ),
    "pacific": Buyer(
        "Pacific Rim Robotics Inc.",
        ["455 Mission Bay Blvd", "San Francisco, CA 94158, USA"],
        "Priya Raman",
        "supply@pacrim-robotics.example",
        currency="USD",
        dates="long",
        incoterms="EXW Dongguan",
        payment="T/T 30% deposit, 70% before shipment",
    ),
    "lakeside": Buyer(
        "Lakeside Medical Devices LLC",
        ["88 Lakeshore Drive", "Madison, WI 53703, USA"],
        "Tom Becker",
        "po@lakeside-md.example",
        currency="USD",
        dates="iso",
        incoterms="FOB Hong Kong",
        payment="Net 45",
    ),
    "dubois": Buyer(
        "Atelier Dubois SARL",
        ["12 rue des Tanneurs", "69002 Lyon, France"],
        "Claire Martin",
        "achats@atelier-dubois.example",
        currency="EUR",
        num="fr",
        dates="uk",
        incoterms="DAP Lyon",
        payment="30 days end of month",
    ),
    "kobayashi": Buyer(
        "Kobayashi Seiki Co., Ltd.",
        ["3-14-2 Shibaura, Minato-ku", "Tokyo 108-0023, Japan"],
        "Hiroshi Sato",
        "order@kobayashi-seiki.example",
        currency="JPY",
        dates="iso",
        incoterms="FOB Shenzhen",
        payment="T/T 60 days",
    ),
    "nordic": Buyer(
        "Nordic Marine Systems AB",
        ["Hamngatan 22", "411 06 Göteborg, Sweden"],
        "Erik Lind",
        "inkop@nordicmarine.example",
        currency="EUR",
        num="fr",
        dates="iso",
        incoterms="CIP Göteborg",
        payment="Net 30",
    ),
    "acme": Buyer(
        "Acme Fixtures Pty Ltd",
        ["40 Smith Street", "Parramatta NSW 2150, Australia"],
        "Bruce Taylor",
        "orders@acmefixtures.example",
        currency="USD",
        dates="uk",
        incoterms="FOB Ningbo",
        payment="T/T in advance",
    ),
    "vdberg": Buyer(
        "Van der Berg Techniek B.V.",
        ["Strijkviertel 31", "3454 PK De Meern, Netherlands"],
        "Sanne de Vries",
        "inkoop@vdberg-techniek.example",
        currency="EUR",
        num="de",
        dates="de",
        incoterms="DDP De Meern",
        payment="Net 30",
    ),
    "brightline": Buyer(
        "Brightline Lighting Ltd",
        ["2 Canal Wharf", "Leeds LS11 5PS, United Kingdom"],
        "Amy Clarke",
        "purchasing@brightline.example",
        currency="GBP",
        dates="ukl",
        incoterms="FOB Shenzhen",
        payment="Net 60",
    ),
    "maple": Buyer(
        "Maple Leaf Controls Inc.",
        ["2100 Steeles Ave W", "Concord, ON L4K 2Y7, Canada"],
        "Marc Tremblay",
        "procurement@mapleleafcontrols.example",
        currency="USD",
        dates="iso",
        incoterms="FCA Hong Kong",
        payment="Net 30",
    ),
    "rheinland": Buyer(
        "Rheinland Antriebe GmbH",
        ["Am Hafen 9", "47119 Duisburg, Germany"],
        "Jana Koch",
        "beschaffung@rheinland-antriebe.example",
        currency="EUR",
        num="de",
        dates="de",
        incoterms="FCA Hong Kong",
        payment="45 days net",
    ),
    "goldengate": Buyer(
        "Golden Gate Appliances Corp.",
        ["2750 Third Street", "San Francisco, CA 94107, USA"],
        "Kevin Wu",
        "buyer@goldengate-appliances.example",
        currency="USD",
        dates="long",
        incoterms="FOB Yantian",
        payment="Net 60",
    ),
    "meida": Buyer(
        "佛山市顺德区美达五金制品厂",
        ["佛山市顺德区北滘镇工业大道33号"],
        "周晓燕",
        "zhouxy@meida-wujin.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="月结45天",
    ),
    "huaqiang": Buyer(
        "深圳华强电子有限公司",
        ["深圳市福田区华强北路1002号"],
        "李娜",
        "caigou@huaqiang-dz.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="月结30天",
    ),
    "hengda": Buyer(
        "苏州恒达精密机械有限公司",
        ["苏州工业园区星湖街218号"],
        "王强",
        "purchase@hengda-jm.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="货到票到60天付款",
    ),
    "hailian": Buyer(
        "宁波海联电器有限公司",
        ["宁波市北仑区新碶街道明州路56号"],
        "陈静",
        "cg@hailian-dq.example",
        lang="zh",
        currency="CNY",
        dates="iso",
        incoterms="FOB 宁波",
        payment="预付30%，发货前付清余款",
    ),
    "qiming": Buyer(
        "上海启明自动化设备有限公司",
        ["上海市闵行区莘庄工业区申富路399号"],
        "张伟",
        "scm@qiming-auto.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="月结60天",
    ),
    "yongxin": Buyer(
        "东莞永信塑胶制品有限公司",
        ["东莞市塘厦镇林村工业区"],
        "刘洋",
        "po@yongxin-plastic.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="月结30天",
    ),
    "yunfan": Buyer(
        "杭州云帆智能科技有限公司",
        ["杭州市余杭区文一西路1500号"],
        "赵敏",
        "caigou@yunfan-tech.example",
        lang="zh",
        currency="CNY",
        dates="iso",
        payment="票到30天",
    ),
    "nanfang": Buyer(
        "广州南方照明电器有限公司",
        ["广州市番禺区石碁镇金山大道东168号"],
        "黄磊",
        "purchase@nanfang-light.example",
        lang="zh",
        currency="CNY",
        dates="zh",
        payment="款到发货",
    ),
}

# (item, English description, Chinese description, unit en, unit zh, base price USD)
CATALOG = [
    ("HX-2040", "Hex standoff M4x20, brass, nickel-plated", "六角铜柱 M4×20 镀镍", "pcs", "个", "0.085"),
    ("BRK-118", "Stainless steel bracket, 2 mm, passivated", "不锈钢支架 2mm 钝化", "pcs", "件", "1.42"),
    ("PCB-7731", "Control board assembly, rev C", "控制板组件 C版", "pcs", "块", "18.60"),
    ("CBL-2205", "Wire harness 6-pin, 300 mm", "6芯线束 300mm", "pcs", "条", "2.35"),
    ("GSK-090", "EPDM gasket, 90 mm", "三元乙丙密封圈 90mm", "pcs", "个", "0.46"),
    ("SPR-3312", "Compression spring 0.8x6x20, SUS304", "压缩弹簧 0.8×6×20 SUS304", "pcs", "个", "0.12"),
    ("HSG-500", "Aluminium housing, anodised black", "铝外壳 黑色阳极氧化", "pcs", "个", "7.80"),
    ("SCR-M3X8", "Machine screw M3x8 DIN 7985 A2", "十字盘头螺钉 M3×8 A2", "pcs", "个", "0.021"),
    ("KNB-21", "Control knob, ABS, 21 mm", "ABS旋钮 21mm", "pcs", "个", "0.33"),
    ("LBL-004", "Rating label, polyester, 40x20 mm", "铭牌标签 聚酯 40×20mm", "pcs", "张", "0.05"),
    ("MTR-12V30", "DC motor 12 V, 3000 rpm", "直流电机 12V 3000转", "pcs", "台", "4.90"),
    ("FAN-8025", "Axial fan 80x80x25 mm, 12 V", "轴流风扇 80×80×25 12V", "pcs", "个", "1.95"),
    ("SHF-0612", "Shaft 6 mm x 120 mm, hardened", "淬火轴 6×120mm", "pcs", "根", "0.88"),
    ("BRG-608ZZ", "Ball bearing 608ZZ", "深沟球轴承 608ZZ", "pcs", "个", "0.27"),
    ("INS-M5", "Threaded insert M5, brass", "铜螺母嵌件 M5", "pcs", "个", "0.04"),
    ("PLT-330", "Mounting plate 330x120 mm, Al 5052", "安装板 330×120 铝5052", "pcs", "块", "3.15"),
    ("CAP-25", "Silicone cap, 25 mm, grey", "硅胶帽 25mm 灰色", "pcs", "个", "0.09"),
    ("PSU-24V5", "Power supply 24 V 5 A, open frame", "开关电源 24V 5A", "pcs", "台", "9.40"),
    ("LED-5050W", "LED strip 5050, warm white", "LED灯带 5050 暖白", "m", "米", "1.10"),
    ("TUB-PU8", "PU tubing 8 mm, blue", "PU气管 8mm 蓝色", "m", "米", "0.38"),
    ("RES-ABS", "ABS resin, natural, UL94 HB", "ABS原料 本色 UL94 HB", "kg", "公斤", "2.05"),
    ("CTN-4030", "Export carton 400x300x250, 5-ply", "出口纸箱 400×300×250 五层", "pcs", "个", "0.72"),
    ("SW-R13", "Rocker switch R13, 2-pin", "船型开关 R13 两脚", "pcs", "个", "0.19"),
    ("CON-XH4", "Connector housing XH 2.54 mm, 4-pin", "XH端子胶壳 2.54mm 4P", "pcs", "个", "0.015"),
    ("HTS-40", "Heat sink 40x40x11 mm, aluminium", "铝散热片 40×40×11", "pcs", "个", "0.64"),
    ("VLV-14", "Solenoid valve 1/4 in, 24 V DC", "电磁阀 1/4寸 24V", "pcs", "个", "6.75"),
    ("ENC-SET", "Enclosure kit: base, lid, 4 screws", "外壳套件：底壳、面盖、螺丝4颗", "set", "套", "5.20"),
]
LONG_DESC = {
    "HSG-500": "Aluminium housing, CNC machined from 6061-T6, anodised black, laser-marked logo per drawing HSG-500 rev B",
    "PCB-7731": "Control board assembly rev C, SMT both sides, conformal coated, 100% functional test per TP-7731",
    "CBL-2205": "Wire harness 6-pin, 300 mm, UL1007 24AWG, JST XH housings both ends, heat-shrink labels",
    "PSU-24V5": "Power supply 24 V 5 A open frame, UL/CE certified, customer label, burn-in 4 hours before packing",
    "ENC-SET": "Enclosure kit: ABS base and lid, UL94 V-0, RAL 7035, with four M3 self-tapping screws, bagged",
    "VLV-14": "Solenoid valve 1/4 in NPT, 24 V DC coil, brass body, NBR seals, DIN connector included",
}
LONG_DESC_ZH = {
    "HSG-500": "铝外壳 6061-T6 CNC加工，黑色阳极氧化，按图纸HSG-500 B版镭雕标志",
    "PCB-7731": "控制板组件 C版，双面贴片，三防漆，按TP-7731做100%功能测试",
    "CBL-2205": "6芯线束 300mm，UL1007 24AWG，两端XH端子，热缩管标识",
    "ENC-SET": "外壳套件：ABS底壳及面盖，UL94 V-0，RAL 7035，附M3自攻螺丝4颗，独立袋装",
}
RATES = {
    "USD": Decimal("1"),
    "EUR": Decimal("0.92"),
    "GBP": Decimal("0.79"),
    "JPY": Decimal("150"),
    "CNY": Decimal("7.1"),
}
QTYS = [50, 100, 200, 250, 300, 500, 600, 800, 1000, 1200, 1500, 2000, 2400, 3000, 5000, 8000, 10000, 12000, 25000]

LABELS = {
    "en": {
        "po": ["PO Number", "Purchase Order No.", "PO No.", "Order Number"],
        "date": ["PO Date", "Order Date", "Date", "Date"],
        "delivery": ["Delivery Date", "Requested Delivery", "Required Date", "Ship Date"],
        "currency": ["Currency", "Currency", "Currency", "Currency"],
        "incoterms": ["Incoterms", "Delivery Terms", "Incoterms", "Terms of Delivery"],
        "payment": ["Payment Terms", "Terms of Payment", "Payment", "Payment Terms"],
        "buyer": ["Buyer", "Bill To", "Customer", "Purchaser"],
        "supplier": ["Supplier", "Vendor", "Supplier", "Seller"],
        "no": ["No.", "Line", "Pos.", "#"],
        "item": ["Part No.", "Item", "Material", "P/N"],
        "desc": ["Description", "Item Description", "Description", "Description"],
        "qty": ["Qty", "Quantity", "Order Qty", "Qty"],
        "unit": ["Unit", "UoM", "Unit", "U/M"],
        "price": ["Unit Price", "Price", "Unit Price", "Unit Price"],
        "amount": ["Amount", "Extended", "Line Total", "Net Amount"],
        "ldate": ["Delivery", "Due Date", "Req. Date", "Delivery"],
        "total": ["Total", "Total Amount", "Grand Total", "TOTAL"],
        "title": ["PURCHASE ORDER", "Purchase Order", "PURCHASE ORDER", "Purchase Order"],
        "contact": ["Contact", "Buyer contact", "Contact", "Attn"],
        "notes": [
            "Please quote our PO number on all invoices and delivery notes.",
            "Packing: export cartons, max. 15 kg each, pallets not higher than 1.6 m.",
            "Certificate of conformity and RoHS declaration required with each shipment.",
        ],
        "page": "Page {n} of {m}",
        "cont": "continued",
    },
    "zh": {
        "po": ["订单号", "采购单号", "采购订单号", "订单编号"],
        "date": ["订单日期", "下单日期", "日期", "订单日期"],
        "delivery": ["交货日期", "要求交期", "交货日期", "交期"],
        "currency": ["币种", "币别", "币种", "结算币种"],
        "incoterms": ["贸易条款", "交货条款", "贸易条款", "贸易条款"],
        "payment": ["付款方式", "付款条件", "结算方式", "付款方式"],
        "buyer": ["买方", "采购方", "客户", "需方"],
        "supplier": ["供应商", "卖方", "供应商", "供方"],
        "no": ["序号", "序号", "项次", "序号"],
        "item": ["料号", "物料编码", "料号", "物料编号"],
        "desc": ["品名", "品名规格", "物料描述", "品名"],
        "qty": ["数量", "数量", "订购数量", "数量"],
        "unit": ["单位", "单位", "单位", "单位"],
        "price": ["单价", "含税单价", "单价", "单价"],
        "amount": ["金额", "金额", "含税金额", "金额"],
        "ldate": ["交货日期", "交期", "交货日期", "要求交期"],
        "total": ["合计", "合计金额", "总计", "合计"],
        "title": ["采购订单", "采购订单", "采购合同", "采购订单"],
        "contact": ["联系人", "采购员", "联系人", "联系人"],
        "notes": [
            "请在送货单及发票上注明订单号。",
            "包装：出口纸箱，每箱不超过15公斤。",
            "每批货物须附出货检验报告及RoHS声明。",
        ],
        "page": "第 {n} 页，共 {m} 页",
        "cont": "续",
    },
}
CURRENCY_LABEL = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "人民币"}


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def pick_date(rng: random.Random, start: date, days: int, unambiguous: bool) -> date:
    while True:
        d = date.fromordinal(start.toordinal() + rng.randrange(days))
        if not unambiguous or d.day > 12:
            return d


def q(value: Decimal, currency: str) -> Decimal:
    return value.quantize(Decimal("1") if currency == "JPY" else Decimal("0.01"))


def make_po(
    name: str,
    buyer: Buyer,
    number: str,
    n: int,
    *,
    line_dates: bool = False,
    header_delivery: bool = True,
    currency: str | None = None,
    long_desc: bool = False,
    incoterms: Any = "default",
    payment: Any = "default",
    items: list[tuple] | None = None,
) -> PO:
    """A purchase order with ``n`` lines, drawn from the catalogue with a per-document seed."""
    rng = rng_for(name)
    currency = currency or buyer.currency
    unamb = buyer.dates in ("us", "uk")
    po_date = pick_date(rng, date(2026, 11, 13), 10, unamb)
    delivery = pick_date(rng, date(2026, 12, 13), 40, unamb)
    chosen = items or rng.sample(CATALOG, n)
    lines = []
    for entry in chosen:
        item, en, zh, unit_en, unit_zh, base = entry[:6]
        desc = zh if buyer.lang == "zh" else en
        if long_desc:
            desc = (LONG_DESC_ZH if buyer.lang == "zh" else LONG_DESC).get(item, desc)
        unit = unit_zh if buyer.lang == "zh" and rng.random() < 0.7 else unit_en
        if buyer.lang == "en" and unit == "pcs":
            unit = rng.choice(["pcs", "pcs", "PCS", "ea"])
        if unit_en in ("kg", "m"):
            qty = Decimal(rng.choice([125, 250, 480, 1200, 2500])) + Decimal(rng.choice(["0", "0.5"]))
        elif Decimal(base) >= 4:  # assemblies are ordered in hundreds, not tens of thousands
            qty = Decimal(rng.choice([50, 100, 150, 200, 300, 500, 800, 1000, 1500]))
        else:
            qty = Decimal(rng.choice(QTYS))
        price = Decimal(base) * RATES[currency] * Decimal(rng.randrange(90, 116)) / 100
        places = 0 if currency == "JPY" else (4 if price < Decimal("0.1") else 2)
        price = price.quantize(Decimal(1).scaleb(-places))
        if price == 0:
            price = Decimal(1).scaleb(-places)
        ldate = pick_date(rng, delivery, 30, unamb) if line_dates else None
        lines.append(Line(item, desc, qty, unit, price, q(qty * price, currency), ldate))
    if line_dates:
        lines[0].date = delivery  # the earliest line date is the requested delivery
    total = sum((ln.amount for ln in lines), Decimal(0))
    return PO(
        number,
        buyer,
        po_date,
        delivery if header_delivery else None,
        currency,
        buyer.incoterms if incoterms == "default" else incoterms,
        buyer.payment if payment == "default" else payment,
        lines,
        total,
    )


def style_for(po: PO, **kw: Any) -> Style:
    b = po.buyer
    base = dict(
        lang=b.lang,
        num=b.num,
        dates=b.dates,
        currency_label=CURRENCY_LABEL[po.currency] if b.lang == "zh" else po.currency,
        line_dates=any(ln.date for ln in po.lines),
        variant=zlib.crc32(po.number.encode()) % 4,
    )
    base.update(kw)
    return Style(**base)


# --------------------------------------------------------------------------- formatting


def fmt_num(value: Decimal, style: str, places: int | None = None) -> str:
    if places is None:
        places = max(0, -value.as_tuple().exponent)
    text = f"{value:,.{places}f}"
    if style == "de":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    if style == "fr":
        return text.replace(",", " ").replace(".", ",")
    if style == "plain":
        return text.replace(",", "")
    return text


def fmt_date(d: date, style: str) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    full = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return {
        "iso": d.isoformat(),
        "de": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "uk": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "long": f"{months[d.month - 1]} {d.day}, {d.year}",
        "ukl": f"{d.day} {full[d.month - 1]} {d.year}",
        "zh": f"{d.year}年{d.month}月{d.day}日",
    }[style]


class Doc:
    """The printable pieces of one purchase order in one style: header pairs, table, total."""

    def __init__(self, po: PO, st: Style):
        self.po, self.st = po, st
        self.L = LABELS[st.lang]

    def lab(self, key: str) -> str:
        return self.st.labels.get(key) or self.L[key][self.st.variant % len(self.L[key])]

    def money(self, value: Decimal) -> str:
        text = fmt_num(value, self.st.num)
        text = f"{self.st.symbol}{text}" if self.st.symbol else text
        return f"{text}{self.st.suffix}" if self.st.suffix else text

    def qty(self, value: Decimal) -> str:
        return fmt_num(value, self.st.num)

    def date(self, d: date) -> str:
        return fmt_date(d, self.st.dates)

    @property
    def title(self) -> str:
        return self.lab("title")

    def header_pairs(self) -> list[tuple[str, str]]:
        po = self.po
        pairs = [(self.lab("po"), po.number), (self.lab("date"), self.date(po.po_date))]
        if po.delivery:
            pairs.append((self.lab("delivery"), self.date(po.delivery)))
        if self.st.currency_label:
            pairs.append((self.lab("currency"), self.st.currency_label))
        if po.incoterms:
            pairs.append((self.lab("incoterms"), po.incoterms))
        if po.payment:
            pairs.append((self.lab("payment"), po.payment))
        return pairs

    def buyer_block(self) -> list[str]:
        b = self.po.buyer
        return [b.name, *b.address, f"{self.lab('contact')}: {b.contact} <{b.email}>"]

    def supplier_block(self) -> list[str]:
        if self.st.lang == "zh":
            return [OUR_NAME_ZH, *OUR_ADDRESS_ZH]
        return [OUR_NAME, *OUR_ADDRESS]

    def columns(self) -> list[tuple[str, str]]:
        cols = [
            ("no", self.lab("no")),
            ("item", self.lab("item")),
            ("desc", self.lab("desc")),
            ("qty", self.lab("qty")),
            ("unit", self.lab("unit")),
            ("price", self.lab("price")),
        ]
        if self.st.amounts:
            cols.append(("amount", self.lab("amount")))
        if self.st.line_dates:
            cols.append(("ldate", self.lab("ldate")))
        if self.st.column_order:
            rank = {k: i for i, k in enumerate(self.st.column_order)}
            cols.sort(key=lambda c: rank.get(c[0], len(rank)))
        return cols

    def cell(self, i: int, ln: Line, key: str) -> str:
        return {
            "no": str(i),
            "item": ln.item,
            "desc": ln.desc,
            "qty": self.qty(ln.qty),
            "unit": ln.unit,
            "price": self.money(ln.price),
            "amount": self.money(ln.amount),
            "ldate": self.date(ln.date) if ln.date else "",
        }[key]

    def rows(self) -> list[list[str]]:
        keys = [k for k, _ in self.columns()]
        return [[self.cell(i, ln, k) for k in keys] for i, ln in enumerate(self.po.lines, 1)]

    def total_text(self) -> str | None:
        if not self.st.totals or self.po.total is None:
            return None
        return self.money(self.po.total)

    def notes(self) -> list[str]:
        notes = self.L["notes"][: 1 + self.st.variant % 3] if self.st.notes else []
        if self.st.capital_total and self.po.total is not None:
            notes = [f"合计人民币（大写）：{rmb_capital(self.po.total)}", *notes]
        return notes


def rmb_capital(amount: Decimal) -> str:
    """An amount in Chinese capital numerals, as printed under a total: 壹万贰仟叁佰元整."""
    digits = "零壹贰叁肆伍陆柒捌玖"
    yuan, cents = int(amount), int((amount * 100) % 100)

    def four(n: int) -> str:
        out, zero = "", False
        for power, unit in ((3, "仟"), (2, "佰"), (1, "拾"), (0, "")):
            d = n // 10**power % 10
            if d:
                out += ("零" if zero else "") + digits[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    out = ""
    for n, unit in ((yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")):
        if n:
            out += ("零" if out and n < 1000 else "") + four(n) + unit
    out = (out or "零") + "元"
    jiao, fen = cents // 10, cents % 10
    if not cents:
        return out + "整"
    out += digits[jiao] + "角" if jiao else "零"
    return out + (digits[fen] + "分" if fen else "整")


LANGUAGE_FILES = HERE.parents[1] / "mailflow" / "data" / "languages"


def described(lang: str) -> bool:
    """Whether a language file describes ``lang``: an order in a language none describes is read
    by its shape alone, and every value it holds is a person's to check (``needs_review``)."""
    return (LANGUAGE_FILES / f"{lang}.yaml").exists()


# --------------------------------------------------------------------------- expected


def expected_for(
    po: PO | None,
    st: Style | None,
    *,
    kind: str = "purchase_order",
    references: list[str] | None = None,
    needs_review: bool = False,
    source: str | None = None,
    omit: tuple[str, ...] = (),
    note: str | None = None,
    order_null: bool | None = None,
) -> dict[str, Any]:
    """The golden result, from the ground truth. Keys left out are not asserted (see README)."""
    out: dict[str, Any] = {"kind": kind}
    if po is not None and st is not None:
        order: dict[str, Any] = {
            "po_number": po.number,
            "customer": po.buyer.name,
            "po_date": po.po_date.isoformat(),
            "delivery_date": po.requested.isoformat() if po.requested else None,
            "currency": po.currency,
            "incoterms": po.incoterms,
            "payment_terms": po.payment,
        }
        if st.totals and po.total is not None:
            order["total"] = str(po.total)
        lines = []
        for ln in po.lines:
            line = {
                "item": ln.item,
                "description": ln.desc,
                "quantity": str(ln.qty),
                "unit": ln.unit,
                "unit_price": str(ln.price),
            }
            if st.amounts:
                line["amount"] = str(ln.amount)
            if ln.date and st.line_dates:
                line["delivery_date"] = ln.date.isoformat()
            lines.append(line)
        order["lines"] = lines
        for key in omit:
            order.pop(key, None)
        out["order"] = order
    elif order_null:
        out["order"] = None
    if references is not None:
        out["references"] = references
    if needs_review:
        out["needs_review"] = True
    if source is not None:
        out["source"] = source
    if note:
        out["note"] = note
    return out


# --------------------------------------------------------------------------- producers


def _wrap(text: str, width: float, measure) -> list[str]:
    tokens = re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+", text)
    lines, cur = [], ""
    for tok in tokens:
        if not cur.strip() or measure((cur + tok).rstrip()) <= width:
            cur += tok
        else:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


_RL_FONTS: dict[str, tuple[str, str]] = {}


def _rl_fonts(lang: str) -> tuple[str, str]:
    if lang == "zh":
        if "zh" not in _RL_FONTS:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont("WQY", CJK_FONT, subfontIndex=0))
            _RL_FONTS["zh"] = ("WQY", "WQY")
        return _RL_FONTS["zh"]
    return ("Helvetica", "Helvetica-Bold")


COL_WEIGHT = {"no": 0.5, "item": 1.6, "desc": 4.2, "qty": 1.1, "unit": 0.8, "price": 1.3, "amount": 1.5, "ldate": 1.5}
RIGHT = {"no", "qty", "price", "amount"}


def pdf_reportlab(
    path: Path, doc: Doc, *, ruled: bool = True, letter: bool = False, rows_per_page: int | None = None
) -> None:
    """A PDF as an ERP prints it: letterhead, header fields, a line table, footers on every page."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    st, po = doc.st, doc.po
    font, bold = _rl_fonts(st.lang)
    W, H = LETTER if letter else A4
    margin = 40
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.setTitle(doc.title)
    c.setAuthor(po.buyer.name)
    cols = doc.columns()
    total_w = W - 2 * margin
    weights = sum(COL_WEIGHT[k] for k, _ in cols)
    widths = [total_w * COL_WEIGHT[k] / weights for k, _ in cols]
    size, lead = 8.5, 11
    desc_idx = [k for k, _ in cols].index("desc")

    def measure(t: str) -> float:
        return stringWidth(t, font, size)

    rows = []
    for r in doc.rows():
        r = list(r)
        rows.append((r, _wrap(r[desc_idx], widths[desc_idx] - 6, measure)))

    # paginate: first page has the header area, later pages a short continuation header
    pages: list[list] = [[]]
    y_first, y_next, y_min = H - 300, H - 120, 90
    y = y_first
    for r, wrapped in rows:
        h = lead * len(wrapped) + 5
        limit = len(pages[-1]) >= rows_per_page if rows_per_page else y - h < y_min
        if limit and pages[-1]:
            pages.append([])
            y = y_next
        pages[-1].append((r, wrapped))
        y -= h
    npages = len(pages)

    def footer(n: int) -> None:
        c.setFont(font, 7.5)
        c.drawString(margin, 40, f"{po.buyer.name} · {doc.lab('po')} {po.number}")
        c.drawRightString(W - margin, 40, doc.L["page"].format(n=n, m=npages))
        c.line(margin, 52, W - margin, 52)

    def table_header(y: float) -> float:
        c.setFont(bold, size)
        x = margin
        if ruled:
            c.setFillGray(0.88)
            c.rect(margin, y - 4, total_w, lead + 5, stroke=1, fill=1)
            c.setFillGray(0)
        for (k, label), w in zip(cols, widths):
            if k in RIGHT:
                c.drawRightString(x + w - 3, y, label)
            else:
                c.drawString(x + 3, y, label)
            if ruled:
                c.line(x, y - 4, x, y + lead + 1)
            x += w
        if ruled:
            c.line(margin + total_w, y - 4, margin + total_w, y + lead + 1)
        return y - lead - 5

    for n, page in enumerate(pages, 1):
        if n == 1:
            c.setFont(bold, 15)
            c.drawString(margin, H - 55, po.buyer.name)
            c.setFont(font, 8.5)
            yy = H - 70
            for text in po.buyer.address:
                c.drawString(margin, yy, text)
                yy -= 11
            c.setFont(bold, 16)
            c.drawRightString(W - margin, H - 55, doc.title)
            y = _rl_header(c, doc, font, bold, margin, W, H - 125)
        else:
            c.setFont(bold, 11)
            c.drawString(margin, H - 55, f"{po.buyer.name} — {doc.title} {po.number} ({doc.L['cont']})")
            y = H - 100
        y = table_header(y)
        c.setFont(font, size)
        for r, wrapped in page:
            h = lead * len(wrapped) + 5
            x = margin
            for i, ((k, _), w) in enumerate(zip(cols, widths)):
                if k == "desc":
                    for j, part in enumerate(wrapped):
                        c.drawString(x + 3, y - j * lead, part)
                elif k in RIGHT:
                    c.drawRightString(x + w - 3, y, r[i])
                else:
                    c.drawString(x + 3, y, r[i])
                if ruled:
                    c.line(x, y - h + lead + 1, x, y + lead + 1)
                x += w
            if ruled:
                c.line(margin + total_w, y - h + lead + 1, margin + total_w, y + lead + 1)
                c.line(margin, y - h + lead + 1, margin + total_w, y - h + lead + 1)
            y -= h
        if n == npages:
            total = doc.total_text()
            if total:
                c.setFont(bold, 9.5)
                label = doc.lab("total") + (f" ({st.currency_label})" if st.currency_label and not st.symbol else "")
                amount_x = (
                    margin + sum(widths[: [k for k, _ in cols].index("amount") + 1]) if st.amounts else W - margin
                )
                c.drawRightString(amount_x - 3, y - 6, total)
                c.drawRightString(amount_x - 110, y - 6, label)
                y -= 24
            c.setFont(font, 8)
            for note in doc.notes():
                y -= 12
                c.drawString(margin, y, note)
            y -= 30
            c.drawString(
                margin, y, ("授权签字：" if st.lang == "zh" else "Authorised signature: ") + "____________________"
            )
        footer(n)
        c.showPage()
    c.save()


def _rl_header(c, doc: Doc, font: str, bold: str, margin: float, W: float, y: float) -> float:
    st = doc.st
    pairs = doc.header_pairs()
    if st.header == "kv":
        half = (len(pairs) + 1) // 2
        for col, chunk in enumerate((pairs[:half], pairs[half:])):
            yy = y
            for label, value in chunk:
                x = margin + col * (W - 2 * margin) / 2
                c.setFont(bold, 9)
                c.drawString(x, yy, f"{label}:")
                c.setFont(font, 9)
                c.drawString(x + 105, yy, value)
                yy -= 13
        y -= 13 * half + 10
        blocks = [(doc.lab("buyer"), doc.buyer_block())]
    else:  # label blocks: a grid of boxes, the label small above its value
        bw = (W - 2 * margin) / 3
        for i, (label, value) in enumerate(pairs):
            x = margin + (i % 3) * bw
            yy = y - (i // 3) * 30
            c.rect(x, yy - 14, bw, 28)
            c.setFont(font, 6.5)
            c.drawString(x + 4, yy + 6, label.upper() if st.lang == "en" else label)
            c.setFont(bold, 9.5)
            c.drawString(x + 4, yy - 8, value)
        y -= 30 * ((len(pairs) + 2) // 3) + 8
        blocks = [(doc.lab("buyer"), doc.buyer_block())]
    if st.supplier:
        blocks.append((doc.lab("supplier"), doc.supplier_block()))
    top = y
    for i, (label, block) in enumerate(blocks):
        x = margin + i * (W - 2 * margin) / 2
        yy = top
        c.setFont(bold, 8.5)
        c.drawString(x, yy, f"{label}:" if st.header == "kv" else label)
        c.setFont(font, 8.5)
        for text in block:
            yy -= 11
            c.drawString(x, yy, text)
        y = min(y, yy)
    return min(y - 24, c._pagesize[1] - 300)  # the table starts where pagination assumed


def pdf_fpdf(path: Path, doc: Doc) -> None:
    """A PDF from fpdf2's table API: ruled cells, wrapped text, a different text layer."""
    import logging

    from fpdf import FPDF
    from fpdf.fonts import FontFace

    logging.getLogger("fontTools").setLevel(logging.ERROR)

    st, po = doc.st, doc.po
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.file_id = lambda: -1  # no random document ID
    pdf.set_title(doc.title)
    if st.lang == "zh":
        pdf.add_font("body", fname=CJK_FONT, collection_font_number=0)
    else:
        pdf.add_font("body", fname=LATIN_FONT)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("body", size=14)
    pdf.cell(0, 8, po.buyer.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8)
    for text in po.buyer.address:
        pdf.cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("body", size=13)
    pdf.cell(0, 8, doc.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=9)
    for label, value in doc.header_pairs():
        pdf.cell(40, 5.5, f"{label}:")
        pdf.cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")
    if st.supplier:
        pdf.ln(2)
        pdf.cell(40, 5.5, f"{doc.lab('supplier')}:")
        pdf.multi_cell(0, 5.5, "\n".join(doc.supplier_block()), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("body", size=8)
    cols = doc.columns()
    widths = tuple(COL_WEIGHT[k] for k, _ in cols)
    aligns = tuple("RIGHT" if k in RIGHT else "LEFT" for k, _ in cols)
    with pdf.table(
        col_widths=widths, text_align=aligns, line_height=4.5, headings_style=FontFace(fill_color=(225, 225, 225))
    ) as table:
        table.row([label for _, label in cols])
        for r in doc.rows():
            table.row(r)
    total = doc.total_text()
    if total:
        pdf.set_font("body", size=10)
        pdf.cell(0, 8, f"{doc.lab('total')}: {total}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8)
    for note in doc.notes():
        pdf.cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def pdf_text_document(path: Path, title: str, paragraphs: list[str], lang: str = "en") -> None:
    """A plain reportlab text PDF (terms and conditions, a drawing's title block)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font, bold = _rl_fonts(lang)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    W, H = A4
    c.setFont(bold, 14)
    c.drawString(50, H - 60, title)
    y = H - 90
    for para in paragraphs:
        for text in _wrap(para, W - 100, lambda t: stringWidth(t, font, 9)):
            if y < 60:
                c.showPage()
                y = H - 60
            c.setFont(font, 9)
            c.drawString(50, y, text)
            y -= 12
        y -= 6
    c.showPage()
    c.save()


def pdf_drawing(path: Path, part: str, title: str) -> None:
    """An engineering drawing: outline, dimensions and a title block full of numbers."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    W, H = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.setTitle(f"{part} drawing")
    c.rect(20, 20, W - 40, H - 40)
    c.rect(200, 220, 300, 160)
    c.circle(350, 300, 40)
    c.setFont("Helvetica", 8)
    c.drawString(330, 395, "300 ±0.1")
    c.drawString(505, 295, "160 ±0.1")
    c.drawString(400, 340, "Ø80 H7")
    x, y = W - 320, 20
    c.rect(x, y, 300, 110)
    rows = [
        ("TITLE", title),
        ("DRAWING NO.", f"{part}-DWG rev B"),
        ("MATERIAL", "AL 6061-T6"),
        ("FINISH", "Anodise black, 10-15 µm"),
        ("SCALE", "1:2"),
        ("QTY PER ASSY", "1"),
        ("TOLERANCES", "ISO 2768-m"),
        ("DATE", "2026-09-14"),
    ]
    for i, (k, v) in enumerate(rows):
        c.drawString(x + 6, y + 98 - i * 12, k)
        c.drawString(x + 110, y + 98 - i * 12, v)
    c.showPage()
    c.save()


def pdf_scanned(path: Path, doc: Doc) -> None:
    """An image-only PDF: the order rendered to a noisy, slightly rotated greyscale bitmap."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = rng_for(str(path.name))
    img = Image.new("L", (827, 1169), 246)
    d = ImageDraw.Draw(img)
    big = ImageFont.truetype(LATIN_FONT, 26)
    small = ImageFont.truetype(LATIN_FONT, 15)
    d.text((60, 60), doc.po.buyer.name, font=big, fill=30)
    d.text((560, 60), doc.title, font=big, fill=30)
    y = 140
    for label, value in doc.header_pairs():
        d.text((60, y), f"{label}: {value}", font=small, fill=40)
        y += 24
    y += 20
    xs = [60, 100, 210, 520, 590, 640, 730]
    for x, (_, label) in zip(xs, doc.columns()):
        d.text((x, y), label, font=small, fill=20)
    d.line((55, y + 22, 780, y + 22), fill=60, width=2)
    y += 30
    for r in doc.rows():
        for x, text in zip(xs, r):
            d.text((x, y), text[:34], font=small, fill=45)
        y += 24
    total = doc.total_text()
    if total:
        d.text((590, y + 10), f"{doc.lab('total')}: {total}", font=small, fill=20)
    img = img.rotate(0.8, fillcolor=246, resample=Image.BICUBIC)
    noise = Image.effect_noise(img.size, 18).point(lambda v: v // 6)
    img = Image.eval(Image.blend(img, noise, 0.08), lambda v: v).filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=55)
    buf.seek(0)
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buf), 0, 0, W, H)
    c.showPage()
    c.save()
    del rng


def docx_po(path: Path, doc: Doc, *, header_table: bool = False) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    st, po = doc.st, doc.po
    d = Document()
    d.core_properties.author = po.buyer.contact
    d.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    d.core_properties.last_modified_by = po.buyer.contact
    style = d.styles["Normal"]
    style.font.size = Pt(9.5)
    p = d.add_paragraph()
    run = p.add_run(po.buyer.name)
    run.bold = True
    run.font.size = Pt(15)
    d.add_paragraph(", ".join(po.buyer.address))
    d.add_heading(doc.title, level=1)
    if header_table:
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for label, value in doc.header_pairs():
            cells = t.add_row().cells
            cells[0].text, cells[1].text = label, value
        d.add_paragraph()
    else:
        for label, value in doc.header_pairs():
            p = d.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(value)
    if st.supplier:
        p = d.add_paragraph()
        p.add_run(f"{doc.lab('supplier')}: ").bold = True
        p.add_run(", ".join(doc.supplier_block()))
    p = d.add_paragraph()
    p.add_run(f"{doc.lab('buyer')}: ").bold = True
    p.add_run(f"{po.buyer.name}, {po.buyer.contact}")
    cols = doc.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    t.autofit = False
    cm_widths = {
        "no": 0.9,
        "item": 2.6,
        "desc": 5.4,
        "qty": 1.7,
        "unit": 1.2,
        "price": 1.9,
        "amount": 2.3,
        "ldate": 2.4,
    }
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
        cell.paragraphs[0].runs[0].bold = True
    for r in doc.rows():
        for cell, text in zip(t.add_row().cells, r):
            cell.text = text
    for column, (key, _) in zip(t.columns, cols):
        column.width = Cm(cm_widths[key])
        for cell in column.cells:
            cell.width = Cm(cm_widths[key])
    total = doc.total_text()
    if total:
        cells = t.add_row().cells
        cells[0].merge(cells[len(cols) - 2])
        cells[0].text = doc.lab("total")
        cells[-1].text = total
    for note in doc.notes():
        d.add_paragraph(note)
    d.save(str(path))
    normalize_zip(path)


def xlsx_po(
    path: Path,
    doc: Doc,
    *,
    header_row: int = 9,
    merged_desc: bool = False,
    sheets: bool = False,
    kv_in_cell: bool = False,
) -> None:
    """An ERP-style workbook: title block, header fields, the table lower down, totals and notes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    st, po = doc.st, doc.po
    wb = Workbook()
    ws = wb.active
    if sheets:
        ws.title = "Cover" if st.lang == "en" else "封面"
        ws["A1"] = po.buyer.name
        ws["A3"] = "Purchase order attached on sheet 'Order'." if st.lang == "en" else "采购明细见“订单”工作表。"
        ws["A4"] = "Generated by ERP" if st.lang == "en" else "ERP导出"
        ws = wb.create_sheet("Order" if st.lang == "en" else "订单")
        terms = wb.create_sheet("Terms" if st.lang == "en" else "条款")
        for i, note in enumerate(doc.L["notes"], 1):
            terms.cell(row=i, column=1, value=note)
    else:
        ws.title = "PO" if st.lang == "en" else "采购订单"
    bold = Font(bold=True)
    cols = doc.columns()
    ncols = len(cols) + (1 if merged_desc else 0)
    ws.cell(row=1, column=1, value=po.buyer.name).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(row=2, column=1, value=", ".join(po.buyer.address))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    ws.cell(row=3, column=1, value=doc.title).font = Font(bold=True, size=12)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
    ws.cell(row=3, column=1).alignment = Alignment(horizontal="center")
    pairs = doc.header_pairs()
    r = 4
    for i, (label, value) in enumerate(pairs):
        row, col = r + i // 2, 1 + (i % 2) * 4
        if kv_in_cell:  # "PO No.: 123" typed into one merged cell, as hand-made sheets do
            ws.cell(row=row, column=col, value=f"{label}: {value}")
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 2)
            continue
        ws.cell(row=row, column=col, value=label).font = bold
        cell = ws.cell(row=row, column=col + 1, value=_xl_value(po, label, value, doc))
        if isinstance(cell.value, datetime):
            cell.number_format = XL_DATE[st.dates]
            cell.alignment = Alignment(horizontal="left")
    r = r + (len(pairs) + 1) // 2
    if st.supplier:
        ws.cell(row=r, column=1, value=doc.lab("supplier")).font = bold
        ws.cell(row=r, column=2, value=doc.supplier_block()[0])
        r += 1
    r = max(r + 1, header_row)
    thin = Side(style="thin")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="DDDDDD")
    col = 1
    positions = {}
    for key, label in cols:
        cell = ws.cell(row=r, column=col, value=label)
        cell.font, cell.border, cell.fill = bold, border, fill
        positions[key] = col
        if key == "desc" and merged_desc:
            ws.merge_cells(start_row=r, start_column=col, end_row=r, end_column=col + 1)
            col += 1
        col += 1
    money_fmt = "#,##0" if po.currency == "JPY" else "#,##0.00"
    for i, ln in enumerate(po.lines, 1):
        r += 1
        values = {
            "no": i,
            "item": ln.item,
            "desc": ln.desc,
            "qty": ln.qty,
            "unit": ln.unit,
            "price": ln.price,
            "amount": ln.amount,
            "ldate": ln.date,
        }
        for key, _ in cols:
            c = ws.cell(row=r, column=positions[key], value=_xl_number(values[key]))
            c.border = border
            if key in ("price", "amount"):
                places = max(0, -ln.price.as_tuple().exponent) if key == "price" else None
                c.number_format = ("#,##0." + "0" * places) if places else money_fmt
            elif key == "qty":
                c.number_format = "#,##0.###" if ln.qty != ln.qty.to_integral() else "#,##0"
            elif key == "ldate":
                c.number_format = XL_DATE[st.dates]
            elif key == "no":
                c.alignment = Alignment(horizontal="center")
        if merged_desc:
            ws.merge_cells(start_row=r, start_column=positions["desc"], end_row=r, end_column=positions["desc"] + 1)
    if doc.total_text():
        r += 1
        label_col = positions["amount"] - 1
        ws.cell(row=r, column=label_col, value=doc.lab("total")).font = bold
        c = ws.cell(row=r, column=positions["amount"], value=_xl_number(po.total))
        c.font, c.number_format = bold, money_fmt
    r += 2
    for note in doc.notes():
        ws.cell(row=r, column=1, value=note)
        r += 1
    for letter, width in zip("ABCDEFGHI", (16, 16, 44, 12, 16, 14, 14, 14, 14)):
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = po.buyer.contact
    wb.properties.created = FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    normalize_zip(path)


XL_DATE = {
    "iso": "yyyy-mm-dd",
    "de": "dd.mm.yyyy",
    "us": "mm/dd/yyyy",
    "uk": "dd/mm/yyyy",
    "long": "mmm d, yyyy",
    "ukl": "d mmmm yyyy",
    "zh": 'yyyy"年"m"月"d"日"',
}


def _xl_number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() and value.as_tuple().exponent >= 0 else float(value)
    return value


def _xl_value(po: PO, label: str, value: str, doc: Doc) -> Any:
    """Header dates go in as real date cells, all-digit PO numbers as numbers (as ERPs export them)."""
    if value == po.number and value.isdigit():
        return int(value)
    if value == doc.date(po.po_date):
        return datetime(po.po_date.year, po.po_date.month, po.po_date.day)
    if po.delivery and value == doc.date(po.delivery):
        return datetime(po.delivery.year, po.delivery.month, po.delivery.day)
    return value


def xls_po(path: Path, doc: Doc) -> None:
    import xlwt

    st, po = doc.st, doc.po
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("PO" if st.lang == "en" else "采购订单")
    bold = xlwt.easyxf("font: bold on")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    money4 = xlwt.easyxf(num_format_str="#,##0.0000")
    ws.write_merge(0, 0, 0, 6, po.buyer.name, xlwt.easyxf("font: bold on, height 280"))
    ws.write(1, 0, ", ".join(po.buyer.address))
    ws.write(2, 0, doc.title, bold)
    r = 4
    for label, value in doc.header_pairs():
        ws.write(r, 0, label, bold)
        v = _xl_value(po, label, value, doc)
        if isinstance(v, datetime):
            ws.write(r, 1, v, date_style)
        else:
            ws.write(r, 1, v)
        r += 1
    r += 1
    cols = doc.columns()
    for j, (_, label) in enumerate(cols):
        ws.write(r, j, label, bold)
    for i, ln in enumerate(po.lines, 1):
        r += 1
        values = {
            "no": i,
            "item": ln.item,
            "desc": ln.desc,
            "qty": ln.qty,
            "unit": ln.unit,
            "price": ln.price,
            "amount": ln.amount,
            "ldate": ln.date,
        }
        for j, (key, _) in enumerate(cols):
            v = values[key]
            if key == "ldate" and v:
                ws.write(r, j, datetime(v.year, v.month, v.day), date_style)
            elif key == "price":
                ws.write(r, j, float(v), money4 if -v.as_tuple().exponent > 2 else money)
            elif key == "amount":
                ws.write(r, j, float(v), money)
            else:
                ws.write(r, j, _xl_number(v))
    if doc.total_text():
        r += 1
        ws.write(r, len(cols) - 2, doc.lab("total"), bold)
        ws.write(r, len(cols) - 1, float(po.total), money)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


def html_po(doc: Doc, *, for_print: bool = False) -> str:
    import html as h

    st, po = doc.st, doc.po
    e = h.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if st.lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{e(doc.title)} {e(po.number)}</title>",
        "<style>",
        "body{font-family:'DejaVu Sans','WenQuanYi Zen Hei',sans-serif;font-size:10pt;margin:24px}",
        "table{border-collapse:collapse} .lines td,.lines th{border:1px solid #999;padding:3px 6px}",
        ".lines th{background:#e8e8e8} td.n{text-align:right} .hdr td{padding:2px 10px 2px 0}",
        "@page{size:A4;margin:14mm}" if for_print else "",
        "</style></head><body>",
        f"<h2>{e(po.buyer.name)}</h2>",
        f"<p>{'<br>'.join(e(a) for a in po.buyer.address)}</p>",
        f"<h1>{e(doc.title)}</h1>",
    ]
    if st.header == "blocks":
        out.append("<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in doc.header_pairs()) + "</dl>")
    else:
        out.append(
            '<table class="hdr">'
            + "".join(f"<tr><td><b>{e(k)}:</b></td><td>{e(v)}</td></tr>" for k, v in doc.header_pairs())
            + "</table>"
        )
    if st.supplier:
        out.append(f"<p><b>{e(doc.lab('supplier'))}:</b> {e(', '.join(doc.supplier_block()))}</p>")
    out.append(f"<p><b>{e(doc.lab('buyer'))}:</b> {e(po.buyer.name)} — {e(po.buyer.contact)}</p>")
    cols = doc.columns()
    out.append(
        '<table class="lines"><thead><tr>' + "".join(f"<th>{e(lbl)}</th>" for _, lbl in cols) + "</tr></thead><tbody>"
    )
    for r in doc.rows():
        out.append(
            "<tr>"
            + "".join(f'<td class="n">{e(v)}</td>' if k in RIGHT else f"<td>{e(v)}</td>" for (k, _), v in zip(cols, r))
            + "</tr>"
        )
    out.append("</tbody>")
    total = doc.total_text()
    if total:
        out.append(
            f'<tfoot><tr><td colspan="{len(cols) - 1}" class="n"><b>{e(doc.lab("total"))}</b></td>'
            f'<td class="n"><b>{e(total)}</b></td></tr></tfoot>'
        )
    out.append("</table>")
    out += [f"<p>{e(n)}</p>" for n in doc.notes()]
    out.append("</body></html>")
    return "\n".join(x for x in out if x) + "\n"


def text_aligned(doc: Doc) -> str:
    """A plain-text order with space-aligned columns, as typed in a mail client or a .txt export."""
    st, po = doc.st, doc.po
    lines = [po.buyer.name, doc.title, ""]
    width = max(len(k) for k, _ in doc.header_pairs()) + 2
    lines += [f"{(k + ':').ljust(width)} {v}" for k, v in doc.header_pairs()]
    if st.supplier:
        lines.append(f"{(doc.lab('supplier') + ':').ljust(width)} {doc.supplier_block()[0]}")
    lines.append("")
    cols = doc.columns()
    rows = [[lbl for _, lbl in cols]] + doc.rows()
    widths = [max(_dw(r[i]) for r in rows) for i in range(len(cols))]
    for n, r in enumerate(rows):
        cells = [_dpad(v, w, k in RIGHT) for (k, _), v, w in zip(cols, r, widths)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("-" * (sum(widths) + 2 * (len(cols) - 1)))
    total = doc.total_text()
    if total:
        lines.append("")
        label = doc.lab("total") + (f" ({st.currency_label})" if st.currency_label and not st.symbol else "")
        lines.append(f"{label}: {total}")
    lines.append("")
    lines += doc.notes()
    return "\n".join(lines) + "\n"


def _dw(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _dpad(text: str, width: int, right: bool) -> str:
    pad = " " * (width - _dw(text))
    return pad + text if right else text + pad


def normalize_zip(path: Path) -> None:
    """Fixed entry timestamps and core-property dates, so OOXML files are byte-reproducible."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    src.close()
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- email


def eml(
    path: Path,
    *,
    sender: tuple[str, str],
    subject: str,
    body: str,
    msgid: str,
    attachments: list[tuple[str, bytes, str]] = (),
    extra_headers: dict[str, str] | None = None,
    html: str | None = None,
    when: datetime = FIXED_TIME,
) -> None:
    msg = EmailMessage()
    msg["From"] = f"{sender[0]} <{sender[1]}>"
    msg["To"] = "Example Manufacturing Orders <orders@example.com>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{msgid}>"
    for k, v in (extra_headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for name, data, ctype in attachments:
        maintype, subtype = ctype.split("/")
        if ctype == "message/rfc822":  # a forwarded message, attached whole
            msg.add_attachment(message_from_bytes(data, policy=email_policy.default))
            continue
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(p for p in msg.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_mailflow_corpus_{zlib.crc32(msgid.encode()):08x}_{i}")
    path.write_bytes(msg.as_bytes())


# --------------------------------------------------------------------------- the builder


@dataclass
class Built:
    rel: str  # relative path of the document, e.g. "pdf/northwind-ruled.pdf"
    expected: dict[str, Any]


class Builder:
    def __init__(self, out: Path, *, convert: bool, committed: Path):
        self.out = out
        self.convert = convert
        self.committed = committed
        self.docs: list[Built] = []
        self.manifest: dict[str, dict[str, str]] = {}
        self.notices: list[str] = []
        old = committed / MANIFEST
        self.old_manifest = json.loads(old.read_text()) if old.exists() else {}
        self.tmp = Path(tempfile.mkdtemp(prefix="corpus-src-"))

    def path(self, rel: str) -> Path:
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def add(self, rel: str, expected: dict[str, Any], *, producer: str, lang: str) -> None:
        fmt = rel.split("/")[0]
        expected = {**expected, "format": fmt, "language": lang, "producer": producer}
        self.docs.append(Built(rel, expected))

    def po(self, rel: str, po: PO, st: Style, producer: str, **exp: Any) -> None:
        self.add(rel, expected_for(po, st, **exp), producer=producer, lang=st.lang)

    # converted documents: LibreOffice and Chromium
    def converted(self, rel: str, source: Path, producer: str, tool: list[str] | None) -> None:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        self.manifest[rel] = {"producer": producer, "source": source.name, "source_sha256": digest}
        target = self.path(rel)
        kept = self.committed / rel
        same = self.old_manifest.get(rel, {}).get("source_sha256") == digest
        if kept.exists() and (same or not self.convert or tool is None):
            shutil.copyfile(kept, target)
            if self.convert and tool is None and not same:
                self.notices.append(f"{rel}: {producer} not available; kept the committed file (source changed)")
                self.manifest[rel] = self.old_manifest.get(rel, self.manifest[rel])
            return
        if not self.convert:
            return  # check mode: the missing file is reported by the comparison
        if tool is None:
            self.notices.append(f"{rel}: {producer} not available; document skipped")
            self.manifest.pop(rel)
            return
        tool_out = self.tmp / "out"
        tool_out.mkdir(exist_ok=True)
        if producer == "libreoffice":
            subprocess.run(
                [
                    *tool,
                    "--headless",
                    "-env:UserInstallation=file:///tmp/lo-corpus-profile",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(tool_out),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.move(tool_out / (source.stem + ".pdf"), target)
        else:
            subprocess.run(
                [
                    *tool,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={target}",
                    source.resolve().as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )


def _tool(*names: str) -> list[str] | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return [found]
    return None


# --------------------------------------------------------------------------- the corpus


def build_all(b: Builder) -> None:
    B = BUYERS
    soffice = _tool("soffice", "libreoffice")
    chromium = _tool("chromium", "chromium-browser", "google-chrome")

    # ---- PDF, reportlab
    po = make_po("pdf-nw", B["northwind"], "NW-4418", 6)
    st = style_for(po, symbol="$", currency_label=None, variant=0)
    pdf_reportlab(b.path("pdf/northwind-ruled.pdf"), Doc(po, st), letter=True)
    b.po("pdf/northwind-ruled.pdf", po, st, "reportlab")

    po = make_po("pdf-bm", B["bergmann"], "4500012817", 8)
    st = style_for(po, variant=1)
    pdf_reportlab(b.path("pdf/bergmann-aligned.pdf"), Doc(po, st), ruled=False)
    b.po("pdf/bergmann-aligned.pdf", po, st, "reportlab")

    po = make_po("pdf-tv", B["thames"], "TV/PO/26/0912", 25, line_dates=True, header_delivery=False)
    st = style_for(po, symbol="£", variant=2)
    pdf_reportlab(b.path("pdf/thames-multipage.pdf"), Doc(po, st), rows_per_page=10)
    b.po("pdf/thames-multipage.pdf", po, st, "reportlab")

    po = make_po(
        "pdf-pr",
        B["pacific"],
        "PRR-PO-10577",
        5,
        long_desc=True,
        items=[x for x in CATALOG if x[0] in ("HSG-500", "PCB-7731", "CBL-2205", "PSU-24V5", "ENC-SET")],
    )
    st = style_for(po, header="blocks", supplier=True, variant=0)
    pdf_reportlab(b.path("pdf/pacific-blocks-wrapped.pdf"), Doc(po, st), letter=True)
    b.po("pdf/pacific-blocks-wrapped.pdf", po, st, "reportlab")

    po = make_po("pdf-lk", B["lakeside"], "LMD-PO-88213", 3)
    st = style_for(po, supplier=True, variant=3, header="kv")
    pdf_reportlab(b.path("pdf/lakeside-supplier-block.pdf"), Doc(po, st), letter=True)
    b.po("pdf/lakeside-supplier-block.pdf", po, st, "reportlab")

    po = make_po("pdf-db", B["dubois"], "AD-2026-0331", 4)
    st = style_for(po, symbol="€ ", currency_label=None, variant=1)
    pdf_reportlab(b.path("pdf/dubois-space-thousands.pdf"), Doc(po, st), ruled=False)
    b.po("pdf/dubois-space-thousands.pdf", po, st, "reportlab")

    po = make_po("pdf-kb", B["kobayashi"], "K26-00417", 7)
    st = style_for(po, symbol="¥", variant=0)
    pdf_reportlab(b.path("pdf/kobayashi-jpy.pdf"), Doc(po, st))
    b.po("pdf/kobayashi-jpy.pdf", po, st, "reportlab")

    po = make_po("pdf-nm", B["nordic"], "NMS-7741", 12, line_dates=True)
    st = style_for(po, header="blocks", variant=2)
    pdf_reportlab(b.path("pdf/nordic-blocks-linedates.pdf"), Doc(po, st))
    b.po("pdf/nordic-blocks-linedates.pdf", po, st, "reportlab")

    po = make_po("pdf-hq", B["huaqiang"], "HQ-20261116", 6)
    st = style_for(po, symbol="¥", variant=0)
    pdf_reportlab(b.path("pdf/huaqiang-ruled-zh.pdf"), Doc(po, st))
    b.po("pdf/huaqiang-ruled-zh.pdf", po, st, "reportlab")

    po = make_po("pdf-hd", B["hengda"], "CG2611-0031", 22, line_dates=True, header_delivery=False)
    st = style_for(po, variant=1, supplier=True)
    pdf_reportlab(b.path("pdf/hengda-multipage-zh.pdf"), Doc(po, st), ruled=False, rows_per_page=9)
    b.po("pdf/hengda-multipage-zh.pdf", po, st, "reportlab")

    po = make_po(
        "pdf-qm",
        B["qiming"],
        "QM-PO-2611-088",
        4,
        long_desc=True,
        items=[x for x in CATALOG if x[0] in ("HSG-500", "PCB-7731", "CBL-2205", "ENC-SET")],
    )
    st = style_for(po, header="blocks", variant=2, currency_label="RMB")
    pdf_reportlab(b.path("pdf/qiming-blocks-wrapped-zh.pdf"), Doc(po, st))
    b.po("pdf/qiming-blocks-wrapped-zh.pdf", po, st, "reportlab")

    # hard: one line's printed amount disagrees with quantity × price
    po = make_po("pdf-mm", B["maple"], "MLC-55120", 5)
    bad = po.lines[2]
    bad.amount = bad.amount + Decimal("100.00")
    po.total = sum((ln.amount for ln in po.lines), Decimal(0))
    st = style_for(po, variant=0)
    pdf_reportlab(b.path("pdf/maple-amount-mismatch.pdf"), Doc(po, st))
    b.po(
        "pdf/maple-amount-mismatch.pdf",
        po,
        st,
        "reportlab",
        needs_review=True,
        note="line 3 amount is 100.00 more than quantity x unit price, as printed by the buyer",
    )

    # hard: a date that reads two ways, no locale hint anywhere
    amb = Buyer(
        "Meridian Components Ltd",
        ["Suite 4, 18 Commerce Way"],
        "Sam Lee",
        "sam@meridian-components.example",
        currency="USD",
        dates="iso",
    )
    po = make_po("pdf-amb", amb, "MC-3318", 2, incoterms=None, payment=None)
    po.po_date, po.delivery = date(2026, 3, 4), None
    st = style_for(po, variant=2)
    doc = Doc(po, st)
    doc.date = lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}"  # prints 03/04/2026
    pdf_reportlab(b.path("pdf/meridian-ambiguous-date.pdf"), doc)
    b.po(
        "pdf/meridian-ambiguous-date.pdf",
        po,
        st,
        "reportlab",
        needs_review=True,
        omit=("po_date",),
        note="PO date printed 03/04/2026: 4 March or 3 April, nothing in the document decides",
    )

    # hard: scanned, image only: no text layer to read
    po = make_po("pdf-scan", B["acme"], "AF-26-1187", 4)
    st = style_for(po, variant=1)
    pdf_scanned(b.path("pdf/acme-scanned.pdf"), Doc(po, st))
    b.add(
        "pdf/acme-scanned.pdf",
        {
            "order": {"po_number": po.number},
            "needs_review": True,
            "note": "image-only scan: read by OCR, every value flagged for review",
        },
        producer="reportlab+pillow (image only)",
        lang="en",
    )

    # ---- PDF, fpdf2
    po = make_po("pdf-ac", B["acme"], "AF-26-1204", 9)
    st = style_for(po, symbol="US$", currency_label=None, variant=1)
    pdf_fpdf(b.path("pdf/acme-fpdf.pdf"), Doc(po, st))
    b.po("pdf/acme-fpdf.pdf", po, st, "fpdf2")

    po = make_po("pdf-bl", B["brightline"], "BL-PO-004471", 11, line_dates=True)
    st = style_for(po, variant=3)
    pdf_fpdf(b.path("pdf/brightline-fpdf-linedates.pdf"), Doc(po, st))
    b.po("pdf/brightline-fpdf-linedates.pdf", po, st, "fpdf2")

    po = make_po("pdf-hl", B["hailian"], "HL-PO-26-1193", 5)
    st = style_for(po, variant=0, currency_label="RMB", supplier=True)
    pdf_fpdf(b.path("pdf/hailian-fpdf-zh.pdf"), Doc(po, st))
    b.po("pdf/hailian-fpdf-zh.pdf", po, st, "fpdf2")

    po = make_po("pdf-yx", B["yongxin"], "YX20261118-02", 14, line_dates=True)
    st = style_for(po, variant=2, currency_label="CNY")
    pdf_fpdf(b.path("pdf/yongxin-fpdf-zh.pdf"), Doc(po, st))
    b.po("pdf/yongxin-fpdf-zh.pdf", po, st, "fpdf2")

    # ---- PDF, LibreOffice (from a generated .docx / .xlsx)
    for rel, key, number, n, kw, fn in [
        ("pdf/vdberg-libreoffice-docx.pdf", "vdberg", "VDB-2026-1142", 6, {"variant": 1}, "docx"),
        ("pdf/yunfan-libreoffice-docx-zh.pdf", "yunfan", "YF-CG-261120", 5, {"variant": 0, "supplier": True}, "docx"),
        ("pdf/lakeside-libreoffice-xlsx.pdf", "lakeside", "LMD-PO-88240", 8, {"variant": 2}, "xlsx"),
        ("pdf/nanfang-libreoffice-xlsx-zh.pdf", "nanfang", "NF-PO-2611-17", 7, {"variant": 1}, "xlsx"),
    ]:
        po = make_po(rel, B[key], number, n)
        st = style_for(po, **kw)
        src = b.tmp / (Path(rel).stem + "." + fn)
        (docx_po if fn == "docx" else xlsx_po)(src, Doc(po, st))
        b.converted(rel, src, "libreoffice", soffice)
        b.po(rel, po, st, "libreoffice")

    # ---- PDF, printed by a browser from an HTML page
    for rel, key, number, n, kw in [
        (
            "pdf/pacific-chromium-html.pdf",
            "pacific",
            "PRR-PO-10602",
            7,
            {"variant": 2, "symbol": "$", "currency_label": "USD"},
        ),
        ("pdf/huaqiang-chromium-html-zh.pdf", "huaqiang", "HQ-20261119", 4, {"variant": 1, "supplier": True}),
    ]:
        po = make_po(rel, B[key], number, n)
        st = style_for(po, **kw)
        src = b.tmp / (Path(rel).stem + ".html")
        src.write_text(html_po(Doc(po, st), for_print=True), encoding="utf-8")
        b.converted(rel, src, "chromium", chromium)
        b.po(rel, po, st, "chromium")

    # quantity first, "Article No.", money with a trailing currency code, German numbers
    po = make_po("pdf-rh", B["rheinland"], "RA-B-2026-00871", 7)
    st = style_for(
        po,
        variant=0,
        currency_label=None,
        suffix=" EUR",
        column_order=("no", "qty", "unit", "item", "desc", "price", "amount"),
        labels={"item": "Article No.", "price": "Price/Unit", "amount": "Total Price"},
    )
    pdf_reportlab(b.path("pdf/rheinland-qty-first-suffix.pdf"), Doc(po, st), ruled=False)
    b.po("pdf/rheinland-qty-first-suffix.pdf", po, st, "reportlab")

    # Chinese: the total repeated in capital numerals under the table
    po = make_po("pdf-md", B["meida"], "MD-CG-20261117", 5)
    st = style_for(po, variant=0, symbol="¥", capital_total=True, supplier=True)
    pdf_reportlab(b.path("pdf/meida-capital-total-zh.pdf"), Doc(po, st))
    b.po("pdf/meida-capital-total-zh.pdf", po, st, "reportlab")

    # ---- xlsx
    po = make_po("xlsx-md", B["meida"], "MD-CG-20261121", 4)
    st = style_for(po, variant=1, capital_total=True)
    xlsx_po(b.path("xlsx/meida-kv-in-cell-zh.xlsx"), Doc(po, st), kv_in_cell=True, header_row=8)
    b.po("xlsx/meida-kv-in-cell-zh.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-nw", B["northwind"], "NW-4425", 10)
    st = style_for(po, variant=1)
    xlsx_po(b.path("xlsx/northwind-header-row-9.xlsx"), Doc(po, st), header_row=9)
    b.po("xlsx/northwind-header-row-9.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-bm", B["bergmann"], "4500012840", 6, line_dates=True)
    st = style_for(po, variant=0, supplier=True)
    xlsx_po(b.path("xlsx/bergmann-sheets.xlsx"), Doc(po, st), sheets=True, header_row=12)
    b.po("xlsx/bergmann-sheets.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-th", B["thames"], "TV/PO/26/0930", 15)
    st = style_for(po, variant=3)
    xlsx_po(b.path("xlsx/thames-merged-desc.xlsx"), Doc(po, st), merged_desc=True, header_row=10)
    b.po("xlsx/thames-merged-desc.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-kb", B["kobayashi"], "K26-00433", 3)
    st = style_for(po, variant=2)
    xlsx_po(b.path("xlsx/kobayashi-jpy.xlsx"), Doc(po, st), header_row=8)
    b.po("xlsx/kobayashi-jpy.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-hd", B["hengda"], "CG2611-0047", 9, line_dates=True, header_delivery=False)
    st = style_for(po, variant=0)
    xlsx_po(b.path("xlsx/hengda-zh.xlsx"), Doc(po, st), header_row=9)
    b.po("xlsx/hengda-zh.xlsx", po, st, "openpyxl")

    po = make_po("xlsx-yf", B["yunfan"], "YF-CG-261121", 5)
    st = style_for(po, variant=1, supplier=True)
    xlsx_po(b.path("xlsx/yunfan-sheets-merged-zh.xlsx"), Doc(po, st), sheets=True, merged_desc=True, header_row=11)
    b.po("xlsx/yunfan-sheets-merged-zh.xlsx", po, st, "openpyxl")

    # ---- xls (BIFF8)
    po = make_po("xls-br", B["brightline"], "BL-PO-004490", 6)
    st = style_for(po, variant=0)
    xls_po(b.path("xls/brightline.xls"), Doc(po, st))
    b.po("xls/brightline.xls", po, st, "xlwt")

    po = make_po("xls-qm", B["qiming"], "QM-PO-2611-095", 8, line_dates=True)
    st = style_for(po, variant=3)
    xls_po(b.path("xls/qiming-zh.xls"), Doc(po, st))
    b.po("xls/qiming-zh.xls", po, st, "xlwt")

    # ---- docx
    po = make_po("docx-lk", B["lakeside"], "LMD-PO-88255", 4)
    st = style_for(po, variant=0, symbol="$", currency_label="USD")
    docx_po(b.path("docx/lakeside.docx"), Doc(po, st))
    b.po("docx/lakeside.docx", po, st, "python-docx")

    po = make_po("docx-th", B["thames"], "TV/PO/26/0944", 7, line_dates=True)
    st = style_for(po, variant=1, symbol="£", currency_label=None)
    docx_po(b.path("docx/thames-header-table.docx"), Doc(po, st), header_table=True)
    b.po("docx/thames-header-table.docx", po, st, "python-docx")

    po = make_po("docx-nf", B["nanfang"], "NF-PO-2611-23", 6)
    st = style_for(po, variant=2, supplier=True)
    docx_po(b.path("docx/nanfang-zh.docx"), Doc(po, st))
    b.po("docx/nanfang-zh.docx", po, st, "python-docx")

    po = make_po("docx-hl", B["hailian"], "HL-PO-26-1207", 3)
    st = style_for(po, variant=3, currency_label="人民币")
    docx_po(b.path("docx/hailian-header-table-zh.docx"), Doc(po, st), header_table=True)
    b.po("docx/hailian-header-table-zh.docx", po, st, "python-docx")

    # ---- CSV
    po = make_po("csv-mp", B["maple"], "MLC-55134", 7)
    st = style_for(po, num="plain", totals=False)  # an export of lines: no total row
    _csv_erp_export(b.path("csv/maple-erp-export.csv"), po, st)
    b.po("csv/maple-erp-export.csv", po, st, "csv (comma, utf-8)")

    po = make_po("csv-vb", B["vdberg"], "VDB-2026-1160", 9)
    st = style_for(po, variant=0)
    _csv_preamble(b.path("csv/vdberg-semicolon.csv"), Doc(po, st), delimiter=";", encoding="utf-8")
    b.po("csv/vdberg-semicolon.csv", po, st, "csv (semicolon, 1.234,56, utf-8)")

    po = make_po("csv-yx", B["yongxin"], "YX20261120-01", 8)
    st = style_for(po, variant=0, num="plain")
    _csv_preamble(b.path("csv/yongxin-gbk-zh.csv"), Doc(po, st), delimiter=",", encoding="gbk")
    b.po("csv/yongxin-gbk-zh.csv", po, st, "csv (comma, GBK)")

    po = make_po("csv-hq", B["huaqiang"], "HQ-20261121", 5, line_dates=True)
    st = style_for(po, variant=2, num="plain", dates="iso")
    _csv_preamble(b.path("csv/huaqiang-bom-zh.csv"), Doc(po, st), delimiter=",", encoding="utf-8-sig")
    b.po("csv/huaqiang-bom-zh.csv", po, st, "csv (comma, utf-8 with BOM)")

    # ---- HTML
    po = make_po("html-nm", B["nordic"], "NMS-7760", 5)
    st = style_for(po, variant=1, symbol="€ ", currency_label=None)
    b.path("html/nordic.html").write_text(html_po(Doc(po, st)), encoding="utf-8")
    b.po("html/nordic.html", po, st, "html")

    po = make_po("html-bm", B["bergmann"], "4500012866", 4)
    st = style_for(po, variant=3, header="blocks", supplier=True)
    b.path("html/bergmann-dl.html").write_text(html_po(Doc(po, st)), encoding="utf-8")
    b.po("html/bergmann-dl.html", po, st, "html")

    po = make_po("html-qm", B["qiming"], "QM-PO-2611-102", 6)
    st = style_for(po, variant=0, symbol="¥")
    b.path("html/qiming-zh.html").write_text(html_po(Doc(po, st)), encoding="utf-8")
    b.po("html/qiming-zh.html", po, st, "html")

    # ---- plain text
    po = PO(
        "NW-4431",
        B["northwind"],
        date(2026, 11, 19),
        date(2026, 12, 15),
        "USD",
        None,
        None,
        [Line("HX-2040", None, Decimal("500"), "pcs", Decimal("3.20"), Decimal("1600.00"))],
    )  # no description given
    st = style_for(po, amounts=False, totals=False)
    b.path("txt/northwind-prose.txt").write_text(
        "Hi team,\n\nPlease supply 500 pcs of HX-2040 at USD 3.20, delivery by Dec 15. Our PO number is NW-4431 "
        "(dated 11/19/2026).\n\nThanks,\nJane Miller\nNorthwind Tools Inc.\n",
        encoding="utf-8",
    )
    b.po("txt/northwind-prose.txt", po, st, "text", omit=("total",))

    po = make_po("txt-bl", B["brightline"], "BL-PO-004502", 6)
    st = style_for(po, variant=2)
    b.path("txt/brightline-aligned.txt").write_text(text_aligned(Doc(po, st)), encoding="utf-8")
    b.po("txt/brightline-aligned.txt", po, st, "text")

    po = make_po("txt-hd", B["hengda"], "CG2611-0052", 4)
    st = style_for(po, variant=0)
    b.path("txt/hengda-aligned-zh.txt").write_text(text_aligned(Doc(po, st)), encoding="utf-8")
    b.po("txt/hengda-aligned-zh.txt", po, st, "text")

    lines = [
        Line("GSK-090", "三元乙丙密封圈 90mm", Decimal("3000"), "个", Decimal("0.35"), Decimal("1050.00")),
        Line("SPR-3312", "压缩弹簧", Decimal("12000"), "个", Decimal("0.08"), Decimal("960.00")),
    ]
    po = PO("YX20261121-05", B["yongxin"], date(2026, 11, 21), date(2026, 12, 15), "CNY", None, "月结30天", lines)
    st = style_for(po, amounts=False, totals=False)
    b.path("txt/yongxin-prose-zh.txt").write_text(
        "您好！\n\n我司（东莞永信塑胶制品有限公司）现下采购订单，订单号：YX20261121-05，下单日期2026年11月21日。\n"
        "1. GSK-090 三元乙丙密封圈 90mm，数量3,000个，单价人民币0.35元；\n"
        "2. SPR-3312 压缩弹簧，数量12,000个，单价人民币0.08元。\n"
        "要求2026年12月15日前交货，付款方式：月结30天。\n\n谢谢！\n刘洋\n",
        encoding="utf-8",
    )
    b.po("txt/yongxin-prose-zh.txt", po, st, "text", omit=("total",))

    # ---- email
    _emails(b)


def _csv_erp_export(path: Path, po: PO, st: Style) -> None:
    """One row per line, the order's fields repeated on every row (a typical ERP export)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        [
            "PO Number",
            "PO Date",
            "Customer",
            "Line",
            "Item",
            "Description",
            "Qty",
            "UOM",
            "Unit Price",
            "Amount",
            "Currency",
            "Requested Date",
            "Incoterms",
            "Payment Terms",
        ]
    )
    for i, ln in enumerate(po.lines, 1):
        w.writerow(
            [
                po.number,
                fmt_date(po.po_date, "iso"),
                po.buyer.name,
                i,
                ln.item,
                ln.desc,
                fmt_num(ln.qty, "plain"),
                ln.unit,
                fmt_num(ln.price, "plain"),
                fmt_num(ln.amount, "plain"),
                po.currency,
                fmt_date(po.delivery, "iso"),
                po.incoterms,
                po.payment,
            ]
        )
    path.write_text(buf.getvalue(), encoding="utf-8")


def _csv_preamble(path: Path, doc: Doc, *, delimiter: str, encoding: str) -> None:
    """Header fields as key/value rows, a blank row, then the table and a total row."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow([doc.title])
    w.writerow([doc.lab("buyer"), doc.po.buyer.name])
    for k, v in doc.header_pairs():
        w.writerow([k, v])
    if doc.st.supplier:
        w.writerow([doc.lab("supplier"), doc.supplier_block()[0]])
    w.writerow([])
    w.writerow([lbl for _, lbl in doc.columns()])
    for r in doc.rows():
        w.writerow(r)
    total = doc.total_text()
    if total:
        w.writerow([doc.lab("total")] + [""] * (len(doc.columns()) - 2) + [total])
    path.write_bytes(buf.getvalue().encode(encoding))


def _emails(b: Builder) -> None:
    B = BUYERS
    tmp = b.tmp

    # a PO as a PDF attachment, with a drawing and the buyer's terms and conditions attached too
    po = make_po("eml-pr", B["pacific"], "PRR-PO-10611", 4)
    st = style_for(po, variant=1)
    pdf_reportlab(tmp / "po.pdf", Doc(po, st), letter=True)
    pdf_drawing(tmp / "dwg.pdf", "HSG-500", "Aluminium housing")
    pdf_text_document(
        tmp / "tc.pdf",
        "General Terms and Conditions of Purchase",
        [
            "1. Orders. A purchase order becomes binding when the supplier confirms it in writing within 3 working days.",
            "2. Prices are fixed for 12 months. Quantities delivered may not exceed the order quantity by more than 2%.",
            "3. Payment. Unless agreed otherwise, payment is due 60 days after receipt of a correct invoice.",
            "4. Delivery. Incoterms 2020 apply. Late delivery incurs a penalty of 0.5% of the order value per week, up to 5%.",
            "5. Warranty. 24 months from delivery. Rejected lots are returned at the supplier's cost.",
        ],
    )
    name = "PO_PRR-PO-10611.pdf"
    eml(
        b.path("eml/pacific-po-with-drawing-and-terms.eml"),
        sender=("Priya Raman", B["pacific"].email),
        subject="New Purchase Order PRR-PO-10611",
        msgid="prr-po-10611@pacrim-robotics.example",
        body="Hello,\n\nPlease find attached PO PRR-PO-10611, the housing drawing (rev B) and our T&C.\n"
        "Kindly confirm receipt and delivery date.\n\nBest regards,\nPriya Raman\nSupply Chain, Pacific Rim Robotics Inc.\n",
        attachments=[
            (name, (tmp / "po.pdf").read_bytes(), "application/pdf"),
            ("HSG-500_rev_B.pdf", (tmp / "dwg.pdf").read_bytes(), "application/pdf"),
            ("Terms_and_Conditions.pdf", (tmp / "tc.pdf").read_bytes(), "application/pdf"),
        ],
    )
    b.po("eml/pacific-po-with-drawing-and-terms.eml", po, st, "email + reportlab", source=name)

    # a PO typed in the body, aligned columns
    po = make_po("eml-ac", B["acme"], "AF-26-1215", 3)
    st = style_for(po, variant=0, symbol="US$", currency_label=None, notes=False)
    body = (
        "Hi,\n\nPlease accept our order below.\n\n"
        + text_aligned(Doc(po, st))
        + "\nRegards,\nBruce Taylor\nAcme Fixtures Pty Ltd\n"
    )
    eml(
        b.path("eml/acme-po-in-body.eml"),
        sender=("Bruce Taylor", B["acme"].email),
        subject=f"Order {po.number}",
        msgid="af-26-1215@acmefixtures.example",
        body=body,
    )
    b.po("eml/acme-po-in-body.eml", po, st, "email", source="body")

    # a PO in prose in the body
    lines = [
        Line("HX-2040", "Hex standoff M4x20", Decimal("500"), "pcs", Decimal("3.20"), Decimal("1600.00")),
        Line("BRK-118", "Stainless bracket", Decimal("1200"), "pcs", Decimal("1.45"), Decimal("1740.00")),
    ]
    po = PO("MLC-55141", B["maple"], date(2026, 11, 20), date(2026, 12, 15), "USD", None, None, lines)
    st = style_for(po, amounts=False, totals=False)
    eml(
        b.path("eml/maple-prose-body.eml"),
        sender=("Marc Tremblay", B["maple"].email),
        subject="PO MLC-55141",
        msgid="mlc-55141@mapleleafcontrols.example",
        body="Hello,\n\nPlease supply 500 pcs of HX-2040 (hex standoff M4x20) at USD 3.20 and 1,200 pcs of BRK-118 "
        "(stainless bracket) at USD 1.45, delivery by Dec 15, 2026.\nPlease treat this email as our "
        "PO MLC-55141 dated November 20, 2026.\n\nMarc Tremblay\nMaple Leaf Controls Inc.\n",
    )
    b.po("eml/maple-prose-body.eml", po, st, "email", source="body", omit=("total",))

    # a Chinese PO as an attachment named 采购订单
    po = make_po("eml-hq", B["huaqiang"], "HQ-20261122", 6)
    st = style_for(po, variant=0, supplier=True)
    xlsx_po(tmp / "hq.xlsx", Doc(po, st), header_row=9)
    name = "采购订单_HQ-20261122.xlsx"
    eml(
        b.path("eml/huaqiang-zh-attachment.eml"),
        sender=("李娜", B["huaqiang"].email),
        subject="采购订单 HQ-20261122",
        msgid="hq-20261122@huaqiang-dz.example",
        body="您好，\n\n附件为我司采购订单HQ-20261122，请确认交期并回传。\n\n李娜\n深圳华强电子有限公司 采购部\n",
        attachments=[
            (name, (tmp / "hq.xlsx").read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        ],
    )
    b.po("eml/huaqiang-zh-attachment.eml", po, st, "email + openpyxl", source=name)

    # a Chinese PO typed in the body
    po = make_po("eml-yf", B["yunfan"], "YF-CG-261122", 3)
    st = style_for(po, variant=1, notes=False)
    eml(
        b.path("eml/yunfan-zh-body.eml"),
        sender=("赵敏", B["yunfan"].email),
        subject="订单 YF-CG-261122",
        msgid="yf-cg-261122@yunfan-tech.example",
        body="您好：\n\n请按以下订单安排生产。\n\n" + text_aligned(Doc(po, st)) + "\n赵敏\n杭州云帆智能科技有限公司\n",
    )
    b.po("eml/yunfan-zh-body.eml", po, st, "email", source="body")

    # a PO as a Word attachment
    po = make_po("eml-dub", B["dubois"], "AD-2026-0347", 5)
    st = style_for(po, variant=2)
    docx_po(tmp / "dub.docx", Doc(po, st))
    name = "Bon_de_commande_AD-2026-0347.docx"
    eml(
        b.path("eml/dubois-docx-attachment.eml"),
        sender=("Claire Martin", B["dubois"].email),
        subject="Purchase order AD-2026-0347",
        msgid="ad-2026-0347@atelier-dubois.example",
        body="Dear Sir or Madam,\n\nplease find our purchase order attached.\n\nKind regards,\nClaire Martin\n",
        attachments=[
            (
                name,
                (tmp / "dub.docx").read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    b.po("eml/dubois-docx-attachment.eml", po, st, "email + python-docx", source=name)

    # the order only in the HTML part of a multipart/alternative body (the plain part says to view HTML)
    po = make_po("eml-kb", B["kobayashi"], "K26-00452", 4)
    st = style_for(po, variant=3, notes=False)
    eml(
        b.path("eml/kobayashi-html-body.eml"),
        sender=("Hiroshi Sato", B["kobayashi"].email),
        subject="PO K26-00452",
        msgid="k26-00452@kobayashi-seiki.example",
        body="This order is in HTML; please view it in an HTML-capable mail client.\n",
        html=html_po(Doc(po, st)),
    )
    b.po("eml/kobayashi-html-body.eml", po, st, "email (html)", source="body")

    # forwarded by our own sales rep: the customer's mail travels as message/rfc822
    po = make_po("eml-fw", B["lakeside"], "LMD-PO-88297", 3)
    st = style_for(po, variant=1, supplier=True)
    pdf_reportlab(tmp / "fw.pdf", Doc(po, st), letter=True)
    name = "LMD-PO-88297.pdf"
    inner = tmp / "inner.eml"
    eml(
        inner,
        sender=("Tom Becker", B["lakeside"].email),
        subject="PO LMD-PO-88297",
        msgid="lmd-po-88297@lakeside-md.example",
        when=datetime(2026, 11, 19, 15, 2, tzinfo=timezone.utc),
        body="Hi Lisa,\n\nAttached is our PO LMD-PO-88297. Please confirm.\n\nTom Becker\nLakeside Medical Devices LLC\n",
        attachments=[(name, (tmp / "fw.pdf").read_bytes(), "application/pdf")],
    )
    eml(
        b.path("eml/lakeside-forwarded-by-sales.eml"),
        sender=("Lisa Chen", "sales@example.com"),
        subject="Fwd: PO LMD-PO-88297",
        msgid="fwd-88297@example.com",
        body="Please process the order below from Lakeside. Thanks, Lisa\n\nLisa Chen\nSales, "
        "Example Manufacturing Co., Ltd.\n",
        attachments=[("forwarded.eml", inner.read_bytes(), "message/rfc822")],
    )
    b.po("eml/lakeside-forwarded-by-sales.eml", po, st, "email (forwarded) + reportlab", source=name)

    # the order PDF under a scanner-style name, with nothing useful in the body
    po = make_po("eml-gg", B["goldengate"], "GGA-PO-3391", 8, line_dates=True)
    st = style_for(po, variant=0, symbol="$")
    pdf_fpdf(tmp / "gg.pdf", Doc(po, st))
    eml(
        b.path("eml/goldengate-generic-attachment-name.eml"),
        sender=("Kevin Wu", B["goldengate"].email),
        subject="see attached",
        msgid="gga-po-3391@goldengate-appliances.example",
        body="Sent from my iPhone\n",
        attachments=[("scan0001.pdf", (tmp / "gg.pdf").read_bytes(), "application/pdf")],
    )
    b.po("eml/goldengate-generic-attachment-name.eml", po, st, "email + fpdf2", source="scan0001.pdf")

    # a payment advice naming a PO
    eml(
        b.path("eml/northwind-payment-advice.eml"),
        sender=("Accounts Payable", "ap@northwind-tools.example"),
        subject="Remittance advice - payment 2026-11-20",
        msgid="ra-88120@northwind-tools.example",
        body="Dear Supplier,\n\nWe have today remitted USD 4,872.50 to your account by wire transfer.\n\n"
        "Reference        Description                 Amount\n"
        "INV-2026-1187    Deposit 30%, PO NW-4418     4,872.50\n\n"
        "Please allow 2-3 banking days for the funds to arrive.\n\nAccounts Payable\nNorthwind Tools Inc.\n",
    )
    b.add(
        "eml/northwind-payment-advice.eml",
        expected_for(None, None, kind="payment_advice", references=["NW-4418"], order_null=True),
        producer="email",
        lang="en",
    )

    eml(
        b.path("eml/hengda-payment-advice-zh.eml"),
        sender=("财务部", "finance@hengda-jm.example"),
        subject="付款通知：订单CG2611-0031预付款",
        msgid="pay-0031@hengda-jm.example",
        body="示例制造有限公司：\n\n我司已于2026年11月20日通过银行转账支付订单CG2611-0031的30%预付款，"
        "金额人民币38,400.00元，请查收。\n\n苏州恒达精密机械有限公司 财务部\n",
    )
    b.add(
        "eml/hengda-payment-advice-zh.eml",
        expected_for(None, None, kind="payment_advice", references=["CG2611-0031"], order_null=True),
        producer="email",
        lang="zh",
    )

    # inspection replies
    eml(
        b.path("eml/thames-inspection-reply.eml"),
        sender=("Oliver Hughes", B["thames"].email),
        subject="RE: Pre-shipment inspection - PO TV/PO/26/0912",
        msgid="insp-0912@tvinstruments.example",
        extra_headers={"In-Reply-To": "<insp-req-0912@example.com>"},
        body="Hi,\n\nThanks for the inspection report for PO TV/PO/26/0912. Our QA has reviewed the photos and "
        "measurements: inspection passed, you may ship.\n\nOliver Hughes\nThames Valley Instruments Ltd\n",
    )
    b.add(
        "eml/thames-inspection-reply.eml",
        expected_for(None, None, kind="inspection_reply", references=["TV/PO/26/0912"], order_null=True),
        producer="email",
        lang="en",
    )

    eml(
        b.path("eml/qiming-inspection-reply-zh.eml"),
        sender=("张伟", B["qiming"].email),
        subject="回复：订单QM-PO-2611-088验货安排",
        msgid="insp-088@qiming-auto.example",
        body="您好，\n\n订单QM-PO-2611-088的验货报告已收到，我司质量部确认验货合格，可以安排出货。\n\n张伟\n",
    )
    b.add(
        "eml/qiming-inspection-reply-zh.eml",
        expected_for(None, None, kind="inspection_reply", references=["QM-PO-2611-088"], order_null=True),
        producer="email",
        lang="zh",
    )

    # a change request
    eml(
        b.path("eml/bergmann-change-request.eml"),
        sender=("Klaus Weber", B["bergmann"].email),
        subject="Change to PO 4500012817",
        msgid="chg-4500012817@bergmann-mb.example",
        body="Hello,\n\nplease change our PO 4500012817 as follows:\n- line 2: quantity from 1.000 to 1.200 pcs\n"
        "- delivery date moved to 18.12.2026\nAll other terms unchanged. Please send a revised confirmation.\n\n"
        "Klaus Weber\nBergmann Maschinenbau GmbH\n",
    )
    b.add(
        "eml/bergmann-change-request.eml",
        expected_for(None, None, kind="change_request", references=["4500012817"]),
        producer="email",
        lang="en",
    )

    eml(
        b.path("eml/hailian-change-request-zh.eml"),
        sender=("陈静", B["hailian"].email),
        subject="订单变更：HL-PO-26-1193",
        msgid="chg-1193@hailian-dq.example",
        body="您好，\n\n订单HL-PO-26-1193变更如下：第3项数量由2,000个改为2,500个，交货日期不变。请重新确认。\n\n陈静\n",
    )
    b.add(
        "eml/hailian-change-request-zh.eml",
        expected_for(None, None, kind="change_request", references=["HL-PO-26-1193"]),
        producer="email",
        lang="zh",
    )

    # an auto-reply
    eml(
        b.path("eml/lakeside-auto-reply.eml"),
        sender=("Tom Becker", B["lakeside"].email),
        subject="Automatic reply: Order confirmation SO-2026-0031 / PO LMD-PO-88213",
        msgid="auto-88213@lakeside-md.example",
        extra_headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        body="I am out of the office until November 30 with limited access to email. For urgent purchase "
        "orders please contact po-urgent@lakeside-md.example.\n\nTom Becker\n",
    )
    b.add(
        "eml/lakeside-auto-reply.eml",
        expected_for(None, None, kind="auto_reply", order_null=True),
        producer="email",
        lang="en",
    )

    # other: a request for quotation (not an order, although it names parts, quantities and dates)
    eml(
        b.path("eml/brightline-rfq-other.eml"),
        sender=("Amy Clarke", B["brightline"].email),
        subject="RFQ: LED strip and power supplies",
        msgid="rfq-2611@brightline.example",
        body="Hello,\n\nCould you quote your best price and lead time for:\n- 2,000 m LED-5050W LED strip, warm white\n"
        "- 300 pcs PSU-24V5 power supply 24 V 5 A\nQuotation needed by 30 November 2026. This is not an order.\n\n"
        "Amy Clarke\nBrightline Lighting Ltd\n",
    )
    b.add(
        "eml/brightline-rfq-other.eml",
        expected_for(None, None, kind="other", references=[], order_null=True),
        producer="email",
        lang="en",
    )

    eml(
        b.path("eml/trade-fair-newsletter-other.eml"),
        sender=("Canton Fair", "news@expo-news.example"),
        subject="第139届广交会参展邀请 / Invitation: Canton Fair Spring 2027",
        msgid="news-139@expo-news.example",
        extra_headers={"List-Unsubscribe": "<mailto:unsubscribe@expo-news.example>", "Precedence": "bulk"},
        body="尊敬的客户：\n\n第139届中国进出口商品交易会将于2027年4月15日开幕，欢迎报名参展。展位费人民币12,000元起。\n\n"
        "Dear exhibitor, registration for the Canton Fair Spring 2027 is now open.\n",
    )
    b.add(
        "eml/trade-fair-newsletter-other.eml",
        expected_for(None, None, kind="other", references=[], order_null=True),
        producer="email",
        lang="zh",
    )


# --------------------------------------------------------------------------- check / write


def _is_text(rel: str) -> bool:
    return (
        rel.endswith((".json", ".csv", ".txt", ".html", ".eml"))
        and not rel.endswith("gbk-zh.csv")
        and not rel.startswith("wide/eml/")
    )  # wide bodies are in legacy charsets


def produce(out: Path, convert: bool) -> Builder:
    import families  # the wide corpus (tests/corpus/wide/), after the original one
    import families_body  # orders typed into mail bodies (wide/eml/body-*)
    import families_erp  # ERP print-outs and office forms, in the wide corpus too
    import families_customer  # who buys and what a message is (wide/*/party-words, currency-in-words...)
    import families_odf  # OpenDocument orders, Word orders revised with tracked changes
    import families_lines  # line tables that break readers (wide/*/…-lines-*)
    import families_sheets  # buyers' own workbook, CSV and Word templates
    import families_fields  # header fields set out in other ways: label and value apart, sums, dates
    import families_exports  # orders exported by other programs (EDI CSV), forms filled in by hand
    import families_notify  # orders that are the mail itself: marketplaces, portals, phones, web ERPs
    import families_header  # header fields: currency after the amount, Chinese ERP grids, crowded headers
    import families_east  # header fields in Baltic, South Slavic and Ukrainian; Arabic-Indic digits
    import families_scans  # faxes received sideways, upside down or through a noisy line
    import families_pages  # lines over pages under repeated heads, columns of codes, ERP reports
    import families_multipage  # orders over pages as other producers print them, rows under a line
    import families_containers  # lines laid across a sheet, Word lines over two rows, orders in a .zip
    import families_photos  # grey scans laid astray, phone photos, PDFs with letters as outlines
    import families_degraded  # keystoned photos, salted faxes, quarter turns, stamps, faded copies
    import families_scanlangs  # Japanese faxes; German, French, Spanish, Italian, Polish scans with accents
    import families_mailclients  # replies and forwards as Thunderbird, Apple Mail, Outlook write them
    import families_cells  # codes and units printed inside the description cell
    import families_readers  # header fields where other programs put them: year numbers, kana titles, footers
    import families_shapes  # orders in languages no file describes, read by their shape
    import families_languages  # mail orders in Persian, Urdu, Bengali, Tamil, Telugu, Armenian, Georgian...
    import families_totals  # totals blocks with a tax summary per rate beside or under them
    import families_sums  # totals where readers miss them, prices in two currencies, sizes in descriptions
    import families_threads  # orders typed in an earlier mail of a thread, quoted by every mail client
    import families_schedules  # call-off cards, releases, forecasts, week columns, prices per 1,000
    import families_forecasts  # forecasts on their own, under the bare word for a forecast
    import families_doubts  # orders whose own text contradicts a tempting value (a bare $, a count of lines)
    import families_apart  # header labels apart from their values, in Polish, Portuguese, Czech, Turkish, Korean...

    b = Builder(out, convert=convert, committed=HERE)
    try:
        build_all(b)
        families.build(b)
        families_body.build(b)
        families_body.build_more(b)
        families_body.build_scripts(b)
        families_body.build_calloffs(b)
        families_body.build_dos_files(b)
        families_body.build_unknown_languages(b)
        families_body.build_div_pages(b)
        families_erp.build(b)
        families_customer.build(b)
        families_odf.build(b)
        families_lines.build(b)
        families_sheets.build(b)
        families_fields.build(b)
        families_exports.build(b)
        families_notify.build(b)
        families_header.build(b)
        families_east.build(b)
        families_scans.build(b)
        families_pages.build(b)
        families_multipage.build(b)
        families_containers.build(b)
        families_photos.build(b)
        families_degraded.build(b)
        families_scanlangs.build(b)
        families_mailclients.build(b)
        families_mailclients.build_charsets(b)
        families_mailclients.build_hindi(b)
        families_mailclients.build_card_calloffs(b)
        families_cells.build(b)
        families_readers.build(b)
        families_shapes.build(b)
        families_languages.build(b)
        families_totals.build(b)
        families_sums.build(b)
        families_threads.build(b)
        families_schedules.build(b)
        families_forecasts.build(b)
        families_doubts.build(b)
        families_apart.build(b)
    finally:
        shutil.rmtree(b.tmp, ignore_errors=True)
    for built in b.docs:
        if not (out / built.rel).exists():
            continue  # a converted document whose converter is missing: no golden file either
        exp = out / (built.rel.rsplit(".", 1)[0] + ".expected.json")
        exp.write_text(json.dumps(built.expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps(b.manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return b


def corpus_files(root: Path) -> set[str]:
    dirs = [root / fmt for fmt in FORMATS] + [root / "wide" / fmt for fmt in FORMATS]
    files = {str(p.relative_to(root)) for d in dirs for p in d.glob("*") if p.is_file()}
    if (root / MANIFEST).exists():
        files.add(MANIFEST)
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--write-expected",
        action="store_true",
        help="rewrite the documents and golden files (default: check they are up to date)",
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        out = Path(tmp)
        b = produce(out, convert=args.write_expected)
        for notice in b.notices:
            print(f"notice: {notice}")
        new, old = corpus_files(out), corpus_files(HERE)
        if args.write_expected:
            for rel in sorted(old - new):
                (HERE / rel).unlink()
                print(f"removed {rel}")
            changed = 0
            for rel in sorted(new):
                data = (out / rel).read_bytes()
                target = HERE / rel
                if not target.exists() or target.read_bytes() != data:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    changed += 1
                    print(f"wrote {rel}")
            print(f"{len(b.docs)} documents; {changed} files written")
            return 0
        problems = 0
        for rel in sorted(old - new):
            print(f"stale (not generated): {rel}")
            problems += 1
        for rel in sorted(new - old):
            print(f"missing (not committed): {rel}")
            problems += 1
        for rel in sorted(new & old):
            a, c = (HERE / rel).read_bytes(), (out / rel).read_bytes()
            if a == c:
                continue
            problems += 1
            if _is_text(rel):
                diff = difflib.unified_diff(
                    a.decode("utf-8", "replace").splitlines(),
                    c.decode("utf-8", "replace").splitlines(),
                    f"committed/{rel}",
                    f"generated/{rel}",
                    lineterm="",
                )
                print("\n".join(list(diff)[:80]))
            else:
                print(
                    f"differs: {rel} (committed {len(a)} bytes sha256 {hashlib.sha256(a).hexdigest()[:12]}, "
                    f"generated {len(c)} bytes sha256 {hashlib.sha256(c).hexdigest()[:12]})"
                )
        if problems:
            print(
                f"{problems} file(s) out of date: run `make corpus` and review the diff"
                " (documents changed with no generator change: a library that writes them moved;"
                " its pin is in the test extra of pyproject.toml)"
            )
            return 1
        print(f"corpus up to date: {len(b.docs)} documents")
        return 0


if __name__ == "__main__":
    sys.exit(main())
