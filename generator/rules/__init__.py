"""Cross-reference and pilot-lesson rules, run after the files load into the model.

One rule, one module: each declares `CODE`, `NAME`, `SEVERITY`, a docstring with PASS/FAIL
examples (the reference page in docs/ is built from it), and `check(ctx)` yielding Problems.
The runner stamps each rule's configured severity, drops warnings a unit silenced and sorts.

Declared boilerplate: the head of every rule module (`CODE`, `NAME`, `SEVERITY`, then
`def check(ctx)` opening with its loop over `ctx.units()` or `ctx.scales()`) is the rule
contract, checked by `tests/test_registries.py`; it repeats from module to module by design.
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Iterator

from ..i18n import N_
from ..model import City, Scale, Unit
from ..model.source import SourceLocator
from ..problems import Problem, Severity
from ..scoring.reporting import today

#: explicit registry, in reference order (no magic discovery)
RULE_MODULES = [
    "duplicate_ids",
    "references",
    "cycles",
    "scale_weights",
    "scale_measures",
    "result_refs",
    "targets",
    "cascade_contradiction",
    "too_many_assessed",
    "equal_weights",
    "driver_heavy",
    "learning_without_measure",
    "missing_owner",
    "objective_without_measure",
    "multi_post_difficulty",
    "results_overdue",
    "action_status_dates",
    "learning_capitals",
    "learning_one_sided",
    "results_unapproved",
    "head_owns_no_top_objective",
    "leadership_adjustment_cap",
]


@dataclass(frozen=True)
class Context:
    city: City
    locator: SourceLocator
    broken_units: frozenset[str]
    #: the date the date-dependent rules judge by (overdue, statuses): the build's as-of date
    as_of: dt.date = field(default_factory=today)

    def units(self) -> Iterator[Unit]:
        """Units whose files all loaded (cross-references in broken ones would only add noise)."""
        for unit in self.city.units.values():
            if unit.id not in self.broken_units:
                yield unit

    def scales(self) -> Iterator[tuple[Unit, Scale]]:
        """Every assessment scale of those units, with its unit."""
        for unit in self.units():
            for scale in unit.scales.values():
                yield unit, scale


def all_rules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name}") for name in RULE_MODULES]


def get(code: str) -> ModuleType:
    for rule in all_rules():
        if rule.CODE == code:
            return rule
    raise KeyError(f"no rule {code}")


#: codes that come from loading rather than from a rule module (documented in docs/rules.md;
#: the descriptions are translated where shown: `tr(LOAD_CODES[code])`)
LOAD_CODES = {
    "BSC001": N_("YAML 语法错误（Tab 缩进、未结束的引号或括号等，附中文说明）、文件过大（上限 1 MB）、"
              "不是 UTF-8 编码、控制字符（如 U+0000、U+000B，无论直接写入还是写成 `\\v` 之类的转义）、"
              "嵌套太深、别名展开过多、不支持的标签和合并键"),
    "BSC002": N_("重复的键"),
    "BSC003": N_("未知字段（字段名拼错）"),
    "BSC004": N_("类型或取值不对（包括超过 20 位或不小于 10 的 15 次方的数字）"),
    "BSC005": N_("缺少必填字段"),
    "BSC006": N_("文件放错位置、文件名与内容不一致"),
    "BSC007": N_("符号链接指向 scorecards/ 或 content/ 之外（或链接循环）：这样的文件和文件夹不会被读取"),
    "BSC008": N_("门户自己的 mkdocs.yml 或 theme/ 不能用：YAML 写错、设置名拼错、不能由门户设置的项、"
              "没有安装的插件或 Markdown 扩展、找不到的文件（bscportal build 会因此停下）"),
    "BSC107": N_("单位文件夹不在名录中、编号与文件夹名不一致"),
    "BSC301": N_("经验文章（content/articles/*.md）开头的信息块缺失、没有结束的 `---`、文件过大、不是 UTF-8、"
              "文件里有控制字符、YAML 语法错误或不是 `键: 值` 的形式（信息块里字段的问题用 BSC002–BSC005 报告）"),
    "BSC302": N_("经验文章的 unit 不是名录中的单位"),
    "BSC303": N_("经验文章提到的目标或指标编号在该单位不存在（警告：不生成这些链接）"),
    "BSC304": N_("经验文章正文里有不安全的内容：`<script>`、`<iframe>`、`<object>`、`<embed>` 等标签，"
              "`onclick=` 之类的事件属性，或 `javascript:`、`data:` 链接地址"),
    "BSC305": N_("经验文章正文里有其他 HTML 标签（警告：文章只能用 Markdown，这些标签发布时显示为文字）"),
}


def run_rules(ctx: Context, rules: list[ModuleType] | None = None) -> list[Problem]:
    settings = ctx.city.info.settings.severity
    out: list[Problem] = []
    for rule in rules if rules is not None else all_rules():
        level = settings.get(rule.CODE)
        if level == "off":
            continue
        for problem in rule.check(ctx):
            if level is not None:
                problem = problem.with_severity(Severity(level))
            out.append(problem)
    return out


def apply_silence(city: City | None, problems: list[Problem]) -> list[Problem]:
    """Drop warnings that a unit silenced (`silence: [BSC202]` in its unit.yml); errors stay."""
    if city is None:
        return problems
    kept = []
    for p in problems:
        unit = city.units.get(p.unit) if p.unit else None
        if unit is not None and not p.is_error and p.code in unit.silenced:
            continue
        kept.append(p)
    return kept
