"""Worked examples for docs/format.md, one per file kind.

`tests/test_reference.py` validates each against its model, so the documentation cannot show
a format the tool would reject. The examples are sample data and stay as written; their YAML
comments (`# …`) explain the format and are shown in the reader's language (`localised`).
"""
from __future__ import annotations

from .i18n import N_, tr

EXAMPLES: dict[str, str] = {
    # i18n: data
    "city.yml": """
id: hailin
name: 海林市
disclaimer: 本站示例数据均为虚构，仅用于演示。
perspectives:              # 自上而下：使命在上
  - {id: stakeholder, name: 利益相关者}
  - {id: public, name: 服务对象}
  - {id: process, name: 内部流程}
  - {id: learning, name: 学习与成长, learning: true}
themes:
  - {id: C1, name: 富民强市}
stages:
  - {id: pilot, name: 试点}
  - {id: dual-track, name: 双轨运行}
kinds:
  - {id: township, name: 乡镇}
rules:
  periods:
    - {id: '2008', name: 2008年度, kind: year, year: 2008, start: 2008-01-01, end: 2008-12-31, track: dual-track}
  grades:
    - {id: excellent, name: 优秀, min: 90}
    - {id: pass, name: 合格, min: 60}
    - {id: fail, name: 不合格, min: 0}
settings:
  max_assessed_measures: 20
  publish_ranking: true
""",
    # i18n: data
    "registry.yml": """
units:
  - id: hainan-township
    name: 海南朝鲜族乡
    short_name: 海南乡
    kind: township
    benchmark: true
    rollout:
      - {stage: pilot, since: 2005-11-01}
      - {stage: dual-track, since: 2008-01-01, note: 与原考核办法并行}
""",
    # i18n: data
    "glossary.yml": """
terms:
  - id: strategy-map
    term: 战略地图
    english: strategy map
    definition: 用因果关系把各层面的战略目标连起来的一张图。
""",
    # i18n: data
    "unit.yml": """
id: hainan-township
mission: 富裕一方百姓，守护一方平安。
vision: 建成全省民族乡镇的发展样板。
values: [为民, 务实, 团结, 创新]
themes:
  - id: T1
    name: 特色产业富民
    aligns_to: [C1]
heads: [party-secretary, township-head]   # 主要负责人的岗位：要负责最上面一个层面的目标
silence: []            # 例如 [BSC202]：本单位不显示“权重全部相同”警告
""",
    # i18n: data
    "map.yml": """
objectives:
  - id: S1
    name: 农民收入稳步增长
    perspective: stakeholder
    theme: T1
  - id: P1
    name: 培育特色种植
    perspective: process
    theme: T1
    drives: [S1]          # 箭头从 P1 指向 S1
  - id: L1
    name: 提升干部服务能力
    perspective: learning
    capital: human
    drives: [P1]
maps:
  - id: theme-t1
    name: 特色产业富民分战略地图
    theme: T1
""",
    # i18n: data
    "measures.yml": """
measures:
  - id: M-S1-1
    name: 农民人均纯收入
    objective: S1
    type: outcome
    definition: 全乡农民人均纯收入
    formula: 农民纯收入总额 ÷ 农业人口
    unit: 元
    polarity: up
    baseline: {period: '2007', value: 5200}
    targets:
      '2008': 5800
      '2009': 6400
    thresholds: {on_track: 100, at_risk: 95}
    frequency: yearly
    source: 乡统计站年报
    owner: agri-station
    tracker: statistics-post
""",
    # i18n: data
    "actions.yml": """
actions:
  - id: A1
    name: 水稻品牌提升工程
    objectives: [P1]
    owner: agri-station
    tracker: party-office        # 跟踪督办：党政办的绩效联络员
    start: 2008-03-01
    end: 2009-10-31              # 计划完成；过了这一天仍未完成即列入督办页
    completed: 2009-10-20        # 实际完成日期；状态按日期推算，不必写 status
    budget: 30
    milestones:
      - {name: 完成品牌注册, due: 2008-09-30, completed: 2008-09-26}
      - {name: 通过绿色食品认证, due: 2009-10-31, completed: 2009-10-20}
  - id: A2
    name: 乡机关办公楼节能改造
    objectives: [P1]
    owner: party-office
    start: 2009-05-01
    end: 2009-10-31
    status: cancelled            # 取消的方案写 cancelled（日期看不出来）
""",
    # i18n: data
    "departments.yml": """
departments:
  - id: agri-station
    name: 农业服务中心
    head: agri-head
    objectives:
      - id: D-AG-1
        name: 推广优质稻种
        perspective: process
        supports: [P1]
    measures:
      - id: M-AG-1
        name: 优质稻种植面积占比
        objective: D-AG-1
        type: driver
        unit: '%'
        targets: {'2008': 60}
        owner: agri-head
      - id: M-AG-2
        name: 本站辖区农民人均纯收入
        objective: D-AG-1
        type: outcome
        unit: 元
        derives_from: M-S1-1        # 分解自总卡指标：目标值、实际值沿用它的，不必再写
""",
    # i18n: data
    "posts.yml": """
posts:
  - id: agri-head
    name: 农业服务中心主任
    department: agri-station
    difficulty: B
""",
    # i18n: data
    "rules.yml": """
periods:
  - {id: '2007', name: 2007年度模拟考评, kind: year, year: 2007, start: 2007-01-01, end: 2007-12-31, track: simulated}
  - {id: 2008-q1, name: 2008年第一季度, kind: quarter, year: 2008, start: 2008-01-01, end: 2008-03-31, track: dual-track}
grades:
  - {id: excellent, name: 优秀, min: 90}
  - {id: good, name: 良好, min: 80}
  - {id: pass, name: 合格, min: 60}
  - {id: fail, name: 不合格, min: 0}
difficulty:
  - {id: A, name: 繁重岗位, coefficient: 1.15}
  - {id: B, name: 一般岗位, coefficient: 1.0}
multi_post: {coefficients: true, normalise: true, leadership_share: 0.2, adjustment_cap: 3}
missing: reweight
veto_grade: pass
""",
    # i18n: data
    "people/": """
id: p-example
name: 示例人员
title: 副乡长
posts:
  - {post: agri-head, share: 1}
measures:
  - id: PM1
    name: 优质稻推广面积
    post: agri-head
    supports: D-AG-1
    unit: 亩
    target: 3000
    weight: 60
    rule: ratio
  - id: PM2
    name: 分管片农民人均纯收入
    post: agri-head
    supports: S1
    unit: 元
    weight: 40
    derives_from: M-S1-1            # 沿用全乡的目标值和实际值
""",
    # i18n: data
    "assessment/": """
period: '2008'
items:
  - {measure: M-S1-1, weight: 60, rule: ratio, cap: 120}
  - {measure: M-AG-1, weight: 40, rule: linear, floor: 30}
bonus:
  - {id: B1, name: 获省级以上表彰, max: 3}
deductions:
  - {id: D1, name: 被上级通报批评, max: 5}
veto:
  - {id: V1, name: 发生重大安全责任事故}
note: 较 2007 年模拟考评，考核指标由 24 个减为 12 个，以结果指标为主。
approved: {by: 乡党委会, date: 2008-01-16, reference: 乡党委会议纪要〔2008〕2号}
""",
    # i18n: data
    "results/": """
period: '2008'
actuals:
  M-S1-1: 5950
  M-AG-1: {value: null, note: 统计站数据未报送}
bonus: {B1: 2}
deductions: {}
veto: []
traditional: {grade: good, score: 86}
people:
  p-example:
    actuals: {PM1: 2800}          # PM2 沿用 M-S1-1 的 5950，不必再写
    leadership_rating: 85
    final_adjustment: {points: 2, reason: 兼任武装部长，防汛期间承担大量未计入指标的工作, by: 乡党委会}
approved: {by: 乡党委会, date: 2009-01-18}
""",
}

#: an experience article (content/articles/<文章>.md): the information block, then Markdown
# i18n: data
ARTICLE_EXAMPLE = """---
title: 一人多岗的干部怎么考才公平
unit: hainan-township
author: 海南朝鲜族乡党委
date: 2009-02-16
tags: [一人多岗, 岗位难度系数]
objectives: [L3, C3]
measures: [M-L3-1]
summary: 我们试行了岗位难度系数加领导班子综合评价的办法，效果有，问题也还在。
---

乡镇人少事多，一人多岗是常态。……

## 一、岗位难度系数

正文用 Markdown：段落之间空一行，`## 小标题`，**加粗**，[链接](https://example.org)，列表和表格。
"""

#: the examples' YAML comments, in the reader's language (`tests/test_schema.py` checks that
#: every comment of `EXAMPLES` is here)
COMMENTS = (
    N_("自上而下：使命在上"),
    N_("主要负责人的岗位：要负责最上面一个层面的目标"),
    N_("例如 [BSC202]：本单位不显示“权重全部相同”警告"),
    N_("箭头从 P1 指向 S1"),
    N_("跟踪督办：党政办的绩效联络员"),
    N_("计划完成；过了这一天仍未完成即列入督办页"),
    N_("实际完成日期；状态按日期推算，不必写 status"),
    N_("取消的方案写 cancelled（日期看不出来）"),
    N_("分解自总卡指标：目标值、实际值沿用它的，不必再写"),
    N_("沿用全乡的目标值和实际值"),
    N_("PM2 沿用 M-S1-1 的 5950，不必再写"),
)


def comments(example: str) -> list[str]:
    """The text of each YAML comment (after `  # `) in an example."""
    return [line.split("  # ", 1)[1].strip() for line in example.splitlines() if "  # " in line]


def localised(example: str) -> str:
    """The example with its comments in the current language (the data stays as written)."""
    lines = []
    for line in example.splitlines():
        if "  # " in line:
            code, comment = line.split("  # ", 1)
            line = f"{code}  # {tr(comment.strip())}"
        lines.append(line)
    return "\n".join(lines) + ("\n" if example.endswith("\n") else "")
