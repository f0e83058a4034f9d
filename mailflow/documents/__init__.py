"""Documents from Word templates (docxtpl): the order form, review form, shipping order, delivery
note and the notice letters, filed in the order's archive folder, with a PDF beside the ones
that go to the customer.

    render(template_path, context) -> bytes                  the .docx bytes
    context_for(env, order, now, extra=None) -> dict          see ``template_context.py``
    to_pdf(docx_path, env) -> Path | None                     LibreOffice headless (``pdf.py``)
    generate(env, order, doc_kind, now, extra=None) -> list[str]
    render_document(env, order, doc_kind, now, extra, version) -> Rendered   the .docx alone, filed
    file_pdf(env, rendered, pdf) -> list[str]                 its PDF beside it: the paths
    check_templates(env) -> list[str]                         the Word templates, for ``mailflow check``

Templates are looked up in the workspace's ``templates/`` folder first (staff edit those in
Word), then in the copy shipped with mailflow, so a workspace made before a new kind existed
still works. A customer-facing kind is chosen by ``order.language``: ``order_form.zh.docx`` for
"zh", ``order_form.docx`` otherwise. Rendering is strict: a field the context lacks is an
error naming the template, never an empty gap in a letter to a customer.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import re
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from ..archive import folder_name, order_folder
from ..errors import TemplateError
from ..model import Order
from .package import open_template, save_package
from .pdf import Converter, to_pdf, to_pdf_many
from .template_context import context_for, day, money, sample_order

__all__ = [
    "DOC_KINDS", "render", "context_for", "to_pdf", "generate", "generate_many", "check_templates", "find_template",
    "template_dirs", "money", "day", "Converter", "Rendered", "render_document", "file_pdf",
]  # fmt: skip

log = logging.getLogger("mailflow.documents")


@dataclass(frozen=True)
class DocKind:
    title: str  # the file name in the archive: "<order no> <title>.docx"
    customer: bool  # goes to the customer: language versions and a PDF


DOC_KINDS: dict[str, DocKind] = {
    "order_form": DocKind("Order Form", True),
    "review_form": DocKind("Order Review Form", False),
    "shipping_order": DocKind("Shipping Order", False),
    "delivery_note": DocKind("Delivery Note", True),
    "pre_assembly_notice": DocKind("Pre-assembly Notice", True),
    "inspection_notice": DocKind("Inspection Notice", True),
    "balance_notice": DocKind("Balance Notice", True),
}


def bundled_templates() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "workspace" / "templates"


def template_dirs(env: Any) -> list[Path]:
    """Where templates are looked up, in order: the workspace's, then mailflow's own."""
    dirs = [env.config.path(env.config.workspace.templates), bundled_templates()]
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and all(_resolved(folder) != _resolved(seen) for seen in unique):
            unique.append(folder)
    return unique


@functools.lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    """``folder`` with its links resolved (asked for every document rendered: a few file-system
    calls each time, for an answer that does not change while mailflow runs)."""
    return folder.resolve()


def find_template(env: Any, name: str, lang: str = "en", suffix: str = ".docx") -> Path:
    """``<name>.<lang><suffix>`` (for a language other than English) else ``<name><suffix>``."""
    candidates = ([f"{name}.{lang}{suffix}"] if lang and lang != "en" else []) + [f"{name}{suffix}"]
    for folder in template_dirs(env):
        for candidate in candidates:
            if (folder / candidate).is_file():
                return folder / candidate
    raise TemplateError(
        f"no template {candidates[-1]} in {', '.join(str(d) for d in template_dirs(env)) or 'templates/'}",
        hint="run `mailflow init` on the workspace to restore the default templates",
    )


class _Environment(jinja2.Environment):
    """A Jinja2 environment that compiles each template text once.

    docxtpl hands the environment a document's XML as a string (``from_string``) on every
    render, and Jinja2 caches only templates loaded by name: without this, every order form
    would compile the same 100 KB of XML again. Templates are keyed by their full text, so a
    template staff edit in Word is compiled afresh; at most ``KEEP`` texts are kept."""

    KEEP = 64

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, jinja2.Template] = OrderedDict()

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            self._compiled[source] = template
            if len(self._compiled) > self.KEEP:
                self._compiled.popitem(last=False)
        else:
            self._compiled.move_to_end(source)
        return template


@functools.cache
def jinja_environment() -> jinja2.Environment:
    """One environment for every Word template (built once per process, not per document).
    Autoescape: the values go into XML ("Smith & Sons" must not break the document)."""
    return _Environment(undefined=jinja2.StrictUndefined, autoescape=True)


class _Template(DocxTemplate):
    """docxtpl's template, doing once what is the same for every document: the tag clean-up
    (``patch_xml``: a pure function of the XML, a dozen regular expressions over the whole
    document) once per template text, and the reading and writing of the parts it never renders
    (styles, themes, settings) once per template file (``package.py``)."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's handling of tabs, line and page breaks in the values (``\\t \\n \\a \\f``
        become Word's tabs, breaks and paragraphs), given only the paragraphs holding one: docxtpl
        takes every paragraph and run of the document apart with regular expressions to find
        them, and leaves all others as they were (so does this, without the work)."""
        if not _LISTING.search(xml):
            return xml
        return _PARAGRAPH.sub(
            lambda m: DocxTemplate.resolve_listing(self, m.group(0)) if _LISTING.search(m.group(0)) else m.group(0),
            xml,
        )

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """docxtpl's, but a property without a tag is not rendered as a template (it would come
        out as it went in): set as it is."""
        properties = self.docx.core_properties
        for name in ("author", "comments", "identifier", "language", "subject", "title"):
            value = getattr(properties, name)
            if _TAGGED.search(value):
                value = (jinja_env or jinja_environment()).from_string(value).render(context)
            setattr(properties, name, value)

    def init_docx(self, reload: bool = True) -> None:
        if not self.docx or (self.is_rendered and reload):
            self.docx = open_template(self.template_file)
            self.is_rendered = False

    def to_bytes(self) -> bytes:
        """The rendered .docx (what ``save`` writes, without writing the unchanged parts again)."""
        self.pre_processing()
        if self.crc_to_new_media or self.crc_to_new_embedded or self.zipname_to_replace:
            buffer = io.BytesIO()  # docxtpl's media replacement rewrites the zip: its own save
            self.save(buffer)
            return buffer.getvalue()
        self.is_saved = True
        return save_package(self.docx, self.template_file)


# What docxtpl's ``resolve_listing`` looks for and where (its own pattern for a paragraph).
_LISTING = re.compile("[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
# What Jinja2 could make other than it is: a tag, or line ends it normalises or drops.
_TAGGED = re.compile(r"[{}%#\r\n]")


@functools.lru_cache(maxsize=64)
def _patched_xml(src_xml: str) -> str:
    return DocxTemplate.patch_xml(None, src_xml)  # type: ignore[arg-type]  # it reads nothing of self


def render(template_path: str | Path, context: dict[str, Any]) -> bytes:
    """Render a Word template with ``context``; the .docx bytes. ``TemplateError`` names the file."""
    template_path = Path(template_path)
    try:
        template = _Template(str(template_path))
        context = _with_pictures(template, context)
        template.render(context, jinja_env=jinja_environment(), autoescape=True)
        data = template.to_bytes()
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{template_path.name}: broken tag: {exc.message}",
            hint="open the template in Word and fix the {{ }} / {% %} tag",
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"{template_path.name}: unknown field: {exc.message}",
            hint="see mailflow/documents/template_context.py for the fields a template can use",
        ) from None
    except TemplateError:
        raise
    except Exception as exc:  # a corrupt .docx, a docxtpl error: still name the template
        raise TemplateError(f"{template_path.name}: cannot render: {type(exc).__name__}: {exc}") from None
    return data


SEAL_WIDTH = Mm(32)  # a company seal is about 40 mm across on paper; a little smaller fits the box


class _Seal(InlineImage):
    """The company seal, read only where a template places it: a template without ``{{ seal }}``
    never needs the file, and a missing file is an error naming the setting, not a form
    that silently goes out unsealed."""

    def _insert_image(self) -> str:
        if not Path(self.image_descriptor).is_file():
            raise TemplateError(
                f"company.seal_image: no such file {self.image_descriptor}",
                hint="fix the path in config.yaml, or set it to null to stamp by hand",
            )
        return super()._insert_image()


def _with_pictures(template: DocxTemplate, context: dict[str, Any]) -> dict[str, Any]:
    """``context`` with the seal path turned into a picture of this template."""
    seal = context.get("seal")
    if isinstance(seal, Path):
        return {**context, "seal": _Seal(template, str(seal), width=SEAL_WIDTH)}
    return context


def documents_dir(order: Order) -> PurePosixPath:
    return order_folder(order) / "documents"


def generate(
    env: Any, order: Order, doc_kind: str, now: dt.datetime, extra: dict[str, Any] | None = None, *, version: int = 1
) -> list[str]:
    """Render ``doc_kind`` for ``order`` into its archive folder; archive-relative paths, .docx first.

    A customer-facing kind also gets a PDF beside the .docx when LibreOffice converts it (see
    ``pdf.py`` for ``documents.pdf``). ``version`` 2 and up go beside the first as
    ``<order> <title> v2.docx``: a re-issued document never replaces the one sent before.
    Generating the same version again rewrites it (a retry after a crash).
    """
    return generate_many(env, [(order, doc_kind, extra, version)], now)[0]


def generate_many(
    env: Any,
    jobs: list[tuple[Order, str, dict[str, Any] | None, int]],
    now: dt.datetime,
    *,
    skip_failures: bool = False,
) -> list[list[str] | None]:
    """``generate`` for many (order, doc_kind, extra, version) at once: every .docx first, then all the
    PDFs with one LibreOffice start per batch (``pdf.to_pdf_many``); the paths of each job.

    A job whose template fails raises, as ``generate`` does; with ``skip_failures`` its result
    is None instead (logged) and the others go on.
    """
    rendered: list[Rendered | None] = []
    for order, doc_kind, extra, version in jobs:
        try:
            rendered.append(render_document(env, order, doc_kind, now, extra, version, durable=False))
        except Exception as exc:
            if not skip_failures:
                raise
            log.warning("%s: %s not generated: %s", order.order_no, doc_kind, exc)
            rendered.append(None)
    wanted = [job.path for job in rendered if job is not None and job.customer]
    # Converted in a private folder so a half-written PDF never appears in the archive.
    with tempfile.TemporaryDirectory(prefix="mailflow-pdf-") as tmp:
        pdfs = to_pdf_many(wanted, env, outdir=tmp) if wanted else {}
        filed = [None if job is None else file_pdf(env, job, pdfs.get(job.path), durable=False) for job in rendered]
    env.archive.sync(path for paths in filed if paths for path in paths)  # all at once, before they are recorded
    return filed


@dataclass(frozen=True)
class Rendered:
    """A document's .docx, filed in the archive; its PDF may follow (``file_pdf``)."""

    order_no: str
    doc_kind: str
    rel: PurePosixPath  # archive path of the .docx
    path: Path  # the file itself
    customer: bool  # goes to the customer: it gets a PDF


def render_document(
    env: Any,
    order: Order,
    doc_kind: str,
    now: dt.datetime,
    extra: dict[str, Any] | None = None,
    version: int = 1,
    *,
    durable: bool = True,
) -> Rendered:
    """The .docx of one document, written to the order's folder (no PDF yet). ``durable=False``:
    not flushed to disk yet; the caller flushes it (``Archive.sync``) before recording it."""
    if doc_kind not in DOC_KINDS:
        raise TemplateError(f"unknown document kind {doc_kind!r}", hint=f"one of {', '.join(DOC_KINDS)}")
    kind = DOC_KINDS[doc_kind]
    lang = order.language if kind.customer else "en"
    template = find_template(env, doc_kind, lang)
    # Internal forms are bilingual with English first: their values are formatted the English
    # way whatever the customer reads ("15 Jul 2026" fits the column "2026年7月15日" would not).
    data = render(template, context_for(env, order, now, extra, lang=lang))
    stem = folder_name(f"{order.order_no} {kind.title}" + (f" v{version}" if version > 1 else ""), order.order_no)
    docx_rel = documents_dir(order) / f"{stem}.docx"
    return Rendered(order.order_no, doc_kind, docx_rel, env.archive.put(docx_rel, data, durable=durable), kind.customer)


def file_pdf(env: Any, rendered: Rendered, pdf: Path | None, *, durable: bool = True) -> list[str]:
    """The document's archive paths, .docx first: ``pdf`` (a converted file, or None) is filed
    beside the .docx under the same name. Only a finished PDF is ever copied into the archive.
    ``durable`` as for ``render_document``."""
    paths = [str(rendered.rel)]
    if pdf is not None:
        pdf_rel = rendered.rel.with_suffix(".pdf")
        env.archive.put(pdf_rel, pdf.read_bytes(), durable=durable)
        paths.append(str(pdf_rel))
    log.info("%s: %s generated (%s)", rendered.order_no, rendered.doc_kind, ", ".join(Path(p).name for p in paths))
    return paths


def check_templates(env: Any) -> list[str]:
    """Every Word template rendered with a sample context; one problem per broken one.

    Each problem starts with the template's file name. A missing template for a document kind
    is a problem too. Nothing is written. The email templates are the outbox's
    (``outbox.compose.check_email_templates``); ``preflight.template_problems`` runs both.
    """
    problems: list[str] = []
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    seen: set[str] = set()
    for folder in template_dirs(env):
        for path in sorted(folder.glob("*.docx")):
            if path.name in seen or path.name.startswith(("~$", ".")):  # ~$: Word's lock file
                continue
            seen.add(path.name)
            lang = "zh" if path.name.endswith(".zh.docx") else "en"
            try:
                render(path, context_for(env, sample_order(lang), now))
            except TemplateError as exc:
                problems.append(f"{folder / path.name}: {str(exc).split(': ', 1)[-1]}")
    for name in DOC_KINDS:
        try:
            find_template(env, name)
        except TemplateError as exc:
            problems.append(str(exc))
    return problems
