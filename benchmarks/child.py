"""One measured step, run in its own process by `benchmarks.measure.run_child`, so that its peak
memory is its own and every build starts cold (fresh interpreter, nothing imported or cached in
memory). Writes what it measured as JSON to the file named by `--result`.

    python -m benchmarks.child check  --scorecards S --content C --result R
    python -m benchmarks.child build  --scorecards S --content C --work W [--serial] --result R
    python -m benchmarks.child mkdocs --config F [--config F ...] --result R
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any


def check(scorecards: Path, content: Path) -> dict[str, Any]:
    from generator.check import check_tree

    started = time.perf_counter()
    result = check_tree(scorecards, content)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "errors": len(result.errors),
            "warnings": len(result.problems) - len(result.errors),
            "units": len(result.city.units) if result.city else 0,
            "files": sum(1 for _ in scorecards.rglob("*.yml"))}


def build(scorecards: Path, content: Path, work: Path, serial: bool = False) -> dict[str, Any]:
    """Both editions through the portal's own pipeline (`build_editions`), into `work/site`,
    staging in `work/stage`, map cache in `work/cache` (the same folders on a rebuild).

    `serial` builds the editions one after the other in this process instead of in forked
    processes, so that a profiler sees both (profile_build.py)."""
    from generator.site import build as site_build
    from generator.site.build import build_editions

    if serial and hasattr(site_build, "in_parallel"):
        site_build.in_parallel = lambda jobs: [job() for job in jobs]

    started = time.perf_counter()
    prep, reports = build_editions(scorecards, content, work / "site", ("public", "internal"),
                                   stage_root=work / "stage", cache_root=work / "cache")
    seconds = time.perf_counter() - started
    editions: list[dict[str, Any]] = [{"edition": r.edition, "seconds": r.seconds, "render_seconds": r.render_seconds,
                 "mkdocs_seconds": r.mkdocs_seconds, "pages": r.pages, "out_dir": str(r.out_dir),
                 "staged_written": len(r.staged.written), "staged_unchanged": r.staged.unchanged,
                 "staged_deleted": len(r.staged.deleted), "mkdocs_warnings": len(r.mkdocs_warnings),
                 # how the edition was built, where the build says (incremental builds)
                 "way": str(getattr(r, "way", "full")), "pages_built": getattr(r, "pages_built", None)}
                for r in reports]
    # check, git dates and whatever else the editions' own times do not cover (editions that
    # took longer together than the whole build ran side by side: then the longest one counts)
    spent = sum(e["seconds"] for e in editions)
    spent = spent if spent <= seconds else max(e["seconds"] for e in editions)
    return {"seconds": seconds, "units": len(prep.city.units), "articles": len(prep.articles),
            "prepare_seconds": seconds - spent, "editions": editions}


def mkdocs(configs: list[Path]) -> dict[str, Any]:
    """Plain `mkdocs build` of each config, one after the other (what `mkdocs build -f F` runs)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    out = []
    started = time.perf_counter()
    for config in configs:
        t = time.perf_counter()
        cfg = load_config(config_file=str(config))
        mkdocs_build(cfg)
        out.append({"config": str(config), "seconds": time.perf_counter() - t, "out_dir": cfg["site_dir"]})
    return {"seconds": time.perf_counter() - started, "builds": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("check", "build", "mkdocs"))
    parser.add_argument("--scorecards", type=Path)
    parser.add_argument("--content", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--config", type=Path, action="append", default=[])
    parser.add_argument("--serial", action="store_true", help="build: editions one after the other")
    parser.add_argument("--result", type=Path, required=True)
    args = parser.parse_args()
    if args.step == "check":
        result = check(args.scorecards, args.content)
    elif args.step == "build":
        result = build(args.scorecards, args.content, args.work, args.serial)
    else:
        result = mkdocs(args.config)
    args.result.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
