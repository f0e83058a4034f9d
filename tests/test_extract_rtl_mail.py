"""Right-to-left mail and mail in scripts mailflow has few or no words for: never a lost order.

An Arabic or Hebrew HTML order (dir="rtl", a right-to-left mark before every number, Arabic-Indic
digits with the Arabic decimal and thousands signs) is read like any other; a Persian one, which
no language file describes, still reaches a person by the shape of its table. Messages go through
the real MIME parser and extractor.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from email.message import EmailMessage

from mailflow.extract import ParseContext, digits, parse_message
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult

ARABIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
PERSIAN = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")
RLM = "\u200f"


def mail(subject: str, html: str | None = None, text: str | None = None, sender: str = "buyer@gulf.example") -> bytes:
    message = EmailMessage()
    message["From"] = f"Buyer <{sender}>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0300"
    message["Message-ID"] = f"<{abs(hash((subject, html, text)))}@gulf.example>"
    if text is not None:
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
    else:
        message.set_content(html or "", subtype="html")
    return message.as_bytes()


def parse(raw: bytes) -> ParseResult:
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23)))


def rtl_order(labels: dict[str, str], cols: tuple[str, ...], rows: list[tuple[str, ...]], number: str) -> str:
    """An HTML order as a right-to-left mail client writes it; ``number`` renders every number."""
    facts = "".join(f'<p dir="rtl"><b>{k}:</b> {RLM}{number(v)}</p>' for k, v in labels.items())
    head = "".join(f"<th>{c}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td dir="rtl">{RLM}{number(c) if k >= 2 else c}</td>' for k, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        f'<html dir="rtl"><body dir="rtl"><table dir="rtl" border=1><tr>{head}</tr>{body}</table>{facts}</body></html>'
    )


ROWS = [("AB-1001", "برغي سداسي M4x20", "1,500", "1.20", "1,800.00"), ("CD-2002", "صامولة M6", "250", "0.35", "87.50")]


def test_digits_plain_turns_arabic_and_persian_digits_and_marks_into_plain_numbers():
    assert digits.plain("١٬٥٠٠٫٢٥") == "1,500.25"
    assert digits.plain("۲۰/۱۱/۲۰۲۶") == "20/11/2026"
    assert digits.plain("\u202bAB-100\u202c \u200f600.00") == "AB-100 600.00"
    assert digits.plain("٪١٠") == "%10"
    plain = "Qty 500 × 1.20 = 600.00, nothing to change"
    assert digits.plain(plain) is plain  # the mail of every other language is not copied


def test_an_arabic_html_order_in_arabic_indic_digits_is_read_in_full():
    labels = {"رقم أمر الشراء": "PO-26114-07", "تاريخ الطلب": "18/11/2026", "العملة": "SAR"}
    html = rtl_order(
        labels,
        ("الرمز", "الوصف", "الكمية", "سعر الوحدة", "المبلغ"),
        ROWS,
        lambda s: s.translate(ARABIC) if any(c.isdigit() for c in s) and not s.startswith("PO") else s,
    )
    html = html.replace("</body>", f"<p>الإجمالي: {RLM}{'1,887.50'.translate(ARABIC)} ر.س</p></body>")
    result = parse(mail(f"{RLM}أمر شراء PO-26114-07", html))
    assert result.kind == "purchase_order", result.warnings
    order = result.order
    assert order is not None
    assert order.po_number == "PO-26114-07"
    assert order.po_date == dt.date(2026, 11, 18)
    assert order.currency == "SAR"
    assert order.total == Decimal("1887.50")
    assert [(ln.item, ln.quantity, ln.unit_price, ln.amount) for ln in order.lines] == [
        ("AB-1001", Decimal("1500"), Decimal("1.20"), Decimal("1800.00")),
        ("CD-2002", Decimal("250"), Decimal("0.35"), Decimal("87.50")),
    ]


def test_arabic_month_words_in_arabic_indic_digits_are_a_date():
    text = (
        "السادة المحترمون،\n\nنرجو توريد ما يلي:\n\n"
        f"رقم أمر الشراء: PO-7781\nتاريخ الطلب: {'17 نوفمبر 2026'.translate(ARABIC)}\n"
        f"تاريخ التسليم: {'21 ديسمبر 2026'.translate(ARABIC)}\n\n"
        "الرمز\tالوصف\tالكمية\tسعر الوحدة\tالمبلغ\n"
        + "\n".join("\t".join(c.translate(ARABIC) if k >= 2 else c for k, c in enumerate(r)) for r in ROWS)
        + "\n"
    )
    result = parse(mail("أمر شراء PO-7781", text=text))
    assert result.kind == "purchase_order"
    assert result.order is not None
    assert (result.order.po_date, result.order.delivery_date) == (dt.date(2026, 11, 17), dt.date(2026, 12, 21))
    assert [ln.quantity for ln in result.order.lines] == [Decimal("1500"), Decimal("250")]


def test_a_hebrew_order_with_embedding_marks_is_read():
    rows = [("AB-1001", "בורג M4x20", "1,500", "1.20", "1,800.00"), ("CD-2002", "אום M6", "250", "0.35", "87.50")]
    html = rtl_order(
        {"מספר הזמנה": "PO-5531", "תאריך הזמנה": "18.11.2026", "מטבע": "ILS"},
        ('מק"ט', "תיאור", "כמות", "מחיר ליחידה", "סכום"),
        rows,
        lambda s: s,
    ).replace(RLM, "\u202b")
    result = parse(mail("הזמנת רכש PO-5531", html, sender="rechesh@electrotech.example"))
    assert result.kind == "purchase_order", result.warnings
    assert result.order is not None and result.order.po_number == "PO-5531"
    assert [ln.amount for ln in result.order.lines] == [Decimal("1800.00"), Decimal("87.50")]


def test_a_persian_order_nobody_has_words_for_reaches_a_person():
    rows = [("AB-1001", "پیچ M4x20", "1,500", "1.20", "1,800.00"), ("CD-2002", "مهره M6", "250", "0.35", "87.50")]
    html = rtl_order(
        {"شماره سفارش": "PO-9921"},
        ("کد کالا", "شرح کالا", "تعداد", "قیمت واحد", "مبلغ کل"),
        rows,
        lambda s: s.translate(PERSIAN),
    )
    result = parse(mail("سفارش", html, sender="kharid@pars.example"))
    assert result.needs_review
    assert result.kind == "purchase_order" or any("possible order" in w for w in result.warnings), result.warnings


def test_ordinary_arabic_mail_with_numbers_stays_plain_mail():
    text = (
        "مرحباً أحمد،\n\nالاجتماع يوم ٢٧/١١/٢٠٢٦ الساعة ١٠:٣٠ في القاعة ٣.\n"
        "اتصل على ‏+٩٧١ ٤ ٥٥٥ ١٢٣٤. بعنا العام الماضي ٣٬٢٠٠ قطعة.\n\nمع التحية\n"
    )
    result = parse(mail("اجتماع", text=text))
    assert result.kind == "other"
    assert not result.needs_review, result.warnings


def test_a_vietnamese_body_order_is_read_with_its_decimal_comma():
    text = (
        "Kính gửi Quý công ty,\n\nChúng tôi xin đặt hàng như sau:\n\n"
        "Số đơn hàng: PO-26051-12\nNgày đặt hàng: 18/11/2026\nTiền tệ: USD\n\n"
        "Mã hàng\tTên hàng\tSố lượng\tĐVT\tĐơn giá\tThành tiền\n"
        "AB-1001\tBu lông M4x20\t1.500\tcái\t1,20\t1.800,00\n"
        "CD-2002\tĐai ốc M6\t250\tcái\t0,35\t87,50\n\nTổng cộng: 1.887,50 USD\n\nTrân trọng,\n"
    )
    result = parse(mail("Đơn đặt hàng PO-26051-12", text=text, sender="muahang@cokhisaigon.example"))
    assert result.kind == "purchase_order"
    order = result.order
    assert order is not None and order.po_number == "PO-26051-12"
    assert [(ln.quantity, ln.unit_price) for ln in order.lines] == [
        (Decimal("1500"), Decimal("1.20")),
        (Decimal("250"), Decimal("0.35")),
    ]
    assert order.total == Decimal("1887.50")
