"""Bytes kept on disk instead of in memory until they are needed, by key.

A build of a large city makes gigabytes that MkDocs would otherwise hold all at once: the HTML of
every page (made before the first page is written) and the search entries of every page (written
after the last one). A `Spool` is one anonymous file (deleted by the system when it is closed or
the process ends, however it ends) that each piece is appended to, with where it lies.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO

from ..i18n import tr
from .errors import BuildError


class Spool:
    """Append-only store of byte strings by key, in an unnamed file in `folder` (None: the
    system's temporary folder). A key put again points at its new bytes."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._file: IO[bytes] | None = None
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def __len__(self) -> int:
        return len(self._where)

    def put(self, key: str, data: bytes) -> None:
        """Keep `data` under `key`; `BuildError` when the disk cannot take it."""
        try:
            if self._file is None:
                folder = self.folder if self.folder is not None and self.folder.is_dir() else None
                self._file = tempfile.TemporaryFile(dir=folder, prefix=".bscportal-spool-")
            self._file.seek(self._end)
            self._file.write(data)
        except OSError as exc:
            raise self._failed(exc) from None
        self._where[key] = (self._end, len(data))
        self._end += len(data)

    def get(self, key: str) -> bytes:
        """The bytes last put under `key` (KeyError if none)."""
        offset, size = self._where[key]
        if not size:
            return b""
        assert self._file is not None
        try:
            self._file.seek(offset)
            return self._file.read(size)
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> BuildError:
        where = self.folder if self.folder is not None else Path(tempfile.gettempdir())
        return BuildError(tr("生成网站时无法在 {folder} 写入临时文件：{reason}。请确认磁盘有足够空间、文件夹可写",
                             folder=where, reason=exc.strerror or exc))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._where.clear()
        self._end = 0
