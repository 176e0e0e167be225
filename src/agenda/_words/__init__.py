"""Wording: one language list and one catalog for every line agenda writes.

`catalog` is the way in: the language list, the messages of problems (`render_message`)
and every other text by area (`words_of`), in Korean and English, kept in `problems`,
`spec`, `parse`, `edits`, `commands` and `phrases` (the messages, and what a line starts
with), `summaries` (a diff, running late, the log, the report) and `pages` (the
published pages); `labels` holds the words of the printed tables, `rules` a repeat rule
told in words.
"""
