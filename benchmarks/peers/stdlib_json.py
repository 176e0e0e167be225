"""The floor for `agenda table --format json`: tomllib + zoneinfo + json."""

import json
import sys

from _common import out, read, rows

records = [{
    "no": number, "title": item["title"], "start": start.isoformat(), "end": end.isoformat(),
    "minutes": int(end.timestamp() - start.timestamp()) // 60, "depth": depth,
    "presenter": item.get("presenter"), "notes": item.get("notes"),
    "kind": item.get("kind", "talk"), "id": item.get("id"), "path": path,
} for number, depth, path, item, start, end in rows(read(sys.argv[1]))]
out(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
