"""Writing imported scores (`ita_docs.scaffold.scores.Scores`) into a content set's ``assessment``.

The file that holds ``assessment:`` is edited with ruamel.yaml's round-trip mode,
so its comments, key order and quoting stay as the clerk wrote them: a value
given replaces the one in place (a blank ``7:`` of a skeleton gets its score
beside its comment), a key that is missing is added at the end of its mapping
(the comment lines that followed the old last key stay below). A set without
``assessment`` gets it in ``assessment.yaml`` (a new file, or after the file's
other keys). The result is loaded as a whole set (`ita_docs.load.validate.load`)
before anything is written; then the file is replaced in one step.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..analyse import rules as analysis
from ..errors import ContentError, ContentErrors, Location
from ..files import write_file
from ..load.loader import LoadedContent
from ..load.validate import load
from ..messages import msg
from .roundtrip import dump, yaml
from .scores import Scores, read
from .writing import SCHEMA_LINE


def _trailing_comment(node: Any) -> Any:
    """The comment token that holds the lines after ``node``'s last entry (ruamel keeps them
    on the deepest last key or item), or None."""
    found = None
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = node.ca.items.get(last)
        if slot:
            token = slot[2] if isinstance(node, CommentedMap) and len(slot) > 2 else slot[0]
            if token is not None and "\n" in token.value.rstrip("\n"):
                found = token
        node = node[last]
    return found


def _append(mapping: CommentedMap, key: Any, value: Any) -> None:
    """``mapping[key] = value`` for a new key, added last; comment lines that followed the old
    last entry (ruamel keeps them on it) move below the new one, with the rest of the block."""
    token = _trailing_comment(mapping)
    mapping[key] = value
    if token is None:
        return
    head, _, rest = token.value.partition("\n")
    moved = copy.copy(token)
    moved.value = "\n" + rest
    token.value = head + "\n"
    holder, last = mapping, key
    while (
        isinstance(holder[last], (CommentedMap, CommentedSeq))
        and len(holder[last])
        and not holder[last].fa.flow_style()
    ):
        holder = holder[last]
        last = list(holder)[-1] if isinstance(holder, CommentedMap) else len(holder) - 1
    holder.ca.items[last] = [None, None, moved, None] if isinstance(holder, CommentedMap) else [moved, None]


def _put(mapping: CommentedMap, key: Any, value: Any) -> None:
    if key in mapping:
        mapping[key] = value
    else:
        _append(mapping, key, value)


def _merge(mapping: CommentedMap, key: str, values: dict[Any, Any]) -> None:
    """``values`` into the mapping at ``key`` (in place, keys in their order), or as a new mapping."""
    target = mapping.get(key)
    if isinstance(target, CommentedMap):
        for k, v in values.items():
            _put(target, k, v)
    else:
        _put(mapping, key, CommentedMap(values.items()))


def fill(a: CommentedMap, scores: Scores, titles: dict[str, str]) -> None:
    """Lay ``scores`` over the round-trip ``assessment`` mapping ``a`` (in place)."""
    if "year" not in a and scores.year is not None:
        a.insert(0, "year", scores.year)
    at = 1 if "year" in a else 0
    for key in ("overall", "level"):  # next to the year, as the samples write them
        value = getattr(scores, key)
        if value is None:
            continue
        if key in a:
            a[key] = value
        else:
            a.insert(at, key, value)
            at += 1
    if scores.tools:
        _merge(a, "tools", {t: scores.tools[t] for t in analysis.TOOLS if t in scores.tools})
    if scores.indicators:
        _merge(a, "indicators", dict(sorted(scores.indicators.items())))
    if scores.sub_indicators:
        _merge(
            a,
            "sub_indicators",
            dict(sorted(scores.sub_indicators.items(), key=lambda kv: [int(p) for p in kv[0].split(".")])),
        )
    if scores.items:
        given = a.get("items")
        items = given if isinstance(given, CommentedSeq) else CommentedSeq()
        by_code = {str(entry.get("code")).lower(): entry for entry in items if isinstance(entry, dict)}
        for code, (score, label) in scores.items.items():
            if code in by_code:
                by_code[code]["score"] = score
                continue
            entry = CommentedMap([("code", code), ("score", score)])
            if label and label != titles.get(code):
                entry["title"] = label
            entry.fa.set_flow_style()
            items.append(entry)
        if items is not given:
            _put(a, "items", items)
    if scores.previous:
        _merge(a, "previous", {y: scores.previous[y] for y in sorted(scores.previous)})


def _owner(files: list[Path]) -> tuple[Path | None, Any]:
    """The file whose top level holds ``assessment`` and its round-trip data."""
    for file in files:
        try:
            data = yaml().load(file.read_text(encoding="utf-8-sig"))
        except (YAMLError, OSError, UnicodeDecodeError):
            continue
        if isinstance(data, CommentedMap) and "assessment" in data:
            return file, data
    return None, None


def import_scores(source: Path, folder: Path) -> tuple[Path, int]:
    """Fill ``assessment`` of the content set ``folder`` from the score file ``source`` (.xlsx/.csv).

    Returns the YAML file written and how many values it received. Raises
    `ContentErrors` (the set does not load, a bad cell, every one of them; or the
    result would not load) or `OutputError`; nothing is written then.
    """
    folder = Path(folder)
    loaded = load(folder)
    c = loaded.content
    scores = read(source, c.assessment.year if c.assessment else None, dict(c.item_titles))
    if not scores.count():
        raise ContentErrors([ContentError(msg("scores_none"), Location(Path(source)))])
    file, data = _owner(loaded.files)
    if file is None:
        file = loaded.root / "assessment.yaml"
        data = yaml().load(file.read_text(encoding="utf-8-sig")) if file.exists() else None
        if data is None:
            data = CommentedMap()
        prefix = "" if file.exists() else SCHEMA_LINE
        data["assessment"] = CommentedMap([("year", scores.year)])
    else:
        prefix = ""
    a = data["assessment"]
    if not isinstance(a, CommentedMap):
        a = CommentedMap([("year", scores.year)])
        data["assessment"] = a
    titles = dict(analysis.framework(scores.year).items) if scores.year else {}
    fill(a, scores, titles)
    old = file.read_text(encoding="utf-8-sig") if file.exists() else ""
    text = prefix + dump(data, old)  # in the file's own layout (indentation; lines ruamel would rewrite kept)
    _check(loaded, file, text)
    write_file(file, text.encode("utf-8"))
    return file, scores.count()


def _check(loaded: LoadedContent, target: Path, text: str) -> None:
    """Load the set as it would be with ``target`` holding ``text``; `ContentErrors` name the real file.

    The staged copy holds the YAML files and what they name (the emblem, the
    content's template folder), nothing else of the folder.
    """
    root, c = loaded.root, loaded.content
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / root.name
        stage.mkdir()
        for f in loaded.files:
            shutil.copyfile(f, stage / f.name)
        named = [p for p in (c.organisation.emblem, c.templates) if p]
        for rel in named:
            source, copy_to = root / rel, stage / rel
            copy_to.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, copy_to, dirs_exist_ok=True)
            elif source.is_file():
                shutil.copyfile(source, copy_to)
        (stage / target.name).write_text(text, encoding="utf-8")
        try:
            load(stage)
        except ContentErrors as exc:
            for e in exc.errors:
                if e.location.file is not None and Path(e.location.file).parent == stage:
                    e.location.file = root / Path(e.location.file).name
            raise
