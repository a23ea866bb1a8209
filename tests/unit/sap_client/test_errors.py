"""The RFC client's exceptions (sap_client.errors) are pyrfc's: the same names, the same
hierarchy, the same attributes and message layout (SAP reference 8)."""

from __future__ import annotations

import pytest

from sap_client.errors import (
    RFC_ABAP_EXCEPTION,
    RFC_COMMUNICATION_FAILURE,
    RFC_LOGON_FAILURE,
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    ExternalApplicationError,
    ExternalAuthorizationError,
    ExternalRuntimeError,
    LogonError,
    RFCError,
    RFCLibError,
    RFCTypeError,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("error", [
    ABAPApplicationError, ABAPRuntimeError, LogonError, CommunicationError,
    ExternalRuntimeError, ExternalApplicationError, ExternalAuthorizationError, RFCTypeError])
def test_every_error_is_an_rfc_lib_error_and_an_rfc_error(error):
    assert issubclass(error, RFCLibError)
    assert issubclass(RFCLibError, RFCError)


def test_rc_values_are_the_nw_rfc_sdk_s():
    assert (RFC_COMMUNICATION_FAILURE, RFC_LOGON_FAILURE, RFC_ABAP_EXCEPTION) == (1, 2, 5)


def test_an_abap_exception_reads_like_pyrfc_s():
    error = ABAPApplicationError("Function module STFC_X not found", RFC_ABAP_EXCEPTION,
                                 "FU_NOT_FOUND", "FL", "E", "046", "STFC_X")
    assert str(error) == ("RFC_ABAP_EXCEPTION (rc=5): key=FU_NOT_FOUND, message=Function "
                          "module STFC_X not found [MSG: class=FL, type=E, number=046, "
                          "v1-4:=STFC_X;None;None;None]")
    assert (error.message, error.code, error.key) == ("Function module STFC_X not found", 5,
                                                      "FU_NOT_FOUND")
    assert (error.msg_class, error.msg_type, error.msg_number, error.msg_v1) == (
        "FL", "E", "046", "STFC_X")


def test_without_a_message_class_there_is_no_msg_part():
    assert str(CommunicationError("refused", RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
               ) == "RFC_COMMUNICATION_FAILURE (rc=1): key=RFC_INVALID_PROTOCOL, message=refused"


def test_an_unknown_or_missing_code_shows_question_marks():
    assert str(RFCLibError("x", 99)).startswith("??? (rc=99)")
    assert str(RFCLibError("x")).startswith("??? (rc=None)")


def test_a_logon_error_defaults_to_rfc_logon_failure():
    error = LogonError("Logon failed")
    assert (error.code, error.key) == (RFC_LOGON_FAILURE, "RFC_LOGON_FAILURE")
    assert str(error).startswith("RFC_LOGON_FAILURE (rc=2)")
