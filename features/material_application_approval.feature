@applications
Feature: Material application approval
  An outlet applies for materials. Approved within its quota (SAP's credit limit minus its
  exposure) and the stock of the central warehouse, the application becomes the matching
  SAP document: a standard sales order, a consignment fill-up order or a stock transport
  order to the provincial warehouse. Over quota or stock it goes back to the outlet with
  the reasons, and the outlet may apply again after a change.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center" with a credit limit of 5000.00 CNY
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"

  Scenario Outline: An application within quota and stock becomes the matching SAP document
    When "Wuhan Outlet" applies for 10 "Compressor" as a <application type> in application "A1"
    And application "A1" is approved
    Then application "A1" is in SAP
    And SAP has a <SAP document> for 10 "Compressor" of application "A1"

    Examples:
      | application type      | SAP document              |
      | sales order           | standard sales order      |
      | consignment fill-up   | consignment fill-up order |
      | stock transport order | stock transport order     |

  Scenario: An application over the outlet's quota is rejected with the figures
    When "Wuhan Outlet" applies for 50 "Compressor" as a sales order in application "A1"
    And application "A1" is approved
    Then application "A1" is rejected
    And the reason of application "A1" says "over quota: the application is worth 6,000.00 CNY"
    And SAP has no document for application "A1"

  Scenario: An application over the stock of the central warehouse is rejected
    Given SAP has the outlet "Shanghai Outlet" of "Hubei Center" with a credit limit of 50000.00 CNY
    When "Shanghai Outlet" applies for 150 "Compressor" as a sales order in application "A1"
    And application "A1" is approved
    Then application "A1" is rejected
    And the reason of application "A1" says "150 requested, 100 available"

  Scenario: A rejected application is applied for again after a change and approved
    Given "Wuhan Outlet" applies for 50 "Compressor" as a sales order in application "A1"
    And application "A1" is approved
    And the reason of application "A1" says "over quota"
    When "Wuhan Outlet" applies again with application "A1" for 40 "Compressor"
    Then application "A1" is submitted
    When application "A1" is approved
    Then application "A1" is in SAP
    And SAP has a standard sales order for 40 "Compressor" of application "A1"

  Scenario: A user rejects an application with a reason the outlet sees
    When "Wuhan Outlet" applies for 10 "Compressor" as a sales order in application "A1"
    And a CRM user rejects application "A1" because "order through the provincial center"
    Then application "A1" is rejected
    And the reason of application "A1" says "order through the provincial center"
    And SAP has no document for application "A1"
