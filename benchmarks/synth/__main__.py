"""`python -m benchmarks.synth DEST --units N [--seed S]`: write a synthetic city into DEST."""
from __future__ import annotations

import argparse
from pathlib import Path

from .city import make_city


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path, help="new folder; gets scorecards/ and content/")
    parser.add_argument("--units", type=int, default=71)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    scorecards, content = make_city(args.dest, args.units, args.seed)
    print(f"{args.units} units: {scorecards}, {content}")


if __name__ == "__main__":
    main()
