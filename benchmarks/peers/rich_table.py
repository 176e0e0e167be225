"""rich for `agenda table` (text): a Table of time, item and notes at 100 columns."""

import io
import sys

from _common import out, read, rows
from rich.console import Console
from rich.table import Table

table = Table("시간", "내용", "비고")
for _number, depth, _path, item, start, end in rows(read(sys.argv[1])):
    table.add_row(f"{start:%H:%M}~{end:%H:%M}" if depth == 0 else "",
                  ("  " * depth) + item["title"],
                  "\n".join(t for t in (item.get("presenter"), item.get("notes")) if t))
buffer = io.StringIO()
Console(file=buffer, width=100, color_system=None, legacy_windows=False).print(table)
out(buffer.getvalue())
