"""Wording: one language list and one catalog for every line agenda writes.

`catalog` is the way in: the language list and the messages (problems, summaries, page
text) in Korean and English, kept by area in `problems`, `spec`, `parse`, `edits`,
`commands` and `phrases`; `labels` holds the words of the printed tables, `rules` a
repeat rule told in words.
"""
