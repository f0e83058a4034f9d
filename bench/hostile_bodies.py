"""How long the extractor takes to read a mail body an attacker wrote, against reading its bytes.

    python bench/hostile_bodies.py [--kb 64] [--only prose-line,po-labels]

Every byte of inbound mail may be an attacker's, and a message has a minute to be read before it
goes to a person unread. For each hostile body below, built at ``--kb`` kilobytes and at four
times that, the CPU time of ``parse_message`` (the MIME parse included) is set against a baseline
measured in the same run on the same bytes: the standard library's ``email`` parse of the mail
and one linear pass over its text (lower-cased, split into words, each word looked up in a set).
The ratio says how many such passes a read costs; a reader that is linear in the body keeps the
same ratio at four times the size ("growth" ≈ 1), one that is quadratic doubles it or more.

The bodies: a paragraph sent as one long line of prose; thousands of "PO:" labels on one line
and one a line; "label: value" pairs; thousands of short lines; long runs of digits, grouped
digits, punctuation, dashes, spaces, tabs and letters without a digit; lines quoted ever deeper
(">>>>…") and one line of 64 k ">"; many currency amounts and order lines typed as sentences;
Chinese and Japanese without spaces; Arabic and Hebrew; HTML: a table of thousands of rows, rows
never closed, deeply nested blocks, thousands of line breaks. Last, a real order typed after
200 kB of prose, checked to be read (its PO number and its line).

A report: the exit status is 1 only when the order after the prose is not read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import re
import sys
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailflow.config import Company  # noqa: E402
from mailflow.extract import ParseContext, parse_message  # noqa: E402
from mailflow.message import parse as parse_mime  # noqa: E402

US = Company(name="Example Manufacturing Co., Ltd.", domains=["example.com"])
PROSE = (
    "Thank you for the quick reply yesterday, we will check the drawings with our engineering "
    "department and come back to you about the delivery schedule next week. "
)
ORDER = (
    "\n\nPlease find our order below.\n\nPO Number: 4500012345\nPO Date: 2026-11-20\n\n"
    "Item      Description        Qty   Unit Price   Amount\n"
    "HX-2040   Hex bolt M8        500   0.40         200.00\n\n"
    "Total: USD 200.00\n"
)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _table(size: int) -> str:
    rows = "".join(
        f"<tr><td>HX-{i}</td><td>bolt</td><td>{i % 90 + 1}</td><td>2.00</td></tr>" for i in range(size // 52)
    )
    return f"<table><tr><th>Item</th><th>Description</th><th>Qty</th><th>Price</th></tr>{rows}</table>"


# name -> (body of about ``size`` characters, whether it is the mail's HTML part)
BODIES: dict[str, Callable[[int], tuple[str, bool]]] = {
    "prose-line": lambda n: (_fill(PROSE, n), False),
    "po-labels": lambda n: (_fill("PO: 4500012345 ", n), False),
    "po-label-lines": lambda n: (_fill("PO: 4500012345\n", n), False),
    "po-colons": lambda n: (_fill("PO: ", n), False),
    "label-pairs": lambda n: (_fill("Order No: 12 Qty: 5 Price: 3.00 Date: 2026-12-01 ", n), False),
    "short-lines": lambda n: (_fill("ok\nthanks\n", n), False),
    "digits": lambda n: (_fill("1234567890", n), False),
    "grouped-digits": lambda n: (_fill("1 234 567,89 ", n), False),
    "punctuation": lambda n: (_fill(".,;:-/", n), False),
    "dashes": lambda n: (_fill("-", n), False),
    "spaces": lambda n: ("a" + " " * n + "b", False),
    "tabs": lambda n: (_fill("x\t", n), False),
    "letters": lambda n: (_fill("abcdefghij", n), False),
    "deep-quotes": lambda n: ("\n".join(">" * (i % 500 + 1) + " old text" for i in range(n // 260)), False),
    "quote-line": lambda n: (">" * n + " hi", False),
    "amounts": lambda n: (_fill("EUR 1,234.56 ", n), False),
    "sentence-lines": lambda n: (_fill("Item A 10 pcs x EUR 12.50 = EUR 125.00\n", n), False),
    "sentence-items": lambda n: (_fill("500 pcs of HX-2040 at USD 3.20 ", n), False),
    "typed-lines": lambda n: (_fill("10 x ABC-123 @ 2.50\n", n), False),
    "cjk": lambda n: (_fill("弊社は貴社の製品を注文いたします納期は来週です", n), False),
    "arabic": lambda n: (_fill("نحن نطلب المنتجات التالية من شركتكم ", n), False),
    "hebrew": lambda n: (_fill("אנחנו מזמינים את המוצרים הבאים ", n), False),
    "html-table": lambda n: (_table(n), True),
    "html-rows-unclosed": lambda n: ("<table>" + "<tr><td>a<td>b" * (n // 16), True),
    "html-nested": lambda n: ("<div>" * (n // 12) + "x" + "</div>" * (n // 12), True),
    "html-breaks": lambda n: ("line<br>" * (n // 8), True),
}


def mail(body: str, html: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Jane Smith <jane@buyer.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Purchase order"
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = "<hostile@buyer.example>"
    if html:
        message.set_content("Please see the HTML part.")
        message.add_alternative(body, subtype="html")
    else:
        message.set_content(body)
    return message.as_bytes()


def read(raw: bytes):
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23), company=US))


def baseline(raw: bytes) -> None:
    """The standard library's parse of the mail and one linear pass over its text."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    seen: set[str] = set()
    for part in message.walk():
        if part.get_content_maintype() == "text":
            for word in re.findall(r"\w+", part.get_content().lower()):
                seen.add(word)


def cpu(action: Callable[[], object], floor: float = 0.2) -> float:
    """CPU seconds of one ``action``, the least of as many runs as fit in ``floor`` seconds."""
    best = float("inf")
    spent = 0.0
    while spent < floor or best == float("inf"):
        started = time.process_time()
        action()
        took = time.process_time() - started
        best, spent = min(best, took), spent + took
    return best


def measure(name: str, size: int) -> tuple[float, float]:
    body, html = BODIES[name](size)
    raw = mail(body, html)
    return cpu(lambda: read(raw), floor=0.0), cpu(lambda: baseline(raw))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=int, default=16, help="the smaller size of each body, in kB (default 16)")
    parser.add_argument("--only", default="", help="comma-separated body names")
    args = parser.parse_args(argv if argv is not None else [])
    names = [n for n in args.only.split(",") if n] or list(BODIES)
    read(mail("Hello"))  # the vocabulary and the patterns, compiled once, outside the timings
    small, large = args.kb * 1024, args.kb * 4096
    print(
        f"{'body':<20} {f'read {args.kb} kB':>12} {'ratio':>7} {f'read {4 * args.kb} kB':>12} {'ratio':>7} {'growth':>7}"
    )
    for name in names:
        parsed_s, base_s = measure(name, small)
        parsed_l, base_l = measure(name, large)
        ratio_s, ratio_l = parsed_s / base_s, parsed_l / base_l
        print(
            f"{name:<20} {parsed_s:>11.2f}s {ratio_s:>6.0f}x {parsed_l:>11.2f}s {ratio_l:>6.0f}x {ratio_l / ratio_s:>6.1f}x",
            flush=True,
        )
    raw = mail(_fill(PROSE, 200 * 1024) + ORDER)
    started = time.process_time()
    result = read(raw)
    took = time.process_time() - started
    order = result.order
    lines = [(line.item, str(line.quantity)) for line in order.lines] if order else []
    print(f"an order after 200 kB of prose: {took:.2f}s, PO {order.po_number if order else None}, lines {lines}")
    if order is None or order.po_number != "4500012345" or lines != [("HX-2040", "500")]:
        raise SystemExit("the order after the prose was not read")


if __name__ == "__main__":
    main(sys.argv[1:])
