"""Exports of an action plan that people paste into board papers: CSV, XLSX, DOCX and PDF.

All four read `actionplans.selectors.plan_table`, the same layout the plan page shows, so the
decisions, owners, targets and overdue flags always agree with the page."""

from .document import plan_docx
from .printed import plan_pdf
from .tabular import plan_csv, plan_xlsx

FORMATS = {
    "csv": ("text/csv; charset=utf-8", plan_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", plan_xlsx),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", plan_docx),
    "pdf": ("application/pdf", plan_pdf),
}

__all__ = ["FORMATS", "plan_csv", "plan_docx", "plan_pdf", "plan_xlsx"]
