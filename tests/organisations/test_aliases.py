"""One name per body, however a document spells it."""

import pytest

from followthrough.organisations.aliases import bodies_named_in
from followthrough.organisations.models import Organisation
from followthrough.organisations.services import organisations_resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ministry of Justice", ["MoJ"]),
        ("Head of Youth Custody Policy, MoJ", ["MoJ"]),
        ("YJB Priority Lead for Resettlement", ["YJB"]),
        ("The Youth Justice Board", ["YJB"]),
        ("YJB Cymru/NPS", ["YJB", "NPS"]),
        ("Her Majesty's Prison and Probation Service", ["HMPPS"]),
        ("His Majesty’s Prison and Probation Service", ["HMPPS"]),
        ("National Offender Management Service", ["HMPPS"]),
        ("Head of Operational Policy YCS", ["YCS"]),
        ("The Department for Education and the Welsh Government", ["DfE", "Welsh Government"]),
        ("Ministry of Housing, Communities and Local Government", ["MHCLG"]),
        ("Crime Unit, Home Office", ["Home Office"]),
        ("YCS NHS England & Implementation", ["YCS", "NHSE"]),
        ("YOTs", ["YOTs"]),
        ("Youth Offending Team managers", ["YOTs"]),
        ("The Chairs of Youth Offending Team management boards", ["YOT boards"]),
        ("YOT management boards", ["YOT boards"]),
        ("Deputy Director for Quality and Performance", []),
    ],
)
def test_names_resolve_to_one_body(text, expected):
    assert [b.short_name for b in bodies_named_in(text)] == expected


def test_acronyms_do_not_match_inside_words():
    assert bodies_named_in("the mojito and the yotter") == []


def test_resolving_creates_each_organisation_once(db):
    first = organisations_resolve(text="YJB lead")
    second = organisations_resolve(text="The Youth Justice Board")
    assert first == second
    assert Organisation.objects.filter(short_name="YJB").count() == 1
