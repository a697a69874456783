"""Who may see reports and recommendations. Published reports are open to every signed-in user."""

import rules

rules.add_perm("inspections.view_report", rules.is_authenticated)
rules.add_perm("inspections.view_recommendation", rules.is_authenticated)
