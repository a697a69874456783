"""Names in the OpenAPI schema for choice sets that several fields share or whose field names
clash ("status" means something else on a plan, a task and an audit). Import paths only: the
settings read this before any app is loaded."""

ENUM_NAMES = {
    "YesNoUnknownEnum": "followthrough.cases.models.cases.YES_NO_UNKNOWN",
    "ActionStatusEnum": "followthrough.actionplans.models.Tracked.Status",
    "PlanStatusEnum": "followthrough.actionplans.models.ActionPlan.Status",
    "TargetRevisionStatusEnum": "followthrough.actionplans.models.TargetRevision.Status",
    "TaskStatusEnum": "followthrough.cases.models.records.Task.Status",
    "AssessmentStatusEnum": "followthrough.selfassessment.models.SelfAssessment.Status",
    "AuditStatusEnum": "followthrough.audits.models.audits.Audit.Status",
}
