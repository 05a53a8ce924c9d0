"""The package as its users get it, built and installed once per test session.

- `dist`: the wheel and the sdist that `python -m build` makes of this checkout (the wheel is
  built from the sdist, so the sdist is proven to build too), in a temporary folder;
- `installed`: a fresh virtual environment with the wheel installed by pip (its dependencies from
  the package index, as a user's pip finds them: the test needs the index, or pip's cache);
  `installed.bscportal` is its command, `installed.run(...)` runs it;
- `bscportal`: the path of that command, for tests that only need it.

Every command runs with an environment without this checkout on the Python path and without
`BSCPORTAL_CACHE_DIR`, from a folder of the test's choosing.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: how long one step may take (pip resolving and downloading on a slow network)
TIMEOUT = 600


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of an installed `bscportal`: nothing pointing back at this checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "BSCPORTAL_CACHE_DIR", "VIRTUAL_ENV", "PYTHONHOME"}}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None,
         timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env or clean_env(), capture_output=True,
                          text=True, timeout=timeout)


def _ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"{' '.join(done.args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path
    bscportal: Path

    def run(self, *args: str | Path, cwd: Path, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        """`bscportal ARGS` from `cwd`; with `check`, fails the test on a non-zero exit."""
        done = _run([self.bscportal, *args], cwd, env)
        return _ok(done) if check else done


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    out = tmp_path_factory.mktemp("dist")
    _ok(_run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=out))
    wheels, sdists = sorted(out.glob("bscportal-*.whl")), sorted(out.glob("bscportal-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return Dist(wheels[0], sdists[0])


@pytest.fixture(scope="session")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = tmp_path_factory.mktemp("venv")
    where = tmp_path_factory.mktemp("pip-cwd")
    _ok(_run([sys.executable, "-m", "venv", venv], cwd=where))
    python = venv / "bin" / "python"
    _ok(_run([python, "-m", "pip", "install", "--quiet", dist.wheel], cwd=where))
    return Installed(venv, python, venv / "bin" / "bscportal")


@pytest.fixture(scope="session")
def bscportal(installed: Installed) -> Path:
    return installed.bscportal
