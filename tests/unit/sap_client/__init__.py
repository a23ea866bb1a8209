"""Unit tests of the generic SAP client code: conversion exits, the SOAP-RFC envelope and
its types, BAPI RETURN evaluation, RFC_READ_TABLE helpers and the IDoc-XML reader."""
