"""Extractors: published text in, plain dataclasses out. Nothing here imports Django."""

from followthrough.core.targets import parse_target

from .detect import detect_kind, extract
from .types import Extraction, ExtractionError

__all__ = ["Extraction", "ExtractionError", "detect_kind", "extract", "parse_target"]
