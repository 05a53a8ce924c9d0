"""mypy over generator/ (settings in pyproject.toml, `[tool.mypy]`) finds no error."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_errors() -> None:
    # a cache per interpreter keeps reruns fast; it lives with the other build caches
    cache = ROOT / ".cache" / "mypy"
    run = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(cache), "generator"],
                         cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "MYPY_FORCE_COLOR": "0", "NO_COLOR": "1"})
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert run.returncode == 0 and not errors, (
        f"mypy found {len(errors)} error(s) in generator/:\n" + "\n".join(errors or [run.stdout, run.stderr]))
