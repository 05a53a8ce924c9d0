"""Workbooks in and out: a unit's system and a period's reporting form as XLSX, read back into
the YAML files.

- `layout`: a workbook described cell by cell (fixed text, inputs with their parsers and YAML
  places, free cells); export writes it (`workbook_style`), import checks a returned workbook
  against it (`read`);
- `cells`: what each input takes (numbers with bounds, 是/否, lists from `model.vocab`, ids,
  dates, targets, actuals);
- `export_system`, `export_form`: the two layouts, built from the model; `export`: the commands'
  library side;
- `revision`: the hidden sheet with the unit, kind and a hash of every source file;
- `importer`, `form_edits`, `apply`: changed cells → edits → YAML rewritten in place
  (ruamel.yaml round trip), checked before anything is written.
"""
