"""The editors' reference under docs/, generated from the model and the rules so it cannot drift.

`docs/format.md`: every file kind, every field with its label, type, whether it is required,
its description, and a worked example (the examples are validated against the model by a
test). `docs/rules.md`: every check code, from the rule modules' docstrings.
"""
from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .load.tree import CITY_FILES, UNIT_FILES, UNIT_FOLDERS
from .load.yamlfile import MAX_ALIAS_CHARS, MAX_BYTES, MAX_DEPTH, MAX_DIGITS
from .reference_examples import ARTICLE_EXAMPLE, EXAMPLES
from .schema import atomic_write

_FILES: list[tuple[str, type[BaseModel], str]] = (
    [(f"scorecards/{n}", m, n) for n, m in CITY_FILES.items()]
    + [(f"scorecards/units/<单位>/{n}", m, n) for n, m in UNIT_FILES.items()]
    + [(f"scorecards/units/<单位>/{d}/<{'人员' if d == 'people' else '考核期'}>.yml", m, f"{d}/")
       for d, m in UNIT_FOLDERS.items()]
)

_PURPOSE = {
    "city.yml": "城市：名称、默认层面、市级战略主题、推行阶段、单位类别、默认考核办法和设置。由市平衡计分卡办公室维护。",
    "registry.yml": "单位名录：全市推行平衡计分卡的每个单位，及其类别、是否标杆单位、推行进程。",
    "glossary.yml": "术语表：门户“术语”页面和搜索词典使用。",
    "unit.yml": "单位的使命、愿景、核心价值观、战略主题，以及（可选）本单位自己的层面。",
    "map.yml": "总战略地图的战略目标及其因果关系（drives），以及分战略地图。",
    "measures.yml": "总卡上的指标及完整的指标卡。考核量表中没有的指标就是监控指标。",
    "actions.yml": "行动方案：推动战略目标的工作，含责任人、起止日期、预算、里程碑和状态。",
    "departments.yml": "部门（股室、站所）及其分卡：分卡目标（用 supports 对应总卡目标）和分卡指标。",
    "posts.yml": "岗位及其所属部门、岗位难度类别。岗位名称会作为指标和行动方案的责任人出现在公开版；"
                 "谁担任哪个岗位（人员）只在内部版。要隐藏某个岗位，写 internal: true。",
    "rules.yml": "本单位的考核办法：考核期、等次、岗位难度系数、一人多岗的处理、缺数处理。不写则使用 city.yml 的默认考核办法。",
    "people/": "一人一个文件：姓名、所任岗位及工作量占比、个人计分卡。始终只出现在内部版。",
    "assessment/": "某一考核期的绩效考核量表：考核指标、权重（合计 100）、计分规则、加分项、扣分项、一票否决项。文件名即考核期编号。",
    "results/": "某一考核期的考核结果：各指标实际值（缺数写 null）、加扣分、一票否决、传统考核等次（双轨运行）、个人结果。文件名即考核期编号。",
}


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base = args[0]
        meta = " ".join(str(getattr(m, "pattern", "") or "") for m in args[1:])
        if base is str and "A-Za-z0-9" in meta:
            return "编号"
        return _type_name(base)
    if origin in (typing.Union, types.UnionType):
        parts = [_type_name(a) for a in args if a is not type(None)]
        return " 或 ".join(dict.fromkeys(parts))
    if origin is Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin in (list, tuple):
        return f"{_type_name(args[0])} 的列表"
    if origin is dict:
        return f"映射（键 → {_type_name(args[1])}）"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {str: "文本", float: "数字", int: "整数", bool: "true / false", dt.date: "日期 YYYY-MM-DD"}.get(
        tp, getattr(tp, "__name__", str(tp)))


def _nested(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    out: list[type[BaseModel]] = []
    for a in typing.get_args(tp):
        out.extend(_nested(a))
    return out


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "必填"
    if info.default_factory is not None:
        return "可选"
    if info.default is None:
        return "可选"
    value = info.default
    if isinstance(value, bool):
        value = str(value).lower()
    return f"可选，默认 `{value}`"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _model_table(model: type[BaseModel], seen: set[type[BaseModel]], out: list[str]) -> None:
    if model in seen:
        return
    seen.add(model)
    out.append(f"\n### {model.__name__}\n")
    doc = inspect.getdoc(model)
    if doc and not doc.startswith(("A base class", "Usage docs")):
        out.append(doc.splitlines()[0] + "\n")
    out.append("| 字段 | 名称 | 类型 | 必填 | 说明 |\n|---|---|---|---|---|")
    children: list[type[BaseModel]] = []
    for name, info in model.model_fields.items():
        out.append(f"| `{name}` | {_cell(info.title)} | {_cell(_type_name(info.annotation))} | "
                   f"{_default(info)} | {_cell(info.description)} |")
        children.extend(_nested(info.annotation))
    for child in children:
        _model_table(child, seen, out)


def render_format() -> str:
    out = [
        "# 数据格式参考（YAML format reference）",
        "",
        "<!-- 本文件由 `bscportal docs` 根据数据模型自动生成，请勿手工修改。"
        " Generated from generator/model by `bscportal docs`; do not edit. -->",
        "",
        "每个单位的平衡计分卡体系保存在 `scorecards/units/<单位编号>/` 下的若干个小 YAML 文件里，"
        "改一处只需要改一个小文件。编号（id）只用英文字母、数字和 `- _ .`，一经使用不要再改；"
        "显示给读者的中文写在 `name` 等字段里。任何实体都可以写 `internal: true`，"
        "它就只出现在内部版；人员、个人计分卡和个人结果始终只在内部版。",
        "",
        "YAML 的几条规则：冒号后要有空格；缩进用空格不用 Tab；同一层的键不能重复；"
        "`no`、`on` 这类词按文本处理；映射的键（如目标值里的 `2008:`）一律按文本处理；"
        "日期写成 `2008-01-01`；缺数写 `null`。检查命令：`bscportal check scorecards`。",
        "",
        f"文件的界限（`check` 会指出位置）：每个文件不超过 {MAX_BYTES // 1024} KB，用 UTF-8 保存，"
        "不能含控制字符（如 U+0000、U+000B，直接写入或写成 `\\v` 这样的转义都不行）；文本字段照写照存"
        f"（`1.50` 仍是 `1.50`），数字最多 {MAX_DIGITS} 位且小于 10 的 15 次方，超长的编号或电话请加引号；"
        f"嵌套不超过 {MAX_DEPTH} 层，`*` 别名展开后的内容不超过 {MAX_ALIAS_CHARS} 个字符；"
        "网址只能是 `http://`、`https://` 或站内相对路径；`scorecards/` 和 `content/` 里的符号链接"
        "不能指向文件夹之外（BSC007）。",
        "",
        "## 文件一览",
        "",
        "| 文件 | 内容 |",
        "|---|---|",
    ]
    for path, model, key in _FILES:
        out.append(f"| `{path}` | {_PURPOSE.get(key, '')} |")
    out.append(f"| `{_ARTICLES}` | {_ARTICLES_PURPOSE} |")
    seen: set[type[BaseModel]] = set()
    for path, model, key in _FILES:
        out.append(f"\n## `{path}`\n")
        out.append(_PURPOSE.get(key, "") + "\n")
        example = EXAMPLES.get(key)
        if example:
            out.append("示例：\n\n```yaml\n" + example.strip() + "\n```")
        _model_table(model, seen, out)
    _articles_section(seen, out)
    return "\n".join(out) + "\n"


_ARTICLES = "content/articles/<文章>.md"
_ARTICLES_PURPOSE = ("经验文章（体会文章）：开头是 `---` 包围的信息块（YAML），后面是 Markdown 正文。"
                     "文章列在“经验文章”页和所写单位的页面上。")


def _articles_section(seen: set[type[BaseModel]], out: list[str]) -> None:
    from .model.article import ArticleMeta
    from .load.articlebody import ALLOWED_TAGS

    allowed = "、".join(f"`<{t}>`" for t in ALLOWED_TAGS)
    out.append(f"\n## `{_ARTICLES}`\n")
    out.append(_ARTICLES_PURPOSE + "文件名就是网址的一部分，请用英文字母、数字和 `-`（如 "
               "`2009-02-hainan-multi-post.md`），文件用 UTF-8 保存。"
               "`bscportal check scorecards` 同时检查 `content/articles/` 里的文章（代码 BSC301–BSC305）。\n")
    out.append("**正文只用 Markdown，不能写 HTML。** `<script>`、`<iframe>`、`<object>`、`<embed>` 等标签，"
               "`onclick=`、`onerror=` 之类的事件属性，以及 `javascript:`、`data:` 链接地址都是错误（BSC304），"
               "网站不会生成；其他 HTML 标签发布时按原样显示为文字（警告 BSC305）。"
               f"只有不带属性的 {allowed} 可以使用；HTML 注释 `<!-- -->` 发布时删除。"
               "代码块（```` ``` ```` 包围）和行内代码（`` ` `` 包围）里的内容照原样显示。\n")
    out.append("示例：\n\n````markdown\n" + ARTICLE_EXAMPLE.strip() + "\n````")
    _model_table(ArticleMeta, seen, out)


def render_rules() -> str:
    from .exchange.read import CODES as IMPORT_CODES
    from .rules import LOAD_CODES, all_rules

    out = [
        "# 检查规则参考（check rules）",
        "",
        "<!-- 本文件由 `bscportal docs` 根据 generator/rules 自动生成，请勿手工修改。 -->",
        "",
        "`bscportal check scorecards` 按 `文件:行:列: error|warning: 说明 [代码]` 的格式报告问题。"
        "有错误（error）时退出码为 1，只有警告（warning）时为 0（加 `--strict` 则为 1），用法错误为 2。"
        "`--format github` 输出 GitHub Actions 注释。",
        "",
        "一个单位可以在 `unit.yml` 里用 `silence: [BSC202]` 关闭本单位的某条**警告**（错误不能关闭）；"
        "全市可以在 `city.yml` 的 `settings.severity` 里调整某条规则的级别（`error`、`warning`、`off`；"
        "只能写下面“规则”表里的代码，写错或写读取阶段的代码会报 BSC102）。",
        "",
        "## 读取阶段的问题",
        "",
        "| 代码 | 问题 |",
        "|---|---|",
    ]
    out += [f"| {code} | {text} |" for code, text in LOAD_CODES.items()]
    out += ["", "## 导入工作簿时的问题", "",
            "`bscportal import xlsx` 按 `文件:工作表!单元格: error: 说明 [代码]` 的格式报告问题（见 "
            "[用 Excel 填报和修改](excel.md)）；有任何问题时这份工作簿的改动一项也不写入。", "",
            "| 代码 | 问题 |", "|---|---|"]
    out += [f"| {code} | {text} |" for code, text in IMPORT_CODES.items()]
    out.append("\n## 规则\n")
    out.append("| 代码 | 名称 | 级别 | 说明 |\n|---|---|---|---|")
    rules = all_rules()
    for rule in rules:
        first = (inspect.getdoc(rule) or "").splitlines()[0]
        out.append(f"| [{rule.CODE}](#{rule.CODE.lower()}) | `{rule.NAME}` | {rule.SEVERITY.value} | {_cell(first)} |")
    for rule in rules:
        doc = inspect.getdoc(rule) or ""
        lines = doc.splitlines()
        out.append(f"\n### {rule.CODE}\n\n**{lines[0]}**\n")
        out.append(_rst_to_md(lines[1:]))
    return "\n".join(out) + "\n"


def _rst_to_md(lines: list[str]) -> str:
    """Docstring literal blocks (`::` then an indented block) become fenced YAML blocks."""
    out: list[str] = []
    in_block = False
    for line in lines:
        if in_block:
            if line.startswith("    ") or not line.strip():
                out.append(line[4:])
                continue
            while out and not out[-1].strip():
                out.pop()
            out += ["```", ""]
            in_block = False
        if line.rstrip().endswith("::"):
            out += [line.rstrip()[:-1], "", "```yaml"]
            in_block = True
            continue
        out.append(line)
    if in_block:
        while out and not out[-1].strip():
            out.pop()
        out.append("```")
    return "\n".join(out).strip()


def write_reference(out: Path) -> list[Path]:
    written = []
    for name, text in (("format.md", render_format()), ("rules.md", render_rules())):
        path = out / name
        atomic_write(path, text)
        written.append(path)
    return written
