"""MkDocs lists the theme's files without walking hidden folders (`mkdocs_run.visible_templates`):
the files it copies are the same."""
from __future__ import annotations

import fnmatch

import jinja2
from mkdocs.utils import markdown_extensions

from generator.site.mkdocs_config import THEME_DIR
from generator.site.mkdocs_run import visible_templates


def _mkdocs_filter(name: str) -> bool:
    """MkDocs' own filter (`Files.add_files_from_theme`) with Material's static templates."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                *(f"*{x}" for x in markdown_extensions), "404.html", "sitemap.xml"]
    return not any(fnmatch.fnmatch(name.lower(), p) for p in patterns)


def test_the_theme_files_mkdocs_copies_are_the_same() -> None:
    import material

    dirs = [str(THEME_DIR), str(material.__path__[0] + "/templates")]
    loader = jinja2.FileSystemLoader(dirs)
    env = jinja2.Environment(loader=loader)
    everything = env.list_templates()
    visible = visible_templates(loader)
    assert len(everything) - len(visible) > 10000            # Material's .icons
    assert [n for n in visible if _mkdocs_filter(n)] == env.list_templates(filter_func=_mkdocs_filter)
    assert set(visible) == {n for n in everything if not any(p.startswith(".") for p in n.split("/")[:-1])}
