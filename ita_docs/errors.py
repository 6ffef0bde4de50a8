"""The exception tree of ita-docs.

Every error a user can meet carries where it happened, so the CLI can print it
as one line a clerk understands, without a traceback::

    ItaDocsError
    ├── ContentError              one content file problem (file, line, column, field)
    ├── TemplateError             a template problem (template file, XML part, line); ``check --templates``
    │                             collects `TemplateProblem` records (errors and warnings) first
    ├── OutputError               a file could not be written
    ├── publish.PdfUnavailable    LibreOffice is missing or cannot start
    ├── publish.PdfConversionError  one document could not be converted
    └── Problems                  several problems raised together (``errors``)
        ├── ContentErrors         every ContentError of a content set (sorted by file and line)
        ├── TemplateErrors        every TemplateError of a folder of templates
        └── publish.PdfConversionErrors  every failed conversion of a run

A `Problems` error is raised once, after every problem has been collected
(mkdocs-style validation: collect all, report all, then stop).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from .messages import msg


class ItaDocsError(Exception):
    """Base class of every error ita-docs reports to the user.

    Errors cross process boundaries (``build --jobs``, Dask workers) by
    pickling: dataclass errors are rebuilt from their fields.
    """

    def __reduce__(self):
        if is_dataclass(self):
            return (type(self), tuple(getattr(self, f.name) for f in fields(self)))
        return super().__reduce__()


@dataclass
class Location:
    """Where a problem is: a file, a 1-based line and column, a field path.

    ``field`` is a dotted path into the content, e.g. ``assessment.indicators.7``
    or ``measures[2].responsible[0]``.
    """

    file: Path | None = None
    line: int | None = None
    column: int | None = None
    field: str = ""

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts.append(where)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts)


@dataclass
class ContentError(ItaDocsError):
    """One problem in a content file, with its location and a readable message."""

    message: str
    location: Location = field(default_factory=Location)

    def __str__(self) -> str:
        loc = str(self.location)
        return f"{loc}: {self.message}" if loc else self.message


class Problems(ItaDocsError):
    """Several problems raised together: ``errors`` (a list of `ItaDocsError`), one per line in ``str``.

    Pickled (workers, Dask) as the list of its errors.
    """

    errors: list

    def __init__(self, errors: list):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __reduce__(self):
        return (type(self), (self.errors,))


class ContentErrors(Problems):
    """Every problem found in a content set, raised once after collection.

    ``errors`` is the list of `ContentError`, sorted by file, line and column.
    """

    errors: list[ContentError]

    def __init__(self, errors: list[ContentError]):
        super().__init__(
            sorted(
                errors,
                key=lambda e: (str(e.location.file or ""), e.location.line or 0, e.location.column or 0),
            )
        )


@dataclass
class TemplateError(ItaDocsError):
    """A template could not be rendered: names the template, the XML part and a line."""

    message: str
    template: str = ""
    part: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.template
        if self.part:
            where += f" [{self.part}]"
        if self.line:
            where += f" line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class TemplateErrors(Problems):
    """Every template problem found by ``check --templates``, raised once."""

    errors: list[TemplateError]


@dataclass
class OutputError(ItaDocsError):
    """An output file could not be written (the earlier output is left untouched)."""

    message: str
    path: Path | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass(frozen=True)
class TemplateProblem:
    """Not raised: one problem of a template: the file, the XML part, where in Word, what (in the user's language).

    ``kind``: ``not_docx``, ``bad_xml``, ``syntax``, ``unclosed_tag``,
    ``unknown_name``, ``unknown_attribute``, ``unknown_filter`` (errors: the
    build would fail) or ``smart_quotes``, ``split_tag`` (warnings:
    `repair_template` fixes them).
    """

    template: str
    part: str
    location: str
    message: str
    kind: str
    severity: str = "error"

    @property
    def part_label(self) -> str:
        """The part as Word shows it: body, header, footer, footnotes."""
        name = self.part.rsplit("/", 1)[-1]
        for prefix in ("header", "footer", "footnotes"):
            if name.startswith(prefix):
                return msg(f"lint_part_{prefix}")
        return msg("lint_part_body") if self.part else ""

    @property
    def where(self) -> str:
        """The part (unless the body) and the location, as one text."""
        part = self.part_label if self.part not in ("", "word/document.xml") else ""
        return ", ".join(x for x in (part, self.location) if x)

    def __str__(self) -> str:
        head = f"{self.template}: {self.where}" if self.where else self.template
        return f"{head}: {self.message}"

    def error(self) -> TemplateError:
        """This problem as the `TemplateError` the CLI reports (``TemplateErrors`` collects them)."""
        return TemplateError(
            f"{self.where}: {self.message}" if self.where else self.message, self.template, self.part
        )
