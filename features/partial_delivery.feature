@logistics
Feature: Partial delivery
  An approved sales order application becomes an SAP sales order. SAP may ship part of it;
  the rest of the order stays open and becomes another delivery. The CRM shows every SAP
  delivery as a sub-delivery of the application, with what is shipped and what is still
  open, and the outlet's online inventory grows when SAP posts the goods issue.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY
    And the central warehouse has 100 "Compressor"
    And application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is in SAP

  Scenario: SAP ships part of the order and the remainder becomes a new delivery
    When SAP ships 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    Then the delivery of application "A1" shows:
      | material   | shipped | open |
      | Compressor | 4       | 6    |
    And application "A1" has these sub-deliveries:
      | delivery | material   | shipped |
      | D1       | Compressor | 4       |
    And SAP keeps 6 "Compressor" of application "A1" open for another delivery
    And application "A1" is partially delivered
    And the online inventory of "Wuhan Outlet" has 4 "Compressor"

  Scenario: The remainder ships and the order is complete
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    When SAP ships 6 "Compressor" of application "A1" in delivery "D2" with goods issue
    Then the delivery of application "A1" shows:
      | material   | shipped | open |
      | Compressor | 10      | 0    |
    And application "A1" has 2 sub-deliveries
    And application "A1" is delivered
    And the online inventory of "Wuhan Outlet" has 10 "Compressor"

  Scenario: The online inventory grows only with the goods issue
    When SAP ships 4 "Compressor" of application "A1" in delivery "D1"
    Then the delivery of application "A1" shows 4 shipped and 6 open of "Compressor"
    And the online inventory of "Wuhan Outlet" has 0 "Compressor"
    When SAP posts the goods issue of delivery "D1"
    Then the online inventory of "Wuhan Outlet" has 4 "Compressor"

  Scenario Outline: Shipped and open quantities follow SAP's deliveries
    When SAP ships <first> "Compressor" of application "A1" in delivery "D1" with goods issue
    And SAP ships <second> "Compressor" of application "A1" in delivery "D2" with goods issue
    Then the delivery of application "A1" shows <shipped> shipped and <open> open of "Compressor"
    And application "A1" is <status>

    Examples:
      | first | second | shipped | open | status              |
      | 2     | 3      | 5       | 5    | partially delivered |
      | 1     | 9      | 10      | 0    | delivered           |

  Scenario: An outlet that takes one delivery only gets the rest of the order closed
    Given SAP delivers orders of "Wuhan Outlet" in one delivery only
    When SAP ships 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    Then the delivery of application "A1" shows 4 shipped and 0 open of "Compressor"
    And application "A1" is delivered
    And SAP keeps 0 "Compressor" of application "A1" open for another delivery

  Scenario: SAP refuses to ship more than is still open
    Given SAP has shipped 4 "Compressor" of application "A1" in delivery "D1" with goods issue
    When SAP tries to ship 7 "Compressor" of application "A1" in delivery "D2"
    Then SAP refuses: "only 6.000 ST are still open, not 7"
    And the delivery of application "A1" shows 4 shipped and 6 open of "Compressor"
    And application "A1" has 1 sub-delivery
