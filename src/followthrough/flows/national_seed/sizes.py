"""How much of each thing a national dataset holds at a scale: 1.0 is all of England and Wales
as issue 18 measured it, 0.1 a tenth of everything."""

from __future__ import annotations

from dataclasses import dataclass

RECOMMENDATIONS_PER_REPORT = 25
ACTIONS_PER_RECOMMENDATION = 6
# Progress updates per action cycle 0, 1, 2, 3, 4, 3: a little over two, so that with no updates
# on drafts' actions or on targets already met, there are two for each action in all.
UPDATES_CYCLE = (0, 1, 2, 3, 4, 3)
# One in ten actions has its target moved; two in five recommendations have a review.
REVISION_EVERY = 10
REVIEW_EVERY = 5  # of each five recommendations on a published plan, two are reviewed
ASSESSED_PER_SERVICE = 40  # a service's assessment covers up to this many in-scope recommendations
AUDIT_EVERY = 10  # one service in ten has run a case audit
AUDITED_CASES = 20


@dataclass(frozen=True)
class Sizes:
    """Counts at one scale; never less than the handful every page needs."""

    reports: int
    services: int
    users: int
    cases: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        def scaled(full: int, least: int) -> int:
            return max(least, round(full * scale))

        return cls(
            reports=scaled(200, 1),
            services=scaled(150, 2),
            users=scaled(60, 12),
            cases=scaled(5000, 10),
        )

    @property
    def recommendations(self) -> int:
        return self.reports * RECOMMENDATIONS_PER_REPORT

    @property
    def actions(self) -> int:
        return self.recommendations * ACTIONS_PER_RECOMMENDATION
