"""Site pages: every page of the site per language (stories, front pages, listings, tags, cases,
search, legal pages), written as HTML or Markdown, and what frames each page in its language."""
