"""Benchmark the walk-forward models on the default synthetic market (run by hand; prints numbers, asserts nothing).

  python bench/bench_models.py                     # pooled (n_jobs 1 and 2) and per-asset (1 vs 2 workers)
  python bench/bench_models.py --pooled-jobs 2 --asset-jobs ''   # pooled with 2 workers only

Pooled: one XGBoost model per refit over all universe rows (400 names listed, top 300 traded; 10 signal features), days=250, retrain_every=20 (13 refits), 3 purged CV folds
for early stopping. Per-asset: one model per symbol and refit across the 300 universe symbols, days=250 and
retrain_every=50 by default (5 refits x 300 symbols x 4 fits).
The machine may be shared: the load average and the CPU seconds spent fitting are printed next to every wall time.
"""
import argparse, os, platform, time
import numpy as np
from quantlab.config import CVConfig, ModelConfig, DataConfig, FeatureConfig
from quantlab.data import synthetic_market
from quantlab.panel import build_panel
from quantlab.features import compute_features, available_features
from quantlab.models import walk_forward, residual_target

def dataset(n_symbols=DataConfig().n_symbols, n_days=1260, seed=0):
    "The run's defaults: signal features on universe rows, the 5-day target and its beta/sector residual."
    raw, market = synthetic_market(n_symbols=n_symbols, n_days=n_days, seed=seed)
    panel = build_panel(raw, horizons=(5,), market=market)
    uni = panel['in_universe'].to_numpy()
    X = compute_features(panel, names=available_features(panel, kinds=FeatureConfig().kinds))[uni]
    y = panel['fwd_ret_5'][uni]
    return X, y, residual_target(y, panel[uni]), panel.index.get_level_values('date').unique()

def timed(label, X, y, yr, cal, model, n_jobs, cv=CVConfig(days=250, retrain_every=20)):
    "Run one walk-forward, print and return (seconds, result)."
    t = time.perf_counter()
    r = walk_forward(X, y, cv, model, horizon=5, lag=1, seed=0, n_jobs=n_jobs, progress=False, calendar=cal, y_train=yr)
    dt = time.perf_counter() - t
    print(f"{label:<10} n_jobs={n_jobs}  wall {dt:7.1f} s  fit CPU {r.report['fit_cpu_seconds']:7.1f} s  "
          f"refits={len(r.folds)}  rows scored={len(r.scores)}  mean OOS IC={r.ic.mean():+.4f}  "
          f"load(1 min)={os.getloadavg()[0]:.1f}", flush=True)
    return dt, r

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--pooled-jobs', default='1,2', help="comma-separated n_jobs for the pooled run ('' = skip)")
    ap.add_argument('--asset-jobs', default='1,2', help="comma-separated n_jobs for the per-asset run ('' = skip)")
    ap.add_argument('--asset-retrain-every', type=int, default=50, help='refit frequency of the per-asset run')
    a = ap.parse_args()
    print(f"cpus={os.cpu_count()}  python={platform.python_version()}  load={os.getloadavg()}")
    t = time.perf_counter(); X, y, yr, cal = dataset()
    print(f"dataset: {X.shape[0]} rows x {X.shape[1]} features, {len(cal)} dates, built in {time.perf_counter() - t:.1f} s")
    for mode, jobs, cv in [('pooled', a.pooled_jobs, CVConfig(days=250, retrain_every=20)),
                           ('per_asset', a.asset_jobs, CVConfig(days=250, retrain_every=a.asset_retrain_every))]:
        res = {int(j): timed(mode, X, y, yr, cal, ModelConfig(mode=mode), int(j), cv) for j in jobs.split(',') if j}
        if len(res) > 1:
            (j1, (d1, r1)), (j2, (d2, r2)) = list(res.items())[:2]
            print(f"{mode}: identical scores n_jobs {j1} vs {j2}: {np.array_equal(r1.scores.to_numpy(), r2.scores.to_numpy())}; "
                  f"wall speed-up {d1 / d2:.2f}x", flush=True)
