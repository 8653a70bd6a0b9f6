"""The model comparison on the default market (run by hand; prints numbers, asserts nothing).

    nice -n 10 python bench/bench_compare.py [--days 250] [--n-symbols 400] [--seeds 0 1 2]

One `run_backtest` per seed with `model.compare_estimators` = ridge and LightGBM beside the default XGBoost, not saved,
n_jobs 1. Prints, per seed, the load average, the wall and process CPU seconds of the run, of its model stage (XGBoost)
and of each compared estimator (its walk-forward plus book and costs), and the `model_comparison` table; then the
table's mean over seeds. LightGBM gets 300 rounds at learning rate 0.05 with 7 leaves and 50 rows per leaf (close to
the XGBoost defaults: 300 rounds, depth 2, min_child_weight 50), one thread, deterministic.
"""
import argparse, os, tempfile, time
import pandas as pd
from quantlab.config import RunConfig, with_overrides
from quantlab.runner import run_backtest

LGBM = {'n_estimators': 300, 'learning_rate': 0.05, 'num_leaves': 7, 'min_child_samples': 50, 'subsample': 0.8, 'subsample_freq': 1,
        'colsample_bytree': 0.8, 'verbose': -1, 'deterministic': True, 'force_row_wise': True}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--days', type=int, default=250); ap.add_argument('--n-symbols', type=int, default=400)
    ap.add_argument('--seeds', type=int, nargs='+', default=[0])
    a = ap.parse_args()
    tables = []
    for seed in a.seeds:
        cfg = with_overrides(RunConfig(), days=a.days, n_symbols=a.n_symbols, seed=seed, progress=False,
                             out_dir=tempfile.mkdtemp(prefix='bench_compare_'),
                             compare_estimators=[('sklearn.linear_model.Ridge', {'alpha': 10.0}), ('lightgbm.LGBMRegressor', LGBM)])
        load0 = os.getloadavg(); w0, c0 = time.perf_counter(), time.process_time()
        r = run_backtest(cfg, save=False)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"seed {seed}: load before {tuple(round(x, 2) for x in load0)}, after {tuple(round(x, 2) for x in os.getloadavg())}")
        print(f"  run wall {wall:.1f}s cpu {cpu:.1f}s; model stage {r.timings['model']:.1f}s (fit cpu {r.reports['model'].get('fit_cpu_seconds')}s); "
              f"comparison stage {r.timings['model comparison']:.1f}s")
        for k, v in r.reports['model_comparison']['estimators'].items():
            print(f"  {k[:40]}: {v['seconds']:.1f}s (walk-forward {v['model_seconds']}s)")
        t = r.tables['model_comparison']; tables.append(t.assign(seed=seed))
        with pd.option_context('display.width', 200, 'display.max_columns', 20): print(t.round(4).to_string())
    allt = pd.concat(tables)
    print("\nmean over seeds", a.seeds)
    with pd.option_context('display.width', 200, 'display.max_columns', 20):
        print(allt.drop(columns=['role', 'main_beats']).groupby(level=0, sort=False).mean().round(4).to_string())
        print("main beats it (count of seeds):", allt.groupby(level=0, sort=False)['main_beats'].sum().to_dict())

if __name__ == '__main__':
    main()
