"""What a metric's numbers mean: the change, the percent change, and how to say it."""

from __future__ import annotations

from careerdesk.domain.records import Metric


def change(metric: Metric) -> float | None:
    if metric.baseline is None:
        return None
    return metric.result - metric.baseline


def percent_change(metric: Metric) -> float | None:
    """Relative change against the baseline; ``None`` when there is no baseline or it is 0."""
    if metric.baseline is None or metric.baseline == 0:
        return None
    return (metric.result - metric.baseline) / abs(metric.baseline) * 100.0


def improved(metric: Metric) -> bool | None:
    """Whether the result is better than the baseline, in the metric's own direction."""
    delta = change(metric)
    if delta is None or delta == 0:
        return None
    return (delta > 0) == metric.higher_is_better


def format_number(value: float) -> str:
    """``72.0`` -> ``72``; ``1234567.5`` -> ``1,234,567.5``; never more than two decimals."""
    value = round(value, 2)  # so that -0.001 reads "0", not "-0"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _with_unit(value: float, unit: str | None) -> str:
    number = format_number(value)
    if not unit:
        return number
    if unit in {"%", "x", "×"}:
        return f"{number} {unit}" if unit != "%" else f"{number} %"
    if unit in {"$", "€", "£", "¥"}:
        return f"{unit}{number}"
    return f"{number} {unit}"


def describe_change(metric: Metric) -> str:
    """``72 → 88 %, +22 %`` or just ``88 %`` when there is no baseline."""
    if metric.baseline is None:
        return _with_unit(metric.result, metric.unit)
    text = f"{format_number(metric.baseline)} → {_with_unit(metric.result, metric.unit)}"
    percent = percent_change(metric)
    if percent is not None:
        text += f", {percent:+.0f} %"
    else:
        delta = change(metric)
        if delta:
            text += f", {'+' if delta > 0 else '−'}{format_number(abs(delta))}"
    return text


def describe(metric: Metric) -> str:
    """``Client satisfaction 72 → 88 %, +22 %``."""
    return f"{metric.name} {describe_change(metric)}"
