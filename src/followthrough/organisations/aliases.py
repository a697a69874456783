"""Who is who: the canonical bodies of the youth-justice system and the ways documents name them.

Pure Python so extractors, loaders and tests share one table. Successor bodies absorb their
predecessors' names (NOMS became HMPPS), so a recommendation follows the body that now owns it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    name: str
    short_name: str
    kind: str
    aliases: tuple[str, ...]


BODIES: tuple[Body, ...] = (
    Body("Ministry of Justice", "MoJ", "department", ("Ministry of Justice", "MoJ", "MOJ")),
    Body(
        "Youth Justice Board",
        "YJB",
        "arms_length_body",
        ("Youth Justice Board", "YJB", "YJB Cymru"),
    ),
    Body(
        "HM Prison and Probation Service",
        "HMPPS",
        "department",
        (
            "Her Majesty's Prison and Probation Service",
            "His Majesty's Prison and Probation Service",
            "HM Prison and Probation Service",
            "HMPPS",
            "National Offender Management Service",
            "NOMS",
        ),
    ),
    Body("Youth Custody Service", "YCS", "department", ("Youth Custody Service", "YCS")),
    Body("National Probation Service", "NPS", "department", ("National Probation Service", "NPS")),
    Body("Department for Education", "DfE", "department", ("Department for Education", "DfE")),
    Body(
        "Ministry of Housing, Communities and Local Government",
        "MHCLG",
        "department",
        (
            "Ministry of Housing, Communities and Local Government",
            "MHCLG",
            "Department for Levelling Up, Housing and Communities",
            "DLUHC",
        ),
    ),
    Body(
        "Welsh Government",
        "Welsh Government",
        "department",
        ("Welsh Government", "Welsh Assembly Government"),
    ),
    Body("Home Office", "Home Office", "department", ("Home Office",)),
    Body(
        "Department for Work and Pensions",
        "DWP",
        "department",
        ("Department for Work and Pensions", "DWP"),
    ),
    Body(
        "Department of Health and Social Care",
        "DHSC",
        "department",
        ("Department of Health and Social Care", "Department of Health", "DHSC"),
    ),
    Body("NHS England", "NHSE", "health", ("NHS England", "NHSE")),
    Body(
        "Healthcare commissioners and providers",
        "Health",
        "health",
        (
            "Healthcare commissioners and providers",
            "Healthcare commissioners",
            "health commissioners",
            "healthcare providers",
        ),
    ),
    Body(
        "Youth offending team management boards",
        "YOT boards",
        "youth_justice_service",
        (
            "Chairs of Youth Offending Team management boards",
            "Youth Offending Team management boards",
            "YOT management boards",
            "Youth Justice Service management boards",
            "YJS management boards",
            "youth offending partnerships",
        ),
    ),
    Body(
        "Youth offending teams",
        "YOTs",
        "youth_justice_service",
        (
            "Youth Offending Team managers",
            "Youth Offending Teams",
            "Youth Offending Team",
            "YOTs",
            "YOT",
            "Youth Justice Services",
            "YJS",
            "youth offending services",
        ),
    ),
    Body(
        "Young offender institutions",
        "YOIs",
        "custodial_establishment",
        ("Young Offender Institutions", "YOIs", "YOI"),
    ),
    Body(
        "Secure training centres",
        "STCs",
        "custodial_establishment",
        ("Secure Training Centres", "STCs", "STC"),
    ),
    Body(
        "Police services", "Police", "police", ("Police services", "police forces", "police force")
    ),
    Body(
        "Local authorities",
        "LAs",
        "local_authority",
        ("local authorities", "local authority", "Children's services"),
    ),
    Body(
        "HM Inspectorate of Probation",
        "HMI Probation",
        "inspectorate",
        (
            "HM Inspectorate of Probation",
            "Her Majesty's Inspectorate of Probation",
            "HMI Probation",
            "HMIP",
        ),
    ),
    Body(
        "HM Inspectorate of Prisons",
        "HMI Prisons",
        "inspectorate",
        ("HM Inspectorate of Prisons", "Her Majesty's Inspectorate of Prisons", "HMI Prisons"),
    ),
    Body("Care Quality Commission", "CQC", "inspectorate", ("Care Quality Commission", "CQC")),
    Body("Ofsted", "Ofsted", "inspectorate", ("Ofsted", "Office for Standards in Education")),
    Body(
        "HM Inspectorate of Constabulary and Fire & Rescue Services",
        "HMICFRS",
        "inspectorate",
        ("HM Inspectorate of Constabulary", "HMICFRS", "HMIC"),
    ),
    Body(
        "HM Crown Prosecution Service Inspectorate",
        "HMCPSI",
        "inspectorate",
        ("Crown Prosecution Service Inspectorate", "HMCPSI"),
    ),
    Body("Care Inspectorate Wales", "CIW", "inspectorate", ("Care Inspectorate Wales", "CSSIW")),
    Body(
        "Healthcare Inspectorate Wales", "HIW", "inspectorate", ("Healthcare Inspectorate Wales",)
    ),
    Body("Estyn", "Estyn", "inspectorate", ("Estyn",)),
)


def _pattern(alias: str) -> re.Pattern[str]:
    # Acronyms match as written ("YOT", not "yot" inside a word); names ignore case.
    flags = 0 if alias.isupper() or re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]\w*", alias) else re.I
    words = re.escape(alias).replace(chr(39), "[’" + chr(39) + "]")
    # The alias not inside a longer word, as "(?<![\w-])words(?![\w-])" but opening with the
    # words themselves, so a search skips to where they occur (many times faster).
    return re.compile(rf"{words}(?<![\w-]{words})(?![\w-])", flags)


# Longest alias first, so "HM Inspectorate of Prisons" is taken before "HMI".
_ALIASES: list[tuple[re.Pattern[str], int, Body, str]] = sorted(
    ((_pattern(a), len(a), body, a) for body in BODIES for a in body.aliases),
    key=lambda t: -t[1],
)
# A scan that ignores case is slow, so a text is scanned for an alias only when its lower case
# holds the alias's: letters a case-blind match also takes (dotted and dotless I, long s) and
# curly apostrophes are folded first, and an alias outside ASCII is always scanned.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u2019": "'"})


def bodies_named_in(text: str | None) -> list[Body]:
    """The bodies a text names, in the order it names them, each once."""
    if not text:
        return []
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Body]] = []
    folded = text.translate(_FOLDS).lower()
    for pattern, _, body, alias in _ALIASES:
        if alias.isascii() and alias.lower() not in folded:
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), body))
    ordered: list[Body] = []
    for _, body in sorted(found, key=lambda t: t[0]):
        if body not in ordered:
            ordered.append(body)
    return ordered
