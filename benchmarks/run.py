"""`make bench`: the build's speed and memory on the example and on synthetic cities.

In one run, each step in a fresh child process (its peak memory is its own):

- the example city (scorecards/ and content/, copied into a temporary folder): `check`; a cold
  build of both editions; the same build again with nothing changed; the naive baseline (the
  same staged pages through plain `mkdocs build` with Material's defaults, see baseline.py);
  the build after editing one measure's target; and `bscportal serve` with that edit, from
  saving the file to headless Chromium showing the new value (serve_probe.py);
- synthetic cities of 71, 355 and 710 units (benchmarks/synth): `check` and a cold build.

Prints a table and the ratios of issue 13 (PASS/FAIL; the exit status is 0 either way) and
writes everything to benchmarks/results.json. Times are those of the step inside its process
(interpreter start excluded; the whole process is the `process s` column). The package's
bytecode is compiled first, as an installed package's is (pip compiles it at install; the
children write none): a module edited since its last import would otherwise be compiled again
in every measured process. Nothing else is written into the repository but the results file.

    .venv/bin/python -m benchmarks.run [--quick] [--sizes 71,355,710] [--out FILE]
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from . import report
from .baseline import write_naive
from .edit import apply, pick_edit
from .measure import ROOT, ChildRun, run_child, site_sizes
from .serve_probe import measure_serve
from .synth import make_city

SIZES = (71, 355, 710)
QUICK_SIZES = (71,)
EDITIONS = ("public", "internal")


def _say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def _record(run: ChildRun) -> dict[str, Any]:
    return {**run.result, "process_seconds": run.process_seconds, "peak_mb": run.peak_mb,
            "peak_rss_mb": run.peak_rss_mb, "peak_tree_mb": run.peak_tree_mb}


def check(scorecards: Path, content: Path, cwd: Path) -> dict[str, Any]:
    return _record(run_child("check", "--scorecards", str(scorecards), "--content", str(content), cwd=cwd))


def build(scorecards: Path, content: Path, work: Path) -> dict[str, Any]:
    """Both editions into `work` (site/, stage/, cache/); sizes of what was written."""
    work.mkdir(parents=True, exist_ok=True)
    out = _record(run_child("build", "--scorecards", str(scorecards), "--content", str(content),
                            "--work", str(work), cwd=work))
    for e in out["editions"]:
        e.update(site_sizes(Path(e.pop("out_dir"))))
    return out


def baseline(stage: Path, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    configs = [write_naive(stage / ed / "mkdocs.yml", work / "site" / ed, work / f"naive-{ed}.yml") for ed in EDITIONS]
    out = _record(run_child("mkdocs", *[a for c in configs for a in ("--config", str(c))], cwd=work))
    out["editions"] = [{"edition": ed, "mkdocs_seconds": b["seconds"], **site_sizes(Path(b["out_dir"]))}
                       for ed, b in zip(EDITIONS, out.pop("builds"))]
    return out


def example(scorecards: Path, content: Path, tmp: Path, serve: bool) -> dict[str, Any]:
    city = tmp / "city"
    shutil.copytree(scorecards, city / "scorecards")
    shutil.copytree(content, city / "content")
    sc, ct, work = city / "scorecards", city / "content", tmp / "build"
    out: dict[str, Any] = {"units": None}
    _say("example: check")
    out["check"] = check(sc, ct, tmp)
    _say("example: cold build")
    out["cold"] = build(sc, ct, work)
    out["units"] = out["cold"]["units"]
    _say("example: rebuild, nothing changed")
    out["nochange"] = build(sc, ct, work)
    _say("example: naive baseline (plain mkdocs build of the staged pages)")
    out["baseline"] = baseline(work / "stage", tmp / "naive")
    edit = pick_edit(sc)
    out["edit_made"] = {"file": edit.path.relative_to(city).as_posix(), "measure": edit.measure,
                        "period": edit.period, "old": edit.old, "new": edit.shown}
    _say(f"example: rebuild after editing {edit.measure} {edit.period} target {edit.old} → {edit.shown}")
    apply(edit)
    out["edit"] = build(sc, ct, work)
    if serve:
        _say("example: serve, save → browser")
        serve_tmp = tmp / "serve"
        serve_tmp.mkdir()
        out["serve"] = measure_serve(scorecards, content, pick_edit(scorecards), serve_tmp)
    return out


def synthetic(size: int, seed: int, tmp: Path) -> dict[str, Any]:
    folder = tmp / f"synth-{size}"
    _say(f"{size} units: generating (seed {seed})")
    started = time.perf_counter()
    scorecards, content = make_city(folder / "city", size, seed)
    out: dict[str, Any] = {"generate_seconds": time.perf_counter() - started,
                           "yaml_bytes": sum(p.stat().st_size for p in scorecards.rglob("*.yml"))}
    _say(f"{size} units: check")
    out["check"] = check(scorecards, content, folder)
    if out["check"]["errors"]:
        raise RuntimeError(f"the synthetic city of {size} units has {out['check']['errors']} check errors")
    _say(f"{size} units: cold build")
    out["cold"] = build(scorecards, content, folder / "build")
    shutil.rmtree(folder, ignore_errors=True)
    return out


def _commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip() + (" + uncommitted changes" if dirty else "")


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("mkdocs", "mkdocs-material", "jieba", "pymdown-extensions"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="synthetic city of 71 units only")
    parser.add_argument("--sizes", help="comma-separated synthetic city sizes (default 71,355,710)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--example", type=Path, default=ROOT / "scorecards",
                        help="the example's scorecards folder (content/ beside it)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve/browser measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else QUICK_SIZES if args.quick else SIZES
    for package in ("generator", "benchmarks"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "commit": _commit(), "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(), "versions": _versions(), "quick": args.quick,
        "seed": args.seed, "sizes": list(sizes)}
    with tempfile.TemporaryDirectory(prefix="bscportal-bench-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "example").mkdir()
        results["example"] = example(args.example, args.example.parent / "content", tmp / "example",
                                     not args.no_serve)
        results["synthetic"] = {str(n): synthetic(n, args.seed, tmp) for n in sizes}
    results["wall_seconds"] = time.perf_counter() - started
    results["load_average_at_end"] = os.getloadavg()
    items = report.ratios(results)
    results["ratios"] = [r.as_json() for r in items]
    print()
    print(report.table(results))
    print()
    print(report.ratio_lines(items))
    print(f"\nwall time {results['wall_seconds'] / 60:.1f} min on {results['cpus']} CPUs "
          f"(load average {results['load_average_at_start'][0]:.2f} at start, "
          f"{results['load_average_at_end'][0]:.2f} at end); results → {args.out}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
