"""OIT item lists of the framework years that used the o1..o43 layout (2563-2567)."""

from __future__ import annotations

import re

import pytest

from ita_docs.analyse.rules import framework

O1_TO_O43 = [f"o{n}" for n in range(1, 44)]
THAI = re.compile(r"[\u0E01-\u0E5B]")
# Titles that are Latin in the manual itself.
LATIN_TITLES = {"Q&A", "Social Network", "E-Service"}

# The 2567 list has not been sourced yet (see the comment in 2567.yaml).
SOURCED = [2565, 2566]


def assert_complete(items: dict[str, str]) -> None:
    assert list(items) == O1_TO_O43
    for code, title in items.items():
        assert title == title.strip() and title, code
        if title not in LATIN_TITLES:
            assert THAI.search(title), (code, title)
        assert "\u200b" not in title, code


@pytest.mark.parametrize("year", SOURCED)
def test_items_are_exactly_o1_to_o43_with_thai_titles(year):
    assert_complete(framework(year).items)


@pytest.mark.parametrize("year", SOURCED)
def test_titles_are_unique_within_a_year(year):
    titles = list(framework(year).items.values())
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("year", SOURCED)
def test_items_shared_by_both_years(year):
    items = framework(year).items
    assert items["o1"] == "โครงสร้าง"
    assert items["o2"] == "ข้อมูลผู้บริหาร"
    assert items["o3"] == "อำนาจหน้าที่"
    assert items["o4"] == "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"
    assert items["o8"] == "Q&A"
    assert items["o42"] == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert items["o43"] == "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def test_2565_items():
    items = framework(2565).items
    assert items["o10"] == "แผนดำเนินงานประจำปี"
    assert items["o13"] == "คู่มือหรือมาตรฐานการปฏิบัติงาน"
    assert items["o17"] == "E-Service"
    assert items["o18"] == "แผนการใช้จ่ายงบประมาณประจำปี"
    assert items["o29"] == "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    assert items["o34"] == "นโยบายไม่รับของขวัญ (No Gift Policy)"


def test_2566_items():
    # Seed 002 (the 2565 analysis, planning for 2566) cites O๑๒, O๒๒, O๒๙, O๓๒, O๓๓ with these numbers.
    items = framework(2566).items
    assert items["o10"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert items["o12"] == "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน"
    assert items["o14"] == "คู่มือหรือมาตรฐานการปฏิบัติงาน"
    assert items["o18"] == "E-Service"
    assert items["o22"] == "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"
    assert items["o29"] == "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    assert items["o31"] == "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    assert items["o32"] == "การสร้างวัฒนธรรม No Gift Policy"
    assert items["o33"] == "รายงานผลตามนโยบาย No Gift Policy"
    assert items["o40"] == "การขับเคลื่อนจริยธรรม"
    assert items["o41"] == "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ"


def test_2566_renumbered_2565():
    old, new = framework(2565).items, framework(2566).items
    # Same item, moved by the o10 insertion and the merged budget items.
    assert old["o13"] == new["o14"]
    assert old["o24"] == new["o22"]
    assert old["o31"] == new["o29"]
    assert "นโยบายคุ้มครองข้อมูลส่วนบุคคล" not in old.values()
    assert "ช่องทางการรับฟังความคิดเห็น" in old.values()
    assert "ช่องทางการรับฟังความคิดเห็น" not in new.values()


def test_2567_items_are_all_or_nothing():
    items = framework(2567).items
    if not items:
        pytest.skip("2567 OIT list not sourced yet (see ita_docs/framework/2567.yaml)")
    assert_complete(items)


# ---- 2568/2569 (issue 17): o1..o26, titles only where a source was found (comments cite them)


@pytest.mark.parametrize("year", [2568, 2569])
def test_2568_2569_items_are_within_o1_to_o26_with_thai_titles(year):
    fw = framework(year)
    assert fw.item_count == 26
    codes = [f"o{n}" for n in range(1, 27)]
    assert set(fw.items) <= set(codes)
    assert list(fw.items) == [c for c in codes if c in fw.items], "in item order"
    for code, title in fw.items.items():
        assert title == title.strip() and title, code
        assert THAI.search(title) or title in LATIN_TITLES, (code, title)
    # The names that were copies of 2566's are gone (no source for 2568/2569).
    assert fw.sub_indicators == {}


def test_2569_titles_of_the_issue():
    items = framework(2569).items
    assert items["o3"] == "ข้อมูลการติดต่อและช่องทางการสอบถาม"
    assert items["o10"] == "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)"
    assert items["o11"] == "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"
    assert items["o25"] == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert items["o26"] == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert items["o11"] != framework(2568).items["o11"] == "ข้อมูลสถิติการให้บริการ"  # seed 004


def test_2568_groups_named_by_seed_004():
    groups = framework(2568).item_groups
    assert groups["การบริหารงานและงบประมาณ"] == [f"o{n}" for n in range(5, 12)]
    assert groups["การบริหารและทรัพยากรบุคคล"] == ["o14", "o15", "o16"]


@pytest.mark.parametrize(
    ("year", "plan", "results", "period"),
    [(2566, "o42", "o43", "current"), (2567, "o42", "o43", "current"), (2569, "o25", "o26", "previous")],
)
def test_document_to_item_maps(year, plan, results, period):
    docs = framework(year).documents
    assert docs["analysis-report"].item == docs["measures-plan"].item == plan
    assert (docs["measures-results"].item, docs["measures-results"].period) == (results, period)


def test_item_codes_of_document_maps_are_items_of_that_year():
    for year in (2566, 2569):
        fw = framework(year)
        assert all(s.item in fw.items for s in fw.documents.values())


@pytest.mark.parametrize("year", [2565, 2566, 2567, 2568, 2569])
def test_item_codes_are_within_item_count(year):
    fw = framework(year)
    assert fw.item_count in (43, 26)
    assert all(1 <= int(code[1:]) <= fw.item_count for code in fw.items)
    for codes in [*fw.sub_indicator_items.values(), *fw.item_groups.values()]:
        assert all(1 <= int(code[1:]) <= fw.item_count for code in codes)
