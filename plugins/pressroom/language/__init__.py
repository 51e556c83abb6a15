"""What the press room knows about its languages: word rates, page-furniture labels, function
words, the language identifier, slugs, facts about text and its own words in each language."""

# The press room's languages, the first the default: every page, feed and catalog is in each.
LANGUAGES = ("en", "de")
