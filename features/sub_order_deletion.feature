@logistics
Feature: Sub-order deletion
  SAP may delete a delivery as long as its goods have not moved. The CRM then removes the
  sub-delivery from the application and the quantity is open again. A delivery whose goods
  were issued cannot be deleted any more.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"
    And application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP

  Scenario: SAP deletes a sub-delivery and its quantity is open again
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1"
    When SAP deletes delivery "D1"
    Then application "A1" has no sub-deliveries
    And the delivery of application "A1" shows 0 shipped and 10 open of "Compressor"
    And application "A1" is in SAP

  Scenario: A delivery whose goods were issued cannot be deleted
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    When SAP tries to delete delivery "D1"
    Then SAP refuses: "goods movement has been posted"
    And application "A1" has 1 sub-delivery
    And the delivery of application "A1" shows 4 shipped and 6 open of "Compressor"

  Scenario: Deleting one of two sub-deliveries keeps the other
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    And SAP has shipped 6 "Compressor" of application "A1" in delivery "D2"
    When SAP deletes delivery "D2"
    Then application "A1" has these sub-deliveries:
      | delivery | material   | shipped |
      | D1       | Compressor | 4       |
    And the delivery of application "A1" shows 4 shipped and 6 open of "Compressor"
    And application "A1" is partially delivered
    And the online inventory of "Wuhan Outlet" has 4 "Compressor"

  Scenario: The quantity of a deleted delivery can be shipped again
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1"
    And SAP has deleted delivery "D1"
    When SAP ships 10 "Compressor" of application "A1" in delivery "D2" with goods issue
    Then application "A1" has these sub-deliveries:
      | delivery | material   | shipped |
      | D2       | Compressor | 10      |
    And application "A1" is delivered
    And the online inventory of "Wuhan Outlet" has 10 "Compressor"
