"""The model stage alone at scale: where a pooled XGBoost refit spends its time, and old vs new code (run by hand).

    python bench/bench_xgb.py build   --sizes 750x2520 3000x2520      # cache the datasets (X float32, y, y_train)
    python bench/bench_xgb.py profile --size 750x2520 --fits 12        # per-part seconds of refit 12 (the largest)
    PYTHONPATH=/tmp/xgb_old python bench/bench_xgb.py profile ...      # the same with the old code (scores hash printed)
    python bench/bench_xgb.py compare --sizes 750x2520 3000x2520 --old /tmp/xgb_old [--set hist_cuts='"uniform"']
    python bench/bench_xgb.py ab --size 750x2520 --fits 0 12 --old /tmp/xgb_old --repeat 3   # old / new / uniform interleaved
    python bench/bench_xgb.py levers --size 750x2520      # uniform cuts, cv_every=13, both: whole walk-forwards vs compare's scores
    python bench/bench_xgb.py planted --seeds 0 1 2 3 4 --market 300x1260 --alpha 0.05   # uniform cuts vs default: OOS IC

Datasets are the run's defaults (`run_backtest`'s dataset stage, as `bench_scale.py` sizes them): `n_symbols` x
`n_days` synthetic market, `top_n` = 75% of the names, the signal features on universe rows, target `fwd_ret_5`,
training return its beta/sector residual; cached under --cache (npz). `profile` times the parts of `_fit_window`
(DMatrix builds, boosting, the early-stopping IC metric, prediction) by wrapping XGBoost's calls. `compare` runs
`walk_forward` (13 refits, 3 inner folds each) once per code version in a fresh process each (`--old` = a checkout of
the code before, e.g. `git archive <commit> quantlab | tar -x -C /tmp/xgb_old`), alternating, and prints wall, CPU,
load and whether the scores are bit-identical. Nothing here asserts; the machine may be shared: compare CPU seconds.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path
import numpy as np

HERE = Path(__file__).resolve().parent.parent


def build(n, T, cache):
    "Build and cache one dataset as the runner does (features on universe rows, fwd_ret_5, beta/sector residual)."
    import pandas as pd
    from quantlab.config import FeatureConfig
    from quantlab.data import synthetic_market
    from quantlab.panel import build_panel
    from quantlab.features import compute_features, available_features
    from quantlab.leakage import build_dataset
    from quantlab.models import residual_target
    t = time.perf_counter()
    raw, market = synthetic_market(n_symbols=n, n_days=T, seed=0)
    panel = build_panel(raw, horizons=(5,), market=market, top_n=int(0.75 * n)); del raw
    names = available_features(panel, kinds=FeatureConfig().kinds)
    ds = build_dataset(compute_features(panel, names=names, market=market), panel, horizon=5, lag=1)
    yr = residual_target(ds.y, panel)
    cal = panel.index.get_level_values('date').unique()
    X = ds.X
    np.savez(cache / f'{n}x{T}.npz', X=X.to_numpy(np.float32), y=ds.y.to_numpy(float), yr=yr.to_numpy(float),
             date=cal.get_indexer(X.index.get_level_values('date')), sym=X.index.get_level_values('symbol').to_numpy(str),
             cal=cal.to_numpy(), cols=np.array(X.columns, dtype=str))
    print(f"built {n}x{T}: {X.shape[0]} rows x {X.shape[1]} features in {time.perf_counter() - t:.0f} s", flush=True)


def load(size, cache):
    "The cached dataset as (X, y, y_train, calendar) on the (date, symbol) index."
    import pandas as pd
    z = np.load(cache / f'{size}.npz', allow_pickle=False)
    cal = pd.DatetimeIndex(z['cal'], name='date')
    idx = pd.MultiIndex.from_arrays([cal[z['date']], z['sym']], names=['date', 'symbol'])
    X = pd.DataFrame(z['X'], index=idx, columns=list(z['cols']))
    return X, pd.Series(z['y'], idx, name='fwd_ret_5'), pd.Series(z['yr'], idx, name='fwd_ret_5_resid'), cal


def profile(size, cache, fits, extra):
    "Per-part seconds (wall and CPU) of the given refits of the default pooled walk-forward."
    import xgboost as xgb
    import quantlab.models as qm
    from quantlab.config import CVConfig, ModelConfig
    from quantlab.cv import walk_forward_schedule
    X, y, yr, cal = load(size, cache)
    cv, model = CVConfig(), ModelConfig()
    acc = {}
    def wrap(obj, name, key):
        f = getattr(obj, name)
        def g(*a, **k):
            t, c = time.perf_counter(), time.process_time()
            try: return f(*a, **k)
            finally:
                w = acc.setdefault(key, [0.0, 0.0, 0]); w[0] += time.perf_counter() - t; w[1] += time.process_time() - c; w[2] += 1
        setattr(obj, name, g); return f
    orig = [(xgb, 'DMatrix', wrap(xgb, 'DMatrix', 'DMatrix build')), (xgb, 'train', wrap(xgb, 'train', 'xgb.train (boost + metric)')),
            (xgb.Booster, 'predict', wrap(xgb.Booster, 'predict', 'predict'))]
    if hasattr(xgb.DMatrix, 'slice'): orig.append((xgb.DMatrix, 'slice', wrap(xgb.DMatrix, 'slice', 'DMatrix.slice')))
    orig.append((xgb, 'QuantileDMatrix', wrap(xgb, 'QuantileDMatrix', 'QuantileDMatrix build')))
    if hasattr(qm, '_ic_metric'):
        f0 = qm._ic_metric
        def ic_metric(*a, **k):
            m = f0(*a, **k)
            def h(*b):
                t, c = time.perf_counter(), time.process_time()
                try: return m(*b)
                finally:
                    w = acc.setdefault('IC metric (inside train)', [0.0, 0.0, 0]); w[0] += time.perf_counter() - t; w[1] += time.process_time() - c; w[2] += 1
            return h
        qm._ic_metric = ic_metric
    codes = cal.get_indexer(X.index.get_level_values('date'))
    sched = walk_forward_schedule(cal, cv.days, cv.retrain_every, 5, 1, cv.embargo, cv.window, cv.max_train_days)
    specs = qm._specs(cal, sched, cv, 5, 1, 0)
    t = qm.target_transform(yr, model.target).to_numpy(np.float32); Xv = np.ascontiguousarray(X.to_numpy(np.float32))
    cands = [(model.max_depth, model.learning_rate)]
    print(f"{size}: {len(X)} rows, {len(specs)} refits; load {os.getloadavg()}", flush=True)
    for k in fits:
        acc.clear(); t0, c0 = time.perf_counter(), time.process_time()
        hist = (extra.get('max_bin', 64), extra.get('hist_cuts', 'data'))
        r = qm._pooled_job(Xv, t, codes, specs[k], model, cands, None, 1, *([hist] if extra else []))[0]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        import hashlib
        print(f"refit {k}: train rows {r['train_rows']}, rounds {r['n_rounds']}, wall {wall:.1f} s, CPU {cpu:.1f} s, load {os.getloadavg()[0]:.1f}, "
              f"scores sha256 {hashlib.sha256(np.ascontiguousarray(r['score']).tobytes()).hexdigest()[:12]}")
        for key, (w, c, n) in acc.items(): print(f"  {key:<28} {n:5d} calls  wall {w:7.2f} s  CPU {c:7.2f} s  ({c / cpu:5.1%} of CPU)")
        print(flush=True)
    for obj, name, f in orig: setattr(obj, name, f)


def ab(size, cache, fits, old, repeat):
    "Per-refit CPU of old code / new default / new uniform cuts, interleaved in one process (one load regime), min and median."
    import hashlib, shutil, importlib, tempfile
    from quantlab.config import CVConfig, ModelConfig
    from quantlab.cv import walk_forward_schedule
    import quantlab.models as qm
    mods = {}
    if old:
        d = Path(tempfile.mkdtemp(prefix='xgb_old_')); shutil.copytree(Path(old) / 'quantlab', d / 'quantlab_old')
        sys.path.insert(0, str(d)); mods['old'] = importlib.import_module('quantlab_old.models')
    X, y, yr, cal = load(size, cache); cv, model = CVConfig(), ModelConfig()
    codes = cal.get_indexer(X.index.get_level_values('date'))
    sched = walk_forward_schedule(cal, cv.days, cv.retrain_every, 5, 1, cv.embargo, cv.window, cv.max_train_days)
    specs = qm._specs(cal, sched, cv, 5, 1, 0)
    t = qm.target_transform(yr, model.target).to_numpy(np.float32); Xv = np.ascontiguousarray(X.to_numpy(np.float32))
    cands = [(model.max_depth, model.learning_rate)]
    fx = (17, model.max_depth, model.learning_rate)    # an off-schedule refit (cv_every > 1): the final fit only, 17 rounds
    runs = [(n, m, a) for n, m, a in [('old', mods.get('old'), ()), ('new', qm, ()), ('new uniform', qm, ((64, 'uniform'),)),
                                      ('new no-CV', qm, ('fixed',)), ('uniform no-CV', qm, ('fixed', (64, 'uniform')))] if m is not None]
    res = {}
    print(f"{size}: {len(X)} rows; refits {fits}; load {os.getloadavg()}", flush=True)
    for rep in range(repeat):
        for k in fits:
            for name, m, a in runs:
                fixed = fx if a[:1] == ('fixed',) else None; a_ = a[1:] if fixed else a
                c = time.process_time(); r = m._pooled_job(Xv, t, codes, specs[k], model, cands, fixed, 1, *a_)[0]; cpu = time.process_time() - c
                h = hashlib.sha256(np.ascontiguousarray(r['score']).tobytes()).hexdigest()[:12]
                res.setdefault((name, k), []).append(cpu)
                print(f"  rep {rep} refit {k:2d} {name:<12} CPU {cpu:6.2f} s  rounds {r['n_rounds']}  sha {h}  load {os.getloadavg()[0]:.1f}", flush=True)
    print(f"{size}: CPU seconds per refit, min / median over {repeat} (refits {fits}, train rows up to {specs[max(fits)][2] - specs[max(fits)][1] + 1} dates)")
    for name, _, _ in runs:
        v = [x for k in fits for x in res[(name, k)]]
        mn = sum(min(res[(name, k)]) for k in fits); md = sum(float(np.median(res[(name, k)])) for k in fits)
        print(f"  {name:<12} min {mn:7.2f}  median {md:7.2f}")


def levers(size, cache, ref):
    "Whole walk-forwards (n_jobs 1, one process, in turn) with the number-changing levers; correlation with the scores in `ref` (.npy of the default run)."
    import resource
    import quantlab.models as qm
    from quantlab.config import CVConfig, ModelConfig
    X, y, yr, cal = load(size, cache); base = np.load(ref)
    for ex in [dict(hist_cuts='uniform'), dict(cv_every=13), dict(cv_every=13, hist_cuts='uniform')]:
        l0 = os.getloadavg()[0]; t, c = time.perf_counter(), time.process_time()
        r = qm.walk_forward(X, y, CVConfig(), ModelConfig(), horizon=5, lag=1, seed=0, n_jobs=1, progress=False, calendar=cal, y_train=yr, **ex)
        print(json.dumps(dict(extra=ex, wall=round(time.perf_counter() - t, 1), cpu=round(time.process_time() - c, 1), load=[round(l0, 1), round(os.getloadavg()[0], 1)],
                              oos_ic=round(float(r.ic.mean()), 5), corr_default=round(float(np.corrcoef(r.scores.to_numpy(), base)[0, 1]), 4),
                              rounds=r.folds.n_rounds.tolist(), rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2))), flush=True)


def planted(seeds, n, T, alpha, variants):
    "OOS rank IC of the default walk-forward and of each variant on planted markets (one per seed), and the scores' correlation."
    import pandas as pd
    from quantlab.config import CVConfig, ModelConfig, FeatureConfig
    from quantlab.data import synthetic_market
    from quantlab.panel import build_panel
    from quantlab.features import compute_features, available_features
    from quantlab.leakage import build_dataset
    from quantlab.models import walk_forward, residual_target
    rows = []
    for seed in seeds:
        raw, market = synthetic_market(n_symbols=n, n_days=T, seed=seed, alpha_ic=alpha)
        panel = build_panel(raw, horizons=(5,), market=market, top_n=int(0.75 * n))
        ds = build_dataset(compute_features(panel, names=available_features(panel, kinds=FeatureConfig().kinds), market=market), panel, horizon=5, lag=1)
        yr, cal = residual_target(ds.y, panel), panel.index.get_level_values('date').unique()
        base = None
        for name, ex in [('default', {})] + variants:
            c = time.process_time()
            r = walk_forward(ds.X, ds.y, CVConfig(), ModelConfig(), horizon=5, lag=1, seed=seed, progress=False, calendar=cal, y_train=yr, **ex)
            base = r if base is None else base
            rows.append(dict(seed=seed, variant=name, oos_ic=r.ic.mean(), ic_train=r.ic_train.mean(), cpu=time.process_time() - c,
                             corr=np.corrcoef(r.scores, base.scores)[0, 1], rounds=r.folds.n_rounds.mean()))
            print(rows[-1], flush=True)
    df = pd.DataFrame(rows)
    piv = df.pivot(index='seed', columns='variant', values='oos_ic')
    print(df.groupby('variant')[['oos_ic', 'ic_train', 'cpu', 'corr', 'rounds']].mean().round(5).to_string())
    for name, _ in variants:
        d = piv[name] - piv['default']
        print(f"{name}: OOS IC minus default {d.mean():+.5f} (sd of the difference {d.std(ddof=1):.5f}, se {d.std(ddof=1) / np.sqrt(len(d)):.5f}); "
              f"sd of the default's OOS IC across seeds {piv['default'].std(ddof=1):.5f}")


CHILD = r'''
import json, os, sys, time, numpy as np
sys.path.insert(0, sys.argv[1])
import quantlab.models as qm
sys.path.insert(0, sys.argv[2]); import bench_xgb as bx
from pathlib import Path
from quantlab.config import CVConfig, ModelConfig
X, y, yr, cal = bx.load(sys.argv[3], Path(sys.argv[4])); extra = json.loads(sys.argv[5])
l0 = os.getloadavg(); t, c = time.perf_counter(), time.process_time()
r = qm.walk_forward(X, y, CVConfig(), ModelConfig(), horizon=5, lag=1, seed=0, n_jobs=1, progress=False, calendar=cal, y_train=yr, **extra)
wall, cpu = time.perf_counter() - t, time.process_time() - c
import resource
np.save(sys.argv[6], r.scores.to_numpy())
print(json.dumps(dict(code=sys.argv[1], size=sys.argv[3], extra=extra, wall=round(wall, 1), cpu=round(cpu, 1), rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
                      load=[round(l0[0], 1), round(os.getloadavg()[0], 1)], oos_ic=round(float(r.ic.mean()), 5), ic_train=round(float(r.ic_train.mean()), 5),
                      rounds=r.folds.n_rounds.tolist())), flush=True)
'''


def compare(sizes, cache, old, extra, repeat, out):
    "walk_forward per (size, code version), each in a fresh process, alternating; bit-identity of the scores against the old code."
    versions = ([('old', old, {})] if old else []) + [('new', str(HERE), {})] + ([('new+' + json.dumps(extra), str(HERE), extra)] if extra else [])
    rows = []
    for rep in range(repeat):
        for size in sizes:
            for name, path, ex in versions:
                f = out / f'{size}_{name.replace(" ", "")}_{rep}.npy'
                p = subprocess.run([sys.executable, '-c', CHILD, path, str(HERE / 'bench'), size, str(cache), json.dumps(ex), str(f)],
                                   capture_output=True, text=True, env={**os.environ, 'PYTHONPATH': path})
                if p.returncode: print(p.stderr[-3000:]); continue
                d = json.loads(p.stdout.strip().splitlines()[-1]); d['name'] = name; d['file'] = str(f); rows.append(d)
                ref = next((r for r in rows if r['size'] == size and r['name'] == versions[0][0]), None)
                same = np.array_equal(np.load(ref['file']), np.load(f)) if ref else None
                sc = np.corrcoef(np.load(ref['file']), np.load(f))[0, 1] if ref else None
                print(f"{size:<10} {name:<28} wall {d['wall']:7.1f} s  CPU {d['cpu']:7.1f} s  RSS {d['rss_gb']:.2f} GB  load {d['load']}  "
                      f"OOS IC {d['oos_ic']:+.5f}  identical to {versions[0][0]}: {same}  corr {sc:.6f}  rounds {d['rounds']}", flush=True)
    return rows


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('what', choices=['build', 'profile', 'compare', 'planted', 'ab', 'levers'])
    ap.add_argument('--ref', default='/tmp/xgb_bench/750x2520_old_0.npy', help='levers: scores of the default run (written by compare)')
    ap.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2, 3, 4])
    ap.add_argument('--market', default='300x1260', help='planted: names x days')
    ap.add_argument('--alpha', type=float, default=0.05)
    ap.add_argument('--sizes', nargs='+', default=['750x2520', '3000x2520'])
    ap.add_argument('--size', default='750x2520')
    ap.add_argument('--fits', nargs='+', type=int, default=[12])
    ap.add_argument('--cache', default='/tmp/xgb_bench')
    ap.add_argument('--old', default=None, help='path holding the old quantlab package (compare)')
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--set', nargs='*', default=[], help='walk_forward keyword overrides key=value (JSON values)')
    a = ap.parse_args()
    cache = Path(a.cache); cache.mkdir(parents=True, exist_ok=True)
    extra = {k: json.loads(v) for k, v in (s.split('=', 1) for s in a.set)}
    print(f"cpus={os.cpu_count()} load={os.getloadavg()} what={a.what}", flush=True)
    if a.what == 'build':
        for s in a.sizes: build(*map(int, s.split('x')), cache)
    elif a.what == 'profile': profile(a.size, cache, a.fits, extra)
    elif a.what == 'ab': ab(a.size, cache, a.fits, a.old, a.repeat)
    elif a.what == 'levers': levers(a.size, cache, a.ref)
    elif a.what == 'planted':
        planted(a.seeds, *map(int, a.market.split('x')), a.alpha, [('uniform', dict(hist_cuts='uniform')), ('uniform+bin32', dict(hist_cuts='uniform', max_bin=32))])
    else: compare(a.sizes, cache, a.old, extra, a.repeat, cache)
