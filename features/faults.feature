@faults
Feature: Faults between SAP and the CRM
  SAP may be unavailable, an IDoc may fail in SAP, and SAP may block an order for credit.
  Nothing is lost or done twice: an approval made while SAP is down completes once SAP is
  back, an IDoc in error is processed again after the cause is fixed, and an order blocked
  for credit stays in SAP but cannot be shipped.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"

  Scenario: An approval made while SAP is unavailable completes once SAP is back
    Given SAP is unavailable
    When "Wuhan Outlet" applies for 10 "Compressor" as a sales order in application "A1"
    And application "A1" is approved
    Then application "A1" is waiting for SAP
    And the CRM will try again to reach SAP for application "A1"
    When SAP is available again
    And the CRM retries its calls to SAP
    Then application "A1" is in SAP
    And SAP has a standard sales order for 10 "Compressor" of application "A1"

  Scenario: An outlet that reached SAP before its provincial center is processed again
    When the master-data system sends SAP the outlet "Hunan Outlet" of the provincial center "Hunan Center"
    Then SAP keeps the outlet "Hunan Outlet" in error: "does not exist"
    And the CRM does not have the outlet "Hunan Outlet"
    When SAP creates the provincial center "Hunan Center"
    And SAP processes the outlet "Hunan Outlet" again
    Then SAP has posted the outlet "Hunan Outlet"
    And the CRM has the outlet "Hunan Outlet" of provincial center "Hunan Center"

  Scenario: An order SAP blocks for credit is in SAP but cannot be shipped
    Given SAP's credit management blocks "Wuhan Outlet"
    When "Wuhan Outlet" applies for 10 "Compressor" as a sales order in application "A1"
    And application "A1" is approved
    Then application "A1" is in SAP
    And SAP warned about application "A1": "blocked for delivery"
    When SAP tries to ship 10 "Compressor" of application "A1" in delivery "D1"
    Then SAP refuses: "blocked for delivery (credit check)"
    And application "A1" has no sub-deliveries
