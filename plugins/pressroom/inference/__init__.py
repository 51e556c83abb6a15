"""Inference: fields of an Article, each with its provenance."""

from .infer import infer

__all__ = ["infer"]
