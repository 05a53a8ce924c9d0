"""A temporary git repository made from the mini site fixture, with one commit per kind of
change `bscportal diff` knows (and the revision history pages show).

`EDITS` is the series: (name, commit subject, {path: (old, new) | full text | None}). Paths are
relative to the repository (`scorecards/...`); `(old, new)` replaces one exact occurrence.
Commits are dated one day apart from 2010-01-11, after the fixture's 2008 and 2009 periods
ended (so rewriting a 2008 result is a revision) and inside 2010 (so a 2010 value is not).
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..helpers import apply_edits as apply

MINI = Path(__file__).resolve().parents[1] / "site" / "fixtures" / "mini"
U = "scorecards/units/mini-town"

#: added to the fixture in the first commit: a 2010 period with its scale
PERIOD_2010 = """    - id: 2010
      name: 2010年度
      year: 2010
      start: 2010-01-01
      end: 2010-12-31
      track: dual-track
  grades:"""
SCALE_2010 = """period: 2010
items:
  - {measure: M-S1-1, weight: 50}
  - {measure: M-C1-1, weight: 50}
"""

Edit = dict[str, "tuple[str, str] | str | None"]

EDITS: list[tuple[str, str, Edit]] = [
    ("mission", "修改使命", {f"{U}/unit.yml": ("让全乡群众过上好日子 *不是强调*。", "让全乡群众过上更好的日子。")}),
    ("theme", "新增战略主题", {f"{U}/unit.yml": ("  - id: TX\n", "  - id: T3\n    name: 边境旅游\n  - id: TX\n")}),
    ("objective-add", "新增目标", {f"{U}/map.yml": ("  - id: PX\n", "  - id: C2\n    perspective: public\n"
                                                   "    name: 游客满意度提高\n  - id: PX\n")}),
    ("objective-rename", "目标改名", {f"{U}/map.yml": ("name: 农民人均纯收入稳步增长", "name: 农民收入持续增长")}),
    ("objective-move", "目标换层面", {f"{U}/map.yml": ("  - id: C1\n    perspective: public",
                                                     "  - id: C1\n    perspective: stakeholder")}),
    ("links", "调整因果关系", {f"{U}/map.yml": ("    drives: [C1, S1]\n", "    drives: [C1]\n")}),
    ("links-add", "新增因果关系", {f"{U}/map.yml": ("    drives: [P1, PX]\n", "    drives: [P1, PX, C1]\n")}),
    ("measure-add", "新增指标", {f"{U}/measures.yml": ("  - id: M-PX-1\n", "  - id: M-C1-2\n    objective: C1\n"
                                                     "    name: 游客满意率\n    type: outcome\n    unit: '%'\n"
                                                     "  - id: M-PX-1\n")}),
    ("measure-rename", "指标改名", {f"{U}/measures.yml": ("name: 特色产业项目数", "name: 特色产业项目个数")}),
    ("measure-new-id", "指标换编号", {f"{U}/departments.yml": ("      - id: M-DO1-1\n", "      - id: M-DO1-2\n")}),
    ("target", "提高目标值", {f"{U}/measures.yml": ("targets: {2008: 4500, 2009: 5000, 2010: 5300}",
                                                 "targets: {2008: 4500, 2009: 5200, 2010: 5300}\n"
                                                 "    thresholds: {on_track: 100, at_risk: 85}")}),
    ("weights", "调整权重", {f"{U}/assessment/2009.yml": ("{measure: M-S1-1, weight: 40}\n  - {measure: M-C1-1, weight: 30}",
                                                       "{measure: M-S1-1, weight: 35}\n  - {measure: M-C1-1, weight: 35}")}),
    ("scale-items", "量表换指标", {f"{U}/assessment/2009.yml": ("  - {measure: M-P1-1, weight: 20}\n",
                                                            "  - {measure: M-DO1-2, weight: 20}\n")}),
    ("rules", "调整考核办法", {"scorecards/city.yml": ("{id: excellent, name: 优秀, min: 90}",
                                                    "{id: excellent, name: 优秀, min: 88}")}),
    ("coefficient", "调整难度系数", {"scorecards/city.yml": ("coefficient: 1.15", "coefficient: 1.2")}),
    ("results-add", "录入2010年度结果", {f"{U}/results/2010.yml": "period: 2010\nactuals:\n  M-S1-1: 5100\n  M-C1-1: null\n"}),
    ("results-fill", "补报满意率", {f"{U}/results/2010.yml": ("M-C1-1: null", "M-C1-1: 88")}),
    ("results-open", "更正本期满意率", {f"{U}/results/2010.yml": ("M-C1-1: 88", "M-C1-1: 90")}),
    ("results-revised", "更正2008年收入", {f"{U}/results/2008.yml": ("M-S1-1: 4600", "M-S1-1: 4700")}),
    ("internal-only", "修改内部指标口径", {f"{U}/measures.yml": ("definition: 内部口径说明庚", "definition: 内部口径说明庚新版")}),
    ("person-posts", "张卯辰兼任机密岗位寅", {f"{U}/people/p-zhang.yml": ("  - post: head\n",
                                                                      "  - post: head\n  - post: secret-post\n")}),
    ("unit-rename", "单位改名", {"scorecards/registry.yml": ("name: 小城教育局", "name: 小城市教育局")}),
    ("values", "增加核心价值观", {f"{U}/unit.yml": ("values: [为民, 务实]", "values: [为民, 务实, 创新]")}),
    ("share", "领导班子综合评价占两成", {"scorecards/city.yml": (
        "    - {id: B, name: 一般, coefficient: 1.0}\n",
        "    - {id: B, name: 一般, coefficient: 1.0}\n  multi_post: {leadership_share: 0.2}\n")}),
    ("submap-remove", "删除分战略地图", {f"{U}/map.yml": ("  - id: m-t1\n    name: 特色产业富民分战略地图\n    theme: T1\n", "")}),
]


@dataclass
class Repo:
    root: Path
    #: edit name → commit id; "base" is the first commit
    commits: dict[str, str]

    @property
    def scorecards(self) -> Path:
        return self.root / "scorecards"

    def before(self, name: str) -> str:
        names = ["base", *(e[0] for e in EDITS)]
        return self.commits[names[names.index(name) - 1]]


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "编辑", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "编辑", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = date
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def make_repo(root: Path, edits: list[tuple[str, str, Edit]] = EDITS) -> Repo:
    shutil.copytree(MINI / "scorecards", root / "scorecards")
    shutil.copytree(MINI / "content", root / "content")
    apply(root, {"scorecards/city.yml": ("  grades:", PERIOD_2010),
                 f"{U}/assessment/2010.yml": SCALE_2010,
                 f"{U}/measures.yml": ("targets: {2008: 85, 2009: 90}", "targets: {2008: 85, 2009: 90, 2010: 92}"),
                 f"{U}/departments.yml": ("targets: {2008: 95}", "targets: {2008: 95, 2009: 96}")})
    apply(root, {f"{U}/measures.yml": ("targets: {2008: 4500, 2009: 5000}",
                                       "targets: {2008: 4500, 2009: 5000, 2010: 5300}")})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    day = dt.date(2010, 1, 10)
    git(root, "commit", "-qm", "基线", date=f"{day}T10:00:00")
    commits = {"base": git(root, "rev-parse", "HEAD")}
    for name, subject, edit in edits:
        day += dt.timedelta(days=1)
        apply(root, edit)
        git(root, "add", "-A", ".")
        git(root, "commit", "-qm", subject, date=f"{day}T10:00:00")
        commits[name] = git(root, "rev-parse", "HEAD")
    return Repo(root, commits)
