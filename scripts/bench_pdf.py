"""Time the PDF reader over a folder of PDFs (default ../shared/corpus/raw).

    python3 scripts/bench_pdf.py [FOLDER] [--blocks N]

Prints one line per file: pages, seconds to read, seconds per page, seconds for the whole
ingest of that file (read, extract, normalise: what the 3 s budget is about), and the kind
found (pdf-flyer, pdf-slides) or the error; then the totals. With --blocks N, also the first N blocks of each
file (kind, rel_size, first 80 characters). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.ingest import process_source  # noqa: E402
from pipeline.readers.pdf import PdfError, read_pdf  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"


def is_pdf(path: Path) -> bool:
    """A PDF by content (the signature in the first KB), whatever the file is called."""
    with path.open("rb") as f:
        return b"%PDF" in f.read(1024)


def page_count(data: bytes) -> int | None:
    """Pages of a PDF the reader refused (to report s/page anyway); None when unknown."""
    try:
        from io import BytesIO

        import pdfplumber

        with pdfplumber.open(BytesIO(data)) as pdf:
            return len(pdf.pages)
    except Exception:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--blocks", type=int, default=0, help="also show the first N blocks of each file")
    args = ap.parse_args(argv)
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and is_pdf(p))
    if not files:
        print(f"no PDF files under {args.folder}")
        return 1
    width = max(len(p.name) for p in files)
    print(f"{'file':<{width}}  {'pages':>5}  {'read s':>7}  {'s/page':>7}  {'ingest s':>8}  result")
    total_s = total_ingest = 0.0
    total_pages = 0
    details = []
    for path in files:
        data = path.read_bytes()
        t = time.perf_counter()
        try:
            doc = read_pdf(data)
            result = doc.meta["pdf_kind"]
            pages = doc.meta["pages"]
            if doc.meta.get("slides"):
                result += f" ({len(doc.meta['slides'])} slides)"
            details.append((path.name, doc))
        except PdfError as e:
            result = f"ERROR {e}"
            pages = None
        dt = time.perf_counter() - t
        if pages is None:
            pages = page_count(data)
        total_s += dt
        total_pages += pages or 0
        per = f"{dt / pages:7.3f}" if pages else f"{'-':>7}"
        t = time.perf_counter()
        process_source(path.parent, path)
        whole = time.perf_counter() - t
        total_ingest += whole
        shown_pages = pages if pages is not None else "-"
        print(f"{path.name:<{width}}  {shown_pages:>5}  {dt:7.3f}  {per}  {whole:8.3f}  {result}")
    per_total = f"{total_s / total_pages:7.3f}" if total_pages else f"{'-':>7}"
    print(f"{'TOTAL (' + str(len(files)) + ' files)':<{width}}  {total_pages:>5}  {total_s:7.3f}  {per_total}  "
          f"{total_ingest:8.3f}")
    if args.blocks:
        for name, doc in details:
            print(f"\n== {name}  {doc.meta['pdf_kind']}  warnings: {doc.warnings or '-'}")
            for b in doc.blocks[: args.blocks]:
                kind = f"{b.kind}{b.level or ''}"
                text = b.text.replace("\n", " / ")[:80]
                print(f"  {kind:<9} p{b.layout['page']:<3} rel {b.layout['rel_size']:<5.2f} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
