"""What the texts of the phrase files may say: the Jinja expressions each place allows
(`expression_problems`, `check_expressions`) and the strings of a block or a measure that are
checked. Used by the file models of `ita_docs.analyse.phrases`.
"""

from __future__ import annotations

import jinja2
from jinja2 import nodes

from ita_docs.model import Block, Measure

# Names a text may use inside {{ }} (dotted paths), by where the text is.
MEASURE_VARIABLES = frozenset({"organisation.name", "fiscal_year", "assessment.year"})
SECTION_VARIABLES = MEASURE_VARIABLES | {"overall", "level", "pass_mark"}
INDICATOR_VARIABLES = SECTION_VARIABLES | {
    "indicator.number",
    "indicator.name",
    "indicator.score",
    "indicator.tool",
}
FILTERS = frozenset({"fiscal_digits"})
YEARS = frozenset({"fiscal_year", "assessment.year"})  # printed only through |fiscal_digits


def _path(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _path(node.node)
        return f"{base}.{node.attr}" if base else None
    return None


def expression_problems(text: str, allowed: frozenset[str]) -> list[str]:
    """What is wrong with the Jinja in ``text`` (empty when nothing is).

    Only ``{{ name }}`` / ``{{ name.attr }}`` outputs of ``allowed`` paths, with
    the ``fiscal_digits`` filter, are accepted; a year is accepted only
    through ``fiscal_digits`` (otherwise it would print Arabic digits).

    >>> expression_problems("พ.ศ. {{ fiscal_year|fiscal_digits }}", MEASURE_VARIABLES)
    []
    >>> expression_problems("{{ fiscal_year }} {{ organisation.phone }}", MEASURE_VARIABLES)
    ['fiscal_year without |fiscal_digits', 'organisation.phone is not allowed here']
    """
    if "{" not in text:
        return []
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        return [f"syntax: {exc.message}"]
    problems: list[str] = []

    def visit(node: nodes.Node, digits: bool) -> None:
        if isinstance(node, (nodes.Template, nodes.Output)):
            for child in node.iter_child_nodes():
                visit(child, digits)
        elif isinstance(node, nodes.TemplateData):
            return
        elif isinstance(node, nodes.Filter):
            if node.name not in FILTERS or node.args or node.kwargs:
                problems.append(f"filter {node.name} is not allowed")
            if node.node is not None:  # None only for a {% filter %} block's filter, refused as a FilterBlock
                visit(node.node, node.name == "fiscal_digits")
        elif (path := _path(node)) is not None:
            if path not in allowed:
                problems.append(f"{path} is not allowed here")
            elif path in YEARS and not digits:
                problems.append(f"{path} without |fiscal_digits")
        else:
            problems.append(f"{type(node).__name__} is not allowed (only {{{{ name }}}} outputs)")

    visit(tree, False)
    return problems


def check_expressions(text: str, allowed: frozenset[str], where: str) -> None:
    problems = expression_problems(text, allowed)
    if problems:
        raise ValueError(f"{where}: {'; '.join(problems)} in “{text[:60]}”")


def block_texts(block: Block) -> list[str]:
    """Every string of one prose block (paragraph, heading, list items, table cells)."""
    out = [t for t in (block.paragraph, block.heading) if t is not None]
    for items in (block.bullets, block.numbered, block.dashes):
        out += items or []
    if block.table:
        out += block.table.header + [cell for row in block.table.rows for cell in row]
    return out


def measure_texts(m: Measure) -> list[str]:
    """Every string of a measure that is printed (title, steps, responsible, period, follow-up)."""
    out = list(m.title) + ([m.requirement] if m.requirement else [])
    for step in m.steps:
        out += [step.text, *step.bullets]
    out += list(m.responsible_other) + list(m.follow_up)
    if m.period and m.period.text:
        out.append(m.period.text)
    return out


__all__ = [
    "FILTERS",
    "INDICATOR_VARIABLES",
    "MEASURE_VARIABLES",
    "SECTION_VARIABLES",
    "YEARS",
    "block_texts",
    "check_expressions",
    "expression_problems",
    "measure_texts",
]
