"""The contribute and feedback forms' limits, configured in settings.CONTRIBUTIONS_RATE_LIMITS.

e.g. ``CONTRIBUTIONS_RATE_LIMITS = {"contribution_per_ip": (10, 3600)}`` allows ten contributions an hour
from one address. Counting is ``limits.counting`` (checked and recorded in one step) and the address is
``limits.client.client_ip``, as for every other limit in the library.
"""

from django.conf import settings

from limits import counting
from limits.client import client_ip

__all__ = ["client_ip", "give_back", "take"]


def take(limit_name, value):
    """Use one of ``value``'s allowance for ``limit_name`` (an address, an email); false when none is left."""
    allowed, period = settings.CONTRIBUTIONS_RATE_LIMITS[limit_name]
    return counting.take(limit_name, value, allowed, period)


def give_back(limit_name, value):
    """Return a use taken for a request that a later limit refused."""
    _allowed, period = settings.CONTRIBUTIONS_RATE_LIMITS[limit_name]
    counting.give_back(limit_name, value, period)
