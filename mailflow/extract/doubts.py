"""Doubts a document raises about what was read from it: evidence printed in the same document
that contradicts a value taken, said for a person, never used to change the value.

    doubts(text, order) -> list[str]   one warning per contradiction found

Each check needs the document itself to say something else; a value nothing contradicts is no
doubt, so an order read right passes as before:

* **a dollar that may not be the US one**: the currency was read as USD from a bare ``$`` (the
  document writes neither ``USD``, ``US$`` nor ``U.S.``), and the document names a country that
  writes its own dollar (or peso) with the same sign: Canada, Australia, New Zealand, Mexico,
  Singapore, Hong Kong, Taiwan. A Canadian buyer's ``$1.25`` is most likely CAD.
* **a PO date read in the other day/month order**: the PO date is printed with day and month
  both 12 or less ("05/11/2026") and was read one way (another date of the document decided the
  order: a printer's time stamp "11/24/2026" on a German order), yet the document arrived far
  from that day and right around the other reading. An order is sent within days of its date.
* **a PO number that the document prints only as another number**: every place the number stands
  in the document is after another number's label (a phone or fax, a page, a P.O. box, a customer,
  vendor, quotation or invoice number, in English, German, French, Spanish or Italian) or in a
  town line's state and ZIP code after the town's name ("Boston, MA 02110" read as ``MA02110``); nowhere as the
  order's own number.
* **a customer printed only as the delivery address**: the buyer's name stands in the document
  only under or after a ship-to label ("Ship To:", "Deliver to", "Lieferanschrift", "Adresse de
  livraison", "Consegna", "Entregar en", "收货", "送货"): a warehouse or a site receives the goods,
  the company that buys and pays may be another.
* **a count of lines printed beside the table** ("Total items: 3", "Number of lines: 3",
  "Anzahl Positionen: 3", "共3项") that is neither the number of lines read nor their quantities'
  sum: a line was lost (over a page break, a wrapped row) or one too many was read (terms,
  a sub-row).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..cleantext import one_line
from ..model import ParsedOrder

# a dollar other than the US one, by the country whose address names it (English and own spelling)
_DOLLAR_COUNTRIES = {
    "Canada": "CAD",
    "Australia": "AUD",
    "New Zealand": "NZD",
    "Mexico": "MXN",
    "México": "MXN",
    "Singapore": "SGD",
    "Hong Kong": "HKD",
    "Taiwan": "TWD",
}
_COUNTRY = re.compile(r"(?<!New )\b(" + "|".join(re.escape(c) for c in _DOLLAR_COUNTRIES) + r")\b")  # not New Mexico
_US_DOLLAR = re.compile(r"\bUSD\b|\bUS\s?\$|U\.\s?S\.|\bUS[- ]?Dollars?\b|\bUnited States\b", re.IGNORECASE)

# "Total items: 3", "No. of line items 3", "Anzahl Positionen: 3", "Nombre d'articles : 3", "共3项"
_COUNT_LABEL = re.compile(
    r"(?:\btotal\s+(?:number\s+of\s+)?(?:line\s+)?items|\bnumber\s+of\s+(?:line\s+)?(?:items|lines|positions)"
    r"|\bno\.?\s+of\s+(?:line\s+)?(?:items|lines)|\btotal\s+(?:order\s+)?lines|\bline\s+count|\bitem\s+count"
    r"|\banzahl\s+(?:der\s+)?positionen|\bpositionen\s+gesamt|\bnombre\s+(?:d['’]\s?articles|de\s+lignes)"
    r"|\bn[úu]mero\s+de\s+(?:art[íi]culos|l[íi]neas|posiciones)|\bnumero\s+(?:di\s+)?(?:articoli|righe|posizioni))"
    r"\s*[:.=]?\s*(\d{1,4})(?![\d.,/])",
    re.IGNORECASE,
)
_COUNT_ZH = re.compile(r"共\s*(\d{1,4})\s*(?:项|項|行|条|條)")


def doubts(text: str, order: ParsedOrder, today: dt.date | None = None) -> list[str]:
    """Warnings for values of ``order`` that ``text`` (the whole document) contradicts;
    ``today``: the day the document arrived."""
    found = [
        _other_dollar_country(text, order),
        _po_number_elsewhere(text, order),
        _customer_only_ship_to(text, order),
        _swapped_po_date(text, order, today),
        _line_count(text, order),
    ]
    return [said for said in found if said]


def _other_dollar_country(text: str, order: ParsedOrder) -> str | None:
    if order.currency != "USD" or "$" not in text or _US_DOLLAR.search(text):
        return None
    for line in text.splitlines():
        match = _COUNTRY.search(line)
        if match:
            code = _DOLLAR_COUNTRIES[match.group(1)]
            return (
                f"currency: read as USD from a bare '$', but the document names {match.group(1)}"
                f" ('{one_line(line.strip())[:60]}'), where '$' is {code}: which currency is the order in?"
            )
    return None


# the label of a number that is not the order's, right before where the PO number stands
_OTHER_LABEL = re.compile(
    r"(?:\b(?:tel|telephone|phone|ph|fax|mobile|cell|page|seite|page|p[áa]gina|pagina|p\.?\s?o\.?\s?box|box|postfach"
    r"|bo[iî]te\s+postale|apartado|casella\s+postale|customer|cust|client|kunden|vendor|supplier|lieferanten?|fournisseur"
    r"|proveedor|fornitore|quot(?:e|ation)?|angebot|offerte?|devis|cotizaci[óo]n|preventivo|invoice|rechnung|facture"
    r"|factura|fattura|account|konto|zip|plz|vat|ust|tax)\b\.?(?:\s*(?:no|nr|n°|n[úu]m|number|nummer|num[ée]ro|numero"
    r"|id|code|ref|#)\b\.?)*\s*[:#.]?\s*)$",
    re.IGNORECASE,
)
_ORDER_WORD = re.compile(
    r"\bp\.?\s?o\b|\border|bestell|auftrag|commande|ordine|pedido|encomenda|zam[óo]wieni|订单|訂單|注文|発注",
    re.IGNORECASE,
)
_BOX = re.compile(r"\bp\.?\s?o\.?\s?box\b", re.IGNORECASE)
_STATE_ZIP = re.compile(r"\b[A-Z]{2}\s?\d{5}(?:-\d{4})?\b")


def _po_number_elsewhere(text: str, order: ParsedOrder) -> str | None:
    number = (order.po_number or "").strip()
    if len(number) < 3 or not text:
        return None
    spaced = re.compile(r"(?<![\w-])" + r"\s?".join(re.escape(c) for c in number) + r"(?![\w-])", re.IGNORECASE)
    places = [(line, m) for line in text.splitlines() for m in spaced.finditer(line)]
    if not places:
        return None
    kinds = []
    for line, match in places:
        cell = re.split(r"\s{2,}|\t|\|", line[: match.start()])[-1]  # the words right before it
        if _ORDER_WORD.search(_BOX.sub("", cell)):
            return None  # "PO No. / Page: 4500123456 / 1": the order's number too
        if _OTHER_LABEL.search(cell):
            kinds.append(f"after '{one_line(cell.strip())[-30:]}'")
        elif _STATE_ZIP.fullmatch(match.group(0)) and re.search(r"[^\W\d],\s*$", line[: match.start()]):
            kinds.append("as a state and ZIP code")
        else:
            return None  # printed once where nothing says it is another number
    line = one_line(places[0][0].strip())[:60]
    return (
        f"po_number: '{number}' is printed only {kinds[0]} ('{line}'), as another number than the order's:"
        " which is the PO number?"
    )


_SHIP_TO = re.compile(
    r"\b(?:ship(?:ping)?[\s-]*to|deliver(?:y)?[\s-]*(?:to|address)|consignee|lieferan(?:schrift|adresse)|liefern\s+an"
    r"|warenempf[äa]nger|adresse\s+de\s+livraison|livrer\s+[àa]|lieu\s+de\s+livraison|destinatario\s+merce|(?:indirizzo|luogo)\s+di\s+consegna|consegnare\s+a"
    r"|entregar\s+en|direcci[óo]n\s+de\s+entrega|afleveradres|leveransadress)\b|收货|收貨|送货|送貨|納入先|納品先",
    re.IGNORECASE,
)


def _customer_only_ship_to(text: str, order: ParsedOrder) -> str | None:
    name = (order.customer or "").strip()
    if len(name) < 4 or not text:
        return None
    lines = text.splitlines()
    seen = False
    for n, line in enumerate(lines):
        cells = _CELLS.split(line)
        for k, cell in enumerate(cells):
            at = cell.find(name)
            if at < 0:
                continue
            seen = True
            if _SHIP_TO.search(cell[:at]):
                continue  # "Ship to: Coastal Warehousing LLC"
            above = next((lines[j] for j in range(n - 1, max(-1, n - 3), -1) if lines[j].strip()), "")
            over = _CELLS.split(above.strip()) if above.strip() else []
            # the label over the name: the cell in the same place, or the line when it is one cell
            label = over[0] if len(over) == 1 else over[k] if len(over) == len(cells) else ""
            if not cell[:at].strip() and len(label.strip()) <= 30 and _SHIP_TO.search(label):  # a label, no title
                continue
            return None  # printed as itself: a letterhead, a buyer or bill-to block, a signature
    if not seen:
        return None
    return (
        f"customer: '{name}' is printed only as the delivery address (ship to): the company that buys"
        " may be another; who is the customer?"
    )


_CELLS = re.compile(r"\s{2,}|\t|\|")


_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.,/-]?\d)")
SENT_WITHIN = dt.timedelta(days=45)  # an order reaches us this soon after its date, or is asked about
FAR = dt.timedelta(days=60)  # ... and not this long after it


def _swapped_po_date(text: str, order: ParsedOrder, today: dt.date | None) -> str | None:
    read = order.po_date
    if read is None or today is None or today - FAR <= read <= today + dt.timedelta(days=3):
        return None
    for match in _NUMERIC_DATE.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        year += 2000 if year < 100 else 0
        if not (first <= 12 and second <= 12 and first != second) or year != read.year:
            continue
        if (read.month, read.day) == (second, first):
            other = (first, second)
        elif (read.month, read.day) == (first, second):
            other = (second, first)
        else:
            continue
        swapped = dt.date(year, *other)
        if today - SENT_WITHIN <= swapped <= today + dt.timedelta(days=3):
            return (
                f"po_date: '{match.group(0)}' was read as {read.isoformat()}, but the order arrived on"
                f" {today.isoformat()}, right after {swapped.isoformat()}, the other day/month order: which is it?"
            )
    return None


def _line_count(text: str, order: ParsedOrder) -> str | None:
    if not order.lines:
        return None
    quantities = [line.quantity for line in order.lines if line.quantity is not None]
    fits = {Decimal(len(order.lines)), sum(quantities, Decimal(0))}
    for line in text.splitlines():
        for match in [*_COUNT_LABEL.finditer(line), *_COUNT_ZH.finditer(line)]:
            printed = Decimal(match.group(1))
            if printed and printed not in fits:
                return (
                    f"the document counts {printed} lines ('{one_line(line.strip())[:60]}'),"
                    f" but {len(order.lines)} were read: is a line missing or one too many?"
                )
    return None
