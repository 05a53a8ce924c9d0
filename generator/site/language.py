"""What the city's interface language decides in the MkDocs configuration: Material's
`theme.language` (its own interface texts), the search plugin's language, separator and pipeline,
and the heading permalink's title.

Chinese: the search plugin segments Chinese with jieba; the separator keeps `\\u200b` (jieba's
word boundary), splits on Chinese and ASCII punctuation but NOT on '-', so ids such as M-S1-1
stay one token (the worker's query lexer is patched to the same separator:
`searchfix.py`); no stemmer, which would mangle pinyin and ids.

English: lunr's English stemmer, stop words and trimmer (`crimes` finds `crime`), the same
separator without the Chinese punctuation (a Chinese name in the data is still segmented by
jieba and found).

A portal's own `mkdocs.yml` may set any of these: a value it gives is kept (`setdefault`).
"""
from __future__ import annotations

from typing import Any

from ..i18n import Language, colon, tr, tr_n

SEPARATORS: dict[Language, str] = {
    "zh": r"[\s\u200b\u3000、。，．？！；：,;:!?()（）“”‘’《》〈〉【】「」『』·…/|–—]+",  # i18n: data
    "en": r"[\s\u200b,;:!?()\[\]“”‘’\"/|–—]+",
}
PIPELINES: dict[Language, list[str]] = {
    "zh": [],
    "en": ["stemmer", "stopWordFilter", "trimmer"],
}


def search_options(cfg: dict[str, Any]) -> dict[str, Any]:
    """The search plugin's options in a MkDocs config dict, to fill in: its entry becomes
    `{"search": options}` (it is put first when the config has none)."""
    plugins = cfg.setdefault("plugins", [])
    for i, p in enumerate(plugins):
        if p == "search" or (isinstance(p, dict) and "search" in p):
            opts = dict(p["search"] or {}) if isinstance(p, dict) else {}
            plugins[i] = {"search": opts}
            return opts
    opts = {}
    plugins.insert(0, {"search": opts})
    return opts


def apply_language(cfg: dict[str, Any], language: Language) -> None:
    """Fill in the language-dependent settings of a MkDocs config dict, keeping any it has."""
    theme = cfg.setdefault("theme", {"name": "material"})
    theme.setdefault("language", language)
    opts = search_options(cfg)
    opts.setdefault("lang", [language])
    opts.setdefault("separator", SEPARATORS[language])
    opts.setdefault("pipeline", list(PIPELINES[language]))
    for ext in cfg.get("markdown_extensions", []):
        if isinstance(ext, dict) and isinstance(ext.get("toc"), dict):
            ext["toc"].setdefault("permalink_title", tr("本节链接"))


def theme_texts(language: Language) -> dict[str, str]:
    """The portal theme's own texts (`theme/main.html`, partials, `bsc.js`), in `language`:
    written into `extra.bsc_text` of the edition's config; the templates read them there and
    `bsc.js` from `window.bscText`. `{head}`, `{shown}`, `{total}` are filled in the browser."""
    return {
        "internal_title": tr("内部版"),
        "internal_banner": tr("本站包含岗位、人员、个人计分卡、个人考核结果和标记为内部的内容，请勿外传。"
                              "公开版不包含这些内容。"),
        "colon": colon(),
        "generator": tr("由开源的平衡计分卡门户生成器用 MkDocs 和 Material for MkDocs 生成"),
        "edit": tr("编辑此页（在代码仓库中修改数据文件）"),
        "sort_by": tr("按“{head}”排序", head="{head}"),
        # the script picks the one for its total (`units_shown_one` when there is one unit)
        "units_shown_one": tr_n("显示 {shown} / {total} 个单位", "显示 {shown} / {total} 个单位", 1,
                                shown="{shown}", total="{total}"),
        "units_shown": tr_n("显示 {shown} / {total} 个单位", "显示 {shown} / {total} 个单位", 2,
                            shown="{shown}", total="{total}"),
        "table": tr("表格"),
        "wide_table": tr("表格较宽，可左右滑动查看 →"),
        "collator": {"zh": "zh-Hans-CN", "en": "en"}[language],
    }
