"""The case audit forms, one module per record they change."""

from .sets import (
    CriteriaImportForm,
    CriteriaSetEditForm,
    CriteriaSetNewForm,
    CriterionForm,
    RatingRulesForm,
    SectionForm,
    VersionForm,
)

__all__ = [
    "CriteriaImportForm",
    "CriteriaSetEditForm",
    "CriteriaSetNewForm",
    "CriterionForm",
    "RatingRulesForm",
    "SectionForm",
    "VersionForm",
]
