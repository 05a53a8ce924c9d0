"""The whole benchmark, made small (the mini city as the example, a synthetic city of 3 units),
so its code cannot rot: every measurement runs, serve included, and the results file is written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import run

MINI = Path(__file__).resolve().parents[1] / "site" / "fixtures" / "mini" / "scorecards"


@pytest.mark.e2e
def test_the_benchmark_runs_end_to_end(tmp_path, capsys):
    out = tmp_path / "results.json"
    results = run.main(["--example", str(MINI), "--sizes", "3", "--out", str(out)])
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["ratios"] == results["ratios"] and len(saved["ratios"]) == 7
    ex = saved["example"]
    for step in ("cold", "nochange", "edit", "baseline"):
        assert ex[step]["seconds"] > 0 and ex[step]["peak_rss_mb"] > 0
        assert [e["edition"] for e in ex[step]["editions"]] == ["public", "internal"]
        assert all(e["html_pages"] > 0 and e["search_index_gzip_bytes"] > 0 for e in ex[step]["editions"])
    assert ex["nochange"]["editions"][0]["staged_written"] == 0
    assert ex["edit"]["editions"][0]["staged_written"] > 0
    assert ex["serve"].get("seconds", 0) > 0, ex["serve"]
    assert saved["synthetic"]["3"]["check"]["errors"] == 0
    printed = capsys.readouterr().out
    assert "naive baseline" in printed and ("PASS" in printed or "FAIL" in printed)
