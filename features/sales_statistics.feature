@statistics
Feature: Sales statistics
  SAP keeps sales statistics per month, customer and material (info structure S001): the
  incoming orders and the returns. The CRM imports a month from SAP; importing the month
  again replaces it with what SAP has now.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"
    And SAP's business date is 15 October 2025

  Scenario: The incoming orders of a month are imported
    Given application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP
    When the CRM imports the sales statistics of October 2025
    Then the sales statistics of October 2025 in the CRM are:
      | customer     | material   | incoming orders quantity | incoming orders value |
      | Wuhan Outlet | Compressor | 10                       | 1200.00               |

  Scenario: Importing a month again replaces it with what SAP has now
    Given application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP
    And the CRM has imported the sales statistics of October 2025
    And application "A2" of "Wuhan Outlet" for 5 "Compressor" as a sales order is in SAP
    When the CRM imports the sales statistics of October 2025
    Then the sales statistics of October 2025 in the CRM are:
      | customer     | material   | incoming orders quantity | incoming orders value |
      | Wuhan Outlet | Compressor | 15                       | 1800.00               |

  Scenario: Returns are part of the statistics
    Given application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP
    And SAP has shipped 10 "Compressor" of application "A1" in delivery "D1" with goods issue
    And return "R1" of "Wuhan Outlet" for 3 "Compressor" of application "A1" is in SAP
    When the CRM imports the sales statistics of October 2025
    Then the sales statistics of October 2025 in the CRM are:
      | customer     | material   | incoming orders quantity | returns quantity |
      | Wuhan Outlet | Compressor | 10                       | 3                |

  Scenario: Another month has its own statistics
    Given application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP
    When the CRM imports the sales statistics of September 2025
    Then the CRM has no sales statistics of September 2025
