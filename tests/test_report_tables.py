"""The CLI's tables at 80 columns (a pipe, a narrow terminal) and on a wide terminal: nothing
wider than the terminal, no word or path cut in the middle, identifiers whole, and a wider
terminal's room used for the columns left out at 80."""

from __future__ import annotations

import io
import re

from rich.console import Console

from mailflow.report import print_orders, print_timeline

LONG_PATH = ("Northwind Tools Ltd/SO-2026-0001 PO NW-4411/documents/"
             "SO-2026-0001 Order Review Form with a long name.docx")  # fmt: skip


def render(printer, data, width: int) -> list[str]:
    out = io.StringIO()
    printer(data, console=Console(file=out, width=width, color_system=None, highlight=False))
    return out.getvalue().splitlines()


def orders(n: int = 4) -> list[dict]:
    return [{"order_no": f"SO-2026-{i:04d}", "customer": "Bergmann Elektro GmbH & Co. KG", "po_number": f"BE-2026-{i}18",
             "status": "Production complete", "next_action": "Confirmed order form to the customer",
             "due": "2026-12-07", "overdue": i == 2} for i in range(1, n + 1)]  # fmt: skip


def test_orders_at_80_columns_keep_identifiers_whole_and_shorten_with_an_ellipsis():
    lines = render(print_orders, orders(), 80)
    assert max(len(line) for line in lines) <= 80
    body = "\n".join(lines)
    for i in range(1, 5):
        assert f"SO-2026-{i:04d}" in body  # identifiers, statuses and dates are never cut
    assert body.count("Production complete") == 4 and "2026-12-07 late" in body  # overdue without colour
    assert "…" in body  # the customer and next action are shortened, not wrapped
    assert len(lines) == 2 + 1 + 4  # title, header, rule, one line per order: nothing wrapped


def test_orders_on_a_wide_terminal_show_every_column_in_full():
    lines = render(print_orders, orders(), 160)
    body = "\n".join(lines)
    assert "Bergmann Elektro GmbH & Co. KG" in body and "Confirmed order form to the customer" in body
    assert "BE-2026-118" in body and "…" not in body
    assert max(len(line.rstrip()) for line in lines) > 80  # the room is used


def timeline() -> dict:
    return {
        "order": {"order_no": "SO-2026-0001", "customer": "Northwind Tools Ltd", "po_number": "NW-4411",
                  "status": "Received", "received": "2026-12-03T07:57:35.129439+00:00", "total": "USD 7860.00",
                  "archive": "Northwind Tools Ltd/SO-2026-0001 PO NW-4411"},
        "next_action": "Confirmed order form to the customer", "due": "2026-12-07",
        "milestones": [{"milestone": "confirmed", "on": "2026-12-04", "via": "status"}],
        "events": [{"at": "2026-12-03T07:57:35+00:00", "event": "notice_queued", "cause": "email",
                    "detail": "due_on=2026-12-03, key=SO-2026-0001:review_request:received, late=False, "
                              "notice=review_request, to=['sales.director@example.com', 'finance@example.com']",
                    "message_id": "<po-nw-4411@northwind-tools.example>"}],
        "documents": [{"document": "review_form", "for": "received", "path": LONG_PATH}],
        "notices": [{"created": "2026-12-03T07:57:35+00:00", "notice": "order_ack", "key": "SO-2026-0001:order_ack:received",
                     "status": "sent", "to": "purchasing@northwind-tools.example",
                     "subject": "Order received, under review: your PO NW-4411 (our ref. SO-2026-0001)",
                     "sent": "2026-12-03T07:58:01+00:00"}],
    }  # fmt: skip


def words_of(lines: list[str]) -> set[str]:
    return {w for line in lines for w in re.findall(r"[\w@.<>:=/'-]+", line)}


def test_timeline_at_80_columns_stacks_and_never_cuts_a_path_or_a_word():
    lines = render(print_timeline, timeline(), 80)
    assert any(LONG_PATH in line for line in lines)  # whole, on its own line (a terminal may wrap it)
    assert all(len(line) <= 80 for line in lines if LONG_PATH not in line)
    text = " ".join(timeline()["events"][0]["detail"].split())
    flowed = " ".join(" ".join(lines).split())
    assert text in flowed  # the detail wraps between words, so joined again it is the same text
    assert "<po-nw-4411@northwind-tools.example>" in "\n".join(lines)
    assert "received: 2026-12-03 07:57" in lines  # to the minute


def test_timeline_on_a_wide_terminal_is_tables():
    lines = render(print_timeline, timeline(), 200)
    header = next(line for line in lines if line.startswith("document"))
    assert "path" in header and any(LONG_PATH in line for line in lines)
