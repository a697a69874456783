"""Review before commit: a document is read and shown, a person corrects how it was read (its
kind, its columns, records split, merged or given an addressee) and what was read, and only then
is it stored. Part of the service layer; callers hold the transaction."""

from .commit import (
    CHANGE_REASON,
    review_commit,
    review_discard,
    review_extraction,
    review_keep,
    review_read,
    review_start,
)
from .reading import (
    header_signature,
    kind_choices,
    review_addressee_set,
    review_columns_set,
    review_kind_set,
    review_record_split,
    review_records_merge,
)

__all__ = [
    "CHANGE_REASON",
    "header_signature",
    "kind_choices",
    "review_addressee_set",
    "review_columns_set",
    "review_commit",
    "review_discard",
    "review_extraction",
    "review_keep",
    "review_kind_set",
    "review_read",
    "review_record_split",
    "review_records_merge",
    "review_start",
]
