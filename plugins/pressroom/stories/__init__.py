"""Stories and the edition: articles grouped into stories, reports of one event paired, tags,
translations and cases attached; what one build publishes."""
