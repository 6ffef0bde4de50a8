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
