"""Local preview of the docs site: each chapter executed and exported to HTML the way the site shows it, checked in Chromium.

Usage (from the repository root; Quarto is not needed):
    python bench/check_docs_preview.py                 # every chapter (minutes)
    python bench/check_docs_preview.py 17_plots 05_cv  # some chapters
    python bench/check_docs_preview.py --out _docs/preview  # where the pages go (the default; _docs/ is git-ignored)

The site is built by `nbdev_docs` (deploy workflow): `nbdev_proc_nbs` turns `nbs/` into `_proc/` (directives become
Quarto cell options, `#| hide` cells become `include: false`), then Quarto executes each notebook (nbs/_quarto.yml
`execute: enabled: true`, with IN_TEST=1 as the workflow sets it) and renders its outputs. This script does the same
with the tools installed here: nbdev's `proc_nbs` (the processing step of `nbdev_proc_nbs`, which itself first tries
to install Quarto with sudo), then nbclient executes each processed chapter in `_proc/` with the
environment the workflow uses, drops the cells Quarto would not show, and nbconvert writes the page with its code
(`preview_html`). Each page is opened in headless Chromium (network off, bench/check_report_html.py): exit 1 if a
chapter fails to execute or a chart on its page does not draw.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path
import nbformat
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_report_html import check_page, find_chromium

HIDDEN = ('#| include: false', '#| hide', '#|include: false', '#| echo: false')

def site_cells(nb):
    "The notebook as the site shows it: cells Quarto leaves out dropped (include: false / hide)."
    nb = nbformat.from_dict(nb)
    nb.cells = [c for c in nb.cells if not any(l.strip().startswith(HIDDEN) for l in c.source.splitlines()[:5])]
    return nb

def preview_html(nb, path):
    "Write `nb` (executed) as a page with code shown, the way a docs chapter looks; returns the path."
    from nbconvert import HTMLExporter
    nb = site_cells(nb if isinstance(nb, nbformat.NotebookNode) else nbformat.read(str(nb), as_version=4))
    nb.metadata.pop('widgets', None)
    page, _ = HTMLExporter(template_name='lab').from_notebook_node(nb)
    Path(path).write_text(page, encoding='utf-8')
    return Path(path)

def execute(nb_path, timeout=1800):
    "Execute a processed chapter in its folder with the docs build's environment (IN_TEST=1, no browser check)."
    from nbclient import NotebookClient
    nb = nbformat.read(str(nb_path), as_version=4)
    os.environ.update(IN_TEST='1', QUANTLAB_SKIP_BROWSER='1')
    NotebookClient(nb, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(Path(nb_path).parent)}}).execute()
    return nb

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('chapters', nargs='*'); ap.add_argument('--out', default='_docs/preview')
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    os.chdir(root)
    from nbdev.serve import proc_nbs   # the processing step of nbdev_proc_nbs, which first installs Quarto when it is missing
    proc_nbs(str(root / 'nbs'), n_workers=0)
    proc, out = root / '_proc', root / a.out; out.mkdir(exist_ok=True)
    chapters = sorted(p for p in proc.glob('*.ipynb') if not a.chapters or p.stem in a.chapters)
    if find_chromium() is None: sys.exit('chromium not found: apt-get install -y chromium')
    bad, rows = [], []
    for p in chapters:
        t = time.time()
        try: nb = execute(p)
        except Exception as e: bad.append(p.stem); rows.append(dict(chapter=p.stem, error=str(e).splitlines()[0][:200])); continue
        page = preview_html(nb, out / f'{p.stem}.html')
        st = check_page(page.resolve().as_uri(), selector='h1', timeout=60)
        ok = st['drawn'] == st['expected']
        if not ok: bad.append(p.stem)
        rows.append(dict(chapter=p.stem, seconds=round(time.time() - t), figures=st['expected'], drawn=st['drawn'],
                         network_requests=len(st['network_requests']), mb=round(page.stat().st_size / 1e6, 2)))
        print(json.dumps(rows[-1]), flush=True)
    print(f"{len(chapters) - len(bad)} of {len(chapters)} chapters executed with every chart drawn" + (f"; failed: {bad}" if bad else ''))
    sys.exit(1 if bad else 0)

if __name__ == '__main__':
    main()
