@returns
Feature: Single-receipt returns
  An outlet returns goods it received with a sales order application. The approved return
  becomes an SAP return order against the original order; SAP receives the goods once,
  counting them, and the CRM records that one receipt with what was counted. A second
  receipt is refused, in SAP and in the CRM, and a count that differs from what the return
  expected is reported.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"
    And application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP
    And SAP has shipped 10 "Compressor" of application "A1" in delivery "D1" with goods issue

  Scenario: An approved return becomes an SAP return order and its counted receipt is recorded
    When "Wuhan Outlet" returns 3 "Compressor" of application "A1" in return "R1"
    And return "R1" is approved
    Then return "R1" is in SAP
    And SAP has a return order for 3 "Compressor" of return "R1" referring to application "A1"
    When SAP receives the goods of return "R1" counting 3 "Compressor"
    Then return "R1" is received
    And return "R1" shows 3 expected and 3 received of "Compressor"

  Scenario: A second goods receipt of the same returns delivery is refused by SAP
    Given return "R1" of "Wuhan Outlet" for 3 "Compressor" of application "A1" is in SAP
    And SAP has received the goods of return "R1" counting 3 "Compressor"
    When SAP tries to post the goods receipt of return "R1" again
    Then SAP refuses: "VL 602 Goods receipt"
    And return "R1" shows 3 expected and 3 received of "Compressor"

  Scenario: A second receipt from another returns delivery is refused by the CRM
    Given return "R1" of "Wuhan Outlet" for 3 "Compressor" of application "A1" is in SAP
    And SAP has received the goods of return "R1" counting 2 "Compressor"
    When SAP receives the rest of return "R1" in another returns delivery counting 1 "Compressor"
    Then the CRM refuses SAP's delivery message: "a second goods receipt"
    And return "R1" shows 3 expected and 2 received of "Compressor"

  Scenario: A receipt that counts less than expected is reported
    Given return "R1" of "Wuhan Outlet" for 3 "Compressor" of application "A1" is in SAP
    When SAP receives the goods of return "R1" counting 2 "Compressor"
    Then return "R1" is partially received
    And return "R1" shows 3 expected and 2 received of "Compressor"
    And return "R1" reports the difference "expected 3, received 2"

  Scenario: More than the application delivered cannot be returned
    When "Wuhan Outlet" tries to return 11 "Compressor" of application "A1" in return "R1"
    Then the CRM refuses: "only 10 of the application can still be returned"
