"""The emulator's errors (fake_sap.errors): T100 messages with their variables, and the HTTP
status each error class maps to; and its clock (fake_sap.clock): a business date shifted for
one context only, DATS, TIMS and serialization keys."""

from __future__ import annotations

import contextvars
from datetime import UTC, date, datetime, timedelta

import pytest

from fake_sap import clock
from fake_sap.errors import (
    ApplicationError,
    BadRequest,
    Conflict,
    LogonError,
    MalformedXml,
    NotFound,
    NotIdocXml,
    PayloadTooLarge,
    SapMessage,
    sap_error,
    sap_message,
)

pytestmark = pytest.mark.unit


def test_a_message_fills_its_placeholders_and_keeps_the_variables_as_text():
    message = sap_message("E", "V1", "382", "Material &1 not defined for sales org &2", "4711",
                          1000, parameter="ORDER_ITEMS_IN", row=1, field="MATERIAL")
    assert message == SapMessage("V1", "382", "Material 4711 not defined for sales org 1000",
                                 "E", ("4711", "1000"), "ORDER_ITEMS_IN", 1, "MATERIAL")
    assert str(message) == "V1 382: Material 4711 not defined for sales org 1000"


def test_an_application_error_carries_its_messages():
    error = sap_error("M3", "305", "Material &1 not found", "4711")
    assert isinstance(error, ApplicationError)
    assert error.sap_message.msgty == "E"
    assert error.messages == (error.sap_message,)
    assert error.message == "M3 305: Material 4711 not found"


def test_an_application_error_may_carry_more_messages():
    first, second = (sap_message("E", "V4", n, "x") for n in ("219", "248"))
    assert ApplicationError(first, second).messages == (first, second)


@pytest.mark.parametrize(("error", "status", "code"), [
    (LogonError, 401, "LOGON_FAILED"), (BadRequest, 400, "BAD_REQUEST"),
    (MalformedXml, 400, "XML_NOT_WELL_FORMED"), (NotIdocXml, 400, "NOT_IDOC_XML"),
    (PayloadTooLarge, 413, "PAYLOAD_TOO_LARGE"), (NotFound, 404, "NOT_FOUND"),
    (Conflict, 409, "CONFLICT"), (ApplicationError, 422, "APPLICATION_ERROR")])
def test_each_error_has_its_http_status_and_code(error, status, code):
    assert (error.http_status, error.code) == (status, code)


# --- the clock --------------------------------------------------------------------------------

MOMENT = datetime(2024, 1, 31, 8, 5, 9, 123456, tzinfo=UTC)


def test_sap_texts_of_a_moment():
    assert clock.dats(MOMENT) == "20240131"
    assert clock.tims(MOMENT) == "080509"
    # EDI_DC40-SERIAL (CHAR 20) holds CREDAT and CRETIM, as in SAP's outbound IDocs
    assert clock.serial(MOMENT) == "20240131080509"


def test_a_shifted_business_date_moves_now_by_whole_days_until_undone():
    token = clock.shift_days(3)
    try:
        shift = clock.now() - clock.system_now()
    finally:
        clock.unshift(token)
    # now() is read a moment before system_now(): a little less than three days apart
    assert timedelta(days=3) - timedelta(seconds=1) < shift <= timedelta(days=3)
    assert abs(clock.now() - clock.system_now()) < timedelta(seconds=1)


def test_the_shift_stays_in_its_context():
    def shifted() -> datetime:
        clock.shift_days(-10)
        return clock.now()

    inside = contextvars.copy_context().run(shifted)
    assert inside < clock.now() - timedelta(days=9)
    assert abs(clock.now() - clock.system_now()) < timedelta(seconds=1)


def test_days_until_a_business_date():
    today = clock.system_now().date()
    assert clock.days_until(today) in (0, -1)  # around midnight the date may just change
    assert clock.days_until(today + timedelta(days=5)) in (5, 4)
    assert clock.days_until(date(2000, 1, 1)) < 0
