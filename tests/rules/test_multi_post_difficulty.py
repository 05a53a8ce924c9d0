from tests.helpers import found, run


def test_pass_posts_classified(tmp_path):
    assert found(run(tmp_path), "BSC207") == []


def test_warn_multi_post_without_difficulty(tmp_path):
    result = run(tmp_path, {"units/alpha/posts.yml": ("department: office, difficulty: B}", "department: office}")})
    assert found(result, "BSC207") == [("units/alpha/people/p1.yml", 3)]


def test_single_post_needs_no_class(tmp_path):
    result = run(tmp_path, {
        "units/alpha/posts.yml": ("department: office, difficulty: B}", "department: office}"),
        "units/alpha/people/p1.yml": ("  - {post: head, share: 0.6}\n  - {post: clerk, share: 0.4}",
                                      "  - {post: head}"),
    })
    # PM2 now names a post p1 does not hold: that is a reference error, not BSC207
    assert found(result, "BSC207") == []
