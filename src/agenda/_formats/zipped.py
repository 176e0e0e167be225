"""ZIP packages (DOCX, HWPX) without the clock in them."""

from __future__ import annotations

import io
import zipfile

__all__ = ["fixed_times"]

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


def fixed_times(package: bytes) -> bytes:
    """`package` with every entry dated 1980-01-01 00:00, in the same order, each
    compressed as it was (an HWPX's leading ``mimetype`` stays stored), so that the
    same document gives the same bytes whenever it is made."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, _EPOCH)
            info.compress_type = entry.compress_type
            info.external_attr = entry.external_attr
            target.writestr(info, source.read(entry))
    return out.getvalue()
