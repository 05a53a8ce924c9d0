"""Turning rendered files into sites: stage them per edition, configure and run MkDocs.

`stage` (write the staging docs folder, only changed files), `mkdocs_config` (per-edition
mkdocs.yml from the base one), `gitdates` ("last updated" from git), `build` (check → render →
stage → mkdocs build, with a report), `serve` (live preview for editors).
"""
