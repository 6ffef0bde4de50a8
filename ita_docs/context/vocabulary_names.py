"""The names content text may use inside ``{{ }}``, documented: `Name`, the `GROUPS` they are
listed under and every `NAMES` entry, in Thai and English with an example (part of
`ita_docs.context.vocabulary`, which re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """One documented name: how it is written, what it means (Thai, English), an example expression."""

    name: str
    group: str
    th: str
    en: str
    example: str

    @property
    def top(self) -> str:
        """The top-level name (``indicators`` of ``indicators[9].score``)."""
        for i, ch in enumerate(self.name):
            if ch in ".[(":
                return self.name[:i]
        return self.name


GROUPS: dict[str, tuple[str, str]] = {
    "organisation": ("หน่วยงาน", "Organisation"),
    "assessment": ("ผลการประเมิน ITA", "ITA results"),
    "indicators": ("ตัวชี้วัด", "Indicators"),
    "count": ("จำนวน", "Counts"),
    "others": ("มาตรการ คณะกรรมการ และชื่อเอกสาร", "Measures, committees and titles"),
}

_T = "assessment.tools.oit"
NAMES: tuple[Name, ...] = (
    # organisation
    Name(
        "organisation.name", "organisation", "ชื่อหน่วยงาน", "the organisation's name", "{{ organisation.name }}"
    ),
    Name(
        "organisation.kind",
        "organisation",
        "ประเภทหน่วยงาน เช่น อบต. เทศบาลตำบล",
        "kind of organisation, e.g. อบต., เทศบาลตำบล",
        "{{ organisation.kind }}",
    ),
    Name(
        "organisation.district",
        "organisation",
        "ชื่ออำเภอ (ไม่มีคำว่า อำเภอ)",
        "district name (without อำเภอ)",
        "อำเภอ{{ organisation.district }}",
    ),
    Name(
        "organisation.province",
        "organisation",
        "ชื่อจังหวัด (ไม่มีคำว่า จังหวัด)",
        "province name (without จังหวัด)",
        "จังหวัด{{ organisation.province }}",
    ),
    Name(
        "organisation.phone",
        "organisation",
        "หมายเลขโทรศัพท์ของหน่วยงาน (ถ้ามี)",
        "the organisation's phone number (if given)",
        "{{ organisation.phone }}",
    ),
    Name(
        "organisation.divisions",
        "organisation",
        "รายการกอง/สำนักตามลำดับในเนื้อหา แต่ละรายการมี id และ name",
        "divisions in content order, each with id and name",
        "{{ organisation.divisions|map(attribute='name')|join(', ') }}",
    ),
    Name(
        "organisation.people",
        "organisation",
        "รายการบุคคล แต่ละคนมี id, name, position (รายการ) และ division",
        "people, each with id, name, position (a list) and division",
        "{{ organisation.people|map(attribute='name')|join(', ') }}",
    ),
    Name(
        "divisions",
        "organisation",
        "กอง/สำนักตามรหัส (id) ใน organisation.divisions",
        "divisions by id (organisation.divisions)",
        "{{ divisions.klang.name }}",
    ),
    Name(
        "people",
        "organisation",
        "บุคคลตามรหัส (id) ใน organisation.people",
        "people by id (organisation.people)",
        "{{ people.kanda.name }} {{ people.kanda.position|join(' ') }}",
    ),
    Name(
        "fiscal_year",
        "organisation",
        "ปีงบประมาณของเอกสาร (พ.ศ. เป็นตัวเลข) พิมพ์ด้วย |fiscal_digits",
        "the documents' fiscal year (BE, a number); print it with |fiscal_digits",
        "พ.ศ. {{ fiscal_year|fiscal_digits }}",
    ),
    # assessment
    Name(
        "overall",
        "assessment",
        "คะแนนรวม (ที่ระบุ หรือคำนวณตามเกณฑ์ของปี)",
        "overall score (given, else computed by the year's rules)",
        "ได้คะแนน {{ overall }} คะแนน",
    ),
    Name(
        "level",
        "assessment",
        "ระดับผลการประเมิน (ที่ระบุ หรือคำนวณตามเกณฑ์ของปี)",
        "level (given, else computed by the year's rules)",
        "ระดับ {{ level }}",
    ),
    Name(
        "pass_mark",
        "assessment",
        "เกณฑ์ผ่านของปีที่ประเมิน เช่น ๘๕",
        "the pass mark of the assessed year, e.g. 85",
        "เกณฑ์ผ่าน {{ pass_mark }} คะแนน",
    ),
    Name(
        "previous_overall",
        "assessment",
        "คะแนนรวมของปีก่อนปีที่ประเมิน (จาก assessment.previous ถ้ามี)",
        "the overall score of the year before (from assessment.previous, if given)",
        "{{ previous_overall }}",
    ),
    Name(
        "change",
        "assessment",
        "คะแนนรวมเปลี่ยนจากปีก่อน มีเครื่องหมาย เช่น +๒.๖๒",
        "change of the overall score against the year before, signed",
        "{{ change }}",
    ),
    Name(
        "tools.oit.score",
        "assessment",
        "คะแนนของเครื่องมือ (tools.iit, tools.eit, tools.oit) เต็ม ๑๐๐ ที่ระบุ หรือคำนวณจากตัวชี้วัด",
        "a tool's score (tools.iit, .eit, .oit) out of 100, given or computed from its indicators",
        "{{ tools.oit.score }}",
    ),
    Name(
        "tools.oit.weighted",
        "assessment",
        "คะแนนของเครื่องมือคิดตามน้ำหนัก (ส่วนของคะแนนรวม)",
        "a tool's weighted score (its share of the overall)",
        "{{ tools.oit.weighted }}",
    ),
    Name(
        "tools.oit.weight",
        "assessment",
        "น้ำหนักของเครื่องมือ (ร้อยละของคะแนนรวม)",
        "a tool's weight (percent of the overall)",
        "ร้อยละ {{ tools.oit.weight }}",
    ),
    Name("tools.oit.name", "assessment", "ชื่อเครื่องมือภาษาไทย", "a tool's Thai name", "{{ tools.oit.name }}"),
    Name(
        "tools.oit.label",
        "assessment",
        "ชื่อย่อเครื่องมือ IIT EIT OIT",
        "a tool's short label IIT, EIT, OIT",
        "{{ tools.oit.label }}",
    ),
    Name(
        "tools.oit.parts",
        "assessment",
        "ส่วนย่อยของคะแนนเครื่องมือที่เผยแพร่ (assessment.tool_parts) แต่ละส่วนมี name และ score",
        "published parts of a tool's score (assessment.tool_parts), each with name and score",
        "{% for p in tools.eit.parts %}{{ p.name }} {{ p.score }} {% endfor %}",
    ),
    Name(
        "assessment.year",
        "assessment",
        "ปีงบประมาณที่ได้รับการประเมิน (พ.ศ. เป็นตัวเลข)",
        "the assessed fiscal year (BE, a number)",
        "{{ assessment.year|fiscal_digits }}",
    ),
    Name(
        "assessment.overall",
        "assessment",
        "คะแนนรวมเป็นตัวเลข (ที่ระบุ หรือคำนวณ) พิมพ์ด้วย |score",
        "the overall score as a number (given or computed); print it with |score",
        "{{ assessment.overall|score }}",
    ),
    Name(
        "assessment.indicators[9]",
        "assessment",
        "คะแนนตัวชี้วัดเป็นตัวเลขตามที่เขียนใน assessment พิมพ์ด้วย |score",
        "an indicator's score as written in assessment, a number; print it with |score",
        "{{ assessment.indicators[9]|score }}",
    ),
    Name(
        "assessment.previous[2566]",
        "assessment",
        "คะแนนรวมของปีก่อน ๆ ตามปี พ.ศ. (assessment.previous) เป็นตัวเลข",
        "earlier overall scores by BE year (assessment.previous), numbers",
        "{{ assessment.previous[assessment.year - 1]|score }}",
    ),
    # indicators
    Name(
        "indicators[9].name",
        "indicators",
        "ชื่อตัวชี้วัดตามเลข (๑-๑๐) ชื่อที่หน่วยงานใช้ (assessment.indicator_names) หรือตามเกณฑ์ของปี",
        "an indicator's name by number (1-10): the content's (assessment.indicator_names), else the year's",
        "{{ indicators[9].name }}",
    ),
    Name(
        "indicators[9].score",
        "indicators",
        "คะแนนของตัวชี้วัด",
        "an indicator's score",
        "{{ indicators[9].score }}",
    ),
    Name(
        "indicators[9].rank",
        "indicators",
        "อันดับของตัวชี้วัด (๑ = คะแนนสูงสุด)",
        "an indicator's rank (1 = highest score)",
        "อันดับที่ {{ indicators[9].rank }}",
    ),
    Name(
        "indicators[9].tool",
        "indicators",
        "เครื่องมือของตัวชี้วัด (IIT EIT OIT)",
        "the tool of an indicator (IIT, EIT, OIT)",
        "{{ indicators[9].tool }}",
    ),
    Name(
        "indicators[9].tool_name",
        "indicators",
        "ชื่อเครื่องมือภาษาไทยของตัวชี้วัด",
        "the Thai name of an indicator's tool",
        "{{ indicators[9].tool_name }}",
    ),
    Name(
        "indicators[9].below_pass",
        "indicators",
        "จริงเมื่อคะแนนต่ำกว่าเกณฑ์ผ่าน (ใช้ใน {% if %})",
        "true when the score is below the pass mark (for {% if %})",
        "{% if indicators[9].below_pass %}ต่ำกว่าเกณฑ์{% endif %}",
    ),
    Name(
        "indicators[9].number",
        "indicators",
        "เลขตัวชี้วัด",
        "the indicator's number",
        "ตัวชี้วัดที่ {{ indicators[9].number }}",
    ),
    Name(
        "indicators[9].value",
        "indicators",
        "คะแนนเป็นตัวเลข สำหรับเปรียบเทียบ (ไม่ใช่สำหรับพิมพ์)",
        "the score as a number, for comparisons (not for printing)",
        "{% if indicators[9].value < 70 %}ต่ำมาก{% endif %}",
    ),
    Name(
        "ranking",
        "indicators",
        "ตัวชี้วัดทุกตัวที่มีคะแนน เรียงจากคะแนนสูงสุด",
        "every scored indicator, highest score first",
        "{% for i in ranking %}{{ i.rank }}. {{ i.name }} {{ i.score }} {% endfor %}",
    ),
    Name(
        "lowest(3)",
        "indicators",
        "ตัวชี้วัด n ตัวที่คะแนนต่ำสุด เรียงจากต่ำสุด (ไม่ระบุ n = ๓)",
        "the n lowest indicators, lowest first (n defaults to 3)",
        "{{ lowest(3)|join(', ') }}",
    ),
    Name(
        "highest(3)",
        "indicators",
        "ตัวชี้วัด n ตัวที่คะแนนสูงสุด เรียงจากสูงสุด (ไม่ระบุ n = ๓)",
        "the n highest indicators, highest first (n defaults to 3)",
        "{{ highest(1)[0].name }}",
    ),
    Name(
        "below_pass",
        "indicators",
        "ตัวชี้วัดที่คะแนนต่ำกว่าเกณฑ์ผ่าน เรียงจากต่ำสุด",
        "indicators below the pass mark, lowest first",
        "{{ below_pass|join(', ') }}",
    ),
    # counts
    Name(
        "count.indicators",
        "count",
        "จำนวนตัวชี้วัดที่มีคะแนน",
        "number of scored indicators",
        "{{ count.indicators }} ตัวชี้วัด",
    ),
    Name(
        "count.below_pass",
        "count",
        "จำนวนตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่าน",
        "number of indicators below the pass mark",
        "จำนวน {{ count.below_pass }} ตัวชี้วัด",
    ),
    Name(
        "count.passing",
        "count",
        "จำนวนตัวชี้วัดที่ผ่านเกณฑ์",
        "number of indicators at or above the pass mark",
        "{{ count.passing }}",
    ),
    Name(
        "count.measures",
        "count",
        "จำนวนมาตรการใน measures",
        "number of measures",
        "{{ count.measures }} มาตรการ",
    ),
    Name("count.divisions", "count", "จำนวนกอง/สำนัก", "number of divisions", "{{ count.divisions }}"),
    Name(
        "count.people", "count", "จำนวนบุคคลใน organisation.people", "number of people", "{{ count.people }}"
    ),
    Name("count.committees", "count", "จำนวนคณะกรรมการ", "number of committees", "{{ count.committees }}"),
    # measures, committees, titles
    Name(
        "measures",
        "others",
        "มาตรการตามรหัส (id) แต่ละมาตรการมี title, steps, responsible, period ...",
        "measures by id, each with title, steps, responsible, period ...",
        "{{ measures['m2566-o2'].title|join(' ') }}",
    ),
    Name(
        "committees",
        "others",
        "คณะกรรมการตามรหัส (id) แต่ละคณะมี name, members, duties",
        "committees by id, each with name, members, duties",
        "{{ committees.ita.name }}",
    ),
    Name(
        "committee",
        "others",
        "คณะกรรมการ เมื่อเนื้อหามีเพียงคณะเดียว",
        "the committee, when the content has exactly one",
        "{{ committee.name }}",
    ),
    Name(
        "titles.analysis_report",
        "others",
        "ชื่อรายงานการวิเคราะห์ผลการประเมิน (บรรทัดเดียว)",
        "the analysis report's title, one line",
        "{{ titles.analysis_report }}",
    ),
    Name(
        "titles.measure_plan",
        "others",
        "ชื่อมาตรการส่งเสริมคุณธรรมและความโปร่งใส (บรรทัดเดียว)",
        "the measure plan's title, one line",
        "{{ titles.measure_plan }}",
    ),
    Name(
        "titles.measure_results",
        "others",
        "ชื่อรายงานผลการดำเนินการตามมาตรการ (บรรทัดเดียว)",
        "the measure-results report's title, one line",
        "{{ titles.measure_results }}",
    ),
)
