"""Sources in: the files of seeds/ read into sources (bytes decoded, frontmatter checked, pages,
messages and PDFs taken apart), the registries read, the outcomes of unchanged sources kept."""
