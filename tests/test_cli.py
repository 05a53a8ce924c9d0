"""`bscportal check` end to end: output form, exit codes, the seeded mistakes of the issue."""
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.helpers import mini_tree


def _check(root: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(root), *args])


def test_clean_tree_exits_0(tmp_path):
    result = _check(mini_tree(tmp_path))
    assert result.exit_code == 0, result.output


def test_usage_error_exits_2(tmp_path):
    assert _check(tmp_path / "nope").exit_code == 2
    assert CliRunner().invoke(main, ["check", "--format", "xml"]).exit_code == 2


SEEDED = {
    "syntax error": ({"units/alpha/map.yml": ("drives: [S1]}", "drives: [S1}")}, "units/alpha/map.yml", 3, "BSC001"),
    "unknown objective": ({"units/alpha/measures.yml": ("objective: C1,", "objective: C9,")}, "units/alpha/measures.yml", 3, "BSC102"),
    "weights 95": ({"units/alpha/assessment/2008.yml": ("weight: 30}", "weight: 25}")}, "units/alpha/assessment/2008.yml", 2, "BSC104"),
    "duplicate key": ({"units/alpha/unit.yml": ("vision: 全省样板", "vision: 全省样板\nmission: 又一个")}, "units/alpha/unit.yml", 4, "BSC002"),
    "typo in field": ({"units/alpha/measures.yml": ("{id: M-P1, name: 办结率", "{id: M-P1, nmae: 办结率")}, "units/alpha/measures.yml", 4, "BSC003"),
    "cycle": ({"units/alpha/map.yml": ("theme: T1, owner: head}", "theme: T1, owner: head, drives: [L1]}")}, "units/alpha/map.yml", None, "BSC103"),
}


def test_seeded_mistakes_exit_1_and_name_file_and_line(tmp_path):
    for i, (name, (edits, path, line, code)) in enumerate(SEEDED.items()):
        root = mini_tree(tmp_path / str(i), edits)
        result = _check(root)
        assert result.exit_code == 1, name
        hits = [l for l in result.output.splitlines() if f"[{code}]" in l and ": error: " in l]
        assert hits, f"{name}: {result.output}"
        file_part, line_part = hits[0].split(":")[0:2]
        assert file_part.endswith(path), name
        if line is not None:
            assert int(line_part) == line, f"{name}: {hits[0]}"


def test_github_format(tmp_path):
    root = mini_tree(tmp_path, SEEDED["weights 95"][0])
    result = _check(root, "--format", "github")
    line = next(l for l in result.output.splitlines() if l.startswith("::error "))
    assert "assessment/2008.yml,line=2,col=1,title=BSC104::" in line


def test_warnings_pass_unless_strict(tmp_path):
    root = mini_tree(tmp_path, {"units/alpha/actions.yml": (" owner: office,", "")})
    assert _check(root).exit_code == 0
    assert _check(root, "--strict").exit_code == 1


def test_console_script_runs_without_traceback(tmp_path):
    root = mini_tree(tmp_path, SEEDED["syntax error"][0])
    exe = Path(sys.executable).parent / "bscportal"
    proc = subprocess.run([str(exe), "check", str(root)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "map.yml:3:" in proc.stdout


def test_score_prints_the_scored_scale(tmp_path):
    root = mini_tree(tmp_path)
    result = CliRunner().invoke(main, ["score", "alpha", "2008", "--path", str(root)])
    assert result.exit_code == 0, result.output
    assert "M-S1" in result.output and "等次" in result.output
    # M-D1 has no actual: it is reported as missing, never silently 0
    assert "缺数：M-D1" in result.output


def test_score_usage_errors(tmp_path):
    root = mini_tree(tmp_path)
    assert CliRunner().invoke(main, ["score", "nobody", "2008", "--path", str(root)]).exit_code == 2
    assert CliRunner().invoke(main, ["score", "alpha", "1999", "--path", str(root)]).exit_code == 2
    assert CliRunner().invoke(main, ["score", "alpha", "2007", "--path", str(root)]).exit_code == 1


def test_score_refuses_a_broken_unit_but_not_its_neighbours(tmp_path):
    root = mini_tree(tmp_path, {"units/beta/unit.yml": "id: beta\nmision: typo\n"})
    assert CliRunner().invoke(main, ["score", "alpha", "2008", "--path", str(root)]).exit_code == 0
    root2 = mini_tree(tmp_path / "b", {"units/alpha/assessment/2008.yml": ("weight: 30}", "weight: 25}")})
    result = CliRunner().invoke(main, ["score", "alpha", "2008", "--path", str(root2)])
    assert result.exit_code == 1 and "BSC104" in result.output


def test_check_on_a_unit_folder_is_a_usage_error(tmp_path):
    root = mini_tree(tmp_path)
    result = _check(root / "units" / "alpha")
    assert result.exit_code == 2 and "city.yml" in result.output
