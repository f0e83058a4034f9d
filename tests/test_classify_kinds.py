"""What a message is, from headers, subject, body and attachment names, in English and Chinese."""

import pytest

from mailflow.extract.classify import classify, detect_language, references
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()


def msg(subject="", text="", headers=(), attachments=(), **extra) -> Message:
    return Message(
        "3" * 64,
        10,
        "<c@x>",
        subject=subject,
        text=text,
        headers=tuple(headers),
        attachments=tuple(attachments),
        **extra,
    )


@pytest.mark.parametrize(
    "headers, subject",
    [
        ((("auto-submitted", "auto-replied"),), "Re: your order"),
        ((("x-autoreply", "yes"),), "Order confirmation"),
        ((("precedence", "auto_reply"),), "Order"),
        ((), "Automatic reply: Order confirmation"),
        ((), "自动回复：订单确认"),
    ],
)
def test_auto_replies(headers, subject):
    assert classify(msg(subject, "I am out of the office.", headers), VOCAB).kind == "auto_reply"


def test_an_order_an_erp_sends_on_its_own_is_not_an_auto_reply():
    """RFC 3834 "auto-generated": a program sent it, unprompted; SAP and Odoo send POs so."""
    po = Attachment(filename="4500012817.pdf", content_type="application/pdf", data=b"%PDF-1.4")
    result = classify(
        msg("Purchase order 4500012817", "Attached.", (("auto-submitted", "auto-generated"),), [po]), VOCAB
    )
    assert result.kind == "purchase_order"
    notice = classify(msg("Your password expires", "Change it soon.", (("auto-submitted", "auto-generated"),)), VOCAB)
    assert notice.kind == "other"


def test_auto_submitted_no_is_not_an_auto_reply():
    result = classify(msg("Purchase order 4411", "Attached.", (("auto-submitted", "no"),)), VOCAB)
    assert result.kind == "purchase_order"


@pytest.mark.parametrize(
    "subject, text, kind",
    [
        ("Purchase Order NW-4411", "Please find attached our purchase order.", "purchase_order"),
        ("采购订单 HQ20261118-07", "附件是我司采购订单，请确认。", "purchase_order"),
        ("Payment advice - deposit for PO NW-4411", "We have remitted USD 2,358.00.", "payment_advice"),
        ("定金水单 HQ20261118-07", "定金已付，请查收水单。", "payment_advice"),
        ("付款通知：订单CG2611-0031预付款", "我司已通过银行转账支付订单CG2611-0031的30%预付款。", "payment_advice"),
        ("PO AR-7781", "Please supply 500 pcs of HX-2040.", "purchase_order"),
        ("Inspection result PO TV/PO/26/0912", "The pre-shipment inspection passed.", "inspection_reply"),
        ("验货安排 QM-PO-2611-088", "我们安排12月10日验货。", "inspection_reply"),
        ("Change to PO 4500012817", "Please change line 2 quantity from 1.000 to 1.200 pcs.", "change_request"),
        ("订单变更：HL-PO-26-1193", "订单变更如下：第3项数量改为2,500个。", "change_request"),
        ("RFQ: LED strip", "Could you quote your best price for 2,000 m LED-5050W?", "other"),
        ("Trade fair invitation", "Visit our booth at the fair.", "other"),
    ],
)
def test_kinds_from_subject_and_body(subject, text, kind):
    assert classify(msg(subject, text), VOCAB).kind == kind


def test_an_attachment_named_like_an_order_counts():
    attachment = Attachment("Purchase_Order_7781.pdf", "application/pdf", b"%PDF")
    assert classify(msg("Documents", "See attached.", attachments=[attachment]), VOCAB).kind == "purchase_order"


def test_a_reply_about_a_known_order_is_not_a_new_order():
    known = {"NW-4411"}.__contains__
    reply = msg("Re: Purchase order NW-4411", "Please change the delivery to January.", in_reply_to="<a@b>")
    result = classify(reply, VOCAB, known_po=known)
    assert result.about_known_order is True
    assert result.kind == "change_request"
    assert "NW-4411" in result.references


def test_references_are_po_numbers_after_a_po_label_and_known_codes():
    text = "Payment for PO NW-4411 and our order no. 4500012817; also 订单号: HQ20261118-07. Ref XJ-77."
    assert references(text, known_po={"XJ-77"}.__contains__) == ["NW-4411", "4500012817", "HQ20261118-07", "XJ-77"]


def test_language():
    assert detect_language("您好，附件是我司采购订单 HQ20261118-07，请确认。") == "zh"
    assert detect_language("Please find attached our purchase order NW-4411.") == "en"


def test_a_reply_mentioning_an_order_without_one_is_other():
    from mailflow.extract import ParseContext, parse_message

    reply = msg("Re: Purchase order NW-4411", "Thanks, noted. Regards, Jane", in_reply_to="<ack@example.com>")
    result = parse_message(reply, ParseContext())
    assert result.kind == "other" and result.order is None and not result.needs_review
    assert result.references == ["NW-4411"]


def test_our_own_automatic_mail_coming_back_is_still_ignored():
    headers = (("auto-submitted", "auto-generated"), ("x-mailflow-order", "SO-2026-0001"))
    assert classify(msg("Order confirmation SO-2026-0001", "Attached.", headers), VOCAB).kind == "auto_reply"
