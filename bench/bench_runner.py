"""End-to-end timings (wall and CPU seconds of this process; the machine's load is printed: on a shared box, CPU seconds
are the comparable number) of `run_backtest` and `run_sweep` (run by hand; prints numbers, asserts nothing).

    python bench/bench_runner.py            # default market (300 names x 1260 days), days=60 and days=250, 4-config sweeps
    python bench/bench_runner.py --small    # 60 x 500 market, days=60 and 150 (quick check)
"""
import argparse, os, tempfile, time
from pathlib import Path
import pandas as pd
from quantlab.config import RunConfig, with_overrides
from quantlab.runner import run_backtest, run_sweep

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--small', action='store_true'); ap.add_argument('--skip-sweep', action='store_true')
    a = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix='bench_runner_'))
    size = dict(n_symbols=60, n_days=500, top_n=60) if a.small else {}
    base = with_overrides(RunConfig(), progress=False, out_dir=str(out), **size)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f} market={base.data.n_symbols}x{base.data.n_days} out={out}")
    rows = []
    for days in ((60, 150) if a.small else (60, 250)):  # a 500-day market cannot hold 250 OOS days after training
        cfg = with_overrides(base, days=days)
        t, c = time.perf_counter(), time.process_time(); r = run_backtest(cfg); total, cpu = time.perf_counter() - t, time.process_time() - c
        rows.append(dict(what=f'run_backtest days={days}', seconds=round(total, 1), cpu_seconds=round(cpu, 1),
                         load=round(os.getloadavg()[0], 1), **{k: round(v, 1) for k, v in r.timings.items()}))
        print(rows[-1], flush=True)
    print(pd.DataFrame(rows).set_index('what').T.to_string())
    if a.skip_sweep: return
    grid = [with_overrides(base, days=60, n_buckets=b, max_depth=d) for b in (1, 5) for d in (2, 3)]
    for n in (1, 2):
        t = time.perf_counter(); s = run_sweep(grid, backend='loky', n_jobs=n); total = time.perf_counter() - t
        print(f"run_sweep 4 configs, loky, n_jobs={n}: {total:.1f}s  (verdicts {list(s.verdict)}, dsr {[round(x, 3) for x in s.dsr]})", flush=True)

if __name__ == '__main__': main()
