"""Time feature computation and the leak scan on the default synthetic market (300 names x 1260 days).

Run by hand: `python bench/bench_features.py [--seeds 5]`. Prints wall and CPU seconds; asserts nothing on time.
"""
import argparse, time
import pandas as pd
from quantlab.data import synthetic_market
from quantlab.panel import build_panel
from quantlab.features import compute_features
from quantlab.leakage import scan_for_leaks

def timed(label, fn, *a, **kw):
    w, c = time.perf_counter(), time.process_time()
    out = fn(*a, **kw)
    print(f"{label:<48s} wall {time.perf_counter() - w:6.2f} s   cpu {time.process_time() - c:6.2f} s")
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--seeds', type=int, default=0, help='null-market seeds for the false-alarm rate')
    args = ap.parse_args()
    raw, market = synthetic_market(seed=0)
    panel = build_panel(raw)
    print(f"panel: {len(panel):,} rows, {panel.index.get_level_values('symbol').nunique()} symbols, "
          f"{panel.index.get_level_values('date').nunique()} dates")
    f = timed("compute_features (rank, all features)", compute_features, panel)
    timed("compute_features (zscore, sector-neutral)", compute_features, panel, transform='zscore', sector_neutral=True)
    scan = timed("scan_for_leaks (4 cuts, all features)", scan_for_leaks, None, panel)
    timed("scan_for_leaks (precomputed: IC checks only)", scan_for_leaks, f, panel)
    print(f"features: {f.shape[1]}; flagged on seed 0 (alpha_ic=0.03): {sorted(set(scan[scan.verdict == 'flag'].feature))}")
    ic = scan[scan.check == 'ic'].set_index('feature')['value']
    print("mean rank IC with fwd_ret_5:", ', '.join(f"{k} {v:+.4f}" for k, v in ic.items()))
    for seed in range(args.seeds):
        r0, _ = synthetic_market(seed=seed, alpha_ic=0.0)
        sc = scan_for_leaks(None, build_panel(r0))
        print(f"null seed {seed}: flagged {int((sc.verdict == 'flag').sum())} of {int((sc.verdict != 'skip').sum())} checks; "
              f"max |IC| {sc[sc.check == 'ic'].value.abs().max():.4f}")
