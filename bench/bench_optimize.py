"""Cost-aware book benchmark (issue 13): 'rank' vs 'optimize' vs 'aim' on the default market.

    nice -n 10 python bench/bench_optimize.py [--seeds 0 1 2 3 4] [--days 250] [--methods rank optimize aim] [--cache DIR] [--ic_floor 0|none]

Scores are computed once per seed (run_backtest's panel..model stages; cached as pickles in --cache), then each
method re-runs only book_from_scores + price_window + capacity_curve on the same scores.
"""
import argparse, os, pickle, subprocess, time
from dataclasses import replace
import numpy as np, pandas as pd
from quantlab.config import RunConfig, RuntimeConfig, CVConfig, PortfolioConfig
from quantlab.runner import run_backtest, STAGES
from quantlab.turnover import book_from_scores
from quantlab.costs import price_window, capacity_curve, hold_book
from quantlab.baselines import oos_window

def scores_for(seed, days, cache):
    path = os.path.join(cache, f'seed{seed}.pkl') if days == 250 else os.path.join(cache, f'seed{seed}_d{days}.pkl')
    if os.path.exists(path): return pickle.load(open(path, 'rb'))
    cfg = RunConfig(cv=CVConfig(days=days), runtime=RuntimeConfig(seed=seed, progress=False, log_level='WARNING'))
    out = {}
    def dump(r, ctx):
        out.update(panel=r.panel, scores=r.scores, market=ctx['market'], config=r.config); raise KeyboardInterrupt
    try: run_backtest(cfg, out_dir=os.path.join(cache, 'runs'), save=False, stages=STAGES[:5] + (('dump', dump),), progress=False)
    except KeyboardInterrupt: pass
    pickle.dump(out, open(path, 'wb')); return out

def break_even(cap):
    "AUM where the capacity curve's net annual return crosses 0 (log-linear interpolation); inf/0 at the ends."
    a, n = np.log(cap['aum'].to_numpy()), cap['net_ann_return'].to_numpy()
    if n[0] <= 0: return 0.0
    for i in range(1, len(n)):
        if n[i] <= 0: return float(np.exp(a[i - 1] + (a[i] - a[i - 1]) * n[i - 1] / (n[i - 1] - n[i])))
    return float('inf')

def evaluate(d, method, days, **pkw):
    c = d['config']; lag, h = c.panel.lag, c.model.target_horizon
    port = replace(c.portfolio, method=method, **pkw)
    t0 = time.perf_counter()
    b = book_from_scores(d['scores'], d['panel'], c.neutralize, port, c.turnover, costs=c.costs, lag=lag, horizon=h)
    secs = time.perf_counter() - t0
    cal = d['panel'].index.get_level_values('date').unique()
    dec, ret = oos_window(cal, days, lag)
    cr = price_window(b.weights, d['panel'], c.costs, dec, ret, lag=lag)
    s = cr.summary()
    if 'gross_sharpe' not in s.index:   # a book that never holds anything (e.g. ic_floor=0 and a trailing IC never > 0): earns 0
        print(f'seed book {method}: summary empty (nothing held on the OOS window)', flush=True)
        s = pd.Series(dict(gross_sharpe=np.nan, net_sharpe=np.nan, gross_ann_return=0.0, net_ann_return=0.0, costs_ann=0.0))
    cap = capacity_curve(hold_book(b.weights, dec[-1]), d['panel'], c.costs, lag=lag, aums=(1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9, 3e9))
    tv = b.turnover.reindex(dec).iloc[1:].mean()
    return dict(method=method, gross_sharpe=s['gross_sharpe'], net_sharpe=s['net_sharpe'], gross_ann=s['gross_ann_return'],
                net_ann=s['net_ann_return'], cost_ann=s['costs_ann'], turnover=tv, gross_lev=b.weights.loc[dec].abs().sum(1).mean(),
                break_even_aum=break_even(cap), book_seconds=secs, n_names=b.weights.shape[1],
                held=sum('held' in n for n in b.notes))

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    ap.add_argument('--days', type=int, default=250)
    ap.add_argument('--methods', nargs='+', default=['rank', 'optimize', 'aim'])
    ap.add_argument('--cache', default='/tmp/opt_cache')
    ap.add_argument('--risk_aversion', type=float, default=None)
    ap.add_argument('--trade_aversion', type=float, default=None)
    ap.add_argument('--ic_floor', default=None, help="portfolio.ic_floor for optimize/aim: a float or 'none' (default: the config's, 0.0)")
    a = ap.parse_args(); os.makedirs(a.cache, exist_ok=True)
    pkw = {k: v for k, v in (('risk_aversion', a.risk_aversion), ('trade_aversion', a.trade_aversion)) if v is not None}
    if a.ic_floor is not None: pkw['ic_floor'] = None if a.ic_floor.lower() == 'none' else float(a.ic_floor)
    print('load', subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip(), flush=True)
    rows = []
    for seed in a.seeds:
        d = scores_for(seed, a.days, a.cache)
        for m in a.methods:
            r = evaluate(d, m, a.days, **({} if m == 'rank' else pkw)); r['seed'] = seed; rows.append(r)
            print(pd.DataFrame([r]).to_string(index=False, header=len(rows) == 1, float_format=lambda x: f'{x:.4g}'), flush=True)
    df = pd.DataFrame(rows)
    pd.set_option('display.width', 200)
    print(df.to_string(index=False, float_format=lambda x: f'{x:.4g}'))
    agg = df.groupby('method').agg(gross_sharpe=('gross_sharpe', 'mean'), net_sharpe=('net_sharpe', 'mean'), net_ann=('net_ann', 'mean'),
                                   net_positive=('net_ann', lambda x: int((x > 0).sum())), cost_ann=('cost_ann', 'mean'),
                                   turnover=('turnover', 'mean'), break_even_aum=('break_even_aum', 'median'), book_seconds=('book_seconds', 'mean'))
    print(agg.to_string(float_format=lambda x: f'{x:.4g}'))
    print('load', subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip())
