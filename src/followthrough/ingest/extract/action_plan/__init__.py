"""Action plans: the table of Rec No, Recommendation, Agreed?, Response, Owner and Target.

Departments lay it out in many ways: a decision column or a decision written into the
response, addressee headings as rows or "X should:" inside the recommendation, rows split
across page breaks, cells lost on the left of a garbled row, extra columns of progress. Text
renderings separate the cells by tabs, pipes or aligned spacing. The extractor reads columns by
what the header says and their cells hold, and rows by what their cells contain, never by
position alone. `reader` walks the rows, `rows` holds what a row adds to a recommendation being
read, `records` turns that into the recommendation and its response.
"""

from .reader import extract_action_plan

__all__ = ["extract_action_plan"]
