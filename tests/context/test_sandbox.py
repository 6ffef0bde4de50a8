"""Expressions and templates cannot exhaust the machine, nor change content (ita_docs.render.docx).

Every payload must stop with `ExpressionError` (one type, a `jinja2.TemplateError`)
and a short message; the only timing is a generous backstop per payload.
"""

from __future__ import annotations

import threading
import time
from datetime import date

import jinja2
import pytest
from docx import Document

from ita_docs import messages, render
from ita_docs.context import limits as sandbox_limits
from ita_docs.errors import ContentErrors, TemplateError
from ita_docs.load.validate import load
from ita_docs.render.docx import ExpressionError, expand, render_template
from ita_docs.resources import sample_sets

BACKSTOP_S = 10.0  # far above what any payload needs; not a benchmark

TOO_LARGE = "นิพจน์ใหญ่เกินไป"


pytestmark = pytest.mark.usefixtures("thai_messages")


@pytest.fixture(scope="module")
def content():
    return load(next(p for p in sample_sets() if p.name == "huapho-2565")).content


@pytest.fixture()
def ctx(content):
    return {
        "organisation": content.organisation,
        "fiscal_year": content.fiscal_year,
        "assessment": content.assessment,
        "measures": {m.id: m for m in content.measures},
        "day": date(2023, 4, 15),
    }


def refused(text: str, ctx: dict) -> ExpressionError:
    """The error of expanding ``text``, which must come quickly and be an `ExpressionError`."""
    start = time.monotonic()
    with pytest.raises(ExpressionError) as info:
        expand(text, ctx, "thai")
    assert time.monotonic() - start < BACKSTOP_S, text
    assert isinstance(info.value, jinja2.TemplateError)
    return info.value


def test_normal_expressions_still_work(ctx):
    assert expand("พ.ศ. {{ fiscal_year|fiscal_digits }}", ctx, "thai") == "พ.ศ. ๒๕๖๖"
    assert expand("{{ organisation.name }}", ctx, "thai") == "องค์การบริหารส่วนตำบลหัวโพ"
    assert expand("{{ 85.855|score }} {{ 1234567|number }}", ctx, "thai") == "๘๕.๘๖ ๑,๒๓๔,๕๖๗"
    assert expand("{{ day|date_long }}", ctx, "arabic") == "15\xa0เมษายน\xa02566"  # a date never breaks
    assert expand("{{ fiscal_year|fiscal_year }}", ctx, "arabic").endswith("2566")
    assert expand("{{ organisation.divisions|length }} กอง", ctx, "arabic") == "4 กอง"
    text = (
        "{% set ns = namespace(n=0) %}{% for d in organisation.divisions %}{% set ns.n = ns.n + 1 %}{% endfor %}"
        "{{ ns.n }}|{{ [1, 2, 3]|join(',') }}|{{ (1, 2)|sum }}|{{ {'a': 1}|length }}|{{ 'ab' ~ 'cd' }}"
        "|{{ '%05.1f'|format(3.14159) }}|{{ '{:,}'.format(1500000) }}|{{ 2 ** 10 }}|{{ 'ab' * 2 }}"
        "|{{ 'x'|center(5) }}|{{ range(3)|list }}|{{ 7 // 2 }} {{ 7 % 2 }} {{ 7 - 10 }}"
    )
    assert expand(text, ctx, "thai") == ("4|1,2,3|3|1|abcd|003.1|1,500,000|1024|abab|  x  |[0, 1, 2]|3 1 -3")


@pytest.mark.parametrize(
    "text, kind, needle",
    [
        # loops and ranges: one budget for all loops of a render
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "limit",
            "วนซ้ำเกิน",
        ),
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{{ b }}{% endfor %}{% endfor %}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% for a in organisation.divisions * 100 %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "limit",
            "วนซ้ำเกิน",
        ),
        ("{{ range(10**20)|list }}", "limit", "range"),
        # numbers
        ("{{ 9**(9**9) }}", "number", TOO_LARGE),
        ("{{ 10**5000 }}", "number", TOO_LARGE),
        ("{{ (10**1000) * (10**1000) * (10**1000) * (10**1000) * (10**1000) }}", "number", TOO_LARGE),
        (
            "{% set ns = namespace(x=2) %}{% for i in range(64) %}{% set ns.x = ns.x * ns.x %}{% endfor %}",
            "number",
            TOO_LARGE,
        ),
        ("{{ 5|round(-1000000000) }}", "number", TOO_LARGE),
        ("{{ 2.0 ** 100000 }}", "number", TOO_LARGE),
        # repetition and padding
        ("{{ organisation.name * 100000000 }}", "limit", TOO_LARGE),
        ("{{ organisation.divisions * 100000000 }}", "limit", TOO_LARGE),
        ("{{ 'x'|center(1000000000) }}", "limit", TOO_LARGE),
        ("{{ 'x'.ljust(1000000000) }}", "limit", TOO_LARGE),
        ("{{ 'x'.rjust(1000000000) }}", "limit", TOO_LARGE),
        ("{{ 'x'.zfill(1000000000) }}", "limit", TOO_LARGE),
        ("{{ '%1000000000d'|format(1) }}", "limit", TOO_LARGE),
        ("{{ '%*d'|format(1000000000, 1) }}", "limit", TOO_LARGE),
        ("{{ '%.1000000000f' % 1.5 }}", "limit", TOO_LARGE),
        ("{{ '{:>1000000000}'.format(1) }}", "limit", TOO_LARGE),
        ("{{ '{:.1000000000f}'.format(1.5) }}", "limit", TOO_LARGE),
        ("{{ ('{0}' * 1000).format('x' * 100000) }}", "limit", TOO_LARGE),
        ("{{ '%(a)s' * 100000 % {'a': 'x' * 100000} }}", "limit", TOO_LARGE),
        ("{{ 'x'|indent(1000000000) }}", "limit", TOO_LARGE),
        ("{{ ('a b ' * 1000)|wordwrap(1, wrapstring='x' * 100000) }}", "limit", TOO_LARGE),
        ("{{ ('x' * 1000)|replace('x', 'y' * 100000) }}", "limit", TOO_LARGE),
        ("{{ ('x' * 1000).replace('x', 'y' * 100000) }}", "limit", TOO_LARGE),
        ("{{ ('x' * 100000).join(['y'] * 1000) }}", "limit", TOO_LARGE),
        ("{{ (['x' * 100000] * 9)|join('y' * 100000) }}", "limit", TOO_LARGE),
        ("{{ ('\t' * 1000).expandtabs(100000) }}", "limit", TOO_LARGE),
        ("{{ (1).to_bytes(1000000000, 'big') }}", "limit", TOO_LARGE),
        ("{{ [1]|batch(1000000000, 0)|list }}", "limit", TOO_LARGE),
        ("{{ ([[1]] * 500000)|sum(start=[]) }}", "limit", TOO_LARGE),
        ("{{ range(100000)|map('center', 1000000)|list }}", "limit", TOO_LARGE),
        # growth step by step: ~, +, {% set %} blocks, nested lists, namespaces
        (
            "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s %}{{ ns.s }}{{ ns.s }}{% endset %}{% endfor %}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(l=(1,)) %}{% for i in range(64) %}{% set ns.l = (ns.l, ns.l) %}{% endfor %}{{ ns.l }}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(d={}) %}{% for i in range(64) %}{% set ns.d = {'a': ns.d, 'b': ns.d} %}{% endfor %}{{ ns.d }}",
            "limit",
            TOO_LARGE,
        ),
        (
            "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ f('x', 64) }}",
            "limit",
            TOO_LARGE,
        ),
        # output of one expression or template part
        ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "limit", "ข้อความที่ได้ยาวเกิน"),
        # lipsum is not available
        ("{{ lipsum(n=1000000) }}", "undefined", "lipsum"),
        # ordinary evaluation errors, one type, messages for a clerk
        ("{{ 1/0 }}", "zero_division", "หารด้วยศูนย์"),
        ("{{ 1 // 0 }}", "zero_division", "หารด้วยศูนย์"),
        ("{{ 'abc'|score }}", "filter", "ตัวกรอง score ใช้กับตัวเลขเท่านั้น"),
        ("{{ fiscal_year|date_long }}", "filter", "ตัวกรอง date_long ใช้กับวันที่เท่านั้น"),
        ("{{ -1|score }}", "filter", "ตัวกรอง score ใช้กับค่า -1 ไม่ได้"),
        ("{{ 'i0'|item_code }}", "filter", "ตัวกรอง item_code"),
        ("{{ no_such_name }}", "undefined", "no_such_name"),
        ("{{ no_such_name|score }}", "undefined", "no_such_name"),
        ("{{ organisation.name + 1 }}", "invalid", "ใช้ค่านี้ในนิพจน์ไม่ได้"),
        ("{{ organisation.__class__ }}", "not_allowed", "ไม่อนุญาต"),
        ("{{ 'x' ~ }}", "syntax", "รูปแบบนิพจน์ผิด"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "deep", "ลึกเกินไป"),
    ],
)
def test_payload_is_refused(ctx, text, kind, needle):
    err = refused(text, ctx)
    assert err.kind == kind, (text, str(err))
    assert needle in str(err), (text, str(err))


def test_truncate_to_a_huge_length_is_harmless(ctx):
    assert expand("{{ 'abc'|truncate(1000000000) }}", ctx, "thai") == "abc"


@pytest.mark.parametrize(
    "text",
    [
        "{{ organisation.divisions.clear() }}",
        "{{ organisation.divisions.append(1) }}",
        "{{ organisation.divisions.pop() }}",
        "{{ measures.clear() }}",
        "{{ measures.update({}) }}",
        "{{ organisation.model_copy(update={'name': 'x'}) }}",
        "{{ organisation.model_fields_set.clear() }}",
        "{{ organisation.__setattr__('name', 'x') }}",
        "{% set organisation.name = 'x' %}",
    ],
)
def test_content_cannot_be_changed(content, ctx, text):
    before = content.model_dump()
    refused(text, ctx)
    assert content.model_dump() == before
    assert len(content.organisation.divisions) == 4


def test_time_limit_is_a_backstop(ctx, monkeypatch):
    """Exponentially many macro calls stay within every size limit: the deadline stops them."""
    monkeypatch.setattr(sandbox_limits, "TIME_LIMIT", 0.3)
    text = "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    err = refused(text, ctx)
    assert err.kind == "time" and "นานเกินไป" in str(err)


def test_limits_work_off_the_main_thread(ctx):
    errors = []

    def work():
        try:
            expand(
                "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
                ctx,
                "thai",
            )
        except ExpressionError as exc:
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join(BACKSTOP_S)
    assert not t.is_alive() and len(errors) == 1 and errors[0].kind == "limit"


def test_limits_are_shared_inside_limits(ctx, monkeypatch):
    monkeypatch.setattr(sandbox_limits, "MAX_ITERATIONS", 150)
    loop = "{% for i in range(50) %}{% endfor %}"  # 100 (range + loop)
    assert expand(loop, ctx, "thai") == "" and expand(loop, ctx, "thai") == ""  # each render has its own
    with render.limits():
        expand(loop, ctx, "thai")
        with pytest.raises(ExpressionError):
            expand(loop, ctx, "thai")


def test_english_messages(ctx):
    messages.set_language("en")
    assert "division by zero" in str(refused("{{ 1/0 }}", ctx))
    assert "the score filter works only on numbers" in str(refused("{{ 'abc'|score }}", ctx))
    assert "expression too large" in str(refused("{{ 10**5000 }}", ctx))


def _template(tmp_path, text: str):
    path = tmp_path / "evil.docx"
    doc = Document()
    doc.add_paragraph(text)
    doc.save(path)
    return path


@pytest.mark.parametrize(
    "text, needle",
    [
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "วนซ้ำเกิน"),
        ("{{ 9**(9**9) }}", TOO_LARGE),
        ("{{ 'x'|center(1000000000) }}", TOO_LARGE),
        ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", TOO_LARGE),
        ("{{ 1/0 }}", "หารด้วยศูนย์"),
        ("{{ x.clear() }}", "ไม่อนุญาต"),
    ],
)
def test_template_errors_name_the_template(tmp_path, text, needle):
    start = time.monotonic()
    with pytest.raises(TemplateError) as info:
        render_template(_template(tmp_path, text), {"x": [1, 2]})
    assert time.monotonic() - start < BACKSTOP_S
    err = info.value
    assert err.template == "evil.docx" and err.part == "word/document.xml" and needle in str(err), str(err)


def test_template_limits_are_per_document(tmp_path, monkeypatch):
    """Every part of a template (body, header...) shares one budget."""
    monkeypatch.setattr(sandbox_limits, "MAX_ITERATIONS", 300)
    path = tmp_path / "parts.docx"
    doc = Document()
    doc.add_paragraph("{% for i in range(100) %}{% endfor %}")  # 200 of 300
    doc.sections[0].header.paragraphs[0].text = "{% for i in range(100) %}{% endfor %}"
    doc.save(path)
    with pytest.raises(TemplateError, match="วนซ้ำเกิน"):
        render_template(path, {})


def test_bad_expression_in_content_is_a_content_error(tmp_path):
    from ita_docs.build import render_set
    from tests.conftest import copy_sample, edit_text

    dst = copy_sample("muangklaeng-2565", tmp_path / "m")
    edit_text(
        dst / "measure_plan.yaml", "measure_plan:", "measure_plan:\n  title: ['ปี {{ fiscal_year / 0 }}']"
    )
    with pytest.raises(ContentErrors, match="หารด้วยศูนย์"):
        render_set(load(dst), tmp_path / "o", ["measures-plan"])
