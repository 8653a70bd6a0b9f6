"""The docs build's notebook step, locally and without Quarto: nbdev's own processors on every chapter (run by hand).

Usage (from the repository root):
    python bench/check_docs_proc.py                 # every notebook in nbs/ (about a minute on 2 cores)
    python bench/check_docs_proc.py 11a_optimize    # some

`nbdev_docs` (the deploy workflow) first runs nbdev's processors on each notebook: they drop hidden cells, add a
`show_doc` after every exported symbol and *execute* the exported cells, the cells holding an import and the show_doc
cells, in that order, skipping the rest. A cell that imports something and also tests state made by a cell that
is not executed there, or a signature whose annotation names a class defined later in the chapter, fails the site's
build while `nbdev_test` passes. This runs the same step (`nbdev.serve_drv.exec_nb` with `FilterDefaults`, IN_TEST=1)
into a temporary folder, so it neither installs Quarto nor rewrites `nbs/sidebar.yml` as the `nbdev_proc_nbs` command
does, and prints each failing notebook with the cell and error. Exit 1 if any fails.
"""
import multiprocessing as mp, os, sys, tempfile, traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def proc_one(src: str) -> tuple[str, str | None]:
    "Run nbdev's docs processors on one notebook; the error text, or None."
    os.environ['IN_TEST'] = '1'; os.environ.setdefault('QUANTLAB_SKIP_BROWSER', '1')
    from nbdev.processors import FilterDefaults
    from nbdev.serve_drv import exec_nb
    os.chdir(Path(src).parent)                      # as the docs build: the notebook's folder is the working directory
    try: exec_nb(Path(src), Path(tempfile.mkdtemp(prefix='docs_proc_')) / Path(src).name, FilterDefaults); return src, None
    except Exception as e: return src, ''.join(traceback.format_exception_only(type(e), e))[-2000:]

if __name__ == '__main__':
    nbs = Path('nbs')
    names = sys.argv[1:]
    files = sorted(str(p.resolve()) for p in nbs.glob('*.ipynb') if not names or p.stem in names)
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context('spawn'), max_tasks_per_child=1) as ex:   # a fresh process each, as nbdev
        results = list(ex.map(proc_one, files))
    bad = [(f, e) for f, e in results if e]
    for f, e in bad: print(f"FAIL {Path(f).name}\n{e}\n")
    print(f"{len(files) - len(bad)} of {len(files)} notebooks processed cleanly")
    sys.exit(1 if bad else 0)
