"""Run a measured step in a child process and read its peak memory; sizes of what it wrote."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class StepFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class ChildRun:
    result: dict[str, Any]
    #: wall time of the whole child process (interpreter start and imports included)
    process_seconds: float
    #: the child's maximum resident set size (`wait4`'s rusage), MB
    peak_rss_mb: float


def child_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_child(step: str, *args: str, cwd: Path) -> ChildRun:
    """`python -m benchmarks.child STEP ARGS` in `cwd`; raises `StepFailed` with its stderr."""
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        result_path, log_path = Path(tmp) / "result.json", Path(tmp) / "log.txt"
        with open(log_path, "wb") as log:
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "benchmarks.child", step, *args,
                                     "--result", str(result_path)],
                                    cwd=cwd, env=child_env(), stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0 or not result_path.is_file():
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise StepFailed(f"benchmarks.child {step} failed (exit {proc.returncode}):\n{tail}")
        result = json.loads(result_path.read_text(encoding="utf-8"))
    return ChildRun(result, wall, usage.ru_maxrss / 1024)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_bytes(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def site_sizes(site_dir: Path) -> dict[str, int]:
    """Output size, pages and search index (raw and gzipped) of one built edition."""
    index = site_dir / "search" / "search_index.json"
    return {"output_bytes": tree_bytes(site_dir),
            "html_pages": sum(1 for p in site_dir.rglob("*.html") if p.name != "404.html"),
            "search_index_bytes": index.stat().st_size if index.is_file() else 0,
            "search_index_gzip_bytes": gzip_bytes(index)}
