"""Wording: one language list and one catalog for every line agenda writes.

`catalog` holds the messages (problems, summaries, page text) in Korean and English,
`labels` the words of the printed tables, `rules` a repeat rule told in words.
"""
