"""Time the per-date Spearman rank IC on a random 300-names x 1000-dates panel (long Series and wide frames).

Run by hand: `python bench/bench_rank_ic.py [--repeat 7]`. Prints the best and median wall time of each call over
`--repeat` runs; asserts nothing on time. The cases are the hot paths: `models.daily_rank_ic` on a full long score
Series, on a 60k-row inner-CV slice against the full label Series, and the wide-frame callers.
"""
import argparse, importlib, time
import numpy as np
import pandas as pd

def best(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts), float(np.median(ts))

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--repeat', type=int, default=7)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    dates, syms = pd.bdate_range('2020-01-01', periods=1000, name='date'), pd.Index([f'S{i:03d}' for i in range(300)], name='symbol')
    ix = pd.MultiIndex.from_product([dates, syms], names=['date', 'symbol'])
    s = pd.Series(rng.normal(size=len(ix)), ix, name='score').mask(rng.random(len(ix)) < 0.05)
    y = pd.Series(rng.normal(size=len(ix)), ix, name='fwd_ret_5').mask(rng.random(len(ix)) < 0.05)
    cv = s.iloc[np.sort(rng.choice(len(ix), 60_000, replace=False))]           # inner-CV call: a row subset vs the full y
    cv = s.loc[dates[400]:dates[599]]                                          # 200 dates x 300 names = 60k rows
    sw, yw = s.unstack('symbol'), y.unstack('symbol')
    models, capm, leakage = (importlib.import_module(f'quantlab.{m}') for m in ('models', 'capm', 'leakage'))
    panel = importlib.import_module('quantlab.panel')
    cases = [('models.daily_rank_ic  long 300k rows', lambda: models.daily_rank_ic(s, y)),
             ('models.daily_rank_ic  long 60k rows vs 300k y', lambda: models.daily_rank_ic(cv, y)),
             ('capm.rank_ic          long 300k rows', lambda: capm.rank_ic(s, y)),
             ('capm.rank_ic          wide 1000 x 300', lambda: capm.rank_ic(sw, yw)),
             ('leakage.rank_ic_by_date wide 1000 x 300', lambda: leakage.rank_ic_by_date(sw, yw))]
    if hasattr(panel, 'rank_ic'):
        cases += [('panel.rank_ic         long 300k rows', lambda: panel.rank_ic(s, y)),
                  ('panel.rank_ic         wide 1000 x 300', lambda: panel.rank_ic(sw, yw))]
    print(f"long: {len(s):,} rows ({int(s.isna().sum()):,} NaN scores, {int(y.isna().sum()):,} NaN returns); repeat {args.repeat}")
    for label, fn in cases:
        b, m = best(fn, args.repeat)
        print(f"{label:<48s} best {b * 1e3:7.1f} ms   median {m * 1e3:7.1f} ms")
