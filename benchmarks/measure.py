"""Run a measured step in a child process and read its peak memory; sizes of what it wrote."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
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
    #: the largest resident set of the child or any process it waited for (`wait4`'s rusage), MB
    peak_rss_mb: float
    #: the most the child and all its descendants held at once (sum of their proportional set
    #: sizes, so pages shared after a fork count once), sampled every `SAMPLE_SECONDS`, MB
    peak_tree_mb: float

    @property
    def peak_mb(self) -> float:
        """The build's peak memory: whole process tree, or its largest process if more."""
        return max(self.peak_rss_mb, self.peak_tree_mb)


SAMPLE_SECONDS = 0.25


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it (from /proc/*/stat)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, i = [pid], 0
    while i < len(out):
        out += parents.get(out[i], [])
        i += 1
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the memory of a process tree until stopped; `peak_kb` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb = pid, 0
        self.done = threading.Event()

    def run(self) -> None:
        if not os.path.exists(f"/proc/{self.pid}/smaps_rollup"):
            return
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _descendants(self.pid)))


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
            sampler = TreeSampler(proc.pid)
            sampler.start()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            sampler.done.set()
            sampler.join()
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0 or not result_path.is_file():
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise StepFailed(f"benchmarks.child {step} failed (exit {proc.returncode}):\n{tail}")
        result = json.loads(result_path.read_text(encoding="utf-8"))
    return ChildRun(result, wall, usage.ru_maxrss / 1024, sampler.peak_kb / 1024)


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
