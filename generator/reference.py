"""The editors' reference under docs/, generated from the model and the rules so it cannot drift.

`docs/format.md`: every file kind, every field with its label, type, whether it is required,
its description, and a worked example (the examples are validated against the model by a
test). `docs/rules.md`: every check code, from the rule modules' docstrings.

Both are written in the current language: Chinese (the default) to `docs/`, another language
to `docs/<language>/` (`bscportal --lang en docs` writes `docs/en/format.md`; the rules'
explanations are the rule modules' docstrings, in Chinese, so only the format reference is
written in another language).
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

from .i18n import DEFAULT, N_, current, join, tr, tr_p
from .load.tree import CITY_FILES, UNIT_FILES, UNIT_FOLDERS
from .load.yamlfile import MAX_ALIAS_CHARS, MAX_BYTES, MAX_DEPTH, MAX_DIGITS
from .model.vocab import field_text
from .reference_examples import ARTICLE_EXAMPLE, EXAMPLES, localised
from .schema import atomic_write


def _files() -> list[tuple[str, type[BaseModel], str]]:
    """(path as shown, model, key of `_PURPOSE` and `EXAMPLES`) of every file kind."""
    unit, person, period = tr("<单位>"), tr("<人员>"), tr("<考核期>")
    return ([(f"scorecards/{n}", m, n) for n, m in CITY_FILES.items()]
            + [(f"scorecards/units/{unit}/{n}", m, n) for n, m in UNIT_FILES.items()]
            + [(f"scorecards/units/{unit}/{d}/{person if d == 'people' else period}.yml", m, f"{d}/")
               for d, m in UNIT_FOLDERS.items()])


_PURPOSE = {
    "city.yml": N_("城市：名称、默认层面、市级战略主题、推行阶段、单位类别、默认考核办法和设置。由市平衡计分卡办公室维护。"),
    "registry.yml": N_("单位名录：全市推行平衡计分卡的每个单位，及其类别、是否标杆单位、推行进程。"),
    "glossary.yml": N_("术语表：门户“术语”页面和搜索词典使用。"),
    "unit.yml": N_("单位的使命、愿景、核心价值观、战略主题，以及（可选）本单位自己的层面。"),
    "map.yml": N_("总战略地图的战略目标及其因果关系（drives），以及分战略地图。"),
    "measures.yml": N_("总卡上的指标及完整的指标卡。考核量表中没有的指标就是监控指标。"),
    "actions.yml": N_("行动方案：推动战略目标的工作，含责任人、起止日期、预算、里程碑和状态。"),
    "departments.yml": N_("部门（股室、站所）及其分卡：分卡目标（用 supports 对应总卡目标）和分卡指标。"),
    "posts.yml": N_("岗位及其所属部门、岗位难度类别。岗位名称会作为指标和行动方案的责任人出现在公开版；"
                    "谁担任哪个岗位（人员）只在内部版。要隐藏某个岗位，写 internal: true。"),
    "rules.yml": N_("本单位的考核办法：考核期、等次、岗位难度系数、一人多岗的处理、缺数处理。不写则使用 city.yml 的默认考核办法。"),
    "people/": N_("一人一个文件：姓名、所任岗位及工作量占比、个人计分卡。始终只出现在内部版。"),
    "assessment/": N_("某一考核期的绩效考核量表：考核指标、权重（合计 100）、计分规则、加分项、扣分项、一票否决项。文件名即考核期编号。"),
    "results/": N_("某一考核期的考核结果：各指标实际值（缺数写 null）、加扣分、一票否决、传统考核等次（双轨运行）、个人结果。文件名即考核期编号。"),
}


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base = args[0]
        meta = " ".join(str(getattr(m, "pattern", "") or "") for m in args[1:])
        if base is str and "A-Za-z0-9" in meta:
            return tr_p("type", "编号")
        return _type_name(base)
    if origin in (typing.Union, types.UnionType):
        parts = [_type_name(a) for a in args if a is not type(None)]
        return tr_p("between types", " 或 ").join(dict.fromkeys(parts))
    if origin is Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin in (list, tuple):
        return tr("{item} 的列表", item=_type_name(args[0]))
    if origin is dict:
        return tr("映射（键 → {value}）", value=_type_name(args[1]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return _scalar_name(tp)


def _scalar_name(tp: Any) -> str:
    if tp is bool:
        return "true / false"
    if tp is str:
        return tr_p("type", "文本")
    if tp is float:
        return tr_p("type", "数字")
    if tp is int:
        return tr_p("type", "整数")
    if tp is dt.date:
        return tr_p("type", "日期 YYYY-MM-DD")
    return getattr(tp, "__name__", str(tp))


def _nested(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    out: list[type[BaseModel]] = []
    for a in typing.get_args(tp):
        out.extend(_nested(a))
    return out


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return tr("必填")
    if info.default_factory is not None:
        return tr("可选")
    if info.default is None:
        return tr("可选")
    value = info.default
    if isinstance(value, bool):
        value = str(value).lower()
    return tr("可选，默认 `{value}`", value=value)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _model_doc(model: type[BaseModel]) -> str | None:
    """The first line of the model's docstring (in the current language when it is a message)."""
    doc = inspect.getdoc(model)
    if doc and not doc.startswith(("A base class", "Usage docs")):
        return tr(doc.splitlines()[0])
    return None


def _model_table(model: type[BaseModel], seen: set[type[BaseModel]], out: list[str]) -> None:
    if model in seen:
        return
    seen.add(model)
    out.append(f"\n### {model.__name__}\n")
    doc = _model_doc(model)
    if doc:
        out.append(doc + "\n")
    columns = (tr_p("format reference column", "字段"), tr_p("format reference column", "名称"),
               tr_p("format reference column", "类型"), tr_p("format reference column", "必填"),
               tr_p("format reference column", "说明"))
    out.append("| " + " | ".join(columns) + " |\n|---|---|---|---|---|")
    children: list[type[BaseModel]] = []
    for name, info in model.model_fields.items():
        out.append(f"| `{name}` | {_cell(field_text(info.title))} | {_cell(_type_name(info.annotation))} | "
                   f"{_default(info)} | {_cell(field_text(info.description))} |")
        children.extend(_nested(info.annotation))
    for child in children:
        _model_table(child, seen, out)


def render_format() -> str:
    """`docs/format.md` in the current language."""
    out = [
        tr("# 数据格式参考（YAML format reference）"),
        "",
        tr("<!-- 本文件由 `bscportal docs` 根据数据模型自动生成，请勿手工修改。"
           " Generated from generator/model by `bscportal docs`; do not edit. -->"),
        "",
        tr("每个单位的平衡计分卡体系保存在 `scorecards/units/<单位编号>/` 下的若干个小 YAML 文件里，"
           "改一处只需要改一个小文件。编号（id）只用英文字母、数字和 `- _ .`，一经使用不要再改；"
           "显示给读者的中文写在 `name` 等字段里。任何实体都可以写 `internal: true`，"
           "它就只出现在内部版；人员、个人计分卡和个人结果始终只在内部版。"),
        "",
        tr("YAML 的几条规则：冒号后要有空格；缩进用空格不用 Tab；同一层的键不能重复；"
           "`no`、`on` 这类词按文本处理；映射的键（如目标值里的 `2008:`）一律按文本处理；"
           "日期写成 `2008-01-01`；缺数写 `null`。检查命令：`bscportal check scorecards`。"),
        "",
        tr("文件的界限（`check` 会指出位置）：每个文件不超过 {kb} KB，用 UTF-8 保存，"
           "不能含控制字符（如 U+0000、U+000B，直接写入或写成 `\\v` 这样的转义都不行）；文本字段照写照存"
           "（`1.50` 仍是 `1.50`），数字最多 {digits} 位且小于 10 的 15 次方，超长的编号或电话请加引号；"
           "嵌套不超过 {depth} 层，`*` 别名展开后的内容不超过 {alias} 个字符；"
           "网址只能是 `http://`、`https://` 或站内相对路径；`scorecards/` 和 `content/` 里的符号链接"
           "不能指向文件夹之外（BSC007）。", kb=MAX_BYTES // 1024, digits=MAX_DIGITS, depth=MAX_DEPTH,
           alias=MAX_ALIAS_CHARS),
        "",
        tr("## 文件一览"),
        "",
        "| " + tr_p("format reference column", "文件") + " | "
        + tr_p("format reference column", "内容") + " |",
        "|---|---|",
    ]
    files = _files()
    for path, model, key in files:
        out.append(f"| `{path}` | {_purpose(key)} |")
    out.append(f"| `{_articles()}` | {tr(_ARTICLES_PURPOSE)} |")
    seen: set[type[BaseModel]] = set()
    for path, model, key in files:
        out.append(f"\n## `{path}`\n")
        out.append(_purpose(key) + "\n")
        example = EXAMPLES.get(key)
        if example:
            out.append(tr("示例：") + "\n\n```yaml\n" + localised(example).strip() + "\n```")
        _model_table(model, seen, out)
    _articles_section(seen, out)
    return "\n".join(out) + "\n"


def _purpose(key: str) -> str:
    text = _PURPOSE.get(key)
    return tr(text) if text else ""


def _articles() -> str:
    return tr("content/articles/<文章>.md")


_ARTICLES_PURPOSE = N_("经验文章（体会文章）：开头是 `---` 包围的信息块（YAML），后面是 Markdown 正文。"
                       "文章列在“经验文章”页和所写单位的页面上。")


def _articles_section(seen: set[type[BaseModel]], out: list[str]) -> None:
    from .model.article import ArticleMeta
    from .load.articlebody import ALLOWED_TAGS

    allowed = join(f"`<{t}>`" for t in ALLOWED_TAGS)
    out.append(f"\n## `{_articles()}`\n")
    out.append(tr(_ARTICLES_PURPOSE) + tr(
        "文件名就是网址的一部分，请用英文字母、数字和 `-`（如 "
        "`2009-02-hainan-multi-post.md`），文件用 UTF-8 保存。"
        "`bscportal check scorecards` 同时检查 `content/articles/` 里的文章（代码 BSC301–BSC305）。") + "\n")
    out.append(tr("**正文只用 Markdown，不能写 HTML。** `<script>`、`<iframe>`、`<object>`、`<embed>` 等标签，"
                  "`onclick=`、`onerror=` 之类的事件属性，以及 `javascript:`、`data:` 链接地址都是错误（BSC304），"
                  "网站不会生成；其他 HTML 标签发布时按原样显示为文字（警告 BSC305）。"
                  "只有不带属性的 {allowed} 可以使用；HTML 注释 `<!-- -->` 发布时删除。"
                  "代码块（```` ``` ```` 包围）和行内代码（`` ` `` 包围）里的内容照原样显示。",
                  allowed=allowed) + "\n")
    out.append(tr("示例：") + "\n\n````markdown\n" + ARTICLE_EXAMPLE.strip() + "\n````")
    _model_table(ArticleMeta, seen, out)


def render_rules() -> str:
    """`docs/rules.md`: the headings and explanations in the current language, each rule's text
    from its docstring (in Chinese)."""
    from .exchange.read import CODES as IMPORT_CODES
    from .rules import LOAD_CODES, all_rules

    code, problem = tr_p("rules reference column", "代码"), tr_p("rules reference column", "问题")
    out = [
        tr("# 检查规则参考（check rules）"),
        "",
        tr("<!-- 本文件由 `bscportal docs` 根据 generator/rules 自动生成，请勿手工修改。 -->"),
        "",
        tr("`bscportal check scorecards` 按 `文件:行:列: error|warning: 说明 [代码]` 的格式报告问题。"
           "有错误（error）时退出码为 1，只有警告（warning）时为 0（加 `--strict` 则为 1），用法错误为 2。"
           "`--format github` 输出 GitHub Actions 注释。"),
        "",
        tr("一个单位可以在 `unit.yml` 里用 `silence: [BSC202]` 关闭本单位的某条**警告**（错误不能关闭）；"
           "全市可以在 `city.yml` 的 `settings.severity` 里调整某条规则的级别（`error`、`warning`、`off`；"
           "只能写下面“规则”表里的代码，写错或写读取阶段的代码会报 BSC102）。"),
        "",
        tr("## 读取阶段的问题"),
        "",
        f"| {code} | {problem} |",
        "|---|---|",
    ]
    out += [f"| {c} | {tr(text)} |" for c, text in LOAD_CODES.items()]
    out += ["", tr("## 导入工作簿时的问题"), "",
            tr("`bscportal import xlsx` 按 `文件:工作表!单元格: error: 说明 [代码]` 的格式报告问题（见 "
               "[用 Excel 填报和修改](excel.md)）；有任何问题时这份工作簿的改动一项也不写入。"), "",
            f"| {code} | {problem} |", "|---|---|"]
    out += [f"| {c} | {tr(text)} |" for c, text in IMPORT_CODES.items()]
    out.append("\n" + tr("## 规则") + "\n")
    out.append(f"| {code} | " + tr_p("rules reference column", "名称") + " | "
               + tr_p("rules reference column", "级别") + " | "
               + tr_p("rules reference column", "说明") + " |\n|---|---|---|---|")
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
    """The reference in the current language: `format.md` and `rules.md` in `out` for Chinese,
    `format.md` in `out/<language>/` for another language."""
    language = current()
    pages = [("format.md", render_format)]
    if language == DEFAULT:
        pages.append(("rules.md", render_rules))
    else:
        out = out / language
    written = []
    for name, render in pages:
        path = out / name
        atomic_write(path, render())
        written.append(path)
    return written
