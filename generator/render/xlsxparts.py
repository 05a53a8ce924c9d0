"""The XLSX package of a download, written directly: the same parts openpyxl writes for the
workbooks of `tabular.xlsx_sheets` (workbook, one worksheet per sheet with inline strings, styles,
theme, document properties), made from strings.

Going through openpyxl's object model took tens of milliseconds a workbook, most of a build's
own render time (a city of 710 units writes thousands of workbooks). The cells keep their
meaning: numbers with their display format, text always text (never a formula), the header bold
on a grey fill, frozen below the header on a sheet with one table, the title line larger,
columns as wide as their text. Fixed document dates and zip timestamps: the same cells, the
same bytes.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr


#: built-in number formats of SpreadsheetML (others get ids from 164)
BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
FONTS = ('<font><name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font>',
         '<font><b val="1" /><sz val="12" /></font>',    # a block's title line
         '<font><b val="1" /></font>')                   # a header
FILLS = ('<fill><patternFill /></fill>', '<fill><patternFill patternType="gray125" /></fill>',
         '<fill><patternFill patternType="solid"><fgColor rgb="00ECEFF1" /></patternFill></fill>')
TITLE, HEAD = 1, 2
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument"


@dataclass
class Styles:
    """The workbook's cell formats, numbered in order of first use (0: the default)."""

    formats: dict[str, int] = field(default_factory=dict)
    xfs: dict[tuple[int, int], int] = field(default_factory=lambda: {(0, 0): 0})

    def of(self, kind: int = 0, number_format: str = "General") -> int:
        """The style id of a cell: `kind` (0, TITLE or HEAD) and a number format."""
        fmt = BUILTIN_FORMATS.get(number_format)
        if fmt is None:
            fmt = self.formats.setdefault(number_format, 164 + len(self.formats))
        return self.xfs.setdefault((kind, fmt), len(self.xfs))

    def xml(self) -> str:
        fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)} />' for code, i in self.formats.items())
        xfs = []
        for kind, fmt in self.xfs:
            fill = 2 if kind == HEAD else 0
            align = ' applyAlignment="1"' if kind == HEAD else ""
            inner = '<alignment vertical="top" wrapText="1" /></xf>' if kind == HEAD else ""
            xfs.append(f'<xf numFmtId="{fmt}" fontId="{kind}" fillId="{fill}" borderId="0"{align} pivotButton="0" '
                       f'quotePrefix="0" xfId="0"' + (f">{inner}" if inner else " />"))
        return (f'<styleSheet xmlns="{NS}">' + (f'<numFmts count="{len(self.formats)}">{fmts}</numFmts>' if fmts else "")
                + f'<fonts count="{len(FONTS)}">{"".join(FONTS)}</fonts><fills count="{len(FILLS)}">{"".join(FILLS)}</fills>'
                '<borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></cellStyleXfs>'
                f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles>'
                '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16" />'
                '</styleSheet>')


def text_cell(ref: str, text: str, style: int = 0) -> str:
    """A text cell (inline string: never a formula, whatever it starts with)."""
    space = ' xml:space="preserve"' if text.strip() != text else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def number_cell(ref: str, value: float | int, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="n"><v>{value!r}</v></c>'


@dataclass
class Sheet:
    """One worksheet as it is filled: rows of cell XML, column widths, the frozen header row."""

    name: str
    rows: dict[int, list[str]] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    frozen_below: int | None = None
    last_col: int = 1

    def add(self, row: int, col: int, xml: str) -> None:
        self.rows.setdefault(row, []).append(xml)
        self.last_col = max(self.last_col, col)

    def xml(self) -> str:
        last_row = max(self.rows, default=1)
        pane = ""
        if self.frozen_below is not None:
            r = self.frozen_below
            pane = (f'<pane ySplit="{r}" topLeftCell="A{r + 1}" activePane="bottomLeft" state="frozen" />'
                    '<selection pane="bottomLeft" activeCell="A1" sqref="A1" />')
        else:
            pane = '<selection activeCell="A1" sqref="A1" />'
        cols = "".join(f'<col width="{w:g}" customWidth="1" min="{c}" max="{c}" />' for c, w in sorted(self.widths.items()))
        rows = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in sorted(self.rows.items()))
        return (f'<worksheet xmlns="{NS}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr />'
                f'</sheetPr><dimension ref="A1:{column_letter(self.last_col)}{last_row}" />'
                f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
                '<sheetFormatPr baseColWidth="8" defaultRowHeight="15" />'
                + (f"<cols>{cols}</cols>" if cols else "") + f"<sheetData>{rows}</sheetData>"
                '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" /></worksheet>')


def column_letter(col: int) -> str:
    """A column's letters, as in A1 references (1 → A, 27 → AA)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def openpyxl_theme() -> str:
    """The theme part openpyxl writes into every workbook (importing openpyxl: see `tabular`)."""
    from openpyxl.writer.theme import theme_xml

    return str(theme_xml)


def package(sheets: Sequence[Sheet], styles: Styles, *, title: str, creator: str, date: str,
            theme: str | None = None) -> bytes:
    """The .xlsx file (a zip of the parts, fixed timestamps)."""
    n = len(sheets)
    sheet_list = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{i}" state="visible" r:id="rId{i}" />'
                         for i, s in enumerate(sheets, 1))
    workbook = (f'<workbook xmlns:r="{REL}" xmlns="{NS}"><workbookPr /><workbookProtection /><bookViews>'
                '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
                'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" />'
                f'</bookViews><sheets>{sheet_list}</sheets><definedNames /><calcPr calcId="124519" fullCalcOnLoad="1" />'
                "</workbook>")
    rels = "".join(f'<Relationship Type="{REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml" Id="rId{i}" />'
                   for i in range(1, n + 1))
    workbook_rels = (f'<Relationships xmlns="{PKG_REL}">{rels}<Relationship Type="{REL}/styles" Target="styles.xml" '
                     f'Id="rId{n + 1}" /><Relationship Type="{REL}/theme" Target="theme/theme1.xml" Id="rId{n + 2}" />'
                     "</Relationships>")
    title_xml = f"<dc:title>{escape(title)}</dc:title>" if title else ""
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>{escape(creator)}</dc:creator>{title_xml}'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>')
    app = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>Microsoft Excel Compatible / bscportal</Application><AppVersion>3.1</AppVersion></Properties>")
    root_rels = (f'<Relationships xmlns="{PKG_REL}"><Relationship Type="{REL}/officeDocument" Target="xl/workbook.xml" '
                 'Id="rId1" /><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
                 'core-properties" Target="docProps/core.xml" Id="rId2" /><Relationship '
                 f'Type="{REL}/extended-properties" Target="docProps/app.xml" Id="rId3" /></Relationships>')
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT}.spreadsheetml.worksheet+xml" />'
                        for i in range(1, n + 1))
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="xml" '
             f'ContentType="application/xml" /><Override PartName="/xl/styles.xml" ContentType="{CT}.spreadsheetml.styles+xml" />'
             f'<Override PartName="/xl/theme/theme1.xml" ContentType="{CT}.theme+xml" /><Override '
             'PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />'
             f'<Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml" />{overrides}'
             f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.spreadsheetml.sheet.main+xml" /></Types>')
    parts = [("docProps/app.xml", app), ("docProps/core.xml", core), ("xl/theme/theme1.xml", theme if theme is not None else openpyxl_theme()),
             *((f"xl/worksheets/sheet{i}.xml", s.xml()) for i, s in enumerate(sheets, 1)),
             ("xl/styles.xml", styles.xml()), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", workbook_rels), ("[Content_Types].xml", types)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, xml.encode("utf-8"))
    return out.getvalue()
