import csv
import io

import markdown
from hypothesis import given, strategies as st

from generator.render import escape
from generator.render.tabular import csv_table as csv_bytes


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


def test_md_keeps_markdown_syntax_literal():
    src = "a *b* _c_ [d](e) <b>x</b> `f` # g 1. h | i {#id} \\N"
    html = to_html(str(escape.md(src)))
    assert html == "<p>a *b* _c_ [d](e) &lt;b&gt;x&lt;/b&gt; `f` # g 1. h | i {#id} \\N</p>"


def test_md_at_line_start_does_not_make_headings_or_lists():
    for src in ["# 标题", "- 列表", "1. 编号", "> 引用", "+ 加"]:
        assert to_html(str(escape.md(src))) == f"<p>{src.replace('>', '&gt;')}</p>"


def test_md_cell_keeps_pipes_inside_a_table_cell():
    table = f"| a | b |\n|---|---|\n| {escape.md_cell('x | y')} | z |\n"
    html = to_html(table)
    assert "<td>x | y</td>" in html and "<td>z</td>" in html


def test_md_joins_lines():
    # between Chinese characters a line break leaves no space; next to Latin letters one space
    assert str(escape.md("一\n二")) == "一二"
    assert str(escape.md("共\n71 个单位，\n Excel 表格")) == "共 71 个单位， Excel 表格"
    assert str(escape.html("社会\n和谐")) == "社会和谐"


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=40))
def test_md_roundtrips_any_text_as_one_paragraph(text):
    text = " ".join(text.split())
    html = to_html(str(escape.md(text)))
    if not text:
        return
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<em>" not in html and "<strong>" not in html and "<a " not in html and "<code>" not in html


def test_html_escapes():
    assert str(escape.html('<a href="x">&')) == "&lt;a href=&#34;x&#34;&gt;&amp;"
    assert str(escape.html(None)) == ""


def test_html_block_paragraphs():
    assert str(escape.html_block("一\n二\n\n<三>")) == "<p>一二</p><p>&lt;三&gt;</p>"


def test_dot_text_escapes_backslashes_and_quotes():
    assert escape.dot_text('a\\N"b\nc') == 'a\\\\N\\"b c'


def test_csv_cell_blocks_formulas_but_keeps_numbers():
    assert escape.csv_cell("=1+2") == "'=1+2"
    assert escape.csv_cell("+86") == "'+86"
    assert escape.csv_cell("-x") == "'-x"
    assert escape.csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert escape.csv_cell(-5) == "-5"
    assert escape.csv_cell(2.5) == "2.5"
    assert escape.csv_cell(True) == "是"
    assert escape.csv_cell(None) == ""
    assert escape.csv_cell("正常") == "正常"


def test_csv_bytes_has_bom_and_escapes_cells():
    data = csv_bytes(["名称", "值"], [["=cmd", 1], ['带"引号', "a,b"]])
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["名称", "值"], ["'=cmd", "1"], ['带"引号', "a,b"]]


def test_anchor_keeps_ids():
    assert escape.anchor("m", "M-L1-1") == "m-M-L1-1"
    assert escape.anchor("o", "a b") == "o-a-b"


def test_front_matter_values_are_escaped_for_materials_templates():
    from generator.render.jinja import yaml_str

    assert str(yaml_str('</title><script>"x"')) == '"&lt;/title&gt;&lt;script&gt;&#34;x&#34;"'
    assert str(yaml_str(2)) == "2"


def test_css_string_cannot_end_the_string_or_the_style_element():
    from generator.render.escape import css_string

    assert css_string("海南朝鲜族乡 · 指标卡") == "海南朝鲜族乡 \\b7  指标卡"
    out = css_string('a"</style><script>\\')
    assert '"' not in out and "<" not in out and ">" not in out
    assert out.count("\\") == out.count("\\") and out.startswith("a\\22 ")
    assert css_string("第一行\n第二行") == "第一行 第二行"
