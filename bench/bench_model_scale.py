"""Where the model stage's time goes as the universe grows (run by hand; prints numbers, asserts nothing).

    python bench/bench_model_scale.py --sizes 750x2520 3000x2520 [--config large] [--set key=value ...]

Each size in its own process: the run's stages up to and including the model (default config, or `--config`),
`n_jobs=1` so every `xgboost.train` call runs in this process and is timed (CPU seconds) with its training rows and the
rounds it boosted. Printed per size: the model stage's wall and CPU, the number of train calls (CV folds and final
fits), their rows x rounds, CPU per million row-rounds (the implementation's unit cost: flat if the stage scales
linearly in rows at a given number of rounds), and the mean rounds chosen (a property of the data: more names, more
signal to fit before early stopping).
"""
import argparse, json, os, subprocess, sys

CHILD = r'''
import json, os, sys, tempfile, time
import xgboost as xgb
from quantlab.config import RunConfig, with_overrides, load_config
from quantlab import runner
n, T, extra, base = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
cfg = with_overrides(load_config(base) if base else RunConfig(), n_symbols=n, n_days=T, top_n=int(0.75 * n), days=250, progress=False,
                     out_dir=tempfile.mkdtemp(prefix='bench_model_scale_'), **{**extra, 'n_jobs': 1})
calls, real = [], xgb.train
def train(params, dtrain, num_boost_round=10, **kw):
    "xgboost.train, timed: (rows, rounds boosted, CPU s, with an eval set)."
    c = time.process_time(); b = real(params, dtrain, num_boost_round, **kw)
    calls.append((dtrain.num_row(), b.num_boosted_rounds(), time.process_time() - c, bool(kw.get('evals')))); return b
xgb.train = train
class Stop(Exception): pass
held = {}
def stop(r, ctx): held['r'] = r; raise Stop      # the stages after the model are not run
stages = tuple(s for s in runner.STAGES[:[k for k, _ in runner.STAGES].index('model') + 1]) + (('stop', stop),)
l0 = os.getloadavg()
try: runner.run_backtest(cfg, save=False, stages=stages)
except Stop: pass
r = held['r']
cv = [c for c in calls if c[3]]; fin = [c for c in calls if not c[3]]
rr = lambda cs: sum(a * b for a, b, _, _ in cs)
print(json.dumps(dict(size=f"{n}x{T}", rows=int(len(r.features)), model_wall=r.timings.get('model'), train_calls=len(calls),
    cv_calls=len(cv), final_calls=len(fin), cpu_train_cv=round(sum(c[2] for c in cv), 1), cpu_train_final=round(sum(c[2] for c in fin), 1),
    row_rounds_m=round(rr(calls) / 1e6, 1), cpu_per_m_row_rounds_cv=round(sum(c[2] for c in cv) / rr(cv) * 1e6, 4) if cv else None,
    cpu_per_m_row_rounds_final=round(sum(c[2] for c in fin) / rr(fin) * 1e6, 4),
    mean_rounds_final=round(sum(c[1] for c in fin) / len(fin), 1), max_train_rows=max(c[0] for c in calls),
    load_before=[round(x, 1) for x in l0], load_after=[round(x, 1) for x in os.getloadavg()], config=base, extra=extra)), flush=True)
'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--sizes', nargs='+', default=['750x2520', '3000x2520'])
    ap.add_argument('--set', nargs='*', default=[]); ap.add_argument('--config', default='')
    a = ap.parse_args()
    extra = {k: json.loads(v) if v[:1] in '0123456789[{tfn"-' else v for k, v in (s.split('=', 1) for s in a.set)}
    print(f"cpus={os.cpu_count()} load={os.getloadavg()} sizes={a.sizes} extra={extra} config={a.config!r}", flush=True)
    for s in a.sizes: subprocess.run([sys.executable, '-c', CHILD, *s.split('x'), json.dumps(extra), a.config])
