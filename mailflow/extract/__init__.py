"""Classification and extraction: a ``Message`` (or one file) → ``ParseResult``.

Contract
    ``parse_message(message, ctx) -> ParseResult`` is pure (no files, no clock: ``ctx.today``)
    and never raises for bad attachments: a corrupt, encrypted or scanned file becomes a warning
    and ``needs_review``; the message is still classified and whatever else it holds is read.
    (Even a message whose every attachment is unreadable is usable — a person reads it from
    the review list — so extraction has no error of its own.)
    ``parse_file(path, ctx) -> ParseResult``: an .eml through ``mailflow.message.parse``, or a
    single .pdf .xlsx .xls .ods .docx .odt .csv .txt .html as if it came attached to an empty message.

Steps
    0. a forwarded mail is made the message's content (``quoted.unfold``); a reply that speaks of
       an order but holds none, or a forward whose first mail holds none, gets the earlier mail
       of its thread that holds one as its content (``_thread_order``: never ours, never one
       that calls itself something else, never an order we have); an order read only from a reply's
       quote is flagged for review: we have no record of that mail, and the reply may have edited it;
    1. inbox rules: ``rules.match``; two matching rules → warning + review, neither applied;
    2. ``classify`` (headers, subject, body, attachment names);
    3. for a purchase order (or a message not yet classified): read the candidate attachments
       (the readers of ``mailflow/formats.py``, ranked: PO-like names first; drawings, T&Cs, logos and inline images
       never), and the body (HTML tables, aligned text, prose); keep the reading with the most
       order in it, fill header fields it lacks from the body and the subject;
    4. the rule's field patterns override; the customer is chosen (rule, buyer label, company
       names) and is never our own company;
    5. ``plausibility.check`` → warnings, confidence, ``needs_review``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields as dc_fields, replace
from pathlib import Path
from typing import Callable, Iterable

from bs4 import BeautifulSoup

from .. import formats, plausibility
from ..cleantext import clean_values, visible, visible_html
from ..config import Company, Limits
from ..errors import LimitExceeded
from ..message import parse as parse_mime
from ..message.hidden import HIDDEN_NOTE, unseen_note
from ..message.names import BLOCKED, BLOCKED_NOTE
from ..timelimit import expired as time_limit_expired
from ..model import Attachment, Message, ParsedOrder, ParseResult
from ..inbox_rules import Rule, match as match_rules
from ..message.sniff import sniff
from . import body, classify as classifying, csv, digits, html, inflate, parties, quoted, shape
from .document import Document, grid_lines
from .confusables import look_alike_numbers
from .doubts import doubts
from .fields import convert, is_company
from .hints import rule_hints, ships_on_receipt, unread_values
from .interpret import Reading, interpret
from .normalize import date_order_of, decimal_comma_of, find_date
from .tables import Options
from .vocabulary import Vocabulary, norm

__all__ = ["ParseContext", "parse_message", "parse_file", "read_attachment", "reader_of"]

# A PO number in the subject: "Purchase Order NW-4411", "采购订单 HQ20261118-07".
_SUBJECT_PO = re.compile(
    r"(?:\bP\.?\s?O\b\.?|purchase\s+order|bestellung|订单|采购单)\s*(?:no\.?|number|#|号)?\s*[:：#]?\s*"
    r"((?=[A-Za-z0-9\-_/]*\d)[A-Za-z0-9][A-Za-z0-9\-_/]{2,30}[A-Za-z0-9])",
    re.I,
)


@dataclass
class ParseContext:
    rules: list[Rule] = field(default_factory=list)
    company: Company = field(default_factory=Company)
    known_po: Callable[[str], bool] = lambda po: False
    today: dt.date | None = None
    limits: Limits | None = None
    vocabulary: Vocabulary | None = None  # default: the bundled one
    # The customer master (sender address → the customer's name, or None): plugged in by the
    # pipeline; none by default. A known sender is never dropped and names the customer.
    customer_of: Callable[[str], str | None] | None = None

    def our_names(self) -> list[str]:
        return [n for n in (self.company.name, self.company.name_zh, *self.company.aliases) if n]


def reader_of(attachment: Attachment) -> formats.Reader | None:
    """The format that reads an attachment: its sniffed content decides, its extension only
    breaks ties (``formats.reader_for``). An image is read (by OCR) only when OCR is installed
    and it is big enough to be a page."""
    return formats.reader_for(attachment.content_type, attachment.extension, attachment.size)


def type_of(attachment: Attachment) -> str | None:
    """The content type of the reader an attachment goes to, or None when nothing reads it."""
    record = reader_of(attachment)
    return record.content_type if record is not None else None


def read_attachment(attachment: Attachment, vocab: Vocabulary, limits: Limits | None = None) -> Document:
    """One attachment as a ``Document``; any failure inside a reader becomes a warning.

    Except a limit: an attachment that would inflate past ``limits`` is not read at all
    (``inflate.check``), and running out of time or memory inside a reader — which readers
    catch like any other error — is raised again here, so the message is quarantined with the
    reason instead of the next attachment running on without a limit."""
    record = reader_of(attachment)
    name = attachment.filename
    if record is None:
        return Document(name, unreadable=True, warnings=[f"{name}: no reader for {attachment.content_type}"])
    inflate.check(record.content_type, attachment.data, name, limits)
    try:
        doc = record.reader()(attachment.data, name, vocab)
    except (LimitExceeded, MemoryError):
        raise
    except Exception as exc:  # a reader bug or a hostile file: this attachment only
        doc = Document(name, unreadable=True, warnings=[f"{name}: cannot be read ({type(exc).__name__}: {exc})"])
    time_limit_expired()
    if doc.unreadable and any("MemoryError" in w for w in doc.warnings):
        raise MemoryError(f"{name}: the reader ran out of memory")
    return digits.plain_document(doc)  # Arabic-Indic and Persian digits, as in a mail's body


def _rank(attachment: Attachment, vocab: Vocabulary) -> int | None:
    """How likely the attachment is the PO; None for never (logos, drawings, T&Cs, images)."""
    record = reader_of(attachment)
    if attachment.inline or record is None:
        return None
    name = (attachment.original_filename or attachment.filename).lower()
    stem = re.sub(r"\.[a-z0-9]+$", "", name)
    words = set(re.split(r"[^a-z0-9\u4e00-\u9fff&]+", stem))
    score = record.rank
    if any((cue in words) if cue.isascii() else (cue in stem) for cue in vocab.not_orders):
        return None
    if any((cue in words or stem.startswith(cue)) if cue.isascii() else (cue in stem) for cue in vocab.order_names):
        score += 5
    return score


def _scanned_images(message: Message) -> list[str]:
    return [
        a.filename
        for a in message.attachments
        if not a.inline and a.content_type.startswith("image/") and formats.scanned_page(a.content_type, a.size)
    ]


# --------------------------------------------------------------------------- the message


def parse_message(message: Message, ctx: ParseContext) -> ParseResult:
    base_vocab = ctx.vocabulary or Vocabulary.bundled()
    result = ParseResult()
    warnings: list[str] = []
    # a part whose declared charset read as mojibake, read in another: said in a note
    result.explain.extend(w for w in message.warnings if "mojibake" in w)
    # a zero-width space inside "PO-44\u200b11" would cut the number; inside a name, make it another
    html_text = visible_html(message.html) if message.html else message.html
    message = replace(message, subject=visible(message.subject), text=visible(message.text), html=html_text)
    unfolded, forward = quoted.unfold(message, ctx.company.domains)
    from_quote = False  # the order is read from an earlier mail a reply quotes, and from nothing else
    reads = BodyReads()
    if forward is None or not _holds_lines(forward.text, ctx, base_vocab, message):
        # a reply over the order it asks about; a forward of a thread whose order is further down
        deeper = _thread_order(message, ctx, base_vocab, reads, forwarded=forward is not None)
        from_quote = deeper[1] is not None and forward is None
        unfolded, forward = deeper if deeper[1] is not None else (unfolded, forward)
    message = unfolded
    message, opened, unopened = inflate.unpack(message, ctx.limits)  # an order sent inside a .zip
    result.explain.extend(opened)
    warnings.extend(unopened)
    # Arabic-Indic digits and direction marks of a right-to-left mail: every reader sees plain numbers
    html_text = digits.plain(message.html) if message.html else message.html
    message = replace(message, subject=digits.plain(message.subject), text=digits.plain(message.text), html=html_text)
    matched = match_rules(ctx.rules, message)
    if not matched and forward and forward.from_addr:
        # a colleague forwarded the customer's mail: the customer's rule applies
        matched = match_rules(ctx.rules, replace(message, from_addr=forward.from_addr, reply_to=None))
    rule: Rule | None = None
    if len(matched) > 1:
        names = ", ".join(f"{r.name} ({r.source_file or 'rule'})" for r in matched)
        warnings.append(f"several inbox rules match this message: {names}; none was applied — make them exclusive")
    elif matched:
        rule = matched[0]
        result.rule = rule.name
        result.explain.append(f"rule: {rule.name}" + (f" ({rule.source_file})" if rule.source_file else ""))
    else:
        result.explain.append("rule: none matched (generic extraction)")
    vocab = base_vocab.extended(rule.columns, rule.labels) if rule else base_vocab
    if forward:
        who = " ".join(p for p in (forward.from_name, f"<{forward.from_addr}>" if forward.from_addr else "") if p)
        said = "quoted: the order is the earlier mail" if forward.quoted else "forwarded: the original mail is"
        result.explain.append(f"{said} from {who or 'an unnamed sender'}  ← {forward.how}")

    found = classifying.classify(message, vocab, ctx.known_po, forced_kind=rule.kind if rule else None)
    result.explain.extend(found.reasons)
    warnings.extend(found.doubts)
    result.kind = found.kind
    result.references = list(found.references)
    result.customer_email = _customer_email(message, ctx.company, forward)

    sample = f"{message.subject}\n{message.text}"
    language = rule.language if rule and rule.language else None
    opts = Options(
        decimal_comma=decimal_comma_of(rule.locale) if rule else None,
        date_order=(rule.date_order or date_order_of(rule.locale)) if rule else None,
        today=ctx.today,
        currency_hint=_currency_hint(rule),
    )

    candidates: list[Candidate] = []
    certainly_not = None  # why this message is certainly not an order (never raised as one)
    if rule and rule.action == "ignore":
        result.kind = "other" if not rule.kind else rule.kind
        result.explain.append(f"action: ignore (rule {rule.name})")
        certainly_not = f"the inbox rule {rule.name} ignores it"
    elif found.kind != "auto_reply":
        if not (found.kind in classifying.OTHER_KINDS and found.about_known_order):
            # a payment advice's bank slip is not worth an OCR pass to look for an order title
            candidates = _read_candidates(
                message, vocab, images=found.kind not in classifying.OTHER_KINDS, limits=ctx.limits
            )
        certainly_not = _decide_kind(message, vocab, found, candidates, rule, result, warnings)
        if found.kind == "purchase_order" or (found.kind == "other" and not certainly_not):
            sample += _extract_order(
                message, ctx, rule, vocab, opts, found, candidates, result, warnings, forward, reads
            )
            if from_quote and forward is not None and result.order is not None and result.order.lines:
                # we have no record of that mail: it never reached us, or the reply changed the quote
                warnings.append(
                    f"{QUOTED_ONLY} ({_quoted_mail_named(forward)}): a person checks it against the original"
                )
    if result.kind == "other" and not certainly_not and not result.warnings:
        possible = _possible_order(message, ctx, found, candidates, forward, vocab)
        if possible:
            warnings.append(f"possible order, not recognised: {possible}")
            result.explain.append(f"needs review  ← possible order, not recognised: {possible}")
            if result.source is None:
                result.source = next((c.doc.name for c in candidates), None)
    elif (
        result.kind in classifying.OTHER_KINDS
        and not rule
        and not found.about_known_order
        and (
            _changes_an_unknown_order(result.kind, found.references, ctx)
            or not classifying.cue_hits(message.subject or "", vocab.kinds[result.kind])
        )
        and not classifying.positively_other(message, ctx.company.domains, forwarded=forward is not None)
    ):
        # only words of the body ("Prüfung", "контроль качества") made it an inspection reply or a
        # payment: with a table of items priced out in it, it may be an order all the same. A
        # change to an order we have no record of that prices out its items is the revised order
        # itself ("Änderung 3", "Change Order No. 2"), whatever its subject says: a person decides.
        table = _order_shape(
            message, candidates, documents=_changes_an_unknown_order(result.kind, found.references, ctx)
        )
        if table:
            said = f"the mail's words call it {classifying.a_kind(result.kind)}, but it holds {table}"
            warnings.append(f"possible order, not recognised: {said}")
            result.explain.append(f"needs review  ← possible order, not recognised: {said}")

    result.language = language or classifying.detect_language(sample)
    if rule and rule.action == "review":
        warnings.append(f"the inbox rule {rule.name} asks for every message to be reviewed")
    if result.order is not None and result.order.po_number and result.order.po_number not in result.references:
        result.references.insert(0, result.order.po_number)
    if result.order is not None:  # a number the mail hides from its reader, a file that runs code
        warnings.extend(w for w in message.warnings if w.startswith((HIDDEN_NOTE, BLOCKED_NOTE)))
        if _read_from(message.unseen_numbers, result.order):
            warnings.append(unseen_note(message.unseen_numbers))
    result.warnings = list(dict.fromkeys(warnings))
    result.needs_review = any(not w.startswith(COMPUTED) for w in result.warnings)
    if result.kind != "purchase_order":
        result.confidence = _kind_confidence(found, result.kind)
        if result.warnings:
            result.confidence = min(result.confidence, 0.5)
    if result.references:
        result.explain.append(f"references = {', '.join(result.references)}")
    result.explain.append(f"language = {result.language}")
    result.explain.append(f"confidence = {result.confidence}" + ("  (needs review)" if result.needs_review else ""))
    return clean_values(result)  # no control character reaches the store, tracker or documents


def _extract_order(
    message: Message,
    ctx: ParseContext,
    rule: Rule | None,
    vocab: Vocabulary,
    opts: Options,
    found: classifying.Classification,
    candidates: list["Candidate"],
    result: ParseResult,
    warnings: list[str],
    forward: quoted.Forward | None = None,
    reads: "BodyReads | None" = None,
) -> str:
    """Fill ``result.order``; return the document text read (for language detection)."""
    if opts.currency_hint is None and classifying.detect_language(f"{message.subject}\n{message.text}") == "zh":
        opts.currency_hint = "zh"
    readings: list[tuple[Reading, Document]] = []
    unreadable: list[Document] = []
    titled_po = any(c.title.kind == "purchase_order" for c in candidates)
    for candidate in candidates:
        doc = candidate.doc
        if candidate.title and candidate.title.kind != "purchase_order":
            result.explain.append(f"{doc.name} is not read as an order: its title says {candidate.title.kind}")
            continue
        if candidate.rank == _NOT_BY_NAME:
            continue
        if doc.unreadable:
            unreadable.append(doc)
            continue
        if opts.currency_hint is None and classifying.detect_language(doc.all_text()[:4000]) == "zh":
            opts.currency_hint = "zh"
        reading = interpret(doc, vocab, opts, (message.subject or "",))
        readings.append((reading, doc))
        if doc.ocr and not reading.has_lines:
            # OCR read words but no order lines: the scan may still be the order, for a person
            doc.warnings.append(f"{doc.name}: no order lines could be read from the scan: it must be read by a person")
            unreadable.append(doc)
    body_reading, body_doc = (reads or BodyReads()).read(message, vocab, opts)

    with_lines = [(r, d) for r, d in readings if r.has_lines]
    if with_lines:
        reading, doc = max(with_lines, key=lambda rd: rd[0].substance)
        others = [(r, d) for r, d in with_lines if d is not doc and r.order.po_number != reading.order.po_number]
        if others:
            names = ", ".join(f"{d.name} (PO {r.order.po_number or '?'})" for r, d in others)
            warnings.append(f"more than one purchase order in this message: only {doc.name} was read; also {names}")
    elif body_reading.has_lines:
        reading, doc = body_reading, body_doc
    elif readings:
        reading, doc = max(readings, key=lambda rd: rd[0].substance)
    else:
        reading, doc = body_reading, body_doc
    for bad in unreadable:
        warnings.extend(bad.warnings)
    for name in _scanned_images(message):
        if found.kind == "purchase_order" and not reading.has_lines:
            warnings.append(f"{name}: an image (perhaps a scanned PO): it must be read by a person")
    warnings.extend(doc.warnings)

    order = reading.order
    if not reading.has_lines and found.kind == "other" and unreadable:
        # A scan or a broken file with nothing around it saying what it is: it may be the
        # order, so a person looks (kind "other" would be filed away unseen).
        result.kind = "purchase_order"
        warnings.append("nothing readable says what this message is; the unreadable attachment may be an order")
        result.explain.append("kind = purchase_order  ← an unreadable attachment, possibly an order")
    elif not reading.has_lines and found.kind == "other":
        result.explain.append("no order lines found: not a purchase order")
        return doc.all_text()[:4000]
    replying = bool(message.in_reply_to or classifying.REPLY_PREFIX.match(message.subject or ""))
    if not reading.has_lines and replying and not unreadable and not _scanned_images(message) and not titled_po:
        # "Re: Purchase order NW-4411 — thanks, noted": about an order, not one
        result.kind = "other"
        result.explain.append("kind = other  ← a reply that mentions an order but carries none")
        return doc.all_text()[:4000]
    if found.kind == "other":
        result.kind = "purchase_order"
        result.explain.append(f"kind = purchase_order  ← order lines found in {doc.name}")
        if (
            found.scores.get("purchase_order", 0) == 0
            and reading.line_sources
            and all("prose" in w for w in reading.line_sources)
        ):
            # A sentence naming parts and quantities is not always an order (an enquiry, a
            # shipping note): with no order wording anywhere, a person confirms it.
            warnings.append(
                "read as a purchase order from sentences naming parts and quantities, but nothing calls it an order"
            )
        elif (title := _title_of(doc, vocab)) and title.kind != "purchase_order":
            # "QUOTATION No. QUO-81446" over a lines table: lines do not make it an order
            warnings.append(
                f"read as a purchase order from its lines, but it calls itself {classifying.a_kind(title.kind)}"
                f" ({title.where})"
            )
        elif found.scores.get("purchase_order", 0) == 0 and (
            theirs := classifying.names_their_order(doc.all_text(), reading.order.po_number or "")
        ):
            # "Your PO: 4500012817" over a priced table, and no title we know: a confirmation,
            # delivery note or invoice answering that order looks just like this
            warnings.append(
                f"read as a purchase order from its lines, but it names the order as its reader's ('{theirs}'):"
                " a person confirms it is an order"
            )
        elif found.scores.get("purchase_order", 0) == 0 and reading.has_lines and not reading.order.po_number:
            # A table of items with prices is also what invoices, quotations and delivery
            # notes are made of: with nothing calling it an order nor a PO number, a person
            # confirms it.
            warnings.append(
                f"read as a purchase order from the lines table in {doc.name}, but nothing calls it an order"
            )
    if found.kind == "purchase_order" and doc is not body_doc:
        title = _title_of(doc, vocab)
        if title and title.kind != "purchase_order":
            # read because its only title was a numbered line ("Quotation No.: Q-2231"), which an
            # order may print too: a person confirms which one it is
            warnings.append(
                f"read as a purchase order, but it also calls itself {classifying.a_kind(title.kind)} ({title.where})"
            )
    # only an order's title alone on its line beats a forecast's ("PO No 4711" is also a label)
    if (found.kind == "purchase_order" or result.kind == "purchase_order") and not any(
        c.title.kind == "purchase_order" and c.title.standalone for c in candidates
    ):
        forecast = _forecast_named(message, doc, vocab)
        if forecast:  # planned quantities read as ordered ones would be made and billed: a person says
            warnings.append(f"read as a purchase order, but {forecast}: a forecast is not an order; a person confirms")
    if doc is not body_doc:
        result.source = doc.name
    else:  # nothing read anywhere: the file a person must read, else the body
        result.source = unreadable[0].name if unreadable and not reading.has_lines else "body"
    result.explain.append(f"extractor: {_extractor_name(doc, message)} ({result.source})")
    if doc.ocr:
        result.explain.append("OCR: every value below was read from an image and is flagged for review")
        result.explain.extend(f"OCR: {note}" for note in doc.ocr_notes)
    result.explain.extend(doc.notes)
    result.explain.extend(reading.explain)
    warnings.extend(reading.warnings)
    warnings.extend(reading.review)
    warnings.extend(_ocr_values(doc, reading))

    if doc is not body_doc:  # header fields the attachment lacks may be in the email text
        filled = _fillable(order, body_reading.order)
        for name, value in filled:
            setattr(order, name, value)
            result.explain.append(f"{name} = {value!r}  ← email body")
        warnings.extend(r for r in body_reading.review if any(r.startswith(f"{n}:") for n, _ in filled))
    sent = forward.sent if forward is not None else ""
    parsed = find_date(sent, ctx.today) if sent else None
    original_day = parsed.value if parsed is not None and not parsed.ambiguous else None
    if doc is body_doc and order.po_date is None and reading.has_lines and original_day is not None:
        order.po_date = original_day  # a forwarded order was written the day its original was sent
        result.explain.append(
            f"po_date = {order.po_date.isoformat()!r}  ← the forwarded mail's date line ({sent[:40]!r})"
        )
    elif doc is body_doc and order.po_date is None and reading.has_lines and message.date is not None:
        order.po_date = message.date.date()  # the sender's own calendar day, as the header writes it
        result.explain.append(
            f"po_date = {order.po_date.isoformat()!r}  ← the email's Date header (the body names no PO date)"
        )
    if not order.po_number:
        subject_po = _SUBJECT_PO.search(message.subject or "")
        if subject_po:
            order.po_number = subject_po.group(1)
            result.explain.append(f"po_number = {order.po_number!r}  ← subject")
            if any(body.SHAPED in w for w in warnings):  # an order in words no vocabulary knows
                warnings.append(
                    f"po_number: {order.po_number!r} read from the subject only ({(message.subject or '')[:60]!r}): "
                    "a person checks it"
                )
        elif reading.has_lines and (named := classifying.subject_po_number(message.subject or "", vocab)):
            # the document names none: the subject's number, in words no label reader knows, is asked about
            order.po_number = named
            result.explain.append(f"po_number = {named!r}  ← subject (its words alone)")
            warnings.append(
                f"po_number: {named!r} read from the subject only ({(message.subject or '')[:60]!r}): a person checks it"
            )
    if rule:
        _apply_patterns(rule, order, doc, message, opts, result, warnings)
    body_fields = [(body_reading, "the email")] if reading is not body_reading else []
    _choose_customer(
        order, [(reading, doc.name), *body_fields], doc, message, ctx, rule, result, warnings, vocab, forward, body_doc
    )
    disagreement = _subject_disagrees(message, order)
    if disagreement:
        warnings.append(disagreement)
    if order.currency is None and rule and rule.currency:
        order.currency = rule.currency
        result.explain.append(f"currency = {rule.currency!r}  ← rule {rule.name} default")

    if order.lines or order.po_number:
        result.order = order
        on_receipt = ships_on_receipt(message.text or "", order, (message.date.date(),) if message.date else ())
        if doc is body_doc and on_receipt:
            result.explain.append(f"delivery_date: none, and none needed: {on_receipt}")
        checks = plausibility.check(
            order,
            ctx.today,
            subtotal=reading.subtotal,
            adjustments=reading.adjustments,
            ships_on_receipt=doc is body_doc and bool(on_receipt),
            tax=reading.tax,
        )
        warnings.extend(checks)
        text = doc.all_text()  # a workbook's is joined from its grids: once, for the three checks
        warnings.extend(unread_values(order, reading.text_lines, vocab, opts, text))
        warnings.extend(look_alike_numbers(text, order))
        warnings.extend(doubts(text, order, ctx.today or (message.date.date() if message.date else None)))
        base = 0.85 if any("prose" in s for s in reading.line_sources) else 0.95
        result.confidence = plausibility.confidence(base, [w for w in warnings])
        warnings.extend(_computed_amounts(order, result))
    else:
        warnings.append("no purchase order could be read from this message")
        result.confidence = 0.1
    # for --explain: what an inbox rule would need to read what could not be read
    result.explain.extend(f"rule hint: {hint}" for hint in rule_hints(order, doc, reading.text_lines, vocab, opts))
    return doc.all_text()[:4000]


def _read_from(numbers: Iterable[str], order: ParsedOrder) -> bool:
    """Whether one of ``numbers`` (a plain text says them, the HTML does not: ``Message.unseen_numbers``)
    is one the order was read as, digit for digit: its PO number or one of its figures. A
    signature's phone number written differently in the two versions changes nothing taken."""
    figures = order.figures()
    spelt = [str(v) for v in figures] + [format(v.normalize(), "f") for v in figures]  # 20.390 as 20.39
    taken = {_digits_of(text) for text in [*spelt, order.po_number or ""]}
    return bool({_digits_of(n) for n in numbers} & taken - {""})


def _digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit()).lstrip("0")


QUOTED_ONLY = "the order was read only from an earlier mail quoted in this reply, and we have no record of that order"


def _quoted_mail_named(mail: quoted.Forward) -> str:
    """The quoted mail an order was read from, as a person finds it in the thread."""
    who = mail.from_addr or mail.from_name or "an unnamed sender"
    sent = mail.sent.strip()
    if not sent:
        return f"from {who}"
    # an attribution line ("On 18/11/2026 10:12, Dana Whitfield wrote:") or a date line's value
    return f"from {who}, under {sent[:80]!r}" if sent.endswith((":", "：")) else f"from {who}, sent {sent[:40]}"


def _holds_lines(text: str, ctx: ParseContext, vocab: Vocabulary, message: Message) -> bool:
    """Whether ``text`` (a forwarded mail's) holds order lines, or the message an attachment
    (then the attachment is what the forward passes on)."""
    if _has_document(message):
        return True
    sent = message.date.date() if message.date else None
    doc = body.from_text(text, "body", vocab, sent)
    return interpret(doc, vocab, Options(today=ctx.today), (message.subject or "",)).has_lines


def _has_document(message: Message) -> bool:
    """Whether the message carries a document of a kind we read (not an inline picture)."""
    return any(not a.inline and type_of(a) for a in message.attachments)


def _mail_top(message: Message) -> str:
    """The subject and the first lines of the mail's own text (quoted mail cut): where a mail
    typed as a document gives its title ("RECHNUNG No. …", "Forecast KW 49")."""
    return "\n".join([message.subject or "", *classifying.strip_quoted(message.text or "").splitlines()[:8]])


def _thread_order(
    message: Message, ctx: ParseContext, vocab: Vocabulary, reads: "BodyReads", forwarded: bool = False
) -> tuple[Message, quoted.Forward | None]:
    """A reply whose own words (or subject) speak of an order but hold none ("please see our order
    below and confirm the delivery date"), over an earlier mail of its thread that does: that
    mail is the order, read as a forwarded one is (``quoted.lift``; its sender is the customer).
    ``forwarded``: the message forwards a thread whose first mail holds no order ("please place
    the order below" over the buyer's order): the same, whatever its words. The quoted mails are
    looked at newest first, one level of quoting at a time: one sent by us (from our domain, or
    signed with our name: our confirmation, quotation or answer) is never the order, nor one that
    calls itself something else, nor one whose PO we have already (the reply is about it). A
    reply or note that asks to change or cancel it, or says it is paid, is about the order, not
    the order again; a message with a document attached is left as it is: the document is the
    order, or nothing is."""
    text = message.text or ""
    cut = quoted.reply_cut(text) if text.strip() else None
    if cut is None:
        return message, None
    if _has_document(message):
        return message, None
    own = f"{message.subject or ''}\n" + "\n".join(text.split("\n")[:cut])[:3000]
    if not forwarded and not classifying.cue_hits(own, vocab.kinds["purchase_order"]):
        return message, None  # "Danke, erhalten": the reply speaks of no order, it only answers one
    if any(classifying.cue_hits(own, vocab.kinds[kind]) for kind in classifying.OTHER_KINDS):
        return message, None  # "please change / cancel the order below", "paid": about it, not it
    opts = Options(today=ctx.today)
    subject = (message.subject or "",)
    if not forwarded and reads.read(message, vocab, opts)[0].has_lines:
        return message, None  # the reply holds its own order: the quoted one is older (read once, kept)
    ours = {d.lower().strip() for d in ctx.company.domains if d.strip()}
    names = ctx.our_names()
    sent = message.date.date() if message.date else None
    for mail in quoted.quoted_mails(text):
        if mail.from_addr and quoted.is_ours(quoted.domain_of(mail.from_addr), ours):
            continue
        signature = [line for line in mail.text.split("\n") if line.strip()][-8:]
        if any(is_company(line, names) for line in signature):
            continue  # signed with our name: our own mail, sent from an address we do not know as ours
        title = classifying.document_title(mail.text, vocab, "the quoted mail")
        if title and title.kind != "purchase_order" and not title.mentioned:
            continue
        reading = interpret(body.from_text(mail.text, "body", vocab, sent), vocab, opts, subject)
        if not reading.has_lines:
            continue
        po = reading.order.po_number
        if po and classifying._known(ctx.known_po, po):
            return message, None  # a reply about an order we have
        said = "the forwarded mail" if forwarded else "the reply's own text"
        how = f"{said} holds no order; the mail quoted under {mail.head!r} does"
        return quoted.lift(message, mail, how)
    return message, None


def _ocr_values(doc: Document, reading: Reading) -> list[str]:
    """A text PDF with scanned pages: every value taken from a page read by OCR is named for
    review (the text pages' values are exact; OCR's may hold a 5 read as S)."""
    if doc.ocr or not doc.ocr_pages:
        return []
    taken = [
        line.split("  ← ", 1)[0] for line in reading.explain if "  ← " in line and "(OCR)" in line.split("  ← ", 1)[1]
    ]
    if not taken:
        return []
    pages = ", ".join(map(str, doc.ocr_pages))
    shown = "; ".join(taken[:3]) + (f"; and {len(taken) - 3} more" if len(taken) > 3 else "")
    return [f"{doc.name}: values read by OCR from scanned page(s) {pages} must be checked against the scan ({shown})"]


@dataclass
class Candidate:
    """An attachment that may be the order, read, with the title it gives itself."""

    attachment: Attachment
    rank: int
    doc: Document
    title: classifying.Title


_NOT_BY_NAME = -100  # the rank of an attachment whose name says it is not the order


def _read_candidates(
    message: Message, vocab: Vocabulary, images: bool = True, limits: Limits | None = None
) -> list[Candidate]:
    """The attachments that may be the order, read once, best first: a document whose own title
    says purchase order first, then by name and format (``_rank``). ``images``: OCR scans too."""
    ranked = sorted(
        (
            (_rank(a, vocab), i, a)
            for i, a in enumerate(message.attachments)
            if not a.inline and type_of(a) and (images or not type_of(a).startswith("image/"))
        ),
        key=lambda t: (-(t[0] if t[0] is not None else _NOT_BY_NAME), t[1]),
    )
    out = []
    for rank, _, attachment in ranked:
        doc = read_attachment(attachment, vocab, limits)
        title = classifying.Title() if doc.unreadable else _title_of(doc, vocab)
        if title.mentioned and shape.order_rows(shape.document_rows(doc)):
            # "Faktura adresse", "send the invoice to": an order in a language we have no title
            # for speaks of invoices too; with a table of items priced out, a person decides
            title = classifying.Title()
        elif _unsure_title(title, doc, vocab):
            title = classifying.Title()
        if not title and not doc.unreadable:
            title = _forecast(doc, attachment, vocab)
        if rank is None and title.kind != "purchase_order":
            rank = _NOT_BY_NAME  # "drawing.pdf", "terms.pdf": not read as the order unless its title says so
        else:
            rank = (rank or 0) + (10 if title.kind == "purchase_order" else 0)
        out.append(Candidate(attachment, rank, doc, title))
    return sorted(out, key=lambda c: -c.rank)


def _title_of(doc: Document, vocab: Vocabulary) -> classifying.Title:
    """What a document calls itself (``classify.document_title``). A workbook's text joins its
    cells, so a title alone in its cell beside the sender's name ("ALBARÁN DE ENTREGA") is no
    longer alone on its line: when the text gives no title standing alone, a cell that is
    wholly a title (in a short row, not among a table's headings) is the title. A title of a
    few Latin letters ("WZ", a Polish delivery note) read by OCR is none: a smudge makes those."""
    title = classifying.document_title(doc.all_text(), vocab, doc.name)
    if doc.ocr and title.kind and re.fullmatch(r"[a-z]{1,3}", re.sub(r"[\s.]", "", title.title.lower())):
        # "WZ", "FV" read off a fax: two letters OCR makes of a stamp or a smudge decide nothing
        return classifying.Title()
    if doc.grids and not doc.text and not title.standalone:
        alone = classifying.document_title(doc.cells_text(), vocab, doc.name, whole_cells=True)
        if alone.standalone:
            return alone
    return title


def _forecast_title_of(doc: Document, vocab: Vocabulary) -> classifying.Title:
    """A forecast's own title (``classify.forecast_title``), or a workbook cell that is wholly one."""
    title = classifying.forecast_title(doc.all_text(), vocab, doc.name)
    if not title and doc.grids and not doc.text:
        title = classifying.forecast_title(doc.cells_text(), vocab, doc.name, whole_cells=True)
    return title


def _forecast(doc: Document, attachment: Attachment, vocab: Vocabulary) -> classifying.Title:
    """A document without a title of a kind we know that calls itself a forecast, by its own
    title or by its file name: a forecast is not an order ("Title()" when it does not)."""
    text = doc.all_text()
    if classifying.names_a_po_number(text, vocab):
        # a PO number of its own: an order with a forecast part, or a forecast against a blanket
        # order; it is read, and the reading says a forecast is named (a person decides)
        return classifying.Title()
    title = _forecast_title_of(doc, vocab)
    if title:
        return title
    word = classifying.forecast_file_name(attachment.original_filename or attachment.filename, vocab)
    if word:
        return classifying.Title("forecast", word, f"{doc.name}: its file name says '{word}'")
    return classifying.Title()


def _forecast_named(message: Message, doc: Document, vocab: Vocabulary) -> str | None:
    """Where a forecast is named for the order read from ``doc``: the mail's subject or first
    lines titled as one ("Forecast KW 49", "Bedarfsvorschau"), or the document's own title."""
    top = _mail_top(message)
    title = classifying.forecast_title(top, vocab, "the mail", max_lines=9)
    if title:
        return f"the mail calls it a forecast ({title.where})"
    title = _forecast_title_of(doc, vocab)
    if title:
        return f"it calls itself a forecast ({title.where})"
    return None


def _unsure_title(title: classifying.Title, doc: Document, vocab: Vocabulary) -> bool:
    """A title with a number and nothing else ("Quotation No.: Q-2231", "Angebot Nr. 4711") is
    also how an order names the quotation it follows: when the document prints a PO number of
    its own, or the line is written as a label (a colon before the number), and it holds a table
    of items priced out, it may be that order (its own title in a language we have no words for,
    or none). It is read, and the reading says what the line calls it — a person decides,
    instead of the order being filed away as a quotation."""
    if not title or title.kind == "purchase_order" or title.standalone or title.mentioned:
        return False
    text = doc.all_text()
    if not title.labelled and not classifying.names_a_po_number(text, vocab):
        return False
    return bool(shape.order_rows(shape.document_rows(doc)) or shape.order_rows(shape.text_rows(text, doc.name)))


def _decide_kind(
    message: Message,
    vocab: Vocabulary,
    found: classifying.Classification,
    candidates: list[Candidate],
    rule: Rule | None,
    result: ParseResult,
    warnings: list[str],
) -> str | None:
    """Let the documents' own titles correct what the mail's words said (``found.kind`` is
    updated). Returns why the message is certainly not an order, or None."""
    if rule and rule.kind:
        return None
    po_docs = [c for c in candidates if c.title.kind == "purchase_order"]
    other_docs = [c for c in candidates if c.title and c.title.kind != "purchase_order"]
    undecided = [c for c in candidates if not c.title]
    if po_docs and found.kind != "purchase_order" and not found.about_known_order:
        title = po_docs[0].title
        result.explain.append(f"kind = purchase_order  ← the document's title: {title.where}")
        found.kind = result.kind = "purchase_order"
        found.not_order = False
        return None
    if po_docs or found.kind not in ("purchase_order", "other"):
        return None
    if found.not_order:
        return result.explain[-1] if result.explain else "not an order"
    if found.kind == "other" and not candidates:
        # an invoice typed into the mail itself: "RECHNUNG No. INV-32624" as the body's title
        top = _mail_top(message)
        title = classifying.document_title(top, vocab, "the mail", max_lines=9)
        title = title or classifying.forecast_title(top, vocab, "the mail", max_lines=9)
        if title.mentioned and shape.order_rows(
            shape.text_rows(classifying.strip_quoted(message.text or ""), "the mail")
        ):
            title = classifying.Title()  # as for an attachment: only named, and priced out like an order
        if title.mentioned and quoted.is_reply(message):
            title = classifying.Title()  # a reply names the quotation it answers: it may accept it
        if title and title.kind != "purchase_order":
            said = f"the mail itself is {classifying.a_kind(title.kind)} ({title.where})"
            claimed = classifying.mail_po_number(message, vocab) if title.kind == "forecast" else None
            if claimed:  # as for a forecast attached (below): a person looks
                warnings.append(f"the mail names the PO number {claimed}, but {said}: a forecast is not an order")
                result.explain.append(f"kind = other  ← {said}; it names a PO number: a person looks")
                return None
            result.explain.append(f"kind = other  ← {said}")
            found.not_order = True
            return said
    if other_docs and not undecided:
        title = other_docs[0].title
        said = f"{other_docs[0].doc.name} is {classifying.a_kind(title.kind)} ({title.where})"
        body = classifying.strip_quoted(message.text or "")[:6000]
        if found.kind == "purchase_order" and classifying.cue_hits(
            f"{message.subject}\n{body}", vocab.kinds["purchase_order"]
        ):
            warnings.append(f"the message speaks of an order, but {said}")
            result.explain.append(f"kind = other  ← {said}; the mail speaks of an order: a person looks")
            found.kind = result.kind = "other"
            return None  # not certain: it goes to review
        claimed = classifying.mail_po_number(message, vocab) if title.kind == "forecast" else None
        if claimed:
            # "the forecast for PO 4500012345": a forecast against a blanket order, or an order sent
            # with the wrong file; it is not filed away as a forecast unseen, nor taken as an order
            warnings.append(f"the mail names the PO number {claimed}, but {said}: a forecast is not an order")
            result.explain.append(f"kind = other  ← {said}; the mail names a PO number: a person looks")
            found.kind = result.kind = "other"
            return None
        result.explain.append(f"kind = other  ← {said}")
        found.kind = result.kind = "other"
        found.not_order = True
        return said
    return None


def _possible_order(
    message: Message,
    ctx: ParseContext,
    found: classifying.Classification,
    candidates: list[Candidate],
    forward: quoted.Forward | None = None,
    vocab: Vocabulary | None = None,
) -> str | None:
    """Why a message not recognised as anything may still be an order, or None (see
    ``parse_message``): it carries a business document, comes from a known customer, names a
    known PO, speaks of an order, or answers a quotation (a reply that may accept it and place
    the order in a sentence). Mailing lists and our own mail are certainly not orders."""
    documents = _business_documents(message, candidates)
    # a colleague passing a customer's document on by hand, with a note and no forward marker,
    # writes from our own domain too: that mail is not certainly ours alone
    passed_on = forward is not None or bool(documents)
    if classifying.positively_other(message, ctx.company.domains, forwarded=passed_on):
        return None
    if documents:
        return f"it carries a document nothing identifies ({', '.join(dict.fromkeys(documents))})"
    table = _order_shape(message, candidates)
    if table:
        return f"it holds {table}"
    customer = _known_customer(ctx, message) or (_known_customer(ctx, message, forward.from_addr) if forward else None)
    if customer:
        return f"it comes from a known customer ({customer})"
    known = [po for po in found.references if classifying._known(ctx.known_po, po)]
    if known:
        return f"it names a known PO ({', '.join(known)})"
    replying = bool(message.in_reply_to or classifying.REPLY_PREFIX.match(message.subject or ""))
    if found.scores.get("purchase_order", 0) > 0 and not replying:  # "Re: our order — thanks" is about one
        return "it speaks of an order"
    claimed = classifying.mail_po_number(message, vocab) if vocab else None
    if claimed and vocab and (title := classifying.forecast_title(_mail_top(message), vocab, "the mail", max_lines=9)):
        return f"it names the PO number {claimed} and calls itself a forecast ({title.where})"
    quotation = _names_a_quotation(message, vocab) if quoted.is_reply(message) and vocab else None
    if quotation:
        return f"it answers a quotation ('{quotation}'): it may accept it and place the order"
    return None


def _names_a_quotation(message: Message, vocab: Vocabulary) -> str | None:
    """The quotation or request for quotation a reply's subject or own text names, in any
    language ("Re: Quotation Q-2231", "AW: Ihr Angebot 4711", "回复：报价单"), or None."""
    words = [w for kind in ("quotation", "rfq") for w in vocab.documents.get(kind, [])]
    text = f"{message.subject or ''}\n{classifying.strip_quoted(message.text or '')[:3000]}"
    hits = classifying.cue_hits(norm(text), words)
    return hits[0] if hits else None


# Attachments that are never a business document: signatures, keys, calendar invitations,
# contact cards, mail about mail. Inline and small images (logos) are marked ``inline`` already.
_NOT_DOCUMENTS = (
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
    "application/pkcs7-mime",
    "application/x-pkcs7-mime",
    "application/pgp-signature",
    "application/pgp-keys",
    "application/pgp-encrypted",
    "application/ics",
    "text/calendar",
    "text/vcard",
    "text/x-vcard",
    "text/directory",
    "message/delivery-status",
    "message/disposition-notification",
    "text/rfc822-headers",
)
# What a document may be sent as: a file of these types is a business document unless it says
# what else it is. Plain text is not here: it is read like the mail's own text (its shape).
_DOCUMENT_TYPES = (
    "application/pdf",
    "application/msword",
    "application/rtf",
    "text/rtf",
    "text/html",
    "text/csv",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
    "application/vnd.ms-outlook",
    "application/ms-tnef",
    "application/vnd.ms-tnef",
    "application/zip",
    "application/x-zip-compressed",
    "image/tiff",
)
_DOCUMENT_EXTENSIONS = {
    "pdf",
    "xlsx",
    "xlsm",
    "xls",
    "ods",
    "fods",
    "ots",
    "docx",
    "doc",
    "odt",
    "fodt",
    "ott",
    "rtf",
    "html",
    "htm",
    "csv",
    "tsv",
    "xml",
    "zip",
    "msg",
    "tif",
    "tiff",
}


def _business_documents(message: Message, candidates: list["Candidate"]) -> list[str]:
    """The attachments that count as business documents for the never-drop rule.

    A file sent as a document (PDF, a workbook, a Word or OpenDocument file, HTML, CSV, a scan)
    counts unless it positively says what else it is (its title: invoice, quotation, statement,
    shipping notice...): those were read, and a candidate with a title is not listed. Never
    counted: inline or small images (logos, signatures), signature and key files, calendar
    invitations, contact cards, delivery reports, and plain-text files (read like the mail's
    text: they count only with the shape of an order, ``_order_shape``). Bytes of an unknown
    type count only with a document's extension ("PO.pdf" that is not a PDF)."""
    read = {c.attachment.filename: c for c in candidates}
    out = []
    for attachment in message.attachments:
        if attachment.inline or attachment.content_type in _NOT_DOCUMENTS:
            continue
        candidate = read.get(attachment.filename)
        if candidate is not None:
            plain = type_of(attachment) == "text/plain" and not candidate.doc.unreadable
            if not candidate.title and not plain:
                out.append(attachment.filename)
            continue
        if attachment.content_type.startswith("image/"):
            if formats.scanned_page(
                attachment.content_type, attachment.size
            ):  # a scan or a photo, when OCR is not there
                out.append(attachment.filename)
            continue
        extension = (attachment.original_filename or attachment.filename).rsplit(".", 1)[-1].lower()
        if attachment.content_type.startswith(_DOCUMENT_TYPES) or extension in _DOCUMENT_EXTENSIONS:
            out.append(attachment.filename)
    return out


def _changes_an_unknown_order(kind: str, references: list[str], ctx: ParseContext) -> bool:
    """A change request naming no PO we have on record: if it prices out its items, it may be
    the revised order itself, and the original never reached us."""
    return kind == "change_request" and not any(classifying._known(ctx.known_po, po) for po in references)


def _order_shape(message: Message, candidates: list["Candidate"], *, documents: bool = False) -> str | None:
    """A table of items whose quantity × price = amount in the mail's text, its HTML, or a
    plain-text attachment (``shape.order_rows``), described for the Review row; else None.
    With ``documents``, every readable attachment counts (a revised order sent as a file)."""
    text_all = message.text or ""
    text = classifying.strip_quoted(text_all)
    sources = [shape.text_rows(text, "the mail")]
    if message.html:
        # a table only in the quoted part is the mail answered (our confirmation), not this one's
        sources.append(shape.document_rows(body.unquote(html.from_html(message.html, "the mail's HTML"), text_all)))
    for candidate in candidates:
        if candidate.doc.unreadable:
            continue
        if documents or (type_of(candidate.attachment) == "text/plain" and not candidate.title):
            sources.append(shape.document_rows(candidate.doc))
    for rows in sources:
        found = shape.order_rows(rows)
        if found:
            return found.describe()
    return None


def _known_customer(ctx: ParseContext, message: Message, address: str = "") -> str | None:
    """The customer master's name for the sender (or ``address``: a forwarded mail's sender),
    or None (no lookup, or an unknown sender)."""
    address = address or message.from_addr
    if ctx.customer_of is None or not address:
        return None
    try:
        return ctx.customer_of(address) or None
    except Exception:  # a lookup failure must not lose the message
        return None


COMPUTED = "computed: "  # a warning that reports exact arithmetic: said, but no reason for review


def _computed_amounts(order: ParsedOrder, result: ParseResult) -> list[str]:
    """When the document states no line amount at all (a body PO, a form without the column),
    each line gets quantity × unit price, said as a warning: exact arithmetic from what the
    document states. A document that has amounts but not on one line (an unsaved formula, a
    torn cell) is left as it is: that line's gap is for a person, not for arithmetic."""
    notes: list[str] = []
    if any(line.amount is not None for line in order.lines):
        return notes
    for number, line in enumerate(order.lines, start=1):
        if line.amount is None and line.quantity is not None and line.unit_price is not None:
            line.amount = line.quantity * line.unit_price
            notes.append(
                f"{COMPUTED}amount = quantity × unit price (line {number}: {line.quantity} × {line.unit_price} = {line.amount})"
            )
            result.explain.append(f"line {number}: amount = {line.amount}  ← computed: quantity × unit price")
    return notes


def _fillable(order: ParsedOrder, other: ParsedOrder) -> list[tuple[str, object]]:
    out = []
    for f in dc_fields(ParsedOrder):
        if f.name in ("lines", "customer", "total"):
            continue
        if getattr(order, f.name) is None and getattr(other, f.name) is not None:
            out.append((f.name, getattr(other, f.name)))
    return out


def _extractor_name(doc: Document, message: Message) -> str:
    if doc.name == "body":
        return "html tables" if message.html and doc.grids and "table" in doc.grids[0].where else "body text"
    return doc.name.removesuffix(BLOCKED).rsplit(".", 1)[-1].lower()


class BodyReads:
    """The readings of a mail's body made while one message is parsed, so that none is read twice:
    a reply is read to see whether it holds its own order (``_thread_order``), and that reading is
    the one the order is taken from when it does. A reading is kept for the exact text, HTML,
    date, subject, vocabulary and options it was made with; any of them changed reads anew."""

    def __init__(self) -> None:
        self._kept: dict[tuple[object, ...], tuple[Reading, Document, Vocabulary]] = {}

    def read(self, message: Message, vocab: Vocabulary, opts: Options) -> tuple[Reading, Document]:
        subject = message.subject or ""
        key = (message.text, message.html, message.date, subject, id(vocab), tuple(vars(opts).items()))
        if key not in self._kept:  # (the vocabulary is kept with its reading: its id is not reused)
            doc = _body_document(message, vocab)
            self._kept[key] = (interpret(doc, vocab, opts, (subject,)), doc, vocab)
        reading, doc, _ = self._kept[key]
        return reading, doc


def _body_document(message: Message, vocab: Vocabulary) -> Document:
    """The email text as a document; HTML tables when the HTML part has a lines table."""
    sent = message.date.date() if message.date else None  # "need by Friday 4th" counts from it
    text_doc = body.from_text(message.text or "", "body", vocab, sent)
    if message.html:
        html_doc = html.from_html(message.html, "body", vocab)
        html_doc = body.unquote(html_doc, message.text or "")  # not the quoted old order
        # HTML mail is made of layout tables (signatures, banners): only a lines table counts
        if html.has_lines_table(html_doc, vocab):
            # the text part may say more than the HTML ("PO number: ..." in a plain preamble)
            html_doc.lines = html_doc.lines + text_doc.lines
            html_doc.text = text_doc.text
            html_doc.warnings.extend(w for w in text_doc.warnings if w.startswith("delivery_date:"))
            return html_doc
    return text_doc


def _apply_patterns(
    rule: Rule,
    order: ParsedOrder,
    doc: Document,
    message: Message,
    opts: Options,
    result: ParseResult,
    warnings: list[str],
) -> None:
    """The rule's ``fields`` regexes win over the generic reading."""
    text = f"{message.subject}\n{doc.all_text()}\n{message.text}"
    for name, pattern in rule.fields.items():
        match = re.search(pattern, text, re.M)
        if not match or not (match.group(1) or "").strip():
            continue
        value = match.group(1).strip()
        if name == "customer":
            order.customer = value
        else:
            converted = convert(name, value, opts)
            if converted is None:
                warnings.append(
                    f"rule {rule.name}: field {name} pattern matched '{value}', which is not a valid {name}"
                )
                continue
            if converted.ambiguous:
                warnings.append(f"{name}: {converted.ambiguous}")
            new = converted.value[0] if name == "total" else converted.value
            setattr(order, name, new)
        result.explain.append(f"{name} = {getattr(order, name)!r}  ← rule {rule.name} pattern")


def _choose_customer(
    order: ParsedOrder,
    readings: list[tuple[Reading, str]],
    doc: Document,
    message: Message,
    ctx: ParseContext,
    rule: Rule | None,
    result: ParseResult,
    warnings: list[str],
    vocab: Vocabulary,
    forward: quoted.Forward | None = None,
    body_doc: Document | None = None,
) -> None:
    """The buying company and the buyer person, by the chain of ``parties.decide_customer``.
    ``readings``: (reading, name), the chosen document's first, then the email's; ``body_doc``
    the email text as a document when it was read already (it is not read again)."""
    ours = ctx.our_names()
    supplier = readings[0][0].fields.get("supplier")
    # Only a name in a script we know our own name in can be told apart from ours: without
    # company.name_zh, "示例制造有限公司" may well be us.
    comparable = [n for n in ours if _cjk(n) == _cjk(supplier.value)] if supplier else []
    if supplier and comparable and not is_company(supplier.value, comparable):
        warnings.append(f"the supplier named in {doc.name} is {supplier.value!r}, not our company: is this our order?")
    evidence = _party_evidence(doc, message, ctx, vocab, readings, supplier, forward, body_doc)
    if order.customer:  # a rule's field pattern named it
        evidence.rule_customer, evidence.rule_name = order.customer, f"{rule.name} (field pattern)" if rule else None
    elif rule and rule.customer:
        evidence.rule_customer, evidence.rule_name = rule.customer, rule.name
    decision = parties.decide_customer(evidence, vocab)
    order.customer, order.contact = decision.customer, decision.contact
    result.customer_source = decision.source
    result.explain.extend(decision.explain)
    warnings.extend(decision.warnings)
    if forward is not None and not forward.from_addr and decision.source == "sender":
        # Outlook wrote "From: Dana Lee" without an address: the name came from the forwarded
        # mail's display name or signature, which no address confirms
        warnings.append(
            f"customer: the forwarded mail names its sender ({forward.from_name or 'nobody'}) without an "
            f"address; {decision.customer!r} is taken from its words: check who the customer is"
        )


def _party_evidence(
    doc: Document,
    message: Message,
    ctx: ParseContext,
    vocab: Vocabulary,
    readings: list[tuple[Reading, str]],
    supplier,
    forward: quoted.Forward | None = None,
    body_doc: Document | None = None,
) -> parties.Evidence:
    """What the customer chain looks at: the party blocks of the document and of the email,
    the document's letterhead (top lines first, then the rest: a footer names the company
    too), the supplier's block (never the customer), the sender and the signature."""
    if doc.name != "body" and body_doc is None:
        body_doc = _body_document(message, vocab)
    documents = [doc] + ([] if doc.name == "body" or body_doc is None else [body_doc])
    blocks: list[parties.PartyBlock] = []
    supplier_names: list[str] = [supplier.value] if supplier else []
    supplier_roles = {
        "supplier": [
            *vocab.labels.get("supplier", []),
            "vendor",
            "vendor address",
            "supplier address",
            "ordered from",
            "ship from",
            "remit to",
            "sold by",
            "seller",
        ]
    }
    top: list[str] = []
    for document in documents:
        lines = [*document.lines, *(line for grid in document.grids for line in grid_lines(grid))]
        blocks.extend(parties.party_blocks(lines, vocab))
        for block in parties.party_blocks(lines, vocab, supplier_roles):
            supplier_names.extend(block.lines[:4])  # the name may follow a vendor number
        if document is doc and doc.name != "body":  # cells and columns kept apart: "A  B  C"
            top = [line.text for line in lines if line.text.strip()]
    buyer = next((r.fields["buyer"] for r, _ in readings if "buyer" in r.fields), None)
    sender = _customer_email(message, ctx.company, forward) or ""
    sender_name = message.from_name if sender == (message.from_addr or "").lower() else ""
    signature = body.strip_quoted(message.text or "")
    our_domains = list(ctx.company.domains)
    if forward:
        # the customer wrote the forwarded mail: its sender and its signature, never our colleague's
        sender_name = forward.from_name if sender == forward.from_addr else ""
        signature = body.strip_quoted(forward.text)
        if not forward.from_addr and quoted.is_ours(quoted.domain_of(sender), set(ctx.company.domains)):
            # "From: Dana Lee (Brightwater Pumps)" with no address: the forwarder's address is
            # ours, not the customer's; the forwarded sender's name and signature still speak
            sender, sender_name = "", forward.from_name
        forwarder = quoted.domain_of(message.from_addr)
        if forwarder and forwarder != quoted.domain_of(forward.from_addr):
            our_domains.append(forwarder)
    return parties.Evidence(
        sender_address=sender,
        sender_name=sender_name,
        master=ctx.customer_of,
        blocks=blocks,
        top_lines=top[:15] + top[15:400],
        supplier_names=[n for n in supplier_names if n],
        signature=signature,
        labelled_buyer=(buyer.value, buyer.where) if buyer else None,
        our_names=ours_list if (ours_list := ctx.our_names()) else [],
        our_domains=our_domains,
        scanned=doc.ocr,
    )


def _subject_disagrees(message: Message, order: ParsedOrder) -> str | None:
    """A subject naming one PO number while the document says another."""
    named = {m.group(1) for m in _SUBJECT_PO.finditer(message.subject or "")}
    if len(named) != 1 or not order.po_number:
        return None
    subject_po = named.pop()
    mine, theirs = _squash_po(order.po_number), _squash_po(subject_po)
    if mine in theirs or theirs in mine:
        return None
    return f"the subject names PO {subject_po} but the document says {order.po_number}"


def _squash_po(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text).upper()


def _currency_hint(rule: Rule | None) -> str | None:
    """What "¥" means for this customer: the rule's currency, else its locale's."""
    if rule is None:
        return None
    if rule.currency:
        return rule.currency
    locale = (rule.locale or "").lower()
    return "CNY" if locale.startswith("zh") else "JPY" if locale.startswith("ja") else None


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _customer_email(message: Message, company: Company, forward: quoted.Forward | None = None) -> str | None:
    """The customer's address: the sender of a forwarded mail (``quoted.unfold``), else the
    sender — unless the sender is us (a colleague writing): then the first quoted sender that
    is not us, in any language's header block."""
    ours = {d.lower() for d in company.domains}
    if forward and forward.from_addr and not quoted.is_ours(quoted.domain_of(forward.from_addr), ours):
        return forward.from_addr
    sender = (message.reply_to or message.from_addr or "").lower()
    if sender and not quoted.is_ours(quoted.domain_of(sender), ours):
        return sender
    for block in quoted.header_blocks(message.text or ""):
        if block.from_addr and not quoted.is_ours(quoted.domain_of(block.from_addr), ours):
            return block.from_addr
    return sender or None


def _kind_confidence(found: classifying.Classification, kind: str) -> float:
    if kind == "auto_reply":
        return 0.99 if any("header" in r for r in found.reasons) else 0.9
    if kind == "other":
        return 0.6
    score = found.scores.get(kind, 0)
    return round(min(0.95, 0.55 + 0.08 * score), 3)


# --------------------------------------------------------------------------- one file


def parse_file(path: str | Path, ctx: ParseContext) -> ParseResult:
    """Parse an .eml, or one document as if it were the only attachment of an empty message."""
    path = Path(path)
    data = path.read_bytes()
    if path.suffix.lower() == ".eml":
        return parse_message(parse_mime(data, ctx.limits), ctx)
    digest = hashlib.sha256(data).hexdigest()
    extension = path.suffix.lower().lstrip(".")
    sniffed = sniff(data, "", path.name)  # the content decides, the name breaks ties
    record = formats.reader_for(sniffed, extension, len(data))
    kind = record.content_type if record is not None else sniffed
    if kind in ("text/plain", "text/html"):
        text, _ = csv.decode(data)
        text = text or ""
        if kind == "text/html":
            message = Message(digest, len(data), None, html=text, text=_html_text(text))
        else:
            message = Message(digest, len(data), None, text=text)
        result = parse_message(message, ctx)
        if result.source == "body":
            result.source = path.name
        return result
    attachment = Attachment(filename=path.name, content_type=kind, data=data, original_filename=path.name)
    return parse_message(Message(digest, len(data), None, attachments=(attachment,)), ctx)


def _html_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for row in soup.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        row.replace_with(" | ".join(cells) + "\n")
    return soup.get_text("\n")
