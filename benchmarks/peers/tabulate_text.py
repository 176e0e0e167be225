"""tabulate for `agenda table` (text): a grid of time, item and notes, wide
characters measured with wcwidth (tabulate's WIDE_CHARS_MODE)."""

import sys

import tabulate
from _common import out, read, rows

tabulate.WIDE_CHARS_MODE = True
table = [[f"{start:%H:%M}~{end:%H:%M}" if depth == 0 else "",
          ("  " * depth) + item["title"],
          "\n".join(t for t in (item.get("presenter"), item.get("notes")) if t)]
         for _number, depth, _path, item, start, end in rows(read(sys.argv[1]))]
out(tabulate.tabulate(table, headers=["시간", "내용", "비고"], tablefmt="grid") + "\n")
