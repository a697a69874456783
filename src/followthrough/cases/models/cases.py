"""Resettlement casework: a child's case from sentence through custody, release and the months
after, held under a service-issued reference and nothing that names the child.

What is held, and what is deliberately not (no name, date of birth, address, school or victim
detail anywhere), is set out in docs/data-protection.md; the practice behind each part is in
docs/casework.md with its sources."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.organisations.models import Organisation

from ..querysets import CaseQuerySet

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

# The four questions of personal support asked with the child, and the five checks of the plan
# (constructive resettlement, docs/research/resettlement-practice-guide-notes.md section 3).
PERSONAL_SUPPORT = {
    "identity_now": "Who the child is now, and what in that lets offending go on",
    "strengths": "Strengths, interests and goals that could build a different identity",
    "future_self": "The future self the child imagines, and what is possible",
    "routes": "The routes that lead there",
}
FIVE_CS = {
    "constructive": "Constructive: builds on strengths and looks forward",
    "co_created": "Co-created: made with the child",
    "customised": "Customised: fits this child's needs and barriers",
    "consistent": "Consistent: keeps one working relationship",
    "coordinated": "Coordinated: joins up custody, community and agencies",
}


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
    # The board pack's KPI measures (cases/board.py): on the health and substance misuse
    # pathways, the need screened, support offered and the child attending by release; on the
    # ETE pathway, a learning plan for a child with SEND. Blank is not recorded.
    screened = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    offered = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    attending = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    learning_plan = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
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
