"""A section's chart: for each yes / no criterion, this audit's % yes beside the national %, as
horizontal bars (SVG for the page, PNG for Word). The section's table gives the same figures;
a hidden or missing figure has no bar and says why beside it.

The page's SVG is written directly (a few milliseconds for any audit); matplotlib draws only the
PNG that Word needs, where it took seconds per audit on the page."""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "followthrough"
LOCAL, NATIONAL = "#1d70b8", "#b1b4b6"
# (code, this audit's %, the national %, what stands in for a missing local figure)
Bar = tuple[str, int | None, int | None, str]


def section_chart(title: str, bars: tuple[Bar, ...], fmt: str = "svg") -> bytes:
    """The chart as SVG markup for the page, or as PNG for Word."""
    return section_svg(title, bars) if fmt == "svg" else _drawn(title, bars, fmt)


# The SVG's geometry, in pixels: label column, plot width, row and bar heights.
LEFT, PLOT, RIGHT, ROW, BAR, TOP = 56, 460, 124, 34, 12, 40


def section_svg(title: str, bars: tuple[Bar, ...]) -> bytes:
    """Two bars per criterion, this audit solid and the national hatched, each labelled with its
    value (or why it has none), with a legend in words: neither colour nor pattern alone carries
    the meaning."""
    rows = list(bars) or [("", None, None, "")]
    width = LEFT + PLOT + RIGHT
    height = TOP + ROW * len(rows) + 56
    scale = PLOT / 100
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="12">',
        '<defs><pattern id="h" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#dcdcdc"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="2"/>'
        "</pattern></defs>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    bottom = TOP + ROW * len(rows)
    for tick in (0, 25, 50, 75, 100):
        x = LEFT + tick * scale
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#e5e5e5"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#505a5f">'
            f"{tick}%</text>"
        )
    for i, (code, local, national, missing) in enumerate(rows):
        y = TOP + i * ROW
        out.append(
            f'<text x="{LEFT - 8}" y="{y + BAR + 4}" text-anchor="end">{escape(code)}</text>'
        )
        for j, (value, fill, words) in enumerate(
            (
                (local, LOCAL, f"{local}%" if local is not None else missing),
                (
                    national,
                    "url(#h)",
                    f"{national}%" if national is not None else "no national figure",
                ),
            )
        ):
            top = y + j * (BAR + 2)
            length = (value or 0) * scale
            if value:
                out.append(
                    f'<rect x="{LEFT}" y="{top}" width="{length:.1f}" height="{BAR}" fill="{fill}"'
                    + (' stroke="#505a5f" stroke-width="0.5"' if j else "")
                    + "/>"
                )
            out.append(
                f'<text x="{LEFT + length + 4:.1f}" y="{top + BAR - 2}" font-size="11">'
                f"{escape(words)}</text>"
            )
    legend = bottom + 36
    out.append(
        f'<rect x="{LEFT}" y="{legend - 10}" width="14" height="10" fill="{LOCAL}"/>'
        f'<text x="{LEFT + 20}" y="{legend}">This audit</text>'
        f'<rect x="{LEFT + 120}" y="{legend - 10}" width="14" height="10" fill="url(#h)" '
        'stroke="#505a5f" stroke-width="0.5"/>'
        f'<text x="{LEFT + 140}" y="{legend}">National</text></svg>'
    )
    return "".join(out).encode()


@lru_cache(maxsize=64)
def _drawn(title: str, bars: tuple[Bar, ...], fmt: str = "png") -> bytes:
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
