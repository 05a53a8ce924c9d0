"""Writing files so that nothing is lost: every write goes through a temporary file beside the
target and `os.replace`, so a reader (or a crash) never sees half a file. `digest`: the one
digest of a file's bytes every layer compares."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _mode(path: Path) -> int:
    """The permissions the file has, or those a plain `open` would give a new one (mkstemp's
    0600 would make a rewritten data file, or a catalogue in a package, private)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            os.fchmod(f.fileno(), _mode(path))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
