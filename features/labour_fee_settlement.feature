@labour_fees
Feature: Labour-fee settlement
  Outlets repair appliances; each repair has a level and the labour fee of that level. On
  the 10th of every month the CRM settles the previous month's repairs with each provincial
  center: one FI document per center in SAP crediting the center with the total. When SAP's
  finance clears the center's item, the CRM marks the settlement settled.

  Background:
    Given SAP has the provincial center "Hubei Center"
    And SAP has the provincial center "Hunan Center"
    And SAP has the outlet "Wuhan Outlet" of "Hubei Center"
    And SAP has the outlet "Changsha Outlet" of "Hunan Center"
    And the labour fee of each repair level is:
      | repair level | fee   |
      | 1            | 30.00 |
      | 2            | 50.00 |
      | 3            | 80.00 |
    And the business date is 10 November 2025
    And these repairs were done:
      | outlet          | date       | repair method    |
      | Wuhan Outlet    | 2025-10-03 | inspection       |
      | Wuhan Outlet    | 2025-10-15 | part replacement |
      | Wuhan Outlet    | 2025-10-31 | component repair |
      | Changsha Outlet | 2025-10-20 | part replacement |
      | Wuhan Outlet    | 2025-11-01 | component repair |

  Scenario: October's repairs are settled per provincial center on 10 November
    When the CRM settles the labour fees
    Then the labour-fee settlements of October 2025 are:
      | provincial center | total  | status |
      | Hubei Center      | 160.00 | posted |
      | Hunan Center      | 50.00  | posted |
    And SAP has an accounting document crediting "Hubei Center" with 160.00 CNY
    And SAP has an accounting document crediting "Hunan Center" with 50.00 CNY
    And the repair of "Wuhan Outlet" on 2025-11-01 is not settled yet

  Scenario: A settlement SAP's finance cleared is settled in the CRM
    Given the CRM has settled the labour fees
    When SAP's finance clears the open items of "Hubei Center"
    And the CRM checks SAP's clearing of its settlements
    Then the labour-fee settlements of October 2025 are:
      | provincial center | total  | status  |
      | Hubei Center      | 160.00 | settled |
      | Hunan Center      | 50.00  | posted  |

  Scenario: Settling again the same month posts nothing twice
    Given the CRM has settled the labour fees
    When the CRM settles the labour fees
    Then the labour-fee settlements of October 2025 are:
      | provincial center | total  | status |
      | Hubei Center      | 160.00 | posted |
      | Hunan Center      | 50.00  | posted |
    And SAP has 1 accounting document crediting "Hubei Center"

  Scenario: A repair recorded after its month was settled is settled the month after
    Given the CRM has settled the labour fees
    And these repairs were done:
      | outlet       | date       | repair method |
      | Wuhan Outlet | 2025-10-28 | inspection    |
    And the business date is 10 December 2025
    When the CRM settles the labour fees
    Then the labour-fee settlements of November 2025 are:
      | provincial center | total  | status |
      | Hubei Center      | 110.00 | posted |
    And SAP has 2 accounting documents crediting "Hubei Center"

  Scenario: The labour fees are settled on the 10th only
    Given the business date is 9 November 2025
    When the CRM tries to settle the labour fees
    Then the CRM refuses: "labour fees are settled on day 10 of the month"
    And there are no labour-fee settlements
