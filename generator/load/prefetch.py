"""Parse a large city's unit files in a second process while this one reads the rest.

Reading a city of hundreds of units is mostly turning YAML into values (libyaml's nodes, then
ours), file by file, each on its own. A forked worker parses the files of the later unit folders
and sends each folder's results back as soon as it has them; this process reads the earlier
folders itself, then validates the worker's as they arrive (validation, positions and the rules
stay here: they need the whole city).

What comes back is what `load_yaml` gives for the same file. A folder whose results never
arrive (the worker failed or was stopped), or a file changed since the worker read it, is read
here, so the worker can only save time.
"""
from __future__ import annotations

import marshal
import multiprocessing
import os
import pickle
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from queue import SimpleQueue
from typing import Any, Callable

from ..problems import Problem
from .yamlfile import YamlDoc, load_yaml

#: below this many unit folders a second process costs more than it saves (a 71-unit city of
#: the example's size reads in under a tenth of a second)
MIN_FOLDERS = 100
#: the worker's share of the folders: it only parses, this process also validates and locates
WORKER_SHARE = 0.7

Listing = Callable[[Path], list[tuple[Path, str]]]
#: a file's state when the worker read it: modified (ns), size, inode
FileState = tuple[int, int, int] | None
#: one parsed file as sent: path, shown, its state, text (None: no document), line offset, flagged
#: positions, data as marshal bytes (None: pickled in `rest`), the rest pickled: the problems
_Sent = tuple[str, str, FileState, str | None, int, set[tuple[int, int]], bytes | None, bytes]


class Prefetch:
    """Results of `load_yaml` for the files of `folders`, parsed by a forked worker.

    A thread takes the worker's messages off the pipe as they come, so the worker never waits
    for this process to be ready for them (a pipe holds 64 KB, a folder's files several times
    that); they are unpacked here only when asked for."""

    def __init__(self, folders: list[Path], listing: Listing) -> None:
        self._pending = set(map(str, folders))     # folders the worker has not reported yet
        self._ready: dict[str, _Sent] = {}
        self._queue: SimpleQueue[bytes | None] = SimpleQueue()
        reader, writer = multiprocessing.Pipe(duplex=False)
        self._conn = reader
        context = multiprocessing.get_context("fork")
        self._worker = context.Process(target=_work, args=(folders, listing, writer), daemon=True)
        self._worker.start()
        writer.close()
        self._receiver = threading.Thread(target=self._receive, name="bscportal-prefetch", daemon=True)
        try:
            self._receiver.start()
        except BaseException:
            self._worker.kill()
            self._worker.join()
            raise

    def _receive(self) -> None:
        try:
            while True:
                self._queue.put(self._conn.recv_bytes())
        except (EOFError, OSError):   # the worker is done (or gone)
            pass
        finally:
            self._queue.put(None)

    def wait(self, folder: Path) -> None:
        """Return once the files of `folder` are here (or will never come)."""
        key = str(folder)
        while key in self._pending:
            message = self._queue.get()
            if message is None:   # nothing more will come: what did not arrive is read here
                self._pending.clear()
                return
            try:
                done, entries = pickle.loads(message)
            except Exception:   # noqa: BLE001 - a message that does not read: as if none came
                self._pending.clear()
                return
            self._pending.discard(done)
            for entry in entries:
                self._ready[entry[0]] = entry

    def take(self, path: Path, shown: str) -> tuple[YamlDoc | None, list[Problem]] | None:
        """What `load_yaml(path, shown)` gives, if the worker parsed it; else None."""
        sent = self._ready.pop(str(path), None)
        if sent is None or sent[1] != shown or sent[2] != _state(path):   # changed since: read here
            return None
        _, shown, _, text, offset, flagged, data, rest = sent
        problems: list[Problem]
        try:
            if data is not None:
                value, problems = marshal.loads(data), pickle.loads(rest)
            else:
                value, problems = pickle.loads(rest)
        except Exception:   # noqa: BLE001 - read here instead
            return None
        if text is None:
            return None, problems
        return YamlDoc(shown, value, text, offset, flagged), problems

    def close(self) -> None:
        """Stop the worker (if it is still at work) and let go of what it sent."""
        self._ready.clear()
        self._pending.clear()
        if self._worker.is_alive():
            self._worker.kill()
        self._worker.join()
        self._receiver.join()
        self._conn.close()


def start(folders: list[Path], listing: Listing) -> Prefetch | None:
    """A worker for the later share of `folders`, when that is worth it and safe: two cores,
    enough folders, and no other thread in this process (a fork copies only the calling one)."""
    if len(folders) < MIN_FOLDERS or _cores() < 2 or not _alone() \
            or "fork" not in multiprocessing.get_all_start_methods():
        return None
    first = len(folders) - round(len(folders) * WORKER_SHARE)
    return Prefetch(folders[first:], listing)


def _alone() -> bool:
    """No other thread runs in this process."""
    return threading.active_count() == 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _work(folders: list[Path], listing: Listing, conn: Connection) -> None:
    """In the worker: parse each folder's files and send them, one message a folder."""
    try:
        for folder in folders:
            conn.send_bytes(pickle.dumps((str(folder), [_entry(p, s) for p, s in listing(folder)]),
                                         protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:   # noqa: BLE001 - the parent reads whatever did not arrive itself
        os._exit(1)
    finally:
        conn.close()


def _state(path: Path) -> FileState:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def _entry(path: Path, shown: str) -> _Sent:
    state = _state(path)   # before reading: a change while it is read shows in the parent's
    doc, problems = load_yaml(path, shown)
    if doc is None:
        return str(path), shown, state, None, 0, set(), None, pickle.dumps((None, problems))
    try:   # plain values travel as marshal data, several times faster to read than a pickle
        data: bytes | None = marshal.dumps(doc.data)
        rest = pickle.dumps(problems)
    except ValueError:   # numbers that remember how they were written
        data, rest = None, pickle.dumps((doc.data, problems))
    return str(path), shown, state, doc.text, doc.line_offset, doc.flagged, data, rest
