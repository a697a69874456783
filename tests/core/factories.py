"""Factories for the kernel's records: a source document that provenance offsets point into."""

from __future__ import annotations

import hashlib

import factory

from followthrough.core.models import SourceDocument
from followthrough.ingest.services import EXTRACTOR_VERSION


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    file_name = factory.Sequence(lambda n: f"synthetic_{n}.txt")
    text = factory.Sequence(lambda n: f"Synthetic document {n}.\n")
    sha256 = factory.LazyAttribute(lambda doc: hashlib.sha256(doc.text.encode()).hexdigest())
    size = factory.LazyAttribute(lambda doc: len(doc.text.encode()))
    format = SourceDocument.Format.TEXT
    kind = "action_plan"
    extractor_version = EXTRACTOR_VERSION
