"""The editor's report: every source, what was inferred and removed, and the desk that shows
what needs attention first."""
