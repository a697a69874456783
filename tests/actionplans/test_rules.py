"""Object permissions for writing, for every role, against the table in docs/security.md."""

from __future__ import annotations

from followthrough.actionplans.models import Action, Response
from tests.web.matrix_world import world  # noqa: F401 - fixture
from tests.web.test_permission_matrix import COLUMNS, DOC


def documented_permissions() -> dict[str, dict[str, bool]]:
    block = DOC.read_text().split("<!-- object-permissions:start -->")[1]
    block = block.split("<!-- object-permissions:end -->")[0]
    rows = [r for r in block.strip().splitlines() if r.startswith("|")]
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    assert header[1:] == COLUMNS
    table = {}
    for row in rows[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        table[cells[0]] = {col: cell == "yes" for col, cell in zip(header[1:], cells[1:])}
    return table


def test_every_role_has_exactly_the_documented_object_permissions(world):  # noqa: F811
    plan = world.draft
    Response.objects.filter(action_plan=plan).update(responding_organisation=world.own)
    Action.objects.filter(response__action_plan=plan).update(owner_organisation=world.own)
    response = plan.responses.select_related("action_plan").first()
    action = (
        Action.objects.filter(response=response).select_related("response__action_plan").first()
    )
    objects = {
        "actionplans.change_response": response,
        "actionplans.change_action": action,
        "actionplans.amend_response": response,
        "actionplans.submit_actionplan": plan,
        "actionplans.publish_actionplan": plan,
        "actionplans.add_review": response.recommendation,
    }
    wrong = []
    for permission, row in documented_permissions().items():
        for column in COLUMNS:
            user = world.users[column]
            if user is None:
                from django.contrib.auth.models import AnonymousUser

                user = AnonymousUser()
            if user.has_perm(permission, objects[permission]) != row[column]:
                wrong.append(f"{permission} as {column}: want {row[column]}")
    assert not wrong, "\n".join(wrong)
