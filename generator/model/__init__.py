"""The typed model of a city's balanced-scorecard systems (pydantic v2).

File models (`*File`) mirror one YAML file each and give the JSON Schema editors use;
`City` and `Unit` in `aggregate.py` join a unit's files into one immutable object.
"""
from .aggregate import City, Unit
from .assessment import (AssessmentRules, Grade, DifficultyClass, Period, Scale, ScaleItem,
                         Adjustment, Band, ScoringParams, StatusThresholds, MultiPost, RulesFile)
from .city import CityFile, CityTheme, Perspective, Stage, UnitKind, Settings
from .glossary import GlossaryFile, Term
from .registry import RegistryFile, RegistryEntry, RolloutStep
from .unit import UnitFile, Theme
from .strategy import MapFile, Objective, SubMap
from .measure import MeasuresFile, Measure, Baseline, TargetRange, Thresholds
from .action import ActionsFile, ActionPlan, Milestone
from .department import DepartmentsFile, Department
from .people import PostsFile, Post, PersonFile, Person, PostAssignment, PersonalMeasure
from .results import ResultsFile, Actual, TraditionalResult, PersonResult, LeadershipAdjustment
from .approval import Approval
from .article import ArticleMeta
from .base import copied

__all__ = [
    "City", "Unit",
    "AssessmentRules", "Grade", "DifficultyClass", "Period", "Scale", "ScaleItem", "Adjustment",
    "Band", "ScoringParams", "StatusThresholds", "MultiPost", "RulesFile",
    "CityFile", "CityTheme", "Perspective", "Stage", "UnitKind", "Settings",
    "GlossaryFile", "Term",
    "RegistryFile", "RegistryEntry", "RolloutStep",
    "UnitFile", "Theme",
    "MapFile", "Objective", "SubMap",
    "MeasuresFile", "Measure", "Baseline", "TargetRange", "Thresholds",
    "ActionsFile", "ActionPlan", "Milestone",
    "DepartmentsFile", "Department",
    "PostsFile", "Post", "PersonFile", "Person", "PostAssignment", "PersonalMeasure",
    "ResultsFile", "Actual", "TraditionalResult", "PersonResult", "LeadershipAdjustment", "Approval",
    "ArticleMeta",
    "copied",
]
