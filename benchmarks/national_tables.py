"""How benchmarks/national.py prints its figures: a table a scale, then national against a tenth."""

from __future__ import annotations

import statistics
from typing import Any


def show(result: dict[str, Any]) -> None:
    print(
        f"\nNational bench: scale {result['scale']:g} on {result['vendor']}, "
        f"{result['runs']} requests a page through one gunicorn worker"
    )
    heads = f"{'median':>9} {'p95':>9} {'bare':>7} {'ratio':>7} {'queries':>7} {'KB':>8}"
    print(f"  {'page':<26} {heads}")
    for name, row in result["pages"].items():
        flag = "" if row["status"] == 200 else f"  (answered {row['status']})"
        print(
            f"  {name:<26} {row['median_ms']:7.1f}ms {row['p95_ms']:7.1f}ms "
            f"{row['bare_ms']:5.1f}ms {row['ratio']:6.1f}× {row['queries']:7d} "
            f"{row['kib']:8.1f}{flag}"
        )
    if not result["rates"]:
        return
    bare = statistics.mean([result["rates"]["bare view"], result["rates"]["bare view (again)"]])
    print("  requests per second through one worker (two clients):")
    for name, rate in result["rates"].items():
        print(f"    {name:<24} {rate:7.1f}/s  ({rate / bare:.2f}× bare)")


def compare(full: dict[str, Any], tenth: dict[str, Any]) -> None:
    print(
        f"\nNational against a tenth ({full['vendor']}), timed in one loop: the medians' ratio, "
        "and the same with each divided by its own bare view"
    )
    for name, row in full["pages"].items():
        other = tenth["pages"].get(name) or next(
            (r for n, r in tenth["pages"].items() if n.split(" (")[0] == name.split(" (")[0]), None
        )
        if other:
            times = row["median_ms"] / other["median_ms"]
            print(f"  {name:<26} {times:6.2f}×  {row['ratio'] / other['ratio']:6.2f}× of bare")
