"""The commands of ``agenda`` (see `agenda.cli`), one module per group of commands:
`check` (check, table, demo), `feeds` (ics, publish, schedule), `spec` (new, schema),
`changes` (diff, late), `edit`, `day` (log, report) and `parse`; `output` and `common`
hold what they share."""
