"""Speed of the cost-aware book alone (issue 13): N names x 250 decision dates, scores = the planted signal.

    nice -n 10 python bench/bench_optimize_speed.py --names 300 3000 --methods aim optimize
"""
import argparse, subprocess, time
from quantlab.data import synthetic_market
from quantlab.panel import build_panel
from quantlab.config import NeutralizeConfig, PortfolioConfig, TurnoverConfig, CostConfig
from quantlab.turnover import book_from_scores

ap = argparse.ArgumentParser(); ap.add_argument('--names', type=int, nargs='+', default=[300]); ap.add_argument('--methods', nargs='+', default=['aim', 'optimize'])
ap.add_argument('--days', type=int, default=250); a = ap.parse_args()
print('load', subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip(), flush=True)
for n in a.names:
    raw, _, tr = synthetic_market(n_symbols=int(n * 4 / 3), n_days=a.days + 300, seed=0, return_truth=True)
    pan = build_panel(raw, top_n=n, beta_window=252); cal = pan.index.get_level_values('date').unique()
    s = tr.signal[tr.signal.index.get_level_values('date') >= cal[-a.days]].rename('score')
    for m in a.methods:
        t0 = time.perf_counter()
        b = book_from_scores(s, pan, NeutralizeConfig(), PortfolioConfig(method=m), TurnoverConfig(), costs=CostConfig())
        print(f'{n} names (top of {int(n * 4 / 3)}), {len(b.diagnostics)} dates, {m}: {time.perf_counter() - t0:.1f}s '
              f'(solver/step {b.diagnostics.seconds.sum():.1f}s)', flush=True)
print('load', subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip())
