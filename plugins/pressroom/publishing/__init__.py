"""Publishing: what is made from the pages as written (sitemap, search index, Pagefind files
made reproducible) and the check that a built site is the press room's."""
