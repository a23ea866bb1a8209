"""Returns: a returns order (RE) is delivered with a returns delivery (LR), whose goods
receipt (WS_DELIVERY_UPDATE, movement type 651 into blocked returns stock) takes the
counted quantities and is posted exactly once, also when two sessions race for it.

The race tests run two SOAP sessions in two threads against the real server (two gunicorn
workers); on PostgreSQL (``make test-postgres``) their commits really overlap and the
conditional UPDATE of the delivery's goods movement status decides.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from logistics_flow import BAPI, IDOC, quantity, seeded_flow
from rfc_client import RfcSession


@pytest.fixture
def flow(sap):
    with seeded_flow(sap) as running:
        yield running


@pytest.fixture
def sessions(sap):
    """Two more SAP sessions of the same client (two users at two terminals)."""
    opened = [RfcSession(sap), RfcSession(sap)]
    yield opened
    for session in opened:
        session.close()


def returns_delivery(flow, amount: str = "5", channel: str = BAPI) -> tuple[str, str]:
    returns = flow.order(amount, doc_type="RE", channel=channel)
    return returns, flow.deliver(returns)


def blocked_returns_stock(flow) -> Decimal:
    return flow.stock(flow.material, column="retme")


# --- the returns delivery -----------------------------------------------------------------

@pytest.mark.parametrize("channel", [BAPI, IDOC])
def test_a_returns_order_is_delivered_with_a_returns_delivery(flow, channel):
    returns, delivery = returns_delivery(flow, channel=channel)

    header = flow.delivery(delivery)
    assert (header["lfart"], header["vbtyp"], header["kunnr"]) == ("LR", "T", flow.outlet)
    assert flow.delivery_items(delivery)[0]["pstyv"] == "REN"
    assert [(r["vbeln"], r["vbtyp_v"], r["vbtyp_n"]) for r in flow.flow_from(returns)] == [
        (delivery, "H", "T")]
    assert flow.status(returns)["lfgsk"] == "C"
    [created] = flow.desadv(delivery)
    assert created.event == "CRE"
    assert created.extension.get("ZORDTYP") == "H"


def test_returns_need_no_stock(flow):
    returns, delivery = returns_delivery(flow, "500")

    assert flow.delivery(delivery)["lfart"] == "LR"


# --- the counted goods receipt -----------------------------------------------------------------

def test_the_counted_receipt_posts_651_into_blocked_returns_stock(flow):
    returns, delivery = returns_delivery(flow, "3")

    result = flow.goods_movement(delivery, {"10": "3"})

    assert result["EF_ERROR_ANY_0"] == ""
    [document] = flow.material_documents()
    [movement] = flow.movements(document["mblnr"])
    assert (movement["bwart"], movement["shkzg"], quantity(movement["menge"])) == (
        "651", "S", 3)
    assert blocked_returns_stock(flow) == 3
    assert flow.stock(flow.material) == 100
    assert [(r["vbeln"], r["vbtyp_v"], r["vbtyp_n"], r["bwart"])
            for r in flow.flow_from(delivery)] == [(document["mblnr"], "T", "R", "651")]
    assert flow.status(delivery)["wbstk"] == "C"
    created, received = flow.desadv(delivery)
    assert received.event == "PGR"
    assert received.extension.get("ZMBLNR") == document["mblnr"]
    extension = received.item_extension()
    assert (quantity(extension.get("ZEXPECTED")), quantity(extension.get("ZRECEIVED"))) == (
        3, 3)
    assert extension.get("ZDIFF") == ""


def test_a_count_below_the_expected_quantity_is_received_and_flagged(flow):
    returns, delivery = returns_delivery(flow, "5")

    flow.goods_movement(delivery, {"10": "3"})

    assert blocked_returns_stock(flow) == 3
    assert quantity(flow.delivery_items(delivery)[0]["lfimg"]) == 3
    assert flow.status(returns)["lfgsk"] == "B"
    received = flow.desadv(delivery)[-1]
    extension = received.item_extension()
    assert (quantity(extension.get("ZEXPECTED")), quantity(extension.get("ZRECEIVED"))) == (
        5, 3)
    assert extension.get("ZDIFF") == "X"
    assert quantity(extension.get("ZOPEN")) == 2


def test_without_a_count_the_delivery_quantity_is_received(flow):
    returns, delivery = returns_delivery(flow, "4")

    flow.goods_movement(delivery)

    assert blocked_returns_stock(flow) == 4
    assert flow.desadv(delivery)[-1].item_extension().get("ZDIFF") == ""


def test_an_adjusted_delivery_quantity_is_the_count(flow):
    returns, delivery = returns_delivery(flow, "5")

    flow.rfc.call("WS_DELIVERY_UPDATE", VBKOK_WA={"VBELN_VL": delivery, "WABUC": "X"},
                  DELIVERY=delivery, COMMIT="X",
                  VBPOK_TAB=[{"VBELN_VL": delivery, "POSNR_VL": "10", "LFIMG": "2",
                              "LIANP": "X"}])

    assert blocked_returns_stock(flow) == 2


def test_counting_nothing_receives_nothing(flow):
    returns, delivery = returns_delivery(flow, "5")

    result = flow.goods_movement(delivery, {"10": "0"})

    assert result["EF_ERROR_ANY_0"] == ""
    assert flow.material_documents() == []
    assert flow.status(delivery)["wbstk"] == "C"
    assert quantity(flow.desadv(delivery)[-1].item_extension().get("ZRECEIVED")) == 0


def test_counting_more_than_the_returns_order_is_refused(flow):
    returns, delivery = returns_delivery(flow, "5")

    result = flow.goods_movement(delivery, {"10": "6"})

    assert result["EF_ERROR_IN_GOODS_ISSUE_0"] == "X"
    assert [(r["MSGID"], r["MSGNO"]) for r in result["PROT"]] == [("VL", "303")]
    assert flow.material_documents() == []


def test_a_count_for_an_unknown_item_is_refused(flow):
    returns, delivery = returns_delivery(flow, "5")

    result = flow.goods_movement(delivery, {"20": "1"})

    assert result["EF_ERROR_ANY_0"] == "X"
    assert [(r["MSGID"], r["MSGNO"]) for r in result["PROT"]] == [("VL", "302")]


# --- exactly once --------------------------------------------------------------------------

def test_a_second_receipt_is_refused(flow):
    returns, delivery = returns_delivery(flow, "3")
    flow.goods_movement(delivery, {"10": "3"})

    result = flow.goods_movement(delivery, {"10": "3"})

    assert (result["EF_ERROR_ANY_0"], result["EF_ERROR_IN_GOODS_ISSUE_0"]) == ("X", "X")
    [row] = result["PROT"]
    assert (row["MSGTY"], row["MSGID"], row["MSGNO"], row["MSGV1"]) == (
        "E", "VL", "602", "Goods receipt")
    assert blocked_returns_stock(flow) == 3
    assert flow.events(delivery) == ["CRE", "PGR"]


def test_a_receipt_registered_twice_is_posted_by_the_first_commit_only(flow, sessions):
    first, second = sessions
    returns, delivery = returns_delivery(flow, "3")
    for session in sessions:
        registered = flow.goods_movement(delivery, {"10": "3"}, commit="", session=session)
        assert registered["EF_ERROR_ANY_0"] == ""

    assert flow.commit(first)["TYPE"] == ""
    refused = flow.commit(second)

    assert (refused["TYPE"], refused["ID"], refused["NUMBER"]) == ("E", "VL", "602")
    assert len(flow.material_documents()) == 1
    assert blocked_returns_stock(flow) == 3


def test_with_commit_x_a_refusal_at_save_time_is_reported_in_prot(flow, sessions):
    first, second = sessions
    returns, delivery = returns_delivery(flow, "3")
    flow.goods_movement(delivery, {"10": "3"}, commit="", session=first)
    flow.goods_movement(delivery, {"10": "3"}, commit="X", session=second)

    # the first session commits its registered receipt by a call that itself posts nothing
    refused = first.call("WS_DELIVERY_UPDATE", VBKOK_WA={"VBELN_VL": delivery},
                         DELIVERY=delivery, COMMIT="X")

    assert refused["EF_ERROR_IN_GOODS_ISSUE_0"] == "X"
    assert [(r["MSGID"], r["MSGNO"]) for r in refused["PROT"]] == [("VL", "602")]
    assert blocked_returns_stock(flow) == 3


def race(sessions, action) -> list:
    """Run ``action(session)`` in one thread per session, released at the same moment."""
    start = threading.Barrier(len(sessions))

    def run(session):
        start.wait(timeout=30)
        return action(session)

    with ThreadPoolExecutor(len(sessions)) as pool:
        return list(pool.map(run, sessions))


def test_two_sessions_committing_the_same_receipt_at_once_post_it_once(flow, sessions):
    returns, delivery = returns_delivery(flow, "3")
    for session in sessions:
        flow.goods_movement(delivery, {"10": "3"}, commit="", session=session)

    outcomes = race(sessions, flow.commit)

    assert sorted((o["TYPE"], o["ID"], o["NUMBER"]) for o in outcomes) == [
        ("", "", "000"), ("E", "VL", "602")]
    assert len(flow.material_documents()) == 1
    assert blocked_returns_stock(flow) == 3
    assert flow.events(delivery) == ["CRE", "PGR"]


def test_two_sessions_posting_the_same_receipt_at_once_post_it_once(flow, sessions):
    returns, delivery = returns_delivery(flow, "3")

    outcomes = race(sessions, lambda session: flow.goods_movement(
        delivery, {"10": "3"}, commit="X", session=session))

    assert sorted(o["EF_ERROR_IN_GOODS_ISSUE_0"] for o in outcomes) == ["", "X"]
    [refused] = [o for o in outcomes if o["EF_ERROR_ANY_0"] == "X"]
    assert [(r["MSGID"], r["MSGNO"]) for r in refused["PROT"]] == [("VL", "602")]
    assert len(flow.material_documents()) == 1
    assert blocked_returns_stock(flow) == 3
