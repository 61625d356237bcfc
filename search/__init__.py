"""Search across all of the portal's content.

Apps plug their content in through `search.registry` (one `SearchSource`
per kind of object, in `<app>/search.py`); readers search through
`search.services.search`; the engine is chosen by `SEARCH_BACKEND`
(`search.backends`).
"""
