"""Internal equity: where the current pay sits in the band, and how far the ask moves it.

Which benchmark is "the band": the first benchmark whose source names it as internal
("Internal band, L5", "internal grade") and that has a midpoint; when none does, the
first benchmark with a midpoint. Internal bands are what the company itself pays against,
so they speak louder in the room than peers or a market survey; a benchmark without a
midpoint cannot give a compa-ratio.

- compa-ratio: current base / the band's midpoint (1.00 is at the midpoint);
- position in the band: (base - low) / (high - low), as a percent (below 0 or above
  100 when the base is outside the band);
- the gap to the ask: ask base - current base, and that as a percent of the current base.

Amounts in different currencies are never mixed: the figure that would need both is left
out and a problem says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerdesk.domain.records import Benchmark, NegotiationPlan


@dataclass(frozen=True)
class Equity:
    band: Benchmark | None = None
    band_index: int | None = None
    """Where the band is in the plan's benchmarks."""
    compa_ratio: float | None = None
    band_position: float | None = None
    """Percent: 0 at the band's low end, 100 at its high end."""
    gap: float | None = None
    gap_percent: float | None = None
    currency: str | None = None
    """The currency the figures are in (the current pay's, else the band's or the ask's)."""
    problems: list[str] = field(default_factory=list)
    """Sentences saying why a figure is missing: a currency mismatch, a missing number."""


def is_internal(benchmark: Benchmark) -> bool:
    return "internal" in benchmark.source.casefold()


def choose_band(benchmarks: list[Benchmark]) -> int | None:
    """The index of the benchmark taken as the band (see the module's text), or None."""
    with_mid = [i for i, b in enumerate(benchmarks) if b.mid is not None]
    internal = [i for i in with_mid if is_internal(benchmarks[i])]
    if internal:
        return internal[0]
    return with_mid[0] if with_mid else None


def _same_currency(a: str | None, b: str | None) -> bool:
    """Unknown currency on one side is taken as the other's: most journals use only one."""
    return not a or not b or a.strip().upper() == b.strip().upper()


def _mismatch(what: str, a: str | None, b: str | None) -> str:
    return f"{what}: {a} and {b} are different currencies, so they are not compared"


def equity(plan: NegotiationPlan) -> Equity:
    current, ask = plan.current, plan.ask
    problems: list[str] = []
    index = choose_band(plan.benchmarks)
    band = plan.benchmarks[index] if index is not None else None
    currency = current.currency or (band.currency if band else None) or ask.currency

    compa = position = None
    if band is None:
        problems.append("no benchmark has a midpoint, so there is no band to compare with")
    elif current.base is None:
        problems.append("the current base is not filled in")
    elif not _same_currency(current.currency, band.currency):
        problems.append(_mismatch(f"current base and {band.source}", current.currency,
                                  band.currency))
    else:
        if band.mid is not None and band.mid > 0:
            compa = current.base / band.mid
        if band.low is not None and band.high is not None and band.high > band.low:
            position = (current.base - band.low) / (band.high - band.low) * 100.0

    gap = gap_percent = None
    if current.base is not None and ask.base is not None:
        if _same_currency(current.currency, ask.currency):
            gap = ask.base - current.base
            gap_percent = gap / current.base * 100.0 if current.base else None
        else:
            problems.append(_mismatch("current base and the ask", current.currency, ask.currency))
    return Equity(band=band, band_index=index, compa_ratio=compa, band_position=position,
                  gap=gap, gap_percent=gap_percent, currency=currency, problems=problems)


def format_money(amount: float, currency: str | None) -> str:
    """``118,000 USD``; amounts are whole units in a plan (no cents)."""
    number = f"{amount:,.0f}"
    return f"{number} {currency}" if currency else number


def figures(result: Equity) -> list[str]:
    """The equity figures as short phrases, for the editor and the sheet."""
    lines = []
    cur = result.currency
    if result.compa_ratio is not None and result.band is not None:
        lines.append(f"Compa-ratio {result.compa_ratio:.2f} against {result.band.source} "
                     f"(midpoint {format_money(result.band.mid or 0, result.band.currency or cur)})")
    if result.band_position is not None:
        where = (" (below the low end)" if result.band_position < 0
                 else " (above the high end)" if result.band_position > 100 else "")
        lines.append(f"Position in the band: {_signed(result.band_position)} %{where}")
    if result.gap is not None:
        sign = "+" if result.gap >= 0 else "−"
        percent = f" ({sign}{abs(result.gap_percent):.1f} %)" if result.gap_percent is not None else ""
        lines.append(f"Gap to the ask: {sign}{format_money(abs(result.gap), cur)}{percent}")
    return lines


def _signed(value: float) -> str:
    """``-28`` with a real minus sign, as printed figures use."""
    return f"{value:.0f}".replace("-", "−")


def problem_sentences(result: Equity) -> list[str]:
    return [p[:1].upper() + p[1:] + "." for p in result.problems]
