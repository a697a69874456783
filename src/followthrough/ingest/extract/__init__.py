"""Extractors: published text in, plain dataclasses out. Nothing here imports Django."""

from .detect import detect_kind, extract
from .targets import parse_target
from .types import Extraction, ExtractionError

__all__ = ["Extraction", "ExtractionError", "detect_kind", "extract", "parse_target"]
