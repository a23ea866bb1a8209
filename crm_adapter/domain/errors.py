"""Errors of the CRM's business rules.

Layer: domain. A :class:`DomainError` means "this change is refused, and the message says
why in words a CRM user understands"; anything else escaping a flow is a bug.
"""

from __future__ import annotations


class DomainError(Exception):
    """A business rule refuses a change; ``str(error)`` is the reason shown to users."""
