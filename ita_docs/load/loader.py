"""Load a content set (a folder of YAML files, or one file) into a `Content`.

Validation happens once, here, at the edge: each file is read as YAML safely
with the position of every key kept (`ita_docs.load.reader`: encodings, control
characters, dates kept as text, depth/size/alias caps, duplicate keys in one
mapping), the merged mapping is validated by pydantic, then cross-references
are checked. Every problem is collected and raised at once as `ContentErrors`,
each naming the file, line, column and field path, in the user's language
(`ita_docs.messages`).

Whatever a file holds, the result is a `LoadedContent` or `ContentErrors` whose
every error names a file; never another exception. Here, beyond each file:

- Duplicate top-level keys across files are errors naming the other file.
- pydantic's errors are located (`Positions.locate`) and worded for a clerk
  (`ita_docs.load.wording`): the nearest written key or value, a guess for a misspelt key.
- ``organisation.emblem`` must be an image file (as python-docx reads it: PNG, JPEG,
  GIF, BMP, TIFF) inside the content folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

from docx.image.image import Image
from pydantic import ValidationError

from ..errors import ContentError, ContentErrors, Location
from ..messages import msg
from ..model import Content
from . import ce_dates
from .reader import PathKey, Positions, _parse_file
from .safe_yaml import MAX_DEPTH, MAX_NODES, _short
from .text import MAX_CONTROL_REPORTED
from .wording import _clean_loc, _quiet, _reference_error

__all__ = [
    "MAX_CONTROL_REPORTED",
    "MAX_DEPTH",
    "MAX_NODES",
    "LoadedContent",
    "PathKey",
    "Positions",
    "content_files",
    "parse",
]


@dataclass
class LoadedContent:
    """A validated content set: the model, its folder, positions and warnings."""

    content: Content
    root: Path
    files: list[Path]
    positions: Positions
    warnings: list[ContentError] = field(default_factory=list)
    left_out: frozenset[str] = frozenset()
    """Top-level keys left out because they have errors (`collect`): checks that need them say nothing."""

    def warn(self, path: PathKey, message: str) -> None:
        self.warnings.append(ContentError(message, self.positions.locate(path)))

    def content_templates(self) -> Path | None:
        """The content set's own template folder (``templates:``, relative to its folder), if named."""
        return self.root / self.content.templates if self.content.templates else None


def content_files(source: Path) -> list[Path]:
    """The YAML files of a content set: ``source`` itself, or its ``*.yaml``/``*.yml``."""
    if source.is_file():
        return [source]
    return sorted(p for p in source.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def _emblem_problem(content: Content, root: Path) -> str | None:
    """Why ``organisation.emblem`` is not an image file inside ``root``, or None if it is (or is unset)."""
    organisation = getattr(content, "organisation", None)
    emblem = getattr(organisation, "emblem", None)
    if not emblem:
        return None
    win = PureWindowsPath(emblem)
    if Path(emblem).is_absolute() or win.is_absolute() or win.drive or emblem.startswith(("/", "\\", "~")):
        return msg("emblem_absolute", path=emblem)
    if any(len(part.encode("utf-8")) > 255 for part in win.parts):  # no file system takes such a name
        return msg("emblem_name_too_long", n=len(emblem), path=_short(emblem))
    try:
        base = root.resolve()
        target = (root / emblem).resolve()
        if not target.is_relative_to(base):
            return msg("emblem_outside", path=_short(emblem))
        if not target.is_file():
            return msg("emblem_missing", path=_short(emblem))
        size = target.stat().st_size
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name, a path too long
        return msg("emblem_missing", path=_short(emblem))
    return image_problem(target, size, emblem)


MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 4000  # per side: a 30000 x 30000 PNG took LibreOffice to 1 GB (issue 19)


def image_problem(target: Path, size: int, name: str) -> str | None:
    """Why the image file ``target`` (``size`` bytes, written ``name`` in the content) cannot go into a
    document: over `MAX_IMAGE_BYTES`, over `MAX_IMAGE_PIXELS` on a side (Pillow reads only the
    header), or not a picture Word takes (python-docx's parsers); None when it can."""
    from PIL import Image as Pillow
    from PIL import UnidentifiedImageError

    if size > MAX_IMAGE_BYTES:
        return msg(
            "emblem_too_big", path=_short(name), size=f"{size / 2**20:,.1f}", limit=MAX_IMAGE_BYTES // 2**20
        )
    try:
        with Pillow.open(target) as picture:  # lazy: the header only, no pixel decoded
            width, height = picture.size
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return msg("emblem_not_image", path=_short(name))
    if max(width, height) > MAX_IMAGE_PIXELS:
        return msg(
            "emblem_too_many_pixels", path=_short(name), width=width, height=height, limit=MAX_IMAGE_PIXELS
        )
    try:
        Image.from_file(str(target))
    except Exception:
        return msg("emblem_not_image", path=_short(name))
    return None


def _with_file(errors: list[ContentError], source: Path, files: list[Path]) -> ContentErrors:
    """`ContentErrors` in which every error names a file (the content set's, when no line is known)."""
    default = files[0] if len(files) == 1 else source
    for e in errors:
        if e.location.file is None:
            e.location.file = default
    return ContentErrors(errors)


def parse(source: str | Path) -> LoadedContent:
    """Parse and schema-validate the content set at ``source`` (folder or file).

    This is the first step of loading: encoding, YAML syntax, types, missing or
    unknown keys, cross-references and the emblem file. Rules that need the ITA
    framework data are the second step, `ita_docs.load.validate.load`, which callers
    normally use. Raises `ContentErrors` listing every problem found, each with
    its file; nothing is partially loaded.
    """
    loaded, errors = collect(source)
    if errors or loaded is None:
        raise ContentErrors(errors)
    return loaded


#: The top-level key a kind of cross-reference points into (`Content.reference_problems`).
_REFERS_TO: dict[str, PathKey] = {
    "division": ("organisation", "divisions"),
    "person": ("organisation", "people"),
    "measure": ("measures",),
    "member": ("committees",),
    "committee": ("committees",),
    "minutes": ("minutes",),
}


def collect(source: str | Path) -> tuple[LoadedContent | None, list[ContentError]]:
    """`parse` without raising: the loaded set (None when it cannot be built) and every problem.

    Problems come in one pass, not in rounds: when some top-level sections have
    type errors, the others are still validated and cross-checked (a reference
    into a section that has errors is not reported, it may be right), so that
    `ita_docs.load.validate.load` can add the framework checks of what did load.
    When a file cannot be read at all (syntax, encoding), the other files are
    still checked for their own type errors (a key missing because it is in
    the unreadable file is not reported; cross-references wait).
    Each error names a file. A `LoadedContent` returned with errors holds the
    sections that validated (for further checks only, never for output).
    """
    source = Path(source)
    errors: list[ContentError] = []
    if not source.exists():
        return None, [ContentError(msg("not_found", path=source), Location(source))]
    files = content_files(source)
    if not files:
        return None, [ContentError(msg("no_content", path=source), Location(source))]
    pos = Positions()
    merged: dict[str, Any] = {}
    owner: dict[str, Path] = {}
    for file in files:
        data = _parse_file(file, pos, errors)
        for key, value in (data or {}).items():
            if key in merged:
                loc = pos.locate((key,), key=True)
                loc.file, loc.field = file, str(key)
                errors.append(ContentError(msg("duplicate_key", key=key, other=owner[key].name), loc))
                continue
            merged[key] = value
            owner[key] = file
    if errors:  # a file could not be read: the others are still checked for their own problems
        try:
            Content.model_validate(merged)
        except ValidationError as exc:
            own = [e for e in exc.errors() if not (e["type"] == "missing" and len(e["loc"]) == 1)]
            errors += _quiet(own, pos, files, merged)
        return None, _with_file(errors, source, files).errors
    skipped: list[
        PathKey
    ] = []  # parts left out to cross-check the rest: references into them are not reported
    try:
        content = Content.model_validate(merged)
    except ValidationError as exc:
        errors = _quiet(exc.errors(), pos, files, merged)
        partial = _without_errors(merged, exc.errors(), skipped)
        if partial is None:
            return None, _with_file(errors, source, files).errors
        content = partial
    root = source if source.is_dir() else source.parent

    def unsure(problem: tuple[PathKey, str, dict[str, Any]]) -> bool:
        """In a part left out, or pointing into one (the id may be in what was left out)."""
        target = _REFERS_TO.get(str(problem[2].get("kind")), ("-",))
        return any(problem[0][: len(s)] == s or target[: len(s)] == s for s in skipped)

    untouched = [p for p in content.reference_problems() if not unsure(p)]
    errors += [_reference_error(p, pos, content) for p in untouched]
    emblem = _emblem_problem(content, root)
    if emblem:
        errors.append(ContentError(emblem, pos.locate(("organisation", "emblem"))))
    if content.templates and not (root / content.templates).is_dir():
        errors.append(
            ContentError(msg("templates_missing", path=content.templates), pos.locate(("templates",)))
        )
    loaded = LoadedContent(
        content, root, files, pos, left_out=frozenset(str(s[0]) for s in skipped if len(s) == 1)
    )
    ce_dates.warn(content, merged, loaded.warn)
    return loaded, _with_file(errors, source, files).errors


def _without_errors(merged: dict[str, Any], raw: list[Any], skipped: list[PathKey]) -> Content | None:
    """The content with the parts that have errors left out, for cross-checking the rest; None if
    it still does not validate. A misspelt key is removed; another error removes the innermost
    list item that holds it (e.g. one measure), else its whole top-level section. ``skipped``
    receives the path of each part left out (list items keep their places: the lists after a
    removed item are skipped too, so no reference is reported at a shifted position)."""
    import copy

    data = copy.deepcopy(merged)
    removals: dict[PathKey, PathKey] = {}
    for e in raw:
        loc = _clean_loc(tuple(e["loc"]), merged)
        if not loc:
            return None
        if e["type"] == "extra_forbidden":
            removals[loc] = loc
            continue
        node: Any = merged
        cut: PathKey = loc[:1]
        for i, part in enumerate(loc):
            if isinstance(node, list) and isinstance(part, int):
                cut = loc[: i + 1]
            node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None
        removals[cut] = cut[:-1] if isinstance(cut[-1], int) else cut  # a list item: skip its whole list
    for cut in sorted(removals, key=lambda c: [str(x) for x in c], reverse=True):
        parent: Any = data
        for part in cut[:-1]:
            parent = parent[part] if isinstance(parent, (dict, list)) and _has(parent, part) else None
        if isinstance(parent, dict):
            parent.pop(cut[-1], None)
        elif isinstance(parent, list) and isinstance(cut[-1], int) and cut[-1] < len(parent):
            del parent[cut[-1]]
    skipped += list(removals.values())
    try:
        return Content.model_validate(data)
    except ValidationError:
        return None


def _has(node: Any, part: Any) -> bool:
    return (isinstance(node, dict) and part in node) or (
        isinstance(node, list)
        and isinstance(part, int)
        and not isinstance(part, bool)
        and 0 <= part < len(node)
    )
