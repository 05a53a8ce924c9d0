"""MkDocs hook: fix how Material's search worker reads Chinese queries and ids.

Material (9.8) segments a Chinese query in the browser greedily against the tokens of the index,
but its loop never looks up the whole run nor a word that ends the query: 战略地图 becomes
`战略* 地*` (图 dropped) even though 战略地图 is one token of the index (jieba + our user
dictionary), and 学习与成长 becomes `学习* 与*`, which matches every section that contains 与.
Separately, lunr's query lexer keeps splitting terms on its default `[\\s\\-]+` whatever the
configured separator, so `M-S1-1` is searched as `m`, `s1`, `1`.

After the build this hook patches the copied worker script (`assets/javascripts/workers/
search.*.min.js`) in the site folder:

- `segment`: look up every substring up to the end of the run, and continue at its last
  character, so a query that is one dictionary word is searched as that word;
- the query lexer uses the configured separator (so ids such as M-S1-1 stay one term, as they
  are in the index, whose separator does not split on '-');
- single-character function words (与 和 的 ...) are dropped from a segmented query when other
  words remain;
- a query word typed as a prefix (Material searches every word as `word*`, and lunr then skips
  the search pipeline) is stemmed before its `*`, so with the English stemmer `complaints`
  finds `complaint` and `waiting` finds `wait` (the index holds stems); where the pipeline is
  empty (Chinese) the word is searched exactly as before.

Each patch is a regular expression over the minified source (variable names captured, not
assumed). If one does not match (another Material version), the worker is left as shipped and a
warning is logged (the build reports it); tests/site/test_searchfix.py fails on such a version.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.bsc_searchfix")

#: single characters that carry no meaning on their own in a query
STOP_CHARS = "的与和及或之等了并而其"  # i18n: data

MARKER = "/* bscportal: search worker patched */"

#: appended (a leading statement would end the bundle's "use strict" directive); it is called only
#: when a query is searched, long after the script has run
STOP_FN = ("\nvar __bscStop=function(a){var k=a.filter(function(w){return !/^["
           + STOP_CHARS + r"]$/.test(w)});return k.length?k:a};" + "\n"
           # a clause's terms: through the search pipeline, a trailing-wildcard prefix too
           + "var __bscTerms=function(p,c){if(c.usePipeline)return p.runString(c.term,{fields:c.fields});"
           + r"var m=/^([^*]+)\*$/.exec(c.term);if(!m)return[c.term];"
           + "return p.runString(m[1],{fields:c.fields}).map(function(s){return s+\"*\"})};\n")

#: (name, pattern, replacement); each pattern must match exactly once
PATCHES: list[tuple[str, str, str]] = [
    ("segment: whole run",
     r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ",
     r"for(let \1=\2+1;\1<=\3.length;\1++)\3.slice(\2,\1)in "),
    ("segment: last character",
     r"(\w+)\[(\w+)\]&&\2<(\w+)\.length-1&&\(",
     r"\1[\2]&&\2<\3.length&&("),
    ("query lexer separator",
     r"lunr\.tokenizer\.separator=new RegExp\((\w+)\.separator\)",
     r"lunr.tokenizer.separator=lunr.QueryLexer.termSeparator=new RegExp(\1.separator)"),
    ("stemmed prefixes",
     r"(\w+)\.usePipeline\?(\w+)=this\.pipeline\.runString\(\1\.term,\{fields:\1\.fields\}\):\2=\[\1\.term\]",
     r"\2=__bscTerms(this.pipeline,\1)"),
    ("stop characters",
     r"\[\.\.\.(\w+)\((\w+),this\.index\.invertedIndex\)\]\.join\(",
     r"__bscStop([...\1(\2,this.index.invertedIndex)]).join("),
]


def patch_source(source: str) -> tuple[str, list[str]]:
    """The patched worker source and the names of the patches that did not apply (then the
    source is returned unchanged: a half-patched worker would be worse than none)."""
    if source.startswith(MARKER):
        return source, []
    missing = []
    out = source
    for name, pattern, repl in PATCHES:
        out, n = re.subn(pattern, repl, out)
        if n != 1:
            missing.append(name)
    if missing:
        return source, missing
    return MARKER + "\n" + out + STOP_FN, []


def patch_site(site_dir: Path) -> list[Path]:
    patched = []
    for path in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.js")):
        source = path.read_text(encoding="utf-8")
        new, missing = patch_source(source)
        if missing:
            log.warning("search worker %s not patched (Material changed?): %s", path.name,
                        ", ".join(missing))
        elif new != source:
            path.write_text(new, encoding="utf-8")
            patched.append(path)
    return patched


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:  # MkDocs hook
    patch_site(Path(config["site_dir"]))
