"""Open an executed report's HTML export in headless Chromium, offline, and check that every chart rendered.

Usage (from the repository root, after the report has run):
    papermill nbs/backtest.ipynb out.ipynb -p days 60
    jupyter nbconvert --to html out.ipynb
    python bench/check_report_html.py out.html [--screenshot report.png]

Needs Debian's `chromium` (apt-get install chromium). Chromium starts with background networking off and a fresh
profile; the page has no network to load plotly.js from, so a chart only renders if plotly.js is embedded. The script
counts the figure divs in the HTML and the rendered plots in the DOM after JavaScript ran, and exits 1 if they differ.
"""
import argparse, re, shutil, subprocess, sys, tempfile
from pathlib import Path

FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--virtual-time-budget=15000']

def chromium(*args, profile):
    exe = shutil.which('chromium') or shutil.which('chromium-browser')
    if exe is None: sys.exit('chromium not found: apt-get install chromium')
    return subprocess.run([exe, *FLAGS, f'--user-data-dir={profile}', *args], capture_output=True, text=True, timeout=180)

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('html'); ap.add_argument('--screenshot', default=None)
    a = ap.parse_args()
    src = Path(a.html).read_text(encoding='utf-8')
    expected = len(re.findall(r'Plotly\.newPlot\(', src))
    with tempfile.TemporaryDirectory() as prof:
        dom = chromium('--dump-dom', Path(a.html).resolve().as_uri(), profile=prof).stdout
        rendered = len(re.findall(r'class="plot-container plotly"', dom))   # one container per drawn figure
        if a.screenshot:
            chromium(f'--screenshot={Path(a.screenshot).resolve()}', '--window-size=1280,2400', Path(a.html).resolve().as_uri(), profile=prof)
    print(f'figures in the HTML: {expected}; rendered by Chromium offline: {rendered}')
    sys.exit(0 if expected and rendered >= expected else 1)

if __name__ == '__main__':
    main()
