"""Shared, session-scoped builds of the portal (built once, used by the leak scan, the link
check and the browser tests).

- `example_site`: both editions of the example city (scorecards/, content/), built into a
  temporary folder as of `EXAMPLE_AS_OF` (so what is overdue does not depend on the day the
  tests run); `.public` and `.internal` are the output folders.
- `mini_site`: both editions of tests/site/fixtures/mini, a tiny city with one internal entity
  of every kind (each named with 机密), for leak tests that must not depend on the example.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI_SITE = ROOT / "tests" / "site" / "fixtures" / "mini"
#: the example's "now": every 2009 period and 2010-h1 closed, some plans and milestones late
EXAMPLE_AS_OF = dt.date(2010, 8, 31)


@dataclass
class BuiltSite:
    root: Path
    scorecards: Path
    content: Path
    stage: Path
    city: object
    reports: list

    @property
    def public(self) -> Path:
        return self.root / "public"

    @property
    def internal(self) -> Path:
        return self.root / "internal"


def _build(tmp: Path, scorecards: Path, content: Path, as_of: dt.date | None = None) -> BuiltSite:
    from generator.site.build import build_editions

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    prep, reports = build_editions(scorecards, content, tmp / "site", ("public", "internal"),
                                   stage_root=tmp / "stage", cache_root=tmp / "cache", as_of=as_of)
    return BuiltSite(tmp / "site", scorecards, content, tmp / "stage", prep.city, reports)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("example"), ROOT / "scorecards", ROOT / "content", EXAMPLE_AS_OF)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("mini"), MINI_SITE / "scorecards", MINI_SITE / "content")
