"""The findings as tables, charts and files for download (DOCX, XLSX, CSV): the page and the
files are made from one layout (`tables`), so they show the same figures, hidden alike."""

from .chart import chart_uri, section_chart
from .files import CSV, DOCX, STILL_MARKING, XLSX, findings_csv, findings_docx, findings_xlsx
from .tables import Layout, chart_title, findings_layout, period

__all__ = [
    "CSV",
    "DOCX",
    "STILL_MARKING",
    "XLSX",
    "Layout",
    "chart_title",
    "chart_uri",
    "findings_csv",
    "findings_docx",
    "findings_layout",
    "findings_xlsx",
    "period",
    "section_chart",
]
