"""Small charts drawn with matplotlib: SVG for pages, PNG for Word. Every page that shows one
shows the same numbers in a table beside it."""

from __future__ import annotations

import base64
import io
import textwrap
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "followthrough"
BAR_COLOUR = "#1d70b8"
LINE_COLOURS = ("#505a5f", "#00703c", "#d4351c")
# A chart is drawn 4 inches (288 pt) wide and shown at least about 340 CSS px wide (a 375 px phone):
# 11 pt text is then 13 px or more on the screen, never the 7 px a wider drawing shrank to.
WIDTH = 4.0
TEXT = 11
LABEL_CHARACTERS = 24


def _finish(fig, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None)
    plt.close(fig)
    data = out.getvalue()
    if fmt == "svg":
        data = data[data.index(b"<svg") :]
    return data


@lru_cache(maxsize=256)
def bar_chart(title: str, rows: tuple[tuple[str, int], ...], fmt: str = "svg") -> bytes:
    labels = [_wrap(label) for label, _ in rows] or ["None"]
    values = [value for _, value in rows] or [0]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = plt.subplots(figsize=(WIDTH, 0.3 * lines + 0.25 * len(labels) + 0.9))
    bars = ax.barh(labels[::-1], values[::-1], color=BAR_COLOUR)
    ax.bar_label(bars, padding=3, fontsize=TEXT)
    fig.suptitle(_wrap(title, 36), x=0.02, ha="left", fontsize=TEXT + 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=TEXT)
    ax.set_xlim(0, max([*values, 1]) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole numbers
    return _finish(fig, fmt)


def _wrap(label: str, width: int = LABEL_CHARACTERS) -> str:
    """A long label over at most two lines, shortened with an ellipsis past that."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def bar_chart_svg(title: str, rows: tuple[tuple[str, int], ...]) -> str:
    return bar_chart(title, rows, "svg").decode()


@lru_cache(maxsize=64)
def line_chart(
    title: str,
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[int, ...]], ...],
    fmt: str = "svg",
) -> bytes:
    """Lines over time (a burn-up: scope and completed), with sparse month labels."""
    fig, ax = plt.subplots(figsize=(WIDTH, 3.2))
    xs = range(len(labels))
    for (name, values), colour in zip(series, LINE_COLOURS, strict=False):
        ax.step(xs, values, where="post", label=name, color=colour, linewidth=2)
    step = max(1, len(labels) // 4)
    ax.set_xticks(list(xs)[::step], [labels[i] for i in range(0, len(labels), step)])
    fig.suptitle(_wrap(title, 36), x=0.02, ha="left", fontsize=TEXT + 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=TEXT)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole numbers
    ax.legend(fontsize=TEXT, frameon=False, loc="upper left")
    return _finish(fig, fmt)


def data_uri(image: bytes, fmt: str = "svg") -> str:
    """For an <img>: the CSP allows data: images, so pages need no extra chart URL."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(image).decode()}"
