"""The phrase library (ita_docs/phrases): every year loads, is complete, and its texts are safe to render."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
from pydantic import ValidationError

from ita_docs.analyse.phrases import (
    INDICATOR_TEXTS,
    INDICATOR_VARIABLES,
    MEASURE_VARIABLES,
    SECTION_NAMES,
    SECTION_VARIABLES,
    expression_problems,
    merge,
    phrases,
    years,
)
from ita_docs.analyse.rules import framework, framework_years
from ita_docs.model import Measure
from ita_docs.render.docx import expand

YEARS = years()
THAI = re.compile(r"[\u0E00-\u0E7F]")
EXPR = re.compile(r"\{\{.*?\}\}", re.DOTALL)

SAMPLE = {
    "organisation": {"name": "องค์การบริหารส่วนตำบลหัวโพ"},
    "fiscal_year": 2566,
    "assessment": {"year": 2565},
    "overall": "๘๕.๘๕",
    "level": "ผ่าน",
    "pass_mark": "๘๕",
    "indicator": {"number": "๗", "name": "ประสิทธิภาพการสื่อสาร", "score": "๕๘.๐๑", "tool": "EIT"},
}


def all_texts():
    """Every distinct text of every year (a text inherited unchanged is tested once)."""
    seen: set[tuple[str, frozenset[str]]] = set()
    for y in YEARS:
        for where, text, allowed in phrases(y).texts():
            if (text, allowed) not in seen:
                seen.add((text, allowed))
                yield pytest.param(text, allowed, id=f"{y}:{where}")


def parse_env() -> jinja2.Environment:
    env = jinja2.Environment()
    env.filters["fiscal_digits"] = str  # find_undeclared_variables compiles: the filter must exist
    return env


def test_a_file_for_every_framework_year():
    assert YEARS == framework_years()
    assert YEARS == [2565, 2566, 2567, 2568, 2569]


def test_unknown_year_is_a_key_error():
    with pytest.raises(KeyError):
        phrases(2400)


def test_cached():
    assert phrases(2566) is phrases(2566)


@pytest.mark.parametrize("year", YEARS)
def test_year_is_complete(year):
    p = phrases(year)
    assert p.year == year
    for name in SECTION_NAMES:
        assert getattr(p.sections, name), name
    assert sorted(p.indicators) == sorted(framework(year).indicators) == list(range(1, 11))
    for n, ind in p.indicators.items():
        for name in INDICATOR_TEXTS:
            assert getattr(ind, name).strip(), (n, name)
        assert ind.measures.startswith("ซึ่ง"), n  # continues the finding's printed head


@pytest.mark.parametrize("year", YEARS)
def test_measures_validate_and_cover_every_indicator(year):
    p = phrases(year)
    ids = [m.id for m in p.measures]
    assert len(ids) == len(set(ids))
    for m in p.measures:
        again = Measure(**m.model_dump(exclude_defaults=True))
        assert again == m
        assert m.steps and m.period and m.follow_up and m.responsible_other
        assert not m.responsible  # division ids are the content's
    counts = {n: len(p.measures_for(n)) for n in range(1, 11)}
    assert all(c >= 2 for c in counts.values()), counts
    assert counts[7] >= 4 and counts[9] >= 6, counts


@pytest.mark.parametrize(("text", "allowed"), list(all_texts()))
def test_text_is_thai_with_thai_digits(text, allowed):
    assert THAI.search(text), text
    outside = EXPR.sub("", text)
    assert not re.search(r"[0-9]", outside), text
    assert "{%" not in text and "{#" not in text


@pytest.mark.parametrize(("text", "allowed"), list(all_texts()))
def test_expressions_use_allowed_names_and_render(text, allowed):
    env = parse_env()
    tree = env.parse(text)
    top = {name.split(".")[0] for name in allowed}
    assert jinja2.meta.find_undeclared_variables(tree) <= top
    assert expression_problems(text, allowed) == []
    out = expand(text, SAMPLE, "thai")
    assert "{" not in out and "}" not in out
    assert not re.search(r"[0-9]", out), out  # years went through |fiscal_digits


def test_the_name_finder_finds_names():
    env = parse_env()
    assert jinja2.meta.find_undeclared_variables(env.parse("{{ other.x|fiscal_digits }} {{ level }}")) == {
        "other",
        "level",
    }


def test_sample_context_is_the_documented_one():
    assert {n.split(".")[0] for n in INDICATOR_VARIABLES} == set(SAMPLE)
    assert MEASURE_VARIABLES < SECTION_VARIABLES < INDICATOR_VARIABLES


def test_rendered_section_reads_right():
    p = phrases(2566)
    first = expand(p.sections.results_intro[0].paragraph, SAMPLE, "thai")
    assert "พ.ศ. ๒๕๖๕ โดยองค์การบริหารส่วนตำบลหัวโพ ได้คะแนน ๘๕.๘๕ คะแนน" in first
    assert (
        expand(p.measure("i1-work-standards").period.text, SAMPLE, "arabic")
        == "ภายในไตรมาสแรกของปีงบประมาณ พ.ศ. 2566"
    )


@pytest.mark.parametrize(
    ("text", "allowed", "problem"),
    [
        ("{{ organisation.phone }}", SECTION_VARIABLES, "organisation.phone is not allowed here"),
        ("{{ fiscal_year }}", SECTION_VARIABLES, "fiscal_year without |fiscal_digits"),
        ("{{ indicator.name }}", SECTION_VARIABLES, "indicator.name is not allowed here"),
        ("{{ overall }}", MEASURE_VARIABLES, "overall is not allowed here"),
        ("{{ level|upper }}", SECTION_VARIABLES, "filter upper is not allowed"),
        ("{% if level %}x{% endif %}", SECTION_VARIABLES, "If is not allowed (only {{ name }} outputs)"),
        ("{{ level ", SECTION_VARIABLES, "syntax:"),
    ],
)
def test_expression_checker_rejects(text, allowed, problem):
    assert any(p.startswith(problem) for p in expression_problems(text, allowed))


# ------------------------------------------------------------------ extends


def test_extends_cycle_is_an_error(monkeypatch):
    import ita_docs.analyse.phrases as mod

    files = {1: {"year": 1, "extends": 2}, 2: {"year": 2, "extends": 1}}
    monkeypatch.setattr(mod, "_read", lambda y: dict(files[y]))
    mod.phrases.cache_clear()
    try:
        with pytest.raises(ValueError, match="cycle"):
            mod.phrases(1)
    finally:
        mod.phrases.cache_clear()


def test_2565_grades_in_letters():
    p, base = phrases(2565), phrases(2566)
    assert p.extends == 2566
    assert "ระดับ AA" in p.sections.results_intro[1].paragraph
    assert p.sections.principles == base.sections.principles
    assert p.measures == base.measures and p.indicators == base.indicators


def test_2567_is_2566():
    p, base = phrases(2567), phrases(2566)
    assert (p.sections, p.indicators, p.measures) == (base.sections, base.indicators, base.measures)


def test_2568_cites_the_renumbered_oit_items():
    p, base = phrases(2568), phrases(2566)
    assert "การจัดซื้อจัดจ้าง" in p.indicator(9).measures
    assert "การบริหารเงินงบประมาณ" in base.indicator(9).measures
    assert p.measure("i8-eservice").items == ["o10"]
    assert p.measure("i9-service-statistics").items == ["o11"]
    assert "O๑๑" in p.measure("i9-service-statistics").title[0]
    assert [m.id for m in p.measures] == [m.id for m in base.measures]  # replaced in place
    assert not any(m.items for m in base.measures)


def test_2569_adds_o25_o26():
    p = phrases(2569)
    assert p.measure("i10-ita-analysis").items == ["o25"]
    assert p.measure("i10-measure-results").items == ["o26"]
    assert p.measure("i8-eservice").items == ["o10"]  # inherited from 2568


# ------------------------------------------------------------------ merge


def test_merge_replaces_a_section_a_text_and_a_measure():
    base = phrases(2566)
    new = merge(
        base,
        {
            "sections": {"conclusion": ["สรุปผลของ{{ organisation.name }}"]},
            "indicators": {"7": {"weakness": "คะแนนต่ำเพราะประชาสัมพันธ์น้อย"}},
            "measures": [
                {"id": "i7-publicity-channels", "title": "ประชาสัมพันธ์ทางเสียงตามสาย", "indicators": [7]},
                {"id": "x-local", "title": "มาตรการเฉพาะของหน่วยงาน", "indicators": [5]},
            ],
        },
    )
    assert [b.paragraph for b in new.sections.conclusion] == ["สรุปผลของ{{ organisation.name }}"]
    assert new.sections.introduction == base.sections.introduction
    assert new.indicator(7).weakness == "คะแนนต่ำเพราะประชาสัมพันธ์น้อย"
    assert new.indicator(7).strength == base.indicator(7).strength
    ids = [m.id for m in new.measures]
    assert ids == [m.id for m in base.measures] + ["x-local"]
    assert new.measure("i7-publicity-channels").title == ["ประชาสัมพันธ์ทางเสียงตามสาย"]
    assert new.measure("i7-publicity-channels").steps == []
    assert new.measure("i8-eservice") == base.measure("i8-eservice")
    assert base.measure("i7-publicity-channels").steps  # the cached base is untouched


@pytest.mark.parametrize(
    "override",
    [
        {"sections": {"conclusion": ["{{ organisation.phone }}"]}},
        {"sections": {"epilogue": ["ข้อความ"]}},
        {"indicators": {11: {"measures": "ซึ่ง"}}},
        {"measures": [{"id": "x", "title": "ก", "indicators": [1], "responsible": ["palad"]}]},
        {"measures": [{"id": "x", "title": "ก", "indicators": []}]},
    ],
)
def test_merge_validates(override):
    with pytest.raises(ValidationError):
        merge(phrases(2566), override)


def test_low_in_the_import_graph():
    code = "import sys, ita_docs.analyse.phrases; print(' '.join(sorted(m for m in sys.modules if m.startswith('ita_docs'))))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {
        m
        for m in out
        if not m.startswith(("ita_docs.model", "ita_docs.analyse.phrases", "ita_docs.thaifmt."))
    } <= {"ita_docs", "ita_docs.analyse", "ita_docs.thaifmt"}


def test_bundled_data_files_read_the_same_with_libyaml():
    """The bundled framework and phrases files are read with libyaml's safe loader (issue 19, the cold
    start): exactly what PyYAML's own safe loader reads."""
    import yaml

    from ita_docs.analyse import phrases
    from ita_docs.analyse import rules as analysis

    assert analysis.DATA_LOADER is phrases.DATA_LOADER is yaml.CSafeLoader

    root = Path(__file__).resolve().parents[2] / "ita_docs"
    files = sorted(
        [*(root / "analyse" / "framework").glob("*.yaml"), *(root / "analyse" / "phrases").glob("*.yaml")]
    )
    assert len(files) >= 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=phrases.DATA_LOADER) == yaml.safe_load(text), f.name
