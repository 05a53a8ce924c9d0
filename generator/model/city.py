"""`scorecards/city.yml`: the city, its default perspectives, themes, stages and settings."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..i18n import N_
from .assessment import AssessmentRules
from .base import NUMBER_LIMIT, Model, Name, Slug, Text, Visible
from .url import Url
from .vocab import SITE_LANGUAGE, TRACKING_KIND, SiteLanguage, TrackingKind


class Perspective(Model):
    id: Slug = Field(title=N_("层面编号"))
    name: Name = Field(title=N_("层面名称"), description=N_("如 利益相关者、服务对象、内部流程、学习与成长"))
    description: Text | None = Field(None, title=N_("说明"))
    learning: bool = Field(False, title=N_("学习与成长层面"),
                           description=N_("true 表示这是学习与成长层面（检查其中是否有指标）"))


class CityTheme(Visible):
    id: Slug = Field(title=N_("市级战略主题编号"))
    name: Name = Field(title=N_("市级战略主题"))
    description: Text | None = Field(None, title=N_("说明"))


class Stage(Model):
    id: Slug = Field(title=N_("推行阶段编号"))
    name: Name = Field(title=N_("推行阶段名称"))
    description: Text | None = Field(None, title=N_("说明"))


class UnitKind(Model):
    id: Slug = Field(title=N_("单位类别编号"))
    name: Name = Field(title=N_("单位类别名称"))


class Settings(Model):
    language: SiteLanguage = Field(
        "zh", title=N_("界面语言"),
        description=SITE_LANGUAGE.source_description(
            N_("门户页面、图表、下载文件表头和命令行提示用哪种语言；数据本身照写的样子显示")))
    max_assessed_measures: int = Field(
        20, ge=1, lt=NUMBER_LIMIT, title=N_("考核指标上限"),
        description=N_("一个考核量表中考核指标数超过此数时给出警告（BSC201）"))
    driver_share_warning: float = Field(
        0.5, ge=0, le=1, title=N_("驱动指标占比警戒线"),
        description=N_("考核量表中驱动（过程）指标权重占比超过此值时给出警告（BSC203）"))
    publish_ranking: bool = Field(True, title=N_("公开全市排名"),
                                  description=N_("false 时全市排名只出现在内部版"))
    publish_reporting: bool = Field(False, title=N_("公开报送情况"),
                                    description=N_("true 时各考核期的报送情况页（哪些单位已报送、逾期）也出现在公开版；"
                                                   "缺数说明只列已公开的考核结果"))
    publish_tracking: list[TrackingKind] = Field(
        default_factory=list, title=N_("公开督办事项"),
        description=TRACKING_KIND.source_description(
            N_("督办页（逾期的行动方案、里程碑和逾期未报的指标实际值）在公开版列出哪几类，如 [action, milestone]；"
               "不写则督办页只在内部版。内部的行动方案和指标、未公开的考核结果说明始终不公开")))
    repo_url: Url | None = Field(None, title=N_("代码仓库地址"),
                                 description=N_("用于“编辑此页”链接，如 https://git.example.org/city/bsc；"
                                                "只能是 http:// 或 https:// 网址"))
    edit_branch: str = Field("main", title=N_("编辑分支"), pattern=r"^[A-Za-z0-9][A-Za-z0-9._/\-]*$",
                             max_length=100, description=N_("git 分支名：英文字母、数字和 . _ / -"))
    severity: dict[str, Literal["error", "warning", "off"]] = Field(
        default_factory=dict, title=N_("检查级别覆盖"), description=N_("按检查代码调整级别，如 BSC202: off"))


class CityFile(Model):
    id: Slug = Field(title=N_("城市编号"))
    name: Name = Field(title=N_("城市名称"))
    full_name: Name | None = Field(None, title=N_("全称"))
    description: Text | None = Field(None, title=N_("简介"))
    disclaimer: Text | None = Field(
        None, title=N_("声明"),
        description=N_("印在每页页脚和“关于”页上的一句话，如“本站示例数据均为虚构，仅用于演示”；不写则不显示"))
    perspectives: list[Perspective] = Field(min_length=1, title=N_("默认层面"),
                                            description=N_("自上而下的顺序；单位可在 unit.yml 中改用自己的层面"))
    themes: list[CityTheme] = Field(default_factory=list, title=N_("市级战略主题"))
    stages: list[Stage] = Field(min_length=1, title=N_("推行阶段"), description=N_("按先后顺序"))
    kinds: list[UnitKind] = Field(min_length=1, title=N_("单位类别"))
    rules: AssessmentRules = Field(title=N_("默认考核办法"),
                                   description=N_("没有 rules.yml 的单位使用这里的考核办法"))
    settings: Settings = Field(default_factory=Settings, title=N_("设置"))
