"""Inbound process codes (WE42) and outbound readers, one per distributed message type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from fake_sap.ale.context import PostingContext
from fake_sap.ale.posting import Posting
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.types import DEBMAS07, MATMAS05, ORDERS05
from fake_sap.mm import material_master
from fake_sap.sd import customer_master, orders_inbound


@dataclass(frozen=True)
class MasterDataReader:
    """How SAP reads objects back as full IDocs (BD21 change pointers, BD10/BD12)."""

    #: the objects of a batch as segments, by key (unknown keys are left out)
    read_segments_many: Callable[[Connection, str, Sequence[str]], dict[str, list[SegmentData]]]
    #: every object of the client, in key order
    all_keys: Callable[[Connection, str], list[str]]
    #: a key as a user enters it (``4711``) in its internal form; ValueError if it cannot be
    key_input: Callable[[str], str]

    def read_segments(self, conn: Connection, mandt: str, key: str) -> list[SegmentData]:
        """One object as segments, [] if it is unknown."""
        return self.read_segments_many(conn, mandt, [key]).get(key, [])


@dataclass(frozen=True)
class Application:
    mestyp: str
    process_code: str
    #: the kind of object, used for lookups shared between IDocs of one packet
    kind: str
    #: the basic type used when SAP sends this message type
    outbound_type: IdocType
    object_key: Callable[[Idoc], str]
    referenced_keys: Callable[[Idoc], list[str]]
    prefetch: Callable[[Connection, str, list[str]], dict[str, str]]
    post: Callable[[PostingContext, Idoc], Posting]
    #: None: SAP does not send this message type from master data
    outbound: MasterDataReader | None
    #: False for documents whose checks read what the previous IDoc wrote (ATP, credit):
    #: such IDocs are posted one at a time instead of in bulk
    batchable: bool = True


APPLICATIONS: dict[str, Application] = {
    "MATMAS": Application(
        "MATMAS", "MATM", material_master.KIND, MATMAS05, material_master.object_key,
        lambda idoc: [], material_master.prefetch, material_master.post,
        MasterDataReader(material_master.read_segments_many, material_master.all_keys,
                         material_master.key_input)),
    "DEBMAS": Application(
        "DEBMAS", "DEBM", customer_master.KIND, DEBMAS07, customer_master.object_key,
        customer_master.referenced_keys, customer_master.prefetch, customer_master.post,
        MasterDataReader(customer_master.read_segments_many, customer_master.all_keys,
                         customer_master.key_input)),
    "ORDERS": Application(
        "ORDERS", "ORDE", orders_inbound.KIND, ORDERS05, orders_inbound.object_key,
        lambda idoc: [], lambda conn, mandt, keys: {}, orders_inbound.post, None,
        batchable=False),
}


def for_message(mestyp: str) -> Application | None:
    return APPLICATIONS.get(mestyp)
