"""Print the reference meeting to PDF (A4, through WeasyPrint) and rasterise page 1.

    python examples/print_reference_pdf.py [OUT_DIR]             # reference-agenda.pdf + .png
    python examples/print_reference_pdf.py --png-only docs       # refresh docs/reference-agenda.png

Needs the ``agenda[pdf]`` extra, a font with Korean glyphs (e.g. fonts-nanum) and
poppler's ``pdftoppm`` for the PNG.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import agenda


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=".", type=Path)
    parser.add_argument("--png-only", action="store_true", help="keep only the PNG")
    args = parser.parse_args()
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)

    timetable = agenda.layout(agenda.reference_meeting())
    try:
        data = agenda.to_pdf(timetable)
    except agenda.AgendaError as exc:
        print(f"no PDF on this machine: {exc}")
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        pdf_dir = Path(scratch) if args.png_only else out_dir
        pdf = pdf_dir / "reference-agenda.pdf"
        agenda.write_atomic(pdf, data)
        if not args.png_only:
            print(f"wrote {pdf} ({len(data)} bytes)")
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            print("pdftoppm (poppler-utils) is not installed: no PNG")
            return 0
        png_stem = Path(scratch) / "page"
        subprocess.run([pdftoppm, "-png", "-r", "80", "-singlefile", str(pdf), str(png_stem)],
                       check=True)
        png = out_dir / "reference-agenda.png"
        agenda.write_atomic(png, png_stem.with_suffix(".png").read_bytes())
        print(f"wrote {png} (page 1 at 80 dpi)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
