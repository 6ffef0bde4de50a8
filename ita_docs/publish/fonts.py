"""The Thai font of the PDFs, prepared for the converter's own LibreOffice profile.

The templates ask for "TH Sarabun New" (a SIPA national font that Linux
machines rarely have). Debian's fonts-tlwg-laksaman "Laksaman" is derived from
it, but drawn 1.5 times larger: its Thai letters, digits and punctuation have
exactly 1.5 times TH Sarabun New's advance widths in the same 1000-unit em
(space 324 vs 216, "0" 544 vs 362), which is why Debian's own
``89-tlwg-laksaman-synthetic.conf`` scales it by 0.66 for "TH Sarabun"
requests. LibreOffice ignores that fontconfig matrix, so a plain substitution
gives 16 pt text 1.5 times too big (a 9-page report becomes 20 pages).

So, when TH Sarabun New is not installed, `prepare` writes a copy of each
Laksaman face whose em is 1500 units instead of 1000 (every glyph, advance and
line metric scaled by 2/3, nothing else changed), names the family
"Laksaman ITA", and returns the replacement pairs ("TH Sarabun New" → "Laksaman
ITA", also for TH SarabunPSK and TH SarabunIT๙) for LibreOffice's font
replacement table. The copies live in the user's cache folder and are placed in
the converter's private profile (``user/fonts``): nothing in the system's or
the user's font configuration changes. LibreOffice embeds the (subset) font in
every PDF.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import platform
from .errors import PdfUnavailable

SARABUN_NAMES = ("TH Sarabun New", "TH SarabunPSK", "TH SarabunIT๙")
FAMILY = "Laksaman ITA"
UNITS_PER_EM = 1500  # Laksaman's 1000-unit glyphs are 1.5x TH Sarabun New's
STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "Bold Italic"}
_VERSION = "1"  # bump when the generated files change
# Without fontconfig (Windows): the file names the families are installed under.
_FILE_PATTERNS = {
    "TH Sarabun New": ("THSarabunNew*.ttf",),
    "TH SarabunPSK": ("THSarabunPSK*.ttf", "THSarabun.ttf"),
    "TH SarabunIT๙": ("THSarabunIT*.ttf",),
}


@dataclass(frozen=True)
class FontSetup:
    """Font files for the profile's ``user/fonts`` and (requested, substitute) pairs."""

    files: tuple[Path, ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()


def _fc_list(*args: str) -> list[str] | None:
    """Lines printed by ``fc-list ARGS``, or None when fontconfig's tools are absent."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        run = subprocess.run([exe, *args], check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return [line for line in run.stdout.splitlines() if line.strip()]


def installed(family: str) -> bool:
    """Whether fontconfig knows a font of exactly this family; without fontconfig (Windows),
    whether a font file of the family's usual name is in the system's or the user's font folder."""
    lines = _fc_list(f"{family}:", "family")
    if lines is None:
        return any(
            next(d.glob(pattern), None)
            for d in platform.font_dirs()
            if d.is_dir()
            for pattern in _FILE_PATTERNS.get(family, ())
        )
    return bool(lines) and any(family in line.split(",") for line in lines)


def laksaman_files() -> dict[str, Path]:
    """{style: file} of the installed Laksaman TrueType faces (empty if none)."""
    lines = _fc_list("Laksaman:fontformat=TrueType", "file") or []
    candidates = [Path(line.strip().rstrip(":")) for line in lines]
    if not candidates:
        for d in platform.font_dirs():
            candidates += sorted(d.glob("**/Laksaman*.ttf"))
    regular = next((p for p in candidates if p.name == "Laksaman.ttf" and p.is_file()), None)
    if regular is None:
        return {}
    return {
        style: regular.with_name(f"Laksaman{suffix}.ttf")
        for suffix, style in STYLES.items()
        if regular.with_name(f"Laksaman{suffix}.ttf").is_file()
    }


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ita-docs" / "fonts"


def scale_font(src: Path, dst: Path, family: str = FAMILY, units_per_em: int = UNITS_PER_EM) -> None:
    """Write ``src`` to ``dst`` with a bigger em (smaller glyphs) under a new family name."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        raise PdfUnavailable("no_fonttools") from None
    font = TTFont(str(src))
    font["head"].unitsPerEm = units_per_em
    for table in ("hdmx", "LTSH", "VDMX"):  # per-pixel-size tables, wrong once the em changes
        if table in font:
            del font[table]
    names = font["name"]
    style = names.getDebugName(2) or "Regular"
    postscript = f"{family.replace(' ', '')}-{style.replace(' ', '')}"
    full = family if style == "Regular" else f"{family} {style}"
    for rec in names.names:
        if rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = full
        elif rec.nameID in (3, 6):
            rec.string = postscript
    names.setName(
        f"{src.name} with a {units_per_em}-unit em (TH Sarabun New's size), for ita-docs PDFs",
        10,
        3,
        1,
        0x409,
    )
    font.save(str(dst))


def scaled_laksaman(cache: Path | None = None) -> tuple[Path, ...]:
    """The scaled Laksaman faces, made once and kept in the cache folder."""
    sources = laksaman_files()
    if "Regular" not in sources:
        raise PdfUnavailable("no_font")
    key = hashlib.sha256(_VERSION.encode())
    for style, path in sorted(sources.items()):
        st = path.stat()
        key.update(f"{style}:{path}:{st.st_size}:{st.st_mtime_ns}".encode())
    root = cache or _cache_root()
    final = root / key.hexdigest()[:16]
    if not final.is_dir():
        try:
            root.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
        except OSError:  # read-only home: make them in the temporary folder instead
            root = Path(tempfile.gettempdir()) / "ita-docs-fonts"
            root.mkdir(parents=True, exist_ok=True)
            final = root / final.name
            work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
        try:
            for style, path in sources.items():
                scale_font(path, work / f"LaksamanITA-{style.replace(' ', '')}.ttf")
            os.replace(work, final)
        except OSError:
            if not final.is_dir():
                raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return tuple(sorted(final.glob("*.ttf")))


def prepare(cache: Path | None = None) -> FontSetup:
    """What the converter's profile needs so that "TH Sarabun New" prints right.

    Nothing when TH Sarabun New and its siblings are installed; otherwise the
    scaled Laksaman faces and the replacement pairs for the missing names.
    Raises `PdfUnavailable` when neither TH Sarabun New nor Laksaman is there.
    """
    missing = [name for name in SARABUN_NAMES if not installed(name)]
    if not missing:
        return FontSetup()
    if "TH Sarabun New" not in missing:  # the real font is there: use it for its siblings too
        return FontSetup((), tuple((name, "TH Sarabun New") for name in missing))
    return FontSetup(scaled_laksaman(cache), tuple((name, FAMILY) for name in missing))
