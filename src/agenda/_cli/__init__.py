"""The commands of ``agenda`` (see `agenda.cli`), one module per group of commands:
`check` (check, table, demo), `feeds` (ics, publish, schedule), `spec` (new, schema),
`changes` (diff, late), `edit`, `day` (log, report) and `parse`; `output`, `common` and
`logs` (the log of actual times) hold what they share."""
