"""A figure as pages, Word and PDF show it: a chart image and the table that says the same."""

from __future__ import annotations

from typing import Any

from .charts import bar_chart, data_uri, line_chart

BURN_UP_TITLE = "Actions promised and completed over time"


def bar_figure(
    slug: str, title: str, columns: list[str], rows: list[tuple[str, int]], fmt: str = "svg"
) -> dict[str, Any]:
    image = bar_chart(title, tuple(rows), fmt)
    return {
        "slug": slug,
        "title": title,
        "columns": columns,
        "rows": rows,
        "image": image,
        "uri": data_uri(image, fmt),
    }


def burn_up_figure(rows: list[tuple[str, int, int]], fmt: str = "svg") -> dict[str, Any]:
    """Actions promised and completed by period (reporting.selectors.burn_up's rows)."""
    image = line_chart(
        BURN_UP_TITLE,
        tuple(period for period, _, _ in rows),
        (
            ("Promised", tuple(n for _, n, _ in rows)),
            ("Completed", tuple(n for _, _, n in rows)),
        ),
        fmt,
    )
    return {
        "slug": "burn-up",
        "title": BURN_UP_TITLE,
        "columns": ["Period", "Promised", "Completed"],
        "rows": rows,
        "image": image,
        "uri": data_uri(image, fmt),
    }
