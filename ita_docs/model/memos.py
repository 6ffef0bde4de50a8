"""Official memos (บันทึกข้อความ) and their distribution lists."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import MAX_FILE_ID, Blocks, Date, Model, StrList


class Endorsement(Model):
    """A note written under a memo by a superior: เรียน ... / lines / signature / date."""

    to: str | None = None
    lines: StrList = []
    signer: str | None = None
    signature: str | None = None
    date_text: str | None = None
    date: Date | None = None


class Distribution(Model):
    """รายการแจกจ่ายเอกสาร: the form sent with a memo, one row per receiving division.

    ``divisions`` lists division ids; omitted, every division receives it.
    ``received`` is the date the units signed for it (blank column if omitted).
    """

    date: Date | None = None
    divisions: list[str] | None = None
    received: Date | None = None
    first_use: str | None = None
    revision: str | None = None


class Memo(Model):
    """บันทึกข้อความ per ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖.

    ``preset`` fills subject, body and attachments with standard wording from
    the content (see `ita_docs.documents.memo.PRESETS`); any field given here
    overrides it. ``minutes`` names the minutes a ``minutes_report`` memo sends
    (default: the latest meeting). ``unit`` is a division id or text; ``number`` follows the
    organisation's ``document_prefix`` ("-" while unnumbered). ``signer`` is a
    person id. ``attachments`` are text lines or document names
    (``analysis_report``, ``measure_plan``, ``measure_results``, ``minutes``).
    """

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=MAX_FILE_ID)
    preset: Literal["analysis_approval", "measures_announce", "results_report", "minutes_report"] | None = (
        None
    )
    unit: str | None = None
    phone: str | None = None
    number: str = "-"
    date: Date
    subject: str | None = None
    to: str | None = None
    via: StrList = []
    body: Blocks = []
    closing: str | None = None
    attachments: StrList = []
    signer: str
    endorsements: list[Endorsement] = []
    distribution: Distribution | None = None
    minutes: str | None = None
