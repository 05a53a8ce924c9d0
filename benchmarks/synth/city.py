"""Write a synthetic city of N units: `scorecards/` (city.yml, glossary.yml, registry.yml, a full
folder per unit) and `content/` (articles, pages).

Every unit is sized after one of the example's benchmark units (`corpus.profiles`), its counts
varied by a seeded RNG (`Draw.jitter`), and gets its own names, ids and text. The city's own
files (perspectives, themes, stages, kinds, default rules, glossary) and `content/pages` are the
example's. The same `seed` and `units` always give the same city.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from . import assessment, people, strategy
from .corpus import EXAMPLE, EXAMPLE_CONTENT, Profile, pools, profiles
from .draw import Draw

#: kind → (share of the units, name suffix, id suffix)
KINDS = {"township": (0.1, "乡", "township"), "town": (0.2, "镇", "town"),
         "party": (0.12, "工作委员会", "committee"), "government": (0.35, "局", "bureau"),
         "institution": (0.15, "服务中心", "centre"), "legislature": (0.03, "工作室", "office"),
         "mass": (0.05, "联合会", "federation")}
STAGES = ("pilot", "modelling", "simulated", "dual-track")   # as in the example: nobody runs "live" yet
#: example articles: about one for every twelve units
UNITS_PER_ARTICLE = 12


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# 基准测试用的合成数据：全部虚构\n" + yaml.dump(
        data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def _entry(d: Draw, i: int, taken: set[str], benchmark: bool) -> dict[str, Any]:
    kinds = list(KINDS)
    kind = d.rng.choices(kinds, [KINDS[k][0] for k in kinds])[0]
    while True:
        py, place = d.place()
        uid = f"{py}-{KINDS[kind][2]}"
        if uid not in taken:
            taken.add(uid)
            break
    reached = len(STAGES) if benchmark else d.rng.randint(2, len(STAGES))
    since = dt.date(2005 + i % 3, d.rng.randint(1, 12), 1)
    rollout = []
    for stage in STAGES[:reached]:
        rollout.append({"stage": stage, "since": since})
        since += dt.timedelta(days=d.rng.randint(150, 500))
    return {"id": uid, "name": f"{place}{KINDS[kind][1]}", "short_name": place, "kind": kind,
            **({"benchmark": True} if benchmark else {}), "rollout": rollout}


def write_unit(folder: Path, d: Draw, uid: str, name: str, prof: Profile) -> dict[str, Any]:
    """Write one unit's files; returns its objectives and measures (for articles)."""
    plan = strategy.Plan(cadence=prof.cadence, sub_periods=[])
    files: dict[str, Any] = {"unit.yml": strategy.unit_file(d, uid, name, prof, plan)}
    rules = assessment.rules_file(d, prof, plan)
    files["rules.yml"] = rules
    files["posts.yml"] = strategy.posts_file(d, prof, plan, d.jitter(prof.departments, 2))
    files["unit.yml"]["heads"] = plan.lead_posts[:2]   # party and government heads
    files["map.yml"], files["measures.yml"] = strategy.map_and_measures(d, prof, plan)
    files["departments.yml"] = strategy.departments_file(d, prof, plan)
    files["actions.yml"] = strategy.actions_file(d, prof, plan)
    persons = people.people_files(d, prof, plan)
    for pid, person in persons.items():
        files[f"people/{pid}.yml"] = person
    for period in rules["periods"]:
        scale = assessment.scale_file(d, prof, plan, period)
        files[f"assessment/{period['id']}.yml"] = scale
        files[f"results/{period['id']}.yml"] = assessment.results_file(d, plan, period, scale, persons)
    for rel, data in files.items():
        _dump(folder / rel, data)
    return {"objectives": list(plan.objectives), "measures": [m["id"] for m in plan.measures]}


def _article(d: Draw, uid: str, unit: dict[str, Any], chars: int) -> tuple[str, str]:
    date = dt.date(d.rng.randint(2008, 2010), d.rng.randint(1, 12), d.rng.randint(1, 28))
    meta = {"title": d.text(d.rng.randint(14, 26)).rstrip("。，"), "unit": uid, "author": d.pick(d.pools.posts),
            "date": date, "tags": d.names(d.pools.tags, d.rng.randint(2, 4)),
            "objectives": d.sample(unit["objectives"], d.rng.randint(1, 4)),
            "measures": d.sample(unit["measures"], d.rng.randint(1, 5)),
            "summary": d.text(d.rng.randint(30, 60))}
    if d.chance(0.1):
        meta["internal"] = True
    head = yaml.dump(meta, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    body = "\n\n".join(d.paragraphs(chars))
    return f"{date:%Y-%m}-{uid}", f"---\n# 基准测试用的合成文章：全部虚构\n{head}---\n\n{body}\n"


def make_city(dest: Path, units: int, seed: int = 13, example: Path = EXAMPLE,
              example_content: Path = EXAMPLE_CONTENT) -> tuple[Path, Path]:
    """Write `dest/scorecards` and `dest/content` for a city of `units` units; returns both paths."""
    found, profs = pools(example, example_content), profiles(example)
    scorecards, content = dest / "scorecards", dest / "content"
    scorecards.mkdir(parents=True)
    for name in ("city.yml", "glossary.yml"):
        shutil.copy2(example / name, scorecards / name)
    if (example_content / "pages").is_dir():
        shutil.copytree(example_content / "pages", content / "pages")
    (content / "articles").mkdir(parents=True, exist_ok=True)
    city = Draw(f"{seed}:city", found)
    taken: set[str] = set()
    entries = [_entry(city, i, taken, i < 2) for i in range(units)]
    _dump(scorecards / "registry.yml", {"units": entries})
    written: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(entries):
        d = Draw(f"{seed}:unit:{i}", found)
        written[entry["id"]] = write_unit(scorecards / "units" / entry["id"], d, entry["id"],
                                          entry["name"], profs[i % len(profs)])
    lengths = found.article_chars or [850]
    for k in range(max(1, units // UNITS_PER_ARTICLE)):
        uid = city.pick(list(written))
        stem, text = _article(city, uid, written[uid], city.jitter(city.pick(lengths), 300))
        (content / "articles" / f"{stem}-{k + 1}.md").write_text(text, encoding="utf-8")
    return scorecards, content
