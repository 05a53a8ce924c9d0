"""Time `check` on the example city (71 units) and on a generated city of 710 units.

The 710-unit city is the example copied ten times: every registry entry and unit folder is
cloned with an id suffix (`-r1` … `-r9`), so the data are realistic in size and shape.

    .venv/bin/python benchmarks/check_speed.py [--copies 10] [--repeat 3]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import check_tree  # noqa: E402


def make_city(src: Path, dest: Path, copies: int) -> int:
    shutil.copytree(src, dest)
    registry = yaml.safe_load((src / "registry.yml").read_text(encoding="utf-8"))
    entries = registry["units"]
    out = list(entries)
    for n in range(1, copies):
        for entry in entries:
            clone = dict(entry, id=f"{entry['id']}-r{n}", name=f"{entry['name']}（副本{n}）",
                         benchmark=False)
            out.append(clone)
            folder = src / "units" / entry["id"]
            if folder.is_dir():
                target = dest / "units" / clone["id"]
                shutil.copytree(folder, target)
                unit_file = target / "unit.yml"
                text = unit_file.read_text(encoding="utf-8")
                unit_file.write_text(text.replace(f"id: {entry['id']}", f"id: {clone['id']}", 1),
                                     encoding="utf-8")
    (dest / "registry.yml").write_text(
        yaml.safe_dump({"units": out}, allow_unicode=True, sort_keys=False, default_flow_style=False),
        encoding="utf-8")
    return len(out)


def timed(root: Path, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = check_tree(root)
        best = min(best, time.perf_counter() - start)
    assert result is not None and result.city is not None
    return best, len(result.city.units), len(result.errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    src = ROOT / "scorecards"
    seconds, units, errors = timed(src, args.repeat)
    files = sum(1 for _ in src.rglob("*.yml"))
    print(f"check example city: {units} units, {files} YAML files, {errors} errors, "
          f"best of {args.repeat}: {seconds:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "scorecards"
        make_city(src, big, args.copies)
        files = sum(1 for _ in big.rglob("*.yml"))
        seconds, units, errors = timed(big, args.repeat)
        print(f"check generated city: {units} units, {files} YAML files, {errors} errors, "
              f"best of {args.repeat}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
