"""XGBoost levers for the model stage, measured outside 06_models (run by hand; prints numbers, asserts nothing).

    python bench/bench_model_levers.py [--rows 1000000] [--features 18] [--rounds 50] [--folds 3]

On a random regression problem the size of the default run's dataset (750 x 2,520 -> about 1M rows x 18 features),
single-threaded unless `nthread` says otherwise, CPU seconds (best of 2):
- building the training matrix: `DMatrix` from float64, from float32, `QuantileDMatrix` (the quantised matrix `hist` trains on);
- the walk-forward pattern: `folds` nested training windows, each rebuilt from the array (what a refit does today) vs one
  `DMatrix` built once and `slice`d per window (same rows; XGBoost re-sketches the slice, so predictions match a rebuild);
- training `rounds` rounds with `hist`: `max_bin` 256 (default) vs 64, `nthread` 1 vs 2.
Predictions of the sliced vs rebuilt matrix are compared (max |diff|).
"""
import argparse, os, time
import numpy as np
import xgboost as xgb


def cpu(f, reps=2):
    "Best CPU seconds of `reps` calls of f, and its last result."
    best, out = np.inf, None
    for _ in range(reps):
        c = time.process_time(); out = f(); best = min(best, time.process_time() - c)
    return best, out


if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--rows', type=int, default=1_000_000); ap.add_argument('--features', type=int, default=18)
    ap.add_argument('--rounds', type=int, default=50); ap.add_argument('--folds', type=int, default=3); a = ap.parse_args()
    rng = np.random.default_rng(0)
    X = rng.random((a.rows, a.features)); y = X[:, 0] - X[:, 1] + rng.standard_normal(a.rows)
    X32 = X.astype(np.float32)
    print(f"rows={a.rows:,} features={a.features} rounds={a.rounds} load={os.getloadavg()} xgboost {xgb.__version__}", flush=True)
    res = {}
    res['DMatrix float64'], _ = cpu(lambda: xgb.DMatrix(X, label=y, nthread=1))
    res['DMatrix float32'], _ = cpu(lambda: xgb.DMatrix(X32, label=y, nthread=1))
    res['QuantileDMatrix float32'], _ = cpu(lambda: xgb.QuantileDMatrix(X32, label=y, nthread=1))
    ends = np.linspace(a.rows // 2, a.rows, a.folds).astype(int)
    res[f'{a.folds} windows rebuilt'], _ = cpu(lambda: [xgb.DMatrix(X32[:e], label=y[:e], nthread=1) for e in ends])
    full = xgb.DMatrix(X32, label=y, nthread=1)
    res[f'{a.folds} windows sliced from one'], _ = cpu(lambda: [full.slice(np.arange(e)) for e in ends])
    p = dict(tree_method='hist', max_depth=4, eta=0.1, seed=0)
    d = xgb.DMatrix(X32, label=y, nthread=1)
    for mb in (256, 64):
        for nt in (1, 2):
            res[f'train {a.rounds} rounds max_bin {mb} nthread {nt}'], _ = cpu(lambda: xgb.train(dict(p, max_bin=mb, nthread=nt), d, a.rounds), reps=1)
    e = ends[0]
    b1 = xgb.train(dict(p, nthread=1), xgb.DMatrix(X32[:e], label=y[:e], nthread=1), 20)
    b2 = xgb.train(dict(p, nthread=1), full.slice(np.arange(e)), 20)
    diff = float(np.abs(b1.predict(full) - b2.predict(full)).max())
    for k, v in res.items(): print(f"{k:45s} cpu {v:7.2f} s")
    print(f"max |prediction diff| sliced vs rebuilt window: {diff:.3g}; load after {os.getloadavg()}")
