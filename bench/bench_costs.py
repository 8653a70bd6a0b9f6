"""Cost layer on the default run (run by hand; prints numbers, asserts nothing).

    python bench/bench_costs.py [--days 250] [--dump book.pkl]   # run_backtest(RunConfig()) then the cost numbers

Prints the OOS window's annual gross / costs / net (mean daily x 252, as the capacity curve and the returns table
define them), decision turnover (turnover.turnover) and, when the CostResult has it, the traded (drift-aware)
turnover; the capacity curve's row at the run's AUM; the cost notes. `--dump` pickles (weights, panel, config,
window) so another version of the code can price the same book (`--price book.pkl`).
"""
import argparse, os, pickle, tempfile, time
import numpy as np, pandas as pd
from quantlab.config import RunConfig, with_overrides
from quantlab.baselines import oos_window
from quantlab import costs

def price(weights, panel, cfg, dec, ret):
    cr = costs.price_window(weights, panel, cfg.costs, dec, ret, lag=cfg.panel.lag)
    out = {k: float(getattr(cr, k).mean() * 252) for k in ('gross', 'costs', 'net')}
    out |= {f'{k}_ann': float(v.mean() * 252) for k, v in cr.breakdown.items()}
    if hasattr(cr, 'traded_turnover'): out['traded_turnover'] = float(cr.traded_turnover.loc[dec].mean())
    return cr, out

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--days', type=int, default=250)
    ap.add_argument('--dump'); ap.add_argument('--price'); a = ap.parse_args()
    print(f"load={os.getloadavg()} code={costs.__file__}")
    if a.price:
        weights, panel, cfg, dec, ret, turnover = pickle.load(open(a.price, 'rb'))
    else:
        from quantlab.runner import run_backtest
        cfg = with_overrides(RunConfig(), progress=False, out_dir=tempfile.mkdtemp(prefix='bench_costs_'), days=a.days)
        t = time.perf_counter(); r = run_backtest(cfg, save=False); print(f"run_backtest {time.perf_counter() - t:.1f}s")
        weights, panel, turnover = r.weights, r.panel, r.turnover
        dec, ret = oos_window(weights.index, cfg.cv.days, cfg.panel.lag)
        print("runner returns table (mean x 252):", (r.returns[['gross', 'costs', 'net']].mean() * 252).round(5).to_dict())
        print("runner capacity at AUM:", r.tables['capacity'].set_index('aum').loc[cfg.costs.aum].round(5).to_dict())
        if a.dump: pickle.dump((weights, panel, cfg, dec, ret, turnover), open(a.dump, 'wb'))
    cr, out = price(weights, panel, cfg, dec, ret)
    out['decision_turnover'] = float(turnover.mean())
    print("price_window (mean x 252):", {k: round(v, 5) for k, v in out.items()})
    cap = costs.capacity_curve(costs.hold_book(weights, dec[-1]), panel, cfg.costs, lag=cfg.panel.lag)
    print("capacity_curve (whole calendar) at AUM:", cap.set_index('aum').loc[cfg.costs.aum].round(5).to_dict())
    for n in cr.notes: print("  note:", n)
    if 'close' in panel.columns and hasattr(costs, 'holding_returns'):   # drift alone: the same pricing without close (no gap bridging)
        _, nc = price(weights, panel.drop(columns='close'), cfg, dec, ret)
        print("price_window without close (drift only, gaps not bridged):", {k: round(v, 5) for k, v in nc.items()})

if __name__ == '__main__': main()
