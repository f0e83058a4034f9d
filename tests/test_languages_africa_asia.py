"""Somali, Zulu, Yoruba, Hausa, Pashto, Sinhala and Lao have their language files: their titles
say what a document is, their labels tell the document's language, and a Lao company's legal
form is found whichever way its vowel is encoded."""

from __future__ import annotations

import pytest

from mailflow.extract.classify import document_title
from mailflow.extract.languages import document_languages
from mailflow.extract.parties import _has_legal_form, _legal_forms
from mailflow.extract.vocabulary import Vocabulary

VOCAB = Vocabulary.bundled()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("DALABKA IIBSIGA\nLambarka Dalabka: SO-1", "purchase_order"),
        ("Qaansheeg 2291", "invoice"),
        ("I-ODA YOKUTHENGA\nInombolo ye-oda: ZU-1", "purchase_order"),
        ("I-invoyisi 2291", "invoice"),
        ("ÀṢẸ RÍRÀ\nNọ́mbà Àṣẹ: YO-1", "purchase_order"),
        ("ODAR SIYAYYA\nLambar Oda: HA-1", "purchase_order"),
        ("Ƙiyasin farashi 2291", "quotation"),
        ("د پېرود امر\nد امر شمېره: PS-1", "purchase_order"),
        ("මිලදී ගැනීමේ ඇණවුම\nඇණවුම් අංකය: SI-1", "purchase_order"),
        ("ໃບສັ່ງຊື້\nເລກທີໃບສັ່ງຊື້: LO-1", "purchase_order"),
        ("ໃບສະເໜີລາຄາ 2291", "quotation"),
    ],
)
def test_titles_of_the_new_languages(text, kind):
    assert document_title(text, VOCAB).kind == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lambarka Dalabka  Taariikhda Gaarsiinta  Shuruudaha Lacag Bixinta", "so"),
        ("Inombolo ye-oda  Usuku lokulethwa  Imigomo yokukhokha", "zu"),
        ("Lambar Oda  Ranar Isarwa  Sharuɗɗan Biya", "ha"),
        ("ඇණවුම් අංකය  බෙදාහැරීමේ දිනය  ගෙවීම් කොන්දේසි", "si"),
    ],
)
def test_their_labels_tell_the_documents_language(text, language):
    assert language in document_languages(text)


def test_a_lao_legal_form_is_found_in_either_encoding_of_its_vowel():
    legal = _legal_forms(VOCAB)
    composed = "ບໍລິສັດ ວຽງຈັນ ເຄື່ອງຈັກ ຈຳກັດ"  # AM as one sign (U+0EB3)
    assert _has_legal_form(composed, legal)
    assert _has_legal_form(composed.replace("\u0eb3", "\u0ecd\u0eb2"), legal)
    assert not _has_legal_form("ວຽງຈັນ ເຄື່ອງຈັກ", legal)
