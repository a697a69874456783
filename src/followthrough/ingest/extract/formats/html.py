"""HTML pages: block elements as paragraphs, tables as tab-separated rows, with the cell
markup the extractors understand kept (<p>, <li>) and everything else reduced to text."""

from __future__ import annotations

from html.parser import HTMLParser

from .cells import cell_fragment, table_lines

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article",
          "header", "footer", "blockquote", "dt", "dd", "caption"}  # fmt: skip
SKIP = {"script", "style", "head", "nav", "noscript", "template"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.para: list[str] = []
        self.skip = 0
        self.tables: list[list[list[str]]] = []  # rows of cells of each open table
        self.cell: list[tuple[str, bool]] | None = None
        self.cell_text: list[str] = []
        self.in_item = False
        self.span = 1
        self.heading = 0
        self.list_depth = 0
        self.item_depth = 0

    # paragraphs outside tables
    def _flush(self) -> None:
        text = " ".join("".join(self.para).split())
        if text:
            # headings keep their level as the rendering marks it: "#### Findings tables"
            if self.heading:
                text = f"{'#' * self.heading} {text}"
            elif self.item_depth:  # a list item keeps its bullet and its nesting
                text = f"{'  ' * (self.item_depth - 1)}- {text}"
            self.out.append(text)
        self.para = []
        self.heading = 0
        self.item_depth = 0

    def _cell_break(self) -> None:
        if self.cell is not None:
            text = "".join(self.cell_text)
            if text.strip():
                self.cell.append((text, self.in_item))
            self.cell_text = []

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in ("i", "em") and self.cell is None and not self.tables:
            self.para.append("*")  # emphasis as the rendering marks it; clean() drops it
        elif tag in SKIP:
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell, self.cell_text = [], []
            span = dict(attrs).get("colspan") or "1"
            self.span = int(span) if span.isdigit() and 0 < int(span) < 50 else 1
        elif tag in ("ul", "ol") and self.cell is None and not self.tables:
            self._flush()
            self.list_depth += 1
        elif tag in BLOCKS:
            if self.cell is not None:
                self._cell_break()
                self.in_item = tag == "li"
            else:
                self._flush()
                if tag[0] == "h" and tag[1:].isdigit():
                    self.heading = int(tag[1:])
                elif tag == "li":
                    self.item_depth = max(self.list_depth, 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("i", "em") and self.cell is None and not self.tables:
            self.para.append("*")
        elif tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol") and self.cell is None and not self.tables:
            self._flush()
            self.list_depth = max(0, self.list_depth - 1)
        elif tag in ("td", "th") and self.cell is not None and self.tables:
            self._cell_break()
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append(cell_fragment(self.cell))
            self.tables[-1][-1].extend([""] * (self.span - 1))  # a spanning cell keeps columns
            self.cell = None
            self.in_item = False
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            width = max((len(r) for r in rows), default=0)
            # a short HTML row lacks cells at its end: pad there, as a browser lays it out
            lines = table_lines([r + [""] * (width - len(r)) for r in rows])
            if lines:
                self.out.append("\n".join(lines))
        elif tag in BLOCKS:
            if self.cell is not None:
                self._cell_break()
                self.in_item = False
            else:
                self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell_text.append(data)
        elif not self.tables:
            self.para.append(data)


def html_text(markup: str) -> str:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader._flush()
    return "\n\n".join(reader.out) + "\n"
