"""`scorecards/glossary.yml`: scorecard terms shown on the glossary page and fed to search."""
from __future__ import annotations

from pydantic import Field

from .base import Model, Name, Slug, Text


class Term(Model):
    id: Slug = Field(title="术语编号")
    term: Name = Field(title="术语")
    english: str | None = Field(None, title="英文")
    definition: Text = Field(title="释义")
    aliases: list[Name] = Field(default_factory=list, title="别称")


class GlossaryFile(Model):
    terms: list[Term] = Field(default_factory=list, title="术语")
