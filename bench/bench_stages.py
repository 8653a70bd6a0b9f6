"""Non-model stage timings of the default `run_backtest` (run by hand; prints numbers, asserts nothing).

    python bench/bench_stages.py --sizes 750x2520 3000x2520 [--profile 40] [--set key=value ...]
    python bench/bench_stages.py --sizes 3000x2520 --with-model --config large --n-jobs 2   # the whole run, per-stage RSS

The default config at `n_symbols x n_days` (`top_n` = 75% of the names, `days=250`, not saved) with the model stage
replaced by the model-free score path of `model.mode='none'` (`signal`, default `ret_20`) on the OOS decision dates:
every other stage (panel, features on the full feature list, leak scan, dataset, book, costs, diagnostics, baselines,
assertions) runs as in the default run, so this measures the time the model does not take. Each size runs in its own
process (its own peak RSS). Printed per size: wall, CPU, peak RSS, per-stage wall seconds and the load before and
after, and per-stage CPU seconds (`cpu_by_stage`: the fairer measure on a shared machine), the peak and current RSS after each
stage (`rss_peak_now_by_stage`, GB: which stage sets the peak; `--with-model` fits the config's model instead, `--config`/`--n-jobs` as in bench_scale); with `--profile N` the N largest cumulative entries of a cProfile of the whole run.
"""
import argparse, json, os, subprocess, sys

CHILD = r'''
import cProfile, io, json, os, pstats, resource, sys, tempfile, time
from quantlab.config import RunConfig, with_overrides
from quantlab import runner
from quantlab.config import load_config
n, T, prof, extra, signal = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
base, jobs, with_model = sys.argv[6], int(sys.argv[7]), sys.argv[8] == '1'
cfg = with_overrides(load_config(base) if base else RunConfig(), n_symbols=n, n_days=T, top_n=int(0.75 * n), days=250, n_jobs=jobs, progress=False,
                     out_dir=tempfile.mkdtemp(prefix='bench_stages_'), **extra)
none_cfg = with_overrides(cfg, mode='none', signal=signal)

def model_free(r, ctx):
    "The model stage of mode 'none' (signal scores on the OOS dates, one 'fold'), on the default run's features."
    real = r.config; r.config = none_cfg
    try: assert runner._byo_model(r, ctx)
    finally: r.config = real

cpu, rss = {}, {}
def _rss_now():
    "Resident set size now, GB (Linux /proc)."
    with open('/proc/self/statm') as f: return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**30
def timed(name, fn):
    "The stage, with its CPU seconds and the process's peak / current RSS after it recorded."
    def run(r, ctx):
        c0 = time.process_time(); fn(r, ctx); cpu[name] = round(time.process_time() - c0, 2)
        rss[name] = (round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2), round(_rss_now(), 2))
    return run
stages = tuple((k, timed(k, model_free if k == 'model' and not with_model else f)) for k, f in runner.STAGES)
l0 = os.getloadavg(); t, c = time.perf_counter(), time.process_time()
pr = cProfile.Profile() if prof else None
if pr: pr.enable()
r = runner.run_backtest(cfg, save=False, stages=stages)
if pr: pr.disable()
wall = time.perf_counter() - t
print(json.dumps(dict(size=f"{n}x{T}", rows=int(len(r.features)), wall=round(wall, 1), cpu=round(time.process_time() - c, 1),
                      rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
                      load_before=[round(x, 1) for x in l0], load_after=[round(x, 1) for x in os.getloadavg()],
                      timings=r.timings, cpu_by_stage=cpu, rss_peak_now_by_stage=rss, code=os.path.dirname(runner.__file__), extra=extra, profiled=bool(prof),
                      config=base, n_jobs=jobs, model='fitted' if with_model else 'model-free')), flush=True)
if pr:
    s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats('cumulative').print_stats(prof); print(s.getvalue())
'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--sizes', nargs='+', default=['750x2520'])
    ap.add_argument('--profile', type=int, default=0, help='print the N largest cumulative cProfile entries')
    ap.add_argument('--with-model', action='store_true', help="fit the config's model (the whole run) instead of the model-free score path")
    ap.add_argument('--config', default='', help="a YAML to start from: a shipped name ('large') or a path; '' = RunConfig()")
    ap.add_argument('--n-jobs', type=int, default=1, help='model-stage workers (with --with-model)')
    ap.add_argument('--signal', default='ret_20'); ap.add_argument('--set', nargs='*', default=[], help='extra flat overrides key=value (JSON values)')
    a = ap.parse_args()
    extra = {k: json.loads(v) if v[:1] in '0123456789[{tfn"-' else v for k, v in (s.split('=', 1) for s in a.set)}
    print(f"cpus={os.cpu_count()} load={os.getloadavg()} sizes={a.sizes} extra={extra}", flush=True)
    for s in a.sizes: subprocess.run([sys.executable, '-c', CHILD, *s.split('x'), str(a.profile), json.dumps(extra), a.signal, a.config, str(a.n_jobs), '1' if a.with_model else '0'], check=True)
