"""Local preview of the docs site: each chapter executed and exported to HTML the way the site shows it, checked in Chromium.

Usage (from the repository root; Quarto is not needed):
    python bench/check_docs_preview.py                 # every chapter (minutes)
    python bench/check_docs_preview.py 17_plots 05_cv  # some chapters
    python bench/check_docs_preview.py --out _docs/preview  # where the pages go (the default; _docs/ is git-ignored)

The site (deploy workflow) executes every notebook in `nbs/` in place with IN_TEST=1 (the outputs are never
committed), then `nbdev_docs` processes them (`#| hide` cells dropped, show_doc added) and Quarto renders the outputs.
This script executes each chapter the same way (nbclient, in `nbs/`, same environment, the notebook on disk left
untouched), drops the cells the site hides and writes the page with its code (`preview_html`, nbconvert's lab
template: the site's show_doc blocks and theme are not reproduced, its outputs are). Each page is opened in headless
Chromium (network off, bench/check_report_html.py): exit 1 if a chapter fails to execute or a chart does not draw.
(`nbdev_proc_nbs` itself needs Quarto: without it, it tries to install Quarto with sudo and then pip-installs the
repository in editable mode, repointing the environment's quantlab; do not run it on a shared machine.)
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
    "Execute a chapter in its folder (a copy in memory) with the docs build's environment (IN_TEST=1, no browser check)."
    from nbclient import NotebookClient
    nb = nbformat.read(str(nb_path), as_version=4)
    os.environ.update(IN_TEST='1', QUANTLAB_SKIP_BROWSER='1', PLOTLY_RENDERER='plotly_mimetype+notebook')   # as the deploy workflow
    NotebookClient(nb, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(Path(nb_path).parent)}}).execute()
    return nb

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('chapters', nargs='*'); ap.add_argument('--out', default='_docs/preview')
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    nbs, out = root / 'nbs', root / a.out; out.mkdir(parents=True, exist_ok=True)
    chapters = sorted(p for p in nbs.glob('*.ipynb') if not a.chapters or p.stem in a.chapters)
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
