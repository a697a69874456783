"""Who may see reports and recommendations, and who may correct them. Published reports are open
to every signed-in user; a recommendation's text read wrongly from its document is corrected by
the inspectorate, who import the documents."""

import rules

from followthrough.organisations.access import standing_of

rules.add_perm("inspections.view_report", rules.is_authenticated)
rules.add_perm("inspections.view_recommendation", rules.is_authenticated)


@rules.predicate
def corrects_documents(user) -> bool:  # type: ignore[no-untyped-def]
    """Members of an inspectorate and superusers."""
    return standing_of(user).sees_all_drafts


rules.add_perm("inspections.change_recommendation", rules.is_authenticated & corrects_documents)
