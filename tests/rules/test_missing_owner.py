from tests.helpers import found, run


def test_pass_everything_owned(tmp_path):
    assert found(run(tmp_path), "BSC205") == []


def test_warn_measure_and_action_without_owner(tmp_path):
    result = run(tmp_path, {
        "units/alpha/measures.yml": ("targets: {'2008': 90}, owner: office}", "targets: {'2008': 90}}"),
        "units/alpha/actions.yml": (" owner: office,", ""),
    })
    assert sorted(found(result, "BSC205")) == [("units/alpha/actions.yml", 2), ("units/alpha/measures.yml", 3)]
