"""The national dataset's organisations and people: the canonical national bodies, made-up youth
justice services ("Service 042") with their councils, health trusts, police forces and secure
establishments, and one login per demo role, repeated until the scale's count is reached."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from simple_history.utils import bulk_create_with_history

from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisations_ensure_known

from ..demo import DEMO_USERS, HEALTH_PARTNER_NAME, SERVICE_NAME
from .sizes import Sizes

INSPECTORATE = "HM Inspectorate of Probation"
ESTABLISHMENTS = 8
SERVICES_PER_TRUST = 4
POLICE_FORCES = 43


@dataclass
class Service:
    """A youth justice service with its partners, the way casework needs them."""

    org: Organisation
    number: int
    partners: dict[str, Any]
    cases: list[Any] = field(default_factory=list)


@dataclass
class People:
    """Everything later steps hang their records on."""

    bodies: dict[str, Organisation]  # by short name: MoJ, YJB, HMPPS, YCS …
    services: list[Service]
    users: dict[str, list[Any]]  # by demo username ("inspector", "yjs-manager" …)
    establishments: list[Organisation]
    acts_for: dict[str, str]  # username: the short name of the organisation they act for

    def user(self, role: str, n: int = 0) -> Any:
        found = self.users[role]
        return found[n % len(found)]

    def stamp(self, user: Any) -> dict[str, str]:
        """What the audit trail shows beside a change: the acting user's organisations."""
        return {"history_organisations": self.acts_for[user.username]}


def _organisations(sizes: Sizes, rng: random.Random) -> tuple[list[Service], list[Organisation]]:
    kinds = Organisation.Kind
    made: list[Organisation] = []

    def org(name: str, short_name: str, kind: str) -> Organisation:
        made.append(Organisation(name=name, short_name=short_name, kind=kind))
        return made[-1]

    establishments = [
        org(f"Synthetic Secure Centre {n:02d}", f"SSC {n:02d}", kinds.CUSTODIAL_ESTABLISHMENT)
        for n in range(1, ESTABLISHMENTS + 1)
    ]
    forces = max(2, min(POLICE_FORCES, sizes.services // 3))
    police = [
        org(f"Synthetic Police Force {n:02d}", f"Police {n:02d}", kinds.POLICE)
        for n in range(1, forces + 1)
    ]
    trusts = [
        org(f"Synthetic Health Trust {n:03d}", f"Trust {n:03d}", kinds.HEALTH)
        for n in range(1, -(-sizes.services // SERVICES_PER_TRUST) + 1)
    ]
    services = []
    for n in range(1, sizes.services + 1):
        service = org(
            f"Service {n:03d} Youth Justice Service", f"YJS {n:03d}", kinds.YOUTH_JUSTICE_SERVICE
        )
        council = org(f"Area {n:03d} Council", f"Area {n:03d}", kinds.LOCAL_AUTHORITY)
        partners = {
            "local_authority": council,
            "health": trusts[(n - 1) // SERVICES_PER_TRUST],
            "police": police[(n - 1) % forces],
            "establishments": rng.sample(establishments, 3),
        }
        services.append(Service(service, n, partners))
    bulk_create_with_history(made, Organisation, batch_size=500)
    return services, establishments


def _users(
    sizes: Sizes, bodies: dict[str, Organisation], services: list[Service], password: str | None
) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """One login per demo role (demo.DEMO_USERS), round and round until `sizes.users`: the
    service roles each time at the next service, the health partner at its trust."""
    User = get_user_model()
    hashed = make_password(password)  # hashed once for all; None: nobody signs in with one
    users: dict[str, list[Any]] = {}
    rows, memberships = [], []
    acts_for: dict[str, str] = {}
    for k in range(sizes.users):
        username, org_name, role, _ = DEMO_USERS[k % len(DEMO_USERS)]
        lap = k // len(DEMO_USERS)
        service = services[lap % len(services)]
        if org_name == SERVICE_NAME:
            organisation = service.org
        elif org_name == HEALTH_PARTNER_NAME:
            organisation = service.partners["health"]
        else:
            organisation = bodies[org_name]
        user = User(
            username=f"{username}-{lap + 1:02d}",
            email=f"{username}-{lap + 1:02d}@example.invalid",
            password=hashed,
        )
        acts_for[user.username] = organisation.short_name
        rows.append(user)
        memberships.append((user, organisation, role))
        users.setdefault(username, []).append(user)
    User.objects.bulk_create(rows)
    bulk_create_with_history(
        [Membership(user=u, organisation=o, role=r) for u, o, r in memberships],
        Membership,
        batch_size=500,
    )
    return users, acts_for


def people_build(sizes: Sizes, rng: random.Random, password: str | None) -> People:
    known = organisations_ensure_known()
    bodies = {o.name: o for o in known} | {o.short_name: o for o in known}
    services, establishments = _organisations(sizes, rng)
    users, acts_for = _users(sizes, bodies, services, password)
    return People(bodies, services, users, establishments, acts_for)
