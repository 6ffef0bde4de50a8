"""The vocabulary of content expressions (ita_docs.context.vocabulary): values, documentation, error wording."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import FunctionType, MappingProxyType

import pytest
from docx import Document
from pydantic import BaseModel

from ita_docs import messages, render
from ita_docs.context import values as vocabulary_context
from ita_docs.context import vocabulary
from ita_docs.documents import writer
from ita_docs.errors import TemplateError
from ita_docs.load.loader import parse
from ita_docs.load.validate import load
from ita_docs.render.docx import ExpressionError, expand, render_template
from ita_docs.resources import sample_sets
from tests.conftest import copy_sample

ROOT = Path(__file__).resolve().parents[2]


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.usefixtures("thai_messages")


@pytest.fixture(scope="module")
def writers():
    """{sample name: Writer} for every bundled sample."""
    return {p.name: writer(load(p)) for p in sample_sets()}


@pytest.fixture(scope="module")
def huapho(writers):
    return writers["huapho-2565"].expr_context()


# --------------------------------------------------------------------------- documentation


def test_docs_page_is_generated_from_the_vocabulary():
    gen = _gen_docs()
    committed = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == gen.vocabulary_markdown(), "docs/vocabulary.md is stale: run python tools/gen_docs.py"


def test_readme_table_names_every_top_level_name():
    table = _gen_docs().readme_table()
    for name in vocabulary.names():
        assert f"| `{name}` |" in table
    for f in vocabulary.FILTERS:
        assert f"`{f.name}`" in table


def test_every_filter_is_documented():
    assert sorted(vocabulary.filter_names()) == sorted(render.thai_filter_names())
    env = render.make_env("thai")
    assert all(name in env.filters for name in vocabulary.filter_names())


def test_every_filter_example_works_in_both_digits():
    for f in vocabulary.FILTERS:
        thai, arabic = vocabulary.filter_example(f, "thai"), vocabulary.filter_example(f, "arabic")
        assert thai and arabic, f.name
        assert not any(ch.isascii() and ch.isdigit() for ch in thai), (f.name, thai)


def test_every_name_is_documented_and_every_documented_name_exists(writers):
    produced = {name for w in writers.values() for name in w.expr_context()}
    documented = set(vocabulary.names())
    assert produced == documented, (produced - documented, documented - produced)


def test_every_example_works_on_a_bundled_sample(writers):
    for entry in vocabulary.NAMES:
        results = []
        for w in writers.values():
            try:
                results.append(expand(entry.example, w.expr_context(), w.digits))
            except ExpressionError:
                continue
        assert results, entry.name
        assert any(r.strip() for r in results) or entry.name == "tools.oit.parts", (
            entry.name
        )  # no sample has parts


def test_tool_parts(tmp_path):
    folder = copy_sample("huapho-2565", tmp_path / "huapho")
    with (folder / "assessment.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  tool_parts:\n    eit:\n      - {name: ส่วนที่ ๑, score: 90.1}\n      - {name: ส่วนที่ ๒}\n")
    w = writer(load(folder))
    entry = next(n for n in vocabulary.NAMES if n.name == "tools.oit.parts")
    assert w.text(entry.example).replace("\xa0", " ") == "ส่วนที่ ๑ ๙๐.๑๐ ส่วนที่ ๒  "


def test_every_name_has_both_languages():
    for entry in vocabulary.NAMES:
        assert entry.th and entry.en and entry.example and entry.group in vocabulary.GROUPS, entry
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in entry.th), entry.name


# --------------------------------------------------------------------------- values


def _read_only(value, seen=None, path="ctx"):
    """Every value reachable from a context is immutable data, a frozen model/dataclass, or a function."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if value is None or isinstance(value, (str, int, float, bool)):
        return
    if isinstance(value, tuple):
        for i, v in enumerate(value):
            _read_only(v, seen, f"{path}[{i}]")
    elif isinstance(value, MappingProxyType):
        for k, v in value.items():
            _read_only(v, seen, f"{path}[{k!r}]")
    elif isinstance(value, vocabulary_context.Titles):
        return
    elif isinstance(value, BaseModel):
        assert value.model_config.get("frozen"), path
    elif dataclasses.is_dataclass(value):
        assert type(value).__dataclass_params__.frozen, path
        for f in dataclasses.fields(value):
            _read_only(getattr(value, f.name), seen, f"{path}.{f.name}")
    elif isinstance(value, FunctionType):
        return
    else:
        raise AssertionError(f"{path} is a {type(value).__name__}, which is not read-only")


def test_values_are_read_only(writers):
    for w in writers.values():
        for name, value in w.expr_context().items():
            _read_only(value, path=name)


@pytest.mark.parametrize(
    "text",
    [
        "{{ indicators.clear() }}",
        "{{ ranking.append(1) }}",
        "{{ measures.pop('m2566-o2') }}",
        "{{ count.__setattr__('below_pass', 0) }}",
        "{{ tools.oit.__dict__ }}",
        "{% set count.indicators = 0 %}",
    ],
)
def test_expressions_cannot_change_the_vocabulary(writers, text):
    ctx = writers["huapho-2565"].expr_context()
    before = (ctx["count"], ctx["indicators"][9], len(ctx["measures"]))
    with pytest.raises(ExpressionError):
        expand(text, ctx, "thai")
    assert (ctx["count"], ctx["indicators"][9], len(ctx["measures"])) == before


def test_scores_are_text_in_the_documents_digits(huapho, writers):
    assert huapho["overall"] == "๘๕.๘๕" and huapho["level"] == "A" and huapho["pass_mark"] == "๘๕"
    nine = huapho["indicators"][9]
    assert (nine.name, nine.score, nine.rank, nine.tool, nine.below_pass) == (
        "การเปิดเผยข้อมูล",
        "๖๓.๖๗",
        10,
        "OIT",
        True,
    )
    assert huapho["tools"]["oit"].score == "๗๘.๗๑" and huapho["tools"]["oit"].weight == 40
    assert huapho["count"].below_pass == 1 and huapho["count"].indicators == 10
    arabic = vocabulary_context.context(writers["huapho-2565"].loaded, "arabic")
    assert arabic["overall"] == "85.85" and arabic["indicators"][9].score == "63.67"
    pakkret = writers["pakkret-2568"].expr_context()
    assert (pakkret["previous_overall"], pakkret["change"]) == ("๘๘.๖๑", "+๒.๖๒")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{{ indicators[9].score }} อันดับ {{ indicators[9].rank }}", "๖๓.๖๗ อันดับ ๑๐"),
        ("{{ lowest(2)|join(', ') }}", "การเปิดเผยข้อมูล, การแก้ไขปัญหาการทุจริต"),
        ("{{ lowest()|length }} {{ highest(1)[0].number }}", "๓ ๘"),
        ("{{ below_pass|map(attribute='number')|join(' ') }}", "๙"),
        ("{% if indicators[9].below_pass %}ต่ำกว่าเกณฑ์ {{ pass_mark }}{% endif %}", "ต่ำกว่าเกณฑ์ ๘๕"),
        ("{{ count.below_pass }}/{{ count.indicators }}", "๑/๑๐"),
        ("{{ assessment.indicators[9]|score }}", "๖๓.๖๗"),  # the content as written, as before
        ("{{ assessment.year|fiscal_digits }} {{ overall }} {{ level }}", "๒๕๖๕ ๘๕.๘๕ A"),
        ("{{ divisions.klang.name }}", "กองคลัง"),
        ("{{ committee.name == committees.ita.name }}", "True"),
        ("{{ tools.iit.weighted }}", "๒๖.๘๓"),
    ],
)
def test_expressions_in_content_text(writers, text, expected):
    assert writers["huapho-2565"].text(text) == expected


def test_titles_are_worded_by_the_writer(writers):
    w = writers["huapho-2565"]
    assert w.text("{{ titles.measure_plan }}").replace("\u00a0", " ") == " ".join(
        w.title_lines("measure_plan")
    )
    assert "องค์การบริหารส่วนตำบลหัวโพ" in w.text("{{ titles.analysis_report }}")


def test_overall_is_computed_when_the_content_leaves_it_out(tmp_path):
    folder = copy_sample("huapho-2565", tmp_path / "huapho")
    path = folder / "assessment.yaml"
    path.write_text(
        "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.strip().startswith(("overall:", "level:"))
        ),
        encoding="utf-8",
    )
    for loaded in (parse(folder), load(folder)):  # as written, and completed at load
        assert "overall" not in loaded.content.assessment.model_fields_set
        ctx = vocabulary_context.context(loaded)
        assert (ctx["overall"], ctx["level"]) == ("๘๕.๘๔", "A")
        assert ctx["assessment"].overall == 85.84  # filled in for {{ assessment.overall|score }}


def test_content_without_assessment_has_no_computed_names(writers):
    ctx = writers["muangklaeng-2565"].expr_context()
    assert ctx["assessment"] is None and "overall" not in ctx and "indicators" not in ctx
    assert ctx["count"].indicators == 0 and ctx["people"]["kanda"].name


def test_lowest_refuses_a_bad_count(huapho):
    for text in ("{{ lowest(-1) }}", "{{ lowest('x') }}"):
        with pytest.raises(ExpressionError):
            expand(text, huapho, "thai")


# --------------------------------------------------------------------------- error wording


@pytest.mark.parametrize(
    "text, needles",
    [
        (
            "{{ organisaton.name }}",
            ["ไม่รู้จักชื่อ 'organisaton'", "หมายถึง 'organisation' หรือไม่?", "ชื่อที่ใช้ได้:", "indicators"],
        ),
        ("{{ organisation.nmae }}", ["ไม่มี 'nmae'", "หมายถึง 'name' หรือไม่?", "province"]),
        ("{{ indicators[9].scor }}", ["หมายถึง 'score' หรือไม่?", "rank"]),
        ("{{ titles.measure_pln }}", ["หมายถึง 'measure_plan' หรือไม่?"]),
        (
            "{{ fiscal_year|fiscal_digit }}",
            ["ไม่รู้จักตัวกรอง 'fiscal_digit'", "หมายถึง 'fiscal_digits' หรือไม่?", "date_long"],
        ),
        ("{% if true %}{{ overall|scor }}{% endif %}", ["ไม่รู้จักตัวกรอง 'scor'", "หมายถึง 'score' หรือไม่?"]),
    ],
)
def test_unknown_names_say_did_you_mean(huapho, text, needles):
    with pytest.raises(ExpressionError) as info:
        expand(text, huapho, "thai")
    assert info.value.kind == "undefined"
    for needle in needles:
        assert needle in str(info.value), (needle, str(info.value))


def test_unknown_names_in_english(huapho):
    messages.set_language("en")
    with pytest.raises(ExpressionError) as info:
        expand("{{ overal }}", huapho, "thai")
    assert "unknown name 'overal' (did you mean 'overall'?)" in str(info.value)
    with pytest.raises(ExpressionError) as info:
        expand("{{ overall|scroe }}", huapho, "thai")
    assert "unknown filter 'scroe' (did you mean 'score'?)" in str(info.value)


def test_unknown_names_in_content_are_located_content_errors(writers):
    w = writer(writers["huapho-2565"].loaded)
    assert w.text("{{ organisation.nmae }}") == "{{ organisation.nmae }}"
    assert "หมายถึง 'name' หรือไม่?" in str(w.errors[0])


def test_unknown_names_and_filters_in_templates(tmp_path):
    for text, needle in [
        ("{{ titel }}", "หมายถึง 'title' หรือไม่?"),
        ("{{ title|scroe }}", "หมายถึง 'score' หรือไม่?"),
    ]:
        path = tmp_path / "t.docx"
        doc = Document()
        doc.add_paragraph(text)
        doc.save(path)
        with pytest.raises(TemplateError) as info:
            render_template(path, {"title": "x", "rows": []})
        assert needle in str(info.value) and info.value.template == "t.docx", str(info.value)
