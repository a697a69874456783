"""Resettlement casework: a child's case from sentence through custody, release and the months
after, held under a service-issued reference and nothing that names the child.

What is held, and what is deliberately not (no name, date of birth, address, school or victim
detail anywhere), is set out in docs/data-protection.md; the practice behind each part is in
docs/casework.md with its sources."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.organisations.models import Organisation

from .querysets import CaseQuerySet, TaskQuerySet

# A reference the service's own case management system issues; letters, digits and hyphens only,
# so that a name or a date of birth does not fit in it by accident.
REFERENCE = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9-]{1,29}$",
    "Enter the case reference your service issued, like NB-0001: letters, numbers and hyphens",
)

# Who was there, who met the child, who was contacted: the agency types the 2015 thematic's
# criteria name for planning meetings, with the community and custody case workers.
AGENCIES = [
    ("yjs", "Youth justice service case manager"),
    ("custody_case_worker", "Custody case worker"),
    ("personal_officer", "Personal officer in the establishment"),
    ("ete_external", "Education, training or employment (community)"),
    ("ete_internal", "Education (in the establishment)"),
    ("health_external", "Health (community)"),
    ("health_internal", "Health (in the establishment)"),
    ("substance_external", "Substance misuse (community)"),
    ("substance_internal", "Substance misuse (in the establishment)"),
    ("social_care", "Children's social care"),
    ("accommodation", "Accommodation provider"),
    ("police", "Police"),
    ("other", "Other"),
]
YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("not_known", "Not known")]
VIEWS = [("on_track", "On track"), ("concerns", "Some concerns"), ("not_on_track", "Not on track")]
FOLLOW_UP = [
    ("maintained", "Maintained"),
    ("not_maintained", "Not maintained"),
    ("not_yet_due", "Not yet due"),
    ("lost", "Lost to follow-up"),
    ("not_known", "Not known"),
]


class Pathway(models.Model):
    """One area of a child's resettlement (accommodation, ETE, health …): data, not code, so the
    list can follow the standard as it changes."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Case(TimeStamped):
    class Sex(models.TextChoices):
        MALE = "male", "Male"
        FEMALE = "female", "Female"
        NOT_STATED = "not_stated", "Not stated"

    class Ethnicity(models.TextChoices):
        ASIAN = "asian", "Asian or Asian British"
        BLACK = "black", "Black, Black British, Caribbean or African"
        MIXED = "mixed", "Mixed or multiple ethnic groups"
        WHITE = "white", "White"
        OTHER = "other", "Other ethnic group"
        NOT_KNOWN = "not_known", "Not known"

    class CareStatus(models.TextChoices):
        NONE = "none", "Not looked after"
        LOOKED_AFTER = "looked_after", "Looked after"
        CARE_LEAVER = "care_leaver", "Care leaver"
        NOT_KNOWN = "not_known", "Not known"

    class Send(models.TextChoices):
        NONE = "none", "No special educational needs"
        SEN_SUPPORT = "sen_support", "SEN support"
        EHCP = "ehcp", "Education, health and care plan"
        NOT_KNOWN = "not_known", "Not known"

    class Sentence(models.TextChoices):
        DTO = "dto", "Detention and training order"
        LONG_TERM = "long_term", "Long-term detention"
        EXTENDED = "extended", "Extended sentence"
        LIFE = "life", "Detention at His Majesty's pleasure"
        REMAND = "remand", "Remand to youth detention accommodation"

    class Establishment(models.TextChoices):
        YOI = "yoi", "Young offender institution"
        STC = "stc", "Secure training centre"
        SCH = "sch", "Secure children's home"
        SECURE_SCHOOL = "secure_school", "Secure school"

    class Distance(models.TextChoices):
        UNDER_25 = "under_25", "Under 25 miles"
        TO_50 = "25_50", "25 to 50 miles"
        TO_100 = "50_100", "50 to 100 miles"
        OVER_100 = "over_100", "Over 100 miles"
        NOT_KNOWN = "not_known", "Not known"

    class Transition(models.TextChoices):
        NOT_APPLICABLE = "", "Not applicable"
        PROBATION = "probation", "Transfers to probation"
        STAYS = "stays", "Stays with the youth justice service"

    service = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=30, validators=[REFERENCE])
    home_local_authority = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    age_at_sentence = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(10), MaxValueValidator(17)]
    )
    turns_18 = models.DateField(null=True, blank=True, help_text="The month only: its first day.")
    sex = models.CharField(max_length=12, choices=Sex.choices)
    ethnicity = models.CharField(max_length=12, choices=Ethnicity.choices)
    care_status = models.CharField(max_length=14, choices=CareStatus.choices)
    cin_cp_history = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, default="not_known")
    send = models.CharField(max_length=12, choices=Send.choices, default=Send.NOT_KNOWN)
    sentence_type = models.CharField(max_length=12, choices=Sentence.choices)
    sentence_months = models.PositiveSmallIntegerField(null=True, blank=True)
    sentence_date = models.DateField()
    earliest_release = models.DateField(null=True, blank=True)
    release_date = models.DateField(null=True, blank=True)
    order_end = models.DateField(null=True, blank=True)
    establishment = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    establishment_type = models.CharField(max_length=14, choices=Establishment.choices, blank=True)
    distance = models.CharField(max_length=10, choices=Distance.choices, default=Distance.NOT_KNOWN)
    accommodation_confirmed_on = models.DateField(null=True, blank=True)
    rotl_considered_on = models.DateField(null=True, blank=True)
    rotl_applied = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    rotl_used = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    rotl_purpose = models.CharField(max_length=200, blank=True)
    # Constructive resettlement: the four personal-support questions answered with the child,
    # and the practitioner's check of the plan against the 5Cs.
    personal_support = models.JSONField(default=dict, blank=True)
    five_cs = models.JSONField(default=dict, blank=True)
    transition = models.CharField(max_length=10, choices=Transition.choices, blank=True)
    transition_child_view = models.TextField(blank=True)
    handover_date = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=200, blank=True)
    anonymised_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["service", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["service", "reference"], name="one_case_per_reference")
        ]

    def __str__(self) -> str:
        return self.reference


class CasePathway(models.Model):
    """One pathway of one case: the need, the plans, what was in place at release and after."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="pathways")
    pathway = models.ForeignKey(Pathway, on_delete=models.PROTECT, related_name="+")
    need = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, default="not_known")
    custody_plan = models.TextField(blank=True)
    release_plan = models.TextField(blank=True)
    in_place_at_release = models.TextField(blank=True)
    suitable_at_release = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    at_3_months = models.CharField(max_length=16, choices=FOLLOW_UP, default="not_yet_due")
    at_6_months = models.CharField(max_length=16, choices=FOLLOW_UP, default="not_yet_due")
    practitioner_view = models.CharField(max_length=14, choices=VIEWS, blank=True)
    child_view = models.CharField(max_length=14, choices=VIEWS, blank=True)
    child_words = models.TextField(blank=True, help_text="The child's own view, as they put it.")
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["case", "pathway__order"]
        constraints = [
            models.UniqueConstraint(fields=["case", "pathway"], name="one_row_per_pathway")
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.pathway}"

    @property
    def views_differ(self) -> bool:
        return bool(self.child_view and self.practitioner_view) and (
            self.child_view != self.practitioner_view
        )


class Meeting(TimeStamped):
    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial planning meeting"
        REVIEW = "review", "Review"
        PRE_RELEASE = "pre_release", "Final pre-release meeting"
        PANEL = "panel", "Multi-agency panel"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    held_on = models.DateField()
    attended_by = models.JSONField(default=list, blank=True, help_text="Agency codes.")
    parents_present = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    child_prepared = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    child_participated = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    notes = models.TextField(blank=True)
    history = audited_history()

    class Meta:
        ordering = ["case", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


class Task(TimeStamped):
    """A step of a pathway's plan owned by one agency, due on a date or relative to the case."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "No longer needed"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="tasks")
    pathway = models.ForeignKey(Pathway, null=True, blank=True, on_delete=models.PROTECT)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="case_tasks")
    due_anchor = models.CharField(
        max_length=20,
        choices=[
            ("date", "A date"),
            ("sentence", "After sentence"),
            ("earliest_release", "Before or after the earliest release date"),
            ("release", "After release"),
        ],
        default="date",
    )
    due_offset_days = models.IntegerField(default=0)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["case", "due_date", "pk"]

    def __str__(self) -> str:
        return self.description


class Contact(TimeStamped):
    """Contact and information sharing between custody and community, with its date."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        CALL = "call", "Call"
        SENT = "sent", "Information sent"
        RECEIVED = "received", "Information received"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="contacts")
    on = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    agency = models.CharField(max_length=24, choices=AGENCIES)
    note = models.CharField(max_length=300, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["case", "on", "pk"]


class ReleaseDay(TimeStamped):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="release_day")
    released_at = models.DateTimeField()
    met_by = models.CharField(max_length=24, choices=AGENCIES, blank=True)
    same_day_contact = models.BooleanField(default=False)
    accommodation_confirmed = models.BooleanField(default=False)
    benefit_claim_started = models.BooleanField(default=False)
    first_appointments_made = models.BooleanField(default=False)
    history = audited_history()


class Outcome(TimeStamped):
    """The case three and six months after release; "lost to follow-up" is kept explicit."""

    class Compliance(models.TextChoices):
        COMPLETE = "complete", "Complete"
        PARTIAL = "partial", "Partial"
        NONE = "none", "None"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="outcomes")
    months = models.PositiveSmallIntegerField(choices=[(3, "3 months"), (6, "6 months")])
    recorded_on = models.DateField()
    lost_to_follow_up = models.BooleanField(default=False)
    arrested = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    charged = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    convicted = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    recalled = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    accommodation_maintained = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    ete_maintained = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    engaged = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    compliance = models.CharField(max_length=10, choices=Compliance.choices, blank=True)
    risk_managed = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["case", "months"]
        constraints = [
            models.UniqueConstraint(fields=["case", "months"], name="one_outcome_per_checkpoint")
        ]


class MilestoneRule(models.Model):
    """A milestone rule (cases/milestones.py): the national default (no service), or one
    service's own version of it."""

    service = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(max_length=40)
    label = models.CharField(max_length=120)
    anchor = models.CharField(max_length=20)
    offset = models.IntegerField()
    unit = models.CharField(max_length=6, default="days")
    source = models.CharField(max_length=300, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["service", "code"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="one_rule_per_service"),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(service__isnull=True),
                name="one_national_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.service or 'national default'})"


class CaseView(models.Model):
    """Every view of a case record, apart from the change history: who, which case, when, and
    from which page or export. Readable by the service's administrators."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="views")
    at = models.DateTimeField(auto_now_add=True)
    page = models.CharField(max_length=100)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"Case {self.case_id} seen by user {self.user_id} on {self.page}"


class TaskEscalation(models.Model):
    """One rung of the ladder an overdue partner task climbs: the owning agency, then the
    service's managers, then the management board's next pack. Cleared (dated, never deleted)
    when the task is done, cancelled or re-dated."""

    class Step(models.IntegerChoices):
        AGENCY = 1, "Reminder to the owning agency"
        MANAGER = 2, "Escalated to the service's managers"
        BOARD = 3, "Reported to the management board"

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="escalations")
    step = models.PositiveSmallIntegerField(choices=Step.choices)
    days = models.PositiveIntegerField(help_text="Days overdue when the rung was raised.")
    raised_on = models.DateField()
    notified = models.JSONField(default=list, blank=True)
    cleared_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["task", "raised_on", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "step"],
                condition=models.Q(cleared_on__isnull=True),
                name="one_open_rung_per_task_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} for task {self.task_id}"
