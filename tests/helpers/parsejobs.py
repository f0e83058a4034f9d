"""A parse job for the worker tests: the corpus's PDF purchase order in a mail, a context a
worker can be sent, and the PO number it read from that PDF."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mailflow.config import Limits
from mailflow.extract import ParseContext
from mailflow.message import parse as parse_mime
from mailflow.model import Message
from mailflow.parseworker import KnownPOs

import bombs

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ACME_PO = "AF-26-1204"  # acme-fpdf.expected.json


def acme_mail() -> Message:
    """A mail with the corpus's PDF purchase order attached (its subject names another number)."""
    data = (CORPUS / "pdf" / "acme-fpdf.pdf").read_bytes()
    return parse_mime(bombs.po_mail("X-1", "acme-fpdf.pdf", bombs.PDF, data), Limits())


def context() -> ParseContext:
    """A context that crosses into a worker (its PO numbers as data, none on record)."""
    return dataclasses.replace(ParseContext(limits=Limits()), known_po=KnownPOs.of([]))


def po_number(result) -> str | None:
    """The PO number the worker read from the attached PDF (None: not read from it)."""
    if result.order is None or result.source != "acme-fpdf.pdf":
        return None
    return result.order.po_number
