"""Time the full build of the example portal (both editions): check → render → stage → mkdocs.

Prints, per edition, the seconds, the number of pages and the size of the search index; first a
cold build (empty staging folder and map cache), then a warm one (nothing changed: staging writes
no file, every map comes from the cache). With `--copies N` it also builds a city of N × 71 units
(the example cloned, as in check_speed.py) to show that the build time grows linearly.

    .venv/bin/python benchmarks/build_speed.py [--copies 5]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from generator.site.build import build_editions  # noqa: E402


def run(label: str, scorecards: Path, content: Path, work: Path) -> float:
    started = time.perf_counter()
    prep, reports = build_editions(scorecards, content, work / "site", ("public", "internal"),
                                   stage_root=work / "stage", cache_root=work / "cache")
    total = time.perf_counter() - started
    units = len(prep.city.units)
    for r in reports:
        gz = _gzip_size(r.out_dir / "search" / "search_index.json")
        print(f"  {label:<6} {r.edition:<8} {r.seconds:6.2f} s (render {r.render_seconds:.2f} + mkdocs "
              f"{r.mkdocs_seconds:.2f})  {r.pages:5d} pages  "
              f"search index {r.search_index_bytes / 1e6:6.2f} MB ({gz / 1e6:.2f} MB gzipped)  "
              f"staged {len(r.staged.written)} written / {r.staged.unchanged} unchanged")
    pages = sum(r.pages for r in reports)
    print(f"  {label:<6} both     {total:6.2f} s  {pages:5d} pages  ({units} units, "
          f"{total / max(pages, 1) * 1000:.0f} ms a page)")
    return total


def _gzip_size(path: Path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0,
                        help="also build a city of COPIES × the example's units")
    args = parser.parse_args()
    scorecards, content = ROOT / "scorecards", ROOT / "content"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "example"
        print("example city (scorecards/, content/):")
        run("cold", scorecards, content, work)
        run("warm", scorecards, content, work)
        if args.copies > 1:
            from benchmarks.check_speed import make_city

            big = Path(tmp) / "big" / "scorecards"
            make_city(scorecards, big, args.copies)
            print(f"example × {args.copies}:")
            run("cold", big, content, Path(tmp) / "bigwork")


if __name__ == "__main__":
    main()
