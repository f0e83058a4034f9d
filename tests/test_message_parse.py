"""parse(): crafted messages for each way real order mail goes wrong (issue #3)."""

from __future__ import annotations

import base64
import datetime as dt
import struct
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from mailflow.config import Limits
from mailflow.errors import LimitExceeded, MessageError
from mailflow.message import FORWARD_MARKER, parse
from mailflow.message.htmltext import html_to_text

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
MAIL = Path(__file__).parent / "mail"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("ascii")


def po_with_attachment(filename_header: str, data: bytes = PDF) -> bytes:
    return (
        crlf(
            "From: Buyer <buyer@example.com>\n"
            "To: orders@example.com\n"
            "Subject: PO\n"
            "Message-ID: <po-1@example.com>\n"
            "MIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b1"\n'
            "\n"
            "--b1\n"
            "Content-Type: text/plain; charset=us-ascii\n"
            "\n"
            "Please see the attached PO.\n"
            "--b1\n"
            "Content-Type: application/octet-stream\n"
            f"Content-Disposition: attachment; {filename_header}\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
        )
        + base64.encodebytes(data).replace(b"\n", b"\r\n")
        + b"--b1--\r\n"
    )


# --------------------------------------------------------------------------- headers


def test_headers_are_decoded_and_normalised() -> None:
    raw = crlf(
        "From: =?UTF-8?B?5byg5LiJ?= <Zhang.San@Example.CN>\n"
        'To: orders@example.com, "Sales, Team" <SALES@example.com>\n'
        "Cc: a@example.com\n"
        "CC: b@example.com\n"
        "Reply-To: <buyer@example.cn>\n"
        "Subject: =?GB2312?B?usO2qbWl?= PO-4411\n"
        "Date: Tue, 07 Apr 2026 10:00:00 +0800\n"
        "Message-ID:   <abc@mail.example.cn>  \n"
        "In-Reply-To: <prev@example.com>\n"
        "References: <one@example.com>\n  <two@example.com> <one@example.com>\n"
        "Auto-Submitted: auto-replied\n"
        "X-Auto-Response-Suppress: All\n"
        "\n"
        "body\n"
    )
    message = parse(raw)
    assert message.subject == "好订单 PO-4411"
    assert (message.from_addr, message.from_name) == ("zhang.san@example.cn", "张三")
    assert message.to == ("orders@example.com", "sales@example.com")
    assert message.cc == ("a@example.com", "b@example.com")
    assert message.reply_to == "buyer@example.cn"
    assert message.message_id == "<abc@mail.example.cn>"
    assert message.in_reply_to == "<prev@example.com>"
    assert message.references == ("<one@example.com>", "<two@example.com>")
    assert message.date == dt.datetime(2026, 4, 7, 2, 0, tzinfo=dt.timezone.utc)
    assert message.header("auto-submitted") == "auto-replied"
    assert message.header("X-Auto-Response-Suppress") == "All"
    assert ("subject", "好订单 PO-4411") in message.headers
    assert message.text == "body"
    assert message.size == len(raw) and len(message.sha256) == 64


def test_missing_and_bad_headers_are_warnings_not_errors() -> None:
    message = parse(crlf("Subject: x\nDate: Tue, 06 Jun 2017 27:39:33 +0600\nMessage-ID: junk\n\nhi\n"))
    assert message.message_id is None and message.date is None and message.from_addr == ""
    assert any("date" in w for w in message.warnings)
    assert message.identity.startswith("<sha256-")


def test_raw_8bit_utf8_headers_are_read() -> None:
    raw = "From: 李四 <li@example.cn>\r\nSubject: 订单确认\r\n\r\nx".encode("utf-8")
    message = parse(raw)
    assert (message.subject, message.from_name) == ("订单确认", "李四")


def _b64_word(text: str, charset: str = "utf-8") -> str:
    return f"=?{charset}?b?{base64.b64encode(text.encode(charset)).decode()}?="


@pytest.mark.parametrize(
    "sender",
    [
        "张三 <采购@example.cn>".encode(),  # raw UTF-8
        f"{_b64_word('张三')} <{_b64_word('采购')}@Example.cn>".encode(),  # encoded local part
        _b64_word("张三 <采购@example.cn>").encode(),  # the whole address in one encoded word
        f"<{_b64_word('采购', 'gb2312')}@example.cn>".encode(),
    ],
)
def test_a_sender_with_a_cjk_local_part_is_kept(sender: bytes) -> None:
    message = parse(b"From: " + sender + b"\r\nSubject: PO\r\n\r\nx")
    assert message.from_addr == "采购@example.cn"


def test_an_iso_2022_jp_sender_is_kept() -> None:
    raw = "From: 山田 <発注@example.co.jp>\r\nSubject: PO\r\n\r\nx".encode("iso-2022-jp")
    assert (parse(raw).from_name, parse(raw).from_addr) == ("山田", "発注@example.co.jp")


@pytest.mark.parametrize("local", ["x\r\nBcc: a@b.example", "a b", "<x>", "=?utf-8?q?y?="])
def test_an_encoded_local_part_that_decodes_to_junk_is_left_out(local: str) -> None:
    message = parse(f"From: {_b64_word(local)}@example.cn\r\nSubject: PO\r\n\r\nx".encode())
    assert message.from_addr == "" and any("no plain address" in w for w in message.warnings)


# --------------------------------------------------------------------------- charsets


def test_gb2312_label_on_gbk_text_is_read_as_gb18030() -> None:
    text = "镕铁订单：数量１０００件，单价￥3.20"  # 镕 and full-width forms are outside GB2312
    with pytest.raises(UnicodeEncodeError):
        text.encode("gb2312")
    raw = crlf("From: a@example.cn\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: 8bit\n\n")
    message = parse(raw + text.encode("gbk"))
    assert message.text == text
    assert message.warnings == ()  # reading gb2312 as its superset is not a repair


def test_big5_labelled_us_ascii_is_detected() -> None:
    text = "您好，附件是我們的訂單，請確認交貨日期與價格。謝謝！" * 3
    raw = crlf("From: a@example.tw\nContent-Type: text/plain; charset=us-ascii\n\n") + text.encode("big5")
    message = parse(raw)
    assert message.text == text.strip()
    assert any("us-ascii" in w and "detected" in w for w in message.warnings)


def test_utf8_labelled_gb2312_is_read_as_utf8() -> None:
    text = "请确认订单交期"
    raw = crlf("From: a@example.cn\nContent-Type: text/plain; charset=gb2312\n\n") + text.encode("utf-8")
    message = parse(raw)
    assert message.text == text
    assert any("gb2312" in w and "UTF-8" in w for w in message.warnings)


def test_undeclared_8bit_and_unknown_charsets_never_raise() -> None:
    raw = crlf("From: a@example.com\nContent-Type: text/plain; charset=x-no-such-charset\n\n") + "Grüße".encode()
    message = parse(raw)
    assert message.text == "Grüße" and message.warnings
    latin = crlf("From: a@example.com\n\n") + "Prix: 3,20 \x80 \x96 caf\xe9".encode("latin-1")
    assert "café" in parse(latin).text


# --------------------------------------------------------------------------- filenames


def test_rfc2231_chinese_filename() -> None:
    raw = po_with_attachment("filename*=UTF-8''%E9%87%87%E8%B4%AD%E8%AE%A2%E5%8D%95.pdf")
    (attachment,) = parse(raw).attachments
    assert attachment.filename == attachment.original_filename == "采购订单.pdf"
    assert attachment.content_type == "application/pdf" and attachment.data == PDF


def test_rfc2231_gb2312_continuations() -> None:
    quoted = "".join(f"%{b:02X}" for b in "订单号PO-4411.pdf".encode("gbk"))
    raw = po_with_attachment(f"filename*0*=gb2312''{quoted[:12]};\n filename*1*={quoted[12:]}")
    assert parse(raw).attachments[0].filename == "订单号PO-4411.pdf"


def test_rfc2047_filename_inside_quotes() -> None:
    encoded = base64.b64encode("采购列表.xlsx".encode("gbk")).decode()
    raw = po_with_attachment(f'filename="=?GBK?B?{encoded}?="')
    assert parse(raw).attachments[0].original_filename == "采购列表.xlsx"


def test_raw_8bit_filename() -> None:
    raw = po_with_attachment('filename="@@"').replace(b"@@", "订单.pdf".encode("utf-8"))
    assert parse(raw).attachments[0].filename == "订单.pdf"


@pytest.mark.parametrize(
    "hostile, safe",
    [("../../etc/passwd", "passwd"), ("C:\\\\evil.exe", "evil.exe.blocked"), ("CON.pdf", "_CON.pdf")],
)
def test_traversal_filenames_are_made_safe(hostile: str, safe: str) -> None:
    (attachment,) = parse(po_with_attachment(f'filename="{hostile}"')).attachments
    assert attachment.filename == safe
    assert attachment.original_filename == hostile.replace("\\\\", "\\")


def test_duplicate_and_missing_names_within_one_message() -> None:
    message = EmailMessage()
    message["From"] = "a@example.com"
    message.set_content("see attached")
    for _ in range(2):
        message.add_attachment(PDF, maintype="application", subtype="pdf", filename="PO.pdf")
    message.add_attachment(PDF, maintype="application", subtype="octet-stream")
    names = [a.filename for a in parse(message.as_bytes(policy=SMTP)).attachments]
    assert names == ["PO.pdf", "PO (2).pdf", "attachment-3.pdf"]


# --------------------------------------------------------------------------- bodies


HTML_PO = """<html><head><style>td {color: red}</style></head><body>
<p>Dear supplier,<br>please confirm:</p>
<table border=1>
 <tr><th>Item</th><th>Qty</th><th>Unit Price</th></tr>
 <tr><td>A-100</td><td>1,000</td><td>3.20</td></tr>
 <tr><td>B-200</td><td></td><td>1.50</td></tr>
</table>
<p>Regards&nbsp;Tom <img src="cid:logo@x"></p></body></html>"""


def test_html_only_body_keeps_table_rows_readable() -> None:
    message = EmailMessage()
    message["From"] = "a@example.com"
    message.set_content(HTML_PO, subtype="html")
    message.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 50_000, "image", "png", cid="<logo@x>")
    parsed = parse(message.as_bytes(policy=SMTP))
    lines = parsed.text.splitlines()
    assert "Item | Qty | Unit Price" in lines
    assert "A-100 | 1,000 | 3.20" in lines
    assert "B-200 |  | 1.50" in lines  # the empty cell keeps the columns aligned
    assert "color" not in parsed.text and "Dear supplier," in lines
    assert parsed.html is not None and "<table" in parsed.html
    (logo,) = parsed.attachments
    assert logo.inline and logo.content_id == "logo@x"  # shown by cid: never a PO


def test_alternative_prefers_the_plain_text() -> None:
    message = EmailMessage()
    message["From"] = "a@example.com"
    message.set_content("plain version")
    message.add_alternative("<p>html version</p>", subtype="html")
    parsed = parse(message.as_bytes())
    assert parsed.text == "plain version"
    assert "html version" in (parsed.html or "")


def test_inline_images_are_marked_and_pdfs_never_are() -> None:
    message = EmailMessage()
    message["From"] = "a@example.com"
    message.set_content("hi")
    big_jpeg = b"\xff\xd8\xff\xe0" + b"\1" * 100_000
    message.add_attachment(big_jpeg, maintype="image", subtype="jpeg", filename="scan.jpg")
    message.add_attachment(b"GIF89a" + b"\0" * 100, maintype="image", subtype="gif", filename="logo.gif")
    message.add_attachment(big_jpeg, maintype="image", subtype="jpeg", filename="sig.jpg", disposition="inline")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="po.pdf", disposition="inline")
    flags = {a.filename: a.inline for a in parse(message.as_bytes()).attachments}
    assert flags == {"scan.jpg": False, "logo.gif": True, "sig.jpg": True, "po.pdf": False}


def test_forwarded_po_is_flattened() -> None:
    inner = EmailMessage()
    inner["From"] = "Real Customer <buyer@customer.com>"
    inner["Subject"] = "PO 4411"
    inner["Date"] = "Mon, 06 Apr 2026 09:00:00 +0000"
    inner.set_content("Please produce 1000 pcs.")
    inner.add_attachment(PDF, maintype="application", subtype="pdf", filename="PO-4411.pdf")
    outer = EmailMessage()
    outer["From"] = "sales@ourcompany.com"
    outer["Subject"] = "Fwd: PO 4411"
    outer.set_content("FYI, new order below.")
    outer.add_attachment(inner)
    parsed = parse(outer.as_bytes())
    assert [a.filename for a in parsed.attachments] == ["PO-4411.pdf"]
    before, marker, after = parsed.text.partition(FORWARD_MARKER)
    assert marker and before.strip() == "FYI, new order below."
    assert "From: Real Customer <buyer@customer.com>" in after
    assert "Subject: PO 4411" in after and after.rstrip().endswith("Please produce 1000 pcs.")
    assert parsed.from_addr == "sales@ourcompany.com"


def tnef(files: list[tuple[str, bytes]]) -> bytes:
    """A minimal winmail.dat (MS-OXTNEF): signature, key, then one attachment block per file."""

    def attribute(level: int, ident: int, kind: int, data: bytes) -> bytes:
        checksum = sum(data) & 0xFFFF
        return struct.pack("<BHHI", level, ident, kind, len(data)) + data + struct.pack("<H", checksum)

    out = struct.pack("<IH", 0x223E9F78, 0x0001) + attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x10000))
    for name, data in files:
        out += attribute(2, 0x9002, 0x0006, b"\0" * 14)  # attRenddata: starts an attachment
        out += attribute(2, 0x8010, 0x0001, name.encode() + b"\0")  # attAttachTitle
        out += attribute(2, 0x800F, 0x0006, data)  # attAttachData
    return out


def test_winmail_dat_is_unpacked() -> None:
    message = EmailMessage()
    message["From"] = "outlook@example.com"
    message.set_content("PO attached")
    message.add_attachment(tnef([("PO-7.pdf", PDF)]), maintype="application", subtype="ms-tnef", filename="winmail.dat")
    (attachment,) = parse(message.as_bytes()).attachments
    assert (attachment.filename, attachment.content_type, attachment.data) == ("PO-7.pdf", "application/pdf", PDF)


def test_broken_winmail_dat_is_kept() -> None:
    message = EmailMessage()
    message["From"] = "outlook@example.com"
    message.set_content("PO attached")
    message.add_attachment(b"not TNEF at all", maintype="application", subtype="ms-tnef", filename="winmail.dat")
    parsed = parse(message.as_bytes())
    assert [a.filename for a in parsed.attachments] == ["winmail.dat"]
    assert any("winmail.dat" in w for w in parsed.warnings)


# --------------------------------------------------------------------------- limits and errors


def test_message_over_the_size_limit() -> None:
    with pytest.raises(LimitExceeded, match=r"message is 2\.0 MB, over the 1\.0 MB limit"):
        parse(b"From: a@b.c\r\n\r\n" + b"x" * 2 * 1024 * 1024, Limits(max_message_bytes=1024 * 1024))


def test_attachment_over_the_size_limit_names_it() -> None:
    raw = po_with_attachment('filename="big.pdf"', PDF + b"0" * 3 * 1024 * 1024)
    with pytest.raises(LimitExceeded, match=r"attachment 'big.pdf' is (at least )?3\.\d MB, over the 2\.0 MB limit"):
        parse(raw, Limits(max_attachment_bytes=2 * 1024 * 1024))


def test_too_many_attachments() -> None:
    message = EmailMessage()
    message["From"] = "a@example.com"
    message.set_content("many")
    for n in range(4):
        message.add_attachment(PDF, maintype="application", subtype="pdf", filename=f"{n}.pdf")
    with pytest.raises(LimitExceeded, match="more than 3 attachments"):
        parse(message.as_bytes(), Limits(max_attachments=3))


def forwarded(message: EmailMessage, times: int) -> EmailMessage:
    """``message`` forwarded as an attachment ``times`` times, as a mail client does it: each
    forward a text/plain + text/html alternative, the message attached as message/rfc822."""
    for hop in range(times):
        outer = EmailMessage()
        outer["From"] = f"rep{hop}@example.com"
        outer["To"] = "orders@example.com"
        outer["Subject"] = f"Fwd: {message['Subject']}"
        outer.set_content("see attached")
        outer.add_alternative("<p>see attached</p>", subtype="html")
        outer.add_attachment(message)
        message = outer
    return message


def test_a_po_forwarded_as_an_attachment_twice_is_read() -> None:
    po = EmailMessage()
    po["From"], po["To"], po["Subject"] = "buyer@acme.example", "orders@example.com", "PO 4411"
    po.set_content("PO 4411, 500 pcs")
    po.add_alternative("<p>PO 4411, 500 pcs</p>", subtype="html")
    po.add_attachment(PDF, maintype="application", subtype="pdf", filename="PO-4411.pdf")
    for times in (1, 2, 3):
        message = parse(forwarded(po, times).as_bytes())
        assert [a.filename for a in message.attachments] == ["PO-4411.pdf"]
        assert message.text.count(FORWARD_MARKER) == times
        assert "PO 4411, 500 pcs" in message.text


def test_forwards_nested_deeper_than_the_limit_are_refused() -> None:
    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.com", "innermost"
    message.set_content("innermost")
    raw = forwarded(message, 4).as_bytes()
    assert parse(raw, Limits(max_forwards=4)).text.count(FORWARD_MARKER) == 4
    with pytest.raises(LimitExceeded, match="attached messages are nested more than 3 deep"):
        parse(raw, Limits(max_forwards=3))


def test_multiparts_nested_deeper_than_the_limit_are_refused() -> None:
    raw = b"From: a@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    for level in range(6):
        raw += b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (level, level)
    raw += b"Content-Type: text/plain\r\n\r\ninnermost\r\n"
    assert "innermost" in parse(raw, Limits(max_depth=6)).text
    with pytest.raises(LimitExceeded, match="nested more than 5 levels"):
        parse(raw, Limits(max_depth=5))


def many_parts(parts: int) -> bytes:
    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.com", "many parts"
    message.set_content("hello")
    message.make_mixed()
    for n in range(parts - 2):  # the root and its text are two parts
        part = EmailMessage()
        part.set_content(f"{n}")
        message.attach(part)
    return message.as_bytes()


def test_parts_are_counted_at_every_level() -> None:
    raw = many_parts(30)
    assert parse(raw, Limits(max_parts=30)).text.count("\n") >= 28
    with pytest.raises(LimitExceeded, match="more than 29 MIME parts"):
        parse(raw, Limits(max_parts=29))


def test_a_mail_of_more_parts_than_the_default_cap_is_refused_while_it_is_read() -> None:
    raw = many_parts(1001)
    with pytest.raises(LimitExceeded, match="more than 1000 MIME parts"):
        parse(raw)


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r"])
def test_a_mail_of_more_lines_than_the_limit_is_refused_before_it_is_read(end: bytes) -> None:
    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.com", "short lines"
    message.add_attachment(end.join([b"1;2"] * 300), maintype="text", subtype="csv", cte="8bit", filename="a.csv")
    raw = message.as_bytes(policy=SMTP)
    assert parse(raw, Limits(max_lines=400)).attachments[0].data.count(b"1;2") == 300
    with pytest.raises(LimitExceeded, match="lines, over the 250 limit"):
        parse(raw, Limits(max_lines=250))


def test_parse_deadline() -> None:
    with pytest.raises(LimitExceeded, match="longer than the 0 s limit"):
        parse(po_with_attachment('filename="a.pdf"'), Limits(parse_seconds=0))


@pytest.mark.parametrize("junk", [b"", b"   \r\n", b"// Not an RFC-822 Document", b"\x00\xff\xfe" * 10])
def test_junk_is_a_message_error_with_a_reason(junk: bytes) -> None:
    with pytest.raises(MessageError) as caught:
        parse(junk)
    assert str(caught.value).strip()


def test_unexpected_failures_are_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    import mailflow.message as message_mod

    def boom(*args: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(message_mod, "_walk", boom)
    with pytest.raises(MessageError, match=r"^cannot parse MIME: KeyError: 'surprise'$"):
        parse(b"From: a@b.c\r\n\r\nx")


def test_raw_8bit_gbk_subject_uses_the_declared_body_charset() -> None:
    raw = (
        b"From: a@example.cn\r\nSubject: " + "采购订单 PO-88".encode("gbk") + b"\r\n"
        b"Content-Type: text/plain; charset=GBK\r\n\r\n" + "请查收".encode("gbk")
    )
    message = parse(raw)
    assert (message.subject, message.text) == ("采购订单 PO-88", "请查收")
    assert any("subject" in w and "gb18030" in w for w in message.warnings)


def test_raw_8bit_latin_header_is_not_mistaken_for_chinese() -> None:
    raw = b"From: =?x?q?x?= <a@example.de>\r\nSubject: Gr\xfc\xdfe M\xfcller\r\n\r\nx"
    assert parse(raw).subject == "Grüße Müller"


def test_other_text_renderings_in_an_alternative_are_not_attachments() -> None:
    raw = crlf(
        "From: a@example.com\n"
        'Content-Type: multipart/alternative; boundary="alt"\n\n'
        "--alt\nContent-Type: text/plain\n\nplain\n"
        "--alt\nContent-Type: text/watch-html\n\n<b>watch</b>\n"
        "--alt\nContent-Type: text/html\n\n<b>html</b>\n--alt--\n"
    )
    message = parse(raw)
    assert (message.text, message.attachments) == ("plain", ())


def test_foxmail_po_with_raw_gbk_headers_and_filename() -> None:
    """A Foxmail-shaped PO: raw GBK in Subject, From and filename; gb2312-labelled GBK bodies."""
    message = parse((MAIL / "foxmail-gbk-po.eml").read_bytes())
    assert message.subject == "采购订单 PO-20260407 请确认"
    assert (message.from_name, message.from_addr) == ("王经理", "wang.jingli@customer.example.cn")
    assert message.message_id == "<202604071000590123456@customer.example.cn>"
    assert message.text.splitlines()[1] == "附件是我司采购订单，请确认交期。"
    assert message.html is not None and "料号 | 数量 | 单价" in html_to_text(message.html)
    po, logo = sorted(message.attachments, key=lambda a: a.inline)
    assert (po.filename, po.inline) == ("采购订单PO-20260407.xlsx", False)
    assert po.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert (logo.filename, logo.inline, logo.content_id) == ("sig.png", True, "sig001@foxmail")


def test_rfc2231_charset_on_an_8bit_body_is_decoded() -> None:
    raw = crlf("From: a@example.cn\nContent-Type: text/plain; charset*=us-ascii''gb2312\n\n") + "交期".encode("gbk")
    assert parse(raw).text == "交期"


def test_a_header_of_half_a_million_addresses_is_read_in_seconds_and_cut_saying_so() -> None:
    """The stdlib reads an address list at tens of microseconds an address, in the process that
    fetches the mail and outside the parse deadline: a 12 MB To and Cc held it for minutes."""
    many = b", ".join(b"buyer%d@acme-robotics.example" % i for i in range(500_000))
    raw = (
        b"From: Tom <tom@acme-robotics.example>\r\nTo: "
        + many
        + b"\r\nCc: "
        + many
        + b"\r\nSubject: PO 1\r\n\r\nhi\r\n"
    )
    started = time.monotonic()
    message = parse(raw)
    assert time.monotonic() - started < 30
    assert message.from_addr == "tom@acme-robotics.example"
    assert 1000 < len(message.to) < 5000 and message.to[0] == "buyer0@acme-robotics.example"
    assert "header to: more than 64 kB of addresses; the rest left out" in message.warnings
