"""Permission matrices: each role × each action, allowed or not, as pytest parameters."""

import pytest

from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, PUBLISHER, REVIEWER

ROLES = [CONTRIBUTOR, REVIEWER, PUBLISHER, ADMINISTRATOR]
ALLOW, DENY = True, False


def matrix_cases(matrix):
    """``{"publish": (DENY, DENY, ALLOW, ALLOW), …}`` (one column per role, in ROLES' order) as
    ``(role, action, allowed)`` parameters with readable ids, e.g. ``Reviewer-publish``."""
    return [
        pytest.param(role, action, allowed[ROLES.index(role)], id=f"{role}-{action}")
        for action, allowed in matrix.items()
        for role in ROLES
    ]
