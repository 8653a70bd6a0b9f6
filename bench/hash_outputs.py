"""Bit-identity check: hash every frame of `run_backtest` on a small and a medium synthetic market (run by hand).

    python bench/hash_outputs.py --out hashes.json           # before a change
    python bench/hash_outputs.py --compare hashes.json       # after: prints the frames whose bytes changed
Frames hashed: scores, weights, returns, turnover, metrics, leak scan, folds, diagnostics/*, tables/*, baselines.
"""
import argparse, json, os, tempfile, time
import numpy as np, pandas as pd
from quantlab.config import RunConfig, with_overrides
from quantlab.runner import run_backtest

SIZES = {'small': dict(n_symbols=60, n_days=500, top_n=60, days=150), 'medium': dict(n_symbols=400, n_days=1260, days=250)}

def run(size, n_jobs):
    cfg = with_overrides(RunConfig(), progress=False, out_dir=tempfile.mkdtemp(prefix='hash_'), n_jobs=n_jobs, **SIZES[size])
    t = time.perf_counter(); r = run_backtest(cfg); wall = time.perf_counter() - t
    return r.hashes(), wall, r.timings                  # BacktestResult.hashes: SHA-256 of every output frame

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--out'); ap.add_argument('--compare'); ap.add_argument('--sizes', nargs='+', default=list(SIZES))
    ap.add_argument('--n-jobs', type=int, default=1); a = ap.parse_args()
    res = {}
    for s in a.sizes:
        h, wall, tim = run(s, a.n_jobs); res[s] = h
        print(f"{s}: wall {wall:.1f}s load {os.getloadavg()[0]:.1f} timings {tim}", flush=True)
    if a.out: json.dump(res, open(a.out, 'w'), indent=1)
    if a.compare:
        old = json.load(open(a.compare))
        for s in res:
            diff = [k for k in set(old.get(s, {})) | set(res[s]) if old.get(s, {}).get(k) != res[s].get(k)]
            print(f"{s}: {len(res[s])} frames, {len(diff)} differ: {sorted(diff)}")
