"""Pressroom: turns press clippings into a bilingual static press room.

The pipeline, one module per stage, none of them aware of MkDocs:

    reading    bytes on disk      -> Source (text, editor frontmatter, line numbers)
    cleaning   Source             -> Cleaned (body without noise, every removal recorded)
    inference  Source + Cleaned   -> Article (each field with its provenance)
    ingest     a folder of seeds  -> articles, problems and the editor's report

Only ``plugin.py`` and ``config.py`` know MkDocs.
"""
