"""Null false-positive rate of the adaptive IR_mkt gate (HAC alpha t-stat) by test window, with and without fixed-b.

Run by hand: `python bench/bench_gates_null.py [n_seeds]`. Prints pass rates with binomial 95% intervals.
"""
import sys, time, math
import numpy as np, pandas as pd
from scipy import stats
from quantlab.capm import capm_stats
from quantlab.gates import load_gates

def null_strategy(seed, n):
    "Zero-alpha AR(1) t(5) noise with beta 0.05 to a simulated market (same as nbs/12_gates)."
    rng = np.random.default_rng(seed)
    dts = pd.bdate_range('2022-01-03', periods=n, name='date')
    m = rng.normal(3e-4, 0.01, n); e = 0.005 * rng.standard_t(5, n) / math.sqrt(5 / 3)
    e[1:] += 0.1 * e[:-1]
    return pd.Series(0.05 * m + e, dts), pd.Series(m, dts)

if __name__ == '__main__':
    n_seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    gate = {g.name: g for g in load_gates('adaptive').portfolio}['ir_mkt']
    nominal = stats.norm.sf(gate.threshold)
    t0 = time.time()
    for n in (54, 60, 250):
        t = np.array([capm_stats(*null_strategy(s, n)).t_alpha for s in range(n_seeds)])
        cv = gate.scaled(n, 252)
        for name, c in (('normal 1.96', gate.threshold), (f'fixed-b {cv:.3f}', cv)):
            k = int((t >= c).sum()); lo, hi = stats.binomtest(k, n_seeds).proportion_ci()
            print(f"days={n:4d}  threshold {name:14s}  pass rate {k / n_seeds:.4f}  95% CI [{lo:.4f}, {hi:.4f}]  nominal {nominal:.4f}")
    print(f"{3 * n_seeds} CAPM/HAC fits in {time.time() - t0:.1f}s")
