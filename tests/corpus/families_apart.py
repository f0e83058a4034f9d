"""Header fields apart from their labels, in buyer languages the other header families do not print
(``wide/``): Polish, Portuguese, Swedish, Czech, Turkish, Korean, Hungarian and Romanian, with English,
German, Italian, Spanish, French, Danish, Finnish and Norwegian forms of the same layouts.

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here and its golden file comes from that truth, never from mailflow's output.

* ``apart-columns`` (reportlab): a rule-less header of a label column and a value column far to its
  right; beside it a second block of numbers that are not the PO number (page "1/1", telephone,
  the buyer's tax id, our vendor number).
* ``apart-same-box`` (reportlab): ruled boxes three to a row, each holding a label in small type
  at its top and the value under it inside the same box; a box for the tax id among them.
* ``apart-band-combined`` (reportlab): a band of boxed labels right over a boxed lines table, the
  PO number and its date under one combined label ("Nr / data zamówienia" over
  ``ZAM/412/11/2026 / 18.11.2026``).
* ``apart-right-block`` (reportlab): the header at the top right, labels set flush right against
  their values; no currency label: the currency is only the sign or code on the total's line
  ("zł", "Kč", "TL", "€", "₩", "SEK") or its code after the total's label ("Gesamtwert / EUR"); a
  ship-to block naming a forwarder with its legal form beside our own address; on half of them no
  letterhead: the buyer is named only in its invoice block ("Nabywca", "Fatura Adresi", "발주처").
* ``apart-docx-cell`` (python-docx): a Word table whose every cell holds a label and, on the next
  line of the same cell, its value.
* ``apart-sheet`` (openpyxl): labels in column A, each value in merged cells beside it, the page
  count, tax id and vendor number in a block at the right, the sums as text at the table's edge.

Each document prints a subtotal and tax before the grand total (the golden total), labels drawn
from the wordings ERPs print in that language ("Zamówienie nr", "Nº do pedido", "Sipariş No",
"Objednávka č.", "발주번호"), and dates in the language's styles (SAP's ``20260108`` too) with day numbers above 12.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import families_fields as ff
import generate as g

LANGS = ("pl", "pt", "sv", "cs", "tr", "ko", "hu", "ro", "en", "de", "it", "es", "fr", "da", "fi", "nb")
TRADE = ("cs", "tr", "ko", "hu", "ro", "da", "fi", "nb")  # drawn by families.make_trade_po

BUYERS = {
    "pl": f.Party(
        "Wielkopolskie Zakłady Mechaniczne Sp. z o.o.",
        ["ul. Głogowska 214", "60-104 Poznań, Polska"],
        "Katarzyna Wiśniewska",
        "zakupy@wzm-poznan.example",
        "pl",
    ),
    "pt": f.Party(
        "Metalúrgica Vale do Ave, Lda.",
        ["Rua da Indústria 77", "4760-108 Vila Nova de Famalicão, Portugal"],
        "Rui Carvalho",
        "compras@valedoave.example",
        "pt",
    ),
    "sv": f.Party(
        "Norrbärke Hydraulteknik AB",
        ["Box 1207", "Bruksgatan 31", "702 25 Örebro, Sverige"],
        "Anna Lindqvist",
        "inkop@norrbarke-hydraulteknik.example",
        "sv",
    ),
    "cs": f.Party(
        "Valašské Obráběcí Závody a.s.",
        ["třída Tomáše Bati 1544", "760 01 Zlín, Česká republika"],
        "Petra Dvořáková",
        "nakup@voz-zlin.example",
        "cs",
    ),
    "tr": f.Party(
        "Uludağ Döküm ve Makina A.Ş.",
        ["Nilüfer OSB 3. Cad. No:18", "16140 Nilüfer / Bursa, Türkiye"],
        "Mehmet Demir",
        "satinalma@uludag-dokum.example",
        "tr",
    ),
    "ko": f.Party(
        "새벽정밀공업 주식회사", ["경기도 화성시 동탄산단로 45"], "이서연", "purchase@saebyeok-prec.example", "ko"
    ),
    "hu": f.Party(
        "Kisalföldi Gépgyártó Kft.",
        ["Külső Szent Iván tér 5.", "9027 Győr, Magyarország"],
        "Kovács Eszter",
        "beszerzes@kisalfoldi-gep.example",
        "hu",
    ),
    "ro": f.Party(
        "Transilvania Echipamente Industriale S.R.L.",
        ["Str. Fabricii nr. 14", "400632 Cluj-Napoca, România"],
        "Andrei Popescu",
        "achizitii@transilvania-ei.example",
        "ro",
    ),
    "en": f.Party(
        "Cascade Fluid Power Corp.",
        ["PO Box 3318", "2150 Industrial Way", "Spokane, WA 99216, USA"],
        "Mark Olsen",
        "buyer@cascadefp.example",
        "en",
    ),
    "de": f.Party(
        "Hohenlohe Fördertechnik GmbH",
        ["Postfach 2041", "Gewerbestraße 12", "74653 Künzelsau"],
        "Markus Weber",
        "einkauf@hohenlohe-ft.example",
        "de",
    ),
}

# Labels as ERPs of these countries print them; each document draws one per field.
LABELS: dict[str, dict[str, list[str]]] = {
    "pl": {
        "po": ["Zamówienie nr", "Nr zamówienia", "Numer zamówienia"],
        "date": ["Data zamówienia", "Data wystawienia"],
        "delivery": ["Termin dostawy", "Data dostawy"],
        "payment": ["Warunki płatności", "Termin płatności"],
        "currency": ["Waluta"],
        "incoterms": ["Warunki dostawy"],
        "combined": ["Nr / data zamówienia"],
    },
    "pt": {
        "po": ["Nº do pedido", "Pedido nº", "Número da encomenda"],
        "date": ["Data do pedido", "Data de emissão"],
        "delivery": ["Data de entrega", "Prazo de entrega"],
        "payment": ["Condições de pagamento", "Forma de pagamento"],
        "currency": ["Moeda"],
        "incoterms": ["Condições de entrega"],
        "combined": ["Nº / Data do pedido"],
    },
    "sv": {
        "po": ["Ordernummer", "Inköpsorder nr", "Beställningsnr"],
        "date": ["Orderdatum", "Beställningsdatum"],
        "delivery": ["Leveransdatum", "Önskat leveransdatum"],
        "payment": ["Betalningsvillkor"],
        "currency": ["Valuta"],
        "incoterms": ["Leveransvillkor"],
        "combined": ["Ordernr / datum"],
    },
    "cs": {
        "po": ["Objednávka č.", "Číslo objednávky"],
        "date": ["Datum objednávky", "Datum vystavení"],
        "delivery": ["Termín dodání", "Datum dodání"],
        "payment": ["Platební podmínky", "Splatnost"],
        "currency": ["Měna"],
        "incoterms": ["Dodací podmínky"],
        "combined": ["Číslo / datum objednávky"],
    },
    "tr": {
        "po": ["Sipariş No", "Sipariş Numarası"],
        "date": ["Sipariş Tarihi", "Düzenleme Tarihi"],
        "delivery": ["Teslim Tarihi", "Termin Tarihi"],
        "payment": ["Ödeme Koşulları", "Ödeme Şekli"],
        "currency": ["Para Birimi", "Döviz Cinsi"],
        "incoterms": ["Teslim Şekli"],
        "combined": ["Sipariş No / Tarih"],
    },
    "ko": {
        "po": ["발주번호", "주문번호"],
        "date": ["발주일자", "발주일"],
        "delivery": ["납기일", "납품기한"],
        "payment": ["결제조건", "지불조건"],
        "currency": ["통화"],
        "incoterms": ["인도조건"],
        "combined": ["발주번호 / 발주일자"],
    },
    "hu": {
        "po": ["Rendelésszám", "Megrendelés száma", "Rendelés sz."],
        "date": ["Rendelés dátuma", "Kelt"],
        "delivery": ["Szállítási határidő", "Szállítási dátum"],
        "payment": ["Fizetési feltételek", "Fizetési mód"],
        "currency": ["Pénznem"],
        "incoterms": ["Szállítási feltételek"],
        "combined": ["Rendelésszám / dátum"],
    },
    "ro": {
        "po": ["Comandă nr.", "Număr comandă", "Nr. comandă"],
        "date": ["Data comenzii", "Data emiterii"],
        "delivery": ["Termen de livrare", "Data livrării"],
        "payment": ["Condiții de plată", "Termen de plată"],
        "currency": ["Monedă"],
        "incoterms": ["Condiții de livrare"],
        "combined": ["Nr. / data comenzii"],
    },
    "en": {
        "po": ["Purchase Order No.", "PO Number", "Order Ref."],
        "date": ["Order Date", "Issue Date"],
        "delivery": ["Delivery Date", "Required Date"],
        "payment": ["Payment Terms", "Terms of Payment"],
        "currency": ["Currency"],
        "incoterms": ["Incoterms", "Delivery Terms"],
        "combined": ["PO Number / Date"],
    },
    "de": {
        "po": ["Bestellnummer", "Bestell-Nr.", "Unsere Bestellung"],
        "date": ["Bestelldatum", "Belegdatum"],
        "delivery": ["Liefertermin", "Wunschtermin"],
        "payment": ["Zahlungsbedingungen", "Zahlungsziel"],
        "currency": ["Währung"],
        "incoterms": ["Lieferbedingungen", "Incoterms"],
        "combined": ["Bestellnummer/Datum"],
    },
}
# (subtotal, tax, grand total) labels: the grand total is the order's total.
SUMS = {
    "pl": [("Wartość netto", "VAT", "Wartość brutto"), ("Razem netto", "VAT", "Do zapłaty")],
    "pt": [("Valor líquido", "IVA", "Total com IVA"), ("Subtotal", "IVA", "Total do pedido")],
    "sv": [("Netto", "Moms", "Att betala"), ("Summa exkl. moms", "Moms", "Summa inkl. moms")],
    "cs": [("Základ daně", "DPH", "Celkem k úhradě"), ("Mezisoučet", "DPH", "Celkem s DPH")],
    "tr": [("Ara Toplam", "KDV", "Genel Toplam"), ("Mal Hizmet Toplamı", "KDV", "Vergiler Dahil Toplam")],
    "ko": [("공급가액", "부가세", "합계금액"), ("소계", "세액", "총 합계")],
    "hu": [("Nettó összesen", "ÁFA", "Bruttó végösszeg"), ("Nettó érték", "ÁFA", "Fizetendő összesen")],
    "ro": [("Total fără TVA", "TVA", "Total de plată"), ("Valoare netă", "TVA", "Total cu TVA")],
    "en": [("Subtotal", "Sales Tax", "Order Total"), ("Net Value", "Tax", "Total Amount Due")],
    "de": [("Nettowert", "MwSt.", "Gesamtwert"), ("Warenwert", "USt.", "Endbetrag")],
}
TAX = {
    "hu": "0.27",
    "ro": "0.19",
    "pl": "0.23",
    "pt": "0.23",
    "sv": "0.25",
    "cs": "0.21",
    "tr": "0.20",
    "ko": "0.10",
    "en": "0.07",
    "de": "0.19",
}
# How the total's line names the currency when no label does: a sign or code after (or before) the sum.
SIGN = {"pl": "{} zł", "pt": "{} €", "sv": "{} SEK", "cs": "{} Kč", "tr": "{} TL", "ko": "₩{}", "en": "${}"}
SIGN.update({"de": "{} €", "hu": "{} Ft", "ro": "{} lei"})
PAYMENT = {
    "pl": ["przelew 30 dni", "Przelew 60 dni od daty faktury"],
    "pt": ["30 dias após fatura", "Transferência a 60 dias"],
    "sv": ["30 dagar netto", "Netto 45 dagar"],
    "cs": ["30 dní od vystavení faktury", "Převodem, splatnost 45 dní"],
    "tr": ["60 gün vadeli", "Havale, 30 gün vade"],
    "ko": ["월말 마감 익월 말 현금", "납품 후 60일 현금"],
    "hu": ["Átutalás 30 nap", "Átutalás, 60 napos fizetési határidő"],
    "ro": ["30 de zile de la facturare", "Ordin de plată la 60 de zile"],
    "en": ["Net 30 days", "2% 10, Net 45"],
    "de": ["30 Tage netto", "14 Tage 2% Skonto, 30 Tage netto"],
}
INCOTERMS = {"pl": "FCA Poznań", "pt": "EXW Famalicão", "sv": "DAP Örebro", "cs": "FCA Zlín", "tr": "DAP Bursa"}
INCOTERMS.update({"ko": "FOB Busan", "en": "FCA Spokane", "de": "DAP Künzelsau", "hu": "FCA Győr"})
INCOTERMS["ro"] = "DAP Cluj-Napoca"
# Numbers near the PO number that are not it: (label, value).
PAGE = {"pl": "Strona", "pt": "Página", "sv": "Sida", "cs": "Strana", "tr": "Sayfa", "ko": "페이지", "en": "Page"}
PAGE.update({"de": "Seite", "hu": "Oldal", "ro": "Pagina"})
PHONE = {"pl": "Tel. +48 61 865 42 10", "pt": "Tel. +351 252 310 480", "sv": "Tel. 019-16 42 00"}
PHONE.update({"cs": "Tel. +420 577 121 340", "tr": "Tel. +90 224 411 52 60", "ko": "전화 031-8015-4420"})
PHONE.update({"en": "Phone (509) 535-7710", "de": "Tel. 07940 9152-0", "hu": "Tel. +36 96 512 300"})
PHONE["ro"] = "Tel. +40 264 415 200"
TAX_ID = {
    "pl": ("NIP", "779-23-45-118"),
    "pt": ("NIF", "PT 509 876 543"),
    "sv": ("Org.nr", "556412-3398"),
    "cs": ("DIČ", "CZ25341822"),
    "tr": ("Vergi No", "1870045521"),
    "ko": ("사업자등록번호", "124-81-55620"),
    "en": ("Tax ID", "91-1734562"),
    "de": ("USt-IdNr.", "DE 814 227 390"),
    "hu": ("Adószám", "12345678-2-08"),
    "ro": ("CUI", "RO 18547290"),
}
VENDOR = {"pl": "Nr dostawcy", "pt": "Cód. fornecedor", "sv": "Lev.nr", "cs": "Číslo dodavatele"}
VENDOR.update({"tr": "Tedarikçi Kodu", "ko": "거래처코드", "en": "Vendor No.", "de": "Lieferantennummer"})
VENDOR.update({"hu": "Szállítói kód", "ro": "Cod furnizor"})
REVISION = {"pl": "Wersja", "pt": "Revisão", "sv": "Revision", "cs": "Změna č.", "tr": "Revizyon", "ko": "차수"}
REVISION.update({"en": "Revision", "de": "Änderung", "hu": "Módosítás", "ro": "Revizia"})
SHIP_TO = {"pl": "Adres dostawy", "pt": "Local de entrega", "sv": "Leveransadress", "cs": "Místo dodání"}
SHIP_TO.update({"tr": "Teslim Adresi", "ko": "납품장소", "en": "Ship To", "de": "Lieferanschrift"})
SHIP_TO.update({"hu": "Szállítási cím", "ro": "Adresă de livrare"})
BILL_TO = {"pl": "Nabywca", "pt": "Faturar a", "sv": "Fakturaadress", "cs": "Odběratel", "tr": "Fatura Adresi"}
BILL_TO.update({"ko": "발주처", "en": "Bill To", "de": "Rechnungsanschrift", "hu": "Vevő", "ro": "Cumpărător"})
FORWARDER = ["Rhenus Logistics SE & Co. KG", "Hafenstraße 8", "28197 Bremen"]
# column heads as short as the buyer's form prints them where the language's own are wider than a column
SHORT_HEADS = {"hu": {"unit": "ME", "price": "Egységár"}}
DATE_STYLES = {
    "pl": ["pl", "pl_long", "iso"],
    "pt": ["fr", "pt_long", "iso_nopad"],
    "sv": ["iso", "sv_long", "iso_nopad"],
    "cs": ["pl", "cs_long"],
    "tr": ["pl", "iso"],
    "ko": ["ko", "iso", "iso_nopad"],
    "hu": ["hu", "iso"],
    "ro": ["pl", "ro_long"],
    "en": ["mon_dd_yyyy", "dmy_mon", "dd_mon_yy", "compact"],
    "de": ["de", "de_long", "iso_nopad", "compact"],
}


# Italian, Spanish and French buyers, in the same layouts
BUYERS.update(
    {
        "it": f.Party(
            "Meccanica Valle Seriana S.r.l.",
            ["Casella postale 41", "Via dell'Artigianato 17", "24020 Gorle (BG)"],
            "Chiara Bonetti",
            "acquisti@mvs.example",
            "it",
        ),
        "es": f.Party(
            "Estampaciones del Nervión S.L.",
            ["Apartado de Correos 512", "Polígono Ugaldeguren 3, nave 14", "48170 Zamudio (Bizkaia)"],
            "Iker Etxeberria",
            "compras@nervion-est.example",
            "es",
        ),
        "fr": f.Party(
            "Décolletage de l'Arve SAS",
            ["BP 112", "145 avenue des Glières", "74300 Cluses"],
            "Julien Perrin",
            "achats@decolletage-arve.example",
            "fr",
        ),
    }
)
LABELS.update(
    {
        "it": {
            "po": ["Numero ordine", "Ordine n°", "N. ordine fornitore"],
            "date": ["Data ordine", "Data documento"],
            "delivery": ["Data consegna", "Consegna richiesta"],
            "payment": ["Condizioni di pagamento", "Pagamento"],
            "currency": ["Valuta", "Divisa"],
            "incoterms": ["Resa", "Condizioni di resa"],
            "combined": ["Numero / data ordine"],
        },
        "es": {
            "po": ["Nº pedido", "Pedido de compra nº", "Número de pedido"],
            "date": ["Fecha pedido", "Fecha de emisión"],
            "delivery": ["Fecha de entrega", "Plazo de entrega"],
            "payment": ["Forma de pago", "Condiciones de pago"],
            "currency": ["Moneda", "Divisa"],
            "incoterms": ["Condiciones de entrega", "Incoterm"],
            "combined": ["Nº / fecha de pedido"],
        },
        "fr": {
            "po": ["N° de commande", "Commande n°", "N° BC"],
            "date": ["Date de commande", "Date du document"],
            "delivery": ["Date de livraison", "Livraison souhaitée"],
            "payment": ["Conditions de paiement", "Règlement"],
            "currency": ["Devise", "Monnaie"],
            "incoterms": ["Conditions de livraison", "Incoterm"],
            "combined": ["N° / date de commande"],
        },
    }
)
SUMS.update(
    {
        "it": [("Imponibile", "IVA", "Totale documento"), ("Totale merce", "IVA", "Totale da pagare")],
        "es": [("Base imponible", "IVA", "Total pedido"), ("Importe neto", "IVA", "Total a pagar")],
        "fr": [("Total HT", "TVA", "Total TTC"), ("Montant net HT", "TVA", "Net à payer")],
    }
)
TAX.update({"it": "0.22", "es": "0.21", "fr": "0.20"})
SIGN.update({"it": "€ {}", "es": "{} €", "fr": "{} €"})
PAYMENT.update(
    {
        "it": ["Bonifico 60 gg d.f.f.m.", "Ri.Ba. 90 gg fine mese"],
        "es": ["Transferencia 60 días", "Confirming a 90 días"],
        "fr": ["45 jours fin de mois", "Virement à 30 jours date de facture"],
    }
)
INCOTERMS.update({"it": "EXW Gorle", "es": "DAP Zamudio", "fr": "FCA Cluses"})
PAGE.update({"it": "Pagina", "es": "Página", "fr": "Page"})
PHONE.update({"it": "Tel. 035 29 81 40", "es": "Tel. 944 52 18 70", "fr": "Tél. 04 50 98 12 30"})
TAX_ID.update({"it": ("P.IVA", "IT 03127850164"), "es": ("CIF", "B95123456"), "fr": ("SIRET", "412 345 678 00021")})
VENDOR.update({"it": "Cod. fornitore", "es": "Cód. proveedor", "fr": "N° fournisseur"})
REVISION.update({"it": "Revisione", "es": "Revisión", "fr": "Révision"})
SHIP_TO.update({"it": "Destinazione merce", "es": "Dirección de entrega", "fr": "Adresse de livraison"})
BILL_TO.update({"it": "Intestatario fattura", "es": "Facturar a", "fr": "Adresse de facturation"})
DATE_STYLES.update(
    {"it": ["fr", "it_long", "de"], "es": ["fr", "es_long", "iso_nopad"], "fr": ["fr", "fr_long", "dmy_mon"]}
)


# Danish, Finnish and Norwegian buyers
BUYERS.update(
    {
        "da": f.Party(
            "Vestjysk Hydraulik A/S",
            ["Postboks 88", "Industrivej Nord 21", "7400 Herning, Danmark"],
            "Mette Kristensen",
            "indkoeb@vestjysk-hyd.example",
            "da",
        ),
        "fi": f.Party(
            "Pirkanmaan Konepaja Oy",
            ["PL 214", "Hatanpään valtatie 40", "33100 Tampere, Suomi"],
            "Antti Laine",
            "ostot@pirkanmaan-konepaja.example",
            "fi",
        ),
        "nb": f.Party(
            "Trøndelag Maskin AS",
            ["Postboks 1502", "Sluppenveien 12", "7037 Trondheim, Norge"],
            "Kari Nilsen",
            "innkjop@trondelag-maskin.example",
            "nb",
        ),
    }
)
LABELS.update(
    {
        "da": {
            "po": ["Ordrenummer", "Indkøbsordrenr.", "Bestillingsnummer"],
            "date": ["Ordredato", "Bestillingsdato"],
            "delivery": ["Leveringsdato", "Ønsket leveringsdato"],
            "payment": ["Betalingsbetingelser"],
            "currency": ["Valuta"],
            "incoterms": ["Leveringsbetingelser"],
            "combined": ["Ordrenr. / dato"],
        },
        "fi": {
            "po": ["Tilausnumero", "Ostotilaus nro", "Tilausnro"],
            "date": ["Tilauspäivä", "Päivämäärä"],
            "delivery": ["Toimituspäivä", "Toivottu toimituspäivä"],
            "payment": ["Maksuehdot", "Maksuehto"],
            "currency": ["Valuutta"],
            "incoterms": ["Toimitusehdot", "Toimitusehto"],
            "combined": ["Tilausnumero / päivämäärä"],
        },
        "nb": {
            "po": ["Ordrenummer", "Innkjøpsordrenr.", "Bestillingsnummer"],
            "date": ["Ordredato", "Bestillingsdato"],
            "delivery": ["Leveringsdato", "Ønsket leveringsdato"],
            "payment": ["Betalingsbetingelser"],
            "currency": ["Valuta"],
            "incoterms": ["Leveringsbetingelser"],
            "combined": ["Ordrenr. / dato"],
        },
    }
)
SUMS.update(
    {
        "da": [("Subtotal", "Moms", "I alt inkl. moms"), ("Beløb ekskl. moms", "Moms 25%", "At betale")],
        "fi": [("Veroton yhteensä", "ALV", "Yhteensä"), ("Yhteensä ilman ALV", "ALV", "Maksettava yhteensä")],
        "nb": [("Sum eks. mva.", "MVA", "Totalt inkl. mva."), ("Nettobeløp", "MVA", "Å betale")],
    }
)
TAX.update({"da": "0.25", "fi": "0.255", "nb": "0.25"})
SIGN.update({"da": "DKK {}", "fi": "{} €", "nb": "NOK {}"})
PAYMENT.update(
    {
        "da": ["Netto 30 dage", "Løbende måned + 30 dage"],
        "fi": ["14 päivää netto", "30 päivää netto"],
        "nb": ["30 dager netto", "Netto 45 dager"],
    }
)
INCOTERMS.update({"da": "DAP Herning", "fi": "FCA Tampere", "nb": "DAP Trondheim"})
PAGE.update({"da": "Side", "fi": "Sivu", "nb": "Side"})
PHONE.update({"da": "Tlf. 97 12 34 56", "fi": "Puh. 03 214 5500", "nb": "Tlf. 73 82 40 00"})
TAX_ID.update({"da": ("CVR-nr.", "31 54 87 22"), "fi": ("Y-tunnus", "2345678-9"), "nb": ("Org.nr.", "987 654 321 MVA")})
VENDOR.update({"da": "Leverandørnr.", "fi": "Toimittajanumero", "nb": "Leverandørnr."})
REVISION.update({"da": "Revision", "fi": "Muutos", "nb": "Revisjon"})
SHIP_TO.update({"da": "Leveringsadresse", "fi": "Toimitusosoite", "nb": "Leveringsadresse"})
BILL_TO.update({"da": "Fakturaadresse", "fi": "Laskutusosoite", "nb": "Fakturaadresse"})
DATE_STYLES.update({"da": ["pl", "iso"], "fi": ["pl", "fi_long"], "nb": ["pl", "iso"]})


@dataclass
class ApartPage(ff.FieldPage):
    """A ``FieldPage`` with the labels, sums and distractors of this module's languages."""

    revision_no: str = ""
    sign_total: bool = False  # no currency label: the total's line carries the currency's sign
    code_in_label: bool = False  # ... or its code after the total's label ("Gesamtwert / EUR")

    def d(self, value: date) -> str:
        style = self.date_style
        if style == "compact":  # SAP and EDI exports: year, month, day without separators
            return f"{value:%Y%m%d}"
        if style in ("ko", "hu") or style.endswith("_long") and style.split("_")[0] in f.TRADE_MONTHS:
            return f.trade_date(value, style)
        return ff.fmt_date(value, style)

    def field_pairs(self) -> list[tuple[str, str]]:
        po = self.po
        pairs = [(self.labels["po"], po.number)]
        if self.revision_no:
            pairs.append((REVISION[self.lang], self.revision_no))
        pairs.append((self.labels["date"], self.d(po.po_date)))
        if po.delivery:
            pairs.append((self.labels["delivery"], self.d(po.delivery)))
        if not self.sign_total:
            pairs.append((self.labels["currency"], po.currency))
        if po.incoterms:
            pairs.append((self.labels["incoterms"], po.incoterms))
        if po.payment:
            pairs.append((self.labels["payment"], po.payment))
        return pairs

    def sum_rows(self) -> list[tuple[str, str]]:
        sub, tax, total = self.sums
        rate = self.n(Decimal(TAX[self.lang]) * 100)
        grand = self.n(self.po.total or 0)
        if self.code_in_label:
            total = f"{total} / {self.po.currency}"
        elif self.sign_total:
            grand = SIGN[self.lang].format(grand)
        return [(sub, self.n(self.subtotal)), (f"{tax} {rate}%", self.n(self.tax)), (total, grand)]

    def distractors(self) -> list[tuple[str, str]]:
        return [(PAGE[self.lang], "1/1"), TAX_ID[self.lang], (VENDOR[self.lang], "200417")]


def _q(value: Decimal, currency: str) -> Decimal:
    whole = currency in ("KRW", "JPY", "HUF")
    return value.quantize(Decimal("1") if whole else Decimal("0.01"), rounding=ROUND_HALF_UP)


def _number(name: str, lang: str, default: str) -> str:
    """PO numbers as these buyers' systems print them."""
    rng = f.rng_for(name + "#")
    return {
        "cs": f"{rng.randrange(2610000, 2619999)}",
        "tr": f"SAS-2026-{rng.randrange(1000, 9999)}",
        "ko": f"PO-{rng.randrange(261100, 261199)}-{rng.randrange(10, 99)}",
        "en": f"{rng.randrange(4500100000, 4500199999)}",
        "hu": f"R{rng.randrange(26000, 26999)}/2026",
        "ro": f"CMD-{rng.randrange(10000, 99999)}",
    }.get(lang, default)


def make_page(name: str, lang: str, index: int, *, sign_total: bool = False) -> ApartPage:
    """The ground truth of one document and how it prints it."""
    rng = f.rng_for(name)
    party = BUYERS[lang]
    n = 2 + rng.randrange(3)
    po = f.make_trade_po(name, party, n) if lang in TRADE else f.make_po(name, party, n, payment=True)
    po.number = _number(name, lang, po.number)
    po.payment = rng.choice(PAYMENT[lang])
    po.incoterms = INCOTERMS[lang] if rng.random() < 0.5 else None
    labels = {key: rng.choice(words) for key, words in LABELS[lang].items()}
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    tax = _q(sub * Decimal(TAX[lang]), po.currency)
    po.total = sub + tax
    return ApartPage(
        po,
        lang,
        variant=index,
        dates=rng.choice(DATE_STYLES[lang]),
        currency_field=not sign_total,
        labels=labels,
        sums=rng.choice(SUMS[lang]),
        tax=tax,
        subtotal=sub,
        revision_no=str(1 + rng.randrange(3)) if rng.random() < 0.4 else "",
        sign_total=sign_total,
        code_in_label=sign_total and index % 2 == 1,
        extra={"labels": SHORT_HEADS.get(lang, {})},
    )


# --------------------------------------------------------------------------- reportlab layouts


def _canvas(path: Path, page: ApartPage) -> f.Canvas:
    cv = f.Canvas(path, page, letter=page.lang == "en")
    if page.lang == "ko":  # Hangul is in the CJK font
        cv.cjk = True
    return cv


def _letterhead(cv: f.Canvas, page: ApartPage, x: float, y: float) -> float:
    cv.text(x, y, page.po.buyer.name, 12.5, True)
    for line in [*page.po.buyer.address, PHONE[page.lang]]:
        y -= 11
        cv.text(x, y, line, 8.5)
    return y - 16


def _sums(cv: f.Canvas, page: ApartPage, x_right: float, y: float) -> None:
    for label, value in page.sum_rows():
        bold = label.startswith(page.sums[2])
        cv.text(x_right - 110, y, label, 9, bold, "r")
        cv.text(x_right, y, value, 9, bold, "r")
        y -= 13


def _supplier(cv: f.Canvas, page: ApartPage, x: float, y: float, *, ship_to: bool) -> float:
    f.rl_block(cv, page.lab("supplier"), page.supplier_lines(), x, y)
    if ship_to:
        f.rl_block(cv, SHIP_TO[page.lang], FORWARDER, x + 270, y)
    return y - 62


def pdf_columns(path: Path, page: ApartPage) -> None:
    """A label column and a value column far to its right, numbers that are not the PO beside."""
    cv = _canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    y = _letterhead(cv, page, m, H - 48)
    cv.text(W - m, H - 48, page.lab("title"), 15, True, "r")
    top = y
    for label, value in page.field_pairs():
        cv.text(m, y, label, 8.5)
        cv.text(m + 150, y, value, 9, True)
        y -= 13
    yr = top
    for label, value in page.distractors():
        cv.text(W / 2 + 40, yr, label, 8.5)
        cv.text(W / 2 + 150, yr, value, 8.5)
        yr -= 13
    y = _supplier(cv, page, m, min(y, yr) - 12, ship_to=page.variant % 2 == 1)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=False, header_fill=0.9)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_same_box(path: Path, page: ApartPage) -> None:
    """Ruled boxes three a row: a small label at the top of each, its value under it in the box."""
    cv = _canvas(path, page)
    W, H, m = cv.W, cv.H, 36
    y = _letterhead(cv, page, m, H - 48)
    cv.text(W - m, H - 48, page.lab("title"), 15, True, "r")
    pairs = page.field_pairs()
    pairs.insert(2, page.distractors()[1])
    col = (W - 2 * m) / 3
    for i in range(0, len(pairs), 3):
        for k, (label, value) in enumerate(pairs[i : i + 3]):
            x = m + k * col
            cv.box(x, y - 26, col, 30)
            cv.text(x + 3, y - 5, label, 6.5)
            cv.text(x + 3, y - 19, value, 9.5, True)
        y -= 30
    y = _supplier(cv, page, m, y - 20, ship_to=page.variant % 2 == 0)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=True)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_band_combined(path: Path, page: ApartPage) -> None:
    """A band of boxed labels over their values right above the lines table; the number and date
    under one combined label."""
    cv = _canvas(path, page)
    W, H, m = cv.W, cv.H, 36
    po = page.po
    _letterhead(cv, page, m, H - 48)
    cv.text(W - m, H - 48, page.lab("title"), 15, True, "r")
    cv.text(W - m, H - 62, f"{PAGE[page.lang]} 1/1", 8, align="r")
    y = _supplier(cv, page, m, H - 150, ship_to=False)
    number = f"{po.number} / {page.d(po.po_date)}"
    band = [(page.labels["combined"], number), (VENDOR[page.lang], "200417")]
    band += [
        (label, value) for label, value in page.field_pairs() if label not in (page.labels["po"], page.labels["date"])
    ]
    # each box as wide as its widest text, the page's width shared out by that
    need = [max(cv.width(label, 6.5), cv.width(value, 7.5)) + 8 for label, value in band]
    spare = (W - 2 * m - sum(need)) / len(band)
    x = m
    for (label, value), w in zip(band, need):
        bw = w + spare
        cv.box(x, y, bw, 13, fill=0.85)
        cv.box(x, y - 15, bw, 15)
        cv.text(x + 3, y + 4, label, 6.5, True)
        cv.text(x + 3, y - 10, value, 7.5)
        x += bw
    y = f.rl_table(cv, page, m, y - 30, W - 2 * m, grid=True, header_fill=0.8)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_right_block(path: Path, page: ApartPage) -> None:
    """The header at the top right, labels flush right against their values; the currency only on
    the total's line; a ship-to block naming a forwarder."""
    cv = _canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    if page.variant % 2:  # no letterhead: the buyer only in its invoice block
        y = f.rl_block(cv, BILL_TO[page.lang], [page.po.buyer.name, *page.po.buyer.address], m, H - 70)
    else:
        y = _letterhead(cv, page, m, H - 70)
    cv.text(m, H - 44, page.lab("title"), 16, True)
    pairs = [*page.field_pairs(), page.distractors()[0], page.distractors()[2]]
    yr = H - 70
    for label, value in pairs:
        cv.text(W - m - 118, yr, f"{label}:", 8.5, True, "r")
        cv.text(W - m - 112, yr, value, 8.5)
        yr -= 12
    y = _supplier(cv, page, m, min(y, yr) - 14, ship_to=True)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=page.variant % 2 == 0)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def docx_cell(path: Path, page: ApartPage) -> None:
    """A Word order: the header as a table whose cells each hold a label and, under it, its value."""
    from docx import Document
    from docx.shared import Pt

    po = page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    run = d.add_paragraph().add_run(po.buyer.name)
    run.bold = True
    run.font.size = Pt(14)
    d.add_paragraph("\n".join([*po.buyer.address, PHONE[page.lang]]))
    d.add_heading(page.lab("title"), level=1)
    pairs = [*page.field_pairs(), page.distractors()[1]]
    while len(pairs) % 3:
        pairs.append(page.distractors()[2] if len(pairs) % 3 == 2 else page.distractors()[0])
    table = d.add_table(rows=len(pairs) // 3, cols=3)
    table.style = "Table Grid"
    for k, (label, value) in enumerate(pairs):
        cell = table.rows[k // 3].cells[k % 3]
        cell.text = label
        cell.add_paragraph().add_run(value).bold = True
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for c, (_, label) in zip(t.rows[0].cells, cols):
        c.text = label
    for r in page.rows():
        for c, v in zip(t.add_row().cells, r):
            c.text = v
    sums = d.add_table(rows=0, cols=2)
    for label, value in page.sum_rows():
        cells = sums.add_row().cells
        cells[0].text = label
        cells[1].text = value
    d.save(str(path))
    g.normalize_zip(path)


def xlsx_apart(path: Path, page: ApartPage) -> None:
    """openpyxl: labels in column A with their values two columns on (B and C merged, the value in
    the merged cell, or under it on the next row for the dates), numbers that are not the PO in a
    block at the right, sums with their labels at the table's right edge."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    po = page.po
    wb = Workbook()
    ws = wb.active
    ws.title = page.lab("title")[:30]
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ", ".join([*po.buyer.address, PHONE[page.lang]])
    ws["F1"] = page.lab("title")
    ws["F1"].font = Font(bold=True, size=13)
    r = 4
    for label, value in page.field_pairs():
        ws.cell(row=r, column=1, value=label).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        ws.cell(row=r, column=2, value=value)
        r += 1
    for k, (label, value) in enumerate(page.distractors()):
        ws.cell(row=4 + k, column=6, value=label)
        ws.cell(row=4 + k, column=7, value=value)
    r += 1
    ws.cell(row=r, column=1, value=page.lab("supplier")).font = Font(bold=True)
    ws.cell(row=r + 1, column=1, value=f.OUR)
    r += 3
    cols = page.columns()
    for j, (_, label) in enumerate(cols, 1):
        ws.cell(row=r, column=j, value=label).font = Font(bold=True)
    for i, ln in enumerate(po.lines, 1):
        for j, (k, _) in enumerate(cols, 1):
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "qty": ln.qty, "unit": ln.unit}.get(k)
            if k in ("price", "amount"):
                value = ln.price if k == "price" else ln.amount
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            cell = ws.cell(row=r + i, column=j, value=value)
            if isinstance(value, float):
                cell.number_format = "#,##0.00##"
    r += len(po.lines) + 2
    for label, value in page.sum_rows():
        ws.cell(row=r, column=len(cols) - 1, value=label)
        ws.cell(row=r, column=len(cols), value=value)
        r += 1
    for column, width in zip("ABCDEFGH", (22, 16, 16, 30, 10, 16, 16, 16)):
        ws.column_dimensions[column].width = width
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


RENDERERS = [
    ("apart-columns", "reportlab", pdf_columns),
    ("apart-same-box", "reportlab", pdf_same_box),
    ("apart-band-combined", "reportlab", pdf_band_combined),
    ("apart-right-block", "reportlab", pdf_right_block),
]


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, page: ApartPage, producer: str, family: str) -> None:
        expected: dict[str, Any] = page.golden()
        fmt = rel.split("/")[0]
        expected = {**expected, "format": fmt, "language": page.lang, "producer": producer, "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", expected))

    for li, lang in enumerate(LANGS):
        for k, (family, producer, render) in enumerate(RENDERERS):
            name = f"{lang}-{family}"
            page = make_page(name, lang, li + k, sign_total=family == "apart-right-block")
            render(b.path(f"{f.WIDE}/pdf/{name}.pdf"), page)
            add(f"pdf/{name}.pdf", page, producer, family)
        name = f"{lang}-apart-docx-cell"
        page = make_page(name, lang, li)
        docx_cell(b.path(f"{f.WIDE}/docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page, "python-docx", "apart-docx-cell")
        name = f"{lang}-apart-sheet"
        page = make_page(name, lang, li + 1)
        xlsx_apart(b.path(f"{f.WIDE}/xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page, "openpyxl", "apart-sheet")
