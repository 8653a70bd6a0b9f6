"""Speed of the portfolio stages on the default synthetic market (300 names x 1260 days), planted signal as the score.

Stages timed: neutralize (beta + sector) -> book (decile L/S, turnover controls) -> turnover -> costs, aim < 5 s in
total; plus the capacity curve (7 AUMs) and `turnover.book_from_scores` end to end when it exists.
Run by hand: `python bench/bench_portfolio.py [--repeat 3]`. Prints numbers; asserts nothing about time.
"""
import argparse, time
import numpy as np
import pandas as pd
from quantlab.config import CostConfig, NeutralizeConfig, PortfolioConfig, TurnoverConfig
from quantlab.data import synthetic_market
from quantlab.panel import build_panel, to_wide
from quantlab.neutralize import neutralize, exposures_from_panel
from quantlab.turnover import controlled_book, turnover, holding_period
from quantlab.costs import apply_costs, capacity_curve


def best_of(fn, repeat):
    "(result, best wall time in seconds) of `repeat` calls."
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter(); out = fn(); times.append(time.perf_counter() - t)
    return out, min(times)


def main(n_symbols=300, n_days=1260, repeat=3, seed=0):
    t = time.perf_counter()
    raw, market, truth = synthetic_market(n_symbols=n_symbols, n_days=n_days, seed=seed, return_truth=True)
    panel = build_panel(raw)
    print(f"setup (synthetic_market + build_panel, not counted): {time.perf_counter() - t:.2f} s; "
          f"panel {panel.shape[0]:,} rows, {panel.index.get_level_values('symbol').nunique()} symbols")
    ret = to_wide(panel, 'ret_1d')
    stages = {}
    scores, stages['scores to wide'] = best_of(lambda: to_wide(truth.signal.to_frame(), 'signal').reindex_like(ret), repeat)
    expo, stages['exposures (beta, sector)'] = best_of(lambda: exposures_from_panel(panel, ('beta', 'sector')), repeat)
    neut, stages['neutralize'] = best_of(lambda: neutralize(scores, expo), repeat)
    uni = to_wide(panel, 'in_universe')
    book, stages['book (buckets + bands)'] = best_of(lambda: controlled_book(neut, uni, PortfolioConfig(), TurnoverConfig()), repeat)
    (to, hp), stages['turnover + holding period'] = best_of(lambda: (turnover(book), holding_period(book)), repeat)
    res, stages['apply_costs'] = best_of(lambda: apply_costs(book, panel, CostConfig()), repeat)
    total = sum(stages.values())
    for k, v in stages.items(): print(f"  {k:<28s} {v * 1e3:8.1f} ms")
    print(f"  {'TOTAL (aim < 5 s)':<28s} {total * 1e3:8.1f} ms")
    cap, tc = best_of(lambda: capacity_curve(book, panel, CostConfig()), 1)
    print(f"  {'capacity_curve (7 AUMs)':<28s} {tc * 1e3:8.1f} ms")
    try:
        from quantlab.turnover import book_from_scores
        long_scores = truth.signal.rename('score')
        _, tb = best_of(lambda: book_from_scores(long_scores, panel, NeutralizeConfig(), PortfolioConfig(), TurnoverConfig()), repeat)
        print(f"  {'book_from_scores end to end':<28s} {tb * 1e3:8.1f} ms")
    except ImportError:
        print("  book_from_scores: not available yet")
    s = res.summary()
    print(f"book: mean daily one-way turnover {to.iloc[1:].mean():.3f}, holding period {hp:.1f} days; at $100M "
          f"gross {s['gross_ann_return']:.1%}/yr (Sharpe {s['gross_sharpe']:.2f}), costs {s['costs_ann']:.1%}/yr, "
          f"net {s['net_ann_return']:.1%}/yr (Sharpe {s['net_sharpe']:.2f})")
    print(cap.round(4).to_string(index=False))
    for n in res.notes: print("note:", n)


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--n-symbols', type=int, default=300); ap.add_argument('--n-days', type=int, default=1260)
    ap.add_argument('--repeat', type=int, default=3); ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    main(a.n_symbols, a.n_days, a.repeat, a.seed)
