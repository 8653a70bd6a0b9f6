"""Size and power of the whole research loop (issue 14): verdict and per-gate pass rates on synthetic markets with a
planted alpha of known IC, with Clopper-Pearson 95% intervals (run by hand; prints numbers, asserts nothing).

    nice -n 10 python bench/bench_power.py --out /tmp/power.csv                       # today's rank book
    nice -n 10 python bench/bench_power.py --method aim --order interleave --days 250 500 --alphas 0.05 0.03 0.02 0.01 \
        --retrain-every 50 --seeds 25 --out /tmp/power_aim.csv                       # the cost-aware book, every cell
    nice -n 10 python bench/bench_power.py --method aim --residual-target false ...  # a model-side variant (efficiency)
    python bench/bench_power.py --summary /tmp/power.csv                               # summarise what has finished

Each finished run appends one row to `--out` at once (a time-boxed run keeps what it did). The grid is walked seed
by seed: with `--order phased` (default) first blocks of two null markets and one at the largest alpha (so size reaches
its count early), then the other alphas seed by seed; with `--order interleave` each seed runs its two nulls and every
alpha before the next seed (every cell grows together); with `--order priority` every seed first runs the cells the aim
is judged on (top alpha at the longest window, nulls at both), then the rest. `--skip-done` resumes a stopped run. `--seed0` starts the seeds elsewhere (e.g. a disjoint set). Markets: `--n-symbols` names (all in the universe), `n_days = --n-days -
250 + days` (the training history stays the same whatever the OOS window). Summaries use `quantlab.power.summarise`
(the same code as `operating_characteristic`).
"""
import argparse, ast, csv, os, tempfile, time
from pathlib import Path
import numpy as np
from joblib import Parallel, delayed
from quantlab.config import RunConfig, with_overrides

def one(cfg, alpha, seed, days, out_dir):
    "One backtest; a flat row of what the operating characteristic needs."
    from quantlab.runner import run_backtest
    from quantlab.power import run_outcome, oracle_ic
    t, c0 = time.perf_counter(), time.process_time()
    r = run_backtest(cfg, out_dir=out_dir, save=False, save_inputs=False, n_jobs=1, progress=False)
    cpu = time.process_time() - c0
    return dict(alpha_ic=alpha, seed=seed, days=days, seconds=round(time.perf_counter() - t, 1), cpu_seconds=round(cpu, 1),
                load=round(os.getloadavg()[0], 2), **run_outcome(r), net_sharpe=r.metrics.loc['sharpe', 'net'],
                gross_sharpe=r.metrics.loc['sharpe', 'gross'], oracle_ic=oracle_ic(cfg), method=cfg.portfolio.method,
                n_symbols=cfg.data.n_symbols, top_n=cfg.universe.top_n, retrain_every=cfg.cv.retrain_every,
                residual_target=cfg.model.residual_target, estimator=cfg.model.estimator, mode=cfg.model.mode, n_features=len(r.feature_list or ()), has_tshock='turnover_shock' in (r.feature_list or ()),
                cv_every=cfg.runtime.cv_every, hist_cuts=cfg.model.hist_cuts, early_stopping_rounds=cfg.model.early_stopping_rounds)

def grid(a):
    "Phase 1, seed by seed: two null markets and one at the largest alpha (size first); phase 2: the other alphas."
    extra = {} if a.residual_target == 'default' else dict(residual_target=a.residual_target == 'true')
    for kv in a.set:   # e.g. --set estimator=sklearn.linear_model.Ridge mode=none signal=turnover_shock
        k, v = kv.split('=', 1)
        try: extra[k] = ast.literal_eval(v)
        except (ValueError, SyntaxError): extra[k] = v
    base = with_overrides(RunConfig(), n_symbols=a.n_symbols, top_n=a.top_n or a.n_symbols, retrain_every=a.retrain_every,
                          progress=False, method=a.method, **extra)
    top, rest = max(a.alphas), [x for x in a.alphas if x != max(a.alphas)]
    seeds = range(a.seed0, a.seed0 + a.seeds)
    nulls = [] if a.no_nulls else [0.0]
    phase1 = [tuple((0.0, x) for x in ([s, 10_000 + s] if nulls else [])) + ((top, s),) for s in seeds]
    phase2 = [tuple((x, s) for x in rest) for s in seeds]
    if a.order == 'priority':   # the cells the aim is judged on first: top alpha at the longest window, nulls at both
        lo, hi = min(a.days), max(a.days)
        order = [x for s in seeds for x in [(top, s, hi)] + ([(0.0, s, lo), (0.0, 10_000 + s, lo), (0.0, s, hi)] if nulls else [])]
        order += [x for s in seeds for x in [(top, s, lo)] + ([(0.0, 10_000 + s, hi)] if nulls else []) + [(al, s, d) for d in a.days for al in rest]]
    else:
        blocks = phase1 + phase2 if a.order == 'phased' else [b1 + b2 for b1, b2 in zip(phase1, phase2)]
        order = [(alpha, seed, days) for block in blocks for days in a.days for alpha, seed in block]
    order = list(dict.fromkeys(order))   # one run per (alpha, seed, days), first occurrence first
    done = set()
    if a.skip_done and Path(a.out).exists():
        import pandas as pd
        done = set(pd.read_csv(a.out)[['alpha_ic', 'seed', 'days']].itertuples(index=False, name=None))
    for alpha, seed, days in order:
        if (alpha, seed, days) in done: continue
        yield with_overrides(base, alpha_ic=alpha, seed=seed, days=days, n_days=a.n_days - 250 + days), alpha, seed, days

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='bench_power.csv'); ap.add_argument('--summary', default=None)
    ap.add_argument('--method', default='rank', help="portfolio.method: 'rank', 'optimize' or 'aim'")
    ap.add_argument('--seeds', type=int, default=50); ap.add_argument('--days', type=int, nargs='+', default=[250])
    ap.add_argument('--alphas', type=float, nargs='+', default=[0.05, 0.02, 0.03, 0.01])
    ap.add_argument('--n-symbols', type=int, default=150); ap.add_argument('--n-days', type=int, default=750)
    ap.add_argument('--top-n', type=int, default=None, help='universe.top_n (default: all --n-symbols names)')
    ap.add_argument('--order', default='phased', choices=['phased', 'interleave', 'priority'])
    ap.add_argument('--skip-done', action='store_true', help='skip (alpha, seed, days) already in --out')
    ap.add_argument('--seed0', type=int, default=0); ap.add_argument('--no-nulls', action='store_true')
    ap.add_argument('--set', nargs='*', default=[], help='more with_overrides key=value pairs (values as Python literals)')
    ap.add_argument('--residual-target', default='default', choices=['default', 'true', 'false'])
    ap.add_argument('--n-jobs', type=int, default=2); ap.add_argument('--dry-run', action='store_true', help='print the order and stop')
    ap.add_argument('--retrain-every', type=int, default=20, help='cv.retrain_every (20 = the default config)')
    a = ap.parse_args()
    if a.summary:
        import pandas as pd
        from quantlab.power import summarise
        runs = pd.read_csv(a.summary)
        print(f"{len(runs)} runs, load now {os.getloadavg()}, median {runs.seconds.median():.0f}s per run")
        oc = summarise(runs)
        pd.set_option('display.width', 250); print(oc.round(3).to_string()); print(oc.attrs)
        return
    if a.dry_run:
        for _, al, s, d in grid(a): print(al, s, d)
        return
    out, tmp = Path(a.out), tempfile.mkdtemp(prefix='bench_power_')
    print(f"cpus={os.cpu_count()} load={os.getloadavg()} method={a.method} out={out}", flush=True)
    rows = Parallel(n_jobs=a.n_jobs, return_as='generator_unordered')(delayed(one)(c, al, s, d, tmp) for c, al, s, d in grid(a))
    with open(out, 'a', newline='') as f:
        w = None
        for row in rows:
            if w is None:
                w = csv.DictWriter(f, fieldnames=list(row), extrasaction='ignore')
                if f.tell() == 0: w.writeheader()
            w.writerow(row); f.flush()
            print(row['alpha_ic'], row['seed'], row['days'], row['verdict_pass'], row['seconds'], flush=True)

if __name__ == '__main__': main()
