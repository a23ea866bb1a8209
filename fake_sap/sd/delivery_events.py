"""What happened to a delivery in an update task: the events SD reports to its callers.

Layer: SD business (pure data). The delivery services return these events instead of
creating IDocs themselves; the ALE edge (``fake_sap.ale.delivery_output``) turns them into
DESADV IDocs, as SAP's output determination does after the update. Imports only the standard
library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class DeliveryEventKind(Enum):
    """The changes to a delivery that SAP's output determination reacts to."""

    CREATED = "created"
    #: item quantities changed before the goods movement
    CHANGED = "changed"
    GOODS_ISSUE_POSTED = "goods issue posted"
    #: the goods receipt of a returns delivery (LIKP-LFART LR)
    GOODS_RECEIPT_POSTED = "goods receipt posted"
    DELETED = "deleted"


@dataclass(frozen=True)
class DeliverySnapshot:
    """A delivery as it was right after the change (before it, for a deletion): its LIKP
    header and LIPS items, as rows."""

    header: Mapping[str, Any]
    items: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Receipt:
    """A returns delivery's goods receipt: per delivery item (POSNR), the quantity expected
    and the quantity counted."""

    expected: Mapping[str, str]
    received: Mapping[str, str]


@dataclass(frozen=True)
class DeliveryEvent:
    kind: DeliveryEventKind
    delivery: DeliverySnapshot
    #: the material document of a goods movement (MKPF-MBLNR, MKPF-MJAHR)
    material_document: tuple[str, str] = ("", "")
    receipt: Receipt | None = None
