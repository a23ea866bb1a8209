"""The TLS context every HTTP client of a process shares (sap_client.tls): built once,
verifying like httpx's default, and ``verify`` values other than ``True`` kept as given."""

from __future__ import annotations

import ssl

import pytest

from sap_client.tls import default_tls_context, tls_verification

pytestmark = pytest.mark.unit


def test_verify_true_gives_the_one_shared_context():
    assert tls_verification(True) is default_tls_context()
    assert tls_verification(True) is tls_verification(True)


def test_the_shared_context_verifies_certificates_and_host_names():
    context = default_tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname


def test_other_verify_values_are_passed_on_unchanged():
    own = ssl.create_default_context()
    assert tls_verification(False) is False
    assert tls_verification(own) is own
    assert tls_verification("ca-bundle.pem") == "ca-bundle.pem"
