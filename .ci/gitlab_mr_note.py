"""Post `bscportal diff`'s summary as a merge request note on GitLab, replacing the previous one.

Used by .gitlab-ci.yml: `python .ci/gitlab_mr_note.py diff.md`. Reads GitLab's CI variables
(CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID) and the token in BSC_BOT_TOKEN (a project
access token with the `api` scope, saved as a masked CI/CD variable). The note is found again by
its first line (the summary's heading), so each pipeline updates one note instead of adding one.
Without a token it says so and exits 0: the summary stays in the job's artifacts.
Standard library only (it runs before anything else is installed, in any Python 3.11).
"""
from __future__ import annotations

import json
import os
import sys
import urllib.parse
import urllib.request


def _call(method: str, url: str, token: str, body: dict[str, str] | None = None) -> object:
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"PRIVATE-TOKEN": token})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))


def post(text: str, api: str, project: str, mr: str, token: str) -> str:
    """Create or update the note; returns "created" or "updated"."""
    base = f"{api.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}/merge_requests/{mr}/notes"
    heading = text.split("\n", 1)[0]
    page = 1
    while page:
        notes = _call("GET", f"{base}?per_page=100&page={page}&sort=asc", token)
        assert isinstance(notes, list)
        for note in notes:
            if isinstance(note, dict) and str(note.get("body", "")).startswith(heading):
                _call("PUT", f"{base}/{note['id']}", token, {"body": text})
                return "updated"
        page = page + 1 if len(notes) == 100 else 0
    _call("POST", base, token, {"body": text})
    return "created"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("用法：python .ci/gitlab_mr_note.py diff.md", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    env = os.environ
    token = env.get("BSC_BOT_TOKEN", "")
    missing = [k for k in ("CI_API_V4_URL", "CI_PROJECT_ID", "CI_MERGE_REQUEST_IID") if not env.get(k)]
    if missing or not token:
        why = "没有 BSC_BOT_TOKEN" if not token else "不是合并请求的流水线（缺 " + "、".join(missing) + "）"
        print(f"未发评论：{why}；改动摘要见本 job 的 artifact diff.md")
        return 0
    try:
        done = post(text, env["CI_API_V4_URL"], env["CI_PROJECT_ID"], env["CI_MERGE_REQUEST_IID"], token)
    except (OSError, ValueError) as exc:
        print(f"未能发评论（{exc}）；改动摘要见本 job 的 artifact diff.md", file=sys.stderr)
        return 0
    print(f"改动摘要已发到合并请求（{'更新' if done == 'updated' else '新建'}评论）")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
