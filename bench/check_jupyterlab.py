"""Open an executed (untrusted) report in a real JupyterLab in headless Chromium and count the charts it draws.

Usage (from the repository root):
    papermill nbs/backtest.ipynb out.ipynb -p days 60
    python bench/check_jupyterlab.py out.ipynb [--screenshots prefix]

Starts `jupyter lab --no-browser` on 127.0.0.1 with the token off, in a scratch root holding a copy of the notebook,
with a scratch settings dir that turns JupyterLab's cell windowing off (otherwise cells out of view are not rendered
and cannot be counted). papermill output is untrusted, so no script in it runs: a chart draws only if its output
carries the plotly mimetype, which JupyterLab renders with its plotly extension. Chromium runs with the network off
(bench/check_report_html.py). Prints the figure outputs in the notebook, the plotly plots JupyterLab drew, and the
requests that left the machine; exit 1 unless every figure drew. Screenshots: the first screen and the whole page.
"""
import argparse, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_report_html import Chromium, LOCAL

MIME = 'application/vnd.plotly.v1+json'
COUNT_JS = """JSON.stringify({plots: document.querySelectorAll('.jp-RenderedPlotly').length,
  drawn: [...document.querySelectorAll('.jp-RenderedPlotly')].filter(p => p.querySelector('.main-svg')).length,
  cells: document.querySelectorAll('.jp-Cell').length, outputs: document.querySelectorAll('.jp-OutputArea-output').length,
  untrusted_html_outputs: document.querySelectorAll('.jp-RenderedHTMLCommon.jp-OutputArea-output:not(.jp-mod-trusted)').length})"""

def free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('notebook'); ap.add_argument('--screenshots', default=None)
    ap.add_argument('--timeout', type=float, default=240)
    a = ap.parse_args()
    nb = json.loads(Path(a.notebook).read_text())
    expected = sum(MIME in o.get('data', {}) or 'Plotly.newPlot' in str(o.get('data', {}).get('text/html', ''))
                   for c in nb['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', []))
    root, settings = tempfile.mkdtemp(prefix='qlab-root-'), tempfile.mkdtemp(prefix='qlab-settings-')
    shutil.copy(a.notebook, Path(root) / 'report.ipynb')
    tracker = Path(settings) / '@jupyterlab' / 'notebook-extension'; tracker.mkdir(parents=True)
    (tracker / 'tracker.jupyterlab-settings').write_text(json.dumps({'windowingMode': 'none'}))
    port = free_port()
    env = {**os.environ, 'JUPYTERLAB_SETTINGS_DIR': settings, 'JUPYTER_CONFIG_DIR': tempfile.mkdtemp(prefix='qlab-cfg-')}
    lab = subprocess.Popen([sys.executable, '-m', 'jupyter', 'lab', '--no-browser', f'--port={port}', '--ip=127.0.0.1',
                            '--IdentityProvider.token=', '--ServerApp.password=', '--ServerApp.disable_check_xsrf=True',
                            f'--ServerApp.root_dir={root}', '--allow-root'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(240):
            try: urllib.request.urlopen(f'http://127.0.0.1:{port}/api/status', timeout=2); break
            except OSError: time.sleep(0.5)
        with Chromium(1400, 900) as br:
            br.call('Page.navigate', url=f'http://127.0.0.1:{port}/lab/tree/report.ipynb')
            end, st, last, since = time.time() + a.timeout, {}, None, time.time()
            while time.time() < end:
                br.pump(1.0)
                st = json.loads(br.evaluate(COUNT_JS) or '{}')
                if (st.get('plots'), st.get('drawn')) != last: last, since = (st.get('plots'), st.get('drawn')), time.time()
                elif st.get('drawn', 0) >= expected or (st.get('drawn') and time.time() - since > 20): break
            if a.screenshots:
                br.screenshot(f'{a.screenshots}_first.png')
                br.evaluate("document.querySelectorAll('.jp-RenderedPlotly')[0]?.scrollIntoView()"); br.pump(2)
                br.screenshot(f'{a.screenshots}_scrolled.png')
            remote = [u for u in br.requests() if not u.startswith(LOCAL)]
    finally:
        lab.terminate()
        try: lab.wait(15)
        except subprocess.TimeoutExpired: lab.kill()
        for d in (root, settings): shutil.rmtree(d, ignore_errors=True)
    print(json.dumps(dict(expected=expected, **st, network_requests=remote), indent=1))
    ok = expected and st.get('drawn') == expected
    print(f"JupyterLab drew {st.get('drawn')} of {expected} charts of the untrusted notebook ({'OK' if ok else 'FAIL'}); "
          f"requests to the network: {len(remote)}")
    sys.exit(0 if ok else 1)

if __name__ == '__main__':
    main()
