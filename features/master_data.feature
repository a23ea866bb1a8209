@master_data
Feature: Master-data upserts from SAP
  SAP is the master of materials, outlets and provincial centers. Every change SAP posts
  reaches the CRM by ALE: a new material is created and waits until the CRM maintains its
  CRM-only fields (position number, repair level); a changed one is updated and keeps those
  fields; outlets belong to the provincial center SAP names as their partner, exactly as
  SAP says.

  Scenario: A new material is created in the CRM and waits for its CRM-only fields
    When SAP creates the material "Compressor" with these prices:
      | standard price | moving average price | outlet purchase price | retail price |
      | 80.00          | 82.50                | 120.00                | 199.00       |
    Then the CRM has the material "Compressor" with these prices:
      | standard price | moving average price | outlet purchase price | retail price |
      | 80.00          | 82.50                | 120.00                | 199.00       |
    And "Compressor" waits in the CRM for its position number and repair level

  Scenario: A changed material is updated and keeps its CRM-only fields
    Given SAP has the material "Compressor" described as "Compressor KFR-35"
    And the CRM has maintained "Compressor" with position number "A-01-03" and repair level 2
    When SAP changes the material "Compressor":
      | description  | Compressor KFR-35 stainless |
      | retail price | 240.00                      |
    Then the CRM has the material "Compressor" described as "Compressor KFR-35 stainless"
    And the CRM has the material "Compressor" with a retail price of 240.00 CNY
    And the CRM still has position number "A-01-03" and repair level 2 for "Compressor"
    And no material waits in the CRM for maintenance

  Scenario: A material flagged for deletion in SAP is marked deleted in the CRM
    Given SAP has the material "Compressor" described as "Compressor KFR-35"
    When SAP flags the material "Compressor" for deletion
    Then the CRM has the material "Compressor" marked as deleted
    And the CRM has the material "Compressor" described as "Compressor KFR-35"

  Scenario: A new outlet belongs to the provincial center SAP names
    Given SAP has the provincial center "Hubei Center"
    When SAP creates the outlet "Wuhan Outlet" of "Hubei Center"
    Then the CRM has the outlet "Wuhan Outlet" of provincial center "Hubei Center"
    And the CRM has the provincial center "Hubei Center" with the outlets:
      | outlet       |
      | Wuhan Outlet |

  Scenario: An outlet SAP moves to another provincial center moves in the CRM
    Given SAP has the provincial center "Hubei Center"
    And SAP has the provincial center "Hunan Center"
    And SAP has the outlet "Yueyang Outlet" of "Hubei Center"
    When SAP moves the outlet "Yueyang Outlet" to "Hunan Center"
    Then the CRM has the outlet "Yueyang Outlet" of provincial center "Hunan Center"
    And the CRM has the provincial center "Hubei Center" with no outlets

  Scenario: An outlet whose provincial center the CRM does not know yet waits for it
    Given SAP has the provincial center "Hubei Center" from before the CRM was connected
    When SAP creates the outlet "Wuhan Outlet" of "Hubei Center"
    Then the CRM has the outlet "Wuhan Outlet" waiting for its provincial center
    When SAP changes the name of the provincial center "Hubei Center" to "Hubei Service Center"
    Then the CRM has the outlet "Wuhan Outlet" of provincial center "Hubei Center"
    And no outlet waits in the CRM for its provincial center

  Scenario: A provincial center SAP sends as an outlet is refused by the CRM
    Given SAP has the provincial center "Hubei Center"
    And SAP has the provincial center "Hunan Center"
    When SAP turns the provincial center "Hubei Center" into an outlet of "Hunan Center"
    Then the CRM refuses SAP's customer message: "is a provincial center in the CRM"
    And the CRM has the provincial center "Hubei Center"
    And the CRM does not have the outlet "Hubei Center"
