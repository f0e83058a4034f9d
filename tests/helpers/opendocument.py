"""OpenDocument XML as LibreOffice writes it, for the tests that read .ods/.odt/.fods/.fodt."""

from __future__ import annotations

from decimal import Decimal

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def flat(mimetype: str, body: str, styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        f'office:mimetype="{mimetype}"><office:automatic-styles>{styles}</office:automatic-styles>'
        f"<office:body>{body}</office:body></office:document>"
    )


def text_cell(text: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string" {extra}><text:p>{text}</text:p></table:table-cell>'


def number_cell(value: Decimal, shown: str) -> str:
    """A number as a German Calc shows it ("1.234,50") over the value it stores."""
    return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>'


def row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row {extra}>{''.join(cells)}</table:table-row>"
