""".ci/gitlab_mr_note.py against a small stand-in for GitLab's notes API on 127.0.0.1: the
first pipeline creates the note, the next one updates it (found by its heading), other notes
are left alone; without a token nothing is sent and the job does not fail."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "gitlab_mr_note.py"
NOTES = "/api/v4/projects/city%2Fbsc/merge_requests/7/notes"


class FakeGitLab(BaseHTTPRequestHandler):
    notes: list[dict] = []
    calls: list[tuple[str, str, str]] = []

    def log_message(self, *args):
        pass

    def _reply(self, data) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _form(self) -> dict[str, str]:
        raw = self.rfile.read(int(self.headers["Content-Length"])).decode()
        return {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}

    def do_GET(self):
        self.calls.append(("GET", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        assert self.path.startswith(NOTES + "?")
        self._reply(self.notes)

    def do_POST(self):
        self.calls.append(("POST", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        assert self.path == NOTES
        note = {"id": len(self.notes) + 1, "body": self._form()["body"]}
        self.notes.append(note)
        self._reply(note)

    def do_PUT(self):
        self.calls.append(("PUT", self.path, self.headers.get("PRIVATE-TOKEN", "")))
        note_id = int(self.path.rsplit("/", 1)[1])
        note = next(n for n in self.notes if n["id"] == note_id)
        note["body"] = self._form()["body"]
        self._reply(note)


@pytest.fixture
def gitlab():
    FakeGitLab.notes = [{"id": 1, "body": "审核意见：请补充佐证材料"}]
    FakeGitLab.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGitLab)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    server.shutdown()


def run(tmp_path: Path, text: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    (tmp_path / "diff.md").write_text(text, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CI_", "BSC_"))}
    return subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "diff.md")], env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


def test_creates_then_updates_its_own_note(tmp_path, gitlab):
    env = {"CI_API_V4_URL": gitlab, "CI_PROJECT_ID": "city/bsc", "CI_MERGE_REQUEST_IID": "7",
           "BSC_BOT_TOKEN": "secret-token"}
    first = run(tmp_path, "## 计分卡改动摘要\n\n- 新增指标 M1\n", env)
    assert first.returncode == 0 and "新建评论" in first.stdout
    second = run(tmp_path, "## 计分卡改动摘要\n\n- 删除指标 M1\n", env)
    assert second.returncode == 0 and "更新评论" in second.stdout
    assert FakeGitLab.notes == [{"id": 1, "body": "审核意见：请补充佐证材料"},
                                {"id": 2, "body": "## 计分卡改动摘要\n\n- 删除指标 M1\n"}]
    assert [c[0] for c in FakeGitLab.calls] == ["GET", "POST", "GET", "PUT"]
    assert all(c[2] == "secret-token" for c in FakeGitLab.calls)


def test_without_a_token_nothing_is_sent(tmp_path, gitlab):
    env = {"CI_API_V4_URL": gitlab, "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "7"}
    done = run(tmp_path, "## 计分卡改动摘要\n", env)
    assert done.returncode == 0 and "没有 BSC_BOT_TOKEN" in done.stdout
    assert FakeGitLab.calls == []


def test_an_unreachable_api_does_not_fail_the_job(tmp_path):
    env = {"CI_API_V4_URL": "http://127.0.0.1:9/api/v4", "CI_PROJECT_ID": "1",
           "CI_MERGE_REQUEST_IID": "7", "BSC_BOT_TOKEN": "t"}
    done = run(tmp_path, "## 计分卡改动摘要\n", env)
    assert done.returncode == 0 and "未能发评论" in done.stderr
