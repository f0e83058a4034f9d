"""4.4: the confirmed Customer Order Form carries the company seal configured as
``company.seal_image``; the form sent before confirmation, and every form when no seal is
configured, keeps the blank box to stamp by hand. ``mailflow check`` names a seal file that
is missing or not a picture."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

import docx
from helpers.procedure import Desk, at, po_email

from mailflow import config as config_mod
from mailflow.preflight import run_checks


def png(width: int = 8, height: int = 8) -> bytes:
    """A small red square as PNG, written by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xcc\x11\x11" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def set_seal(desk: Desk, value: str) -> None:
    path = desk.root / "config.yaml"
    text = path.read_text(encoding="utf-8").replace("  seal_image: null", f"  seal_image: {value}")
    path.write_text(text, encoding="utf-8")
    desk.config = config_mod.load(path)


def form_pictures(msg) -> tuple[str, int]:
    """The order form attached to ``msg``: its file name and the pictures python-docx finds in it."""
    (part,) = [p for p in msg.iter_attachments() if p.get_filename().endswith(".docx")]
    document = docx.Document(io.BytesIO(part.get_content()))
    blips = document.element.body.xpath(".//a:blip")
    return part.get_filename(), len(blips)


def test_the_confirmed_order_form_carries_the_configured_seal(tmp_path):
    desk = Desk(tmp_path)
    (desk.root / "seal.png").write_bytes(png())
    set_seal(desk, "seal.png")
    assert run_checks(desk.config)[0] == []
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Plan_Date=dt.date(2026, 11, 23))
    desk.run(at(11, 23, 15))

    sent = desk.sent()
    assert form_pictures(sent["order_ack"][0])[1] == 0  # under review: nothing is sealed yet
    (confirmation,) = sent["order_confirmation"]
    name, pictures = form_pictures(confirmation)
    assert name.startswith("SO-2026-0001 Order Form") and pictures == 1
    document = docx.Document(io.BytesIO(next(confirmation.iter_attachments()).get_content()))
    (image,) = [rel.target_part.blob for rel in document.part.rels.values() if "image" in rel.reltype]
    assert image == png()


def test_without_a_seal_the_box_stays_blank_and_a_missing_file_is_named(tmp_path):
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Plan_Date=dt.date(2026, 11, 23))
    desk.run(at(11, 23, 15))
    (confirmation,) = desk.sent()["order_confirmation"]
    assert form_pictures(confirmation)[1] == 0

    set_seal(desk, "stamps/seal.png")
    (problem,) = [p for p in run_checks(desk.config)[0] if "seal" in p]
    assert "company.seal_image" in problem and "stamps/seal.png" in problem
    (desk.root / "stamps").mkdir()
    (desk.root / "stamps" / "seal.png").write_text("not a picture", encoding="utf-8")
    (problem,) = [p for p in run_checks(desk.config)[0] if "seal" in p]
    assert "company.seal_image" in problem and "not a PNG or JPEG" in problem
