"""Scaling of the default `run_backtest` with the number of names (run by hand; prints numbers, asserts nothing).

    python bench/bench_scale.py --sizes 750x2520 3000x2520 [--n-jobs 2] [--parallel] [--set cv_every=3] [--config large]

Each size runs in its own Python process (so its peak RSS is its own): the default config with `n_symbols` x `n_days`,
`top_n` = 75% of the names, `days=250`, not saved (`--config NAME|PATH`: start from that YAML instead of the defaults). Printed per size: wall, CPU (process + workers), peak RSS of the main
process and of the largest worker, the per-stage timings and the load average before and after. With `--parallel` the
sizes run at the same time (one load regime for both, so their ratio is fairer on a shared machine; each slows the other).
"""
import argparse, json, os, resource, subprocess, sys, time

CHILD = r'''
import json, os, resource, sys, tempfile, time
from quantlab.config import RunConfig, with_overrides, load_config
from quantlab.runner import run_backtest
n, T, jobs, extra, base = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
cfg = with_overrides(load_config(base) if base else RunConfig(), n_symbols=n, n_days=T, top_n=int(0.75 * n), days=250, n_jobs=jobs, progress=False,
                     out_dir=tempfile.mkdtemp(prefix='bench_scale_'), **extra)
l0 = os.getloadavg(); t, c = time.perf_counter(), time.process_time()
r = run_backtest(cfg, save=False)
wall = time.perf_counter() - t
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps(dict(size=f"{n}x{T}", rows=int(len(r.features)), wall=round(wall, 1), cpu_main=round(time.process_time() - c, 1),
                      cpu_workers=round(ch.ru_utime + ch.ru_stime, 1), rss_main_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
                      rss_worker_gb=round(ch.ru_maxrss / 2**20, 2), load_before=[round(x, 1) for x in l0],
                      load_after=[round(x, 1) for x in os.getloadavg()], timings=r.timings, extra=extra,
                      sharpe=float(r.metrics.loc['sharpe', 'net']) if 'sharpe' in r.metrics.index else None,
                      oos_ic=float(r.tables['ic_stats'].loc['mean_ic', 'oos_ic']) if 'ic_stats' in r.tables else None, config=base,
                      model_fit_cpu=r.reports.get('model', {}).get('fit_cpu_seconds'), worker_busy=r.reports.get('model', {}).get('worker_busy'))), flush=True)
'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--sizes', nargs='+', default=['750x2520', '3000x2520'])
    ap.add_argument('--n-jobs', type=int, default=2); ap.add_argument('--parallel', action='store_true')
    ap.add_argument('--set', nargs='*', default=[], help='extra flat overrides key=value (JSON values)')
    ap.add_argument('--config', default='', help="a YAML to start from: a shipped name ('large') or a path; '' = RunConfig()")
    a = ap.parse_args()
    extra = {k: json.loads(v) if v[:1] in '0123456789[{tfn"-' else v for k, v in (s.split('=', 1) for s in a.set)}
    cmds = [[sys.executable, '-c', CHILD, *s.split('x'), str(a.n_jobs), json.dumps(extra), a.config] for s in a.sizes]
    print(f"cpus={os.cpu_count()} load={os.getloadavg()} sizes={a.sizes} n_jobs={a.n_jobs} parallel={a.parallel} extra={extra} config={a.config!r}", flush=True)
    if a.parallel:
        procs = [subprocess.Popen(c) for c in cmds]; [p.wait() for p in procs]
    else:
        for c in cmds: subprocess.run(c, check=True)
