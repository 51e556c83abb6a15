"""What the press room knows about its languages: word rates, page-furniture labels, function
words, the language identifier, slugs, facts about text and its own words in each language."""
