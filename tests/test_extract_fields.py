"""Header fields from labels: same line, next cell, label blocks; and labels that are not ours."""

import datetime as dt
from decimal import Decimal

from mailflow.extract.document import Line
from mailflow.extract.fields import party_name, read_fields
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary

VOCAB = Vocabulary.bundled()
OPTS = Options(today=dt.date(2026, 11, 22))


def values(*lines: list[str]) -> dict:
    found = read_fields(
        [Line(list(segs), "PO.pdf p1", [100.0 * i for i in range(len(segs))]) for segs in lines], VOCAB, OPTS
    )
    return {name: f.value for name, f in found.items()}


def test_label_and_value_in_every_arrangement():
    assert values(["PO No: NW-4411", "Date: 2026-11-20"], ["Currency:", "USD"], ["订单号：HQ20261118-07"]) == {
        "po_number": "NW-4411",
        "po_date": dt.date(2026, 11, 20),
        "currency": "USD",
    }
    assert values(["P.O. Number 4500012817"])["po_number"] == "4500012817"
    assert values(["PO#: 7781"])["po_number"] == "7781"
    assert values(["Customer PO No: CP-55"]) == {"po_number": "CP-55"}


def test_label_block_reads_the_value_below_in_the_same_column():
    assert values(["Buyer:", "Supplier:"], ["Acme Robotics Inc.", "Example Manufacturing Co., Ltd."]) == {
        "buyer": "Acme Robotics Inc.",
        "supplier": "Example Manufacturing Co., Ltd.",
    }


def test_full_width_punctuation_of_free_text_is_kept():
    assert values(["付款方式：预付30%，发货前付清余款"])["payment_terms"] == "预付30%，发货前付清余款"


def test_a_label_that_starts_a_longer_unknown_label_is_not_taken():
    assert values(["Date of dispatch: 2026-12-01"]) == {}
    assert values(["Total Qty", "3,600"]) == {}
    assert values(["To be confirmed"]) == {}


def test_a_total_with_its_currency_in_the_label():
    # the amount names no currency: the label's code is the total's currency
    assert values(["TOTAL (USD)", "1,018.00"])["total"] == (Decimal("1018.00"), "USD")
    assert values(["总计 (RMB)", "244,628.00"])["total"] == (Decimal("244628.00"), "CNY")


def test_party_names_without_the_contact_person():
    assert party_name("Kobayashi Seiki Co., Ltd. — Hiroshi Sato") == "Kobayashi Seiki Co., Ltd."
    assert party_name("Lakeside Medical Devices LLC, Tom Becker") == "Lakeside Medical Devices LLC"
    assert party_name("宁波海联电器有限公司，陈静") == "宁波海联电器有限公司"


def test_a_po_number_written_with_a_space_is_flagged():
    found = read_fields([Line(["PO No: NW 4411"], "PO.pdf p1", [0.0])], VOCAB, OPTS)
    assert found["po_number"].value == "4411"
    assert "written 'NW 4411'" in found["po_number"].ambiguous
