"""Native Word charts: the chart part, its workbook, embedding in .docx, LibreOffice rendering."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree

from ita_docs.render import chart_cache, chart_embed, charts, ooxml
from ita_docs.render.docx import make_env

NS = {
    "c": charts.C_NS,
    "a": charts.A_NS,
    "r": charts.R_NS,
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
CATS = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "ตัวชี้วัดที่ 9"]
VALS = [92.87, 8.18, 63.67]


@pytest.fixture(scope="module")
def chart() -> charts.ChartPart:
    return charts.bar_chart(CATS, VALS, title="คะแนนรายตัวชี้วัด ปี 2565")


def _root(chart: charts.ChartPart) -> etree._Element:
    return etree.fromstring(chart.xml)


def test_chart_part_has_bar_chart_with_categories_and_values(chart):
    root = _root(chart)
    assert root.tag == f"{{{charts.C_NS}}}chartSpace"
    bar = root.find(".//c:barChart", NS)
    assert bar.find("c:barDir", NS).get("val") == "col"
    cats = bar.xpath("c:ser/c:cat//c:pt/c:v/text()", namespaces=NS)
    assert cats == ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "ตัวชี้วัดที่ ๙"]  # digits follow `digits`
    vals = [float(v) for v in bar.xpath("c:ser/c:val//c:pt/c:v/text()", namespaces=NS)]
    assert vals == VALS
    assert root.xpath("string(.//c:title//a:t)", namespaces=NS) == "คะแนนรายตัวชี้วัด ปี ๒๕๖๕"
    assert root.find("c:externalData", NS).get(f"{{{charts.R_NS}}}id") == "rId1"


def test_labels_two_decimals_thai_digits_and_axis(chart):
    root = _root(chart)
    formats = root.xpath(
        ".//c:ser/c:dLbls/c:numFmt/@formatCode | .//c:dLbl/c:numFmt/@formatCode", namespaces=NS
    )
    assert formats and set(formats) == {"[$-D00041E]0.00"}
    assert root.xpath("string(.//c:ser/c:dLbls/c:showVal/@val)", namespaces=NS) == "1"
    # the short bar (8.18 of 100) has its label outside the bar
    assert root.xpath(".//c:dLbl[c:idx/@val='1']/c:dLblPos/@val", namespaces=NS) == ["outEnd"]
    val_ax = root.find(".//c:valAx", NS)
    assert float(val_ax.find("c:scaling/c:max", NS).get("val")) == 100
    assert float(val_ax.find("c:scaling/c:min", NS).get("val")) == 0
    assert val_ax.find("c:numFmt", NS).get("formatCode") == "[$-D00041E]0"


def test_arabic_digits_have_no_locale_prefix():
    root = _root(charts.bar_chart(["ตัวชี้วัดที่ ๑"], [85.5], title="ปี ๒๕๖๕", digits="arabic"))
    assert "[$-" not in etree.tostring(root, encoding="unicode")
    assert root.xpath(".//c:cat//c:v/text()", namespaces=NS) == ["ตัวชี้วัดที่ 1"]
    with pytest.raises(ValueError):
        charts.bar_chart(["a"], [1], title="", digits="roman")
    with pytest.raises(ValueError):
        charts.bar_chart(["a", "b"], [1], title="")


def test_every_text_property_has_thai_font(chart):
    root = _root(chart)
    rprs = root.xpath(".//a:defRPr | .//a:rPr", namespaces=NS)
    assert len(rprs) >= 4  # chart default, title, axes, labels
    for rpr in rprs:
        assert rpr.find("a:latin", NS).get("typeface") == "TH Sarabun New"
        assert rpr.find("a:cs", NS).get("typeface") == "TH Sarabun New"
        names = [etree.QName(el).localname for el in rpr]
        assert names.index("latin") < names.index("cs")  # schema order


def test_horizontal_chart_reads_top_down_with_axis_at_bottom():
    root = _root(charts.bar_chart(CATS, VALS, title="", horizontal=True))
    assert root.find(".//c:barDir", NS).get("val") == "bar"
    assert root.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    assert root.find(".//c:valAx/c:crosses", NS).get("val") == "max"
    assert root.find(".//c:title", NS) is None


def test_workbook_holds_categories_and_values(chart):
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    if openpyxl is not None:
        ws = openpyxl.load_workbook(io.BytesIO(chart.xlsx)).active
        assert [ws.cell(r, 1).value for r in range(2, 5)] == list(chart.categories)
        assert [ws.cell(r, 2).value for r in range(2, 5)] == VALS
        return
    z = zipfile.ZipFile(io.BytesIO(chart.xlsx))
    strings = z.read("xl/sharedStrings.xml").decode()
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    for cat in chart.categories:
        assert cat in strings
    for v in VALS:
        assert f"<v>{v}</v>" in sheet


def test_same_input_same_bytes(chart):
    again = charts.bar_chart(CATS, VALS, title="คะแนนรายตัวชี้วัด ปี 2565")
    assert again.xml == chart.xml and again.xlsx == chart.xlsx


def _docx_with_chart(chart: charts.ChartPart) -> bytes:
    doc = Document()
    doc.add_paragraph("ผลคะแนน")
    chart_embed.add_chart(doc.add_paragraph().add_run(), chart, width_cm=15, height_cm=8)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _check_package(data: bytes, n_charts: int = 1) -> None:
    Document(io.BytesIO(data))  # python-docx reopens it
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    types = etree.fromstring(z.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    assert defaults.get("xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    doc_rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    document = z.read("word/document.xml").decode()
    for i in range(1, n_charts + 1):
        part = f"word/charts/chart{i}.xml"
        assert part in names and f"word/embeddings/Microsoft_Excel_Sheet{i}.xlsx" in names
        assert overrides[f"/{part}"] == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        rels = etree.fromstring(z.read(f"word/charts/_rels/chart{i}.xml.rels"))
        (rel,) = rels.findall("rel:Relationship", NS)
        assert rel.get("Id") == "rId1"
        assert rel.get("Type").endswith("/relationships/package")
        assert rel.get("Target") == f"../embeddings/Microsoft_Excel_Sheet{i}.xlsx"
        (to_chart,) = [r for r in doc_rels if r.get("Target") == f"charts/chart{i}.xml"]
        assert (
            to_chart.get("Type")
            == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
        )
        assert f'r:id="{to_chart.get("Id")}"' in document
    ids = re.findall(r'<wp:docPr id="(\d+)"', document)
    assert len(ids) == len(set(ids)) == n_charts


def test_docx_with_chart_is_a_valid_package(chart):
    _check_package(_docx_with_chart(chart))


def test_inline_chart_in_a_docxtpl_template(tmp_path, chart):
    doc = Document()
    doc.add_paragraph("ก่อน {{ chart }} หลัง")
    doc.add_paragraph("{{ tools }}")
    doc.save(tmp_path / "t.docx")
    tpl = DocxTemplate(str(tmp_path / "t.docx"))
    tools = charts.bar_chart(["IIT", "EIT", "OIT"], [89.43, 91.77, 78.71], title="")
    ctx = {
        "chart": chart_embed.InlineChart(tpl, chart),
        "tools": chart_embed.InlineChart(tpl, tools, width_cm=10, height_cm=6),
    }
    tpl.render(ctx, jinja_env=make_env("thai"), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    data = ooxml.fix_package(buf.getvalue(), digits="thai")  # what render_template does next
    _check_package(data, n_charts=2)
    assert "ก่อน" in ooxml.document_text(data) and "หลัง" in ooxml.document_text(data)
    assert not [f for f in ooxml.audit_package(data) if "chart" in f]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_chart_with_thai_digits(tmp_path):
    chart = charts.bar_chart(["IIT", "EIT", "OIT"], [89.43, 91.77, 78.71], title="Tools")
    (tmp_path / "c.docx").write_bytes(_docx_with_chart(chart))
    profile = (tmp_path / "profile").as_uri()  # own profile: other soffice runs may be going
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "c.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "c.pdf"
    assert pdf.exists()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for word in ("IIT", "EIT", "OIT", "Tools"):
        assert word in text
    for label in ("๘๙.๔๓", "๙๑.๗๗", "๗๘.๗๑"):  # [$-D00041E]0.00 draws Thai digits in LibreOffice
        assert label in text


def test_chart_xml_from_the_cached_shape_is_the_built_xml():
    """`chart_xml` fills a chart built once per shape; it must give the bytes of a full build, any data."""
    import random

    rnd = random.Random(5)
    words = ["การปฏิบัติหน้าที่", "IIT", "a & b <c>", "\"q\" 's'", "ตัวชี้วัดที่ ๙", "x" * 80, "]]>", "a\u00a0b", "😀"]
    odd = ["", " ", " pad ", "tab\there", "line\nbreak", "cr\rhere"]  # texts that take the full build
    for k in range(120):
        n = rnd.choice([1, 3, 10, 13])
        vm = rnd.choice([100, 50, 1, 7])
        cats = [rnd.choice(words) + f" {i}" for i in range(n)]
        if k % 10 == 0:
            cats[rnd.randrange(n)] = rnd.choice(odd)
        vals = [
            rnd.choice(
                [0, 5, 21.99, 22, 63.675, 85.85, 89.42999999999999, 100, 150, vm * 0.22, vm * 0.2199999, 3]
            )
            for _ in range(n)
        ]
        spec = chart_cache.ChartSpec(
            rnd.random() < 0.5,
            rnd.choice(["thai", "arabic"]),
            rnd.choice(["", "ปี ๒๕๖๕ & <x>"]),
            "TH Sarabun New",
            vm,
            "คะแนน",
            13,
            slide=rnd.random() < 0.5,
        )
        assert charts.chart_xml(spec, cats, vals) == chart_cache.built_chart_xml(spec, cats, vals), (
            spec,
            cats,
            vals,
        )
    # an unusable text in a category fails as the full build does
    with pytest.raises(etree.XMLSyntaxError):
        charts.bar_chart(["bell\x07"], [1], title="")
