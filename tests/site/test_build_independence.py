"""A build does not depend on what the same process built before (jieba's global dictionary)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.site.build import build_editions
from tests.conftest import MINI_SITE, ROOT

#: an internal objective's name, which only the internal edition's jieba user dictionary lists
INTERNAL_TERM = "机密目标丙"

PUBLIC_ONLY = """
import sys
from pathlib import Path
from generator.site.build import build_editions
src, out = Path(sys.argv[1]), Path(sys.argv[2])
build_editions(src / "scorecards", src / "content", out / "site", ("public",),
               stage_root=out / "stage", cache_root=out / "cache")
"""


def test_public_index_is_the_same_after_an_internal_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(MINI_SITE, src)
    # public text that contains the internal term: its segmentation shows which words jieba had
    unit = src / "scorecards" / "units" / "mini-town" / "unit.yml"
    text = unit.read_text(encoding="utf-8")
    assert "\nvision: 建成富裕、文明、和谐的边境民族乡。" in text
    unit.write_text(text.replace("的边境民族乡。", f"的边境民族乡，推进{INTERNAL_TERM}。", 1), encoding="utf-8")

    # the reference: a public-only build in a fresh process
    subprocess.run([sys.executable, "-c", PUBLIC_ONLY, str(src), str(tmp_path / "alone")], check=True,
                   cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"})
    build_editions(src / "scorecards", src / "content", tmp_path / "both" / "site", ("internal", "public"),
                   stage_root=tmp_path / "both" / "stage", cache_root=tmp_path / "both" / "cache")

    index = "public/search/search_index.json"
    alone = (tmp_path / "alone" / "site" / index).read_bytes()
    assert (tmp_path / "both" / "site" / index).read_bytes() == alone
    # jieba's own dictionary splits the term (the internal edition's dictionary would not)
    text = "".join(doc["text"] for doc in json.loads(alone)["docs"])
    assert "推进\u200b" in text and INTERNAL_TERM not in text
