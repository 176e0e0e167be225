"""The spec: the files people write (TOML, JSON) and what is written back.

`read` reads a spec into a meeting (one TOML grammar; `tables` reads its tables, `values`
each key's value, `duplicates` finds a JSON key given twice), `source` holds a spec as read
from a file or standard input (one rule tells JSON from TOML), `lines` finds the line of
each problem in it, `dump` writes a meeting as a spec; `keys` is the table of every key
(the contract the schema and the docs are made from); `schema` the JSON Schema;
`rewrite` an edit written back into the user's own file; `toml_writer` how the dump and
the rewrite write each key in TOML (the one writer); `templates` the meetings
`agenda new` starts from.
"""

from .dump import dump_json, dump_toml, to_dict
from .lines import problem_lines
from .read import (
    AUDIENCE_NAME,
    ITEM_KEYS,
    MEETING_KEYS,
    decode_spec,
    from_dict,
    load_json,
    load_toml,
    loads,
)

__all__ = ["AUDIENCE_NAME", "ITEM_KEYS", "MEETING_KEYS", "decode_spec", "dump_json",
           "dump_toml", "from_dict", "load_json", "load_toml", "loads", "problem_lines",
           "to_dict"]
