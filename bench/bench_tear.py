"""Benchmark: quantlab.diagnostics.factor_tear vs alphalens-reloaded on the same factor and prices.

Run by hand: `python bench/bench_tear.py [--sizes 300x1260 1000x2520] [--seed 0] [--no-alphalens] [--repeat 5]` (quantlab only: for
sizes where alphalens takes minutes and gigabytes, e.g. 3000x5040). Prints wall and CPU timings (CPU
time is the fairer measure on a shared machine; both libraries run single-threaded here), the speed ratio and the
largest absolute differences of every statistic whose definition coincides. alphalens-reloaded 0.5.1 runs unmodified
under pandas 3 for these five functions (no separate environment is needed). alphalens-reloaded 0.5.1 halves the
top-minus-bottom spread (a 50/50 book); quantlab reports the raw 100/100 difference, so the spread is compared x2.
The alphalens timing covers the five functions named in the issue; the spread used for the check is computed untimed.

Equal definitions: quantlab's `fwd_ret_{h}[t] = close[t+lag+h] / close[t+lag] - 1`; alphalens measures from the price
it is given on the factor date, so it gets `close.shift(-lag)` (the execution-day price, as its docs recommend).
alphalens' look-ahead z-score filter is switched off (`filter_zscore=None`) and `max_loss=1` (nothing is suppressed
by a loss limit). alphalens forward-fills missing prices and drops a (date, name) row lacking any horizon's return
before bucketing; quantlab keeps missing prices missing and buckets on the score alone. So the factor handed to both
is restricted to the (date, name) cells where every horizon's forward return exists: on those inputs the two
definitions coincide and the numbers must agree to floating-point precision.
"""
from __future__ import annotations
import argparse, contextlib, io, os, time, warnings
import numpy as np
import pandas as pd
import alphalens as al
from quantlab.data import synthetic_market
from quantlab.diagnostics import factor_tear

HORIZONS, LAG, Q = (1, 5, 10), 1, 10


def make_inputs(n_symbols, n_days, seed):
    "Synthetic prices, a noisy planted-signal factor restricted to cells with every forward return, and the panel."
    raw, _, truth = synthetic_market(n_symbols, n_days, seed=seed, return_truth=True)
    close = raw['close'].unstack('symbol').sort_index()
    rng = np.random.default_rng(seed)
    factor = truth.signal.unstack('symbol').reindex_like(close) + rng.standard_normal(close.shape)
    return close, factor


def forward_panel(close):
    "The panel's forward-return columns from the wide close (what build_panel computes once for every stage)."
    fwd = {f'fwd_ret_{h}': close.shift(-LAG - h) / close.shift(-LAG) - 1 for h in HORIZONS}
    panel = pd.DataFrame({k: v.stack() for k, v in fwd.items()})
    panel.index = panel.index.set_names(['date', 'symbol'])
    return panel


def quantlab_tear(panel, factor):
    "quantlab: the tear on a panel that already holds the forward returns."
    return factor_tear(factor, panel, horizons=HORIZONS, quantiles=Q, universe=False)


def alphalens_tear(close, factor):
    "alphalens-reloaded: clean factor + forward returns, IC, quantile means, rank autocorrelation, turnover."
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter('ignore')
        fd = al.utils.get_clean_factor_and_forward_returns(factor.stack().dropna(), close.shift(-LAG), quantiles=Q, periods=HORIZONS,
                                                           filter_zscore=None, max_loss=1.0)
        ic = al.performance.factor_information_coefficient(fd)
        mr, se = al.performance.mean_return_by_quantile(fd)
        ac = al.performance.factor_rank_autocorrelation(fd)
        to = pd.concat([al.performance.quantile_turnover(fd['factor_quantile'], q) for q in range(1, Q + 1)], axis=1)
    return dict(fd=fd, ic=ic, mr=mr, se=se, ac=ac, to=to)


def compare(ql, al_):
    "Largest absolute difference of each statistic on the dates both report."
    d = al_['ic'].index
    qa = al_['fd']['factor_quantile'].unstack().reindex(index=d, columns=ql['quantile'].columns)
    ac_d = al_['ac'].dropna().index; to = al_['to'].dropna(how='all')
    with warnings.catch_warnings():                          # untimed: only for the spread check
        warnings.simplefilter('ignore')
        sp = al.performance.compute_mean_returns_spread(al.performance.mean_return_by_quantile(al_['fd'], by_date=True)[0], Q, 1)[0]
    return {
        'quantile labels differing': int((qa.to_numpy() != ql['quantile'].loc[d].to_numpy())[np.isfinite(qa.to_numpy())].sum()),
        'IC (date x horizon)': float(np.nanmax(np.abs(al_['ic'].to_numpy() - ql['ic'].loc[d].to_numpy()))),
        'mean IC': float(np.abs(al_['ic'].mean().to_numpy() - ql['summary']['ic_mean'].to_numpy()).max()),
        'quantile mean returns': float(np.abs(al_['mr'].to_numpy() - ql['quantile_returns'].to_numpy()).max()),
        'quantile return std errors': float(np.abs(al_['se'].to_numpy() - ql['quantile_returns_se'].to_numpy()).max()),
        'rank autocorrelation': float(np.nanmax(np.abs(al_['ac'].loc[ac_d].to_numpy() - ql['autocorr'].loc[ac_d].to_numpy()))),
        'quantile turnover': float(np.nanmax(np.abs(to.to_numpy() - ql['turnover'].loc[to.index].to_numpy()))),
        'spread by date (2 x alphalens)': float(np.nanmax(np.abs(2 * sp.to_numpy() - ql['spread'].loc[sp.index].to_numpy()))),
    }


def main(sizes, seed, with_alphalens=True, repeat=1):
    for size in sizes:
        n, T = map(int, size.split('x'))
        close, factor = make_inputs(n, T, seed)
        fwd_ok = np.logical_and.reduce([(close.shift(-LAG - h) / close.shift(-LAG)).notna().to_numpy() for h in HORIZONS])
        factor = factor.where(fwd_ok)                         # equal definitions (see the module docstring)
        tf, cf = time.perf_counter(), time.process_time(); panel = forward_panel(close)
        t0, c0 = time.perf_counter(), time.process_time(); ql = quantlab_tear(panel, factor)
        t1, c1 = time.perf_counter(), time.process_time()
        cpu = [c1 - c0]
        for _ in range(repeat - 1):                           # the first call pays cold caches and page faults: also the median of more
            c = time.process_time(); quantlab_tear(panel, factor); cpu.append(time.process_time() - c)
        print(f"\n== {n} symbols x {T} days: {int(factor.notna().sum().sum()):,} factor values (load {os.getloadavg()[0]:.1f}) ==")
        if repeat > 1: print(f"quantlab  factor_tear cpu over {repeat} calls: first {cpu[0]:.3f} s, median {np.median(cpu):.3f} s, min {min(cpu):.3f} s")
        if not with_alphalens:
            print(f"quantlab  forward-return columns: wall {t0 - tf:8.2f} s   cpu {c0 - cf:8.2f} s")
            print(f"quantlab  factor_tear:            wall {t1 - t0:8.2f} s   cpu {c1 - c0:8.2f} s")
            print("  mean IC by horizon (quantlab):", ql['summary']['ic_mean'].round(4).to_dict()); continue
        a = alphalens_tear(close, factor)
        t2, c2 = time.perf_counter(), time.process_time()
        print(f"quantlab  forward-return columns (build_panel's share):      wall {t0 - tf:8.2f} s   cpu {c0 - cf:8.2f} s")
        print(f"quantlab  factor_tear:                                       wall {t1 - t0:8.2f} s   cpu {c1 - c0:8.2f} s")
        print(f"alphalens clean + IC + quantile means + autocorr + turnover: wall {t2 - t1:8.2f} s   cpu {c2 - c1:8.2f} s")
        print(f"speed-up, tear only:             wall {(t2 - t1) / (t1 - t0):.1f}x, cpu {(c2 - c1) / (c1 - c0):.1f}x")
        print(f"speed-up, tear + forward returns: wall {(t2 - t1) / (t1 - tf):.1f}x, cpu {(c2 - c1) / (c1 - cf):.1f}x")
        for k, v in compare(ql, a).items(): print(f"  max |diff| {k:31s} {v:.3g}")
        print("  mean IC by horizon (quantlab):", ql['summary']['ic_mean'].round(4).to_dict())


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--sizes', nargs='+', default=['300x1260', '1000x2520'])
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--no-alphalens', action='store_true', help='time quantlab only')
    p.add_argument('--repeat', type=int, default=1, help='also time factor_tear this many times (first / median / min CPU); the ratios use the first call')
    a = p.parse_args()
    main(a.sizes, a.seed, not a.no_alphalens, a.repeat)
