"""Pressroom: turns press clippings into a bilingual static press room.

The packages are the stages, in the order ``build.build`` runs them; none of them imports
MkDocs:

    sources     files of seeds/         -> Source (text, editor frontmatter, line numbers)
    cleaning    Source                  -> Cleaned (body without noise, every removal recorded)
    inference   Source + Cleaned        -> Article (each field with its provenance)
    stories     articles + registries   -> the Edition (stories, tags, translations, cases)
    pages       the Edition             -> every SitePage per language, with its address
    outputs     the Edition             -> feeds, JSON exports, structured data
    publishing  the pages as written    -> sitemap, search index; the check of a built site
    report      outcomes and problems   -> the editor's report and desk

``language`` holds what every stage knows about English and German, ``addresses`` the one
scheme of paths and URLs, ``model`` and ``problems`` the shared data. Only ``plugin.py``
(the engine's events), ``config.py`` (its options) and ``theme_adapter.py`` (what the theme
needs changed) know MkDocs, through ``engine.py``.
"""
