"""Benchmark: synthetic market + build_panel at 300 x 1260 and 3000 x 2520 (wall and CPU time, peak memory).

CPU time is printed next to wall time because the dev machine is shared: when it is loaded, wall >> CPU.

Run by hand: `python bench/bench_panel.py [--sizes 300x1260,3000x2520]`. Prints numbers; asserts nothing.
Peak memory is the process's peak resident set size (resource.getrusage), measured in a fresh subprocess per size,
plus tracemalloc's peak of Python-tracked allocations (numpy and pandas buffers included).
"""
import argparse, json, subprocess, sys

CHILD = r'''
import json, resource, sys, time, tracemalloc
n, t, trace = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == '1'
from quantlab.data import synthetic_market
from quantlab.panel import build_panel
if trace: tracemalloc.start()   # slows allocation-heavy code: timings with --trace are not representative
c0 = time.process_time(); t0 = time.perf_counter(); raw, market = synthetic_market(n_symbols=n, n_days=t, seed=0)
c1 = time.process_time(); t1 = time.perf_counter(); panel, report = build_panel(raw, top_n=300, return_report=True)
t2 = time.perf_counter(); c2 = time.process_time()
peak_py = tracemalloc.get_traced_memory()[1] if trace else float('nan')
print(json.dumps(dict(n_symbols=n, n_days=t, rows=len(panel), synthetic_s=t1 - t0, build_panel_s=t2 - t1, total_s=t2 - t0, synthetic_cpu_s=c1 - c0, build_panel_cpu_s=c2 - c1,
                      peak_traced_gb=peak_py / 1e9, peak_rss_gb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6)))
'''

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--sizes', default='300x1260,3000x2520')
    ap.add_argument('--trace', action='store_true', help='also report tracemalloc peak (slower)')
    args = ap.parse_args()
    for size in args.sizes.split(','):
        n, t = size.split('x')
        out = subprocess.run([sys.executable, '-c', CHILD, n, t, '1' if args.trace else '0'], capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['n_symbols']:>5} x {r['n_days']:<5} rows {r['rows']:>9,}  synthetic {r['synthetic_s']:6.2f}s  "
              f"build_panel {r['build_panel_s']:6.2f}s  total {r['total_s']:6.2f}s wall "
              f"(CPU: synthetic {r['synthetic_cpu_s']:.2f}s, build_panel {r['build_panel_cpu_s']:.2f}s)  "
              f"peak RSS {r['peak_rss_gb']:.2f} GB  peak traced {r['peak_traced_gb']:.2f} GB")

if __name__ == '__main__':
    main()
