"""`units/<id>/posts.yml` and `units/<id>/people/<person>.yml` (always internal)."""
from __future__ import annotations

from pydantic import Field, model_validator

from ..i18n import N_, tr
from .assessment import ScoringParams
from .base import Model, Name, Slug, Text, Visible
from .measure import DerivesFrom, OverrideReason, Target
from .vocab import POLARITY, Polarity


class Post(Visible):
    id: Slug = Field(title=N_("岗位编号"))
    name: Name = Field(title=N_("岗位名称"))
    department: Slug | None = Field(None, title=N_("所属部门"))
    difficulty: Slug | None = Field(None, title=N_("岗位难度类别"), description=N_("考核办法 difficulty 中的编号"))
    duties: Text | None = Field(None, title=N_("岗位职责"))


class PostsFile(Model):
    posts: list[Post] = Field(default_factory=list, title=N_("岗位"))


class PostAssignment(Model):
    post: Slug = Field(title=N_("岗位"))
    share: float | None = Field(None, gt=0, le=1, title=N_("工作量占比"),
                                description=N_("本岗位占此人工作量的比例；不写则各岗位平分"))


class PersonalMeasure(ScoringParams):
    id: Slug = Field(title=N_("个人指标编号"))
    name: Name = Field(title=N_("个人指标"))
    post: Slug = Field(title=N_("所属岗位"))
    supports: Slug | None = Field(None, title=N_("支撑的目标"), description=N_("单位或部门目标编号"))
    unit: str | None = Field(None, title=N_("计量单位"), max_length=20)
    polarity: Polarity = Field("up", title=POLARITY.source_title, description=POLARITY.source_description())
    target: Target | None = Field(None, title=N_("目标值"), description=N_("各考核期通用的目标值"))
    targets: dict[str, Target] = Field(default_factory=dict, title=N_("分期目标值"),
                                       description=N_("按考核期或年度填写，优先于 target，如 2009: 12"))
    weight: float = Field(gt=0, le=100, title=N_("权重"), description=N_("在本岗位指标中的权重"))
    derives_from: DerivesFrom = None
    override_reason: OverrideReason = None

    def target_for(self, period_id: str, year: int | None = None) -> Target | None:
        """The period's own target, else its year's, else the general `target`."""
        if period_id in self.targets:
            return self.targets[period_id]
        if year is not None and str(year) in self.targets:
            return self.targets[str(year)]
        return self.target


class Person(Model):
    """People are always internal: nothing here reaches the public edition."""

    id: Slug = Field(title=N_("人员编号"), description=N_("与文件名一致"))
    name: Name = Field(title=N_("姓名"))
    title: Name | None = Field(None, title=N_("职务"))
    posts: list[PostAssignment] = Field(min_length=1, title=N_("所任岗位"))
    measures: list[PersonalMeasure] = Field(default_factory=list, title=N_("个人计分卡"))
    note: Text | None = Field(None, title=N_("备注"))

    @property
    def internal(self) -> bool:
        return True

    @model_validator(mode="after")
    def _shares(self) -> "Person":
        shares = [a.share for a in self.posts if a.share is not None]
        if shares and len(shares) != len(self.posts):
            raise ValueError(tr("工作量占比 share 要么每个岗位都写，要么都不写"))
        if shares and abs(sum(shares) - 1) > 0.001:
            raise ValueError(tr("各岗位工作量占比合计为 {total:g}，应为 1", total=sum(shares)))
        return self


class PersonFile(Person):
    """`units/<id>/people/<person>.yml`."""
