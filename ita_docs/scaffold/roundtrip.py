"""Writing YAML text back the way its author wrote it: ruamel.yaml round trip, layout kept, atomic.

`dump` writes a changed round-trip document (`ruamel.yaml.comments.CommentedMap`) in the
indentation the file already uses (`indent_of`: the first of `INDENTS` whose round trip
gives the file back); when no setting of ruamel.yaml reproduces the file (a hand-written
file mixing indentations), only the lines that changed are carried over into the original
text (`patch_lines`). Files are written by `ita_docs.files.write_file`.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

INDENTS = tuple(
    dict.fromkeys(
        [(2, 4, 2), (2, 2, 0)]
        + [(m, q, o) for m in (2, 4, 3) for q in (2, 3, 4, 5, 6, 8) for o in range(q - 1) if q - o >= 2]
    )
)
"""(mapping, sequence, offset) indentations tried, most usual first, to find the one a file is written in."""


def yaml(indent: tuple[int, int, int] = INDENTS[0]) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a long Thai line the user wrote on one line
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return y


def indent_of(text: str) -> tuple[int, int, int]:
    """The indentation of ``text``: the first of `INDENTS` whose round trip gives ``text`` back, else
    (a file mixing styles) the one whose round trip keeps the most lines as they are."""
    import difflib

    best, best_score = INDENTS[0], -1
    lines = text.splitlines()
    for indent in INDENTS:
        y = yaml(indent)
        buf = io.StringIO()
        try:
            y.dump(y.load(text), buf)
        except Exception:
            return INDENTS[0]
        if buf.getvalue() == text:
            return indent
        matcher = difflib.SequenceMatcher(None, buf.getvalue().splitlines(), lines, autojunk=False)
        score = sum(block.size for block in matcher.get_matching_blocks())
        if score > best_score:
            best, best_score = indent, score
    return best


def patch_lines(original: str, before: str, after: str) -> str:
    """``original`` with the lines that changed from ``before`` to ``after`` changed the same way.

    ``before`` and ``after`` are ruamel's text of the file before and after the change;
    ``original`` is what the user wrote, in a layout ruamel does not reproduce (mixed
    indentations). Each changed run of lines is put in place of the ``original`` lines it
    stands for; when a run cannot be placed (it touches lines ruamel wrote differently),
    ``after`` is returned whole (a valid file, in ruamel's layout)."""
    import difflib

    o, b, a = (
        original.splitlines(keepends=True),
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
    )
    where: dict[int, int] = {}
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(None, b, o, autojunk=False).get_opcodes():
        if tag == "equal":
            where.update({i: j1 + (i - i1) for i in range(i1, i2)})
    out = list(o)
    for tag, i1, i2, j1, j2 in reversed(difflib.SequenceMatcher(None, b, a, autojunk=False).get_opcodes()):
        if tag == "equal":
            continue
        if i1 < i2:
            if not all(i in where for i in range(i1, i2)) or where[i2 - 1] - where[i1] != i2 - 1 - i1:
                return after
            start, end = where[i1], where[i2 - 1] + 1
        elif i1 in where:
            start = end = where[i1]
        elif i1 == len(b):
            start = end = len(o)
        else:
            return after
        out[start:end] = a[j1:j2]
    return "".join(out)


def dump(doc: CommentedMap, old: str) -> str:
    """``doc`` as YAML text laid out like ``old`` (the file's current text; "" for a new file)."""
    indent = indent_of(old) if old else INDENTS[0]
    y = yaml(indent)
    buf = io.StringIO()
    y.dump(doc, buf)
    new = buf.getvalue()
    if old:
        again = io.StringIO()
        y.dump(y.load(old), again)
        if again.getvalue() != old:  # a layout ruamel does not write: carry only the changed lines over
            new = patch_lines(old, again.getvalue(), new)
    return new


__all__ = ["INDENTS", "dump", "indent_of", "patch_lines", "yaml"]
