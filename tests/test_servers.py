"""Each shared test server does one real round trip: if these fail, every other suite would."""

from __future__ import annotations

import imaplib
import smtplib
import ssl
import subprocess
import time

import pytest
from imapclient import IMAPClient

MESSAGE = "From: a@example.com\r\nTo: b@example.com\r\nSubject: 订单 PO-1\r\n\r\n数量 100\r\n".encode()


@pytest.mark.imap
def test_imap_deliver_then_fetch_over_verified_tls(imap_user):
    imap_user.deliver(MESSAGE)
    assert imap_user.messages() == [MESSAGE]
    with imap_user.client(ssl=False) as c:  # STARTTLS on the plain port, also verified
        info = c.select_folder("INBOX")
        assert info[b"EXISTS"] == 1 and info[b"UIDVALIDITY"] > 0
        c.logout()
    assert imap_user.flags() == {1: ()}  # BODY.PEEK left \Seen unset


@pytest.mark.imap
def test_imap_rejects_a_client_that_does_not_trust_the_test_ca(dovecot, imap_user):
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, port=dovecot.ssl_port, ssl=True, timeout=5)


@pytest.mark.imap
def test_imap_idle_sees_delivery_then_kick_drops_it(imap_user):
    imap_user.create_folder("Orders")
    with imap_user.client() as c:
        c.select_folder("Orders")
        c.idle()
        started = time.monotonic()
        imap_user.deliver(MESSAGE, folder="Orders")
        responses = c.idle_check(timeout=5)
        delay = time.monotonic() - started
        assert (1, b"EXISTS") in responses, responses
        print(f"IDLE noticed the delivery after {delay:.2f} s")
        imap_user.kick()
        with pytest.raises((imaplib.IMAP4.abort, imaplib.IMAP4.error, OSError)):
            for _ in range(20):  # the BYE arrives asynchronously
                c.idle_check(timeout=0.5)
                c.idle_done()
                c.noop()
    imap_user.set_uidvalidity("Orders", 4242)
    with imap_user.client() as c:
        assert c.select_folder("Orders")[b"UIDVALIDITY"] == 4242
        c.logout()


@pytest.mark.smtp
def test_smtp_starttls_auth_send(smtp):
    ctx = ssl.create_default_context(cafile=str(smtp.ca_file))
    with smtplib.SMTP(smtp.host, smtp.port, timeout=10) as s:
        s.ehlo()
        assert not s.has_extn("auth")  # AUTH is only offered after TLS
        s.starttls(context=ctx)
        s.ehlo()
        s.login(smtp.username, smtp.password)
        s.sendmail("a@example.com", ["b@example.com"], MESSAGE)
    assert smtp.wait_for(1)
    got = smtp.messages[0]
    assert got["to"] == ["b@example.com"] and got["login"] == b"bot" and got["starttls"]
    assert b"Subject: " in got["data"] and "数量 100".encode() in got["data"]


@pytest.mark.smtp
def test_smtps_and_failure_modes_and_restart(smtp):
    ctx = ssl.create_default_context(cafile=str(smtp.ca_file))
    with smtplib.SMTP_SSL(smtp.host, smtp.ssl_port, context=ctx, timeout=10) as s:
        s.login(smtp.username, smtp.password)
        smtp.fail = "data550"
        with pytest.raises(smtplib.SMTPDataError) as err:
            s.sendmail("a@example.com", ["b@example.com"], MESSAGE)
        assert err.value.smtp_code == 550
        smtp.fail = None
        s.sendmail("a@example.com", ["b@example.com"], MESSAGE)
    assert smtp.wait_for(1) and len(smtp.messages) == 1
    assert smtp.url("smtps").endswith(f"@127.0.0.1:{smtp.ssl_port}")
    smtp.stop()
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP(smtp.host, smtp.port, timeout=5)
    smtp.start()
    with smtplib.SMTP(smtp.host, smtp.port, timeout=10) as s:
        assert s.noop()[0] == 250


@pytest.mark.soffice
def test_soffice_docx_to_pdf(soffice, tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Purchase order PO-1 采购订单")
    doc.save(tmp_path / "po.docx")
    pdf = soffice.convert(tmp_path / "po.docx", tmp_path / "out")
    assert pdf.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts or "CJK" in fonts, fonts  # CJK really embedded, not tofu
