"""Open a report page in headless Chromium with the network off, and check what a reader would see.

Usage (from the repository root, after the report has run):
    papermill nbs/backtest.ipynb out.ipynb -p days 60
    python -c "from quantlab.report import export_html; export_html('out.ipynb', 'report.html')"
    python bench/check_report_html.py report.html [--screenshot first_screen.png]

Needs Debian's `chromium` (apt-get install chromium) and `websocket-client`. Chromium starts headless with a fresh
profile, background networking off and every non-loopback request sent to a dead proxy, so nothing can load from the
network; the DevTools protocol records every request the page *attempts* (`Network.requestWillBeSent`), counts the
plotly figures in the page and those plotly.js actually drew (a `.js-plotly-plot` with its `.main-svg`), and measures
where the verdict banner (`.quantlab-verdict`) sits. Exit status 1 when a figure did not draw, a request was attempted,
or the verdict is below the first viewport (1280 x 800).

`check_page(url)` is the same check as a function (18_report's test and bench/check_jupyterlab.py use it).
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

FLAGS = ['--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
         '--disable-default-apps', '--metrics-recording-only', '--mute-audio', '--hide-scrollbars',
         '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=127.0.0.1;localhost',  # non-loopback traffic goes nowhere
         '--remote-allow-origins=*', '--remote-debugging-port=0']
LOCAL = ('file:', 'data:', 'blob:', 'about:', 'chrome', 'devtools:', 'http://127.0.0.1', 'http://localhost', 'ws://127.0.0.1', 'ws://localhost')
DRAWN_JS = """(() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const v = document.querySelector(SELECTOR);
  return JSON.stringify({expected: document.querySelectorAll('.plotly-graph-div').length, plots: plots.length,
    drawn: plots.filter(p => p.querySelector('.main-svg')).length, empty_boxes: plots.filter(p => !p.querySelector('.main-svg')).length,
    verdict_top: v ? v.getBoundingClientRect().top + window.scrollY : null, verdict_text: v ? v.innerText.slice(0, 200) : null,
    plotly: typeof window.Plotly, height: document.documentElement.scrollHeight});
})()"""

def find_chromium():
    "Path of a Chromium executable, or None."
    return shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')

class Chromium:
    "Headless Chromium with the network off, driven over the DevTools protocol (one page)."
    def __init__(self, width=1280, height=800):
        import websocket  # websocket-client
        exe = find_chromium()
        if exe is None: raise RuntimeError('chromium not found: install it (apt-get install -y chromium; .ci/run does) to run the browser checks')
        self.profile = tempfile.mkdtemp(prefix='quantlab-chromium-')
        root = ['--no-sandbox'] if hasattr(os, 'geteuid') and os.geteuid() == 0 else []
        self.proc = subprocess.Popen([exe, *FLAGS, *root, f'--user-data-dir={self.profile}', f'--window-size={width},{height}', 'about:blank'],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / 'DevToolsActivePort'
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip(): break
            time.sleep(0.1)
        else: self.close(); raise RuntimeError('chromium did not open its DevTools port within 30 s')
        port = int(port_file.read_text().split()[0])
        for _ in range(100):
            try: pages = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/json/list')); break
            except OSError: time.sleep(0.1)
        page = next(p for p in pages if p.get('type') == 'page')
        self.ws = websocket.create_connection(page['webSocketDebuggerUrl'], timeout=120, suppress_origin=True)
        self.n, self.events = 0, []
        for m in ('Network.enable', 'Page.enable', 'Runtime.enable'): self.call(m)
        self.call('Emulation.setDeviceMetricsOverride', width=width, height=height, deviceScaleFactor=1, mobile=False)
    def call(self, method, **params):
        self.n += 1; self.ws.send(json.dumps(dict(id=self.n, method=method, params=params)))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get('id') == self.n:
                if 'error' in msg: raise RuntimeError(f'{method}: {msg["error"]}')
                return msg.get('result', {})
            self.events.append(msg)
    def pump(self, seconds):
        "Collect events for `seconds`."
        end = time.time() + seconds; self.ws.settimeout(0.2)
        while time.time() < end:
            try: self.events.append(json.loads(self.ws.recv()))
            except Exception: pass
        self.ws.settimeout(120)
    def evaluate(self, js):
        return self.call('Runtime.evaluate', expression=js, returnByValue=True).get('result', {}).get('value')
    def requests(self):
        "Every URL the page tried to fetch."
        return [e['params']['request']['url'] for e in self.events if e.get('method') == 'Network.requestWillBeSent']
    def screenshot(self, path, full=False):
        r = self.call('Page.captureScreenshot', format='png', captureBeyondViewport=full)
        Path(path).write_bytes(base64.b64decode(r['data']))
    def close(self):
        try: self.ws.close()
        except Exception: pass
        if getattr(self, 'proc', None) is not None:
            self.proc.terminate()
            try: self.proc.wait(10)
            except subprocess.TimeoutExpired: self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
    def __enter__(self): return self
    def __exit__(self, *a): self.close()

def wait_drawn(br, selector, timeout=90, settle=3.0):
    "Poll the page until the drawn-figure count stops changing (or `timeout`), return the last state."
    js = DRAWN_JS.replace('SELECTOR', json.dumps(selector))
    last, since, end = None, time.time(), time.time() + timeout
    while time.time() < end:
        br.pump(0.5)
        st = json.loads(br.evaluate(js) or '{}')
        key = (st.get('plots'), st.get('drawn'))
        if key != last: last, since = key, time.time()
        elif st.get('drawn') and time.time() - since > settle: break
    return st

def check_page(url, selector='.quantlab-verdict', screenshot=None, full_screenshot=None, viewport=(1280, 800), timeout=90):
    "Open `url` offline; return figures expected/drawn, requests attempted to the network, verdict position."
    with Chromium(*viewport) as br:
        br.call('Page.navigate', url=url)
        st = wait_drawn(br, selector, timeout)
        if screenshot: br.screenshot(screenshot)
        if full_screenshot: br.screenshot(full_screenshot, full=True)
        reqs = br.requests()
    st['network_requests'] = [u for u in reqs if not u.startswith(LOCAL)]
    st['requests'] = len(reqs); st['viewport_height'] = viewport[1]
    st['verdict_in_first_viewport'] = st.get('verdict_top') is not None and st['verdict_top'] < viewport[1]
    return st

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('html'); ap.add_argument('--screenshot', default=None)
    ap.add_argument('--full-screenshot', default=None)
    a = ap.parse_args()
    st = check_page(Path(a.html).resolve().as_uri(), screenshot=a.screenshot, full_screenshot=a.full_screenshot)
    print(json.dumps({k: v for k, v in st.items() if k != 'verdict_text'}, indent=1))
    ok = st['expected'] and st['drawn'] == st['expected'] and not st['network_requests'] and st['verdict_in_first_viewport']
    print(f"figures in the page: {st['expected']}; drawn by Chromium offline: {st['drawn']}; network requests attempted: "
          f"{len(st['network_requests'])}; verdict at {st['verdict_top']} px (viewport {st['viewport_height']} px): {'OK' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)

if __name__ == '__main__':
    main()
