"""Thai (๐-๙) or ASCII (0-9) digits: `to_digits`, and `localize_digits` for prose typed by a user.

Thai official documents write Thai digits (๐-๙, U+0E50..U+0E59). The TH SarabunIT๙
font only *draws* ASCII digits as Thai, so other fonts, copy-paste, search and
screen readers would still see ASCII digits; these functions write real Thai digit
characters. Every function of `ita_docs.thaifmt` that outputs digits takes a keyword
``digits="thai"`` (or ``"arabic"`` for ASCII 0-9) and checks it with `check_digits`:
any other value raises `ValueError`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spacing import keep_together

# PyThaiNLP's own tables (arabic_digit_to_thai_digit, thai_digit_to_arabic_digit translate with
# them; a test pins both), without importing all of pythainlp.util (issue 19: the cold start).
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DIGIT_SYSTEMS = ("thai", "arabic")


def check_digits(digits: str) -> None:
    """Raise `ValueError` unless ``digits`` is "thai" or "arabic".

    >>> check_digits("roman")
    Traceback (most recent call last):
    ValueError: digits must be 'thai' or 'arabic', got 'roman'
    """
    if digits not in _DIGIT_SYSTEMS:
        raise ValueError(f"digits must be 'thai' or 'arabic', got {digits!r}")


def to_digits(text: str | int, digits: str = "thai") -> str:
    """Convert every digit in `text` to Thai (๐-๙) or ASCII (0-9) digits.

    `text` is a str (an int is accepted and turned into a str first). Other
    characters are kept. Works in both directions. Raises `ValueError` if `digits`
    is not "thai" or "arabic" and `TypeError` if `text` is not a str or int.

    >>> to_digits("ITA 2565")
    'ITA ๒๕๖๕'
    >>> to_digits("๒๕๖๕", digits="arabic")
    '2565'
    >>> to_digits(3026)
    '๓๐๒๖'
    """
    check_digits(digits)
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return text.translate(_TO_THAI if digits == "thai" else _TO_ARABIC)


# URLs, e-mail addresses and `literal` spans keep their digits as typed. Linear in the text's
# length: an address starts only where a run of its characters starts (the lookbehind), and the
# possessive quantifiers never give back what they matched ("@" and "." end the runs anyway), so a
# long run of letters is scanned once, not once per letter (issue 19: 40,000 letters took 7 s).
_LITERAL = re.compile(
    r"`([^`]*)`|(?:https?://|www\.)[^\s<>\"]++|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
)


def localize_digits(text: str, digits: str = "thai") -> str:
    """Prose typed by a user, with its digits following the document.

    Every digit becomes Thai (or ASCII with ``digits="arabic"``) except inside
    URLs, e-mail addresses and text between backticks, which is kept as typed
    (the backticks themselves are dropped). Dates, times and numbers with their
    unit ("พ.ศ. 2566", "๕ พฤศจิกายน ๒๕๖๖", "๘๕ คะแนน") are kept on one line with
    no-break spaces (`ita_docs.thaifmt.spacing.keep_together`). Raises `ValueError`
    for another ``digits``.

    >>> localize_digits("ประชุม 3 ครั้ง ดู https://www.example.go.th/ita/o12 หรือ `ITA-2566`")
    'ประชุม ๓\\xa0ครั้ง ดู https://www.example.go.th/ita/o12 หรือ ITA-2566'
    >>> localize_digits("ปีงบประมาณ พ.ศ. ๒๕๖๖ ติดต่อ ita2566@example.go.th", digits="arabic")
    'ปีงบประมาณ พ.ศ.\\xa02566 ติดต่อ ita2566@example.go.th'

    A set's texts come back many times (names, titles, headings: 950 calls for 327 texts in a
    sample build), so a text of up to `REMEMBERED_LENGTH` characters is converted once per process.
    """
    check_digits(digits)
    if len(text) <= REMEMBERED_LENGTH:
        return _localize_remembered(text, digits)
    return _localize(text, digits)


#: Longest text `localize_digits` keeps the result of (characters; at most 4096 texts are kept).
REMEMBERED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _localize_remembered(text: str, digits: str) -> str:
    return _localize(text, digits)


def _localize(text: str, digits: str) -> str:
    out, pos = [], 0
    for m in _LITERAL.finditer(text):
        out.append(keep_together(to_digits(text[pos : m.start()], digits)))
        out.append(m.group(1) if m.group(1) is not None else m.group(0))
        pos = m.end()
    out.append(keep_together(to_digits(text[pos:], digits)))
    return "".join(out)
