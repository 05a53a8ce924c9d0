"""`bscportal new unit ID --name NAME --kind KIND`: a registry entry (at the end of
`registry.yml`, comments kept) and a unit folder from the city's defaults: `unit.yml`
(mission, vision, values, themes to fill in), `map.yml` (the city's default perspectives listed,
no objective yet) and `measures.yml` (an indicator card to copy)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model import CityFile, MapFile, MeasuresFile, RegistryFile, UnitFile
from ..model.base import SLUG_PATTERN
from ..i18n import join, paren, tr, tr_p, use_language
from . import Plan, ScaffoldError, Write
from .yamledit import insert_item
from .city import read_city


def header(name: str, what: str) -> str:
    """The first lines of every file `new unit` writes (YAML comments, in the current language)."""
    return ("# " + tr("{name}：{what}（bscportal new unit 生成，请按本单位实际填写）", name=name, what=what)
            + "\n# " + tr("每个字段的含义见 docs/format.md；改完运行 bscportal check scorecards 检查。") + "\n")


def unit_yml(uid: str, name: str, city: CityFile) -> str:
    themes = join(f"{t.id} {t.name}" for t in city.themes if not t.internal)
    return (header(name, tr("使命、愿景、核心价值观和战略主题"))
            + f"\nid: {uid}\n\n"
            + "# " + tr("使命：本单位为什么存在（一两句话）") + "\nmission:\n\n"
            + "# " + tr("愿景：几年后要达到的状态") + "\nvision:\n\n"
            + "# " + tr("核心价值观，如 [为民, 务实, 创新]") + "\nvalues: []\n\n"
            + "# " + tr("战略主题：几条战略主线，每条可对应市级主题") + (paren(themes) if themes else "")
            + tr("，如：") + "\n"
            + "#   - id: T1\n#     name: " + tr_p("example theme", "特色产业富民") + "\n#     aligns_to: [C1]\n"
            "themes: []\n")


def map_yml(name: str, city: CityFile) -> str:
    order = "\n".join(f"#   {p.id:<12} {p.name}" for p in city.perspectives)
    return (header(name, tr("总战略地图"))
            + "\n# " + tr("本单位使用全市默认的层面（自上而下）：") + "\n" + order + "\n"
            + "# " + tr("每个战略目标写一项，drives 写它推动的目标（因果关系箭头），如：") + "\n"
            f"#   - id: S1\n#     perspective: {city.perspectives[0].id}\n"
            + "#     name: " + tr_p("example objective", "群众收入稳步增长") + "\n#     drives: []\n"
            "objectives: []\n")


def measures_yml(name: str) -> str:
    return (header(name, tr("指标卡"))
            + "\n# " + tr("每个指标写一张指标卡，如：") + "\n"
            "#   - id: M-S1-1\n#     objective: S1\n"
            + "#     name: " + tr_p("example measure", "农民人均纯收入") + "\n"
            + "#     type: outcome        # " + tr("outcome 结果指标 / driver 驱动指标") + "\n"
            + "#     unit: " + tr_p("example unit of measure", "元") + "\n"
            "#     baseline: {period: 2009, value: 5000}\n"
            "#     targets: {2010: 5500}\n#     frequency: yearly\n"
            + "#     source: " + tr_p("example data source", "统计站") + "\n"
            "measures: []\n")


def plan_unit(root: Path, uid: str, name: str, kind: str, stage: str | None = None,
              today: dt.date | None = None) -> Plan:
    """The plan for a new unit `uid` under the scorecards folder `root`."""
    if not re.match(SLUG_PATTERN, uid) or len(uid) > 64:
        raise ScaffoldError(tr("单位编号 `{uid}` 不合格式：只能用英文字母、数字和 - _ .，如 forestry-bureau", uid=uid))
    name = " ".join(name.split())
    if not name or len(name) > 120:
        raise ScaffoldError(tr("单位名称不能为空，也不能超过 120 个字"))
    city, registry, registry_text = read_city(root)
    kinds = {k.id: k.name for k in city.kinds}
    if kind not in kinds:
        raise ScaffoldError(tr("没有单位类别 `{kind}`：可用 {choices}", kind=kind,
                               choices=join(k + paren(n) for k, n in kinds.items())))
    stages = [s.id for s in city.stages]
    stage = stage or stages[0]
    if stage not in stages:
        raise ScaffoldError(tr("没有推行阶段 `{stage}`：可用 {choices}", stage=stage, choices=join(stages)))
    if any(e.id == uid for e in registry.units):
        raise ScaffoldError(tr("单位名录 registry.yml 里已有单位 `{uid}`，没有改动任何文件", uid=uid))
    folder = root / "units" / uid
    if folder.exists():
        raise ScaffoldError(tr("文件夹 {folder} 已存在，没有改动任何文件", folder=folder))
    entry = {"id": uid, "name": name, "kind": kind,
             "rollout": [{"stage": stage, "since": today or dt.date.today()}]}
    new_registry = insert_item(registry_text, ["units"], entry, len(registry.units), "registry.yml")
    with use_language(city.settings.language):   # the files are the portal's: the city's language
        files = (unit_yml(uid, name, city), map_yml(name, city), measures_yml(name))
    return Plan((
        Write(root / "registry.yml", new_registry, create=False, model=RegistryFile),
        Write(folder / "unit.yml", files[0], create=True, model=UnitFile),
        Write(folder / "map.yml", files[1], create=True, model=MapFile),
        Write(folder / "measures.yml", files[2], create=True, model=MeasuresFile),
    ), notes=(
        tr("已在 registry.yml 末尾登记 {name}（{uid}），推行阶段：{stage}", name=name, uid=uid, stage=stage),
        tr("下一步：在 units/{uid}/unit.yml 填写使命、愿景和战略主题，在 map.yml 画战略地图，"
           "在 measures.yml 写指标卡；然后运行 bscportal check scorecards", uid=uid),
    ))
