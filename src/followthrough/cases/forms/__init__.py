"""GOV.UK forms of casework: the caseload's (caseload.py) and the case manager's (records.py)."""

from .caseload import CaseImportForm, CaseloadFilterForm, CaseOpenForm, TaskUpdateForm
from .milestones import MilestoneRulesForm
from .records import (
    CaseEditForm,
    CloseForm,
    ContactForm,
    MeetingForm,
    OutcomeForm,
    PathwayForm,
    ReleaseForm,
    SupportForm,
    TaskAddForm,
)

__all__ = [
    "CaseEditForm",
    "CaseImportForm",
    "CaseOpenForm",
    "CaseloadFilterForm",
    "CloseForm",
    "ContactForm",
    "MeetingForm",
    "MilestoneRulesForm",
    "OutcomeForm",
    "PathwayForm",
    "ReleaseForm",
    "SupportForm",
    "TaskAddForm",
    "TaskUpdateForm",
]
