from __future__ import annotations

from django.conf import settings
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped


class Organisation(TimeStamped):
    """A body that inspects, is addressed by recommendations, or owns actions."""

    class Kind(models.TextChoices):
        INSPECTORATE = "inspectorate", "Inspectorate"
        DEPARTMENT = "department", "Government department or agency"
        ARMS_LENGTH_BODY = "arms_length_body", "Arm's-length body"
        YOUTH_JUSTICE_SERVICE = "youth_justice_service", "Youth justice service"
        CUSTODIAL_ESTABLISHMENT = "custodial_establishment", "Custodial establishment"
        HEALTH = "health", "Health"
        POLICE = "police", "Police"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=50)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True)
    require_two_factor = models.BooleanField(
        default=False, help_text="Members must sign in with a code from an authenticator app."
    )
    history = audited_history()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(TimeStamped):
    """A user's role in one organisation; a user may hold several."""

    class Role(models.TextChoices):
        VIEWER = "viewer", "Viewer"
        CONTRIBUTOR = "contributor", "Contributor"
        APPROVER = "approver", "Approver"
        ADMIN = "admin", "Administrator"
        REVIEWER = "reviewer", "Inspectorate reviewer"
        CASE_MANAGER = "case_manager", "Case manager"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    # An invitation to someone who already has an account waits here, inactive, until they
    # accept it: nobody is added to an organisation by another organisation's admin alone.
    pending = models.BooleanField(
        default=False, help_text="Invited; waiting for the person to accept or decline."
    )
    # Whether the person ever agreed to this membership (or it came with a new account): an admin
    # may switch back on only a membership its person agreed to, never one they declined or were
    # only invited to.
    accepted = models.BooleanField(default=True)
    history = audited_history()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.organisation}"


# Role sets, named once: who writes for an organisation (records responses, actions, progress,
# answers) and who signs for it (submits, publishes, signs off, approves targets).
WRITERS = frozenset({Membership.Role.CONTRIBUTOR, Membership.Role.APPROVER, Membership.Role.ADMIN})
SIGNERS = frozenset({Membership.Role.APPROVER, Membership.Role.ADMIN})
# Who in a youth justice service works with children's case records: its case managers, and its
# managers (approvers and administrators). Nobody else reads a case, superusers included.
CASE_ROLES = frozenset(
    {Membership.Role.CASE_MANAGER, Membership.Role.APPROVER, Membership.Role.ADMIN}
)
