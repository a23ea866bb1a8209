"""Inbound process codes (WE42) and outbound readers, one per distributed message type: the
dispatcher from a message type to the module of :mod:`fake_sap.ale.inbound` that maps its
IDocs to business commands.

Layer: ALE.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from fake_sap.ale import master_segments
from fake_sap.ale.inbound import debmas, matmas, orders
from fake_sap.ale.posting import Posting
from fake_sap.conversion import alpha_input, matn1_input
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.types import DEBMAS07, MATMAS05, ORDERS05
from fake_sap.lookups import Lookups
from fake_sap.mm import material_master
from fake_sap.sd import customer_master


@dataclass(frozen=True)
class MasterDataReader:
    """How SAP reads objects back as full IDocs (BD21 change pointers, BD10/BD12)."""

    #: the objects of a batch as segments, by key (unknown keys are left out)
    read_segments_many: Callable[[Connection, str, Sequence[str]],
                                  Mapping[str, list[SegmentData]]]
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
    #: check an IDoc through the business service (raises ApplicationError: status 51)
    post: Callable[[Lookups, Idoc], Posting]
    #: write the results of :attr:`post` for many IDocs at once (connection, client)
    write: Callable[[Connection, str, Sequence[object]], None]
    #: None: SAP does not send this message type from master data
    outbound: MasterDataReader | None
    #: False for documents whose checks read what the previous IDoc wrote (ATP, credit):
    #: such IDocs are posted one at a time instead of in bulk
    batchable: bool = True


def _customer_key(raw: str) -> str:
    """A customer number as entered (``3001``) in its internal form; ValueError if too
    long."""
    return alpha_input(raw, 10)


APPLICATIONS: dict[str, Application] = {
    "MATMAS": Application(
        "MATMAS", "MATM", matmas.KIND, MATMAS05, matmas.object_key, matmas.referenced_keys,
        matmas.prefetch, matmas.post, matmas.write,
        MasterDataReader(master_segments.material_segments_many, material_master.all_keys,
                         matn1_input)),
    "DEBMAS": Application(
        "DEBMAS", "DEBM", debmas.KIND, DEBMAS07, debmas.object_key, debmas.referenced_keys,
        debmas.prefetch, debmas.post, debmas.write,
        MasterDataReader(master_segments.customer_segments_many, customer_master.all_keys,
                         _customer_key)),
    "ORDERS": Application(
        "ORDERS", "ORDE", orders.KIND, ORDERS05, orders.object_key, orders.referenced_keys,
        orders.prefetch, orders.post, orders.write, None, batchable=False),
}


def for_message(mestyp: str) -> Application | None:
    return APPLICATIONS.get(mestyp)
