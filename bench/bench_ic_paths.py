"""CPU seconds of the rank-IC hot paths at 1,000 x 2,520 (run by hand, once per code version, and compare):

    PYTHONPATH=<old checkout> python bench/bench_ic_paths.py ; PYTHONPATH=. python bench/bench_ic_paths.py
`panel.rank_ic` on wide frames (one horizon, 5% holes), and `factor_tear` (3 horizons) on a panel whose forward
returns end before the factor does (the runner's case: the last h dates have no h-day return, so pairs drop).
Best of `--repeat` process-CPU times (fairer than wall on a shared machine); prints a hash of the outputs so two
versions can be checked bit for bit.
"""
import argparse, hashlib, os, time
import numpy as np, pandas as pd
from quantlab.panel import rank_ic
from quantlab.diagnostics import factor_tear

def best(fn, repeat):
    out, ts = None, []
    for _ in range(repeat):
        c = time.process_time(); out = fn(); ts.append(time.process_time() - c)
    return min(ts), out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--repeat', type=int, default=3); ap.add_argument('--size', default='1000x2520')
    a = ap.parse_args(); n, T = map(int, a.size.split('x'))
    rng = np.random.default_rng(0)
    d = pd.bdate_range('2010-01-01', periods=T, name='date'); s = pd.Index([f'S{i:04d}' for i in range(n)], name='symbol')
    close = pd.DataFrame(100 * np.exp(np.cumsum(rng.normal(0, .02, (T, n)), 0)), d, s)
    fac = pd.DataFrame(rng.normal(size=(T, n)), d, s).mask(rng.random((T, n)) < 0.05)
    fwd = {h: close.shift(-1 - h) / close.shift(-1) - 1 for h in (1, 5, 10)}
    panel = pd.DataFrame({f'fwd_ret_{h}': v.mask(rng.random((T, n)) < 0.05).stack() for h, v in fwd.items()})
    f5 = fwd[5].mask(rng.random((T, n)) < 0.05)
    t_ic, ic = best(lambda: rank_ic(fac, f5), a.repeat)
    t_tear, tear = best(lambda: factor_tear(fac, panel, universe=False), a.repeat)
    hsh = hashlib.sha256(tear['ic'].to_numpy().tobytes() + tear['autocorr'].to_numpy().tobytes() + tear['quantile'].to_numpy().tobytes()).hexdigest()[:12]
    print(f"{a.size} load {os.getloadavg()[0]:.1f}: rank_ic cpu {t_ic:.2f} s | factor_tear cpu {t_tear:.2f} s | tear hash {hsh}")
