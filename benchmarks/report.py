"""The benchmark's table and ratios (each with its target from issue 13, PASS or FAIL)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MB = 1e6
PEAK_LIMIT_MB = 1024.0


@dataclass(frozen=True)
class Ratio:
    name: str
    value: float | None
    target: float
    note: str = ""

    @property
    def passed(self) -> bool | None:
        return None if self.value is None else self.value <= self.target

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed}


def _seconds(run: dict[str, Any] | None) -> float | None:
    return None if not run or "seconds" not in run else float(run["seconds"])


def _div(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def ratios(results: dict[str, Any]) -> list[Ratio]:
    ex = results["example"]
    cold = _seconds(ex.get("cold"))
    synth = results.get("synthetic", {})
    small, large = synth.get("71", {}), synth.get("710", {})
    peak = large.get("cold", {}).get("peak_mb", large.get("cold", {}).get("peak_rss_mb"))
    return [
        Ratio("cold build of the example (both editions) ÷ naive baseline", _div(cold, _seconds(ex.get("baseline"))), 0.4),
        Ratio("rebuild, nothing changed ÷ cold", _div(_seconds(ex.get("nochange")), cold), 0.1),
        Ratio("rebuild after editing one target ÷ cold", _div(_seconds(ex.get("edit")), cold), 0.2),
        Ratio("serve: save → browser shows the new value ÷ cold", _div(_seconds(ex.get("serve")), cold), 0.1,
              ex.get("serve", {}).get("skipped", "")),
        Ratio("710 units ÷ 71 units (cold, both editions)",
              _div(_seconds(large.get("cold")), _seconds(small.get("cold"))), 10.0,
              "" if large else "710 units not measured"),
        Ratio("peak memory of the 710-unit build, MB", peak, PEAK_LIMIT_MB, "" if large else "710 units not measured"),
        Ratio("check on 710 units ÷ the 710-unit build",
              _div(_seconds(large.get("check")), _seconds(large.get("cold"))), 0.03,
              "" if large else "710 units not measured"),
    ]


def _fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _row(city: str, run: str, r: dict[str, Any]) -> list[str]:
    eds = {e["edition"]: e for e in r.get("editions", [])}
    pub, internal = eds.get("public", {}), eds.get("internal", {})
    both = [e for e in (pub, internal) if e]

    def pair(key: str, scale: float = 1.0, digits: int = 1) -> str:
        if not any(key in e for e in both):
            return "—"
        return "/".join(_fmt(e[key] / scale if key in e else None, digits) for e in both)
    return [city, run, _fmt(r.get("seconds")), _fmt(r.get("prepare_seconds")),
            pair("render_seconds"), pair("mkdocs_seconds"),
            "/".join(str(e.get("pages", e.get("html_pages", 0))) for e in both) if both else "—",
            pair("output_bytes", MB), pair("search_index_bytes", MB),
            pair("search_index_gzip_bytes", MB), _fmt(r.get("peak_mb", r.get("peak_rss_mb")), 0),
            _fmt(r.get("process_seconds"), 1)]


HEAD = ["city", "run", "seconds", "check+prep", "render p/i", "mkdocs p/i", "pages p/i",
        "output MB p/i", "index MB p/i", "index gz MB", "peak MB", "process s"]


def table(results: dict[str, Any]) -> str:
    rows = [HEAD]
    ex = results["example"]
    for run in ("check", "cold", "nochange", "edit", "baseline"):
        if run in ex:
            rows.append(_row("example", run, ex[run]))
    serve = ex.get("serve", {})
    if "seconds" in serve:
        rows.append(["example", "serve edit"] + [_fmt(serve["seconds"])] + ["—"] * 9)
    for size, city in results.get("synthetic", {}).items():
        for run in ("check", "cold"):
            if run in city:
                rows.append([f"{size} units", run] + _row("", run, city[run])[2:])
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEAD))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def ratio_lines(items: list[Ratio]) -> str:
    width = max(len(r.name) for r in items)
    out = []
    for r in items:
        verdict = "n/a" if r.passed is None else "PASS" if r.passed else "FAIL"
        value = _fmt(r.value, 0 if r.target >= 100 else 3)
        target = f"≤ {r.target:g}"
        out.append(f"{r.name.ljust(width)}  {value:>8}  {target:>8}  {verdict}" + (f"  ({r.note})" if r.note else ""))
    return "\n".join(out)
