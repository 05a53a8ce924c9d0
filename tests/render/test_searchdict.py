from generator.render.edition import view
from generator.render.searchdict import MAX_CHARS, terms, user_dict


def test_user_dictionary_holds_names_and_terms(mini_city):
    words = terms(mini_city)
    for w in ["小河朝鲜族乡", "小河乡", "战略地图", "平衡计分卡", "计分卡", "学习与成长", "双轨运行",
              "群众满意率", "干部能力提升"]:
        assert w in words, w
    assert all(2 <= len(w) <= MAX_CHARS and " " not in w for w in words)
    assert len(words) == len(set(words))


def test_long_names_stay_out(mini_city):
    assert "农民人均纯收入稳步增长" not in terms(mini_city)     # 11 characters


def test_public_dictionary_has_no_internal_names(mini_city):
    text = user_dict(view(mini_city, "public").city)
    assert "机密" not in text and text.endswith("\n")
