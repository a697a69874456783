"""A section's chart: for each yes / no criterion, this audit's % yes beside the national %, as
horizontal bars (SVG for the page, PNG for Word). The section's table gives the same figures;
a hidden or missing figure has no bar and says why beside it."""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "followthrough"
LOCAL, NATIONAL = "#1d70b8", "#b1b4b6"
# (code, this audit's %, the national %, what stands in for a missing local figure)
Bar = tuple[str, int | None, int | None, str]


@lru_cache(maxsize=64)
def section_chart(title: str, bars: tuple[Bar, ...], fmt: str = "svg") -> bytes:
    """Two bars per criterion, this audit solid and the national hatched, each labelled with
    its value, so neither colour nor pattern alone carries the meaning."""
    rows = list(bars)[::-1] or [("", None, None, "")]
    height = 0.36
    fig, ax = plt.subplots(figsize=(6.4, 0.62 * len(rows) + 1.2))
    ys = range(len(rows))
    local = [r[1] or 0 for r in rows]
    national = [r[2] or 0 for r in rows]
    mine = ax.barh([y + height / 2 for y in ys], local, height, color=LOCAL, label="This audit")
    theirs = ax.barh(
        [y - height / 2 for y in ys],
        national,
        height,
        color=NATIONAL,
        hatch="///",
        edgecolor="#505a5f",
        linewidth=0.5,
        label="National",
    )
    ax.bar_label(
        mine, [f"{r[1]}%" if r[1] is not None else r[3] for r in rows], padding=3, fontsize=8
    )
    ax.bar_label(
        theirs,
        [f"{r[2]}%" if r[2] is not None else "no national figure" for r in rows],
        padding=3,
        fontsize=8,
    )
    ax.set_yticks(list(ys), [r[0] for r in rows])
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_title(title, loc="left", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.legend(
        fontsize=8,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        reverse=True,
    )
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None)
    plt.close(fig)
    data = out.getvalue()
    return data[data.index(b"<svg") :] if fmt == "svg" else data


def chart_uri(image: bytes, fmt: str = "svg") -> str:
    """For an <img>: the content security policy allows data: images and nothing inline, so
    the SVG travels as a data URI rather than as markup in the page."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(image).decode()}"
