"""Internal equity worked out by hand (careerdesk.reports.equity)."""

from __future__ import annotations

import pytest

from careerdesk.domain.enums import Strategy
from careerdesk.domain.records import Ask, Benchmark, NegotiationPlan, Position
from careerdesk.reports.equity import choose_band, equity, figures, problem_sentences


def plan(benchmarks: list[Benchmark], base: float | None = 98000, ask: float | None = 118000,
         currency: str | None = "USD", ask_currency: str | None = "USD") -> NegotiationPlan:
    return NegotiationPlan(title="p", strategy=Strategy.PROMOTION,
                           current=Position(base=base, currency=currency),
                           ask=Ask(base=ask, currency=ask_currency), benchmarks=benchmarks)


BAND = Benchmark(source="Internal band, L5", low=105000, mid=117000, high=130000, currency="USD")
PEERS = Benchmark(source="Peers", low=112000, mid=116000, high=121000, currency="USD")


def test_figures_of_the_demo_plan_by_hand() -> None:
    result = equity(plan([PEERS, BAND]))
    assert result.band is BAND and result.band_index == 1  # internal first, though listed second
    # 98,000 / 117,000 = 0.837606...
    assert result.compa_ratio == pytest.approx(0.8376, abs=1e-4)
    # (98,000 - 105,000) / (130,000 - 105,000) = -7,000 / 25,000 = -28 %
    assert result.band_position == pytest.approx(-28.0)
    # 118,000 - 98,000 = 20,000, and 20,000 / 98,000 = 20.408 %
    assert result.gap == 20000
    assert result.gap_percent == pytest.approx(20.408, abs=1e-3)
    assert result.problems == []
    words = figures(result)
    assert words[0].startswith("Compa-ratio 0.84 against Internal band, L5")
    assert words[1] == "Position in the band: −28 % (below the low end)"
    assert words[2] == "Gap to the ask: +20,000 USD (+20.4 %)"


def test_inside_the_band() -> None:
    result = equity(plan([BAND], base=111250))
    assert result.band_position == pytest.approx(25.0)  # 6,250 / 25,000
    assert result.compa_ratio == pytest.approx(111250 / 117000)


def test_band_is_the_first_with_a_mid_when_none_is_internal() -> None:
    no_mid = Benchmark(source="Market", low=1, high=2, currency="USD")
    assert choose_band([no_mid, PEERS]) == 1
    assert choose_band([no_mid]) is None
    internal_without_mid = Benchmark(source="Internal grade", low=1, high=2)
    assert choose_band([internal_without_mid, PEERS]) == 1


def test_currency_mismatch_is_reported_not_mixed() -> None:
    euro_band = Benchmark(source="Internal band", low=90000, mid=100000, high=110000, currency="EUR")
    result = equity(plan([euro_band], ask_currency="GBP"))
    assert result.compa_ratio is None and result.band_position is None and result.gap is None
    assert len(result.problems) == 2
    text = " ".join(problem_sentences(result))
    assert "USD and EUR are different currencies" in text
    assert "USD and GBP are different currencies" in text


def test_missing_numbers_say_why() -> None:
    result = equity(plan([], base=None))
    assert result.compa_ratio is None and result.gap is None
    assert problem_sentences(result) == [
        "No benchmark has a midpoint, so there is no band to compare with."]
    assert figures(result) == []
