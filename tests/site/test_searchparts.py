from generator.site.searchparts import ZWSP, indexed


def test_compounds_are_followed_by_their_parts_hidden():
    parts = {"群众满意度": ["群众", "满意", "满意度", "群众满意度"], "提高": ["提高"]}
    out = indexed(["群众满意度", "提高"], lambda w: parts.get(w, [w]))
    assert out == f"群众满意度<span hidden>{ZWSP}群众{ZWSP}满意度{ZWSP}</span>{ZWSP}提高"


def test_short_words_and_words_without_parts_stay_as_they_are():
    assert indexed(["指标", "一票否决"], lambda w: [w]) == f"指标{ZWSP}一票否决"
    assert indexed(["与"], lambda w: ["与", "与"]) == "与"


def test_each_part_is_kept_once_per_section_in_one_span_at_the_end():
    from generator.site.searchparts import once

    z = ZWSP
    text = (f"目标值<span hidden>{z}目标{z}</span>{z}一{z}目标值<span hidden>{z}目标{z}</span>"
            f"{z}总目标值<span hidden>{z}总{z}目标值{z}</span>")
    assert once(text) == f"目标值{z}一{z}目标值{z}总目标值<span hidden>{z}目标{z}总{z}目标值{z}</span>"
    assert once("没有复合词") == "没有复合词"
