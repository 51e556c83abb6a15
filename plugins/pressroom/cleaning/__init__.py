"""Cleaning: clippings lose their noise, and every removal is recorded."""

from .cleaner import clean, clean_source, selected, unmatched_selectors

__all__ = ["clean", "clean_source", "selected", "unmatched_selectors"]
