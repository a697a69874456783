"""Small horizontal bar charts as SVG; the page always shows the same numbers in a table."""

from __future__ import annotations

import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "followthrough"
BAR_COLOUR = "#1d70b8"


@lru_cache(maxsize=256)
def bar_chart_svg(title: str, rows: tuple[tuple[str, int], ...]) -> str:
    labels = [label if len(label) <= 45 else label[:44] + "…" for label, _ in rows] or ["None"]
    values = [value for _, value in rows] or [0]
    height = 0.45 * len(labels) + 0.9
    fig, ax = plt.subplots(figsize=(6.4, height))
    bars = ax.barh(labels[::-1], values[::-1], color=BAR_COLOUR)
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=9)
    ax.set_xlim(0, max([*values, 1]) * 1.15)
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg")
    plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg") :]
