"""The values a template sees: an order turned into formatted text, by the customer's language.

``context_for(env, order, now, extra)`` is the one context every Word template and every email
template is rendered with. Every value is already a string (money by currency, dates by
language), so templates only place text; a value mailflow does not know yet is ``""``, never
``None``, so a template tests it (``{% if order.incoterms %}``) and leaves the line out or says
what is missing. The key set is fixed, which is what lets ``check_templates`` reject a misspelt
field with a strict undefined.

    company   name, name_zh, display_name (Chinese name for Chinese documents), address, phone,
              email, website, bank_details, bank_lines, contact_line (the letterhead's "Tel: …")
    order     order_no, po_number, customer, customer_email, account_manager, language, status,
              received, po_date, requested_delivery, confirmed_delivery, currency, incoterms,
              payment_terms, total, deposit_percent, deposit_amount, deposit_received,
              balance_due, balance_received, assembly_date, production_complete,
              inspection_date, inspection_result, shipped, invoice_no, next_due, reply_due,
              notes, requirements, line_count, total_quantity, contact, consignee, ship_to,
              forwarder, packages, gross_weight, net_weight, paid (every counted payment so far),
              other_received (the counted payments that are neither deposit nor balance: credits,
              partial payments), outstanding (total less everything paid, "" when nothing is), confirmed ("yes" once staff confirmed the
              order, else "": the order form says "under review" until then)
    lines     [{no, item, description, quantity, unit, unit_price, amount, delivery_date}]
    signatory name, title, email, phone: who signs letters to the customer (a person, by language):
              the customer's account manager on the Customers sheet, else company.signatory
    greeting  "Dear Ms Clarke," / "Dear Sir or Madam," / "尊敬的客户：" (the order's contact, else the
              customer's on the Customers sheet; "Ms Jane Clarke" is greeted "Dear Ms Clarke,")
    closing   "Yours sincerely," with a named contact, else "Yours faithfully," / "此致"
    seal      the company seal image (``company.seal_image``) or ``""`` when none is configured;
              ``render`` turns it into a picture, so a Word template places it with ``{{ seal }}``
    today     the date of ``now`` in the company's time zone
    lang      "en" | "zh"
    contact   name, title, email: the customer's contact on the Customers sheet ("" when unknown)
    extra     whatever the caller passed (formatted the same way), also merged at the top level

``reply_due`` is the day the confirmed order form is due to the customer: receipt plus
``deadlines.reply_due`` on the company's working calendar, so the review form carries it from
the moment it is made (``next_due`` is the workflow's *current* next deadline, which moves).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..customers import greeting
from ..customers.master import letter_values
from ..model import Order, OrderLine
from ..workflow.calendar import WorkingCalendar
from ..workflow.money import deposit_percent, paid_so_far
from ..workflow.procedure import MILESTONES

_CONFIRMED = {m.name for m in MILESTONES}  # every milestone comes with or after the confirmation

# Currencies written with a symbol; every other one as "USD 1,234.50".
SYMBOLS = {"CNY": "¥", "RMB": "¥"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CENT = Decimal("0.01")

ORDER_KEYS = (
    "order_no", "po_number", "customer", "customer_email", "account_manager", "language", "status",
    "received", "po_date", "requested_delivery", "confirmed_delivery", "currency", "incoterms",
    "payment_terms", "total", "deposit_percent", "deposit_amount", "deposit_received", "balance_due",
    "balance_received", "assembly_date", "production_complete", "inspection_date",
    "inspection_result", "shipped", "invoice_no", "next_due", "reply_due", "notes", "requirements",
    "line_count", "total_quantity", "contact", "consignee", "ship_to", "forwarder", "packages",
    "gross_weight", "net_weight", "outstanding", "confirmed", "paid", "other_received",
)  # fmt: skip
_TEXT_FACTS = ("inspection_result", "invoice_no", "notes", "contact", "consignee", "ship_to", "forwarder", "packages")
_WEIGHT_FACTS = ("gross_weight", "net_weight")  # kilograms, as staff type them in the tracker
_DATE_FACTS = ("confirmed_delivery", "assembly_date", "production_complete", "inspection_date", "shipped", "next_due")
_MONEY_FACTS = ("deposit_received", "balance_received", "other_received")


def decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def money(value: Any, currency: str | None, lang: str = "en") -> str:
    """``USD 1,234.50``; ``¥1,234.50`` for yuan; rounded half up to the cent. ``""`` if unknown."""
    amount = decimal(value)
    if amount is None:
        return "" if value in (None, "") else str(value)
    amount = amount.quantize(CENT, ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}"
    code = (currency or "").strip().upper()
    if code in SYMBOLS:
        return f"{sign}{SYMBOLS[code]}{text}"
    return f"{code} {sign}{text}" if code else f"{sign}{text}"


def quantity(value: Any) -> str:
    """``1,500`` or ``2.5``: no trailing zeros, thousands separated."""
    number = decimal(value)
    if number is None:
        return "" if value in (None, "") else str(value)
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number.normalize():,f}"


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def day(value: Any, lang: str = "en") -> str:
    """``15 Dec 2026`` / ``2026年12月15日``; text that is not a date is shown as it is."""
    date = as_date(value)
    if date is None:
        return "" if value in (None, "") else str(value)
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"  # not strftime: locale-independent


def text(value: Any) -> str:
    return "" if value is None else str(value)


def fmt(value: Any, currency: str | None, lang: str) -> Any:
    """Format a caller's extra value like the rest: Decimals as money, dates by language."""
    if isinstance(value, Decimal):
        return money(value, currency, lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return day(value, lang)
    if isinstance(value, dict):
        return {k: fmt(v, currency, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [fmt(v, currency, lang) for v in value]
    return value


def company_values(company: Any, lang: str) -> dict[str, Any]:
    display = company.name_zh if lang == "zh" and company.name_zh else company.name
    bank = company.bank_details or ""
    labels = ("电话：", "邮箱：") if lang == "zh" else ("Tel: ", "Email: ")
    contact = [f"{label}{item}" for label, item in zip(labels, (company.phone, company.email)) if item]
    contact += [company.website] if company.website else []
    return {
        "name": company.name, "name_zh": company.name_zh or "", "display_name": display,
        "address": company.address, "phone": company.phone, "email": company.email,
        "website": company.website, "bank_details": bank,
        "bank_lines": [line.strip() for line in bank.splitlines() if line.strip()],
        "contact_line": "   ".join(contact),
    }  # fmt: skip


def weight(value: Any) -> str:
    """``1,250 kg``; text staff typed with its own unit ("1.2 t") is shown as it is."""
    number = decimal(value)
    if number is None:
        return text(value).strip()
    return f"{quantity(number)} kg"


def order_values(
    order: Order | None, lang: str, deposit_percent: float | Decimal, tz: ZoneInfo, reply_due: dt.date | None = None
) -> dict[str, str]:
    if order is None:
        return {key: "" for key in ORDER_KEYS}
    facts = order.facts
    cur = order.currency
    total = order.total
    percent = Decimal(str(deposit_percent))
    deposit = decimal(facts.get("deposit_due"))
    if deposit is None and total is not None:
        deposit = total * percent / 100
    paid = paid_so_far(order)  # every counted payment: deposit, balance and the others
    balance = decimal(facts.get("balance_due"))
    if balance is None and total is not None:
        balance = max(total - paid, Decimal(0))
    outstanding = None
    if total is not None:  # nothing recorded yet: all of it is outstanding
        outstanding = total - paid
        outstanding = outstanding if outstanding.quantize(CENT, ROUND_HALF_UP) > 0 else None
    quantities = [line.quantity for line in order.lines if line.quantity is not None]
    values = {
        "order_no": order.order_no, "po_number": order.po_number, "customer": order.customer,
        "customer_email": text(order.customer_email), "account_manager": text(order.account_manager),
        "language": order.language, "status": order.status,
        "received": day(order.received_at.astimezone(tz) if order.received_at.tzinfo else order.received_at, lang),
        "po_date": day(order.po_date, lang), "requested_delivery": day(order.requested_delivery, lang),
        "currency": text(cur), "incoterms": text(order.incoterms), "payment_terms": text(order.payment_terms),
        "total": money(total, cur, lang), "deposit_percent": f"{percent.normalize():f}%",
        "deposit_amount": money(deposit, cur, lang), "balance_due": money(balance, cur, lang),
        "requirements": text(facts.get("requirements") or facts.get("notes")), "reply_due": day(reply_due, lang),
        "outstanding": money(outstanding, cur, lang), "paid": money(paid, cur, lang) if paid else "",
        "confirmed": "yes" if set(facts.get("milestones") or {}) & _CONFIRMED else "",
        "line_count": str(len(order.lines)), "total_quantity": quantity(sum(quantities)) if quantities else "",
    }  # fmt: skip
    for key in _TEXT_FACTS:
        values[key] = text(facts.get(key)).strip()
    for key in _WEIGHT_FACTS:
        values[key] = weight(facts.get(key))
    for key in _DATE_FACTS:
        values[key] = day(facts.get(key), lang)
    for key in _MONEY_FACTS:
        values[key] = money(facts.get(key), cur, lang)
    return values


def line_values(
    lines: list[OrderLine], currency: str | None, lang: str, default_delivery: Any = None
) -> list[dict[str, str]]:
    """The lines as text; a line without its own delivery date shows the order's (the PO's
    date applies to every line that names none), so the column is never left blank."""
    return [
        {
            "no": str(i),
            "item": text(line.item),
            "description": text(line.description),
            "quantity": quantity(line.quantity),
            "unit": text(line.unit),
            "unit_price": money(line.unit_price, currency, lang),
            "amount": money(line.amount if line.amount is not None else _product(line), currency, lang),
            "delivery_date": day(line.delivery_date or default_delivery, lang),
        }  # fmt: skip
        for i, line in enumerate(lines, 1)
    ]


def _product(line: OrderLine) -> Decimal | None:
    if line.quantity is None or line.unit_price is None:
        return None
    return line.quantity * line.unit_price


def reply_due(order: Order | None, config: Any, tz: ZoneInfo) -> dt.date | None:
    """When the confirmed order form is due: receipt plus ``deadlines.reply_due`` working days."""
    if order is None:
        return None
    received = order.received_at
    if received.tzinfo is None:  # stored naive instants are UTC by convention
        received = received.replace(tzinfo=dt.timezone.utc)
    return WorkingCalendar.of(config.calendar).add(received.astimezone(tz).date(), config.deadlines.reply_due)


# Said instead of a person when config.yaml names nobody to sign (company.signatory).
_DESK = {"en": "Order Desk", "zh": "订单部"}
_MANAGER = {"en": "Account Manager", "zh": "客户经理"}


def signatory_values(config: Any, order: Order | None, lang: str) -> dict[str, str]:
    """Who signs: the order's account manager when the tracker names a person (not an address),
    else ``company.signatory``, else the order desk. Never an email address as a name."""
    person = config.company.signatory
    name = (person.name_zh or person.name) if lang == "zh" else person.name
    title = (person.title_zh or person.title) if lang == "zh" else person.title
    manager = text(order.account_manager if order else "").strip()
    if manager and "@" not in manager and manager not in (person.name, person.name_zh):
        name, title = manager, _MANAGER[lang]
    if not name.strip():
        name, title = _DESK[lang], ""
    company = config.company
    return {
        "name": name.strip(),
        "title": title.strip(),
        "email": person.email or company.email,
        "phone": person.phone or company.phone,
    }


def greeting_values(contact: str, lang: str) -> dict[str, str]:
    """The salutation and closing: the contact person when known, else a neutral one (a letter
    is never addressed "Dear Acme Robotics Inc.")."""
    if lang == "zh":
        return {"greeting": f"尊敬的{contact}：" if contact else "尊敬的客户：", "closing": "此致"}
    if contact:
        return {"greeting": f"{greeting(contact)},", "closing": "Yours sincerely,"}
    return {"greeting": "Dear Sir or Madam,", "closing": "Yours faithfully,"}


def context_for(
    env: Any, order: Order | None, now: dt.datetime, extra: dict[str, Any] | None = None, *, lang: str | None = None
) -> dict[str, Any]:
    """The template context for ``order`` (see the module docstring); ``lang`` defaults to the order's."""
    config = env.config
    lang = lang or (order.language if order else None) or "en"
    lang = "zh" if lang.lower().startswith("zh") else "en"
    tz = ZoneInfo(config.calendar.timezone)
    currency = order.currency if order else None
    formatted_extra = fmt(dict(extra or {}), currency, lang)
    context: dict[str, Any] = dict(formatted_extra)  # extras first: the fixed keys below win

    master = letter_values(env, order)  # the customer's contact and account manager, when on file
    context.update(
        company=company_values(config.company, lang),
        order=order_values(order, lang, _deposit_percent(order, config), tz, reply_due(order, config, tz)),
        lines=line_values(order.lines if order else [], currency, lang, order.requested_delivery if order else None),
        signatory=master["signatory"] or signatory_values(config, order, lang),
        today=day(now.astimezone(tz) if now.tzinfo else now, lang),
        seal=seal_image(config),
        lang=lang,
        extra=formatted_extra,
    )
    context["contact"] = master["contact"]
    # Greet whom the letter goes to: the master's contact when notices go to their address.
    on_file = master["contact"]["name"] if master["contact"]["email"] else ""
    context.update(greeting_values(on_file or context["order"]["contact"] or master["contact"]["name"], lang))
    return context


def seal_image(config: Any) -> Path | str:
    """The configured seal as a resolved path (``render`` places the picture), else ``""``."""
    configured = config.company.seal_image
    return config.path(configured) if configured else ""


def _deposit_percent(order: Order | None, config: Any) -> Decimal:
    """The order's deposit percentage: its PO's payment terms, the customer, else config.yaml."""
    if order is None:
        return Decimal(str(config.payments.deposit_percent))
    return deposit_percent(order, config)[0]


def sample_order(lang: str = "en") -> Order:
    """A fully filled order for ``check_templates``: every field a template may use has a value."""
    return Order(
        order_no="SO-2026-0001", po_number="PO-SAMPLE-1", customer="Sample Customer Ltd.",
        received_at=dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone.utc), customer_email="buyer@example.net",
        language=lang, account_manager="Account Manager", po_date=dt.date(2026, 11, 20),
        requested_delivery=dt.date(2027, 1, 15), currency="USD", total=Decimal("12345.60"),
        incoterms="FOB Shenzhen", payment_terms="30% deposit, balance before shipment",
        lines=[OrderLine("A-100", "Sample part", Decimal("1000"), "pcs", Decimal("12.3456"),
                         Decimal("12345.60"), dt.date(2027, 1, 15))],
        facts={"confirmed_delivery": "2027-01-20", "deposit_received": "3703.68", "assembly_date": "2026-12-20",
               "production_complete": "2027-01-05", "inspection_date": "2027-01-07", "inspection_result": "Passed",
               "shipped": "2027-01-18", "invoice_no": "INV-1", "next_due": "2026-11-25", "notes": "Sample",
               "contact": "Ms Sample", "consignee": "Sample Customer Ltd.", "ship_to": "1 Sample Road, Sample City",
               "forwarder": "Sample Logistics", "packages": "10 cartons", "gross_weight": "250",
               "net_weight": "230"},
    )  # fmt: skip
