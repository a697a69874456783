"""Writing a table cell's paragraphs into the intermediate form's fragment markup."""

from __future__ import annotations

import html


def cell_fragment(paragraphs: list[tuple[str, bool]]) -> str:
    """A cell from its paragraphs, each (text, is_list_item): one paragraph stays plain text,
    several become <p> fragments, list items an <ul>. Tabs and newlines never leak into a row."""
    parts = [(" ".join(t.split()), is_item) for t, is_item in paragraphs]
    parts = [(t, i) for t, i in parts if t]
    if not parts:
        return ""
    if len(parts) == 1 and not parts[0][1]:
        return html.escape(parts[0][0], quote=False)
    out, in_list = [], False
    for text, is_item in parts:
        if is_item and not in_list:
            out.append("<ul>")
            in_list = True
        elif not is_item and in_list:
            out.append("</ul>")
            in_list = False
        tag = "li" if is_item else "p"
        out.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def table_lines(rows: list[list[str]]) -> list[str]:
    """Rows of cell fragments as tab-separated lines; rows with nothing in them are dropped."""
    return ["\t".join(cells) for cells in rows if any(c.strip() for c in cells)]
