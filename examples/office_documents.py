"""Write the agenda as the documents a secretariat mails: HWPX (Hancom Office) and DOCX
(Word), for the reference meeting and the two-day workshop, and check the HWPX with
python-hwpx's validators.

    python examples/office_documents.py [OUT_DIR]
    python examples/office_documents.py --png docs/images   # page 1 of the DOCX, printed
                                                            # by LibreOffice, as PNG

Needs the ``agenda[office]`` extra; the PNG needs LibreOffice (``soffice``) and
poppler's ``pdftoppm``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import agenda

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=".", type=Path)
    parser.add_argument("--png", type=Path, metavar="DIR",
                        help="only write page 1 of each DOCX, printed, as PNG into DIR")
    args = parser.parse_args()
    meetings = {
        "reference": (agenda.layout(agenda.reference_meeting()), "ko"),
        "two-day-workshop": (agenda.layout(agenda.load(HERE / "two-day-workshop.toml")), "en"),
    }
    if args.png is not None:
        return _pngs(meetings, args.png)
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (timetable, lang) in meetings.items():
        try:
            documents = {"docx": agenda.to_docx(timetable, lang=lang),
                         "hwpx": agenda.to_hwpx(timetable, lang=lang)}
        except agenda.AgendaError as exc:  # the office extra is not installed
            print(f"no documents on this machine: {exc}")
            return 0
        for suffix, data in documents.items():
            path = out_dir / f"{name}.{suffix}"
            agenda.write_atomic(path, data)
            print(f"wrote {path} ({len(data)} bytes)")
        _check(documents["hwpx"])
    return 0


def _check(data: bytes) -> None:
    """python-hwpx's package validator and its schema validation of the XML parts."""
    from hwpx.tools.package_validator import validate_package
    from hwpx.tools.validator import validate_document

    package, document = validate_package(data), validate_document(data)
    print(f"  HWPX package valid: {package.ok}, schemas valid: {document.ok}")


def _pngs(meetings: dict[str, tuple[agenda.Timetable, str]], folder: Path) -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        print("LibreOffice (soffice) or pdftoppm is not installed: no PNG")
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, (timetable, lang) in meetings.items():
            source = Path(scratch) / f"{name}.docx"
            source.write_bytes(agenda.to_docx(timetable, lang=lang))
            subprocess.run([soffice, f"-env:UserInstallation={Path(scratch, 'lo').as_uri()}",
                            "--headless", "--convert-to", "pdf", "--outdir", scratch,
                            str(source)], check=True, capture_output=True, timeout=120)
            stem = Path(scratch) / name
            subprocess.run([pdftoppm, "-png", "-r", "80", "-singlefile",
                            str(source.with_suffix(".pdf")), str(stem)], check=True,
                           timeout=60)
            png = folder / f"{name}-docx.png"
            agenda.write_atomic(png, stem.with_suffix(".png").read_bytes())
            print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
