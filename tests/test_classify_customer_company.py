"""The customer is a company, or empty and flagged: never a person, a street line, a label of
any language, a domain, or us.

PDFs are drawn with reportlab at known positions; messages go through the real MIME parser and
extractor.
"""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.parties import _is_name, display_company, free_mail, _legal_forms
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message import parse as parse_mime

LEGAL = _legal_forms(Vocabulary.bundled())
TODAY = dt.date(2026, 11, 24)
TABLE = [
    [(50, "Item"), (150, "Description"), (330, "Qty"), (400, "Unit Price"), (490, "Amount")],
    [(50, "HX-2040"), (150, "Hex bolt M8"), (330, "500"), (400, "0.40"), (490, "200.00")],
    [(400, "Total"), (490, "200.00")],
]


def pdf(rows: list[list[tuple[int, str]]]) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800
    for row in rows:
        for x, text in row:
            page.drawString(x, y, text)
        y -= 14
    page.save()
    return out.getvalue()


def parse(rows, sender="Jane Smith <jane@buyer.example>", body="Please see the attachment."):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "orders@example.com"
    message["Subject"] = "PO 4411"
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message.set_content(body)
    if rows is not None:
        document = pdf(
            [[(50, "PURCHASE ORDER")], [(50, "PO No: 4411")], [(50, "PO Date: 2026-11-20")], *rows, [], *TABLE]
        )
        message.add_attachment(document, maintype="application", subtype="pdf", filename="4411.pdf")
    return parse_message(parse_mime(message.as_bytes()), ParseContext(today=TODAY))


@pytest.mark.parametrize(
    "street",
    [
        "Bahnhofstrasse 12",
        "Energieweg 14",
        "Hamnvägen 3",
        "Via Roma 5",
        "C/ Torrent 12",
        "ul. Długa 4",
        "Rue de la Paix 3",
    ],
)
def test_a_street_line_under_a_party_label_is_not_the_customer(street):
    result = parse(
        [[(50, "Bill To:")], [(50, street)], [(50, "Zug, Switzerland")]], sender="Jane Smith <jane@gmail.com>"
    )
    assert result.order.customer != street
    assert result.order.customer is None and result.needs_review
    assert not _is_name(street)


@pytest.mark.parametrize("label", ["Lieferanschrift", "Adresse de livraison", "Indirizzo di consegna", "Ship To"])
def test_a_label_of_any_language_under_a_party_label_is_not_the_customer(label):
    result = parse([[(50, "Customer:")], [(50, label)], [(50, "Nordlicht Werkzeuge GmbH")]])
    assert result.order.customer == "Nordlicht Werkzeuge GmbH"


@pytest.mark.parametrize(
    "display, company",
    [
        ("Dana Whitfield | Harborline Outdoor Gear Inc.", "Harborline Outdoor Gear Inc."),
        ("Whitfield, Dana (Harborline Outdoor Gear Inc.)", "Harborline Outdoor Gear Inc."),
        ("Marco Rossi - Officine Rinaldi S.r.l.", "Officine Rinaldi S.r.l."),
        ("Einkauf / Nordlicht Werkzeuge GmbH", "Nordlicht Werkzeuge GmbH"),
        ("Kobayashi Seiki K.K.", "Kobayashi Seiki K.K."),
        ("Dana Whitfield", None),
        ("Sales Team", None),
        ("Purchasing Department", None),
    ],
)
def test_the_company_part_of_a_senders_display_name(display, company):
    assert display_company(display, LEGAL) == company


def test_a_display_name_naming_person_and_company_gives_the_company_and_the_contact():
    result = parse(
        None,
        sender='"Dana Whitfield | Harborline Outdoor Gear Inc." <dana@harborline.example>',
        body="Please supply 500 pcs of HX-2040 at USD 0.40.\n\nPO No: 4411\n\nDana",
    )
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert result.customer_source == "sender"


def test_a_domain_alone_is_named_for_a_person_never_taken():
    result = parse([[(50, "Buyer: Dana Whitfield")]], sender="Dana Whitfield <dana@harborline.example>")
    assert result.order.customer is None
    assert result.needs_review
    assert any("harborline.example" in w for w in result.warnings)
    assert result.order.contact == "Dana Whitfield"


def test_free_mail_domains_come_from_the_data_file_too():
    assert free_mail("gmail.com") and free_mail("mail.yahoo.co.jp") is False or free_mail("yahoo.co.jp")
    assert not free_mail("harborline.example")


def test_a_name_without_legal_form_is_taken_when_the_senders_domain_spells_it():
    # "Harborline Outdoor Gear" may be a person's name by its shape; the sender's domain says it is the company
    rows = [[(50, "Bill To:")], [(50, "Harborline Outdoor Gear")], [(50, "4410 Marine View Dr")]]
    result = parse(rows, sender="Dana Whitfield <dana@harborline.example>")
    assert result.order.customer == "Harborline Outdoor Gear"
    assert result.customer_source == "party_block"
    # from a free-mail sender nothing confirms it: a person decides
    doubtful = parse(rows, sender="Dana Whitfield <dana.whitfield@gmail.com>")
    assert doubtful.order.customer is None and doubtful.needs_review


def test_a_name_without_legal_form_printed_as_the_letterhead_is_the_company():
    rows = [[(50, "Bill To:")], [(50, "Panel Truss East")], [(50, "4410 Marine View Dr")]]
    message = EmailMessage()
    message["From"] = "Irene Young <irene.young@gmail.com>"
    message["To"] = "orders@example.com"
    message["Subject"] = "PO 4411"
    message.set_content("Attached.")
    document = pdf(
        [
            [(50, "Panel Truss East"), (400, "PURCHASE ORDER")],
            [(50, "PO No: 4411")],
            [(50, "PO Date: 2026-11-20")],
            *rows,
            [],
            *TABLE,
        ]
    )
    message.add_attachment(document, maintype="application", subtype="pdf", filename="4411.pdf")
    result = parse_message(parse_mime(message.as_bytes()), ParseContext(today=TODAY))
    assert result.order.customer == "Panel Truss East"
