"""Outputs beside the pages: Atom feeds, the JSON exports and their schemas, JSON-LD and Open
Graph."""
