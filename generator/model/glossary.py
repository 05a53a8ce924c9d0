"""`scorecards/glossary.yml`: scorecard terms shown on the glossary page and fed to search."""
from __future__ import annotations

from pydantic import Field

from ..i18n import N_
from .base import Model, Name, Slug, Text


class Term(Model):
    id: Slug = Field(title=N_("术语编号"))
    term: Name = Field(title=N_("术语"))
    english: str | None = Field(None, title=N_("英文"))
    definition: Text = Field(title=N_("释义"))
    aliases: list[Name] = Field(default_factory=list, title=N_("别称"))


class GlossaryFile(Model):
    terms: list[Term] = Field(default_factory=list, title=N_("术语"))
