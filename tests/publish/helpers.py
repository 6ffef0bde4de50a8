"""Steps shared by the PDF converter's tests of both platform branches (test_pdf, test_publish_platform)."""

from __future__ import annotations

import threading
import time

import pytest

from ita_docs.publish import PdfConversionErrors, PdfConverter


def close_with_kill_while_converting(c: PdfConverter, document: bytes) -> tuple[float, str]:
    """Start converting ``document`` three times in a thread, then ``close(kill=True)`` the converter.
    Returns (seconds the close took, the error the conversions raised)."""
    result: dict = {}
    worker = threading.Thread(
        target=lambda: result.update(
            e=pytest.raises(PdfConversionErrors, c.convert_many, [document] * 3)  # noqa: RUF061 - in a thread
        )
    )
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    c.close(kill=True)
    worker.join()
    return time.monotonic() - started, str(result["e"].value)
