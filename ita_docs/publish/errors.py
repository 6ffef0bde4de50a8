"""Errors of the PDF publisher (their Thai/English wording is in `ita_docs.messages`, ids ``pdf_*``).

All are `ita_docs.errors.ItaDocsError`, so the CLI prints them as one line::

    ItaDocsError
    ├── PdfUnavailable        LibreOffice, its Python bridge or a Thai font is missing
    ├── PdfConversionError    one document did not convert (names the file)
    └── PdfConversionErrors   every document of a batch that did not convert

Messages follow `ita_docs.messages.language()` (Thai unless ``--lang en``).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ItaDocsError, Problems
from ..messages import msg
from .platform import install_hint


def text(message_id: str, **params: object) -> str:
    """``message_id`` in the current language.

    >>> from ita_docs.messages import set_language
    >>> set_language("en"); text("timeout", seconds=120.0)
    'took longer than 120 s (LibreOffice was stopped and restarted)'
    >>> set_language("th")
    """
    params.setdefault("install", install_hint())  # apt-get on Linux, the download page on Windows
    return msg("pdf_" + message_id, **params)


class PdfUnavailable(ItaDocsError):
    """PDFs cannot be made on this machine; the message says what to install."""

    def __init__(self, message_id: str, **params: object):
        self.message_id, self.params = message_id, params
        super().__init__(text(message_id, **params))

    def __reduce__(self):
        return (_unavailable, (self.message_id, self.params))


class PdfConversionError(ItaDocsError):
    """One document did not convert. ``name`` is its file (or the name given for bytes)."""

    def __init__(self, name: str | Path, reason: str):
        self.name = str(name)
        self.reason = reason
        super().__init__(f"{self.name}: {text('failed', reason=reason)}")

    def __reduce__(self):
        return (type(self), (self.name, self.reason))


class PdfConversionErrors(Problems):
    """Every failure of a `convert_many` batch, one line each, in input order."""

    errors: list[PdfConversionError]


def _unavailable(message_id: str, params: dict) -> PdfUnavailable:
    return PdfUnavailable(message_id, **params)
